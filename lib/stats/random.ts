/**
 * Seeded pseudo-random numbers, so that every resampling result can be
 * reproduced from its seed.
 *
 * @module
 */
import { MULBERRY32_INCREMENT, mulberry32Output, mulberry32Seed } from "./_mulberry32.ts";

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

/**
 * A 32-bit seed from a string (FNV-1a), for deriving one stream per group
 * from a base seed so results do not depend on the order groups are processed in.
 *
 * @example
 * ```ts
 * import { seedFrom } from "@framing/toolkit/stats";
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
