/**
 * Validation: agreement of the toolkit's measures with hand-coded data
 * (sentence ratings, target labels, hedge cues, narrative roles), the
 * baselines it is compared with, and the bars it has to meet.
 *
 * @example
 * ```ts
 * import { checkBars, describeBars } from "@framing/toolkit/validate";
 * import { ok } from "node:assert/strict";
 *
 * const bars = [{ benchmark: "a", label: "Set A", measure: "r", min: 0.5 }];
 * ok(describeBars(checkBars({ a: 0.6 }, bars)).startsWith("Met: r on Set A"));
 * ```
 *
 * @module
 */
export {
  type BarCheck,
  checkBars,
  describeBars,
  VALIDATION_BARS,
  type ValidationBar,
} from "./bars.ts";
export { benchmarkFile, benchmarksDir, type BenchmarksDirOptions } from "./benchmarks_dir.ts";
export { reportingParts, skippedValidations } from "./reporting_parts.ts";
export { parseRatedTexts, type SentenceValidation, validateSentences } from "./sentences.ts";
export { parseTargets, type TargetValidation, validateTargets } from "./targets.ts";
export { type HedgeValidation, validateHedges } from "./hedges.ts";
export { parseRoleData, type RoleValidation, validateRoles } from "./roles.ts";
export { type ArticleValidation, validateArticles } from "./articles.ts";
export { validationHeadline } from "./headline.ts";
