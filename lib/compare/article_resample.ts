/**
 * Comparing two groups of articles on a ratio with the article as the unit
 * of resampling: a cluster bootstrap of articles within each group, and a
 * permutation of article labels between the groups.
 *
 * Each unit is one article's contribution (hits and words of one voice, or
 * the article's stance toward an actor over 1). The group value is the ratio
 * estimator `Σnum / Σden` over its articles, so a rate is hits summed over
 * words summed, and a stance is the mean over the articles that name the
 * actor. Because whole articles are drawn, sentences of one article (one
 * author, topic and tone) move together, and the intervals and p-values
 * speak about the outlets' articles rather than these sentences.
 *
 * @module
 */
import { quantile } from "../stats/bootstrap.ts";
import { mulberry32 } from "../stats/random.ts";
import type { CompareRatiosOptions, RatioComparison, Unit } from "./resample.ts";

/**
 * Compares a ratio between two groups of article units: the same output as
 * `compareRatios`, with articles drawn (bootstrap) and shuffled
 * (permutation) instead of sentences. `prior` is not used: it belongs to the
 * per-article value (the stance), not to the group's mean.
 *
 * The permutation draws a uniform random subset of the pooled articles for
 * the smaller group (a partial Fisher–Yates shuffle) and takes the other
 * group's sums as the rest, so a round costs the smaller group's size.
 *
 * @param a Group A's articles.
 * @param b Group B's articles.
 * @param options Scale, resamples, seed and level (as for `compareRatios`).
 * @returns Values, intervals, difference, its interval and the permutation p-value.
 * @throws {RangeError} When `resamples` is not a positive integer.
 *
 * @example Articles that differ in rate give a small p; identical groups do not
 * ```ts
 * import { compareArticleRatios } from "./article_resample.ts";
 * import { ok } from "node:assert/strict";
 *
 * const a = Array.from({ length: 20 }, (_, i) => ({ num: 4 + (i % 3), den: 500 }));
 * const b = Array.from({ length: 20 }, (_, i) => ({ num: i % 3, den: 500 }));
 * ok(compareArticleRatios(a, b, { scale: 1000, resamples: 500 }).p < 0.01);
 * ok(compareArticleRatios(a, a, { scale: 1000, resamples: 500 }).p > 0.5);
 * ```
 */
