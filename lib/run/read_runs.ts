/**
 * Reading the output of corpus runs (`analyze --jsonl RUN.jsonl`, full or
 * `--compact`, one file or several shards) back into articles that the
 * comparison, the figures and the tables read, without analysing again.
 *
 * A compact line is filled out into the shape of a full record with empty
 * text, sentences, hits, mentions and vocabulary: its topic and stance rows
 * get their voice's words and sentences back, and topic and stance
 * categories it does not list have 0 hits. Memory then holds articles ×
 * features. A full line is kept whole, so its evidence sentences can be
 * shown; a run of full lines holds what they hold.
 *
 * @module
 */
import { AnalysedArticle } from "../analysis.ts";
import { readByteLines } from "../corpus/lines.ts";
import { InputError } from "../errors.ts";
import { Provenance } from "../provenance.ts";
import { COMPACT_FORMAT, CompactArticle } from "./compact_article.ts";

/** What {@linkcode readRuns} gives. */
export interface RunArticles {
  /** Every article of every file, in file order, then line order. */
  articles: AnalysedArticle[];
  /** `full` when every line held the full record (evidence can be shown), else `compact`. */
  mode: "full" | "compact";
  /** Lines per file: `[file, full lines, compact lines]`. */
  files: [string, number, number][];
  /** The provenance record beside the first file (`RUN.jsonl.provenance.json`), if there is one. */
  provenance?: Provenance;
  /** Things worth knowing: files without a provenance record, or with a different one. */
  notes: string[];
}

/**
 * A compact record filled out into the shape of a full one (no text,
 * sentences, hits, mentions or vocabulary).
 *
 * @param c The compact record.
 * @returns A record that the comparison, figures and tables read.
 *
 * @example
 * ```ts
 * import { fromCompact } from "./read_runs.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const a = fromCompact({
 *   format: "framing-compact-article", id: "a", meta: { id: "a", language: "en", inferred: [] },
 *   origin: "a.txt", warnings: [], length: 100,
 *   voices: [{ voice: "body", chars: 90, sentences: 4, words: 20 }],
 *   actors: [], stance: [],
 *   topics: [{ topic: "energy", voice: "body", hits: 2, per1k: 100, sentenceShare: 0.5, sentencesWithTopic: 2 }],
 * });
 * strictEqual(a.topics[0].words, 20);
 * strictEqual(a.sentences.length, 0);
 * ```
 */
export function fromCompact(c: CompactArticle): AnalysedArticle {
  const voice = (v: string) => c.voices.find((x) => x.voice === v);
  return {
    id: c.id,
    meta: c.meta,
    origin: c.origin,
    warnings: c.warnings,
    text: "",
    length: c.length,
    segments: [],
    sentences: [],
    voices: c.voices,
    hits: [],
    mentions: [],
    topics: c.topics.map((t) => ({
      ...t,
      article: c.id,
      words: voice(t.voice)?.words ?? 0,
      sentences: voice(t.voice)?.sentences ?? 0,
    })),
    stance: c.stance.map((s) => ({ ...s, article: c.id, words: voice(s.voice)?.words ?? 0 })),
    actors: c.actors.map((r) => ({
      ...r,
      evaluatingShare: r.mentions === 0 ? 0 : r.evaluating / r.mentions,
    })),
    vocabulary: {},
  } as AnalysedArticle;
}

/**
 * Reads the JSONL output of one or more `analyze` runs.
 *
 * @param paths The files (shards of one run, or runs to be put together).
 * @returns The articles, whether they hold evidence, and the run's provenance.
 * @throws {InputError} On a line that is neither a full nor a compact record
 * (naming the file, the line and what was expected), on an article id that
 * appears twice, or on a file with no article.
 *
 * @example A line that is not a record is named with its place
 * ```ts
 * import { readRuns } from "./read_runs.ts";
 * import { rejects } from "node:assert/strict";
 *
 * const file = await Deno.makeTempFile({ suffix: ".jsonl" });
 * await Deno.writeTextFile(file, '{"id": "a"}\n');
 * await rejects(readRuns([file]), /line 1: meta: expected a full or compact article record/);
 * ```
 */
export async function readRuns(paths: readonly string[]): Promise<RunArticles> {
  if (paths.length === 0) throw new RangeError("Cannot read runs: no file given");
  const articles: AnalysedArticle[] = [];
  const seen = new Map<string, string>();
  const files: [string, number, number][] = [];
  const notes: string[] = [];
  let provenance: Provenance | undefined;
  let provenanceText: string | undefined;
  const decoder = new TextDecoder();
  for (const [k, path] of paths.entries()) {
    let full = 0;
    let compact = 0;
    for await (const line of readByteLines(path, { maxLineBytes: 1024 * 1024 * 1024 })) {
      if ("tooLong" in line) {
        throw new InputError({ file: path, line: line.line }, "expected a line under 1 GB");
      }
      const text = decoder.decode(line.bytes).trim();
      if (text === "") continue;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        throw new InputError(
          { file: path, line: line.line },
          `expected a JSON record of analyze --jsonl (${e instanceof Error ? e.message : e})`,
        );
      }
      const isCompact = (json as { format?: unknown })?.format === COMPACT_FORMAT;
      const parsed = isCompact ? CompactArticle.safeParse(json) : AnalysedArticle.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new InputError(
          { file: path, line: line.line, path: issue.path.join(".") || undefined },
          `expected a full or compact article record of analyze --jsonl (${
            isCompact ? "compact" : "full"
          }: ${issue.message})`,
        );
      }
      const article = isCompact
        ? fromCompact(parsed.data as CompactArticle)
        : parsed.data as AnalysedArticle;
      const before = seen.get(article.id);
      if (before !== undefined) {
        throw new InputError(
          { file: path, line: line.line },
          `expected each article once, but "${article.id}" is also in ${before}`,
        );
      }
      seen.set(article.id, `${path}:${line.line}`);
      articles.push(article);
      if (isCompact) compact++;
      else full++;
    }
    if (full + compact === 0) {
      throw new InputError({ file: path }, "expected article records, found none");
    }
    files.push([path, full, compact]);
    const text = await Deno.readTextFile(`${path}.provenance.json`).catch(() => undefined);
    if (text === undefined) {
      notes.push(`${path} has no provenance record beside it (${path}.provenance.json).`);
    } else if (k === 0 || provenanceText === undefined) {
      const p = Provenance.safeParse(JSON.parse(text));
      if (p.success) {
        provenance = p.data;
        provenanceText = text;
      } else notes.push(`${path}.provenance.json is not a provenance record: left out.`);
    } else if (text !== provenanceText) {
      notes.push(
        `${path} was made with other settings than ${paths[0]} (their provenance records differ).`,
      );
    }
  }
  const mode = files.every(([, , c]) => c === 0) ? "full" : "compact";
  return { articles, mode, files, provenance, notes };
}
