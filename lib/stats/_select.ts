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
  const tails = tailQuantiles(xs, ps);
  if (tails) return tails;
  // xs[0..settled) hold values no larger than any after them; ps ascend, so
  // each order statistic is selected from the part not yet settled.
  let settled = 0;
  const at = (k: number): number => {
    if (k === settled && k > 0) {
      // The next order statistic after a selected one is the least of the
      // rest: one scan instead of a new selection.
      let min = k;
      for (let i = k + 1; i < xs.length; i++) if (xs[i] < xs[min]) min = i;
      swap(xs, k, min);
      settled = k + 1;
    } else if (k >= settled) {
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
    return interpolatedQuantile(xs.length, p, at);
  });
}

/**
 * The type 7 quantile `p` of `n` values (Hyndman & Fan 1996; R's default):
 * the order statistics at `floor(h)` and `ceil(h)`, `h = (n − 1) p`,
 * interpolated linearly. `order(k)` gives the k-th smallest value
 * (0-based); it is asked for at most two.
 *
 * @example
 * ```ts
 * import { interpolatedQuantile } from "./_select.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const sorted = [1, 2, 3, 4];
 * strictEqual(interpolatedQuantile(4, 0.5, (k) => sorted[k]), 2.5);
 * strictEqual(interpolatedQuantile(4, 1, (k) => sorted[k]), 4);
 * ```
 */
export function interpolatedQuantile(n: number, p: number, order: (k: number) => number): number {
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = order(lo);
  const b = hi === lo ? a : order(hi);
  return a + (h - lo) * (b - a);
}

/** Order statistics within this share of either end are read from a heap. */
const TAIL_SHARE = 1 / 16;

/**
 * The quantiles when every order statistic they need lies within
 * {@linkcode TAIL_SHARE} of either end (an interval's two ends): one pass
 * keeps the m smallest and the m largest values in two bounded heaps, far
 * less work than selections over the whole array. `undefined` otherwise, or
 * when a `p` is out of order (the caller then throws). Leaves `xs` as it is.
 */
function tailQuantiles(xs: Float64Array, ps: readonly number[]): number[] | undefined {
  const n = xs.length;
  const limit = Math.floor(n * TAIL_SHARE);
  let low = 0; // How many of the smallest values are needed.
  let high = 0; // How many of the largest.
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    if (!(p >= 0 && p <= 1) || (i > 0 && p < ps[i - 1])) return undefined;
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.ceil(h);
    if (hi < limit) low = Math.max(low, hi + 1);
    else if (lo >= n - limit) high = Math.max(high, n - lo);
    else return undefined;
  }
  const smallest = low > 0 ? extremes(xs, low, 1) : undefined;
  const largest = high > 0 ? extremes(xs, high, -1) : undefined;
  // The k-th order statistic (0-based, ascending).
  const order = (k: number) => k < low ? smallest![k] : largest![n - 1 - k];
  return ps.map((p) => interpolatedQuantile(n, p, order));
}

/**
 * The `m` smallest values of `xs` in ascending order (`sign` 1), or the `m`
 * largest in descending order (`sign` −1), by a bounded heap whose root is
 * the one that would leave first.
 */
function extremes(xs: Float64Array, m: number, sign: 1 | -1): Float64Array {
  // Keys are sign * value, so both cases keep the m smallest keys in a max-heap.
  const heap = new Float64Array(m);
  for (let i = 0; i < m; i++) heap[i] = sign * xs[i];
  for (let i = (m >>> 1) - 1; i >= 0; i--) siftDown(heap, i, m);
  for (let i = m; i < xs.length; i++) {
    const key = sign * xs[i];
    if (key < heap[0]) {
      heap[0] = key;
      siftDown(heap, 0, m);
    }
  }
  heap.sort();
  if (sign === -1) { for (let i = 0; i < m; i++) heap[i] = -heap[i]; }
  return heap;
}

function siftDown(heap: Float64Array, i: number, size: number): void {
  const x = heap[i];
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    if (child + 1 < size && heap[child + 1] > heap[child]) child++;
    if (heap[child] <= x) break;
    heap[i] = heap[child];
    i = child;
  }
  heap[i] = x;
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
