/**
 * Percentile bootstrap intervals, seeded so they can be reproduced.
 *
 * With two or a few articles there is no sample of documents: the units
 * resampled here are the observations of one text (mentions, or the
 * sentences they stand in, via `groups`). The interval says how much the
 * figure depends on which of those units happened to be written; it is not a
 * claim about a population of articles.
 *
 * @module
 */
import { MULBERRY32_INCREMENT, mulberry32Output, mulberry32Seed } from "./_mulberry32.ts";
import { interpolatedQuantile, quantilesOf } from "./_select.ts";
import { mulberry32 } from "./random.ts";
import { mean } from "./mean.ts";

/** Options of {@link bootstrap} and {@link bootstrapMean}. */
export interface BootstrapOptions {
  /** Number of resamples. @default 2000 */
  resamples?: number;
  /** Seed of the pseudo-random generator (mulberry32). @default 1 */
  seed?: number;
  /** Coverage of the interval, in (0, 1). @default 0.95 */
  level?: number;
  /**
   * A group id per value (e.g. the sentence a mention stands in): whole groups
   * are resampled with replacement, keeping values of one group together.
   * @default undefined (each value is its own group)
   */
  groups?: readonly (string | number)[];
}

/** A point estimate with its percentile bootstrap interval. */
export interface BootstrapInterval {
  /** The statistic on the data as observed. */
  estimate: number;
  low: number;
  high: number;
  level: number;
  resamples: number;
  seed: number;
}

/**
 * Percentile bootstrap interval of any statistic of a list of numbers.
 *
 * @param values The observations (finite numbers, at least one).
 * @param statistic Computes the statistic of a sample.
 * @param options Resamples, seed, level, groups.
 * @returns The estimate and the `(1 − level)/2` and `(1 + level)/2` quantiles of the resampled statistic.
 * @throws {RangeError} On no values, non-finite values, a bad level or resample count, or groups of another length.
 *
 * @example Median of a small sample
 * ```ts
 * import { bootstrap } from "@framing/toolkit/stats";
 * import { ok, strictEqual } from "node:assert/strict";
 *
 * const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
 * const r = bootstrap([1, 2, 3, 4, 100], median, { seed: 7 });
 * strictEqual(r.estimate, 3);
 * ok(r.low >= 1 && r.high <= 100 && r.low <= r.high);
 * ```
 */
export function bootstrap(
  values: readonly number[],
  statistic: (sample: number[]) => number,
  options: BootstrapOptions = {},
): BootstrapInterval {
  const { resamples = 2000, seed = 1, level = 0.95, groups } = options;
  if (values.length === 0) {
    throw new RangeError("Cannot bootstrap an empty list: expected at least one value");
  }
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) {
    throw new RangeError(
      `Cannot bootstrap value ${String(values[bad])} at index ${bad}: expected a finite number`,
    );
  }
  if (!(level > 0 && level < 1)) {
    throw new RangeError(
      `Cannot use level ${JSON.stringify(level)}: expected a number between 0 and 1`,
    );
  }
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(
      `Cannot use ${JSON.stringify(resamples)} resamples: expected a positive integer`,
    );
  }
  if (groups && groups.length !== values.length) {
    throw new RangeError(
      `Cannot use ${groups.length} group ids for ${values.length} values: expected one per value`,
    );
  }
  mulberry32Seed(seed); // Throws on a seed that is not an integer.
  const clusters = clustersOf(values, groups);
  const estimate = statistic([...values]);
  if (statistic === mean && (clusters.length === 1 || values.every((v) => v === 0))) {
    // Every resample is the same sample (one cluster) or sums zeros: its mean,
    // computed as the resampling loop would, is every resampled statistic and
    // so both ends of the interval.
    let s = 0;
    for (const x of clusters[0]) s += x;
    const only = values.every((v) => v === 0) ? 0 : s / clusters[0].length;
    return { estimate, low: only, high: only, level, resamples, seed };
  }
  const stats = new Float64Array(resamples);
  if (statistic === mean) {
    resampleMeans(clusters, values, seed, stats);
  } else {
    const random = mulberry32(seed);
    for (let r = 0; r < resamples; r++) {
      const sample: number[] = [];
      for (let k = 0; k < clusters.length; k++) {
        sample.push(...clusters[Math.floor(random() * clusters.length)]);
      }
      stats[r] = statistic(sample);
    }
  }
  const [low, high] = quantilesOf(stats, [(1 - level) / 2, (1 + level) / 2]);
  return { estimate, low, high, level, resamples, seed };
}

