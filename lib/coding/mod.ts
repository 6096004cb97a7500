/**
 * Human coding, from the articles to the paper's table: build the coding
 * units (the author's stance toward each actor in each article), draw a
 * random sample, write an offline coding page, measure the coders' agreement
 * (Krippendorff's alpha), and estimate group means that stay valid when the
 * toolkit's scores are wrong (prediction-powered, with the codes of the
 * sample correcting the model's scores on every unit).
 *
 * Data flow: analysed articles → units → sample → coding page → codes →
 * agreement and corrected estimates.
 *
 * @example A census coded by one person: the estimate is the codes' mean
 * ```ts
 * import { drawSample, estimateGroups } from "@framing/toolkit/coding";
 * import { strictEqual } from "node:assert/strict";
 *
 * const population = ["A", "A", "B"].map((outlet, i) => ({
 *   unit: `a${i}::x`, article: `a${i}`, actor: "x", meta: { outlet }, model: 0.2 * i,
 *   sampled: false, inclusionProbability: 1,
 * }));
 * const units = drawSample(population, { all: true });
 * const codes = [-1, 0, 2].map((code, i) => ({ unit: `a${i}::x`, coder: "ann", code, note: "" }));
 * const report = estimateGroups(units, codes, { by: "outlet" });
 * strictEqual(report.groups[0].human!.estimate, -0.5);
 * strictEqual(report.groups[1].corrected!.estimate, 2);
 * ```
 *
 * @module
 */
export { Code, Codebook, CodingUnit, ScalePoint, Span, UnitKind } from "./schema.ts";
export { articleUnits, type ArticleUnitsOptions, unitId } from "./units.ts";
export { drawSample, groupOf, type SampleOptions } from "./sample.ts";
export {
  type PageArticle,
  READ_VOICES,
  sampleCorpus,
  type SampleCorpusOptions,
  type SampledCorpus,
} from "./sample_corpus.ts";
export { codebookYaml, DEFAULT_CODEBOOK, loadCodebook, parseCodebook } from "./codebook.ts";
export { codingPage, type CodingPageArticle, type CodingPageOptions } from "./page.ts";
export {
  parseCodes,
  parseCodeValue,
  parseUnits,
  type ReadCodes,
  readCodes,
  readUnits,
} from "./codes.ts";
export {
  type AgreementOptions,
  AgreementReport,
  agreementReport,
  MODEL_CODER,
} from "./agreement.ts";
export {
  estimateGroups,
  type EstimateOptions,
  EstimateReport,
  ESTIMATOR_STATEMENT,
  GroupDifference,
  GroupEstimate,
} from "./estimate.ts";
export {
  type CodedCell,
  type HumanCoding,
  humanCoding,
  type HumanCodingOptions,
} from "./human_coding.ts";
