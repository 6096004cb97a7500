/**
 * How far coders agree, and how far the toolkit agrees with them: Krippendorff's
 * alpha at three levels with bootstrap intervals, the counts a reliability
 * report needs, the units coders disagree on most, and the model set beside
 * the people as one more coder.
 *
 * @module
 */
import { z } from "zod";
import { macroF1 } from "../stats/agreement.ts";
import {
  alphaInterval,
  alphaSummary,
  type MeasurementLevel,
  reliabilityData,
} from "../stats/krippendorff.ts";
import { spearman } from "../stats/spearman.ts";
import type { Code, CodingUnit } from "./schema.ts";

const LEVELS = ["nominal", "ordinal", "interval"] as const;
/** Alpha at three levels; null where it is undefined (every pairable code the same). */
const Alphas = z.object({
  nominal: z.number().nullable(),
  ordinal: z.number().nullable(),
  interval: z.number().nullable(),
});
const Bounds = z.object({ low: z.number().nullable(), high: z.number().nullable() });

/** What `code agree --json` prints (an undefined figure is null). */
export const AgreementReport = z.object({
  /** Krippendorff's alpha among the people. */
  alpha: Alphas,
  /** Percentile bootstrap intervals of alpha, units resampled. */
  intervals: z.object({ nominal: Bounds, ordinal: Bounds, interval: Bounds }),
  resamples: z.number().int(),
  /** Units with a code from anyone. */
  units: z.number().int(),
  /** Units with at least two codes: the ones alpha rests on. */
  pairableUnits: z.number().int(),
  pairableValues: z.number().int(),
  /** Codes (not missing) per coder. */
  valuesPerCoder: z.record(z.string(), z.number().int()),
  /** Share of equal pairs of codes within units. */
  percentAgreement: z.number(),
  /** The units coders disagree on most: largest spread first. */
  disagreements: z.array(z.object({
    unit: z.string(),
    codes: z.record(z.string(), z.number()),
    range: z.number(),
  })),
  /** The toolkit as one more coder, when the units' model scores are given. */
  model: z.object({
    /** Alpha with the model added to the people (its score put on the codes' scale). */
    alpha: Alphas,
    /** Spearman's rho between the model's score and the people's mean code. */
    spearman: z.number().nullable(),
    /** Macro-F1 of the model's sign against the sign of the people's mean code. */
    macroF1: z.number().nullable(),
    /** Units with both a model score and a code. */
    units: z.number().int(),
    /** How the score was put on the scale. */
    mapping: z.string(),
  }).optional(),
});
/** What `code agree --json` prints. */
export type AgreementReport = z.infer<typeof AgreementReport>;

/** Options of {@linkcode agreementReport}. */
export interface AgreementOptions {
  /** The units (`units.jsonl`) whose model scores join as one more coder. */
  units?: readonly CodingUnit[];
  /** The scale's values, for placing the model's −1..+1 score on it. @default [-2, -1, 0, 1, 2] */
  scale?: readonly number[];
  /** Bootstrap resamples of each interval. @default 1000 */
  resamples?: number;
  /** Seed of the bootstrap. @default 1 */
  seed?: number;
  /** Units listed as disagreements. @default 10 */
  top?: number;
}

/** A finite number, or null (JSON has no NaN). */
function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** The name the model takes among the coders. */
export const MODEL_CODER = "toolkit (model)";

/**
 * The reliability of the codes, and the model against them.
 *
 * @param codes The codes (long format; null is missing).
 * @param options The model's units, the scale, the bootstrap.
 * @returns The report.
 * @throws {RangeError} When no unit has two codes (no agreement can be measured).
 *
 * @example Two coders who agree on three of four units
 * ```ts
 * import { agreementReport } from "@framing/toolkit/coding";
 * import { strictEqual } from "node:assert/strict";
 *
 * const codes = [["u1", -2, -2], ["u2", 0, 0], ["u3", 1, 1], ["u4", 2, -1]].flatMap(([unit, a, b]) => [
 *   { unit: String(unit), coder: "ann", code: Number(a), note: "" },
 *   { unit: String(unit), coder: "bo", code: Number(b), note: "" },
 * ]);
 * const r = agreementReport(codes, { resamples: 200 });
 * strictEqual(r.pairableUnits, 4);
 * strictEqual(r.percentAgreement, 0.75);
 * strictEqual(r.disagreements[0].unit, "u4");
 * ```
 */
