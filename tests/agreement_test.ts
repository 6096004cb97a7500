import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { accuracy, confusion, labelScores, macroF1, pearson } from "../lib/stats/agreement.ts";

Deno.test("pearson() matches a hand computation", () => {
  // x = 1,2,3,4; y = 2,1,4,3: sxy = 3, sxx = syy = 5, r = 0.6
  ok(Math.abs(pearson([1, 2, 3, 4], [2, 1, 4, 3]) - 0.6) < 1e-12);
  ok(Number.isNaN(pearson([1, 1, 1], [1, 2, 3])));
  throws(() => pearson([1, 2], [1]), RangeError);
  throws(() => pearson([1], [1]), RangeError);
});

Deno.test("confusion() counts gold rows against predicted columns", () => {
  const c = confusion(["neg", "neu", "pos", "pos"], ["neg", "pos", "pos", "neu"], [
    "neg",
    "neu",
    "pos",
  ]);
  deepStrictEqual(c.matrix, [[1, 0, 0], [0, 0, 1], [0, 1, 1]]);
  throws(() => confusion(["x"], ["y"], ["x"]), /"y"/);
});

Deno.test("macroF1() averages per-class F1 including empty classes", () => {
  const gold = ["neg", "neu", "pos", "pos"];
  const pred = ["neg", "pos", "pos", "neu"];
  const per = labelScores(gold, pred, ["neg", "neu", "pos"]);
  deepStrictEqual(per.map((l) => l.f1), [1, 0, 0.5]);
  strictEqual(macroF1(gold, pred, ["neg", "neu", "pos"]), 0.5);
  strictEqual(accuracy(gold, pred), 0.5);
});
