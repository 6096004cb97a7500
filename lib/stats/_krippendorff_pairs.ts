/**
 * Private: the pairable values of reliability data and alpha over weighted
 * units, the machinery behind `krippendorffAlpha`, `alphaSummary`,
 * `coincidences` and the unit bootstrap of `alphaInterval`.
 *
 * @module
 */
import type { MeasurementLevel, ReliabilityData, ReliabilityInput } from "./krippendorff.ts";

const LEVELS: readonly MeasurementLevel[] = ["nominal", "ordinal", "interval", "ratio"];

export function checkLevel(measurement: string): void {
  if (!LEVELS.includes(measurement as MeasurementLevel)) {
    throw new RangeError(
      `Cannot use level of measurement "${measurement}": expected one of ${
        LEVELS.map((l) => `"${l}"`).join(", ")
      }`,
    );
  }
}

/** The values of pairable units, coded as indices of their distinct values. */
export interface Pairable {
  /** The distinct values, ascending. */
  values: Float64Array;
  /** Index into `values` of each value, unit after unit. */
  codes: Int32Array;
  /** Pairable unit u holds `codes[starts[u]]` up to `codes[starts[u + 1]]` (exclusive). */
  starts: Int32Array;
}

export interface Rows {
  rows: readonly (readonly (number | null)[])[];
  /** Unit ids, when the data name them. */
  units?: readonly string[];
  /** Coder ids, or positions as strings for bare rows. */
  coders: string[];
}

export function rowsOf(data: ReliabilityInput): Rows {
  if (Array.isArray(data)) {
    const rows = data as readonly (readonly (number | null)[])[];
    let width = 0;
    rows.forEach((row, i) => {
      if (!Array.isArray(row)) {
        throw new TypeError(`Cannot read unit ${i} "${String(row)}": expected an array of values`);
      }
      width = Math.max(width, row.length);
    });
    return { rows, coders: Array.from({ length: width }, (_, j) => String(j)) };
  }
  const d = data as Partial<ReliabilityData> | null;
  if (
    d === null || typeof d !== "object" || !Array.isArray(d.values) || !Array.isArray(d.units) ||
    !Array.isArray(d.coders)
  ) {
    throw new TypeError(
      `Cannot read reliability data "${
        String(data)
      }": expected rows of values or {units, coders, values}`,
    );
  }
  if (d.units.length !== d.values.length) {
    throw new RangeError(
      `Cannot use "${d.values.length}" rows of values for "${d.units.length}" units: expected one per unit`,
    );
  }
  d.values.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== d.coders!.length) {
      throw new RangeError(
        `Cannot read the values of unit "${d.units![i]}": expected an array of ${
          d.coders!.length
        } values, one per coder`,
      );
    }
  });
  return { rows: d.values, units: d.units, coders: d.coders };
}

export function pairableOf(data: ReliabilityInput, measurement: MeasurementLevel): Pairable {
  const { rows, units, coders } = rowsOf(data);
  const where = (i: number, j: number) =>
    units ? `coder "${coders[j]}" for unit "${units[i]}"` : `coder ${j} for unit ${i}`;
  let total = 0;
  let pairableUnits = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    let m = 0;
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (v === null) continue;
      if (typeof v !== "number") {
        throw new TypeError(
          `Cannot use value "${String(v)}" of ${where(i, j)}: expected a number or null`,
        );
      }
      if (!Number.isFinite(v) || (measurement === "ratio" && v < 0)) {
        throw new RangeError(
          `Cannot use value "${v}" of ${where(i, j)}: expected a finite number${
            measurement === "ratio" ? " of at least 0 for a ratio scale" : ""
          }`,
        );
      }
      m++;
    }
    if (m >= 2) {
      total += m;
      pairableUnits++;
    }
  }
  if (pairableUnits === 0) {
    throw new RangeError(
      `Cannot compute alpha of "${rows.length}" units: expected at least one unit with values from two coders`,
    );
  }
  const raw = new Float64Array(total);
  const starts = new Int32Array(pairableUnits + 1);
  let k = 0;
  let u = 0;
  for (const row of rows) {
    let m = 0;
    for (let j = 0; j < row.length; j++) if (row[j] !== null) m++;
    if (m < 2) continue;
    for (let j = 0; j < row.length; j++) if (row[j] !== null) raw[k++] = row[j] as number;
    starts[++u] = k;
  }
  const sorted = raw.slice().sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[distinct - 1]) sorted[distinct++] = sorted[i];
  }
  const values = sorted.slice(0, distinct);
  const index = new Map<number, number>();
  values.forEach((v, i) => index.set(v, i));
  const codes = new Int32Array(total);
  for (let i = 0; i < total; i++) codes[i] = index.get(raw[i])!;
  return { values, codes, starts };
}

