/**
 * Human codes beside an analysis: what the report and notebook 01 show when
 * a researcher gives codes. The codes are matched to the analysis's units
 * (article × actor in the author's voice), their agreement is measured, and
 * the groups are estimated from them with the model as a correction.
 *
 * Without the `units.jsonl` of a drawn sample, the population is every unit
 * of the analysis, and the coded units are taken as a census when every
 * unit is coded, else as a simple random sample of the population; the
 * statement says which.
 *
 * @module
 */
import type { AnalysedArticle } from "../analysis.ts";
import type { Voice } from "../voice.ts";
import { type AgreementReport, agreementReport } from "./agreement.ts";
import { estimateGroups, type EstimateReport } from "./estimate.ts";
import type { Code, CodingUnit } from "./schema.ts";
import { articleUnits } from "./units.ts";

/** A coded article × actor, beside the model's stance. */
export interface CodedCell {
  article: string;
  actor: string;
  /** The coders' mean code; `null` when every coder said "cannot tell". */
  code: number | null;
  /** Coders who coded the unit ("cannot tell" included). */
  coders: number;
  /** The model's stance in the same voice (−1..+1), `null` if the toolkit found no mention. */
  model: number | null;
}

/** Human codes matched to an analysis, with agreement and corrected estimates. */
export interface HumanCoding {
  /** One row per coded unit the analysis has. */
  cells: CodedCell[];
  /** Agreement among the coders (and the model as one more); `null` with one coder or no unit coded twice. */
  agreement: AgreementReport | null;
  /** Why there is no agreement, when there is none. */
  agreementNote?: string;
  /** Group means: human, corrected and model. */
  estimates: EstimateReport;
  /** The same per group × actor. */
  byActor: EstimateReport;
  /** How the sample was taken, in words. */
  design: string;
  /** Codes naming units the analysis does not have (an actor the toolkit missed, another article). */
  unmatched: Code[];
  /** The coders' ids. */
  coderIds: string[];
}

/** Options of {@linkcode humanCoding}. */
export interface HumanCodingOptions {
  /** The grouping field. @default "outlet" */
  by?: string;
  /** The voice the codes judge. @default "body" */
  voice?: Voice;
  /** The drawn sample's units (`units.jsonl`); without it, see the module documentation. */
  units?: readonly CodingUnit[];
  /** Bootstrap resamples of the agreement intervals. @default 1000 */
  resamples?: number;
  /**
   * Actor ids by the lower-cased names and aliases that a coding may use
   * instead of the id (`"tokayev"`, `"kassym-jomart tokayev"` → `tokayev`).
   * @default none: ids only (in any case)
   */
  actorForms?: Readonly<Record<string, string>>;
}

/**
 * The toolkit's id of a unit a coding names in its own way: `ARTICLE::ACTOR`
 * where the article may carry a file extension and the actor may be its id
 * in another case, its name or an alias (`actorForms`). Returns undefined
 * when no unit fits.
 *
 * @example
 * ```ts
 * import { resolveUnit } from "./human_coding.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const known = new Set(["a-1::tokayev"]);
 * strictEqual(resolveUnit("a-1.txt::Kassym-Jomart Tokayev", known, { "kassym-jomart tokayev": "tokayev" }), "a-1::tokayev");
 * strictEqual(resolveUnit("a-1::TOKAYEV", known), "a-1::tokayev");
 * strictEqual(resolveUnit("a-2::tokayev", known), undefined);
 * ```
 */
export function resolveUnit(
  unit: string,
  known: ReadonlySet<string>,
  actorForms: Readonly<Record<string, string>> = {},
): string | undefined {
  const at = unit.lastIndexOf("::");
  if (at < 0) return undefined;
  const article = unit.slice(0, at).trim().replace(/\.(txt|md|html?)$/i, "");
  const actor = unit.slice(at + 2).trim().toLowerCase();
  for (const id of [actor, actorForms[actor], actor.replace(/[\s-]+/g, "_")]) {
    if (id !== undefined && known.has(`${article}::${id}`)) return `${article}::${id}`;
  }
  return undefined;
}

