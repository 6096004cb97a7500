/**
 * The compact record of an analysed article (`analyze --jsonl OUT --compact`):
 * per article its metadata, the size of each voice and the metric rows
 * (actors, topics and stance markers that occur), without the text, segments,
 * sentences, hits, mention evidence and vocabulary of the full record. About a
 * tenth of the full record's size, for corpus runs of gigabytes.
 *
 * @module
 */
import { z } from "zod";
import { ArticleMeta } from "../article.ts";
import { ActorScoreRow } from "../actors/schema.ts";
import { type AnalysedArticle, VoiceSummary } from "../analysis.ts";
import { StanceRate } from "../metrics/stance.ts";
import { TopicRate } from "../metrics/topics.ts";

/** The `format` field of every compact record. */
export const COMPACT_FORMAT = "framing-compact-article";

/**
 * A topic row of a compact record: the full row without the article id (the
 * record's `id`) and the voice's words and sentences (in the record's `voices`).
 */
export const CompactTopicRow = TopicRate.omit({ article: true, words: true, sentences: true });
/** A topic row of a compact record. */
export type CompactTopicRow = z.infer<typeof CompactTopicRow>;

/** A stance row of a compact record: the full row without the article id and the voice's words. */
export const CompactStanceRow = StanceRate.omit({ article: true, words: true });
/** A stance row of a compact record. */
export type CompactStanceRow = z.infer<typeof CompactStanceRow>;

/** An actor row of a compact record: the full row without `evaluatingShare` (`evaluating / mentions`). */
export const CompactActorRow = ActorScoreRow.omit({ evaluatingShare: true });
/** An actor row of a compact record. */
export type CompactActorRow = z.infer<typeof CompactActorRow>;

/**
 * One line of a compact JSONL output. `voices` lists the voices with text
 * (a voice not listed is empty). `topics` and `stance` list only the rows
 * with at least one hit: a topic or marker category not listed for a voice
 * has 0 hits there (its rates are 0). The words and sentences of a row's
 * voice, the denominators of its rates, are the voice's in `voices`.
 * `actors` holds every row of the article's actor table.
 */
export const CompactArticle = z.object({
  /** Always `"framing-compact-article"`: tells a compact line from a full one. */
  format: z.literal(COMPACT_FORMAT),
  id: z.string(),
  meta: ArticleMeta,
  /** Where the article was read from (file, or file:line). */
  origin: z.string(),
  warnings: z.array(z.string()),
  /** Length of the article's text in UTF-16 code units. */
  length: z.number().int().nonnegative(),
  /** Characters, sentences and words of each voice with text. */
  voices: z.array(VoiceSummary),
  /** Sentiment and stance toward each actor in each voice, with mention counts. */
  actors: z.array(CompactActorRow),
  /** Topic rows with at least one hit. */
  topics: z.array(CompactTopicRow),
  /** Stance-marker rows with at least one hit. */
  stance: z.array(CompactStanceRow),
});
/** One line of a compact JSONL output. */
export type CompactArticle = z.infer<typeof CompactArticle>;

/**
 * What a compact record is made from: the fields of the full record that it
 * keeps (`compactRecord` in `article_record.ts` gathers them without building
 * the full record).
 */
export type CompactSource = Pick<
  AnalysedArticle,
  "id" | "meta" | "origin" | "warnings" | "length" | "voices" | "actors" | "topics" | "stance"
>;

/**
 * The compact record of an analysed article.
 *
 * @param a The full record (`analyzeArticle`), or the fields of it that a compact record keeps.
 * @returns Its metadata, voice sizes and metric rows; topic and stance rows without hits left out.
 *
 * @example
 * ```ts
 * import { compactArticle } from "./compact_article.ts";
 * import { analyzeArticle } from "../analyze.ts";
 * import { loadResources } from "../resources.ts";
 * import { ok, strictEqual } from "node:assert/strict";
 *
 * const a = analyzeArticle({
 *   meta: { id: "a", language: "en", inferred: [] },
 *   text: "Gas talks\n\nPutin met Tokayev to discuss a gas pipeline.",
 *   origin: "example",
 *   warnings: [],
 * }, await loadResources(), { resamples: 100 });
 * const c = compactArticle(a);
 * strictEqual(c.id, "a");
 * ok(c.topics.every((t) => t.hits > 0));
 * ok(JSON.stringify(c).length < JSON.stringify(a).length / 2);
 * ```
 */
export function compactArticle(a: CompactSource): CompactArticle {
  return {
    format: COMPACT_FORMAT,
    id: a.id,
    meta: a.meta,
    origin: a.origin,
    warnings: a.warnings,
    length: a.length,
    voices: a.voices.filter((v) => v.chars > 0),
    actors: a.actors.map(({ evaluatingShare: _, ...row }) => row),
    topics: a.topics.filter((t) => t.hits > 0).map(
      ({ article: _, words: _w, sentences: _s, ...row }) => row,
    ),
    stance: a.stance.filter((s) => s.hits > 0).map(({ article: _, words: _w, ...row }) => row),
  };
}
