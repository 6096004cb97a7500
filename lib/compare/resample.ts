/**
 * Comparing two groups of sentences on a ratio (hits per 1,000 words, mean
 * score per mention): bootstrap intervals and permutation p-values with the
 * sentence as the unit of resampling.
 *
 * With a handful of articles there is no sample of documents. Resampling
 * sentences asks how much a figure depends on which sentences were written;
 * it does not make a claim about the outlets' other articles.
 *
 * @module
 */
import { mulberry32 } from "../stats/random.ts";
import { quantile } from "../stats/bootstrap.ts";

/** The statement every comparison output carries about what was resampled. */
export const RESAMPLING_UNIT =
  "Intervals and p-values resample sentences within each group (sentence bootstrap; " +
  "permutation of sentences between groups). They describe these texts, not a population of articles.";

/** One sentence's contribution to a ratio: `num` over `den` (e.g. hits over words). */
export interface Unit {
  num: number;
  den: number;
}

/** Options for {@linkcode compareRatios}. */
export interface CompareRatiosOptions {
  /** Multiplier of the ratio (1000 for per-1,000 rates). @default 1 */
  scale?: number;
  /** Bootstrap and permutation rounds. @default 2000 */
  resamples?: number;
  /** Seed of the generator. @default 1 */
  seed?: number;
  /** Interval coverage. @default 0.95 */
  level?: number;
  /**
   * Pseudo-count added to Σden: the ratio is `Σnum / (Σden + prior)`, so a
   * group whose units all have `den` 0 gets 0 rather than no value (the
   * actor stance: evaluating scores over evaluating mentions plus a prior).
   * @default 0
   */
  prior?: number;
}

/** Two groups' ratios, their difference, its interval, and a permutation p-value. */
export interface RatioComparison {
  valueA: number;
  valueB: number;
  ciA: [number, number];
  ciB: [number, number];
  /** `valueA − valueB`. */
  difference: number;
  ci: [number, number];
  /** Two-sided permutation p-value, `(1 + #{|d*| ≥ |d|}) / (1 + resamples)`. */
  p: number;
  unitsA: number;
  unitsB: number;
}

/** Σnum / (Σden + prior) × scale; NaN when there are no units or the denominator is 0. */
export function ratio(units: readonly Unit[], scale = 1, prior = 0): number {
  let num = 0;
  let den = prior;
  for (const u of units) {
    num += u.num;
    den += u.den;
  }
  return units.length === 0 || den === 0 ? NaN : (num / den) * scale;
}

function resampleRatio(
  units: readonly Unit[],
  rand: () => number,
  scale: number,
  prior: number,
): number {
  let num = 0;
  let den = prior;
  for (let i = 0; i < units.length; i++) {
    const u = units[Math.floor(rand() * units.length)];
    num += u.num;
    den += u.den;
  }
  return den === 0 ? NaN : (num / den) * scale;
}

/**
 * Compares a ratio between two groups of sentence units.
 *
 * @example A clear difference gets a small p and an interval above zero
 * ```ts
 * import { compareRatios } from "./resample.ts";
 * import { ok } from "node:assert/strict";
 *
 * const a = Array.from({ length: 40 }, (_, i) => ({ num: i % 2, den: 20 }));
 * const b = Array.from({ length: 40 }, () => ({ num: 0, den: 20 }));
 * const r = compareRatios(a, b, { scale: 1000, resamples: 500 });
 * ok(r.valueA === 25 && r.valueB === 0 && r.ci[0] > 0 && r.p < 0.01);
 * ```
 */
export function compareRatios(
  a: readonly Unit[],
  b: readonly Unit[],
  options: CompareRatiosOptions = {},
): RatioComparison {
  const { scale = 1, resamples = 2000, seed = 1, level = 0.95, prior = 0 } = options;
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  }
  const rand = mulberry32(seed);
  const valueA = ratio(a, scale, prior);
  const valueB = ratio(b, scale, prior);
  const difference = valueA - valueB;
  const bootA: number[] = [];
  const bootB: number[] = [];
  const diffs: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const x = a.length ? resampleRatio(a, rand, scale, prior) : NaN;
    const y = b.length ? resampleRatio(b, rand, scale, prior) : NaN;
    if (!Number.isNaN(x)) bootA.push(x);
    if (!Number.isNaN(y)) bootB.push(y);
    if (!Number.isNaN(x) && !Number.isNaN(y)) diffs.push(x - y);
  }
  const lo = (1 - level) / 2;
  const hi = 1 - lo;
  const interval = (xs: number[]): [number, number] => {
    if (xs.length === 0) return [NaN, NaN];
    xs.sort((p, q) => p - q);
    return [quantile(xs, lo), quantile(xs, hi)];
  };
  // Permutation: shuffle group labels over the pooled sentences.
  const pooled = [...a, ...b];
  let extreme = 0;
  if (!Number.isNaN(difference)) {
    const idx = pooled.map((_, i) => i);
    for (let r = 0; r < resamples; r++) {
      for (let i = idx.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [idx[i], idx[j]] = [idx[j], idx[i]];
      }
      const pa = idx.slice(0, a.length).map((i) => pooled[i]);
      const pb = idx.slice(a.length).map((i) => pooled[i]);
      const d = ratio(pa, scale, prior) - ratio(pb, scale, prior);
      if (Math.abs(d) >= Math.abs(difference) - 1e-12) extreme++;
    }
  }
  return {
    valueA,
    valueB,
    ciA: interval(bootA),
    ciB: interval(bootB),
    difference,
    ci: interval(diffs),
    p: Number.isNaN(difference) ? NaN : (1 + extreme) / (1 + resamples),
    unitsA: a.length,
    unitsB: b.length,
  };
}
