/**
 * The corrected comparison: the mean human code of every group (and actor)
 * over the whole population of units, estimated three ways side by side:
 * from the coded sample alone (`human`), from the sample and the model's
 * scores on every unit (`corrected`, prediction-powered), and from the model
 * alone (`model`, on the model's scale, not the codes').
 *
 * @module
 */
import { z } from "zod";
import { benjaminiHochberg } from "../compare/adjust.ts";
import { InputError } from "../errors.ts";
import { designMeans, type DesignUnit, type IntervalEstimate } from "../stats/design_means.ts";
import { groupOf } from "./sample.ts";
import type { Code, CodingUnit } from "./schema.ts";

/** An estimate with its interval; the ends are null when no variance can be estimated. */
const Interval = z.object({
  estimate: z.number(),
  low: z.number().nullable(),
  high: z.number().nullable(),
});
const Tested = Interval.extend({ p: z.number().nullable(), q: z.number().nullable() });

/** One group's (and actor's) estimates. */
export const GroupEstimate = z.object({
  group: z.string(),
  /** The actor, with `--facet actor`. */
  actor: z.string().optional(),
  /** Units of the population in the group. */
  units: z.number().int().nonnegative(),
  /** Units drawn into the sample. */
  sampled: z.number().int().nonnegative(),
  /** Drawn units with a code (not "cannot tell"). */
  coded: z.number().int().nonnegative(),
  human: Interval.nullable(),
  corrected: Interval.nullable(),
  /** The model's mean over every unit of the group: its own scale, not the codes'. */
  model: z.object({ estimate: z.number(), scale: z.literal("model") }),
  /** The model's tuned weight in the corrected estimate (0: it did not help). */
  lambda: z.number(),
  note: z.string().optional(),
});
/** One group's estimates. */
export type GroupEstimate = z.infer<typeof GroupEstimate>;

/** A difference between two groups (`a − b`), within an actor with `--facet actor`. */
export const GroupDifference = z.object({
  a: z.string(),
  b: z.string(),
  actor: z.string().optional(),
  human: Tested.nullable(),
  corrected: Tested.nullable(),
});
/** A difference between two groups. */
export type GroupDifference = z.infer<typeof GroupDifference>;

/** What `code estimate --json` prints. */
export const EstimateReport = z.object({
  by: z.string(),
  facet: z.enum(["actor"]).nullable(),
  level: z.number(),
  /** How the estimates were made, in words. */
  estimator: z.string(),
  groups: z.array(GroupEstimate),
  differences: z.array(GroupDifference),
  notes: z.array(z.string()),
});
/** What `code estimate --json` prints. */
export type EstimateReport = z.infer<typeof EstimateReport>;

/** Options of {@linkcode estimateGroups}. */
export interface EstimateOptions {
  /** The metadata field of the groups. @default "outlet" */
  by?: string;
  /** Estimate per group × actor. */
  facet?: "actor";
  /** Coverage of the intervals. @default 0.95 */
  level?: number;
  /** Where each code came from (`file:line`), for errors. */
  places?: readonly string[];
}

/** The statement of the estimators, for the outputs. */
export const ESTIMATOR_STATEMENT =
  "human: the coded units' mean, weighted by their inverse inclusion probabilities " +
  "(units coded 'cannot tell' are outside the population the mean is of; drawn units nobody coded " +
  "are taken as missing at random within their stratum); " +
  "corrected: prediction-powered with power tuning (PPI++, Angelopoulos, Duchi & Zrnic 2023): the model's " +
  "mean over every unit plus the mean error of the model measured on the coded units, so a wrong model " +
  "costs precision, not validity; model: the model's mean over every unit, on its own scale. " +
  "Intervals are design-based for this finite population (a census has no sampling error), t intervals, " +
  "and several coders' codes of a unit are averaged.";

/**
 * Estimates the mean human code of every group (and actor) of a population
 * of coding units from the codes of its sample.
 *
 * @param units Every unit of the population (`units.jsonl`).
 * @param codes The codes (long format); several coders of a unit are averaged.
 * @param options Grouping field, facet, level.
 * @returns The estimates and the differences between groups.
 * @throws {InputError} When a code names a unit that is not in the population.
 *
 * @example A census of two groups
 * ```ts
 * import { estimateGroups } from "@framing/toolkit/coding";
 * import { strictEqual } from "node:assert/strict";
 *
 * const units = ["A", "A", "B", "B"].map((outlet, i) => ({
 *   unit: `u${i}`, article: `a${i}`, actor: "x", meta: { outlet }, model: i / 10,
 *   sampled: true, inclusionProbability: 1, stratum: "all",
 * }));
 * const codes = [-2, -1, 1, 2].map((code, i) => ({ unit: `u${i}`, coder: "ann", code, note: "" }));
 * const report = estimateGroups(units, codes);
 * strictEqual(report.groups[0].human!.estimate, -1.5);
 * strictEqual(report.differences[0].human!.estimate, -3);
 * ```
 */
