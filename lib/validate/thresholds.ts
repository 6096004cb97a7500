/**
 * Three-way thresholds on a score: the cut points that turn a continuous
 * stance into negative / neutral / positive, chosen for macro-F1 on the rows
 * marked for tuning, the same way for every scorer that is compared.
 *
 * @module
 */
import { z } from "zod";

/** The three classes, in the order of the confusion matrix. */
export const THREE_WAY = ["negative", "neutral", "positive"] as const;
/** One of the three classes. */
export type ThreeWay = typeof THREE_WAY[number];

/** Cut points: `score < low` is negative, `score > high` positive, the rest neutral. */
export const Thresholds = z.object({ low: z.number(), high: z.number() }).refine(
  (t) => t.low <= t.high,
  { error: "expected low <= high" },
);
/** Cut points of a three-way classification. */
export type Thresholds = z.infer<typeof Thresholds>;

/**
 * The class of a score under the given cut points.
 *
 * @example
 * ```ts
 * import { classify } from "./thresholds.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const t = { low: -0.1, high: 0.2 };
 * deepStrictEqual([-0.5, 0, 0.2, 0.3].map((s) => classify(s, t)), ["negative", "neutral", "neutral", "positive"]);
 * ```
 */
export function classify(score: number, t: Thresholds): ThreeWay {
  return score < t.low ? "negative" : score > t.high ? "positive" : "neutral";
}

/** Options of {@linkcode fitThresholds}. */
export interface FitThresholdsOptions {
  /**
   * At most this many candidate cut points (quantiles of the scores), so the
   * search stays fast on large tuning sets. @default 400
   */
  candidates?: number;
}

/**
 * Chooses `low <= high` that maximise macro-F1 over the three classes on
 * labelled scores. Candidates are midpoints between neighbouring distinct
 * scores (thinned to quantiles when there are many), plus the ends, so every
 * split of the sorted scores can be reached. Ties go to the narrowest
 * neutral band nearest zero, so the result is deterministic.
 *
 * @param scores One score per row.
 * @param labels The gold class of each row.
 * @returns The cut points and the macro-F1 they reach on these rows.
 * @throws {RangeError} On no rows, lengths that differ, or a non-finite score.
 *
 * @example
 * ```ts
 * import { classify, fitThresholds } from "./thresholds.ts";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const scores = [-0.6, -0.3, -0.05, 0, 0.02, 0.4, 0.7];
 * const labels = ["negative", "negative", "neutral", "neutral", "neutral", "positive", "positive"] as const;
 * const fit = fitThresholds(scores, labels);
 * strictEqual(fit.macroF1, 1);
 * deepStrictEqual(scores.map((s) => classify(s, fit.thresholds)), [...labels]);
 * ```
 */
export function fitThresholds(
  scores: readonly number[],
  labels: readonly ThreeWay[],
  options: FitThresholdsOptions = {},
): { thresholds: Thresholds; macroF1: number } {
  if (scores.length === 0 || scores.length !== labels.length) {
    throw new RangeError(
      `Cannot fit thresholds on ${scores.length} scores and ${labels.length} labels: ` +
        "expected the same positive number of each",
    );
  }
  const bad = scores.findIndex((s) => !Number.isFinite(s));
  if (bad >= 0) {
    throw new RangeError(`Cannot fit thresholds: score ${scores[bad]} at row ${bad} is not finite`);
  }
  const distinct = [...new Set(scores)].sort((a, b) => a - b);
  let cuts = [distinct[0] - 1];
  for (let i = 1; i < distinct.length; i++) cuts.push((distinct[i - 1] + distinct[i]) / 2);
  cuts.push(distinct[distinct.length - 1] + 1);
  const limit = options.candidates ?? 400;
  if (cuts.length > limit) {
    const step = (cuts.length - 1) / (limit - 1);
    cuts = [...new Set(Array.from({ length: limit }, (_, k) => cuts[Math.round(k * step)]))];
  }
  // below[c][k]: rows of class c with score < cuts[k].
  const order = scores.map((s, i) => ({ s, c: THREE_WAY.indexOf(labels[i]) }))
    .sort((a, b) => a.s - b.s);
  const total = [0, 0, 0];
  for (const o of order) total[o.c]++;
  const below = [0, 1, 2].map(() => new Int32Array(cuts.length));
  let j = 0;
  const running = [0, 0, 0];
  for (let k = 0; k < cuts.length; k++) {
    while (j < order.length && order[j].s < cuts[k]) running[order[j++].c]++;
    for (let c = 0; c < 3; c++) below[c][k] = running[c];
  }
  // Scores equal to a cut are never possible (cuts lie between distinct
  // scores), so "< cut" and "<= cut" agree.
  const f1 = (tp: number, predicted: number, actual: number) =>
    tp === 0 ? 0 : (2 * tp) / (predicted + actual);
  let best = { f: -1, lo: 0, hi: 0, width: Infinity, centre: Infinity };
  for (let a = 0; a < cuts.length; a++) {
    for (let b = a; b < cuts.length; b++) {
      const neg = [below[0][a], below[1][a], below[2][a]];
      const pos = [total[0] - below[0][b], total[1] - below[1][b], total[2] - below[2][b]];
      const neu = [0, 1, 2].map((c) => total[c] - neg[c] - pos[c]);
      const sum = (xs: number[]) => xs[0] + xs[1] + xs[2];
      const f = (f1(neg[0], sum(neg), total[0]) + f1(neu[1], sum(neu), total[1]) +
        f1(pos[2], sum(pos), total[2])) / 3;
      const width = cuts[b] - cuts[a];
      const centre = Math.abs(cuts[a] + cuts[b]);
      if (
        f > best.f + 1e-12 ||
        (Math.abs(f - best.f) <= 1e-12 &&
          (width < best.width - 1e-12 ||
            (Math.abs(width - best.width) <= 1e-12 && centre < best.centre)))
      ) {
        best = { f, lo: cuts[a], hi: cuts[b], width, centre };
      }
    }
  }
  return { thresholds: { low: best.lo, high: best.hi }, macroF1: best.f };
}
