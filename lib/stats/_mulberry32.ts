/**
 * Private: the steps of the Mulberry32 generator, for loops that keep its
 * state in a local variable instead of calling the closure `mulberry32`
 * returns (the bootstrap draws millions of numbers in a corpus run).
 *
 * @module
 */

/** What Mulberry32 adds to its state at each step (modulo 2³²). */
export const MULBERRY32_INCREMENT = 0x6d2b79f5;

/**
 * The initial state of `mulberry32` (random.ts) for a seed.
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
 * The number in `[0, 1)` that `mulberry32` (random.ts) yields for a state, the
 * state already advanced by {@linkcode MULBERRY32_INCREMENT}. For hot loops
 * that keep the state in a local variable instead of calling a closure (the
 * bootstrap draws millions of numbers in a corpus run).
 *
 * @example The same numbers as the closure
 * ```ts
 * import { MULBERRY32_INCREMENT, mulberry32Output, mulberry32Seed } from "./_mulberry32.ts";
 * import { mulberry32 } from "./random.ts";
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
