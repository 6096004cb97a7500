/**
 * Sentiment toward a span of text (an actor's mention): the words of the
 * span's sentence weighted by closeness to the span, by clause, and by the
 * span's role toward negative acts. Actor scores are built on it.
 *
 * @module
 */
import type { Token } from "../token.ts";
import {
  type ResolvedSpanSentimentOptions,
  type SentimentResult,
  SpanSentimentOptions,
} from "./options.ts";
import { evidenceOf, normalizeScore, textFromTokens } from "./_score.ts";
import { resolveOptions } from "./resolve.ts";
import { ruleFactor, spanContext } from "./span_context.ts";
import { tokenRange } from "./valence.ts";
import { predictTarget } from "./target_model.ts";

const DEFAULTS = resolveOptions(SpanSentimentOptions, undefined, undefined);

/**
 * Parses span sentiment options, turning a zod failure into an InputError.
 * The result is frozen; passing it back in returns it without parsing again.
 */
export function resolveSpanSentimentOptions(
  options?: SpanSentimentOptions,
): Readonly<ResolvedSpanSentimentOptions> {
  return resolveOptions(SpanSentimentOptions, options, DEFAULTS);
}

/**
 * Sentiment toward the character span `[start, end)` on −1..+1.
 *
 * With `model: "trained"` (the default) the score is the trained target
 * model's `p(positive) − p(negative)` (`target_model.ts`), with its class
 * (`label`, the most probable one), `probabilities`, the `features` that
 * moved it most and the words behind them as `evidence`. The trained model
 * reads the rule scorer's parts below among its features.
 *
 * With `model: "rules"`: the span's sentence is found from the tokens. Each sentiment word of that
 * sentence contributes its sentence-level weight (VADER's rules, negation,
 * "but", scare quotes: see {@linkcode sentenceSentiment}) times
 * - `0.5 ^ (d / halfDistance)` for a word `d` words away from the span
 *   (rule `distance`; words inside the span count fully, rule `in-span`);
 * - `clauseFactor` per strong clause boundary (semicolon, colon, dash,
 *   bracket, "but", "while", "which", ...) and `commaFactor` per comma or
 *   quote mark between the word and the span (rule `clause`); a verbless
 *   aside right after the span ("Gardner, in a series of tweets, threatened")
 *   does not count;
 * - `targetRoleFactor` when the word is a negative verb in the span's clause
 *   and the span is its object ("sanctions hit Russia") or the subject of its
 *   passive ("Russia was hit"): the span is the act's target, not its agent
 *   (rule `role-target`).
 *
 * The score is `s / √(s² + 15)` of the sum `s` of the evidence weights.
 *
 * @param tokens The text's tokens, treated as immutable: a sentence's words
 *   and clauses are worked out once per array and shared by its mentions.
 * @param span Character offsets of the span in the raw text.
 * @param options {@linkcode SpanSentimentOptions}.
 * @param extraFeatures Further features for the trained model (the hook for
 *   event-frame and role features; `targetFeatures`' `extra`). The committed
 *   weights give names they do not know no weight.
 * @param explain Whether the trained model lists the features and words
 *   behind its score (`features`, `evidence`); without them the score, class
 *   and probabilities are the same, for a caller that keeps no evidence.
 *   @default true
 * @throws {RangeError} When no token lies inside the span.
 *
 * @example Two actors of opposite polarity in one sentence
 * ```ts
 * import { spanSentiment } from "@framing/toolkit";
 * import { tokenizeText } from "@framing/toolkit";
 * import { ok } from "node:assert/strict";
 *
 * const text = "The brave Smith praised the talks, while the corrupt Jones lied again.";
 * const { tokens } = tokenizeText(text);
 * const smith = spanSentiment(tokens, { start: 10, end: 15 });
 * const jones = spanSentiment(tokens, { start: 53, end: 58 });
 * ok(smith.score > 0 && jones.score < 0);
 * // The rule scorer alone agrees here.
 * ok(spanSentiment(tokens, { start: 53, end: 58 }, { model: "rules" }).score < 0);
 * ```
 */
export function spanSentiment(
  tokens: readonly Token[],
  span: { start: number; end: number },
  options?: SpanSentimentOptions,
  extraFeatures?: Readonly<Record<string, number>>,
  explain = true,
): SentimentResult {
  if (!(span.end > span.start)) {
    throw new RangeError(`Cannot score an empty span "${span.start}..${span.end}"`);
  }
  const opts = resolveSpanSentimentOptions(options);
  const [spanFrom, spanTo] = tokenRange(tokens, span.start, span.end);
  if (spanFrom >= spanTo) {
    throw new RangeError(`No token lies inside the span "${span.start}..${span.end}"`);
  }
  if (opts.model === "trained") {
    const { score, label, probabilities, features, evidence } = predictTarget(
      tokens,
      [spanFrom, spanTo],
      opts,
      { extra: extraFeatures, ...(explain ? {} : { top: 0 }) },
    );
    return { score, evidence, label, probabilities, features };
  }
  const { from, to, words } = spanContext(tokens, [spanFrom, spanTo], opts);
  const text = textFromTokens(tokens, from, to);
  const evidence = words.map((w) => {
    const rules: string[] = [];
    const factor = ruleFactor(w, opts, rules);
    return evidenceOf(text, tokens, w.contribution, factor, rules);
  });
  const sum = evidence.reduce((s, e) => s + e.weight, 0);
  return { score: normalizeScore(sum), evidence };
}
