/**
 * Agreement between a measure and human coding: Pearson's r for ratings,
 * accuracy, macro-F1 and the confusion matrix for labels.
 *
 * @module
 */

/**
 * Pearson's product-moment correlation of two equally long series.
 *
 * @param x First series.
 * @param y Second series, same length.
 * @returns r in −1..+1, or `NaN` when either series has no variance.
 * @throws {RangeError} When the lengths differ or there are fewer than two pairs.
 *
 * @example
 * ```ts
 * import { pearson } from "@framing/toolkit/stats";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(pearson([1, 2, 3], [2, 4, 6]), 1);
 * strictEqual(pearson([1, 2, 3], [3, 2, 1]), -1);
 * ```
 */
export function pearson(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length) {
    throw new RangeError(`Cannot correlate series of lengths "${x.length}" and "${y.length}"`);
  }
  const n = x.length;
  if (n < 2) throw new RangeError(`Cannot correlate "${n}" pairs: need at least 2`);
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return NaN;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** A confusion matrix: `matrix[gold][predicted]` counts over `labels`. */
export interface Confusion {
  labels: string[];
  /** Rows are gold labels, columns predicted labels, in `labels` order. */
  matrix: number[][];
}

/**
 * Confusion matrix of gold and predicted labels.
 *
 * @param gold Gold labels.
 * @param predicted Predicted labels, same length.
 * @param labels Label order; by default the sorted union of both series.
 *
 * @example
 * ```ts
 * import { confusion } from "@framing/toolkit/stats";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const c = confusion(["a", "a", "b"], ["a", "b", "b"]);
 * deepStrictEqual(c, { labels: ["a", "b"], matrix: [[1, 1], [0, 1]] });
 * ```
 */
export function confusion(
  gold: readonly string[],
  predicted: readonly string[],
  labels?: readonly string[],
): Confusion {
  if (gold.length !== predicted.length) {
    throw new RangeError(
      `Cannot compare "${gold.length}" gold labels with "${predicted.length}" predictions`,
    );
  }
  const order = labels ? [...labels] : [...new Set([...gold, ...predicted])].sort();
  const at = new Map(order.map((l, i) => [l, i]));
  const matrix = order.map(() => order.map(() => 0));
  gold.forEach((g, i) => {
    const r = at.get(g);
    const c = at.get(predicted[i]);
    if (r === undefined || c === undefined) {
      throw new RangeError(
        `Label "${r === undefined ? g : predicted[i]}" is not in the label list`,
      );
    }
    matrix[r][c]++;
  });
  return { labels: order, matrix };
}

/**
 * Share of predictions equal to the gold label.
 *
 * @example
 * ```ts
 * import { accuracy } from "@framing/toolkit/stats";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(accuracy(["a", "b", "b", "a"], ["a", "b", "a", "a"]), 0.75);
 * ```
 */
export function accuracy(gold: readonly string[], predicted: readonly string[]): number {
  const c = confusion(gold, predicted);
  const hits = c.matrix.reduce((s, row, i) => s + row[i], 0);
  return gold.length === 0 ? NaN : hits / gold.length;
}

/** Per-label precision, recall and F1. */
export interface LabelScores {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Number of gold items with this label. */
  support: number;
}

/**
 * Precision, recall and F1 of each label (0 where undefined).
 *
 * @example
 * ```ts
 * import { labelScores } from "@framing/toolkit/stats";
 * import { strictEqual } from "node:assert/strict";
 *
 * const [a] = labelScores(["a", "a", "b"], ["a", "b", "b"], ["a", "b"]);
 * strictEqual(a.precision, 1);
 * strictEqual(a.recall, 0.5);
 * ```
 */
export function labelScores(
  gold: readonly string[],
  predicted: readonly string[],
  labels?: readonly string[],
): LabelScores[] {
  const c = confusion(gold, predicted, labels);
  return c.labels.map((label, i) => {
    const tp = c.matrix[i][i];
    const support = c.matrix[i].reduce((s, v) => s + v, 0);
    const predictedCount = c.matrix.reduce((s, row) => s + row[i], 0);
    const precision = predictedCount === 0 ? 0 : tp / predictedCount;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
}

/**
 * Macro-averaged F1: the unweighted mean of each label's F1 (NewsMTSC's F1m).
 *
 * @param labels The classes to average over; by default those seen.
 *
 * @example
 * ```ts
 * import { macroF1 } from "@framing/toolkit/stats";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(macroF1(["a", "b"], ["a", "b"]), 1);
 * strictEqual(macroF1(["a", "a", "b", "b"], ["a", "a", "a", "a"], ["a", "b"]), (2 / 3 + 0) / 2);
 * ```
 */
export function macroF1(
  gold: readonly string[],
  predicted: readonly string[],
  labels?: readonly string[],
): number {
  const scores = labelScores(gold, predicted, labels);
  return scores.reduce((s, l) => s + l.f1, 0) / scores.length;
}
