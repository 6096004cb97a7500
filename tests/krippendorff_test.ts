import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import fc from "fast-check";
import {
  alphaInterval,
  alphaSummary,
  type CodingRecord,
  coincidences,
  krippendorffAlpha,
  type MeasurementLevel,
  reliabilityData,
} from "../lib/stats/krippendorff.ts";
import { spearman } from "../lib/stats/spearman.ts";
import { mulberry32 } from "../lib/stats/random.ts";

type Units = (number | null)[][];
const LEVELS: MeasurementLevel[] = ["nominal", "ordinal", "interval", "ratio"];
const _ = null;

/** Rows per coder (as printed in the literature) to rows per unit. */
function byUnit(coders: Units): Units {
  return coders[0].map((_v, u) => coders.map((row) => row[u]));
}

/** Krippendorff (2011), section "C. Nominal data, any number of observers, missing data". */
const PAPER = byUnit([
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
]);

/**
 * The reference: alpha from its pair-counting definition, written out
 * independently of the library. In Krippendorff (2011),
 *   D_o = (1/n) Σ_c Σ_k o_ck δ²_ck,  o_ck = Σ_u (ordered c–k pairs in u) / (m_u − 1),
 * so D_o = (1/n) Σ_u Σ_{i≠j in u} δ²(v_i, v_j) / (m_u − 1); and
 *   D_e = (1/(n(n − 1))) Σ_c Σ_k n_c n_k δ²_ck,
 * which (δ²_cc = 0) is the mean of δ² over all ordered pairs of two different
 * pairable values, whatever unit they are in. O(n²), with the ordinal metric
 * summed over the observed values literally.
 */
function referenceAlpha(units: Units, level: MeasurementLevel): number {
  const pairable = units
    .map((u) => u.filter((v): v is number => v !== null))
    .filter((u) => u.length >= 2);
  const all = pairable.flat();
  const n = all.length;
  const freq = new Map<number, number>();
  for (const v of all) freq.set(v, (freq.get(v) ?? 0) + 1);
  const sorted = [...freq.keys()].sort((a, b) => a - b);
  const delta2 = (c: number, k: number): number => {
    if (c === k) return 0;
    switch (level) {
      case "nominal":
        return 1;
      case "interval":
        return (c - k) ** 2;
      case "ratio":
        return ((c - k) / (c + k)) ** 2;
      case "ordinal": {
        const lo = Math.min(c, k);
        const hi = Math.max(c, k);
        let s = 0;
        for (const g of sorted) if (g >= lo && g <= hi) s += freq.get(g)!;
        return (s - (freq.get(c)! + freq.get(k)!) / 2) ** 2;
      }
    }
  };
  let dO = 0;
  for (const u of pairable) {
    for (let i = 0; i < u.length; i++) {
      for (let j = 0; j < u.length; j++) if (i !== j) dO += delta2(u[i], u[j]) / (u.length - 1);
    }
  }
  let dE = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (i !== j) dE += delta2(all[i], all[j]);
  }
  const De = dE / (n * (n - 1));
  return De === 0 ? NaN : 1 - dO / n / De;
}

/** Random reliability data: `coders` columns, values from `scale`, a share `missing` null. */
function randomUnits(
  random: () => number,
  units: number,
  coders: number,
  scale: readonly number[],
  missing: number,
): Units {
  return Array.from(
    { length: units },
    () =>
      Array.from(
        { length: coders },
        () => random() < missing ? null : scale[Math.floor(random() * scale.length)],
      ),
  );
}

/** Units whose coders report the unit's true category with probability `p`, else a uniform one. */
function noisyUnits(random: () => number, units: number, coders: number, k: number, p: number) {
  return Array.from({ length: units }, () => {
    const truth = Math.floor(random() * k);
    return Array.from(
      { length: coders },
      () => random() < p ? truth : Math.floor(random() * k),
    );
  });
}

