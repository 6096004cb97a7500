/**
 * Krippendorff's alpha: the reliability of coding done by two or more coders,
 * any number of them per unit, missing values allowed (Krippendorff 2011,
 * "Computing Krippendorff's Alpha-Reliability", the coincidence-matrix method).
 *
 * Reliability data are given unit by unit: one array per unit holding the
 * value each coder gave it, `null` where that coder gave none. (The Python
 * package `krippendorff` takes the transpose: one row per coder.) Only units
 * with at least two values are pairable; the others carry no information about
 * agreement and are left out, as in the paper.
 *
 * With `n` pairable values, `n_c` of them equal to `c`, and the coincidences
 * `o_ck = Σ_u (number of ordered c–k pairs of values in unit u) / (m_u − 1)`,
 *
 *     alpha = 1 − D_o / D_e = 1 − (n − 1) Σ_ck o_ck δ²_ck / Σ_ck n_c n_k δ²_ck.
 *
 * The sums are taken unit by unit without building the `V × V` matrix (it is
 * quadratic in the number of distinct values, which interval data can make
 * large); {@linkcode coincidences} gives the matrix itself.
 *
 * @module
 */
import type { BootstrapInterval } from "./bootstrap.ts";
import { MULBERRY32_INCREMENT, mulberry32Output, mulberry32Seed } from "./_mulberry32.ts";
import { quantilesOf } from "./_select.ts";
import { alphaFunction, checkLevel, pairableOf, rowsOf } from "./_krippendorff_pairs.ts";

/**
 * The metric δ² between two values (Krippendorff 2011):
 * - `"nominal"`: 0 for equal values, 1 otherwise;
 * - `"ordinal"`: `(Σ_{g=c..k} n_g − (n_c + n_k)/2)²` over the distinct values
 *   observed in pairable units, in ascending order (the squared distance between
 *   the values' mid-ranks among all pairable values);
 * - `"interval"`: `(c − k)²`;
 * - `"ratio"`: `((c − k)/(c + k))²`, for values ≥ 0 (0 when both are 0).
 */
export type MeasurementLevel = "nominal" | "ordinal" | "interval" | "ratio";

/** One coder's code for one unit, as stored in long (tidy) form. */
export interface CodingRecord {
  unit: string;
  coder: string;
  /** The value given; `null` when the coder saw the unit but gave no value. */
  code: number | null;
}

/** Reliability data with named units and coders: `values[unit][coder]`. */
export interface ReliabilityData {
  /** Unit ids, in the order of `values`. */
  units: string[];
  /** Coder ids, in the order of each row of `values`. */
  coders: string[];
  /** One row per unit, one entry per coder, `null` where the coder gave no value. */
  values: (number | null)[][];
}

/**
 * Reliability data: either {@linkcode ReliabilityData} or bare rows, one per
 * unit (the position in a row is the coder; rows may differ in length, absent
 * positions count as missing).
 */
export type ReliabilityInput = ReliabilityData | readonly (readonly (number | null)[])[];

/**
 * Reliability data from long records, one per unit and coder.
 *
 * @param records The codes; every unit and coder that appears gets a row or column.
 * @returns Units and coders in order of first appearance, and the values per unit
 *   (`null` where a coder has no record for the unit or recorded `null`).
 * @throws {RangeError} When a coder has two records for the same unit.
 * @throws {TypeError} When a unit or coder is not a string, or a code is neither a number nor `null`.
 *
 * @example
 * ```ts
 * import { reliabilityData } from "@framing/toolkit/stats";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const data = reliabilityData([
 *   { unit: "s1", coder: "ann", code: 1 },
 *   { unit: "s1", coder: "ben", code: 2 },
 *   { unit: "s2", coder: "ben", code: 1 },
 * ]);
 * deepStrictEqual(data, {
 *   units: ["s1", "s2"],
 *   coders: ["ann", "ben"],
 *   values: [[1, 2], [null, 1]],
 * });
 * ```
 */
