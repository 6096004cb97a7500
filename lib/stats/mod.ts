/**
 * Statistics the toolkit rests on: the mean, quantiles, bootstrap
 * intervals, seeded random numbers and agreement with human coding.
 *
 * @example
 * ```ts
 * import { bootstrapMean, mean, quantile } from "@framing/toolkit/stats";
 * import { ok, strictEqual } from "node:assert/strict";
 *
 * strictEqual(mean([1, 2, 3]), 2);
 * strictEqual(quantile([1, 2, 3], 0.5), 2);
 * const interval = bootstrapMean([1, 2, 3, 4], { resamples: 100 });
 * ok(interval.low <= interval.estimate && interval.estimate <= interval.high);
 * ```
 *
 * @module
 */
export { mean } from "./mean.ts";
export {
  bootstrap,
  type BootstrapInterval,
  bootstrapMean,
  type BootstrapOptions,
  quantile,
} from "./bootstrap.ts";
export { seedFrom } from "./random.ts";
export { accuracy, type Confusion, confusion, labelScores, macroF1, pearson } from "./agreement.ts";
export {
  type AlphaInterval,
  alphaInterval,
  type AlphaIntervalOptions,
  type AlphaSummary,
  alphaSummary,
  type CodingRecord,
  type Coincidences,
  coincidences,
  krippendorffAlpha,
  type MeasurementLevel,
  type ReliabilityData,
  reliabilityData,
  type ReliabilityInput,
} from "./krippendorff.ts";
export { spearman } from "./spearman.ts";
export {
  type DesignMeans,
  designMeans,
  type DesignMeansOptions,
  type DesignUnit,
  type DomainDifference,
  type DomainMean,
  type IntervalEstimate,
} from "./design_means.ts";
export { studentTCdf, studentTQuantile } from "./student_t.ts";
export { compareArticleRatios, ratioInterval } from "../compare/article_resample.ts";
