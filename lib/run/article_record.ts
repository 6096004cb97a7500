/**
 * One analysed article as the streaming outputs write it: its JSON line and
 * its rows of the aggregated tables, already serialised (in a worker, so that
 * the main thread only writes).
 *
 * @module
 */
import { codingRecord } from "./coding_record.ts";
import type { Article } from "../article.ts";
import type { AnalysedArticle } from "../analysis.ts";
import { analyzeArticle, type AnalyzeOptions } from "../analyze.ts";
import type { AnalysisResources } from "../resources.ts";
import { compactArticle, type CompactSource } from "./compact_article.ts";
import { measureArticle } from "../measure_article.ts";
import { voiceSummaries } from "../tokenize_article.ts";

import type { TableName } from "./table_names.ts";
export { type TableName, TABLES } from "./table_names.ts";

/** An analysed article, serialised. */
export interface ArticleRecord {
  id: string;
  /**
   * `JSON.stringify` of the `AnalysedArticle` (or of its `CompactArticle` when
   * asked for), without a line break.
   */
  json: string;
  /** Each table's rows of this article, as JSON objects that start with `"article"`. */
  tables: Record<TableName, string[]>;
  /** How many warnings the article carries. */
  warnings: number;
}

/** Options for {@linkcode articleRecord}. */
export interface ArticleRecordOptions {
  /** The JSON line is the compact record (`compactArticle`); the table rows are the same. @default false */
  compact?: boolean;
  /** The JSON line is the coding record (`codingRecord`). @default false */
  coding?: boolean;
}

/**
 * Analyses an article and serialises the result for the streaming outputs.
 *
 * @param article The article.
 * @param resources The run's lexicons.
 * @param options Analysis options.
 * @param record Which JSON line: full or compact.
 * @returns The JSON line and the table rows.
 *
 * @example
 * ```ts
 * import { articleRecord } from "./article_record.ts";
 * import { loadResources } from "../resources.ts";
 * import { ok, strictEqual } from "node:assert/strict";
 *
 * const r = articleRecord({
 *   meta: { id: "a", language: "en", inferred: [] },
 *   text: "Gas talks\n\nPutin met Tokayev to discuss a gas pipeline.",
 *   origin: "example",
 *   warnings: [],
 * }, await loadResources(), { resamples: 100 });
 * strictEqual(JSON.parse(r.json).id, "a");
 * ok(r.tables.topics.every((row) => row.startsWith('{"article":"a"')));
 * ```
 */
export function articleRecord(
  article: Article,
  resources: AnalysisResources,
  options: AnalyzeOptions = {},
  record: ArticleRecordOptions = {},
): ArticleRecord {
  if (record.compact && !record.coding) return compactRecord(article, resources, options);
  const analysed = analyzeArticle(article, resources, options);
  return recordOf(
    analysed,
    record.coding ? JSON.stringify(codingRecord(analysed)) : analysedJson(analysed),
  );
}

/**
 * The compact line and the table rows of an article, from its measures
 * alone: the sentences' sentiment, hit list, mention evidence and vocabulary
 * of the full record are never computed. The same bytes as the compact
 * record of `analyzeArticle`'s result (tested).
 */
function compactRecord(
  article: Article,
  resources: AnalysisResources,
  options: AnalyzeOptions,
): ArticleRecord {
  const m = measureArticle(article, resources, options, { explain: false });
  const source: CompactSource = {
    id: article.meta.id,
    meta: article.meta,
    origin: article.origin,
    warnings: m.warnings,
    length: article.text.length,
    voices: voiceSummaries(m.tokenized),
    actors: m.actors.rows,
    topics: m.topics,
    stance: m.stance,
  };
  return recordOf(source, JSON.stringify(compactArticle(source)));
}

/**
 * `JSON.stringify(analysed)`, the same string, in half the time: V8's fast
 * serialiser gives up on an object with integer-like keys (a vocabulary
 * that counts "2023") and then starts the whole record again on its slow
 * path. So the record is serialised without its vocabulary, its last field,
 * and the vocabulary's JSON is put where it stands (tested equal).
 *
 * @param analysed An analysed article.
 * @returns Its JSON, without a line break.
 *
 * @example
 * ```ts
 * import { analysedJson } from "./article_record.ts";
 * import { analyzeArticle, loadResources } from "@framing/toolkit";
 * import { strictEqual } from "node:assert/strict";
 *
 * const a = analyzeArticle({
 *   meta: { id: "a", language: "en", inferred: [] },
 *   text: "Gas talks\n\nIn 2023 Putin met Tokayev 3 times.",
 *   origin: "example",
 *   warnings: [],
 * }, await loadResources(), { resamples: 100 });
 * strictEqual(analysedJson(a), JSON.stringify(a));
 * ```
 */
export function analysedJson(analysed: AnalysedArticle): string {
  const keys = Object.keys(analysed);
  if (keys[keys.length - 1] !== "vocabulary" || "toJSON" in analysed) {
    return JSON.stringify(analysed);
  }
  const head = JSON.stringify({ ...analysed, vocabulary: undefined });
  // '{"vocabulary":...}', the field as it reads inside the record.
  const tail = JSON.stringify({ vocabulary: analysed.vocabulary });
  if (tail === "{}") return head;
  return head === "{}" ? tail : `${head.slice(0, -1)},${tail.slice(1)}`;
}

/**
 * The record of an article analysed before, from its JSON line: a resumed
 * run rebuilds the table rows of the lines it keeps this way, byte for byte
 * as the first run wrote them. Only full lines hold every table row (compact
 * lines leave out the rows without hits).
 *
 * @param json One line of a JSONL output, without its line break.
 * @returns The record; `json` is kept as it is.
 *
 * @example The same record as the analysis gave
 * ```ts
 * import { articleRecord, recordOfLine } from "./article_record.ts";
 * import { loadResources } from "../resources.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const r = articleRecord({
 *   meta: { id: "a", language: "en", inferred: [] },
 *   text: "Gas talks\n\nPutin met Tokayev to discuss a gas pipeline.",
 *   origin: "example",
 *   warnings: [],
 * }, await loadResources(), { resamples: 100 });
 * deepStrictEqual(recordOfLine(r.json), r);
 * ```
 */
export function recordOfLine(json: string): ArticleRecord {
  return recordOf(JSON.parse(json) as AnalysedArticle, json);
}

function recordOf(analysed: CompactSource, json: string): ArticleRecord {
  const id = analysed.id;
  const row = (r: object) =>
    JSON.stringify("article" in r && r.article !== undefined ? r : { article: id, ...r });
  return {
    id,
    json,
    tables: {
      topics: analysed.topics.map(row),
      stance: analysed.stance.map(row),
      actors: analysed.actors.map(row),
    },
    warnings: analysed.warnings.length,
  };
}
