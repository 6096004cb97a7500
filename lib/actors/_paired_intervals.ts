/**
 * Private: the intervals of an actor row's mean score and stance from one
 * set of bootstrap draws. When each mention is its own resampling unit, the
 * mean's bootstrap (`bootstrapMean`) and the stance's (`stanceInterval`)
 * draw the same unit indexes from the same seed, so one loop can fill both:
 * the additions are the ones each function makes, in the same order, and
 * the intervals are bit-identical to calling the two (tested).
 *
 * @module
 */
import { MULBERRY32_INCREMENT, mulberry32Output, mulberry32Seed } from "../stats/_mulberry32.ts";
import { quantilesOf } from "../stats/_select.ts";

/** Low and high ends of the two intervals. */
export interface PairedIntervals {
  score: [number, number];
  stance: [number, number];
}

/**
 * Both percentile intervals from one loop, for `n >= 2` mentions resampled
 * one by one, when neither interval is degenerate (the values are not all
 * zero and at least one mention evaluates); `undefined` otherwise, and the
 * caller uses `bootstrapMean` and `stanceInterval`, whose shortcuts then
 * apply.
 */
export function pairedIntervals(
  values: readonly number[],
  evaluating: readonly boolean[],
  options: { resamples: number; seed: number; level: number; prior: number },
): PairedIntervals | undefined {
  const n = values.length;
  const { resamples, level, prior } = options;
  // Bad settings: the caller's functions throw their errors.
  if (!Number.isInteger(resamples) || resamples < 1 || !(level > 0 && level < 1)) return undefined;
  if (n < 2 || values.every((v) => v === 0) || !evaluating.some((e) => e)) return undefined;
  const xs = Float64Array.from(values);
  // Per mention, as stanceInterval keeps them: its score if it evaluates, else 0, and 1 or 0.
  const sums = new Float64Array(n);
  const counts = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (evaluating[i]) {
      sums[i] = 0 + values[i];
      counts[i] = 1;
    }
  }
  const means = new Float64Array(resamples);
  const stances = new Float64Array(resamples);
  drawPaired(xs, sums, counts, { seed: options.seed, prior }, means, stances);
  const ps = [(1 - level) / 2, (1 + level) / 2];
  const [scoreLow, scoreHigh] = quantilesOf(means, ps);
  const [stanceLow, stanceHigh] = quantilesOf(stances, ps);
  return { score: [scoreLow, scoreHigh], stance: [stanceLow, stanceHigh] };
}

/**
 * The resampled means and stances (one per slot of `means`), in a function
 * of its own that reads only typed arrays and numbers: V8 keeps its loop
 * optimised whatever arrays the caller was given (the caller, fed arrays of
 * several element kinds, was deoptimised again and again, and its loop with it).
 */
function drawPaired(
  xs: Float64Array,
  sums: Float64Array,
  counts: Int32Array,
  { seed, prior }: { seed: number; prior: number },
  means: Float64Array,
  stances: Float64Array,
): void {
  const n = xs.length;
  let state = mulberry32Seed(seed);
  for (let r = 0; r < means.length; r++) {
    let s = 0;
    let sum = 0;
    let count = 0;
    for (let j = 0; j < n; j++) {
      state = (state + MULBERRY32_INCREMENT) >>> 0;
      const k = Math.floor(mulberry32Output(state) * n);
      s += xs[k];
      sum += sums[k];
      count += counts[k];
    }
    means[r] = s / n;
    stances[r] = count === 0 ? 0 : sum / (count + prior);
  }
}
