/**
 * What a change of lexicons did to the topic table: the rows of one analysis
 * that differ from another's.
 *
 * @module
 */
import type { Voice } from "../voice.ts";
import { type HasArticles, topicTable } from "./tidy.ts";

/** A topic row whose hits differ between two analyses (or that only the second has). */
export interface TopicChange {
  article: string;
  /** The lexicon of the category (`"topics"` for the topic lexicon). */
  lexicon: string;
  /** The category. */
  topic: string;
  voice: Voice;
  /** Hits in the first analysis, `null` where it has no such row. */
  hitsBefore: number | null;
  hitsAfter: number;
  /** Rate per 1,000 words in the second analysis. */
  per1k: number;
  /** Share of sentences touching the category in the second analysis. */
  sentenceShare: number;
}

/** Options for {@linkcode topicChanges}. */
export interface TopicChangesOptions {
  /** Only rows of this voice. @default every voice */
  voice?: Voice;
}

/**
 * The topic rows of `after` whose hits differ from `before`'s (new
 * categories included), for seeing what adding or changing a lexicon did.
 *
 * @param after The analysis with the changed lexicons.
 * @param before The analysis it is compared with.
 * @param options The voice.
 * @returns The changed rows, in `after`'s order.
 *
 * @example
 * ```ts
 * import { topicChanges } from "@framing/toolkit";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const row = (topic: string, hits: number, lexicon?: string) =>
 *   ({ topic, hits, lexicon, voice: "body", per1k: hits, sentenceShare: 0.5 });
 * const doc = (topics: unknown[]) => ({ articles: [{ id: "a", topics }] }) as never;
 * const rows = topicChanges(doc([row("energy", 2), row("identity", 1, "mine")]), doc([row("energy", 2)]));
 * deepStrictEqual(rows.map((r) => [r.lexicon, r.topic, r.hitsBefore, r.hitsAfter]), [["mine", "identity", null, 1]]);
 * ```
 */
export function topicChanges(
  after: HasArticles,
  before: HasArticles,
  options: TopicChangesOptions = {},
): TopicChange[] {
  const key = (r: { article: string; lexicon?: string; topic: string; voice: Voice }) =>
    `${r.article}\u0000${r.lexicon ?? "topics"}\u0000${r.topic}\u0000${r.voice}`;
  const old = new Map(topicTable(before).map((r) => [key(r), r.hits]));
  return topicTable(after)
    .filter((r) => options.voice === undefined || r.voice === options.voice)
    .filter((r) => old.get(key(r)) !== r.hits)
    .map((r) => ({
      article: r.article,
      lexicon: r.lexicon ?? "topics",
      topic: r.topic,
      voice: r.voice,
      hitsBefore: old.get(key(r)) ?? null,
      hitsAfter: r.hits,
      per1k: r.per1k,
      sentenceShare: r.sentenceShare,
    }));
}
