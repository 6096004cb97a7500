/**
 * Means of a finite population from a probability sample of it, with and
 * without a model's predictions: the estimators behind `code estimate`.
 *
 * The population is a list of units, every one with a model score `f`; a
 * sample of them (drawn by a known design, stratum by stratum) carries the
 * human code `y`. For a domain `d` (a group, or a group × actor):
 *
 * - **human**: the Hájek estimator Σ w·z·y / Σ w·z over the units coders
 *   answered for in `d`, `w` the inverse inclusion probability (re-weighted
 *   within each stratum for units that were drawn but not answered for,
 *   which are taken to be missing at random within their stratum) and `z`
 *   1 for a code, 0 for "cannot tell": a unit coders cannot tell is outside
 *   the population the mean is of, whose size is estimated like the rest;
 * - **corrected**: prediction-powered with power tuning (PPI++; Angelopoulos,
 *   Duchi & Zrnic 2023): `(Σ w·z·y + λ (F_d − Σ w·f)) / Σ w·z`, where `F_d`
 *   is the model's total over *every* unit of `d` (known exactly: the whole
 *   population is scored) and the sums run over the answered units. The
 *   model's errors are measured on the coded units and subtracted, so a
 *   wrong model costs precision, not validity. `λ` minimises the estimated
 *   variance (a weighted regression slope), shrunk toward 0 when the coded
 *   units give little evidence that the model helps, so the interval is not
 *   wider than the human one beyond noise (λ = 0 gives exactly the human
 *   estimate; with fewer than {@linkcode MIN_CODED_FOR_MODEL} coded units the
 *   model gets no weight). In survey terms it is the difference (GREG-type) estimator
 *   with an estimated slope (Särndal, Swensson & Wretman 1992);
 * - **model**: `F_d / N_d`, the model alone, on the model's own scale.
 *
 * Variances are Taylor-linearised with the finite population correction
 * `1 − r_h/N_h` per stratum (`r_h` coded, `N_h` units), so a census has no
 * sampling error and gives the codes' own mean as a zero-width interval.
 * Intervals use Student's t with `r_d − 1` degrees of freedom (`r_d` coded
 * units in the domain), which keeps small samples honest.
 *
 * @module
 */
import { studentTCdf as tCdf, studentTQuantile as tQuantile } from "./student_t.ts";

/** One unit of the population. */
export interface DesignUnit {
  /** The domain the unit counts toward (e.g. its group). */
  domain: string;
  /** The stratum it was drawn in. */
  stratum: string;
  /** Its inclusion probability, in (0, 1]. */
  probability: number;
  /** Whether the design drew it. */
  sampled: boolean;
  /**
   * The human code (mean of its coders); `null` when the unit was not coded,
   * or when its coders could not tell (then `responded` is true).
   */
  y: number | null;
  /**
   * Whether coders answered for the unit at all, "cannot tell" included.
   * A unit they could not tell is outside the population the mean is of
   * (it has no code to average); a drawn unit nobody answered for is missing.
   * @default y !== null
   */
  responded?: boolean;
  /** The model's score. */
  f: number;
}

/** An estimate with its interval. */
export interface IntervalEstimate {
  estimate: number;
  /** Lower end of the interval. */
  low: number;
  /** Upper end of the interval. */
  high: number;
  /** Estimated standard error (0 in a census). */
  se: number;
  /** Degrees of freedom of the t interval. */
  df: number;
}

/** The estimates of one domain. */
export interface DomainMean {
  domain: string;
  /** Units of the domain in the population. */
  units: number;
  /** Units of the domain drawn into the sample. */
  sampled: number;
  /** Coded units (a code other than "cannot tell"). */
  coded: number;
  /** Coded units alone, weighted; `null` when none is coded. */
  human: IntervalEstimate | null;
  /** Prediction-powered, power-tuned; `null` when none is coded. */
  corrected: IntervalEstimate | null;
  /** The model's mean over every unit of the domain (its own scale). */
  model: number;
  /** The tuned weight of the model (0: the model did not help). */
  lambda: number;
  /** Why an interval is missing or special, if it is. */
  note?: string;
}

