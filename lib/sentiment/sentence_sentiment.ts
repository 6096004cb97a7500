/**
 * Sentiment of one sentence, for validation against human ratings and for
 * sentiment arcs through an article.
 *
 * @module
 */
import type { Sentence, Token } from "../token.ts";
import {
  type ResolvedSentimentOptions,
  SentimentOptions,
  type SentimentResult,
} from "./options.ts";
import {
  evidenceOf,
  exclamationEvidence,
  exclamationWeights,
  normalizeScore,
  textFromTokens,
} from "./_score.ts";
import { resolveOptions } from "./resolve.ts";
import { activeLexicons, sentenceContributions, tokenRange } from "./valence.ts";

const DEFAULTS = resolveOptions(SentimentOptions, undefined, undefined);

/**
 * Parses sentiment options, turning a zod failure into an InputError. The
 * result is frozen; passing it back in returns it without parsing again.
 */
export function resolveSentimentOptions(
  options?: SentimentOptions,
): Readonly<ResolvedSentimentOptions> {
  return resolveOptions(SentimentOptions, options, DEFAULTS);
}

/**
 * Sentiment of a sentence on −1..+1: the sum of its sentiment words'
 * contributions, normalised as VADER does (s / √(s² + 15)). Each word's
 * lexicon weight (−4..+4; the domain lexicon before the general one, where a
 * domain weight of 0 marks a word as neutral in political news) goes through
 * VADER's rules (boosters and dampeners, negation within three words, "least",
 * caps, contrastive "but", exclamation marks) and the toolkit's: "no",
 * "hardly", "unable" negate; a shifter verb ("reduce unemployment") flips what
 * it acts on; a scare-quoted word counts at `scareQuoteFactor`; negative
 * contributions weigh `negativeWeight`. The score is
 * `normalize(sum of evidence weights)`: every score traces back to its words.
 *
 * @param tokens The text's tokens (from `tokenizeText` or `tokenizeSegments`),
 *   treated as immutable: with resolved options a sentence's words are scored
 *   once per array and reused.
 * @param sentence The sentence; its tokens are those inside its offsets.
 * @param options {@linkcode SentimentOptions}.
 * @returns The score and the evidence words.
 *
 * @example Negation flips a word's contribution
 * ```ts
 * import { sentenceSentiment } from "@framing/toolkit";
 * import { tokenizeText } from "@framing/toolkit";
 * import { ok } from "node:assert/strict";
 *
 * const { tokens, sentences } = tokenizeText("This is not a reliable ally.");
 * const result = sentenceSentiment(tokens, sentences[0]);
 * ok(result.score < 0);
 * ok(result.evidence.some((e) => e.rules.includes("negated")));
 * ```
 */
export function sentenceSentiment(
  tokens: readonly Token[],
  sentence: Sentence,
  options?: SentimentOptions,
): SentimentResult {
  const resolved = resolveSentimentOptions(options);
  const [from, to] = tokenRange(tokens, sentence.start, sentence.end);
  const text = textFromTokens(tokens, from, to);
  const contributions = sentenceContributions(tokens, from, to, resolved);
  const evidence = contributions.map((c) => evidenceOf(text, tokens, c));
  const wordSum = evidence.reduce((s, e) => s + e.weight, 0);
  evidence.push(...exclamationEvidence(tokens, from, to, wordSum));
  const sum = evidence.reduce((s, e) => s + e.weight, 0);
  return { score: normalizeScore(sum), evidence };
}

/**
 * The score of {@linkcode sentenceSentiment} without its evidence, for
 * callers that keep only the number (the per-sentence scores of an
 * analysed article): no evidence records, and the sentence's words are not
 * kept for reuse. The sums are made in the same order, so the score is the
 * same number (tested).
 *
 * @param tokens The text's tokens.
 * @param sentence The sentence.
 * @param options {@linkcode SentimentOptions}.
 * @returns `sentenceSentiment(tokens, sentence, options).score`.
 *
 * @example
 * ```ts
 * import { sentenceScore, sentenceSentiment } from "./sentence_sentiment.ts";
 * import { tokenizeText } from "@framing/toolkit";
 * import { ok, strictEqual } from "node:assert/strict";
 *
 * const { tokens, sentences } = tokenizeText("What a terrible, terrible deal!");
 * ok(sentenceScore(tokens, sentences[0]) < 0);
 * strictEqual(sentenceScore(tokens, sentences[0]), sentenceSentiment(tokens, sentences[0]).score);
 * ```
 */
export function sentenceScore(
  tokens: readonly Token[],
  sentence: Sentence,
  options?: SentimentOptions,
): number {
  const resolved = resolveSentimentOptions(options);
  const [from, to] = tokenRange(tokens, sentence.start, sentence.end);
  // Lexicons given: computed afresh, not cached (each sentence is scored once here).
  const contributions = sentenceContributions(tokens, from, to, resolved, activeLexicons(resolved));
  // The order of the additions is sentenceSentiment's: words, then exclamation marks.
  let sum = 0;
  for (const c of contributions) sum += c.weight;
  for (const weight of exclamationWeights(tokens, from, to, sum)) sum += weight;
  return normalizeScore(sum);
}
