/**
 * The bars the toolkit's validation figures should reach on the reporting
 * parts of the benchmarks (`benchmarks/SPLITS.md`), a check of measured
 * figures against them, and the check in one plain sentence.
 *
 * @module
 */
import { z } from "zod";

/** A level a validation figure should reach on one benchmark. */
export const ValidationBar = z.object({
  /** Short id of the benchmark part: `"nyt-even"`, `"newsmtsc-rw-test"`. */
  benchmark: z.string().min(1),
  /** The benchmark in words, for sentences and charts. */
  label: z.string().min(1),
  /** The measure in words: `"Pearson r"`, `"macro-F1"`. */
  measure: z.string().min(1),
  /** The level: a figure at or above it meets the bar. */
  min: z.number(),
});
/** A level a validation figure should reach. */
export type ValidationBar = z.infer<typeof ValidationBar>;

/**
 * The bars set for the reporting parts (issue 4, raised by issue 11 for the
 * trained target model): Pearson r ≥ 0.55 on the NYT editorial rows with an
 * even article number, macro-F1 ≥ 0.63 on NewsMTSC rw test and ≥ 0.61 on
 * NewsMTSC mt test.
 *
 * @example
 * ```ts
 * import { VALIDATION_BARS } from "@framing/toolkit/validate";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(VALIDATION_BARS.map((b) => b.min), [0.55, 0.63, 0.61]);
 * ```
 */
export const VALIDATION_BARS: readonly ValidationBar[] = [
  {
    benchmark: "nyt-even",
    label: "NYT editorial sentences (even article numbers)",
    measure: "Pearson r",
    min: 0.55,
  },
  { benchmark: "newsmtsc-rw-test", label: "NewsMTSC rw test", measure: "macro-F1", min: 0.63 },
  { benchmark: "newsmtsc-mt-test", label: "NewsMTSC mt test", measure: "macro-F1", min: 0.61 },
];

/** A measured figure beside its bar. */
export interface BarCheck extends ValidationBar {
  /** The measured figure. */
  value: number;
  /** Whether `value >= min`. */
  met: boolean;
}

/**
 * Checks measured figures against bars, one row per bar, in the bars' order.
 *
 * @param values Measured figure per benchmark id.
 * @param bars The bars. @default VALIDATION_BARS
 * @returns One check per bar.
 * @throws {RangeError} If a bar's benchmark has no finite measured value.
 *
 * @example
 * ```ts
 * import { checkBars } from "@framing/toolkit/validate";
 * import { deepStrictEqual, throws } from "node:assert/strict";
 *
 * const checks = checkBars({ "nyt-even": 0.56, "newsmtsc-rw-test": 0.5, "newsmtsc-mt-test": 0.62 });
 * deepStrictEqual(checks.map((c) => c.met), [true, false, true]);
 * throws(() => checkBars({ "nyt-even": 0.5 }), /newsmtsc-rw-test/);
 * ```
 */
export function checkBars(
  values: Readonly<Record<string, number>>,
  bars: readonly ValidationBar[] = VALIDATION_BARS,
): BarCheck[] {
  return bars.map((bar) => {
    const value = values[bar.benchmark];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new RangeError(
        `Cannot check the bar of "${bar.benchmark}": expected a finite value, got ${
          JSON.stringify(value)
        }`,
      );
    }
    return { ...bar, value, met: value >= bar.min };
  });
}

/**
 * The checks in one plain sentence: which bars are met and which are not,
 * each with the measured figure and the bar, to three decimals.
 *
 * @param checks Rows from {@linkcode checkBars}.
 * @returns The sentence.
 *
 * @example
 * ```ts
 * import { checkBars, describeBars } from "@framing/toolkit/validate";
 * import { strictEqual } from "node:assert/strict";
 *
 * const bars = [{ benchmark: "a", label: "Set A", measure: "r", min: 0.5 }];
 * strictEqual(
 *   describeBars(checkBars({ a: 0.4 }, bars)),
 *   "Met: none. Not met: r on Set A (0.400 < 0.500).",
 * );
 * ```
 */
export function describeBars(checks: readonly BarCheck[]): string {
  const part = (c: BarCheck) =>
    `${c.measure} on ${c.label} (${c.value.toFixed(3)} ${c.met ? "≥" : "<"} ${c.min.toFixed(3)})`;
  const list = (cs: readonly BarCheck[]) => cs.length === 0 ? "none" : cs.map(part).join("; ");
  return `Met: ${list(checks.filter((c) => c.met))}. Not met: ${
    list(checks.filter((c) => !c.met))
  }.`;
}