/** A difference between two domains, `a − b`. */
export interface DomainDifference {
  a: string;
  b: string;
  human: (IntervalEstimate & { p: number | null }) | null;
  corrected: (IntervalEstimate & { p: number | null }) | null;
}

/** Options of {@linkcode designMeans}. */
export interface DesignMeansOptions {
  /** Coverage of the intervals. @default 0.95 */
  level?: number;
  /**
   * Shrink the model's weight toward 0 when the coded units show little
   * evidence that it helps (see `tunedLambda`); false gives plain PPI++ power
   * tuning (the textbook regression estimator).
   * @default true
   */
  shrink?: boolean;
}

/** The estimates of every domain and a way to take differences between them. */
export interface DesignMeans {
  domains: DomainMean[];
  /** The difference `a − b` of two domains' means, with intervals and two-sided p-values. */
  difference(a: string, b: string): DomainDifference;
}

interface Stratum {
  units: number;
  sampledWeight: number;
  coded: number[];
  codedWeight: number;
}

/**
 * Estimates the mean code of every domain of a finite population from a
 * coded probability sample, by the coded units alone and corrected with a
 * model's scores on every unit (see the module documentation).
 *
 * @param units Every unit of the population.
 * @param options Coverage of the intervals.
 * @returns One row per domain (in order of first appearance) and `difference()`.
 * @throws {RangeError} On an inclusion probability outside (0, 1], a non-finite score, or a bad level.
 *
 * @example A census gives the codes' mean with no sampling error
 * ```ts
 * import { designMeans } from "@framing/toolkit/stats";
 * import { strictEqual } from "node:assert/strict";
 *
 * const units = [1, 2, 3, 4].map((y) => ({
 *   domain: "a", stratum: "a", probability: 1, sampled: true, y, f: y / 10,
 * }));
 * const [a] = designMeans(units).domains;
 * strictEqual(a.human!.estimate, 2.5);
 * strictEqual(a.human!.low, 2.5);
 * strictEqual(a.corrected!.high, 2.5);
 * ```
 *
 * @example A model that tracks the codes narrows the interval
 * ```ts
 * import { designMeans } from "@framing/toolkit/stats";
 * import { ok } from "node:assert/strict";
 *
 * const units = Array.from({ length: 200 }, (_, i) => {
 *   const y = Math.sin(i) * 2;
 *   return { domain: "a", stratum: "a", probability: 0.1, sampled: i % 10 === 0, y: i % 10 === 0 ? y : null, f: y / 2 + 0.3 };
 * });
 * const [a] = designMeans(units).domains;
 * ok(a.corrected!.high - a.corrected!.low < (a.human!.high - a.human!.low) / 10);
 * ```
 */
