/**
 * Word keyness between two groups of texts: Dunning's log-likelihood G² and
 * the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi &
 * Quinn 2008, "Fightin' Words", Political Analysis 16(4), section 3.5).
 *
 * @module
 */
import { z } from "zod";

/** One term's keyness. Positive `z` and `g2` mean the term is more typical of group A. */
export const KeynessRow = z.object({
  term: z.string(),
  groupA: z.string(),
  groupB: z.string(),
  countA: z.number().int().nonnegative(),
  countB: z.number().int().nonnegative(),
  /** Signed log-likelihood G² (Dunning 1993): sign of A's relative overuse. */
  g2: z.number(),
  /** Log-odds ratio of A over B with the prior (δ̂ in Monroe et al.). */
  logOdds: z.number(),
  /** δ̂ divided by its estimated standard deviation. |z| > 1.96 ≈ 5% level for one term. */
  z: z.number(),
});
/** One term's keyness. */
export type KeynessRow = z.infer<typeof KeynessRow>;

/** Options for {@linkcode keyness}. */
export interface KeynessOptions {
  /** Group labels. @default ["A", "B"] */
  groups?: [string, string];
  /**
   * Prior counts per term, e.g. a background word-frequency list. Missing
   * terms get the smallest prior share. @default the pooled counts of A and B
   */
  prior?: ReadonlyMap<string, number>;
  /**
   * Total prior weight α₀, spread over terms by their prior shares. With the
   * default prior this makes each term's α its pooled count, the usual choice
   * for the "informative Dirichlet" prior. @default the number of terms in A and B together
   */
  priorWeight?: number;
  /** Leave out terms used fewer times than this in A and B together. @default 2 */
  minCount?: number;
}

/**
 * Keyness of every term in two count tables.
 *
 * @param a Term counts of group A.
 * @param b Term counts of group B.
 * @returns Rows sorted by z, most typical of A first.
 *
 * @example A term used only by A is key for A
 * ```ts
 * import { keyness } from "@framing/toolkit";
 * import { ok } from "node:assert/strict";
 *
 * const shared = Array.from({ length: 50 }, (_, i) => [`word${i}`, 20] as const);
 * const a = new Map([["sanctions", 15], ...shared]);
 * const b = new Map([["sanctions", 1], ...shared]);
 * const rows = keyness(a, b);
 * ok(rows[0].term === "sanctions" && rows[0].z > 1.96 && rows[0].g2 > 3.84);
 * ```
 */
export function keyness(
  a: ReadonlyMap<string, number>,
  b: ReadonlyMap<string, number>,
  options: KeynessOptions = {},
): KeynessRow[] {
  const [groupA, groupB] = options.groups ?? ["A", "B"];
  const minCount = options.minCount ?? 2;
  const nA = sum(a.values());
  const nB = sum(b.values());
  const alpha0 = options.priorWeight ?? nA + nB;
  if (!(alpha0 > 0)) throw new RangeError(`priorWeight must be positive, got ${alpha0}`);
  if (nA === 0 || nB === 0) throw new RangeError("Cannot compute keyness: a group has no terms");
  const terms = new Set([...a.keys(), ...b.keys()]);
  const prior = options.prior ?? pooled(a, b);
  const priorTotal = sum(prior.values());
  let minShare = Infinity;
  for (const v of prior.values()) if (v > 0) minShare = Math.min(minShare, v / priorTotal);
  if (!Number.isFinite(minShare)) minShare = 1 / terms.size;
  const rows: KeynessRow[] = [];
  for (const term of terms) {
    const ya = a.get(term) ?? 0;
    const yb = b.get(term) ?? 0;
    if (ya + yb < minCount) continue;
    const share = (prior.get(term) ?? 0) / priorTotal || minShare;
    const alpha = alpha0 * share;
    const la = Math.log((ya + alpha) / (nA + alpha0 - ya - alpha));
    const lb = Math.log((yb + alpha) / (nB + alpha0 - yb - alpha));
    const delta = la - lb;
    const variance = 1 / (ya + alpha) + 1 / (yb + alpha);
    rows.push({
      term,
      groupA,
      groupB,
      countA: ya,
      countB: yb,
      g2: signedG2(ya, yb, nA, nB),
      logOdds: delta,
      z: delta / Math.sqrt(variance),
    });
  }
  return rows.sort((x, y) => y.z - x.z || x.term.localeCompare(y.term));
}

/**
 * Dunning's G² for one term, signed by which group uses it relatively more.
 *
 * @example
 * ```ts
 * import { signedG2 } from "./keyness.ts";
 * import { ok, strictEqual } from "node:assert/strict";
 *
 * strictEqual(signedG2(5, 5, 100, 100), 0);
 * ok(signedG2(1, 9, 100, 100) < 0);
 * ```
 */
export function signedG2(ya: number, yb: number, nA: number, nB: number): number {
  const e1 = (nA * (ya + yb)) / (nA + nB);
  const e2 = (nB * (ya + yb)) / (nA + nB);
  const g2 = 2 * ((ya > 0 ? ya * Math.log(ya / e1) : 0) + (yb > 0 ? yb * Math.log(yb / e2) : 0));
  const sign = ya / nA >= yb / nB ? 1 : -1;
  return Math.abs(g2) < 1e-12 ? 0 : sign * g2;
}

function sum(values: Iterable<number>): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

function pooled(
  a: ReadonlyMap<string, number>,
  b: ReadonlyMap<string, number>,
): Map<string, number> {
  const out = new Map(a);
  for (const [k, v] of b) out.set(k, (out.get(k) ?? 0) + v);
  return out;
}