export function agreementReport(
  codes: readonly Code[],
  options: AgreementOptions = {},
): AgreementReport {
  const resamples = options.resamples ?? 1000;
  const seed = options.seed ?? 1;
  const people = reliabilityData(
    codes.map((c) => ({ unit: c.unit, coder: c.coder, code: c.code })),
  );
  const alpha = {} as Record<(typeof LEVELS)[number], number | null>;
  const intervals = {} as Record<
    (typeof LEVELS)[number],
    { low: number | null; high: number | null }
  >;
  for (const level of LEVELS) {
    const i = alphaInterval(people, level as MeasurementLevel, { resamples, seed });
    alpha[level] = finite(i.estimate);
    intervals[level] = { low: finite(i.low), high: finite(i.high) };
  }
  const summary = alphaSummary(people, "nominal");
  const disagreements = people.values.map((row, u) => {
    const own: Record<string, number> = {};
    row.forEach((v, k) => v !== null && (own[people.coders[k]] = v));
    const vs = Object.values(own);
    return {
      unit: people.units[u],
      codes: own,
      range: vs.length > 1 ? Math.max(...vs) - Math.min(...vs) : 0,
    };
  }).filter((d) => d.range > 0).sort((a, b) => b.range - a.range || a.unit.localeCompare(b.unit))
    .slice(0, options.top ?? 10);
  const report: AgreementReport = {
    alpha,
    intervals,
    resamples,
    units: summary.units,
    pairableUnits: summary.pairableUnits,
    pairableValues: summary.pairableValues,
    valuesPerCoder: summary.valuesPerCoder,
    percentAgreement: summary.percentAgreement,
    disagreements,
  };
  if (options.units) {
    report.model = modelAgreement(codes, options.units, options.scale ?? [-2, -1, 0, 1, 2]);
  }
  return report;
}

/** The model as one more coder: its score placed on the scale, alpha, Spearman, macro-F1 on signs. */
function modelAgreement(
  codes: readonly Code[],
  units: readonly CodingUnit[],
  scale: readonly number[],
): NonNullable<AgreementReport["model"]> {
  const lo = Math.min(...scale);
  const hi = Math.max(...scale);
  const onScale = (score: number) => {
    const x = lo + (score + 1) / 2 * (hi - lo);
    return scale.reduce((best, v) => (Math.abs(v - x) < Math.abs(best - x) ? v : best), scale[0]);
  };
  const score = new Map(units.map((u) => [u.unit, u.model]));
  const coded = new Map<string, number[]>();
  for (const c of codes) {
    if (c.code === null) continue;
    const list = coded.get(c.unit);
    if (list) list.push(c.code);
    else coded.set(c.unit, [c.code]);
  }
  const withModel = [
    ...codes.map((c) => ({ unit: c.unit, coder: c.coder, code: c.code })),
    ...[...coded.keys()].flatMap((unit) => {
      const s = score.get(unit);
      return s === undefined || s === null ? [] : [{ unit, coder: MODEL_CODER, code: onScale(s) }];
    }),
  ];
  const data = reliabilityData(withModel);
  const alpha = {} as Record<(typeof LEVELS)[number], number | null>;
  for (const level of LEVELS) {
    alpha[level] = finite(alphaSummary(data, level as MeasurementLevel).alpha);
  }
  const model: number[] = [];
  const human: number[] = [];
  for (const [unit, list] of coded) {
    const s = score.get(unit);
    if (s === undefined || s === null) continue;
    model.push(s);
    human.push(list.reduce((a, b) => a + b, 0) / list.length);
  }
  const sign = (x: number) => (x > 0 ? "positive" : x < 0 ? "negative" : "neutral");
  return {
    alpha,
    spearman: model.length >= 2 ? finite(spearman(model, human)) : null,
    macroF1: model.length > 0
      ? finite(macroF1(human.map(sign), model.map(sign), ["negative", "neutral", "positive"]))
      : null,
    units: model.length,
    mapping:
      `the model's −1..+1 score placed linearly on ${lo}..${hi} and rounded to the nearest scale point`,
  };
}