export function reliabilityData(records: readonly CodingRecord[]): ReliabilityData {
  const unitIndex = new Map<string, number>();
  const coderIndex = new Map<string, number>();
  for (const r of records) {
    if (typeof r.unit !== "string" || typeof r.coder !== "string") {
      throw new TypeError(
        `Cannot use record with unit "${String(r.unit)}" and coder "${
          String(r.coder)
        }": expected both to be strings`,
      );
    }
    if (r.code !== null && typeof r.code !== "number") {
      throw new TypeError(
        `Cannot use code "${
          String(r.code)
        }" of coder "${r.coder}" for unit "${r.unit}": expected a number or null`,
      );
    }
    if (!unitIndex.has(r.unit)) unitIndex.set(r.unit, unitIndex.size);
    if (!coderIndex.has(r.coder)) coderIndex.set(r.coder, coderIndex.size);
  }
  const nCoders = coderIndex.size;
  const values = Array.from(
    { length: unitIndex.size },
    () => new Array<number | null>(nCoders).fill(null),
  );
  const seen = new Uint8Array(unitIndex.size * nCoders);
  for (const r of records) {
    const u = unitIndex.get(r.unit)!;
    const c = coderIndex.get(r.coder)!;
    if (seen[u * nCoders + c]) {
      throw new RangeError(
        `Cannot use a second code of coder "${r.coder}" for unit "${r.unit}": expected at most one code per coder and unit`,
      );
    }
    seen[u * nCoders + c] = 1;
    values[u][c] = r.code;
  }
  return { units: [...unitIndex.keys()], coders: [...coderIndex.keys()], values };
}

/**
 * Krippendorff's alpha of reliability data at a level of measurement.
 *
 * @param data One row per unit (or {@linkcode ReliabilityData}); `null` is a missing value.
 * @param measurement The metric: `"nominal"`, `"ordinal"`, `"interval"` or `"ratio"`.
 * @returns Alpha: 1 for perfect agreement, about 0 for agreement at chance level,
 *   below 0 for systematic disagreement. `NaN` when the pairable values are all the
 *   same (D_e = 0, and then D_o = 0 too): the data cannot tell agreement from chance,
 *   so alpha is undefined (Krippendorff 2011). The Python package `krippendorff`
 *   raises an error there; `NaN` lets one variable of many be undefined without
 *   stopping the others, and returning 1 would claim reliability the data do not show.
 * @throws {RangeError} When no unit has two values, a value is not finite, a ratio
 *   value is negative, or the level is unknown.
 * @throws {TypeError} When a value is neither a number nor `null`, or the data are not rows.
 *
 * @example The worked example of Krippendorff (2011), four coders, twelve units
 * ```ts
 * import { krippendorffAlpha } from "@framing/toolkit/stats";
 * import { strictEqual } from "node:assert/strict";
 *
 * const _ = null;
 * const units = [
 *   [1, 1, _, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
 *   [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [_, 5, 5, 5], [_, _, 1, 1], [_, 3, _, _],
 * ];
 * strictEqual(krippendorffAlpha(units, "nominal").toFixed(3), "0.743");
 * strictEqual(krippendorffAlpha(units, "ordinal").toFixed(3), "0.815");
 * strictEqual(krippendorffAlpha(units, "interval").toFixed(3), "0.849");
 * ```
 */
export function krippendorffAlpha(data: ReliabilityInput, measurement: MeasurementLevel): number {
  checkLevel(measurement);
  return alphaFunction(pairableOf(data, measurement), measurement)(null);
}

/** What {@linkcode alphaSummary} reports. */
export interface AlphaSummary {
  /** Krippendorff's alpha (`NaN` when all pairable values are the same). */
  alpha: number;
  measurement: MeasurementLevel;
  /** All units, pairable or not. */
  units: number;
  /** Units with at least two values: the ones alpha is computed from. */
  pairableUnits: number;
  /** Values in pairable units (`n` of the paper). */
  pairableValues: number;
  /**
   * Non-missing values each coder gave, in all units (pairable or not). Keys are
   * the coder ids, or the positions `"0"`, `"1"`, … for bare rows.
   */
  valuesPerCoder: Record<string, number>;
  /**
   * Share of pairs of values in the same unit that are equal, over all
   * unordered pairs of coders within pairable units (a unit with `m` values
   * gives `m(m − 1)/2` pairs). Exact equality whatever the level; not corrected
   * for chance.
   */
  percentAgreement: number;
}

