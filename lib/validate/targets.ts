/**
 * Validation of span sentiment against target labels in the NewsMTSC format
 * (Hamborg & Donnay 2021): JSONL, one sentence per line with
 * `sentence_normalized` and `targets: [{from, to, polarity}]`, polarity
 * 2.0 / 4.0 / 6.0 (or −1 / 0 / 1, or "negative" / "neutral" / "positive").
 * The reference scorers give their whole-sentence score to every target.
 *
 * @module
 */
import { z } from "zod";
import { InputError } from "../errors.ts";
import { accuracy, type Confusion, confusion, labelScores, macroF1 } from "../stats/agreement.ts";
import {
  type SentimentResult,
  SPAN_NEUTRAL_BAND,
  SpanSentimentOptions,
} from "../sentiment/options.ts";
import { spanSentiment } from "../sentiment/span_sentiment.ts";
import { tokenizeText } from "../tokenize.ts";
import { type Baseline, BASELINES, baselineScore } from "./baselines.ts";

/** The three classes, in the order of the confusion matrix. */
export const TARGET_LABELS = ["negative", "neutral", "positive"] as const;
/** A target label. */
export type TargetLabel = typeof TARGET_LABELS[number];

/** One labelled target in a sentence. */
export const LabelledTarget = z.object({
  id: z.string(),
  sentence: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  label: z.enum(TARGET_LABELS),
});
/** One labelled target. */
export type LabelledTarget = z.infer<typeof LabelledTarget>;

const POLARITY: Record<string, TargetLabel> = {
  "2": "negative",
  "4": "neutral",
  "6": "positive",
  "-1": "negative",
  "0": "neutral",
  "1": "positive",
  negative: "negative",
  neutral: "neutral",
  positive: "positive",
};

/**
 * Parses NewsMTSC-style JSONL into labelled targets (one per target).
 *
 * @throws {InputError} Naming the line and field that is not as expected.
 *
 * @example
 * ```ts
 * import { parseTargets } from "@framing/toolkit/validate";
 * import { deepStrictEqual, throws } from "node:assert/strict";
 *
 * const line = JSON.stringify({
 *   primary_gid: "a",
 *   sentence_normalized: "Cruz lost.",
 *   targets: [{ "Input.gid": "a1", from: 0, to: 4, polarity: 2.0 }],
 * });
 * deepStrictEqual(parseTargets(line, "x.jsonl"), [
 *   { id: "a1", sentence: "Cruz lost.", start: 0, end: 4, label: "negative" },
 * ]);
 * throws(() => parseTargets("{}", "x.jsonl"), /line 1: sentence_normalized/);
 * ```
 */
export function parseTargets(text: string, file: string): LabelledTarget[] {
  const out: LabelledTarget[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    const place = { file, line: i + 1 };
    let row;
    try {
      row = JSON.parse(line);
    } catch {
      throw new InputError(place, "expected a JSON object");
    }
    const sentence = row?.sentence_normalized ?? row?.sentence;
    if (typeof sentence !== "string") {
      throw new InputError({ ...place, path: "sentence_normalized" }, "expected a string");
    }
    if (!Array.isArray(row.targets)) {
      throw new InputError({ ...place, path: "targets" }, "expected a list");
    }
    row.targets.forEach((t: Record<string, unknown>, j: number) => {
      const path = `targets[${j}]`;
      const start = t?.from;
      const end = t?.to;
      if (
        typeof start !== "number" || typeof end !== "number" || end <= start ||
        end > sentence.length
      ) {
        throw new InputError(
          { ...place, path },
          `expected offsets 0 <= from < to <= ${sentence.length}, got "${start}..${end}"`,
        );
      }
      const label = POLARITY[String(t.polarity).replace(/\.0+$/, "")];
      if (!label) {
        throw new InputError(
          { ...place, path: `${path}.polarity` },
          `expected 2.0/4.0/6.0, -1/0/1 or negative/neutral/positive, got "${t.polarity}"`,
        );
      }
      const id = String(t["Input.gid"] ?? t.id ?? `${row.primary_gid ?? i + 1}#${j}`);
      out.push({ id, sentence, start, end, label });
    });
  });
  return out;
}

/**
 * Neutral band for the toolkit's span scores: `SPAN_NEUTRAL_BAND` (0.07),
 * fitted on the NewsMTSC dev files (tuning part). See `tools/eval.ts`.
 */
export const TARGET_NEUTRAL_BAND: number = SPAN_NEUTRAL_BAND;
/** Neutral band for the reference scorers' whole-sentence scores (VADER's own ±0.05). */
export const BASELINE_NEUTRAL_BAND = 0.05;

/** A score's class given a neutral band. */
export function labelOf(score: number, band: number): TargetLabel {
  return score > band ? "positive" : score < -band ? "negative" : "neutral";
}

/** Options of {@linkcode validateTargets}. */
export interface ValidateTargetsOptions {
  /**
   * Options of `spanSentiment` (scorer, lexicon switch, weighting). With
   * `model: "trained"` (the default) the trained model's class is its most
   * probable one, and the rule scorer is reported beside it (`rules`).
   * @default {}
   */
  sentiment?: SpanSentimentOptions;
  /**
   * Half-width of the neutral band for the rule scorer's scores (the trained
   * model labels by its most probable class). @default TARGET_NEUTRAL_BAND
   */
  neutralBand?: number;
  /** Reference scorers. @default ["vader", "wink"] */
  baselines?: readonly Baseline[];
}