export function designMeans(
  units: readonly DesignUnit[],
  options: DesignMeansOptions = {},
): DesignMeans {
  const level = options.level ?? 0.95;
  const shrink = options.shrink ?? true;
  if (!(level > 0 && level < 1)) {
    throw new RangeError(`Cannot use level ${JSON.stringify(level)}: expected a number in (0, 1)`);
  }
  const strata = new Map<string, Stratum>();
  const domainIndex = new Map<string, number>();
  const domainNames: string[] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (!(u.probability > 0 && u.probability <= 1)) {
      throw new RangeError(
        `Cannot use inclusion probability ${JSON.stringify(u.probability)} of unit ${i}: ` +
          "expected a number in (0, 1]",
      );
    }
    if (!Number.isFinite(u.f)) {
      throw new RangeError(`Cannot use model score ${u.f} of unit ${i}: expected a finite number`);
    }
    if (u.y !== null && !Number.isFinite(u.y)) {
      throw new RangeError(`Cannot use code ${u.y} of unit ${i}: expected a finite number`);
    }
    if (!domainIndex.has(u.domain)) {
      domainIndex.set(u.domain, domainNames.length);
      domainNames.push(u.domain);
    }
    let s = strata.get(u.stratum);
    if (!s) strata.set(u.stratum, s = { units: 0, sampledWeight: 0, coded: [], codedWeight: 0 });
    s.units++;
    if (u.sampled) {
      s.sampledWeight += 1 / u.probability;
      if (u.responded ?? u.y !== null) {
        s.coded.push(i);
        s.codedWeight += 1 / u.probability;
      }
    }
  }
  // Weights of the units coders answered for: inverse probability, scaled
  // within the stratum so that they stand for every drawn unit.
  const weight = new Float64Array(units.length);
  for (const s of strata.values()) {
    for (const i of s.coded) {
      weight[i] = (1 / units[i].probability) * s.sampledWeight / s.codedWeight;
    }
  }
  const strataList = [...strata.values()];
  // c_h: the factor of stratum h's sum of squares in the variance, with the
  // finite population correction (0 in a census; infinite when one answered
  // unit cannot show its stratum's variance).
  const factor = strataList.map((s) => {
    const r = s.coded.length;
    const fpc = 1 - r / s.units;
    if (fpc <= 1e-12) return 0;
    return r > 1 ? fpc * r / (r - 1) : Number.POSITIVE_INFINITY;
  });

  // Per domain: its units, the model's total over them, and per stratum the
  // sums and cross-products of x = w·(z·y, z, d·f) over its answered units
  // (z = 1 for a code, 0 for "cannot tell").
  const D = domainNames.length;
  const count = new Float64Array(D);
  const sampledCount = new Float64Array(D);
  const modelTotal = new Float64Array(D);
  const coded = new Float64Array(D);
  const sums = Array.from({ length: D }, () => [0, 0, 0]);
  const domainOf = new Int32Array(units.length);
  const stratumIndex = new Map([...strata.keys()].map((k, h) => [k, h]));
  // Strata holding units of a domain where nobody answered for any unit:
  // that part of the domain would be left out without a word.
  const unanswered = Array.from({ length: D }, () => new Set<string>());
  for (let i = 0; i < units.length; i++) {
    const d = domainIndex.get(units[i].domain)!;
    domainOf[i] = d;
    if (strataList[stratumIndex.get(units[i].stratum)!].coded.length === 0) {
      unanswered[d].add(units[i].stratum);
    }
    count[d]++;
    modelTotal[d] += units[i].f;
    if (units[i].sampled) sampledCount[d]++;
  }
  interface Cell {
    stratum: number;
    s: number[];
    m: number[][];
  }
  const cellsOf: Cell[][] = Array.from({ length: D }, () => []);
  strataList.forEach((st, h) => {
    const cells = new Map<number, Cell>();
    for (const i of st.coded) {
      const d = domainOf[i];
      let c = cells.get(d);
      if (!c) {
        cells.set(d, c = { stratum: h, s: [0, 0, 0], m: [[0, 0, 0], [0, 0, 0], [0, 0, 0]] });
        cellsOf[d].push(c);
      }
      const y = units[i].y;
      const x = [
        y === null ? 0 : weight[i] * y,
        y === null ? 0 : weight[i],
        weight[i] * units[i].f,
      ];
      if (y !== null) coded[d]++;
      for (let j = 0; j < 3; j++) {
        c.s[j] += x[j];
        sums[d][j] += x[j];
        for (let k = 0; k < 3; k++) c.m[j][k] += x[j] * x[k];
      }
    }
  });
  /** The design covariance matrix of Σ x over a domain's answered units. */
  const covarianceOf = (d: number): number[][] => {
    const S = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
    for (const c of cellsOf[d]) {
      const f = factor[c.stratum];
      if (f === 0) continue;
      const r = strataList[c.stratum].coded.length;
      for (let j = 0; j < 3; j++) {
        for (let k = 0; k < 3; k++) {
          S[j][k] += f === Number.POSITIVE_INFINITY ? f : f * (c.m[j][k] - c.s[j] * c.s[k] / r);
        }
      }
    }
    return S;
  };
  const quad = (S: number[][], c: readonly number[]) => {
    let v = 0;
    for (let j = 0; j < 3; j++) for (let k = 0; k < 3; k++) v += c[j] * S[j][k] * c[k];
    return v;
  };

  // Critical values by degrees of freedom (a facet by actor asks for the same ones many times).
  const critical = new Map<number, number>();
  const interval = (estimate: number, variance: number, df: number): IntervalEstimate => {
    const se = Math.sqrt(Math.max(0, variance));
    let t = 0;
    if (se > 0 && df >= 1) {
      t = critical.get(df) ?? tQuantile(1 - (1 - level) / 2, df);
      critical.set(df, t);
    }
    return { estimate, low: estimate - t * se, high: estimate + t * se, se, df };
  };

  // The linearised variable of a domain's estimate is cᵀx / Σ w z; `coef`
  // keeps c per domain and estimator, for the differences.
  const coef: { human: number[]; corrected: number[] }[] = [];
  const inflation = new Float64Array(D).fill(1);
  const domains: DomainMean[] = domainNames.map((domain, d) => {
    const row: DomainMean = {
      domain,
      units: count[d],
      sampled: sampledCount[d],
      coded: coded[d],
      human: null,
      corrected: null,
      model: modelTotal[d] / count[d],
      lambda: 0,
    };
    coef.push({ human: [0, 0, 0], corrected: [0, 0, 0] });
    const [swzy, swz, swf] = sums[d];
    if (coded[d] === 0 || !(swz > 0)) {
      row.note = "no coded unit";
      return row;
    }
    if (unanswered[d].size > 0) {
      row.note = `no estimate: no unit of stratum ${
        [...unanswered[d]].map((h) => JSON.stringify(h)).join(", ")
      } was coded, and ${unanswered[d].size > 1 ? "they hold" : "it holds"} units of this domain`;
      return row;
    }
    const S = covarianceOf(d);
    // Degrees of freedom of a stratified design: coded units less the strata they are in.
    const df = Math.max(1, coded[d] - cellsOf[d].length);
    const human = swzy / swz;
    const cHuman = [1, -human, 0];
    const A = quad(S, cHuman);
    // Whether the design leaves sampling error in this domain (not a census of it).
    const sampled = cellsOf[d].some((c) => factor[c.stratum] > 0);
    if (sampled && coded[d] < 2) {
      row.note = "one coded unit: no variance can be estimated";
      row.human = { estimate: human, low: NaN, high: NaN, se: NaN, df: 0 };
      row.corrected = row.human;
      return row;
    }
    if (!Number.isFinite(A)) {
      row.note = "a stratum has one answered unit: no variance can be estimated";
      row.human = { estimate: human, low: NaN, high: NaN, se: NaN, df };
      row.corrected = row.human;
      return row;
    }
    // λ minimises the variance of cᵀx with c = (1, −θ, −λ): a weighted regression slope.
    const B = S[2][2];
    const C = S[2][0] - human * S[2][1];
    const { l, used } = shrink ? tunedLambda(A, B, C, coded[d]) : { l: B > 0 ? C / B : 0, used: 0 };
    row.lambda = l;
    const corrected = (swzy + l * (modelTotal[d] - swf)) / swz;
    const cCorrected = [1, -corrected, -l];
    coef[d] = { human: cHuman.map((v) => v / swz), corrected: cCorrected.map((v) => v / swz) };
    row.human = interval(human, A / (swz * swz), df);
    // The slope is fitted on the same coded units: like a regression's
    // residual variance, the corrected variance loses the degree of freedom
    // the slope used (in proportion to how much of it is kept).
    inflation[d] = df > used ? df / (df - used) : 1;
    row.corrected = interval(
      corrected,
      quad(S, cCorrected) / (swz * swz) * inflation[d],
      df - used,
    );
    if (!sampled) row.note = "census: no sampling error";
    else if (A === 0) {
      row.note = "every coded unit has the same code: the design variance is 0, and the interval " +
        "does not show how little so few codes say";
    }
    return row;
  });

  /** The design variance of a difference: per stratum, the two domains' linearised sums. */
  const differenceVariance = (da: number, db: number, which: "human" | "corrected"): number => {
    const byStratum = new Map<number, { s1: number; s2: number }>();
    const add = (d: number, sign: number) => {
      const c = coef[d][which];
      for (const cell of cellsOf[d]) {
        let t = byStratum.get(cell.stratum);
        if (!t) byStratum.set(cell.stratum, t = { s1: 0, s2: 0 });
        let s1 = 0;
        let s2 = 0;
        for (let j = 0; j < 3; j++) {
          s1 += c[j] * cell.s[j];
          for (let k = 0; k < 3; k++) s2 += c[j] * cell.m[j][k] * c[k];
        }
        t.s1 += sign * s1;
        t.s2 += s2;
      }
    };
    add(da, 1);
    add(db, -1);
    let total = 0;
    for (const [h, t] of byStratum) {
      const f = factor[h];
      if (f === 0) continue;
      if (f === Number.POSITIVE_INFINITY) return f;
      total += f * (t.s2 - t.s1 * t.s1 / strataList[h].coded.length);
    }
    return total;
  };

  const difference = (a: string, b: string): DomainDifference => {
    const da = domainIndex.get(a);
    const db = domainIndex.get(b);
    if (da === undefined || db === undefined) {
      throw new RangeError(
        `Cannot compare "${da === undefined ? a : b}": no such domain (have ${
          domainNames.map((n) => JSON.stringify(n)).join(", ")
        })`,
      );
    }
    const ra = domains[da];
    const rb = domains[db];
    if (!ra.human || !rb.human) return { a, b, human: null, corrected: null };
    if (Number.isNaN(ra.human.se) || Number.isNaN(rb.human.se)) {
      // A side without a variance (one coded unit, or a stratum with one) leaves none here.
      const none = (x: IntervalEstimate, y: IntervalEstimate) => ({
        estimate: x.estimate - y.estimate,
        low: NaN,
        high: NaN,
        se: NaN,
        df: 0,
        p: null,
      });
      return {
        a,
        b,
        human: none(ra.human, rb.human),
        corrected: none(ra.corrected!, rb.corrected!),
      };
    }
    const test = (estimate: number, variance: number, x: IntervalEstimate, y: IntervalEstimate) => {
      // Welch–Satterthwaite degrees of freedom from the two domains' own.
      const vx = x.se * x.se;
      const vy = y.se * y.se;
      const df = vx + vy > 0
        ? (vx + vy) ** 2 / ((x.df >= 1 ? vx * vx / x.df : 0) + (y.df >= 1 ? vy * vy / y.df : 0))
        : Math.min(x.df, y.df);
      const e = interval(estimate, variance, Math.max(1, df));
      if (!Number.isFinite(variance)) return { ...e, low: NaN, high: NaN, se: NaN, p: null };
      const p = e.se > 0 ? 2 * (1 - tCdf(Math.abs(estimate) / e.se, e.df)) : null;
      return { ...e, p };
    };
    const ca = ra.corrected!;
    const cb = rb.corrected!;
    return {
      a,
      b,
      human: test(
        ra.human.estimate - rb.human.estimate,
        differenceVariance(da, db, "human"),
        ra.human,
        rb.human,
      ),
      corrected: test(
        ca.estimate - cb.estimate,
        differenceVariance(da, db, "corrected") * Math.max(inflation[da], inflation[db]),
        ca,
        cb,
      ),
    };
  };
  return { domains, difference };
}