const close = (a: number, b: number, tol = 1e-9) =>
  (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= tol;

Deno.test("krippendorffAlpha() reproduces the worked example of Krippendorff (2011)", () => {
  strictEqual(krippendorffAlpha(PAPER, "nominal").toFixed(3), "0.743");
  strictEqual(krippendorffAlpha(PAPER, "ordinal").toFixed(3), "0.815");
  strictEqual(krippendorffAlpha(PAPER, "interval").toFixed(3), "0.849");
  // Not printed in the paper; the value the Python package `krippendorff` asserts for these data.
  strictEqual(krippendorffAlpha(PAPER, "ratio").toFixed(3), "0.797");
  // Nominal alpha by hand from the coincidences: n = 40, Σ o_cc = 32,
  // Σ n_c(n_c − 1) = 9·8 + 13·12 + 10·9 + 5·4 + 3·2 = 344.
  ok(close(krippendorffAlpha(PAPER, "nominal"), (39 * 32 - 344) / (40 * 39 - 344), 1e-12));
});

Deno.test("coincidences() matches the worked example's matrix, derived by hand", () => {
  const { values, matrix } = coincidences(PAPER);
  deepStrictEqual(values, [1, 2, 3, 4, 5]);
  const t = 1 / 3;
  const expected = [
    [7, 4 * t, t, t, 0],
    [4 * t, 10, 4 * t, t, 0],
    [t, 4 * t, 8, t, 0],
    [t, t, t, 4, 0],
    [0, 0, 0, 0, 3],
  ];
  matrix.forEach((row, c) => row.forEach((o, k) => ok(close(o, expected[c][k], 1e-12))));
  deepStrictEqual(matrix.map((row) => Math.round(row.reduce((s, o) => s + o, 0))), [
    9,
    13,
    10,
    5,
    3,
  ]);
});

Deno.test("krippendorffAlpha() matches the computational example the Python package tests", () => {
  // Wikipedia's "Krippendorff's alpha" example, three coders by fifteen units,
  // with the figures asserted in the tests of the Python package `krippendorff`.
  const data = byUnit([
    [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
    [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
    [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
  ]);
  strictEqual(krippendorffAlpha(data, "nominal").toFixed(6), "0.691358");
  strictEqual(krippendorffAlpha(data, "interval").toFixed(6), "0.810845");
});

Deno.test("krippendorffAlpha() gives a hand-computed binary two-coder alpha", () => {
  const data = byUnit([
    [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
    [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
  ]);
  // o_00 = 10, o_01 = o_10 = 4, o_11 = 2; n_0 = 14, n_1 = 6, n = 20:
  // alpha = 1 − (n − 1) o_01 / (n_0 n_1) = 1 − 19 · 4 / 84.
  ok(close(krippendorffAlpha(data, "nominal"), 1 - (19 * 4) / 84, 1e-12));
  strictEqual(krippendorffAlpha(data, "nominal").toFixed(3), "0.095");
  // With two values every metric is a constant times the nominal one.
  for (const level of LEVELS) ok(close(krippendorffAlpha(data, level), 1 - (19 * 4) / 84, 1e-12));
});

Deno.test("krippendorffAlpha() equals the pairwise definition on random data with missing values", () => {
  fc.assert(
    fc.property(
      fc.record({
        seed: fc.integer(),
        coders: fc.integer({ min: 2, max: 6 }),
        units: fc.integer({ min: 5, max: 60 }),
        size: fc.integer({ min: 2, max: 7 }),
        missing: fc.double({ min: 0, max: 0.5, noNaN: true }),
        offset: fc.constantFrom(0, 1, -3, 0.5, 1000),
        step: fc.constantFrom(1, 0.25, 7),
      }),
      ({ seed, coders, units, size, missing, offset, step }) => {
        const random = mulberry32(seed);
        const scale = Array.from({ length: size }, (_v, i) => offset + step * i);
        const data = randomUnits(random, units, coders, scale, missing);
        const pairable = data.some((u) => u.filter((v) => v !== null).length >= 2);
        for (const level of LEVELS) {
          if (level === "ratio" && offset < 0) continue;
          if (!pairable) {
            throws(() => krippendorffAlpha(data, level), RangeError);
            continue;
          }
          const got = krippendorffAlpha(data, level);
          const want = referenceAlpha(data, level);
          ok(close(got, want), `${level}: ${got} vs reference ${want}`);
        }
      },
    ),
    { numRuns: 150 },
  );
});

Deno.test("alphaSummary() counts units, values, coders and pairwise agreement", () => {
  const random = mulberry32(5);
  for (let r = 0; r < 30; r++) {
    const data = randomUnits(random, 25, 4, [1, 2, 3], 0.4);
    if (!data.some((u) => u.filter((v) => v !== null).length >= 2)) continue;
    const s = alphaSummary(data, "ordinal");
    const pairable = data.map((u) => u.filter((v) => v !== null)).filter((u) => u.length >= 2);
    let pairs = 0;
    let agree = 0;
    for (const u of pairable) {
      for (let i = 0; i < u.length; i++) {
        for (let j = i + 1; j < u.length; j++) {
          pairs++;
          if (u[i] === u[j]) agree++;
        }
      }
    }
    ok(close(s.percentAgreement, agree / pairs, 1e-12));
    strictEqual(s.alpha, krippendorffAlpha(data, "ordinal"));
    strictEqual(s.units, 25);
    strictEqual(s.pairableUnits, pairable.length);
    strictEqual(s.pairableValues, pairable.flat().length);
    deepStrictEqual(
      s.valuesPerCoder,
      Object.fromEntries([0, 1, 2, 3].map((j) => [
        String(j),
        data.filter((u) => u[j] !== null).length,
      ])),
    );
  }
});

Deno.test("reliabilityData() builds the rows alpha needs from long records", () => {
  const records: CodingRecord[] = [];
  PAPER.forEach((unit, u) =>
    unit.forEach((code, c) => {
      if (code !== null) records.push({ unit: `u${u}`, coder: "ABCD"[c], code });
    })
  );
  const data = reliabilityData(records);
  // Order of first appearance: coder C has no record for the first unit.
  deepStrictEqual(data.coders, ["A", "B", "D", "C"]);
  strictEqual(data.units.length, 12);
  deepStrictEqual(data.values, PAPER.map((u) => [u[0], u[1], u[3], u[2]]));
  strictEqual(krippendorffAlpha(data, "interval"), krippendorffAlpha(PAPER, "interval"));
  deepStrictEqual(alphaSummary(data, "nominal").valuesPerCoder, { A: 9, B: 11, C: 10, D: 11 });
  // A record with a null code is a missing value, like no record.
  deepStrictEqual(
    reliabilityData([{ unit: "x", coder: "a", code: null }, { unit: "x", coder: "b", code: 2 }])
      .values,
    [[null, 2]],
  );
});

Deno.test("reliabilityData() rejects a coder coding a unit twice, naming both", () => {
  throws(
    () =>
      reliabilityData([
        { unit: "s1", coder: "ann", code: 1 },
        { unit: "s7", coder: "ann", code: 1 },
        { unit: "s7", coder: "ann", code: 2 },
      ]),
    (e: unknown) => e instanceof RangeError && /"ann"/.test(e.message) && /"s7"/.test(e.message),
  );
  throws(
    () => reliabilityData([{ unit: "s1", coder: "ann", code: "2" as unknown as number }]),
    TypeError,
  );
});

Deno.test("krippendorffAlpha() rejects input it cannot read, quoting the value", () => {
  throws(() => krippendorffAlpha([[1, 2]], "nominl" as MeasurementLevel), /"nominl"/);
  throws(() => krippendorffAlpha([[1, NaN]], "interval"), RangeError);
  throws(() => krippendorffAlpha([[1, "2" as unknown as number]], "interval"), TypeError);
  throws(() => krippendorffAlpha([[1, undefined as unknown as null]], "interval"), TypeError);
  throws(() => krippendorffAlpha([[1, -2], [1, 1]], "ratio"), /"-2"/);
  throws(() => krippendorffAlpha([[1, null], [null, 2]], "nominal"), RangeError);
  throws(() => krippendorffAlpha([], "nominal"), RangeError);
  throws(
    () => krippendorffAlpha({ units: ["a"], coders: ["x", "y"], values: [[1]] }, "nominal"),
    /"a"/,
  );
  throws(
    () => krippendorffAlpha({ units: ["a", "b"], coders: ["x"], values: [[1]] }, "nominal"),
    RangeError,
  );
  throws(
    () =>
      krippendorffAlpha(
        { units: ["a"], coders: ["x", "y"], values: [[1, "z" as unknown as number]] },
        "nominal",
      ),
    (e: unknown) => e instanceof TypeError && /"y"/.test(e.message) && /"a"/.test(e.message),
  );
});

Deno.test("krippendorffAlpha() is 1 for perfect agreement and NaN without variation", () => {
  const perfect = [[1, 1, 1], [2, 2, null], [5, 5, 5], [3, null, 3], [0, null, null]];
  for (const level of LEVELS) strictEqual(krippendorffAlpha(perfect, level), 1);
  // One value observed in pairable units: D_e = D_o = 0, alpha is undefined.
  const flat = [[2, 2, 2], [2, 2, null], [7, null, null]];
  for (const level of LEVELS) ok(Number.isNaN(krippendorffAlpha(flat, level)));
  ok(Number.isNaN(alphaSummary(flat, "nominal").alpha));
  strictEqual(alphaSummary(flat, "nominal").percentAgreement, 1);
});

Deno.test("krippendorffAlpha() is about 0 when codes are independent of the unit", () => {
  const random = mulberry32(11);
  for (const level of LEVELS) {
    let sum = 0;
    const reps = 200;
    for (let r = 0; r < reps; r++) {
      sum += krippendorffAlpha(randomUnits(random, 100, 3, [1, 2, 3, 4, 5], 0.1), level);
    }
    const mean = sum / reps;
    ok(Math.abs(mean) < 0.02, `${level}: mean alpha ${mean}`);
  }
});

Deno.test("krippendorffAlpha() does not depend on coder names or order, nor unit order", () => {
  fc.assert(
    fc.property(fc.integer(), (seed) => {
      const random = mulberry32(seed);
      const data = randomUnits(random, 30, 4, [1, 2, 3, 4], 0.3);
      if (!data.some((u) => u.filter((v) => v !== null).length >= 2)) return;
      const records: CodingRecord[] = data.flatMap((u, i) =>
        u.map((code, j) => ({ unit: `u${i}`, coder: `c${j}`, code }))
      );
      // Rename coders by a permutation and shuffle the records.
      const perm = [3, 0, 2, 1];
      const renamed = records.map((r) => ({ ...r, coder: `k${perm[Number(r.coder.slice(1))]}` }));
      for (let i = renamed.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [renamed[i], renamed[j]] = [renamed[j], renamed[i]];
      }
      const reversed = [...data].reverse().map((u) => [...u].reverse());
      for (const level of LEVELS) {
        const a = krippendorffAlpha(data, level);
        ok(close(krippendorffAlpha(reliabilityData(records), level), a, 1e-12));
        ok(close(krippendorffAlpha(reliabilityData(renamed), level), a, 1e-12));
        ok(close(krippendorffAlpha(reversed, level), a, 1e-12));
      }
    }),
    { numRuns: 60 },
  );
});

Deno.test("krippendorffAlpha() keeps its invariances under transforms of the scale", () => {
  fc.assert(
    fc.property(
      fc.integer(),
      fc.double({ min: -50, max: 50, noNaN: true }).filter((a) => Math.abs(a) > 0.01),
      fc.double({ min: -1000, max: 1000, noNaN: true }),
      (seed, a, b) => {
        const data = randomUnits(mulberry32(seed), 40, 3, [0, 1, 2, 3, 4, 5], 0.25);
        if (!data.some((u) => u.filter((v) => v !== null).length >= 2)) return;
        const map = (f: (v: number) => number) =>
          data.map((u) => u.map((v) => v === null ? v : f(v)));
        const interval = krippendorffAlpha(data, "interval");
        ok(close(krippendorffAlpha(map((v) => a * v + b), "interval"), interval, 1e-9));
        // Ordinal: any increasing transform, exactly the same mid-ranks.
        const ordinal = krippendorffAlpha(data, "ordinal");
        strictEqual(krippendorffAlpha(map((v) => Math.exp(v) + v ** 3 - 7), "ordinal"), ordinal);
        ok(close(krippendorffAlpha(map((v) => -v), "ordinal"), ordinal, 1e-12));
        // Ratio: multiplying by a positive constant.
        const ratio = krippendorffAlpha(data, "ratio");
        ok(close(krippendorffAlpha(map((v) => Math.abs(a) * v), "ratio"), ratio, 1e-9));
        // Nominal: any relabelling of the values one-to-one.
        strictEqual(
          krippendorffAlpha(map((v) => [40, -3, 2.5, 7, 0, 1][v]), "nominal"),
          krippendorffAlpha(data, "nominal"),
        );
      },
    ),
    { numRuns: 80 },
  );
});

Deno.test("krippendorffAlpha() takes 100,000 units of three coders in well under a second", () => {
  const random = mulberry32(3);
  const data = noisyUnits(random, 100_000, 3, 5, 0.8).map((u) =>
    u.map((v) => random() < 0.1 ? null : v)
  );
  for (const level of ["nominal", "ordinal", "interval"] as const) {
    const start = performance.now();
    const a = krippendorffAlpha(data, level);
    const ms = performance.now() - start;
    ok(a > 0.5 && a < 0.9, `${level}: alpha ${a}`);
    ok(ms < 1000, `${level}: ${ms.toFixed(0)} ms`);
  }
});

Deno.test("alphaInterval() contains the estimate, is seeded, and narrows with more units", () => {
  const random = mulberry32(21);
  const small = noisyUnits(random, 40, 3, 4, 0.7);
  const large = noisyUnits(random, 640, 3, 4, 0.7);
  const a = alphaInterval(small, "nominal", { resamples: 500, seed: 4 });
  strictEqual(a.estimate, krippendorffAlpha(small, "nominal"));
  ok(a.low <= a.estimate && a.estimate <= a.high, JSON.stringify(a));
  deepStrictEqual(a, alphaInterval(small, "nominal", { resamples: 500, seed: 4 }));
  const b = alphaInterval(large, "nominal", { resamples: 500, seed: 4 });
  ok(b.low <= b.estimate && b.estimate <= b.high);
  ok(b.high - b.low < (a.high - a.low) / 2, `widths ${a.high - a.low} and ${b.high - b.low}`);
  for (const level of LEVELS) {
    const r = alphaInterval(small, level, { resamples: 200, seed: 9, level: 0.9 });
    ok(r.low <= r.estimate && r.estimate <= r.high, `${level}: ${JSON.stringify(r)}`);
    strictEqual(r.undefinedResamples, 0);
  }
  throws(() => alphaInterval(small, "nominal", { level: 1 }), RangeError);
  throws(() => alphaInterval(small, "nominal", { resamples: 0 }), RangeError);
  throws(() => alphaInterval(small, "nominal", { seed: 0.5 }), TypeError);
});

Deno.test("alphaInterval() leaves out resamples without variation and counts them", () => {
  // One unit of three holds all the disagreement about value 2.
  const data = [[1, 1], [1, 1], [1, 2]];
  const r = alphaInterval(data, "nominal", { resamples: 400, seed: 2 });
  // A resample misses the third unit with probability (2/3)³ ≈ 0.30.
  ok(r.undefinedResamples > 80 && r.undefinedResamples < 160, String(r.undefinedResamples));
  ok(Number.isFinite(r.low) && Number.isFinite(r.high));
  const flat = alphaInterval([[1, 1], [1, 1]], "nominal", { resamples: 10 });
  ok(Number.isNaN(flat.estimate) && Number.isNaN(flat.low) && Number.isNaN(flat.high));
  strictEqual(flat.undefinedResamples, 10);
});

Deno.test("alphaInterval() covers the population alpha in most simulated studies", () => {
  // Coders report the true category (of 4, uniform) with probability 0.7, else a
  // uniform one. Two values in a unit are equal with probability
  // P = q² + (1 − q)²/3, q = 0.7 + 0.3/4; two random values with 3/4 differing:
  // alpha = 1 − (1 − P) / (3/4) = 0.49.
  const q = 0.7 + 0.3 / 4;
  const truth = 1 - (1 - (q * q + (1 - q) ** 2 / 3)) / 0.75;
  ok(close(truth, 0.49, 1e-12));
  const random = mulberry32(77);
  const studies = 150;
  let covered = 0;
  for (let s = 0; s < studies; s++) {
    const data = noisyUnits(random, 80, 3, 4, 0.7);
    const r = alphaInterval(data, "nominal", { resamples: 300, seed: s });
    if (r.low <= truth && truth <= r.high) covered++;
  }
  const coverage = covered / studies;
  ok(coverage > 0.88 && coverage <= 0.99, `coverage ${coverage}`);
});

Deno.test("spearman() matches a hand computation with ties", () => {
  // x ranks 1..5; y = 10, 20, 20, 40, 30 ranks 1, 2.5, 2.5, 5, 4.
  // dx = −2, −1, 0, 1, 2; dy = −2, −0.5, −0.5, 2, 1: sxy = 4 + 0.5 + 0 + 2 + 2 = 8.5,
  // sxx = 10, syy = 4 + 0.25 + 0.25 + 4 + 1 = 9.5.
  ok(close(spearman([1, 2, 3, 4, 5], [10, 20, 20, 40, 30]), 8.5 / Math.sqrt(10 * 9.5), 1e-12));
  // Without ties it equals 1 − 6Σd²/(n(n² − 1)): d = 0, 0, −1, 1, 0.
  ok(close(spearman([1, 2, 3, 4, 5], [1, 2, 4, 3, 5]), 1 - (6 * 2) / (5 * 24), 1e-12));
});

Deno.test("spearman() is 1 for any increasing relation and −1 for a decreasing one", () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 2 }),
      (xs) => {
        strictEqual(spearman(xs, xs.map((x) => x ** 3 + Math.exp(x / 100))), 1);
        strictEqual(spearman(xs, xs.map((x) => -x)), -1);
      },
    ),
    { numRuns: 100 },
  );
  ok(Number.isNaN(spearman([1, 2, 3], [4, 4, 4])));
  throws(() => spearman([1, 2], [1]), RangeError);
  throws(() => spearman([1, NaN], [1, 2]), /"NaN"/);
  throws(() => spearman([1], [1]), RangeError);
});
