/**
 * Topic rates: how often each topic's words occur in each voice of an article,
 * per 1,000 words and as a share of sentences.
 *
 * @module
 */
import { z } from "zod";
import type { Hit } from "../lexicon/hit.ts";
import type { Sentence, Token } from "../token.ts";
import { TEXT_VOICES, Voice } from "../voice.ts";
import { countWordsByVoice } from "./word_count.ts";

/** One row of a topic table: one topic in one voice of one article. */
export const TopicRate = z.object({
  /** Article id, when the caller gave one. */
  article: z.string().optional(),
  /** The lexicon the topic comes from, when the caller named one. */
  lexicon: z.string().optional(),
  /** The topic (a lexicon category). */
  topic: z.string(),
  voice: Voice,
  /** Number of hits of the topic in this voice. */
  hits: z.number().int().nonnegative(),
  /** Hits per 1,000 word tokens of this voice (see `countWords`). */
  per1k: z.number().nonnegative(),
  /** Share of this voice's sentences with at least one hit of the topic, 0..1. */
  sentenceShare: z.number().min(0).max(1),
  /** Word tokens of this voice: the denominator of `per1k`. */
  words: z.number().int().nonnegative(),
  /** Sentences of this voice: the denominator of `sentenceShare`. */
  sentences: z.number().int().nonnegative(),
  /** Sentences of this voice with at least one hit of the topic. */
  sentencesWithTopic: z.number().int().nonnegative(),
});
/** One row of a topic table. */
export type TopicRate = z.infer<typeof TopicRate>;

/** Options of {@link topicRates}. */
export interface TopicRatesOptions {
  /**
   * Topics to report, in this order; topics without hits get rows of zeros.
   * Pass `lexiconCategories(lexicon)` for a complete table.
   * @default the categories of `hits`, in order of first appearance
   */
  topics?: readonly string[];
  /**
   * Voices to report; a voice gets rows only if the text has words in it.
   * @default TEXT_VOICES (title, body, quote, comment)
   */
  voices?: readonly Voice[];
  /** Count only hits of this lexicon. @default undefined (all hits) */
  lexicon?: string;
  /** Article id written into each row. @default undefined */
  article?: string;
}

/**
 * Rates of each topic in each voice of one article: hits, hits per 1,000
 * word tokens, and the share of sentences that touch the topic. Every
 * topic × voice pair gets a row (zeros included) for every requested voice
 * that has words in the text.
 *
 * @param hits Hits of a topic lexicon in the article (from `matchLexicon`).
 * @param text The article's tokens and sentences (from `tokenizeSegments`).
 * @param options Topics, voices, lexicon filter and article id.
 * @returns Rows in topic order, then voice order.
 *
 * @example
 * ```ts
 * import { topicRates } from "./topics.ts";
 * import { matchLexicon } from "@framing/toolkit/lexicon";
 * import { Lexicon } from "@framing/toolkit/lexicon";
 * import { tokenizeText } from "@framing/toolkit";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const lexicon = Lexicon.parse({
 *   name: "t", version: "1.0.0", description: "d", source: "s", licence: "CC0-1.0",
 *   language: "en", entries: [{ term: "coal", categories: ["energy"] }],
 * });
 * const text = tokenizeText("Coal and coal. Trade grows.");
 * const hits = matchLexicon(text.tokens, lexicon);
 * const [row] = topicRates(hits, text, { topics: ["energy"] });
 * deepStrictEqual([row.topic, row.voice, row.hits, row.words, row.per1k, row.sentenceShare],
 *   ["energy", "body", 2, 5, 400, 0.5]);
 * ```
 */
export function topicRates(
  hits: readonly Hit[],
  text: { tokens: readonly Token[]; sentences: readonly Sentence[] },
  options: TopicRatesOptions = {},
): TopicRate[] {
  const used = options.lexicon === undefined
    ? hits
    : hits.filter((h) => h.lexicon === options.lexicon);
  const topics = options.topics ?? [...new Set(used.map((h) => h.category))];
  const counted = countWordsByVoice(text.tokens);
  const voices = (options.voices ?? TEXT_VOICES)
    .map((voice) => ({
      voice,
      words: counted.get(voice) ?? 0,
      sentences: text.sentences.filter((s) => s.voice === voice).length,
    }))
    .filter((v) => v.words > 0);
  const rows: TopicRate[] = [];
  for (const topic of topics) {
    for (const { voice, words, sentences } of voices) {
      const mine = used.filter((h) => h.category === topic && h.voice === voice);
      const touched = new Set(mine.map((h) => h.sentence)).size;
      const row: TopicRate = {
        topic,
        voice,
        hits: mine.length,
        per1k: (mine.length / words) * 1000,
        sentenceShare: sentences > 0 ? touched / sentences : 0,
        words,
        sentences,
        sentencesWithTopic: touched,
      };
      if (options.lexicon !== undefined) row.lexicon = options.lexicon;
      rows.push(options.article === undefined ? row : { article: options.article, ...row });
    }
  }
  return rows;
}