/**
 * Matches codes to an analysis and measures and estimates with them.
 *
 * @param articles The analysed articles.
 * @param codes The codes (long format; unit ids `ARTICLE::ACTOR`).
 * @param options Grouping field, voice, the sample's units.
 * @returns Cells, agreement, estimates, the design statement and unmatched codes.
 *
 * @example
 * ```ts
 * import { humanCoding } from "@framing/toolkit/coding";
 * import { strictEqual } from "node:assert/strict";
 *
 * const article = (id: string, outlet: string, stance: number) => ({
 *   id, meta: { id, outlet }, actors: [{ actor: "x", voice: "body", stance }], mentions: [],
 * });
 * const articles = [article("a", "A", 0.3), article("b", "B", -0.2)];
 * const codes = [{ unit: "a::x", coder: "ann", code: -1, note: "" }, { unit: "b::x", coder: "ann", code: -2, note: "" }];
 * // deno-lint-ignore no-explicit-any
 * const coding = humanCoding(articles as any, codes);
 * strictEqual(coding.cells[0].code, -1);
 * strictEqual(coding.cells[0].model, 0.3);
 * strictEqual(coding.estimates.groups[1].human!.estimate, -2);
 * ```
 */
export function humanCoding(
  articles: readonly Pick<AnalysedArticle, "id" | "meta" | "actors" | "mentions">[],
  codes: readonly Code[],
  options: HumanCodingOptions = {},
): HumanCoding {
  const by = options.by ?? "outlet";
  const voice = options.voice ?? "body";
  const own = articles.flatMap((a) => articleUnits(a, { voice }));
  const known = new Set((options.units ?? own).map((u) => u.unit));
  // A unit named another way (the article's file name, the actor's name or
  // an alias) is matched to the id the toolkit gives it.
  const resolved = codes.map((c) =>
    known.has(c.unit) ? c : { ...c, unit: resolveUnit(c.unit, known, options.actorForms) ?? c.unit }
  );
  const matched = resolved.filter((c) => known.has(c.unit));
  const unmatched = resolved.filter((c) => !known.has(c.unit));
  const codedIds = new Set(matched.map((c) => c.unit));
  let units: CodingUnit[];
  let design: string;
  if (options.units) {
    units = [...options.units];
    design = `The sample drawn by \`code sample\` (units.jsonl): ${
      units.filter((u) => u.sampled).length
    } of ${units.length} units drawn, weighted by their inclusion probabilities.`;
  } else if (own.every((u) => codedIds.has(u.unit))) {
    units = own.map((u) => ({ ...u, sampled: true, inclusionProbability: 1, stratum: "all" }));
    design = `A census: every one of the ${own.length} article × actor units is coded, so the ` +
      "estimates have no sampling error (their intervals have no width).";
  } else {
    const p = codedIds.size / Math.max(1, own.length);
    units = own.map((u) => ({
      ...u,
      sampled: codedIds.has(u.unit),
      inclusionProbability: Math.max(p, Number.MIN_VALUE),
      stratum: "all",
    }));
    design = `${codedIds.size} of the ${own.length} article × actor units are coded, and no ` +
      "units.jsonl says how they were drawn: they are taken as a simple random sample of the " +
      "units. If they were chosen otherwise, give the units.jsonl of `code sample`.";
  }
  const stance = new Map(own.map((u) => [u.unit, u.model]));
  const perUnit = new Map<string, { sum: number; n: number; coders: number }>();
  for (const c of matched) {
    const e = perUnit.get(c.unit) ?? { sum: 0, n: 0, coders: 0 };
    e.coders++;
    if (c.code !== null) {
      e.sum += c.code;
      e.n++;
    }
    perUnit.set(c.unit, e);
  }
  const unitOf = new Map(units.map((u) => [u.unit, u]));
  const cells: CodedCell[] = [...perUnit].map(([unit, e]) => ({
    article: unitOf.get(unit)!.article,
    actor: unitOf.get(unit)!.actor,
    code: e.n > 0 ? e.sum / e.n : null,
    coders: e.coders,
    model: stance.get(unit) ?? null,
  }));
  const coderIds = [...new Set(matched.map((c) => c.coder))];
  let agreement: AgreementReport | null = null;
  let agreementNote: string | undefined;
  if (coderIds.length < 2) {
    agreementNote = "One coder: agreement needs at least two coders of the same units.";
  } else {
    try {
      agreement = agreementReport(matched, { units, resamples: options.resamples });
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      agreementNote = e.message;
    }
  }
  return {
    cells,
    agreement,
    agreementNote,
    estimates: estimateGroups(units, matched, { by }),
    byActor: estimateGroups(units, matched, { by, facet: "actor" }),
    design,
    unmatched,
    coderIds,
  };
}
