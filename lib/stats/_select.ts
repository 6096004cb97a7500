/**
 * Private: quantiles by selection, for the bootstrap, which needs two order
 * statistics of thousands of resampled means and not their full sort.
 *
 * @module
 */

/**
 * Type 7 quantiles of `xs` (see `quantile` in bootstrap.ts) for ascending `ps`, by
 * selection instead of a full sort: only the order statistics the quantiles
 * interpolate between are put in place. Equal to sorting `xs` and calling
 * `quantile` (tested); reorders `xs`.
 *
 * @example
 * ```ts
 * import { quantilesOf } from "./_select.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(quantilesOf(new Float64Array([4, 1, 3, 2]), [0, 0.5, 1]), [1, 2.5, 4]);
 * ```
 */
export function quantilesOf(xs: Float64Array, ps: readonly number[]): number[] {
  if (xs.length === 0) throw new RangeError("Cannot take a quantile of no values");
  // xs[0..settled) hold values no larger than any after them; ps ascend, so
  // each order statistic is selected from the part not yet settled.
  let settled = 0;
  const at = (k: number): number => {
    if (k >= settled) {
      select(xs, k, settled, xs.length - 1);
      settled = k + 1;
    }
    return xs[k];
  };
  return ps.map((p, i) => {
    if (!(p >= 0 && p <= 1) || (i > 0 && p < ps[i - 1])) {
      throw new RangeError(
        `Cannot take quantile ${JSON.stringify(p)}: expected 0..1, not below the one before`,
      );
    }
    const h = (xs.length - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.ceil(h);
    const a = at(lo);
    const b = hi === lo ? a : at(hi);
    return a + (h - lo) * (b - a);
  });
}

/**
 * Puts the `k`-th smallest of `xs[left..right]` at index `k`, smaller or equal
 * values before it and larger or equal after it: Hoare's selection with a
 * three-way partition, so that the many equal means of a resampled handful of
 * mentions do not make it quadratic.
 */
function select(xs: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    const pivot = medianOfThree(xs[left], xs[(left + right) >>> 1], xs[right]);
    // xs[left..lt) < pivot, xs[lt..i) == pivot, xs(gt..right] > pivot.
    let lt = left;
    let gt = right;
    let i = left;
    while (i <= gt) {
      if (xs[i] < pivot) swap(xs, lt++, i++);
      else if (xs[i] > pivot) swap(xs, i, gt--);
      else i++;
    }
    if (k < lt) right = lt - 1;
    else if (k > gt) left = gt + 1;
    else return;
  }
}

function medianOfThree(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
}

function swap(xs: Float64Array, i: number, j: number): void {
  const t = xs[i];
  xs[i] = xs[j];
  xs[j] = t;
}
