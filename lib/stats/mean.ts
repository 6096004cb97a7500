/**
 * The arithmetic mean: the one definition every table, figure and
 * bootstrap uses.
 *
 * @module
 */

/**
 * The arithmetic mean of the numbers, summed left to right; NaN for none.
 *
 * @param values The numbers.
 * @returns Their mean, or NaN when there are none.
 *
 * @example
 * ```ts
 * import { mean } from "@framing/toolkit/stats";
 * import { ok, strictEqual } from "node:assert/strict";
 *
 * strictEqual(mean([1, 2, 6]), 3);
 * ok(Number.isNaN(mean([])));
 * ```
 */
export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
