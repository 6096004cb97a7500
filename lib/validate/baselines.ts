/**
 * Reference scorers run beside the toolkit in every validation: VADER
 * (`vader-sentiment` 1.1.3, compound score) and wink-nlp 2.4.0's sentiment.
 * Both give one score to a whole text.
 *
 * @module
 */
import vader from "vader-sentiment";
import { wink } from "../tokenize.ts";

/** Names of the reference scorers. */
export const BASELINES = ["vader", "wink"] as const;
/** A reference scorer's name. */
export type Baseline = typeof BASELINES[number];

/**
 * The reference score (−1..+1) of a whole text.
 *
 * @example
 * ```ts
 * import { baselineScore } from "./baselines.ts";
 * import { ok } from "node:assert/strict";
 *
 * ok(baselineScore("vader", "What a wonderful day") > 0);
 * ok(baselineScore("wink", "What a terrible day") < 0);
 * ```
 */
export function baselineScore(which: Baseline, text: string): number {
  if (which === "vader") return vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
  const nlp = wink();
  return nlp.readDoc(text).out(nlp.its.sentiment) as number;
}