/**
 * Fills `stats` with the means of resamples of `clusters`: the same draws and
 * the same additions in the same order as `mean(sample)` on the samples the
 * general loop builds, so the results are bit-identical, without building
 * any sample. The generator's state stays in a local variable: a corpus run
 * draws millions of numbers here, and a closure call per draw cost twice the
 * time.
 */
function resampleMeans(
  clusters: readonly (readonly number[])[],
  values: readonly number[],
  seed: number,
  stats: Float64Array,
): void {
  const n = clusters.length;
  let state = mulberry32Seed(seed);
  if (n === values.length) {
    // One value per cluster (the default unit), so clusters[i] is [values[i]]:
    // index the values directly.
    const xs = Float64Array.from(values);
    for (let r = 0; r < stats.length; r++) {
      let s = 0;
      for (let k = 0; k < n; k++) {
        state = (state + MULBERRY32_INCREMENT) >>> 0;
        s += xs[Math.floor(mulberry32Output(state) * n)];
      }
      stats[r] = s / n;
    }
    return;
  }
  for (let r = 0; r < stats.length; r++) {
    let s = 0;
    let count = 0;
    for (let k = 0; k < n; k++) {
      state = (state + MULBERRY32_INCREMENT) >>> 0;
      const cluster = clusters[Math.floor(mulberry32Output(state) * n)];
      for (let j = 0; j < cluster.length; j++) s += cluster[j];
      count += cluster.length;
    }
    stats[r] = s / count;
  }
}

/**
 * Percentile bootstrap interval of the mean.
 *
 * @example Deterministic for a seed
 * ```ts
 * import { bootstrapMean } from "@framing/toolkit/stats";
 * import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
 *
 * const xs = [-0.5, -0.2, 0, 0.1, 0.4];
 * const a = bootstrapMean(xs, { seed: 3 });
 * deepStrictEqual(a, bootstrapMean(xs, { seed: 3 }));
 * strictEqual(Math.round(a.estimate * 100) / 100, -0.04);
 * ok(a.low < a.estimate && a.estimate < a.high);
 * ```
 */
export function bootstrapMean(
  values: readonly number[],
  options: BootstrapOptions = {},
): BootstrapInterval {
  return bootstrap(values, mean, options);
}

function clustersOf(
  values: readonly number[],
  groups: readonly (string | number)[] | undefined,
): number[][] {
  if (!groups) return values.map((v) => [v]);
  const byId = new Map<string | number, number[]>();
  values.forEach((v, i) => {
    const list = byId.get(groups[i]) ?? [];
    list.push(v);
    byId.set(groups[i], list);
  });
  return [...byId.values()];
}

/**
 * Quantile of sorted numbers by linear interpolation between order
 * statistics (Hyndman & Fan 1996, type 7: R's default).
 *
 * @example
 * ```ts
 * import { quantile } from "@framing/toolkit/stats";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(quantile([1, 2, 3, 4], 0.5), 2.5);
 * strictEqual(quantile([1, 2, 3, 4], 0), 1);
 * strictEqual(quantile([1, 2, 3, 4], 1), 4);
 * ```
 */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new RangeError("Cannot take a quantile of no values");
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`Cannot take quantile ${JSON.stringify(p)}: expected 0..1`);
  }
  return interpolatedQuantile(sorted.length, p, (k) => sorted[k]);
}
