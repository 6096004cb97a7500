/**
 * Limited-memory BFGS (Nocedal 1980; Nocedal & Wright 2006, Algorithm 7.4)
 * with a backtracking (Armijo) line search: a deterministic minimiser of a
 * smooth function of many variables, for fitting regularised models.
 *
 * @module
 */

/** Options of {@linkcode minimize}. */
export interface MinimizeOptions {
  /** Iterations at most. @default 500 */
  maxIterations?: number;
  /** Stop when the gradient's largest component is below this. @default 1e-6 */
  tolerance?: number;
  /** Correction pairs kept. @default 10 */
  memory?: number;
}

/** Result of {@linkcode minimize}. */
export interface MinimizeResult {
  x: Float64Array;
  value: number;
  iterations: number;
  /** True when the gradient tolerance was met. */
  converged: boolean;
}

/**
 * Minimises `f`, which returns the value at `x` and writes the gradient into
 * `grad`. The same function and start give the same result.
 *
 * @example A quadratic bowl
 * ```ts
 * import { minimize } from "./lbfgs.ts";
 * import { ok } from "node:assert/strict";
 *
 * const r = minimize((x, g) => {
 *   g[0] = 2 * (x[0] - 3);
 *   g[1] = 20 * (x[1] + 1);
 *   return (x[0] - 3) ** 2 + 10 * (x[1] + 1) ** 2;
 * }, new Float64Array(2));
 * ok(r.converged && Math.abs(r.x[0] - 3) < 1e-5 && Math.abs(r.x[1] + 1) < 1e-5);
 * ```
 */
export function minimize(
  f: (x: Float64Array, grad: Float64Array) => number,
  x0: Float64Array,
  options: MinimizeOptions = {},
): MinimizeResult {
  const { maxIterations = 500, tolerance = 1e-6, memory = 10 } = options;
  const n = x0.length;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let value = f(x, g);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  const d = new Float64Array(n);
  const alpha = new Float64Array(memory);
  const maxAbs = (v: Float64Array) => v.reduce((m, e) => Math.max(m, Math.abs(e)), 0);
  const dot = (a: Float64Array, b: Float64Array) => {
    let t = 0;
    for (let i = 0; i < n; i++) t += a[i] * b[i];
    return t;
  };
  let iterations = 0;
  while (iterations < maxIterations && maxAbs(g) > tolerance) {
    iterations++;
    // Two-loop recursion: d = -H g.
    for (let i = 0; i < n; i++) d[i] = -g[i];
    for (let k = s.length - 1; k >= 0; k--) {
      alpha[k] = rho[k] * dot(s[k], d);
      for (let i = 0; i < n; i++) d[i] -= alpha[k] * y[k][i];
    }
    if (s.length > 0) {
      const last = s.length - 1;
      const gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
      for (let i = 0; i < n; i++) d[i] *= gamma;
    }
    for (let k = 0; k < s.length; k++) {
      const beta = rho[k] * dot(y[k], d);
      for (let i = 0; i < n; i++) d[i] += s[k][i] * (alpha[k] - beta);
    }
    let slope = dot(g, d);
    if (!(slope < 0)) {
      // Not a descent direction: restart from steepest descent.
      s.length = y.length = rho.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i];
      slope = dot(g, d);
    }
    // Backtracking line search (Armijo condition, c = 1e-4).
    let step = s.length === 0 ? Math.min(1, 1 / Math.max(1e-12, maxAbs(g))) : 1;
    const xNew = new Float64Array(n);
    const gNew = new Float64Array(n);
    let valueNew = Infinity;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + step * d[i];
      valueNew = f(xNew, gNew);
      if (valueNew <= value + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(valueNew <= value)) break; // no progress possible
    const sk = new Float64Array(n);
    const yk = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      sk[i] = xNew[i] - x[i];
      yk[i] = gNew[i] - g[i];
    }
    const sy = dot(sk, yk);
    if (sy > 1e-12) {
      if (s.length === memory) {
        s.shift();
        y.shift();
        rho.shift();
      }
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
    }
    const improvement = value - valueNew;
    x = xNew;
    g = gNew;
    value = valueNew;
    if (improvement <= 1e-12 * Math.max(1, Math.abs(value))) break;
  }
  return { x, value, iterations, converged: maxAbs(g) <= tolerance };
}