/**
 * Alpha with the counts a report of reliability needs: how many units and
 * values it rests on, how much each coder contributed, and raw agreement.
 *
 * @param data One row per unit (or {@linkcode ReliabilityData}); `null` is a missing value.
 * @param measurement The metric (see {@linkcode MeasurementLevel}).
 * @throws {RangeError} As {@linkcode krippendorffAlpha}.
 * @throws {TypeError} As {@linkcode krippendorffAlpha}.
 *
 * @example
 * ```ts
 * import { alphaSummary, reliabilityData } from "@framing/toolkit/stats";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const data = reliabilityData([
 *   { unit: "s1", coder: "ann", code: 1 },
 *   { unit: "s1", coder: "ben", code: 1 },
 *   { unit: "s2", coder: "ann", code: 2 },
 *   { unit: "s2", coder: "ben", code: 2 },
 *   { unit: "s3", coder: "ann", code: 1 },
 *   { unit: "s3", coder: "ben", code: 2 },
 *   { unit: "s4", coder: "ann", code: 2 },
 * ]);
 * const s = alphaSummary(data, "nominal");
 * deepStrictEqual({ ...s, alpha: s.alpha.toFixed(3) }, {
 *   alpha: "0.444", // 1 − (6 − 1) · 2 / (6 · 6 − 3 · 3 − 3 · 3)
 *   measurement: "nominal",
 *   units: 4,
 *   pairableUnits: 3,
 *   pairableValues: 6,
 *   valuesPerCoder: { ann: 4, ben: 3 },
 *   percentAgreement: 2 / 3,
 * });
 * ```
 */
export function alphaSummary(data: ReliabilityInput, measurement: MeasurementLevel): AlphaSummary {
  checkLevel(measurement);
  const p = pairableOf(data, measurement);
  const { rows, coders } = rowsOf(data);
  const perCoder = new Array<number>(coders.length).fill(0);
  for (const row of rows) {
    for (let j = 0; j < row.length; j++) if (row[j] !== null) perCoder[j]++;
  }
  const valuesPerCoder: Record<string, number> = {};
  coders.forEach((c, j) => valuesPerCoder[c] = perCoder[j]);
  // Agreeing unordered pairs, counted per unit from how often each value occurs.
  const seen = new Float64Array(p.values.length);
  let pairs = 0;
  let agreeing = 0;
  const units = p.starts.length - 1;
  for (let u = 0; u < units; u++) {
    const from = p.starts[u];
    const to = p.starts[u + 1];
    const m = to - from;
    pairs += (m * (m - 1)) / 2;
    for (let i = from; i < to; i++) agreeing += seen[p.codes[i]]++;
    for (let i = from; i < to; i++) seen[p.codes[i]] = 0;
  }
  return {
    alpha: alphaFunction(p, measurement)(null),
    measurement,
    units: rows.length,
    pairableUnits: units,
    pairableValues: p.codes.length,
    valuesPerCoder,
    percentAgreement: agreeing / pairs,
  };
}

/** The coincidence matrix of reliability data (Krippendorff 2011). */
export interface Coincidences {
  /** The distinct values of pairable units, ascending. */
  values: number[];
  /** `matrix[c][k]` = o_ck, in `values` order; row sums are the n_c. */
  matrix: number[][];
}

/**
 * The coincidence matrix: `o_ck = Σ_u (number of ordered c–k pairs of values
 * in unit u) / (m_u − 1)` over pairable units. Quadratic in the number of
 * distinct values.
 *
 * @param data One row per unit (or {@linkcode ReliabilityData}); `null` is a missing value.
 * @throws {RangeError} When no unit has two values, a value is not finite, or
 *   there are more than 3000 distinct values.
 * @throws {TypeError} When a value is neither a number nor `null`.
 *
 * @example
 * ```ts
 * import { coincidences } from "@framing/toolkit/stats";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(coincidences([[1, 1], [1, 2], [2, 2, 2], [3, null]]), {
 *   values: [1, 2],
 *   matrix: [[2, 1], [1, 3]],
 * });
 * ```
 */
export function coincidences(data: ReliabilityInput): Coincidences {
  const p = pairableOf(data, "nominal");
  const v = p.values.length;
  if (v > 3000) {
    throw new RangeError(
      `Cannot build a coincidence matrix of "${v}" distinct values: expected at most 3000`,
    );
  }
  const o = new Float64Array(v * v);
  const count = new Float64Array(v);
  const present: number[] = [];
  for (let u = 0; u + 1 < p.starts.length; u++) {
    const from = p.starts[u];
    const to = p.starts[u + 1];
    for (let i = from; i < to; i++) if (count[p.codes[i]]++ === 0) present.push(p.codes[i]);
    // Whole pair counts, divided once: 3 pairs / 3, not 1/3 + 1/3 + 1/3.
    for (const c of present) {
      for (const k of present) {
        o[c * v + k] += (count[c] * (count[k] - (c === k ? 1 : 0))) / (to - from - 1);
      }
    }
    for (const c of present) count[c] = 0;
    present.length = 0;
  }
  return {
    values: [...p.values],
    matrix: Array.from({ length: v }, (_, c) => [...o.subarray(c * v, (c + 1) * v)]),
  };
}

