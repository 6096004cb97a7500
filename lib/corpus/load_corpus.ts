/**
 * Loading a corpus from folders, single files, JSONL or CSV. Every input is
 * accounted for: it becomes an article or a listed failure.
 *
 * @module
 */
import { ArticleMeta } from "../article.ts";
import type { Article } from "../article.ts";
import { InputError } from "../errors.ts";
import type { Corpus, Failure } from "./corpus.ts";
import { parseCsv } from "./csv.ts";
import { parseManifest } from "./manifest.ts";
import type { ManifestEntry } from "./manifest.ts";
import { decodeText, errorText, readTextFile } from "./read_text.ts";

/** Options for {@linkcode loadCorpus}. */
export interface LoadCorpusOptions {
  /** The column of a CSV corpus that holds the article text. @default "text" */
  textColumn?: string;
  /** The column or JSONL field that holds the article id. @default "id" */
  idField?: string;
}

const TEXT_FILE = /\.(txt|md)$/i;
/** Files in a corpus folder that document it rather than hold an article. */
const DOC_FILE = /^(readme|licen[cs]e|changelog|sources|splits)(\.[a-z]+)?$/i;
const MANIFEST_NAMES = ["manifest.json", "manifest.csv"];

/**
 * Loads articles from any mix of paths: a folder of `.txt`/`.md` files with
 * an optional `manifest.json` or `manifest.csv`, a single text file, a JSONL
 * file (one article a line) or a CSV file with a text column.
 *
 * @param paths Files and folders to read.
 * @returns The articles, the failures with their reasons, and notes on defaults used.
 *
 * @example One bad line never stops the others
 * ```ts
 * import { loadCorpus } from "../mod.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const file = await Deno.makeTempFile({ suffix: ".jsonl" });
 * await Deno.writeTextFile(file, '{"id": "a", "text": "Hello."}\nnot json\n');
 * const corpus = await loadCorpus([file]);
 * strictEqual(corpus.articles.length, 1);
 * strictEqual(corpus.failures.length, 1);
 * ```
 */
export async function loadCorpus(
  paths: readonly string[],
  options: LoadCorpusOptions = {},
): Promise<Corpus> {
  const corpus: Corpus = { articles: [], failures: [], notes: [] };
  for (const path of paths) {
    let info: Deno.FileInfo;
    try {
      info = await Deno.stat(path);
    } catch (e) {
      corpus.failures.push({ input: path, reason: `expected a file or folder (${errorText(e)})` });
      continue;
    }
    try {
      if (info.isDirectory) await loadFolder(path, corpus);
      else if (/\.jsonl$/i.test(path)) await loadJsonl(path, corpus, options);
      else if (/\.csv$/i.test(path)) await loadCsv(path, corpus, options);
      else if (TEXT_FILE.test(path)) {
        corpus.articles.push(makeArticle({ id: baseId(path) }, await readTextFile(path), path));
      } else {
        corpus.failures.push({
          input: path,
          reason: "expected a folder, or a .txt, .md, .jsonl or .csv file",
        });
      }
    } catch (e) {
      corpus.failures.push(failureOf(path, e));
    }
  }
  dropDuplicateIds(corpus);
  return corpus;
}

function failureOf(input: string, e: unknown): Failure {
  if (e instanceof InputError) return { input, reason: e.message };
  return { input, reason: `unexpected error: ${errorText(e)}` };
}

function baseId(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.[^.]+$/, "");
}

function join(dir: string, name: string): string {
  return dir.endsWith("/") ? dir + name : `${dir}/${name}`;
}

function makeArticle(meta: Record<string, unknown>, text: string, origin: string): Article {
  const parsed = ArticleMeta.parse(meta);
  return { meta: parsed, text, origin, warnings: [] };
}

