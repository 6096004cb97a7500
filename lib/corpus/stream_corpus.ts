/**
 * Streaming a corpus: articles are read one at a time, in input order, so
 * that memory holds the articles being worked on, never the whole corpus.
 * Every input is accounted for: it becomes an article or a listed failure.
 *
 * @module
 */
import { ArticleMeta } from "../article.ts";
import type { Article } from "../article.ts";
import { InputError } from "../errors.ts";
import type { CorpusItem, Failure } from "./corpus.ts";
import { csvHeader, CsvSplitter } from "./csv.ts";
import { MAX_ARTICLE_BYTES, readByteLines } from "./lines.ts";
import { parseManifest } from "./manifest.ts";
import type { ManifestEntry } from "./manifest.ts";
import { checkText, decodeText, errorText, firstInvalidUtf8, readTextFile } from "./read_text.ts";
import { inspectText } from "./text_checks.ts";

/** Options for {@linkcode streamCorpus} and `loadCorpus`. */
export interface StreamCorpusOptions {
  /** The column of a CSV corpus that holds the article text. @default "text" */
  textColumn?: string;
  /** The column or JSONL field that holds the article id. @default "id" */
  idField?: string;
  /** Longest article (a text file or a JSONL line) read, in bytes. @default 8 MiB */
  maxArticleBytes?: number;
}

const TEXT_FILE = /\.(txt|md)$/i;
/** Files in a corpus folder that document it rather than hold an article. */
const DOC_FILE = /^(readme|licen[cs]e|changelog|sources|splits)(\.[a-z]+)?$/i;
const MANIFEST_NAMES = ["manifest.json", "manifest.csv"];

/**
 * Reads articles from any mix of paths, one at a time and in input order: a
 * folder of `.txt`/`.md` files with an optional `manifest.json` or
 * `manifest.csv`, a single text file, a JSONL file (one article a line) or a
 * CSV file with a text column. JSONL and CSV files are read in pieces, never
 * whole. An id seen before is a failure, not a second article.
 *
 * @param paths Files and folders to read.
 * @returns Articles, failures (with their reasons) and notes, in input order.
 *
 * @example A bad line is a failure between two articles
 * ```ts
 * import { streamCorpus } from "@framing/toolkit";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const file = await Deno.makeTempFile({ suffix: ".jsonl" });
 * await Deno.writeTextFile(file, '{"id": "a", "text": "One."}\nnot json\n{"id": "b", "text": "Two."}\n');
 * const kinds = [];
 * for await (const item of streamCorpus([file])) kinds.push(Object.keys(item)[0]);
 * deepStrictEqual(kinds, ["article", "failure", "article"]);
 * ```
 */
export async function* streamCorpus(
  paths: readonly string[],
  options: StreamCorpusOptions = {},
): AsyncGenerator<CorpusItem> {
  const seen = new Map<string, string>();
  for (const item of inputs(paths, options)) {
    for await (const x of item) {
      if (!("article" in x)) {
        yield x;
        continue;
      }
      const id = x.article.meta.id;
      const first = seen.get(id);
      if (first === undefined) {
        seen.set(id, x.article.origin);
        yield x;
      } else {
        yield {
          failure: {
            input: x.article.origin,
            reason: `expected a unique id, found "${id}" already used by ${first}`,
          },
        };
      }
    }
  }
}

function* inputs(
  paths: readonly string[],
  options: StreamCorpusOptions,
): Generator<AsyncGenerator<CorpusItem>> {
  for (const path of paths) yield readPath(path, options);
}

async function* readPath(path: string, options: StreamCorpusOptions): AsyncGenerator<CorpusItem> {
  let info: Deno.FileInfo;
  try {
    info = await Deno.stat(path);
  } catch (e) {
    yield { failure: { input: path, reason: `expected a file or folder (${errorText(e)})` } };
    return;
  }
  const max = options.maxArticleBytes ?? MAX_ARTICLE_BYTES;
  try {
    if (info.isDirectory) yield* readFolder(path, max);
    else if (/\.jsonl$/i.test(path)) yield* readJsonl(path, options, max);
    else if (/\.csv$/i.test(path)) yield* readCsv(path, options);
    else if (TEXT_FILE.test(path)) {
      const text = await readArticleFile(path, info.size, max);
      yield { article: makeArticle({ id: baseId(path) }, text, path), bytes: info.size };
    } else {
      yield {
        failure: { input: path, reason: "expected a folder, or a .txt, .md, .jsonl or .csv file" },
      };
    }
  } catch (e) {
    yield { failure: failureOf(path, e) };
  }
}

