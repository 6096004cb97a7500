/**
 * Sentiment of a plain string: tokenizes it and scores it.
 *
 * @module
 */
import { tokenizeText } from "../tokenize.ts";
import type { SentimentEvidence, SentimentOptions, SentimentResult } from "./options.ts";
import { exclamationEvidence, normalizeScore } from "./_score.ts";
import { resolveSentimentOptions, sentenceSentiment } from "./sentence_sentiment.ts";

/** Result of {@linkcode sentimentOf}: the whole text's score and each sentence's. */
export interface TextSentiment extends SentimentResult {
  /** One result per sentence, in order. */
  sentences: SentimentResult[];
}

/**
 * Sentiment of a whole string on −1..+1: the words of all its sentences are
 * summed (each sentence's rules applied within it) and normalised once, as
 * VADER scores a multi-sentence text. Offsets in the evidence index `text`.
 *
 * @param text Any English text.
 * @param options {@linkcode SentimentOptions}.
 *
 * @example
 * ```ts
 * import { sentimentOf } from "@framing/toolkit";
 * import { ok, strictEqual } from "node:assert/strict";
 *
 * const r = sentimentOf("The talks were a success. Everyone was pleased.");
 * ok(r.score > 0);
 * strictEqual(r.sentences.length, 2);
 * strictEqual(sentimentOf("").score, 0);
 * ```
 */
export function sentimentOf(text: string, options?: SentimentOptions): TextSentiment {
  const resolved = resolveSentimentOptions(options);
  const { tokens, sentences } = tokenizeText(text);
  const results = sentences.map((s) => sentenceSentiment(tokens, s, resolved));
  const words: SentimentEvidence[] = results.flatMap((r) =>
    r.evidence.filter((e) => e.lexicon !== "rules")
  );
  const wordSum = words.reduce((s, e) => s + e.weight, 0);
  const evidence = [...words, ...exclamationEvidence(tokens, 0, tokens.length, wordSum)];
  const sum = evidence.reduce((s, e) => s + e.weight, 0);
  return { score: normalizeScore(sum), evidence, sentences: results };
}
