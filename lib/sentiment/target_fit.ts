/**
 * Fitting the target model: multinomial logistic regression (three classes)
 * with an L2 penalty and optional class weights, by full-batch L-BFGS
 * (`lib/stats/lbfgs.ts`) from zero. No randomness: the same examples and
 * settings give the same weights, rounded to 6 significant digits.
 *
 * @module
 */
import { minimize } from "../stats/lbfgs.ts";

/** One training example: sparse features and the class index (0 negative, 1 neutral, 2 positive). */
export interface TrainingExample {
  features: ReadonlyMap<string, number>;
  label: number;
}

/** Settings of {@linkcode fitTargetWeights}. */
export interface FitSettings {
  /** L2 penalty λ on the weights (not the biases), per example: loss/N + λ/2 ‖w‖². */
  l2: number;
  /** Features present in fewer examples are dropped before the fit. */
  minCount: number;
  /** `"balanced"`: each class weighs N / (3 · its count); `"none"`: every example 1. */
  classWeights: "balanced" | "none";
  /** L-BFGS iterations at most. @default 500 */
  maxIterations?: number;
}

/** Fitted weights. */
export interface FittedWeights {
  /** Per class bias. */
  bias: number[];
  /** Feature → per class weight (features whose weights all round to 0 are left out). */
  weights: Record<string, number[]>;
  /** Class weights used. */
  classWeights: number[];
  /** Features seen, kept by `minCount`, and kept in the result. */
  features: { seen: number; fitted: number; kept: number };
  iterations: number;
  converged: boolean;
  /** Final value of the penalised objective. */
  loss: number;
}

/**
 * Rounds to 6 significant digits (0 for values below 1e-6 in size).
 *
 * @example
 * ```ts
 * import { round6 } from "./target_fit.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(round6(0.123456789), 0.123457);
 * strictEqual(round6(4e-7), 0);
 * ```
 */
export function round6(x: number): number {
  if (Math.abs(x) < 1e-6) return 0;
  return Number(x.toPrecision(6));
}

/**
 * Class probabilities from per-class scores (softmax, stable).
 *
 * @example
 * ```ts
 * import { softmax } from "./target_fit.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(softmax([1000, 1000]), [0.5, 0.5]);
 * ```
 */
export function softmax(scores: readonly number[]): number[] {
  const m = Math.max(...scores);
  const e = scores.map((s) => Math.exp(s - m));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / z);
}

/**
 * Fits a multinomial logistic regression with `classes` classes.
 *
 * @example A word seen only with positive targets pulls toward "positive"
 * ```ts
 * import { fitTargetWeights } from "./target_fit.ts";
 * import { ok } from "node:assert/strict";
 *
 * const ex = (names: string[], label: number) => ({
 *   features: new Map(names.map((n) => [n, 1])),
 *   label,
 * });
 * const fit = fitTargetWeights(
 *   [ex(["praise"], 2), ex(["praise", "x"], 2), ex(["attack"], 0), ex(["x"], 1), ex([], 1)],
 *   { l2: 0.01, minCount: 1, classWeights: "none" },
 * );
 * const [neg, neu, pos] = fit.weights["praise"];
 * ok(pos > neu && pos > neg);
 * ```
 */
export function fitTargetWeights(
  examples: readonly TrainingExample[],
  settings: FitSettings,
  classes = 3,
): FittedWeights {
  const counts = new Map<string, number>();
  for (const e of examples) {
    for (const [name, v] of e.features) if (v !== 0) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const names = [...counts.keys()].filter((n) => counts.get(n)! >= settings.minCount).sort();
  const index = new Map(names.map((n, i) => [n, i]));
  // Sparse rows: feature indexes and values.
  const rows = examples.map((e) => {
    const idx: number[] = [];
    const val: number[] = [];
    for (const [name, v] of [...e.features].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const i = index.get(name);
      if (i !== undefined && v !== 0) {
        idx.push(i);
        val.push(v);
      }
    }
    return { idx: Int32Array.from(idx), val: Float64Array.from(val), y: e.label };
  });
  const perClass = new Array(classes).fill(0);
  for (const e of examples) perClass[e.label]++;
  const classWeights = perClass.map((c) =>
    settings.classWeights === "balanced" && c > 0 ? examples.length / (classes * c) : 1
  );
  const totalWeight = rows.reduce((s, r) => s + classWeights[r.y], 0);
  const F = names.length;
  // Parameters: bias[k] at k, weight of feature f for class k at classes + f * classes + k.
  const objective = (x: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    const z = new Float64Array(classes);
    for (const r of rows) {
      for (let k = 0; k < classes; k++) z[k] = x[k];
      for (let j = 0; j < r.idx.length; j++) {
        const base = classes + r.idx[j] * classes;
        for (let k = 0; k < classes; k++) z[k] += x[base + k] * r.val[j];
      }
      let m = -Infinity;
      for (let k = 0; k < classes; k++) m = Math.max(m, z[k]);
      let sum = 0;
      for (let k = 0; k < classes; k++) sum += Math.exp(z[k] - m);
      const logZ = m + Math.log(sum);
      const w = classWeights[r.y] / totalWeight;
      loss += w * (logZ - z[r.y]);
      for (let k = 0; k < classes; k++) {
        const d = w * (Math.exp(z[k] - logZ) - (k === r.y ? 1 : 0));
        grad[k] += d;
        for (let j = 0; j < r.idx.length; j++) {
          grad[classes + r.idx[j] * classes + k] += d * r.val[j];
        }
      }
    }
    for (let i = classes; i < x.length; i++) {
      loss += 0.5 * settings.l2 * x[i] * x[i];
      grad[i] += settings.l2 * x[i];
    }
    return loss;
  };
  const result = minimize(objective, new Float64Array(classes + F * classes), {
    maxIterations: settings.maxIterations ?? 500,
    tolerance: 1e-7,
  });
  const bias = Array.from(result.x.subarray(0, classes), round6);
  const weights: Record<string, number[]> = {};
  names.forEach((name, f) => {
    const w = Array.from(
      result.x.subarray(classes + f * classes, classes + (f + 1) * classes),
      round6,
    );
    if (w.some((v) => v !== 0)) weights[name] = w;
  });
  return {
    bias,
    weights,
    classWeights: classWeights.map(round6),
    features: { seen: counts.size, fitted: F, kept: Object.keys(weights).length },
    iterations: result.iterations,
    converged: result.converged,
    loss: round6(result.value),
  };
}

/**
 * Class scores of sparse features under fitted weights: `bias + Σ value · weight`.
 *
 * @example
 * ```ts
 * import { classScores } from "./target_fit.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const w = new Map([["good", [-1, 0, 1]]]);
 * deepStrictEqual(classScores(new Map([["good", 2], ["unseen", 1]]), [0, 0.5, 0], w), [-2, 0.5, 2]);
 * ```
 */
export function classScores(
  features: ReadonlyMap<string, number>,
  bias: readonly number[],
  weights: ReadonlyMap<string, readonly number[]>,
): number[] {
  const z = [...bias];
  for (const [name, v] of features) {
    const w = weights.get(name);
    if (!w) continue;
    for (let k = 0; k < z.length; k++) z[k] += v * w[k];
  }
  return z;
}