/** Options of {@linkcode alphaInterval}. */
export interface AlphaIntervalOptions {
  /** Number of resamples. @default 1000 */
  resamples?: number;
  /** Seed of the pseudo-random generator (mulberry32). @default 1 */
  seed?: number;
  /** Coverage of the interval, in (0, 1) (not the level of measurement). @default 0.95 */
  level?: number;
}

/** Alpha with its percentile bootstrap interval over units. */
export interface AlphaInterval extends BootstrapInterval {
  /**
   * Resamples whose pairable values were all the same, so alpha was undefined
   * there; they are left out of the quantiles. Many of them mean the interval
   * rests on few resamples and on the data's rare values.
   */
  undefinedResamples: number;
}

/**
 * Percentile bootstrap interval of Krippendorff's alpha, resampling units.
 *
 * Pairable units are drawn with replacement, as many as there are, and alpha is
 * recomputed on each resample; units with fewer than two values are left out
 * first (they never count in alpha). Units are what a reliability study samples
 * (sentences, articles), and the values of one unit depend on each other
 * through the unit, so the unit is what must be resampled. This is not the
 * algorithm of Hayes & Krippendorff (2007, the KALPHA macro), which resamples
 * pairs of values rather than units, as if the pairs from one unit were
 * independent draws; the unit bootstrap is the ordinary nonparametric
 * interval for clustered data, assumes only that units are independent, and
 * is reproduced from its seed. Percentile intervals can undercover with few
 * units; report the number of pairable units with the interval.
 *
 * @param data One row per unit (or {@linkcode ReliabilityData}); `null` is a missing value.
 * @param measurement The metric (see {@linkcode MeasurementLevel}).
 * @param options Resamples, seed, coverage level.
 * @returns The estimate and the `(1 − level)/2` and `(1 + level)/2` quantiles of the
 *   resampled alphas (both `NaN` when every resample is undefined).
 * @throws {RangeError} As {@linkcode krippendorffAlpha}, or on a bad level or resample count.
 * @throws {TypeError} As {@linkcode krippendorffAlpha}, or when the seed is not an integer.
 *
 * @example
 * ```ts
 * import { alphaInterval } from "@framing/toolkit/stats";
 * import { deepStrictEqual, ok } from "node:assert/strict";
 *
 * const units = [[1, 1], [2, 2], [3, 3], [1, 2], [2, 2], [3, 1], [1, 1], [2, 3]];
 * const r = alphaInterval(units, "ordinal", { resamples: 500, seed: 3 });
 * ok(r.low <= r.estimate && r.estimate <= r.high);
 * deepStrictEqual(r, alphaInterval(units, "ordinal", { resamples: 500, seed: 3 }));
 * ```
 */
export function alphaInterval(
  data: ReliabilityInput,
  measurement: MeasurementLevel,
  options: AlphaIntervalOptions = {},
): AlphaInterval {
  const { resamples = 1000, seed = 1, level = 0.95 } = options;
  checkLevel(measurement);
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
  let state = mulberry32Seed(seed);
  const p = pairableOf(data, measurement);
  const alphaOf = alphaFunction(p, measurement);
  const estimate = alphaOf(null);
  const units = p.starts.length - 1;
  const weights = new Float64Array(units);
  const stats = new Float64Array(resamples);
  let defined = 0;
  for (let r = 0; r < resamples; r++) {
    weights.fill(0);
    for (let k = 0; k < units; k++) {
      state = (state + MULBERRY32_INCREMENT) >>> 0;
      weights[Math.floor(mulberry32Output(state) * units)]++;
    }
    const a = alphaOf(weights);
    if (!Number.isNaN(a)) stats[defined++] = a;
  }
  const [low, high] = defined === 0
    ? [NaN, NaN]
    : quantilesOf(stats.subarray(0, defined), [(1 - level) / 2, (1 + level) / 2]);
  return { estimate, low, high, level, resamples, seed, undefinedResamples: resamples - defined };
}
