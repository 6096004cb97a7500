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
import { evidenceOf, exclamationEvidence, normalizeScore, textFromTokens } from "./_score.ts";
import { resolveOptions } from "./resolve.ts";
import { sentenceContributions, tokenRange } from "./valence.ts";

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
