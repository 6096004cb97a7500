/**
 * Drawing the units that people code: a simple random sample of the whole
 * population, a stratified one (the same number from every group, or every
 * group × actor), or a census; and dealing the drawn units to coders so that
 * a share of them is coded by everyone, for reliability.
 *
 * Every unit keeps its stratum and its inclusion probability (`n_h / N_h`
 * within its stratum, 1 in a census), which the estimators weight by.
 *
 * @module
 */
import { mulberry32 } from "../stats/random.ts";
import type { CodingUnit } from "./schema.ts";

/** Options of {@linkcode drawSample}: exactly one of `n`, `perGroup` and `all`. */
export interface SampleOptions {
  /** Units drawn from the whole population (simple random sampling). */
  n?: number;
  /** Units drawn from every group of `by` (stratified), or every group × actor with `stratify`. */
  perGroup?: number;
  /** Every unit (a census). */
  all?: boolean;
  /** The metadata field that makes the groups. @default "outlet" */
  by?: string;
  /** Stratify by the actor too (with `perGroup`). */
  stratify?: "actor";
  /** Seed of the draw. @default 1 */
  seed?: number;
  /** Coder slots the sample is dealt to. @default 1 */
  coders?: number;
  /**
   * Share of the drawn units that every coder codes (for reliability); the
   * rest are dealt out, one coder each.
   * @default 1 (every coder codes every unit)
   */
  overlap?: number;
}

/** The group of a unit: its article's value of `by`, or `(no FIELD)`. */
export function groupOf(meta: Readonly<Record<string, unknown>>, by: string): string {
  const v = meta[by];
  if (v === undefined || v === null || v === "") return `(no ${by})`;
  return typeof v === "string" ? v : JSON.stringify(v);
}

/**
 * Draws the sample: returns the units with `sampled`, `inclusionProbability`,
 * `stratum` and `coders` set (the input is not changed).
 *
 * @param units The population.
 * @param options The design (see {@linkcode SampleOptions}).
 * @returns The units, in the input order.
 * @throws {RangeError} When the design is not one of the three, or a number is out of range.
 *
 * @example Two per outlet: inclusion probability 2 / units of the outlet
 * ```ts
 * import { drawSample } from "@framing/toolkit/coding";
 * import { strictEqual } from "node:assert/strict";
 *
 * const units = ["A", "A", "A", "A", "B", "B"].map((outlet, i) => ({
 *   unit: `u${i}`, article: `a${i}`, actor: "x", meta: { outlet }, model: 0,
 *   sampled: false, inclusionProbability: 1,
 * }));
 * const drawn = drawSample(units, { perGroup: 2, seed: 3 });
 * strictEqual(drawn.filter((u) => u.sampled).length, 4);
 * strictEqual(drawn[0].inclusionProbability, 0.5);
 * strictEqual(drawn[5].inclusionProbability, 1);
 * ```
 */
export function drawSample(
  units: readonly CodingUnit[],
  options: SampleOptions,
): CodingUnit[] {
  const by = options.by ?? "outlet";
  const designs = [options.n !== undefined, options.perGroup !== undefined, !!options.all];
  if (designs.filter(Boolean).length !== 1) {
    throw new RangeError("Cannot draw a sample: give exactly one of --n, --per-group and --all");
  }
  const whole = (name: string, v: number | undefined, min: number) => {
    if (v !== undefined && !(Number.isInteger(v) && v >= min)) {
      throw new RangeError(
        `Cannot use ${name} ${JSON.stringify(v)}: expected a whole number >= ${min}`,
      );
    }
  };
  whole("--n", options.n, 1);
  whole("--per-group", options.perGroup, 1);
  whole("--coders", options.coders, 1);
  const overlap = options.overlap ?? 1;
  if (!(overlap >= 0 && overlap <= 1)) {
    throw new RangeError(
      `Cannot use --overlap ${JSON.stringify(options.overlap)}: expected a share in 0..1`,
    );
  }
  if (options.stratify && options.perGroup === undefined) {
    throw new RangeError(
      "Cannot use --stratify actor without --per-group: it sets the units per stratum",
    );
  }
  const random = mulberry32(options.seed ?? 1);
  const stratumOf = (u: CodingUnit) =>
    options.all || options.n !== undefined
      ? "all"
      : options.stratify === "actor"
      ? `${groupOf(u.meta, by)} × ${u.actor}`
      : groupOf(u.meta, by);
  const strata = new Map<string, number[]>();
  units.forEach((u, i) => {
    const s = stratumOf(u);
    const list = strata.get(s);
    if (list) list.push(i);
    else strata.set(s, [i]);
  });
  const out = units.map((u) => ({ ...u, sampled: false, coders: [] as number[] }));
  const drawn: number[] = [];
  for (const [stratum, members] of strata) {
    const want = options.all ? members.length : options.n ?? options.perGroup!;
    const take = Math.min(want, members.length);
    // A partial Fisher–Yates shuffle: the last `take` places hold a simple random sample.
    const order = members.slice();
    for (let k = order.length - 1; k >= order.length - take; k--) {
      const j = Math.floor(random() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
    const chosen = new Set(order.slice(order.length - take));
    const probability = take / members.length;
    for (const i of members) {
      out[i].stratum = stratum;
      out[i].inclusionProbability = probability;
      out[i].sampled = chosen.has(i);
    }
    // In the population's order, so that the dealing below does not depend on the map's order.
    drawn.push(...members.filter((i) => chosen.has(i)));
  }
  drawn.sort((a, b) => a - b);
  // Deal: a random share `overlap` to every coder, the rest one coder each, in turn.
  const coders = options.coders ?? 1;
  const slots = Array.from({ length: coders }, (_, k) => k + 1);
  const shuffled = drawn.slice();
  for (let k = shuffled.length - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    [shuffled[k], shuffled[j]] = [shuffled[j], shuffled[k]];
  }
  const shared = Math.round(overlap * shuffled.length);
  shuffled.forEach((i, k) => {
    out[i].coders = k < shared ? slots : [slots[(k - shared) % coders]];
  });
  return out;
}
