/**
 * Faster paths of the analysis, each against the plain code it replaced
 * (kept here as the reference): the outputs must not change by one byte.
 */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import fc from "fast-check";
import { countsObject } from "../lib/metrics/_word_counts.ts";

Deno.test("countsObject() equals Object.fromEntries: keys, order, prototype and JSON", () => {
  const word = fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.constantFrom("__proto__", "constructor", "toString", "0", "01", "-1", "4294967295", "2023"),
    fc.nat({ max: 5000 }).map(String),
  );
  fc.assert(
    fc.property(
      fc.array(fc.tuple(word, fc.integer({ min: 1, max: 9 })), { maxLength: 60 }),
      (pairs) => {
        const words = new Map(pairs);
        const fast = countsObject(words);
        const plain = Object.fromEntries(words);
        deepStrictEqual(fast, plain);
        deepStrictEqual(Object.keys(fast), Object.keys(plain));
        strictEqual(Object.getPrototypeOf(fast), Object.prototype);
        strictEqual(JSON.stringify(fast), JSON.stringify(plain));
      },
    ),
    { numRuns: 500 },
  );
});