async function loadFolder(dir: string, corpus: Corpus): Promise<void> {
  const all: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    if (entry.isFile && TEXT_FILE.test(entry.name)) all.push(entry.name);
  }
  all.sort();
  const byFile = new Map<string, ManifestEntry>();
  const manifestName = MANIFEST_NAMES.find((m) => exists(join(dir, m)));
  if (manifestName) {
    const file = join(dir, manifestName);
    try {
      for (const row of parseManifest(await readTextFile(file), file)) {
        if (!row.ok) {
          corpus.failures.push({ input: row.place, reason: row.reason });
        } else if (!all.includes(row.entry.file)) {
          corpus.failures.push({
            input: row.place,
            reason: `expected the file "${row.entry.file}" in ${dir}, found none`,
          });
        } else byFile.set(row.entry.file, row.entry);
      }
    } catch (e) {
      corpus.failures.push(failureOf(file, e));
      corpus.notes.push(`${file} could not be read: every file in ${dir} uses default metadata`);
    }
  }
  const names = all.filter((name) => {
    if (!DOC_FILE.test(name) || byFile.has(name)) return true;
    corpus.notes.push(
      `${
        join(dir, name)
      } skipped: it documents the folder (name it in a manifest to read it as an article)`,
    );
    return false;
  });
  for (const name of names) {
    const path = join(dir, name);
    const entry = byFile.get(name);
    try {
      const text = await readTextFile(path);
      if (entry) {
        const { file: _file, ...meta } = entry;
        corpus.articles.push(makeArticle(meta, text, path));
      } else {
        if (manifestName) {
          corpus.notes.push(`${path} has no manifest row: id "${baseId(name)}" and defaults used`);
        }
        corpus.articles.push(makeArticle({ id: baseId(name) }, text, path));
      }
    } catch (e) {
      corpus.failures.push(failureOf(path, e));
    }
  }
}

function exists(path: string): boolean {
  try {
    return Deno.statSync(path).isFile;
  } catch {
    return false;
  }
}

async function loadJsonl(path: string, corpus: Corpus, options: LoadCorpusOptions): Promise<void> {
  const text = decodeText(await Deno.readFile(path), path);
  const idField = options.idField ?? "id";
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    const place = { file: path, line: i + 1 };
    const input = `${path}:${i + 1}`;
    try {
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch (cause) {
        throw new InputError(place, `expected a JSON object (${errorText(cause)})`, { cause });
      }
      corpus.articles.push(fromRecord(record, place, idField, `${baseId(path)}-${i + 1}`, "text"));
    } catch (e) {
      corpus.failures.push(failureOf(input, e));
    }
  });
}

async function loadCsv(path: string, corpus: Corpus, options: LoadCorpusOptions): Promise<void> {
  const textColumn = options.textColumn ?? "text";
  const idField = options.idField ?? "id";
  const records = parseCsv(decodeText(await Deno.readFile(path), path), path);
  if (records.length > 0 && !(textColumn in records[0].fields)) {
    throw new InputError(
      { file: path, line: 1 },
      `expected a "${textColumn}" column, found ${Object.keys(records[0].fields).join(", ")}`,
    );
  }
  for (const { line, fields } of records) {
    const place = { file: path, line };
    try {
      corpus.articles.push(
        fromRecord(fields, place, idField, `${baseId(path)}-${line}`, textColumn),
      );
    } catch (e) {
      corpus.failures.push(failureOf(`${path}:${line}`, e));
    }
  }
}

function fromRecord(
  record: unknown,
  place: { file: string; line: number },
  idField: string,
  defaultId: string,
  textField: string,
): Article {
  if (typeof record !== "object" || record === null || Array.isArray(record)) {
    throw new InputError(place, "expected a JSON object");
  }
  const { [textField]: text, [idField]: id, ...rest } = record as Record<string, unknown>;
  if (typeof text !== "string") {
    throw new InputError({ ...place, path: textField }, "expected the article text as a string");
  }
  const decoded = decodeText(new TextEncoder().encode(text), `${place.file}:${place.line}`);
  const meta = { ...rest, id: id === undefined || id === "" ? defaultId : String(id) };
  const parsed = ArticleMeta.safeParse(meta);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError({ ...place, path: issue.path.join(".") }, issue.message);
  }
  return { meta: parsed.data, text: decoded, origin: `${place.file}:${place.line}`, warnings: [] };
}

function dropDuplicateIds(corpus: Corpus): void {
  const first = new Map<string, string>();
  corpus.articles = corpus.articles.filter((a) => {
    const seen = first.get(a.meta.id);
    if (seen === undefined) {
      first.set(a.meta.id, a.origin);
      return true;
    }
    corpus.failures.push({
      input: a.origin,
      reason: `expected a unique id, found "${a.meta.id}" already used by ${seen}`,
    });
    return false;
  });
}
