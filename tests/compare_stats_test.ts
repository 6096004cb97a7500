import { ok, strictEqual, throws } from "node:assert/strict";
import { benjaminiHochberg } from "../lib/compare/adjust.ts";
import { keyness, signedG2 } from "../lib/compare/keyness.ts";
import { compareRatios, ratio } from "../lib/compare/resample.ts";

Deno.test("signedG2() matches a hand-computed value", () => {
  // a=10 of 1000, b=2 of 1000: E=6 each; G2 = 2(10 ln(10/6) + 2 ln(2/6)) = 5.82...
  const expected = 2 * (10 * Math.log(10 / 6) + 2 * Math.log(2 / 6));
  ok(Math.abs(signedG2(10, 2, 1000, 1000) - expected) < 1e-9);
  ok(Math.abs(signedG2(2, 10, 1000, 1000) + expected) < 1e-9);
});

Deno.test("keyness() shrinks rare terms toward zero more than frequent ones", () => {
  const shared = Array.from({ length: 200 }, (_, i) => [`w${i}`, 50] as const);
  const a = new Map([["rare", 2], ["common", 200], ...shared]);
  const b = new Map([["rare", 0], ["common", 100], ...shared]);
  const rows = keyness(a, b, { minCount: 1 });
  const z = (t: string) => rows.find((r) => r.term === t)!.z;
  const g2 = (t: string) => rows.find((r) => r.term === t)!.g2;
  ok(z("common") > z("rare"), "200 vs 100 is stronger evidence than 2 vs 0");
  ok(z("rare") < 1.96, "2 vs 0 is not significant evidence on its own");
  ok(g2("rare") > 0 && Math.abs(z("w0")) < 1);
});

Deno.test("keyness() is antisymmetric when the groups are swapped", () => {
  const a = new Map([["x", 5], ["y", 9], ["z", 30]]);
  const b = new Map([["x", 1], ["y", 12], ["z", 28]]);
  const ab = keyness(a, b);
  const ba = keyness(b, a);
  for (const r of ab) {
    const s = ba.find((q) => q.term === r.term)!;
    ok(Math.abs(r.z + s.z) < 1e-9 && Math.abs(r.g2 + s.g2) < 1e-9);
  }
});

Deno.test("keyness() uses a given prior and refuses empty groups", () => {
  const a = new Map([["x", 5], ["y", 5]]);
  const b = new Map([["x", 2], ["y", 8]]);
  const flat = keyness(a, b);
  const strong = keyness(a, b, { prior: new Map([["x", 1], ["y", 1]]), priorWeight: 1e6 });
  ok(Math.abs(strong[0].z) < Math.abs(flat[0].z), "a heavy prior pulls z toward 0");
  throws(() => keyness(new Map(), b), RangeError);
});

Deno.test("benjaminiHochberg() keeps order, is monotone in p and leaves NaN", () => {
  const q = benjaminiHochberg([0.5, NaN, 0.001, 0.02]);
  ok(Number.isNaN(q[1]));
  strictEqual(q[2], 0.003);
  ok(q[2] <= q[3] && q[3] <= q[0]);
  throws(() => benjaminiHochberg([1.2]), RangeError);
});

Deno.test("compareRatios() finds no difference between identical groups and is seeded", () => {
  const units = Array.from({ length: 30 }, (_, i) => ({ num: i % 3, den: 15 }));
  const r = compareRatios(units, units, { resamples: 300, seed: 5 });
  strictEqual(r.difference, 0);
  ok(r.p > 0.5);
  ok(r.ci[0] < 0 && r.ci[1] > 0);
  const again = compareRatios(units, units, { resamples: 300, seed: 5 });
  strictEqual(JSON.stringify(again), JSON.stringify(r));
});

Deno.test("ratio() is NaN without a denominator", () => {
  ok(Number.isNaN(ratio([])));
  strictEqual(ratio([{ num: 1, den: 4 }, { num: 1, den: 4 }], 1000), 250);
});
