/**
 * The line a worker sends for `code sample`: only what the coding units and
 * the coding page need (the article's metadata, its actor rows, where each
 * mention is and its score, and the voices of its text), about a tenth of
 * the full record, so that the main thread parses little while the workers
 * analyse.
 *
 * @module
 */
import type { AnalysedArticle } from "../analysis.ts";

/** What {@linkcode codingRecord} keeps of an analysed article. */
export type CodingRecord =
  & Pick<AnalysedArticle, "id" | "meta" | "actors">
  & {
    mentions: Pick<
      AnalysedArticle["mentions"][number],
      "actor" | "voice" | "start" | "end" | "score"
    >[];
    segments: Pick<AnalysedArticle["segments"][number], "voice" | "start" | "end">[];
  };

/**
 * The coding record of an analysed article.
 *
 * @example
 * ```ts
 * import { codingRecord } from "./coding_record.ts";
 * import { analyzeArticle, loadResources } from "@framing/toolkit";
 * import { ok, strictEqual } from "node:assert/strict";
 *
 * const a = analyzeArticle({
 *   meta: { id: "a", language: "en", inferred: [] },
 *   text: "Gas talks\n\nPutin met Tokayev to discuss a gas pipeline.",
 *   origin: "example",
 *   warnings: [],
 * }, await loadResources(), { resamples: 100 });
 * const r = codingRecord(a);
 * strictEqual(r.mentions.length, a.mentions.length);
 * ok(JSON.stringify(r).length < JSON.stringify(a).length / 3);
 * ```
 */
export function codingRecord(a: AnalysedArticle): CodingRecord {
  return {
    id: a.id,
    meta: a.meta,
    actors: a.actors,
    mentions: a.mentions.map((m) => ({
      actor: m.actor,
      voice: m.voice,
      start: m.start,
      end: m.end,
      score: m.score,
    })),
    segments: a.segments.map((s) => ({ voice: s.voice, start: s.start, end: s.end })),
  };
}
