import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { bootstrap, bootstrapMean, quantile } from "../lib/stats/bootstrap.ts";
import { quantilesOf } from "../lib/stats/_select.ts";
import { mulberry32, seedFrom } from "../lib/stats/random.ts";

Deno.test("mulberry32() gives the same stream for a seed and spreads evenly over [0, 1)", () => {
  const a = mulberry32(2023);
  const b = mulberry32(2023);
  const xs = Array.from({ length: 20_000 }, () => a());
  deepStrictEqual(xs.slice(0, 5), Array.from({ length: 5 }, () => b()));
  ok(xs.every((x) => x >= 0 && x < 1));
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  ok(Math.abs(mean - 0.5) < 0.01, `mean ${mean}`);
  const deciles = new Array(10).fill(0);
  for (const x of xs) deciles[Math.floor(x * 10)]++;
  ok(deciles.every((n) => Math.abs(n - 2000) < 200), `deciles ${deciles}`);
  throws(() => mulberry32(1.5), TypeError);
});

Deno.test("seedFrom() depends on the text and the base seed", () => {
  strictEqual(seedFrom("a|body", 1), seedFrom("a|body", 1));
  ok(seedFrom("a|body", 1) !== seedFrom("a|body", 2));
  ok(seedFrom("a|body", 1) !== seedFrom("b|body", 1));
});

Deno.test("quantile() interpolates between order statistics (type 7)", () => {
  strictEqual(quantile([10, 20, 30, 40, 50], 0.25), 20);
  strictEqual(quantile([10, 20], 0.3), 13);
  strictEqual(quantile([7], 0.975), 7);
  throws(() => quantile([], 0.5), RangeError);
  throws(() => quantile([1], 1.5), RangeError);
});

Deno.test("bootstrapMean() is deterministic for a seed and changes with it", () => {
  const xs = [0.3, -0.1, 0.5, 0.2, -0.4, 0.6, 0.05, -0.2, 0.1, 0.35];
  const a = bootstrapMean(xs, { seed: 9 });
  deepStrictEqual(a, bootstrapMean(xs, { seed: 9 }));
  const b = bootstrapMean(xs, { seed: 10 });
  ok(a.low !== b.low || a.high !== b.high);
  strictEqual(a.estimate, xs.reduce((s, x) => s + x, 0) / xs.length);
  ok(a.low < a.estimate && a.estimate < a.high);
  deepStrictEqual([a.level, a.resamples, a.seed], [0.95, 2000, 9]);
});

Deno.test("bootstrapMean() gives a degenerate interval for constant values", () => {
  deepStrictEqual(
    (({ estimate, low, high }) => [estimate, low, high])(bootstrapMean([0.25, 0.25, 0.25])),
    [0.25, 0.25, 0.25],
  );
  const one = bootstrapMean([-0.7]);
  deepStrictEqual([one.low, one.high], [-0.7, -0.7]);
});

Deno.test("bootstrapMean() nests a narrower level inside a wider one and narrows with more data", () => {
  const random = mulberry32(4);
  const small = Array.from({ length: 10 }, () => random() * 2 - 1);
  const large = Array.from({ length: 400 }, () => random() * 2 - 1);
  const wide = bootstrapMean(small, { level: 0.95, seed: 1 });
  const narrow = bootstrapMean(small, { level: 0.5, seed: 1 });
  ok(wide.low <= narrow.low && narrow.high <= wide.high);
  const big = bootstrapMean(large, { seed: 1 });
  ok(big.high - big.low < (wide.high - wide.low) / 3);
});

Deno.test("bootstrapMean() covers the true mean about as often as its level says", () => {
  // Uniform(-1, 1) samples of 30: the 90% interval should contain 0 in roughly 90% of trials.
  const random = mulberry32(77);
  let covered = 0;
  const trials = 200;
  for (let t = 0; t < trials; t++) {
    const xs = Array.from({ length: 30 }, () => random() * 2 - 1);
    const r = bootstrapMean(xs, { level: 0.9, resamples: 500, seed: t });
    if (r.low <= 0 && 0 <= r.high) covered++;
  }
  ok(covered / trials > 0.8 && covered / trials < 0.97, `coverage ${covered / trials}`);
});

