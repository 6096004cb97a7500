/**
 * The optimised `stanceInterval` (single-unit shortcut, generator stepped in
 * place) against a plain reference: the resampling loop as first written,
 * with a `mulberry32` closure per draw and no shortcut for one unit.
 * Results must be bit-identical.
 */
import fc from "fast-check";
import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { actorStance, stanceInterval } from "../lib/actors/actor_stance.ts";
import { pairedIntervals } from "../lib/actors/_paired_intervals.ts";
import { bootstrapMean } from "../lib/stats/bootstrap.ts";
import { quantilesOf } from "../lib/stats/_select.ts";
import { mulberry32 } from "../lib/stats/random.ts";

function reference(
  scores: number[],
  o: { band: number; prior: number; seed: number; resamples: number; groups?: number[] },
) {
  const estimate = actorStance(scores, { band: o.band, prior: o.prior });
  const index = new Map<number, number>();
  const sums: number[] = [];
  const counts: number[] = [];
  scores.forEach((s, i) => {
    const id = o.groups ? o.groups[i] : i;
    let k = index.get(id);
    if (k === undefined) {
      index.set(id, k = sums.length);
      sums.push(0);
      counts.push(0);
    }
    if (Math.abs(s) > o.band) {
      sums[k] += s;
      counts[k]++;
    }
  });
  if (counts.every((c) => c === 0)) return { estimate, low: estimate, high: estimate };
  const random = mulberry32(o.seed);
  const stats: number[] = [];
  for (let r = 0; r < o.resamples; r++) {
    let sum = 0;
    let n = 0;
    for (let j = 0; j < sums.length; j++) {
      const k = Math.floor(random() * sums.length);
      sum += sums[k];
      n += counts[k];
    }
    stats.push(n === 0 ? 0 : sum / (n + o.prior));
  }
  const [low, high] = quantilesOf(Float64Array.from(stats), [(1 - 0.95) / 2, (1 + 0.95) / 2]);
  return { estimate, low, high };
}

Deno.test("stanceInterval() equals the plain resampling loop, one unit or many", () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }),
      fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      fc.boolean(),
      (scores, seed, grouped) => {
        const groups = grouped ? scores.map((_, i) => i % 3) : undefined;
        const o = { band: 0.1, prior: 1, seed, resamples: 300, groups };
        deepStrictEqual(stanceInterval(scores, o), reference(scores, o));
      },
    ),
    { numRuns: 300 },
  );
});

Deno.test("stanceInterval() refuses a seed that is not an integer, even for one mention", () => {
  throws(() => stanceInterval([0.5], { seed: 1.5 }), TypeError);
});

Deno.test("pairedIntervals() equals bootstrapMean() and stanceInterval() bit for bit", () => {
  const random = mulberry32(11);
  let paired = 0;
  for (let trial = 0; trial < 150; trial++) {
    const n = 1 + Math.floor(random() * 25);
    const values = Array.from(
      { length: n },
      () => trial % 5 === 0 ? 0 : Math.round((random() * 2 - 1) * 1000) / 1000,
    );
    const evaluating = values.map((v) => trial % 7 !== 0 && Math.abs(v) > 0.2);
    const options = { resamples: 300 + trial, seed: trial * 31, level: 0.9, prior: 1 };
    const got = pairedIntervals(values, evaluating, options);
    if (!got) continue;
    paired++;
    const mean = bootstrapMean(values, options);
    const stance = stanceInterval(values, { ...options, evaluating });
    deepStrictEqual(got.score, [mean.low, mean.high], `trial ${trial}`);
    deepStrictEqual(got.stance, [stance.low, stance.high], `trial ${trial}`);
  }
  ok(paired > 80, `${paired} trials took the paired path`);
  strictEqual(
    pairedIntervals([0.5], [true], { resamples: 9, seed: 1, level: 0.9, prior: 1 }),
    undefined,
  );
});

Deno.test("pairedIntervals() stays bit for bit when rows share their draws (same size and seed)", () => {
  // Rows of one actor and voice share a seed across a corpus; their draws
  // are kept and reused, and every reuse must equal drawing afresh.
  const random = mulberry32(23);
  for (const n of [2, 3, 4, 5, 9, 30]) {
    for (let row = 0; row < 4; row++) {
      const values = Array.from({ length: n }, () => Math.round((random() * 2 - 1) * 1000) / 1000);
      const evaluating = values.map((v, i) => i === 0 || Math.abs(v) > 0.3);
      const options = { resamples: 500, seed: 77, level: 0.95, prior: 1 };
      const got = pairedIntervals(values, evaluating, options)!;
      const mean = bootstrapMean(values, options);
      const stance = stanceInterval(values, { ...options, evaluating });
      deepStrictEqual(got.score, [mean.low, mean.high], `n ${n}, row ${row}`);
      deepStrictEqual(got.stance, [stance.low, stance.high], `n ${n}, row ${row}`);
    }
  }
});
