/**
 * Spearman's rank correlation, for ratings where only the order is trusted.
 *
 * @module
 */
import { pearson } from "./agreement.ts";

/**
 * Spearman's rank correlation: Pearson's r of the ranks, tied values taking
 * the mean of the ranks they span (so the result is exact with ties, unlike
 * the `1 − 6Σd²/(n(n² − 1))` shortcut).
 *
 * @param x First series (finite numbers).
 * @param y Second series, same length.
 * @returns ρ in −1..+1, or `NaN` when either series has all values tied.
 * @throws {RangeError} When the lengths differ, there are fewer than two pairs, or a value is not finite.
 *
 * @example
 * ```ts
 * import { spearman } from "@framing/toolkit/stats";
 * import { ok, strictEqual } from "node:assert/strict";
 *
 * strictEqual(spearman([1, 2, 3, 4], [1, 8, 27, 64]), 1);
 * strictEqual(spearman([1, 2, 3], [30, 20, 10]), -1);
 * // Ties: y ranks 1.5, 1.5, 3.5, 3.5, so ρ = 4 / √(5 · 4).
 * ok(Math.abs(spearman([1, 2, 3, 4], [1, 1, 2, 2]) - Math.sqrt(0.8)) < 1e-12);
 * ```
 */
export function spearman(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length) {
    throw new RangeError(`Cannot correlate series of lengths "${x.length}" and "${y.length}"`);
  }
  return pearson(midranks(x, "x"), midranks(y, "y"));
}

/** Ranks from 1, ties given the mean rank of their run. */
function midranks(xs: readonly number[], name: string): number[] {
  xs.forEach((v, i) => {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new RangeError(
        `Cannot rank value "${String(v)}" at index ${i} of ${name}: expected a finite number`,
      );
    }
  });
  const order = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b]);
  const ranks = new Array<number>(xs.length);
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && xs[order[end]] === xs[order[start]]) end++;
    const rank = (start + 1 + end) / 2; // mean of ranks start + 1 .. end
    for (let k = start; k < end; k++) ranks[order[k]] = rank;
    start = end;
  }
  return ranks;
}