Deno.test("bootstrap() with groups resamples whole groups", () => {
  // Two groups: every resample is group A twice, group B twice, or one of each.
  const values = [1, 1, 1, -1];
  const groups = ["a", "a", "a", "b"];
  const r = bootstrap(values, (s) => s.reduce((x, y) => x + y, 0) / s.length, {
    groups,
    resamples: 300,
  });
  const seen = new Set<number>();
  bootstrap(values, (s) => {
    const m = s.reduce((x, y) => x + y, 0) / s.length;
    seen.add(m);
    return m;
  }, { groups, resamples: 300 });
  deepStrictEqual([...seen].sort((x, y) => x - y), [-1, 0.5, 1]);
  deepStrictEqual([r.low, r.high], [-1, 1]);
});

Deno.test("bootstrap() rejects bad input with the offending value quoted", () => {
  throws(() => bootstrapMean([]), /empty/);
  throws(() => bootstrapMean([1, NaN]), /NaN at index 1/);
  throws(() => bootstrapMean([1], { level: 1 }), /level 1/);
  throws(() => bootstrapMean([1], { resamples: 0 }), /0 resamples/);
  throws(() => bootstrapMean([1, 2], { groups: [1] }), /1 group ids for 2 values/);
});

/** The plain definition the fast paths must reproduce: build each sample, sort every statistic. */
function referenceBootstrapMean(
  values: number[],
  seed: number,
  resamples: number,
  level: number,
  groups?: number[],
): [number, number] {
  const byId = new Map<number, number[]>();
  values.forEach((v, i) => byId.set(groups?.[i] ?? i, [...(byId.get(groups?.[i] ?? i) ?? []), v]));
  const clusters = [...byId.values()];
  const random = mulberry32(seed);
  const stats: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const sample: number[] = [];
    for (let k = 0; k < clusters.length; k++) {
      sample.push(...clusters[Math.floor(random() * clusters.length)]);
    }
    stats.push(sample.reduce((s, x) => s + x, 0) / sample.length);
  }
  stats.sort((a, b) => a - b);
  return [quantile(stats, (1 - level) / 2), quantile(stats, (1 + level) / 2)];
}

Deno.test("bootstrapMean() gives bit for bit the interval of building and sorting every resample", () => {
  const random = mulberry32(99);
  for (let trial = 0; trial < 60; trial++) {
    const n = 1 + Math.floor(random() * 30);
    // Few distinct values in some trials: many equal resample means.
    const distinct = trial % 3 === 0 ? 2 : 1000;
    const values = Array.from({ length: n }, () => Math.floor(random() * distinct) / 7 - 0.3);
    const groups = trial % 2 === 0
      ? undefined
      : values.map(() => Math.floor(random() * Math.max(1, n / 3)));
    const level = [0.9, 0.95, 0.99][trial % 3];
    const resamples = [1, 7, 500, 2000][trial % 4];
    const got = bootstrapMean(values, { seed: trial, resamples, level, groups });
    const [low, high] = referenceBootstrapMean(values, trial, resamples, level, groups);
    deepStrictEqual([got.low, got.high], [low, high], `trial ${trial}`);
  }
});

Deno.test("quantilesOf() equals sorting and interpolating, ties and all", () => {
  const random = mulberry32(5);
  for (let trial = 0; trial < 200; trial++) {
    const n = 1 + Math.floor(random() * 300);
    const distinct = [1, 2, 5, 1e6][trial % 4];
    const xs = Array.from({ length: n }, () => Math.floor(random() * distinct));
    const ps = [random(), random(), random()].sort((a, b) => a - b);
    const sorted = [...xs].sort((a, b) => a - b);
    deepStrictEqual(
      quantilesOf(Float64Array.from(xs), ps),
      ps.map((p) => quantile(sorted, p)),
      `trial ${trial}`,
    );
  }
  // Both ends of an interval (the heap path), with ties and signed values.
  for (let trial = 0; trial < 100; trial++) {
    const n = 16 + Math.floor(random() * 3000);
    const distinct = [2, 7, 1e6][trial % 3];
    const xs = Array.from({ length: n }, () => Math.floor(random() * distinct) - distinct / 2);
    const ps = trial % 2 === 0 ? [0.025, 0.975] : [0, 0.01 * random(), 1 - 0.05 * random(), 1];
    const sorted = [...xs].sort((a, b) => a - b);
    deepStrictEqual(
      quantilesOf(Float64Array.from(xs), ps),
      ps.map((p) => quantile(sorted, p)),
      `tail trial ${trial}`,
    );
  }
  throws(() => quantilesOf(new Float64Array([1, 2]), [0.9, 0.1]), /not below/);
  throws(() => quantilesOf(new Float64Array(64), [0.99, 0.01]), /not below/);
  throws(() => quantilesOf(new Float64Array(0), [0.5]), /no values/);
});
