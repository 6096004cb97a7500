/**
 * The headline numbers notebook 03 records (as JSON, for its test), from
 * whatever validations ran: a part that was skipped is `null` (or absent
 * among the targets) and listed in `skipped`.
 *
 * @module
 */
import type { BarCheck } from "./bars.ts";
import type { HedgeValidation, PRF } from "./hedges.ts";
import type { SentenceValidation } from "./sentences.ts";
import type { TargetValidation } from "./targets.ts";
import { roleScorers, type RoleValidation } from "./roles.ts";

/** What {@linkcode validationHeadline} reads. */
export interface ValidationResults {
  /** Ids of the reporting parts that were skipped. */
  skipped: readonly string[];
  /** The NYT sentence validation, or `null` when skipped. */
  nyt: SentenceValidation | null;
  /** The target validations that ran, by part id. */
  targets: Readonly<Partial<Record<string, TargetValidation>>>;
  /** The hedge validation, or `null` when skipped. */
  hedges: HedgeValidation | null;
  /** The narrative-roles validation, or `null` when skipped (absent: not run). */
  roles?: RoleValidation | null;
  /** The bar checks (none when a sentiment part is missing). */
  checks: readonly BarCheck[];
  /** The bars in one sentence. */
  verdict: string;
}

/**
 * The headline numbers, rounded to four decimals.
 *
 * @param results The validations that ran, the parts skipped, the bars and verdict.
 * @returns A JSON-ready object.
 *
 * @example
 * ```ts
 * import { validationHeadline } from "@framing/toolkit/validate";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const h = validationHeadline({
 *   skipped: ["nyt-even"], nyt: null, targets: {}, hedges: null, checks: [], verdict: "none",
 * });
 * deepStrictEqual([h.skipped, h.sentences, h.hedges, h.targets], [["nyt-even"], null, null, {}]);
 * ```
 */
export function validationHeadline(results: ValidationResults): Record<string, unknown> {
  const round = (x: number) => Number(x.toFixed(4));
  const prf = (s: Pick<PRF, "precision" | "recall" | "f1">) => ({
    precision: round(s.precision),
    recall: round(s.recall),
    f1: round(s.f1),
  });
  const scores = (s: { macroF1: number; accuracy: number }) => ({
    macroF1: round(s.macroF1),
    accuracy: round(s.accuracy),
  });
  const { nyt, hedges } = results;
  return {
    splits: "benchmarks/SPLITS.md, reporting parts",
    skipped: [...results.skipped],
    sentences: nyt && {
      data: "nytEditorialSnippets, even article numbers",
      n: nyt.n,
      toolkit: round(nyt.pearson),
      vader: round(nyt.baselines.vader.pearson),
      wink: round(nyt.baselines.wink.pearson),
    },
    targets: Object.fromEntries(
      Object.entries(results.targets).flatMap(([name, v]) =>
        v === undefined ? [] : [[name, {
          n: v.n,
          toolkit: scores(v),
          vader: scores(v.baselines.vader),
          wink: scores(v.baselines.wink),
          confusion: v.confusion.matrix,
        }]]
      ),
    ),
    hedges: hedges && {
      n: hedges.n,
      hits: hedges.hits,
      cues: hedges.cues,
      ...prf(hedges),
      inCategory: prf(hedges.inCategory),
      noRules: prf(hedges.noRules),
    },
    roles: results.roles
      ? {
        data: "narrative_frames_frermann2023, even article IDs",
        n: results.roles.span.n,
        rankAgreement: Object.fromEntries(
          roleScorers(results.roles).map(([k, a]) => [k, round(a.rankAgreement)]),
        ),
      }
      : null,
    bars: results.checks.map((c) => ({
      benchmark: c.benchmark,
      value: round(c.value),
      min: c.min,
      met: c.met,
    })),
    verdict: results.verdict,
  };
}
