/**
 * Multiple-testing correction.
 *
 * @module
 */

/**
 * Benjamini–Hochberg q-values (false discovery rate) for a family of
 * p-values, in the input order. NaN stays NaN and is not counted.
 *
 * @example
 * ```ts
 * import { benjaminiHochberg } from "./adjust.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(benjaminiHochberg([0.01, 0.04, 0.03]), [0.03, 0.04, 0.04]);
 * ```
 */
export function benjaminiHochberg(p: readonly number[]): number[] {
  const idx = p.map((v, i) => [v, i] as const).filter(([v]) => !Number.isNaN(v));
  for (const [v] of idx) if (v < 0 || v > 1) throw new RangeError(`p-value out of [0, 1]: ${v}`);
  idx.sort((x, y) => y[0] - x[0]);
  const m = idx.length;
  const q = p.map(() => NaN);
  let running = 1;
  idx.forEach(([v, i], k) => {
    const rank = m - k;
    running = Math.min(running, (v * m) / rank);
    q[i] = Math.round(running * 1e12) / 1e12;
  });
  return q;
}
