/**
 * Seeded pseudo-random numbers, so that every resampling result can be
 * reproduced from its seed.
 *
 * @module
 */

/**
 * Mulberry32 (Tommy Ettinger's 32-bit generator, public domain): fast, small
 * state, good enough for resampling (not for cryptography).
 *
 * @param seed Any integer; it is taken modulo 2³².
 * @returns A function that yields numbers in `[0, 1)`, the same sequence for the same seed.
 * @throws {TypeError} When the seed is not an integer.
 *
 * @example The same seed gives the same sequence
 * ```ts
 * import { mulberry32 } from "./random.ts";
 * import { deepStrictEqual, notDeepStrictEqual, ok } from "node:assert/strict";
 *
 * const a = mulberry32(42), b = mulberry32(42), c = mulberry32(43);
 * const xs = [a(), a(), a()];
 * deepStrictEqual(xs, [b(), b(), b()]);
 * notDeepStrictEqual(xs, [c(), c(), c()]);
 * ok(xs.every((x) => x >= 0 && x < 1));
 * ```
 */
export function mulberry32(seed: number): () => number {
  let state = mulberry32Seed(seed);
  return () => {
    state = (state + MULBERRY32_INCREMENT) >>> 0;
    return mulberry32Output(state);
  };
}

/** What Mulberry32 adds to its state at each step (modulo 2³²). */
export const MULBERRY32_INCREMENT = 0x6d2b79f5;

/**
 * The initial state of {@linkcode mulberry32} for a seed.
 *
 * @throws {TypeError} When the seed is not an integer.
 */
export function mulberry32Seed(seed: number): number {
  if (!Number.isInteger(seed)) {
    throw new TypeError(
      `Cannot seed the generator with ${JSON.stringify(seed)}: expected an integer`,
    );
  }
  return seed >>> 0;
}

/**
 * The number in `[0, 1)` that {@linkcode mulberry32} yields for a state, the
 * state already advanced by {@linkcode MULBERRY32_INCREMENT}. For hot loops
 * that keep the state in a local variable instead of calling a closure (the
 * bootstrap draws millions of numbers in a corpus run).
 *
 * @example The same numbers as the closure
 * ```ts
 * import { MULBERRY32_INCREMENT, mulberry32, mulberry32Output, mulberry32Seed } from "./random.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const next = mulberry32(7);
 * let state = mulberry32Seed(7);
 * for (let i = 0; i < 3; i++) {
 *   state = (state + MULBERRY32_INCREMENT) >>> 0;
 *   strictEqual(mulberry32Output(state), next());
 * }
 * ```
 */
export function mulberry32Output(state: number): number {
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/**
 * A 32-bit seed from a string (FNV-1a), for deriving one stream per group
 * from a base seed so results do not depend on the order groups are processed in.
 *
 * @example
 * ```ts
 * import { seedFrom } from "./random.ts";
 * import { notStrictEqual, strictEqual } from "node:assert/strict";
 *
 * strictEqual(seedFrom("putin|body"), seedFrom("putin|body"));
 * notStrictEqual(seedFrom("putin|body"), seedFrom("putin|quote"));
 * ```
 */
export function seedFrom(text: string, base = 0): number {
  let h = (0x811c9dc5 ^ (base >>> 0)) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