/**
 * Coded units a domain needs before the model gets any weight: with fewer,
 * a slope fitted on the same units is too optimistic (in simulation the
 * corrected interval covered 0.91 with 5 coded units and a useless model),
 * and the corrected estimate is the human one.
 */
export const MIN_CODED_FOR_MODEL = 10;

/**
 * The model's weight: the variance-minimising λ = C/B of PPI++, shrunk
 * toward 0 by max(0, 1 − 1/F), F = (r − 2)·R²/(1 − R²) the test statistic
 * of the model's slope on r coded units (R² = C²/(A·B)). A model that
 * explains no more than chance gets no weight, so its noise cannot make the
 * interval too narrow (fitting λ in the same small sample that measures the
 * variance is optimistic); a model that clearly helps keeps nearly all of it.
 */
function tunedLambda(A: number, B: number, C: number, r: number): { l: number; used: number } {
  if (!(B > 0) || !(A > 0) || r < MIN_CODED_FOR_MODEL) return { l: 0, used: 0 };
  const r2 = Math.min(1, (C * C) / (A * B));
  if (r2 >= 1) return { l: C / B, used: 1 };
  const F = (r - 2) * r2 / (1 - r2);
  return F > 1 ? { l: (C / B) * (1 - 1 / F), used: 1 - 1 / F } : { l: 0, used: 0 };
}