/** The failure record of an error: an InputError's message, or "unexpected error". */
export function failureOf(input: string, e: unknown): Failure {
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

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

async function readArticleFile(path: string, size: number, max: number): Promise<string> {
  if (size > max) {
    throw new InputError(
      { file: path },
      `expected an article of at most ${mib(max)}, found ${mib(size)} ` +
        "(split it, or raise the limit with --max-article-mb)",
    );
  }
  return await readTextFile(path);
}

function makeArticle(meta: Record<string, unknown>, text: string, origin: string): Article {
  const parsed = ArticleMeta.parse(meta);
  return { meta: parsed, text, origin, warnings: warningsOf(parsed, text, origin) };
}

function warningsOf(meta: ArticleMeta, text: string, origin: string): string[] {
  const warnings = inspectText(text, { file: origin });
  if (!/^en\b/i.test(meta.language)) {
    warnings.push(
      `language is "${meta.language}", but the language model is English: ` +
        "sentences, lemmas and sentiment may be wrong",
    );
  }
  return warnings;
}

async function* readFolder(dir: string, max: number): AsyncGenerator<CorpusItem> {
  const all: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    if (entry.isFile && TEXT_FILE.test(entry.name)) all.push(entry.name);
  }
  all.sort();
  const present = new Set(all);
  const byFile = new Map<string, ManifestEntry>();
  const manifestName = MANIFEST_NAMES.find((m) => exists(join(dir, m)));
  if (manifestName) {
    const file = join(dir, manifestName);
    try {
      for (const row of parseManifest(await readTextFile(file), file)) {
        if (!row.ok) {
          yield { failure: { input: row.place, reason: row.reason } };
        } else if (!present.has(row.entry.file)) {
          yield {
            failure: {
              input: row.place,
              reason: `expected the file "${row.entry.file}" in ${dir}, found none`,
            },
          };
        } else byFile.set(row.entry.file, row.entry);
      }
    } catch (e) {
      yield { failure: failureOf(file, e) };
      yield { note: `${file} could not be read: every file in ${dir} uses default metadata` };
    }
  }
  const names: string[] = [];
  for (const name of all) {
    if (!DOC_FILE.test(name) || byFile.has(name)) names.push(name);
    else {
      yield {
        note: `${
          join(dir, name)
        } skipped: it documents the folder (name it in a manifest to read it as an article)`,
      };
    }
  }
  for (const name of names) {
    const path = join(dir, name);
    const entry = byFile.get(name);
    try {
      const size = (await Deno.stat(path)).size;
      const text = await readArticleFile(path, size, max);
      if (entry) {
        const { file: _file, ...meta } = entry;
        yield { article: makeArticle(meta, text, path), bytes: size };
      } else {
        if (manifestName) {
          yield { note: `${path} has no manifest row: id "${baseId(name)}" and defaults used` };
        }
        yield { article: makeArticle({ id: baseId(name) }, text, path), bytes: size };
      }
    } catch (e) {
      yield { failure: failureOf(path, e) };
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

async function* readJsonl(
  path: string,
  options: StreamCorpusOptions,
  max: number,
): AsyncGenerator<CorpusItem> {
  const idField = options.idField ?? "id";
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let any = false;
  let text = false;
  for await (const raw of readByteLines(path, { maxLineBytes: max })) {
    any = true;
    const place = { file: path, line: raw.line };
    const input = `${path}:${raw.line}`;
    try {
      if ("tooLong" in raw) {
        text = true;
        throw new InputError(
          place,
          `expected a line of at most ${mib(max)}, found ${mib(raw.tooLong)} ` +
            "(split the article, or raise the limit with --max-article-mb)",
        );
      }
      let line: string;
      try {
        line = decoder.decode(raw.bytes);
      } catch (cause) {
        text = true;
        const bad = firstInvalidUtf8(raw.bytes);
        throw new InputError(
          place,
          `expected UTF-8 text, found byte 0x${
            raw.bytes[bad].toString(16)
          } at byte ${bad} of the line`,
          { cause },
        );
      }
      if (line.trim() === "") continue;
      text = true;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch (cause) {
        throw new InputError(place, `expected a JSON object (${errorText(cause)})`, { cause });
      }
      const article = fromRecord(record, place, idField, `${baseId(path)}-${raw.line}`, "text");
      yield { article, bytes: raw.bytes.length + 1 };
    } catch (e) {
      yield { failure: failureOf(input, e) };
    }
  }
  if (!any) throw new InputError({ file: path }, "expected text, found an empty file");
  if (!text) throw new InputError({ file: path }, "expected text, found only whitespace");
}

async function* readCsv(path: string, options: StreamCorpusOptions): AsyncGenerator<CorpusItem> {
  const textColumn = options.textColumn ?? "text";
  const idField = options.idField ?? "id";
  let header: string[] | undefined;
  let checked = false;
  for await (const row of csvRows(path)) {
    if (header === undefined) {
      header = csvHeader(row.cells, path);
      continue;
    }
    if (row.cells.length === 1 && row.cells[0] === "") continue;
    if (!checked && !header.includes(textColumn)) {
      throw new InputError(
        { file: path, line: 1 },
        `expected a "${textColumn}" column, found ${header.join(", ")}`,
      );
    }
    checked = true;
    const place = { file: path, line: row.line };
    try {
      if (row.cells.length !== header.length) {
        throw new InputError(
          place,
          `expected ${header.length} fields (${header.join(", ")}), found ${row.cells.length}`,
        );
      }
      const fields: Record<string, string> = {};
      header.forEach((h, i) => fields[h] = row.cells[i]);
      const article = fromRecord(fields, place, idField, `${baseId(path)}-${row.line}`, textColumn);
      const bytes = row.cells.reduce((n, c) => n + c.length + 1, 0);
      yield { article, bytes };
    } catch (e) {
      yield { failure: failureOf(`${path}:${row.line}`, e) };
    }
  }
  if (header === undefined) throw new InputError({ file: path }, "expected a header row");
}

/** The rows of a CSV file, decoded and split a piece at a time. */
async function* csvRows(path: string): AsyncGenerator<{ line: number; cells: string[] }> {
  using file = await Deno.open(path, { read: true });
  const splitter = new CsvSplitter(path);
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const chunk = new Uint8Array(1024 * 1024);
  let offset = 0;
  let lines = 1;
  let first = true;
  let text = false;
  let blank = "";
  while (true) {
    const n = await file.read(chunk);
    if (n === null) break;
    const bytes = chunk.subarray(0, n);
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      throw new InputError(
        { file: path, line: lines + countLineBreaks(bytes, nul) },
        "expected text, found a NUL byte (this looks like a binary file)",
      );
    }
    let piece: string;
    try {
      piece = decoder.decode(bytes, { stream: true });
    } catch (cause) {
      const bad = firstInvalidUtf8(bytes);
      throw new InputError(
        { file: path, line: lines + countLineBreaks(bytes, bad) },
        `expected UTF-8 text, found byte 0x${bytes[bad].toString(16)} at byte offset ${
          offset + bad
        }`,
        { cause },
      );
    }
    lines += countLineBreaks(bytes, n);
    offset += n;
    if (first) piece = piece.replace(/^\uFEFF/, "");
    first = false;
    if (!text) {
      // Leading whitespace waits until some text shows that the file is not blank.
      blank += piece;
      if (blank.trim() === "") continue;
      checkText(blank, { file: path });
      text = true;
      piece = blank;
      blank = "";
    }
    yield* splitter.push(piece);
  }
  if (offset === 0) decodeText(new Uint8Array(), path);
  if (!text) throw new InputError({ file: path }, "expected text, found only whitespace");
  yield* splitter.end();
}

function countLineBreaks(bytes: Uint8Array, before: number): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < before; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
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
  checkText(text, { ...place, path: textField });
  const meta = { ...rest, id: id === undefined || id === "" ? defaultId : String(id) };
  const parsed = ArticleMeta.safeParse(meta);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError({ ...place, path: issue.path.join(".") }, issue.message);
  }
  const origin = `${place.file}:${place.line}`;
  return { meta: parsed.data, text, origin, warnings: warningsOf(parsed.data, text, origin) };
}
