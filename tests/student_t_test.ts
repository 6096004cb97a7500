import { ok, strictEqual, throws } from "node:assert/strict";
import stdlibQuantile from "@stdlib/stats-base-dists-t-quantile";
import stdlibCdf from "@stdlib/stats-base-dists-t-cdf";
import { studentTCdf, studentTQuantile } from "../lib/stats/student_t.ts";
import { mulberry32 } from "../lib/stats/random.ts";

Deno.test("studentTCdf() and studentTQuantile() agree with @stdlib (1e-10 up to 120 degrees of freedom, 1e-8 beyond) over tails", () => {
  const random = mulberry32(11);
  const dfs = [0.5, 1, 1.5, 2, 3, 4.7, 9, 14.2, 30, 120, 1000, 1e6];
  for (const df of dfs) {
    for (let i = 0; i < 60; i++) {
      const p = i < 10
        ? [1e-9, 1e-6, 0.001, 0.005, 0.025, 0.05, 0.5, 0.9, 0.975, 0.999999][i]
        : random();
      // Past a few hundred degrees of freedom the log-gamma differences lose digits.
      const tol = df <= 120 ? 1e-10 : 1e-8;
      const q = studentTQuantile(p, df);
      const expected = stdlibQuantile(p, df);
      ok(
        Math.abs(q - expected) <= tol * Math.max(1, Math.abs(expected)),
        `quantile(${p}, ${df}) = ${q}, @stdlib ${expected}`,
      );
      const t = (random() - 0.5) * 20;
      const c = studentTCdf(t, df);
      ok(
        Math.abs(c - stdlibCdf(t, df)) <= tol,
        `cdf(${t}, ${df}) = ${c}, @stdlib ${stdlibCdf(t, df)}`,
      );
    }
  }
});

Deno.test("studentTQuantile() gives the textbook critical values", () => {
  // Two-sided 95% critical values of Student's t (any statistics table).
  const table: [number, number][] = [[1, 12.706], [2, 4.303], [5, 2.571], [10, 2.228], [30, 2.042]];
  for (const [df, t] of table) strictEqual(studentTQuantile(0.975, df).toFixed(3), t.toFixed(3));
  strictEqual(studentTQuantile(0.5, 3), 0);
  strictEqual(studentTQuantile(1, 3), Infinity);
  throws(() => studentTQuantile(1.5, 3), /expected a probability in \[0, 1\]/);
  throws(() => studentTCdf(1, 0), /expected a number > 0/);
});
