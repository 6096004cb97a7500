import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { checkBars, describeBars, VALIDATION_BARS } from "../lib/validate/bars.ts";

Deno.test("checkBars() meets a bar at exactly its level and misses it just below", () => {
  const checks = checkBars({
    "nyt-even": 0.55,
    "newsmtsc-rw-test": 0.6299,
    "newsmtsc-mt-test": 0.9,
  });
  deepStrictEqual(checks.map((c) => [c.benchmark, c.met]), [
    ["nyt-even", true],
    ["newsmtsc-rw-test", false],
    ["newsmtsc-mt-test", true],
  ]);
  strictEqual(checks[1].value, 0.6299);
  strictEqual(checks[1].min, 0.63);
});

Deno.test("checkBars() refuses a missing or non-finite figure, naming the benchmark", () => {
  throws(
    () => checkBars({ "nyt-even": 0.6, "newsmtsc-rw-test": NaN, "newsmtsc-mt-test": 0.6 }),
    (e: Error) => e instanceof RangeError && /"newsmtsc-rw-test"/.test(e.message),
  );
  throws(() => checkBars({}), /"nyt-even"/);
});

Deno.test("describeBars() lists the met and the missed bars with figures", () => {
  const text = describeBars(checkBars({
    "nyt-even": 0.553,
    "newsmtsc-rw-test": 0.567,
    "newsmtsc-mt-test": 0.552,
  }));
  strictEqual(
    text,
    "Met: Pearson r on NYT editorial sentences (even article numbers) (0.553 ≥ 0.550). " +
      "Not met: macro-F1 on NewsMTSC rw test (0.567 < 0.630); " +
      "macro-F1 on NewsMTSC mt test (0.552 < 0.610).",
  );
  const all = describeBars(
    checkBars({ "nyt-even": 1, "newsmtsc-rw-test": 1, "newsmtsc-mt-test": 1 }),
  );
  ok(all.endsWith("Not met: none."), all);
  strictEqual(VALIDATION_BARS.length, 3);
});