export function compareArticleRatios(
  a: readonly Unit[],
  b: readonly Unit[],
  options: CompareRatiosOptions = {},
): RatioComparison {
  const { scale = 1, resamples = 2000, seed = 1, level = 0.95 } = options;
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  }
  const rand = mulberry32(seed);
  const n = a.length + b.length;
  const num = new Float64Array(n);
  const den = new Float64Array(n);
  a.forEach((u, i) => (num[i] = u.num, den[i] = u.den));
  b.forEach((u, i) => (num[a.length + i] = u.num, den[a.length + i] = u.den));
  const sum = (xs: Float64Array, from: number, to: number) => {
    let s = 0;
    for (let i = from; i < to; i++) s += xs[i];
    return s;
  };
  const value = (nu: number, de: number, count: number) =>
    count === 0 || de === 0 ? NaN : (nu / de) * scale;
  const valueA = value(sum(num, 0, a.length), sum(den, 0, a.length), a.length);
  const valueB = value(sum(num, a.length, n), sum(den, a.length, n), b.length);
  const difference = valueA - valueB;

  const draw = (from: number, count: number) => {
    let nu = 0;
    let de = 0;
    for (let i = 0; i < count; i++) {
      const k = from + Math.floor(rand() * count);
      nu += num[k];
      de += den[k];
    }
    return value(nu, de, count);
  };
  const bootA: number[] = [];
  const bootB: number[] = [];
  const diffs: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const x = draw(0, a.length);
    const y = draw(a.length, b.length);
    if (!Number.isNaN(x)) bootA.push(x);
    if (!Number.isNaN(y)) bootB.push(y);
    if (!Number.isNaN(x) && !Number.isNaN(y)) diffs.push(x - y);
  }
  const lo = (1 - level) / 2;
  const interval = (xs: number[]): [number, number] => {
    if (xs.length === 0) return [NaN, NaN];
    xs.sort((p, q) => p - q);
    return [quantile(xs, lo), quantile(xs, 1 - lo)];
  };

  let extreme = 0;
  if (!Number.isNaN(difference)) {
    const totalNum = sum(num, 0, n);
    const totalDen = sum(den, 0, n);
    const idx = Int32Array.from({ length: n }, (_, i) => i);
    // The smaller group is drawn; the other is the rest of the pooled articles.
    const k = Math.min(a.length, b.length);
    const drawnIsA = a.length <= b.length;
    for (let r = 0; r < resamples; r++) {
      let nu = 0;
      let de = 0;
      for (let i = 0; i < k; i++) {
        const j = i + Math.floor(rand() * (n - i));
        const t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
        nu += num[idx[i]];
        de += den[idx[i]];
      }
      const drawn = value(nu, de, k);
      const rest = value(totalNum - nu, totalDen - de, n - k);
      const d = drawnIsA ? drawn - rest : rest - drawn;
      // A split with an empty denominator on one side has no difference: not extreme.
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

/**
 * Groups larger than this get the normal approximation of the article
 * bootstrap's interval (the linearised variance of the ratio estimator,
 * which the bootstrap converges to) from {@linkcode ratioInterval}.
 */
export const BOOTSTRAP_UP_TO = 5000;

/** Options for {@linkcode ratioInterval}. */
export interface RatioIntervalOptions {
  /** Multiplier of the ratio. @default 1 */
  scale?: number;
  /** Bootstrap rounds. @default 1000 */
  resamples?: number;
  /** Seed. @default 1 */
  seed?: number;
}

/**
 * One group's ratio (`Σnum / Σden × scale`, over its articles) and its 95 %
 * interval: an article bootstrap up to {@linkcode BOOTSTRAP_UP_TO} articles;
 * past it, the normal interval with the linearised variance
 * `n/(n−1) · Σ(numᵢ − R·denᵢ)² / (Σden)²`, so that the cost stays linear.
 *
 * @param units The group's articles.
 * @param options Scale, resamples and seed.
 * @returns Value and interval (`null` ends where none can be given), or
 * `undefined` when there is no value (no articles, or Σden = 0).
 *
 * @example
 * ```ts
 * import { ratioInterval } from "./article_resample.ts";
 * import { ok } from "node:assert/strict";
 *
 * const units = Array.from({ length: 50 }, (_, i) => ({ num: i % 5, den: 100 }));
 * const r = ratioInterval(units, { scale: 1000 })!;
 * ok(r.value === 20 && r.low! < 20 && r.high! > 20);
 * const big = Array.from({ length: 6000 }, (_, i) => ({ num: i % 5, den: 100 }));
 * const n = ratioInterval(big, { scale: 1000 })!;
 * ok(n.high! - n.low! < r.high! - r.low!);
 * ```
 */
export function ratioInterval(
  units: readonly Unit[],
  options: RatioIntervalOptions = {},
): { value: number; low: number | null; high: number | null } | undefined {
  const { scale = 1, resamples = 1000, seed = 1 } = options;
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  if (units.length <= BOOTSTRAP_UP_TO) {
    const r = compareArticleRatios(units, [], { scale, resamples, seed });
    if (Number.isNaN(r.valueA)) return undefined;
    return { value: r.valueA, low: finite(r.ciA[0]), high: finite(r.ciA[1]) };
  }
  let num = 0;
  let den = 0;
  for (const u of units) {
    num += u.num;
    den += u.den;
  }
  if (den === 0) return undefined;
  const ratio = num / den;
  let squares = 0;
  for (const u of units) squares += (u.num - ratio * u.den) ** 2;
  const n = units.length;
  const se = Math.sqrt((n / (n - 1)) * squares) / den;
  return {
    value: ratio * scale,
    low: finite((ratio - 1.959964 * se) * scale),
    high: finite((ratio + 1.959964 * se) * scale),
  };
}