/**
 * A function from unit weights (how often each pairable unit is in a
 * resample; `null` for once each) to alpha, its buffers allocated once.
 *
 * For one unit, `d_u = Σ_{i≠j} δ²(v_i, v_j) / (m_u − 1)` over ordered pairs of
 * its values, so `Σ_ck o_ck δ²_ck = Σ_u d_u`. For the interval and ordinal
 * metrics δ² is a squared difference of a scale (the value, or its mid-rank),
 * and `Σ_{i≠j} (s_i − s_j)² = 2m Σ_i (s_i − s̄)²` makes both sums linear in the
 * number of values.
 */
export function alphaFunction(
  p: Pairable,
  measurement: MeasurementLevel,
): (weights: Float64Array | null) => number {
  const { values, codes, starts } = p;
  const nValues = values.length;
  const units = starts.length - 1;
  const counts = new Float64Array(nValues);
  const scratch = new Float64Array(nValues);
  const midranks = new Float64Array(nValues);

  const unitDisagreement = (u: number, scale: Float64Array): number => {
    const from = starts[u];
    const to = starts[u + 1];
    const m = to - from;
    if (measurement === "nominal") {
      let equal = 0; // unordered pairs of equal values
      for (let i = from; i < to; i++) equal += scratch[codes[i]]++;
      for (let i = from; i < to; i++) scratch[codes[i]] = 0;
      return (m * (m - 1) - 2 * equal) / (m - 1);
    }
    if (measurement === "ratio") {
      let sum = 0;
      for (let i = from; i < to; i++) {
        const a = values[codes[i]];
        for (let j = i + 1; j < to; j++) {
          const b = values[codes[j]];
          if (a !== b) sum += ((a - b) / (a + b)) ** 2;
        }
      }
      return (2 * sum) / (m - 1);
    }
    // Deviations from the unit's first value: exactly 0 when all values agree.
    const s0 = scale[codes[from]];
    let sum = 0;
    let squares = 0;
    for (let i = from + 1; i < to; i++) {
      const d = scale[codes[i]] - s0;
      sum += d;
      squares += d * d;
    }
    return (2 * m * Math.max(0, squares - (sum * sum) / m)) / (m - 1);
  };

  // Only the ordinal metric depends on the (resampled) value counts.
  const fixed = measurement === "ordinal" ? null : new Float64Array(units);
  if (fixed) { for (let u = 0; u < units; u++) fixed[u] = unitDisagreement(u, values); }

  return (weights) => {
    counts.fill(0);
    let n = 0;
    for (let u = 0; u < units; u++) {
      const w = weights ? weights[u] : 1;
      if (w === 0) continue;
      for (let i = starts[u]; i < starts[u + 1]; i++) counts[codes[i]] += w;
      n += w * (starts[u + 1] - starts[u]);
    }
    let present = 0;
    for (let c = 0; c < nValues && present < 2; c++) if (counts[c] > 0) present++;
    if (present < 2) return NaN; // D_e = 0: alpha is undefined.

    let scale = values;
    if (measurement === "ordinal") {
      let below = 0;
      for (let c = 0; c < nValues; c++) {
        midranks[c] = below + counts[c] / 2;
        below += counts[c];
      }
      scale = midranks;
    }
    let observed = 0;
    for (let u = 0; u < units; u++) {
      const w = weights ? weights[u] : 1;
      if (w !== 0) observed += w * (fixed ? fixed[u] : unitDisagreement(u, scale));
    }

    let expected = 0;
    if (measurement === "nominal") {
      let squares = 0;
      for (let c = 0; c < nValues; c++) squares += counts[c] * counts[c];
      expected = n * n - squares;
    } else if (measurement === "ratio") {
      for (let c = 0; c < nValues; c++) {
        if (counts[c] === 0) continue;
        const a = values[c];
        for (let k = c + 1; k < nValues; k++) {
          const b = values[k];
          expected += counts[c] * counts[k] * ((a - b) / (a + b)) ** 2;
        }
      }
      expected *= 2;
    } else {
      let mean = 0;
      for (let c = 0; c < nValues; c++) mean += counts[c] * scale[c];
      mean /= n;
      let squares = 0;
      for (let c = 0; c < nValues; c++) squares += counts[c] * (scale[c] - mean) ** 2;
      expected = 2 * n * squares;
    }
    return 1 - ((n - 1) * observed) / expected;
  };
}
