/**
 * The article's stance toward an actor: built from the mentions that
 * evaluate the actor, so that a few strong judgements are not averaged away
 * by many neutral mentions.
 *
 * Which mentions evaluate is the scorer's call where it makes one (the
 * trained target model: its most probable class is not neutral; frames that
 * carry a judgement), else a mention evaluates when its score lies outside the
 * neutral band (`|score| > band`). The stance is the sum of the evaluating
 * scores divided by their count plus a pseudo-count `prior`:
 *
 *     stance = Σ_{evaluating} s / (n_evaluating + prior)
 *
 * It stays on −1..+1, is 0 exactly when no mention evaluates ("no evaluation
 * found"), and one evaluating mention counts for less than several that agree
 * (with `prior` 1: one mention at −0.6 gives −0.3, three give −0.45). Neutral
 * mentions do not dilute it: three strong judgements among twenty neutral
 * mentions give the same stance as the three alone.
 *
 * @module
 */
import { quantilesOf } from "../stats/_select.ts";
import { MULBERRY32_INCREMENT, mulberry32Output, mulberry32Seed } from "../stats/_mulberry32.ts";

/** Defaults of the stance: neutral band and pseudo-count. */
export const STANCE_DEFAULTS = {
  /**
   * Half-width of the neutral band of mention scores: a mention evaluates
   * when `|score| > band`.
   */
  band: 0.1,
  /** Pseudo-count added to the number of evaluating mentions. */
  prior: 1,
} as const;

/** Options of {@linkcode actorStance}. */
export interface StanceOptions {
  /** Neutral band of mention scores. @default STANCE_DEFAULTS.band */
  band?: number;
  /** Pseudo-count added to the evaluating mentions. @default STANCE_DEFAULTS.prior */
  prior?: number;
  /**
   * Per score, whether that mention evaluates; overrides the band where given.
   * @default each score outside the band
   */
  evaluating?: readonly boolean[];
}

/**
 * The stance toward an actor from its mention scores (see the module
 * documentation for the formula).
 *
 * @param scores Mention scores on −1..+1.
 * @param options Neutral band and pseudo-count.
 * @returns The stance on −1..+1; 0 when no mention evaluates.
 * @throws {RangeError} On a negative band or prior.
 *
 * @example Three strong judgements among twenty neutral mentions
 * ```ts
 * import { actorStance } from "./actor_stance.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const neutral = Array.from({ length: 20 }, () => 0.02);
 * const judged = [-0.6, -0.6, -0.6];
 * strictEqual(actorStance([...neutral, ...judged]), actorStance(judged));
 * strictEqual(Math.round(actorStance(judged) * 100) / 100, -0.45);
 * strictEqual(actorStance(neutral), 0);
 * ```
 */
export function actorStance(scores: ArrayLike<number>, options: StanceOptions = {}): number {
  const { band = STANCE_DEFAULTS.band, prior = STANCE_DEFAULTS.prior, evaluating } = options;
  if (!(band >= 0) || !(prior >= 0)) {
    throw new RangeError(
      `Cannot use band ${JSON.stringify(band)} and prior ${
        JSON.stringify(prior)
      }: expected numbers >= 0`,
    );
  }
  let sum = 0;
  let n = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (evaluating ? evaluating[i] : Math.abs(s) > band) {
      sum += s;
      n++;
    }
  }
  return n === 0 ? 0 : sum / (n + prior);
}

/** Options of {@linkcode stanceInterval}. */
export interface StanceIntervalOptions extends StanceOptions {
  /** Number of resamples. @default 2000 */
  resamples?: number;
  /** Seed of the pseudo-random generator (mulberry32). @default 1 */
  seed?: number;
  /** Coverage of the interval, in (0, 1). @default 0.95 */
  level?: number;
  /** A group id per score (e.g. its sentence): groups are resampled whole. @default each score alone */
  groups?: readonly (string | number)[];
}

/**
 * The stance with a percentile bootstrap interval: the units (mentions, or
 * the groups given) are resampled with replacement and the stance of each
 * resample computed. Works on per-unit sums, so a resample allocates nothing.
 *
 * @example
 * ```ts
 * import { stanceInterval } from "./actor_stance.ts";
 * import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
 *
 * const scores = [-0.6, -0.5, 0, 0.01, -0.7, 0];
 * const r = stanceInterval(scores, { seed: 4 });
 * strictEqual(Math.round(r.estimate * 100) / 100, -0.45);
 * ok(r.low <= r.estimate && r.estimate <= r.high && r.high <= 0);
 * deepStrictEqual(r, stanceInterval(scores, { seed: 4 }));
 * ```
 */
export function stanceInterval(
  scores: readonly number[],
  options: StanceIntervalOptions = {},
): { estimate: number; low: number; high: number } {
  const { band = STANCE_DEFAULTS.band, prior = STANCE_DEFAULTS.prior, evaluating } = options;
  const { resamples = 2000, seed = 1, level = 0.95, groups } = options;
  const estimate = actorStance(scores, { band, prior, evaluating });
  if (!Number.isInteger(resamples) || resamples < 1 || !(level > 0 && level < 1)) {
    throw new RangeError(
      `Cannot use ${JSON.stringify(resamples)} resamples at level ${
        JSON.stringify(level)
      }: expected a positive integer and a level in (0, 1)`,
    );
  }
  // Per unit: the sum of its evaluating scores and their count.
  const index = new Map<string | number, number>();
  const sums: number[] = [];
  const counts: number[] = [];
  scores.forEach((s, i) => {
    const id = groups ? groups[i] : i;
    let k = index.get(id);
    if (k === undefined) {
      index.set(id, k = sums.length);
      sums.push(0);
      counts.push(0);
    }
    if (evaluating ? evaluating[i] : Math.abs(s) > band) {
      sums[k] += s;
      counts[k]++;
    }
  });
  const units = sums.length;
  if (units === 0 || counts.every((c) => c === 0)) {
    return { estimate, low: estimate, high: estimate };
  }
  let state = mulberry32Seed(seed); // Throws on a seed that is not an integer.
  if (units === 1) {
    // Every resample is the one unit (its count is not 0 here): one value,
    // which both quantiles interpolate to exactly.
    const only = sums[0] / (counts[0] + prior);
    return { estimate, low: only, high: only };
  }
  // The generator's state in a local variable, stepped as `mulberry32(seed)`
  // steps it: the same draws without a closure call per draw.
  const stats = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    let n = 0;
    for (let j = 0; j < units; j++) {
      state = (state + MULBERRY32_INCREMENT) >>> 0;
      const k = Math.floor(mulberry32Output(state) * units);
      sum += sums[k];
      n += counts[k];
    }
    stats[r] = n === 0 ? 0 : sum / (n + prior);
  }
  const [low, high] = quantilesOf(stats, [(1 - level) / 2, (1 + level) / 2]);
  return { estimate, low, high };
}