export function estimateGroups(
  units: readonly CodingUnit[],
  codes: readonly Code[],
  options: EstimateOptions = {},
): EstimateReport {
  const by = options.by ?? "outlet";
  const level = options.level ?? 0.95;
  const facet = options.facet ?? null;
  const index = new Map(units.map((u, i) => [u.unit, i]));
  const sums = new Float64Array(units.length);
  const counts = new Int32Array(units.length);
  const answered = new Uint8Array(units.length);
  let outside = 0;
  let cannotTell = 0;
  codes.forEach((c, k) => {
    const i = index.get(c.unit);
    if (i === undefined) {
      const [file, line] = splitPlace(options.places?.[k]);
      throw new InputError(
        { file, line, path: "unit" },
        `expected a unit of the population (units.jsonl), got "${c.unit}"`,
      );
    }
    if (!units[i].sampled) {
      outside++;
      return;
    }
    answered[i] = 1;
    if (c.code === null) {
      cannotTell++;
      return;
    }
    sums[i] += c.code;
    counts[i]++;
  });
  let noModel = 0;
  const domainKey = (u: CodingUnit) => {
    const g = groupOf(u.meta, by);
    return facet ? `${g}\u0000${u.actor}` : g;
  };
  const design: DesignUnit[] = units.map((u, i) => {
    if (u.model === null) noModel++;
    return {
      domain: domainKey(u),
      stratum: u.stratum ?? "all",
      probability: u.inclusionProbability,
      sampled: u.sampled,
      y: counts[i] > 0 ? sums[i] / counts[i] : null,
      responded: answered[i] === 1,
      f: u.model ?? 0,
    };
  });
  const means = designMeans(design, { level });
  const split = (domain: string) => {
    const [group, actor] = domain.split("\u0000");
    return facet ? { group, actor } : { group };
  };
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  const interval = (e: IntervalEstimate | null) =>
    e === null ? null : { estimate: e.estimate, low: finite(e.low), high: finite(e.high) };
  const groups: GroupEstimate[] = means.domains.map((d) => ({
    ...split(d.domain),
    units: d.units,
    sampled: d.sampled,
    coded: d.coded,
    human: interval(d.human),
    corrected: interval(d.corrected),
    model: { estimate: d.model, scale: "model" as const },
    lambda: d.lambda,
    ...(d.note ? { note: d.note } : {}),
  }));
  // Every pair of groups (within an actor), in order of first appearance.
  const pairs: [string, string][] = [];
  const domains = means.domains.map((d) => d.domain);
  for (let i = 0; i < domains.length; i++) {
    for (let j = i + 1; j < domains.length; j++) {
      const a = split(domains[i]);
      const b = split(domains[j]);
      if (a.actor === b.actor) pairs.push([domains[i], domains[j]]);
    }
  }
  const raw = pairs.map(([a, b]) => means.difference(a, b));
  const qOf = (which: "human" | "corrected") => {
    const tested = raw.map((d, i) => [i, d[which]?.p] as const).filter(([, p]) =>
      typeof p === "number"
    ) as [number, number][];
    const q = benjaminiHochberg(tested.map(([, p]) => p));
    return new Map(tested.map(([i], k) => [i, q[k]]));
  };
  const qHuman = qOf("human");
  const qCorrected = qOf("corrected");
  const differences: GroupDifference[] = raw.map((d, i) => {
    const a = split(d.a);
    const b = split(d.b);
    const tested = (e: (IntervalEstimate & { p: number | null }) | null, q: Map<number, number>) =>
      e === null ? null : {
        estimate: e.estimate,
        low: finite(e.low),
        high: finite(e.high),
        p: e.p,
        q: q.get(i) ?? null,
      };
    return {
      a: a.group,
      b: b.group,
      ...(facet ? { actor: a.actor } : {}),
      human: tested(d.human, qHuman),
      corrected: tested(d.corrected, qCorrected),
    };
  });
  const sampled = units.filter((u) => u.sampled).length;
  const coded = groups.reduce((s, g) => s + g.coded, 0);
  const notes = [
    `${units.length} units in the population, ${sampled} drawn, ${coded} coded by ${
      new Set(codes.map((c) => c.coder)).size
    } coder(s).`,
  ];
  const untold = units.filter((u, i) => u.sampled && answered[i] === 1 && counts[i] === 0).length;
  const unanswered = units.filter((u, i) => u.sampled && answered[i] === 0).length;
  if (cannotTell > 0) {
    notes.push(
      `${cannotTell} codes were "cannot tell" (NA); ${untold} units had no other code and count as ` +
        "outside the population the means are of (units with no readable evaluation).",
    );
  }
  if (unanswered > 0) {
    notes.push(
      `${unanswered} drawn units have no code yet: taken as missing at random within their stratum ` +
        "(the coded units of the stratum stand for them).",
    );
  }
  if (outside > 0) {
    notes.push(
      `${outside} codes are of units outside the sample: not used, since the estimates weight the sample's design.`,
    );
  }
  if (noModel > 0) notes.push(`${noModel} units have no model score: taken as 0.`);
  if (facet) notes.push("p-values are adjusted across the differences (Benjamini–Hochberg q).");
  return { by, facet, level, estimator: ESTIMATOR_STATEMENT, groups, differences, notes };
}

function splitPlace(place: string | undefined): [string, number | undefined] {
  if (!place) return ["<codes>", undefined];
  const at = place.lastIndexOf(":");
  return [place.slice(0, at), Number(place.slice(at + 1))];
}