/** Agreement figures of one scorer. */
export interface TargetAgreement {
  n: number;
  macroF1: number;
  accuracy: number;
  /** Rows gold, columns predicted, in `labels` order. */
  confusion: Confusion;
  perLabel: { label: string; precision: number; recall: number; f1: number; support: number }[];
}

/** Result of a target validation. */
export interface TargetValidation extends TargetAgreement {
  /** The scorer of the top-level figures: `spanSentiment`'s `model`. */
  model: "trained" | "rules";
  /** How the top-level figures label a target: the most probable class, or the neutral band. */
  labelling: "argmax" | "neutral band";
  /** The neutral band of the rule scorer. */
  neutralBand: number;
  /** The rule scorer (`model: "rules"`), labelled with `neutralBand`. */
  rules: TargetAgreement & { neutralBand: number };
  baselines: Record<string, TargetAgreement & { neutralBand: number }>;
}

function agreement(gold: TargetLabel[], predicted: TargetLabel[]): TargetAgreement {
  const labels = [...TARGET_LABELS];
  return {
    n: gold.length,
    macroF1: macroF1(gold, predicted, labels),
    accuracy: accuracy(gold, predicted),
    confusion: confusion(gold, predicted, labels),
    perLabel: labelScores(gold, predicted, labels),
  };
}

/**
 * `spanSentiment` of each target (each sentence tokenized once); a span on
 * whitespace or punctuation only gets score 0 and no label.
 *
 * @example
 * ```ts
 * import { targetResults } from "./targets.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const sentence = "The corrupt mayor lied.";
 * const [mayor, space] = targetResults([
 *   { id: "1", sentence, start: 12, end: 17, label: "negative" },
 *   { id: "2", sentence, start: 11, end: 12, label: "neutral" },
 * ]);
 * strictEqual(mayor.label, "negative");
 * strictEqual(space.score, 0);
 * ```
 */
export function targetResults(
  targets: readonly LabelledTarget[],
  options?: SpanSentimentOptions,
): SentimentResult[] {
  const cache = new Map<string, ReturnType<typeof tokenizeText>>();
  return targets.map((t) => {
    let tok = cache.get(t.sentence);
    if (!tok) {
      tok = tokenizeText(t.sentence);
      cache.set(t.sentence, tok);
    }
    try {
      return spanSentiment(tok.tokens, t, options);
    } catch (e) {
      if (e instanceof RangeError) return { score: 0, evidence: [] };
      throw e;
    }
  });
}

/** Span scores of each target (each sentence tokenized once). */
export function targetScores(
  targets: readonly LabelledTarget[],
  options?: SpanSentimentOptions,
): number[] {
  return targetResults(targets, options).map((r) => r.score);
}

/**
 * Scores each target with `spanSentiment` and compares with the gold labels:
 * the trained model by its most probable class (and the rule scorer beside
 * it, labelled with the neutral band), or, with `model: "rules"`, the rule
 * scorer alone. The reference scorers label their whole-sentence scores
 * with their own band.
 *
 * @example
 * ```ts
 * import { validateTargets } from "@framing/toolkit/validate";
 * import { strictEqual } from "node:assert/strict";
 *
 * const s = "The brave Smith praised the talks, while the corrupt Jones lied again.";
 * const v = validateTargets([
 *   { id: "1", sentence: s, start: 10, end: 15, label: "positive" },
 *   { id: "2", sentence: s, start: 53, end: 58, label: "negative" },
 * ]);
 * strictEqual(v.n, 2);
 * strictEqual(v.model, "trained");
 * strictEqual(v.accuracy, 1);
 * strictEqual(v.rules.accuracy, 1);
 * strictEqual(v.confusion.matrix[0][0], 1);
 * ```
 */
export function validateTargets(
  targets: readonly LabelledTarget[],
  options: ValidateTargetsOptions = {},
): TargetValidation {
  const gold = targets.map((t) => t.label);
  const band = options.neutralBand ?? TARGET_NEUTRAL_BAND;
  const sentiment = SpanSentimentOptions.parse(options.sentiment ?? {});
  const rulesOptions = { ...options.sentiment, model: "rules" as const };
  const rules = targetScores(targets, rulesOptions).map((s) => labelOf(s, band));
  const ours = sentiment.model === "rules"
    ? rules
    : targetResults(targets, options.sentiment).map((r) => r.label ?? "neutral");
  const baselines: TargetValidation["baselines"] = {};
  for (const b of options.baselines ?? BASELINES) {
    const sentenceScore = new Map<string, number>();
    const predicted = targets.map((t) => {
      let s = sentenceScore.get(t.sentence);
      if (s === undefined) {
        s = baselineScore(b, t.sentence);
        sentenceScore.set(t.sentence, s);
      }
      return labelOf(s, BASELINE_NEUTRAL_BAND);
    });
    baselines[b] = { ...agreement(gold, predicted), neutralBand: BASELINE_NEUTRAL_BAND };
  }
  return {
    ...agreement(gold, ours),
    model: sentiment.model,
    labelling: sentiment.model === "rules" ? "neutral band" : "argmax",
    neutralBand: band,
    rules: { ...agreement(gold, rules), neutralBand: band },
    baselines,
  };
}
