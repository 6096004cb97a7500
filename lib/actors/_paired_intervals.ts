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
import { interpolatedQuantile, quantilesOf } from "../stats/_select.ts";

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
  const mentions: PerMention = { xs, sums, counts };
  const draws = { resamples, seed: options.seed, level, prior };
  return n <= COUNTED_UP_TO ? countedIntervals(mentions, draws) : drawnIntervals(mentions, draws);
}

/** What the resampling reads of each mention: score, stance sum and count. */
export interface PerMention {
  /** Scores. */
  xs: Float64Array;
  /** The score of an evaluating mention, else 0. */
  sums: Float64Array;
  /** 1 for an evaluating mention, else 0. */
  counts: Int32Array;
}

/** The settings of the draws. */
export interface Draws {
  resamples: number;
  seed: number;
  level: number;
  prior: number;
}

/**
 * Rows of at most this many mentions are resampled by {@linkcode countedIntervals}
 * (4 mentions: 256 possible draw sequences; most multi-mention rows of news
 * articles have two to four).
 */
export const COUNTED_UP_TO = 4;

/** The intervals from every resample's mean and stance, by selection (`quantilesOf`). */
export function drawnIntervals(mentions: PerMention, draws: Draws): PairedIntervals {
  const means = new Float64Array(draws.resamples);
  const stances = new Float64Array(draws.resamples);
  const drawn = drawnIndexes(mentions.xs.length, draws.resamples, draws.seed);
  if (drawn) {
    sumDrawn(mentions.xs, mentions.sums, mentions.counts, drawn, draws.prior, means, stances);
  } else drawPaired(mentions.xs, mentions.sums, mentions.counts, draws, means, stances);
  const ps = intervalEnds(draws.level);
  const [scoreLow, scoreHigh] = quantilesOf(means, ps);
  const [stanceLow, stanceHigh] = quantilesOf(stances, ps);
  return { score: [scoreLow, scoreHigh], stance: [stanceLow, stanceHigh] };
}

function intervalEnds(level: number): number[] {
  return [(1 - level) / 2, (1 + level) / 2];
}

/**
 * The same intervals as {@linkcode drawnIntervals} (tested), for a few
 * mentions: a resample of `n` mentions is one of `n^n` draw sequences, so
 * the draws are tallied by sequence, each drawn sequence's mean and stance is
 * worked out once (adding its mentions in the order drawn, as `drawPaired`
 * does), and the quantiles are read off the tallies: no pass over thousands
 * of resampled values. The random draws are the same, one by one.
 */
export function countedIntervals(mentions: PerMention, draws: Draws): PairedIntervals {
  const { xs, sums, counts } = mentions;
  const n = xs.length;
  const tally = tallySequences(n, draws.resamples, draws.seed);
  const means: number[] = [];
  const stances: number[] = [];
  const weights: number[] = [];
  for (let sequence = 0; sequence < tally.length; sequence++) {
    if (tally[sequence] === 0) continue;
    let s = 0;
    let sum = 0;
    let count = 0;
    // The first draw is the most significant base-n digit of the sequence.
    for (let place = n ** (n - 1); place >= 1; place /= n) {
      const k = Math.floor(sequence / place) % n;
      s += xs[k];
      sum += sums[k];
      count += counts[k];
    }
    means.push(s / n);
    stances.push(count === 0 ? 0 : sum / (count + draws.prior));
    weights.push(tally[sequence]);
  }
  const ps = intervalEnds(draws.level);
  const [scoreLow, scoreHigh] = tallyQuantiles(means, weights, draws.resamples, ps);
  const [stanceLow, stanceHigh] = tallyQuantiles(stances, weights, draws.resamples, ps);
  return { score: [scoreLow, scoreHigh], stance: [stanceLow, stanceHigh] };
}

/**
 * How often each sequence of `n` draws (a base-n number, first draw most
 * significant) comes up in `resamples` resamples: the draws of `drawPaired`.
 */
function tallySequences(n: number, resamples: number, seed: number): Int32Array {
  const key = drawKey(n, resamples, seed);
  const known = TALLIES.get(key);
  if (known) return known;
  const tally = new Int32Array(n ** n);
  let state = mulberry32Seed(seed);
  for (let r = 0; r < resamples; r++) {
    let sequence = 0;
    for (let j = 0; j < n; j++) {
      state = (state + MULBERRY32_INCREMENT) >>> 0;
      sequence = sequence * n + Math.floor(mulberry32Output(state) * n);
    }
    tally[sequence]++;
  }
  if (TALLIES.size < TALLIES_KEPT) TALLIES.set(key, tally);
  return tally;
}

/**
 * Tallies already drawn, by `n`, resamples and seed. An actor row's seed
 * comes from its actor and voice, so across a corpus the same few hundred
 * tallies come up again and again; each is at most 256 counts, and at most
 * `TALLIES_KEPT` are kept.
 */
const TALLIES = new Map<string, Int32Array>();
const TALLIES_KEPT = 4096;

/** What the draws depend on: the number of mentions, of resamples, and the seed. */
function drawKey(n: number, resamples: number, seed: number): string {
  return `${n} ${resamples} ${seed}`;
}

/**
 * The mention indexes `drawPaired` draws for `n` mentions (resample after
 * resample, `n` each), kept by `n`, resamples and seed until they fill
 * `INDEX_BUDGET` bytes: `undefined` for more than 255 mentions or once the
 * budget is spent, and the caller draws them itself.
 */
function drawnIndexes(n: number, resamples: number, seed: number): Uint8Array | undefined {
  const key = drawKey(n, resamples, seed);
  const known = INDEXES.get(key);
  if (known) return known;
  if (n > 255 || indexBytes + n * resamples > INDEX_BUDGET) return undefined;
  const drawn = new Uint8Array(n * resamples);
  let state = mulberry32Seed(seed);
  for (let i = 0; i < drawn.length; i++) {
    state = (state + MULBERRY32_INCREMENT) >>> 0;
    drawn[i] = Math.floor(mulberry32Output(state) * n);
  }
  INDEXES.set(key, drawn);
  indexBytes += drawn.length;
  return drawn;
}

const INDEXES = new Map<string, Uint8Array>();
const INDEX_BUDGET = 16 * 1024 * 1024;
let indexBytes = 0;

/**
 * `drawPaired` over indexes already drawn: the same additions in the same
 * order, so the same means and stances.
 */
function sumDrawn(
  xs: Float64Array,
  sums: Float64Array,
  counts: Int32Array,
  drawn: Uint8Array,
  prior: number,
  means: Float64Array,
  stances: Float64Array,
): void {
  const n = xs.length;
  let at = 0;
  for (let r = 0; r < means.length; r++) {
    let s = 0;
    let sum = 0;
    let count = 0;
    for (let j = 0; j < n; j++) {
      const k = drawn[at++];
      s += xs[k];
      sum += sums[k];
      count += counts[k];
    }
    means[r] = s / n;
    stances[r] = count === 0 ? 0 : sum / (count + prior);
  }
}

/**
 * Type 7 quantiles (as `quantilesOf`) of `total` values given as distinct
 * values, each repeated `weights[i]` times.
 */
function tallyQuantiles(
  values: readonly number[],
  weights: readonly number[],
  total: number,
  ps: readonly number[],
): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  // The k-th smallest (0-based) of all the values.
  const orderStatistic = (k: number) => {
    let below = 0;
    for (const i of order) {
      below += weights[i];
      if (k < below) return values[i];
    }
    throw new RangeError(`No order statistic ${k} of ${total} values`);
  };
  return ps.map((p) => interpolatedQuantile(total, p, orderStatistic));
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
