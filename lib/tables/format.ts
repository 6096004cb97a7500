/**
 * How numbers are written in every table the toolkit shows: the HTML report
 * and the notebooks use these, so the same figure has the same rounding and
 * a missing value the same dash everywhere.
 *
 * @module
 */

/** What a table shows for a value that is missing, null or not finite. */
export const DASH = "–";

/**
 * A number with `digits` decimals, or {@linkcode DASH} when there is none.
 *
 * @param x The number.
 * @param digits Decimals. @default 2
 * @returns The text.
 *
 * @example
 * ```ts
 * import { formatNumber } from "@framing/toolkit";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(formatNumber(0.1234), "0.12");
 * strictEqual(formatNumber(null), "–");
 * strictEqual(formatNumber(NaN), "–");
 * ```
 */
export function formatNumber(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  return x.toFixed(digits);
}

/**
 * A p- or q-value: three decimals, "<0.001" below that, {@linkcode DASH}
 * when there is none.
 *
 * @example
 * ```ts
 * import { formatP } from "@framing/toolkit";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(formatP(0.0004), "<0.001");
 * strictEqual(formatP(0.25), "0.250");
 * ```
 */
export function formatP(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  return x < 0.001 ? "<0.001" : x.toFixed(3);
}

/**
 * An interval `[low, high]` with {@linkcode formatNumber}'s rounding.
 *
 * @example
 * ```ts
 * import { formatInterval } from "@framing/toolkit";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(formatInterval([1, 2.5]), "[1.00, 2.50]");
 * strictEqual(formatInterval([null, null]), "[–, –]");
 * ```
 */
export function formatInterval(c: readonly (number | null)[]): string {
  return `[${formatNumber(c[0])}, ${formatNumber(c[1])}]`;
}
