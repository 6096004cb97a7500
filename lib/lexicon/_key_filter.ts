/**
 * Private: a set of texts as a bit array indexed by a cheap hash of each
 * text. A text whose bit is clear is not in the set; a set bit may belong to
 * another text, so a hit must still be looked up. The matchers test every
 * token against such a filter first: most tokens start nothing in a
 * lexicon, and testing a number kept per token costs far less than hashing
 * a fresh string into a `Map` or `Set`.
 *
 * @module
 */

/** Bits of a {@link keyHash}; a {@link keyFilter} holds `2 ** FILTER_BITS` bits (8 KiB). */
const FILTER_BITS = 16;

/**
 * FNV-1a hash of a text's UTF-16 code units, folded to `FILTER_BITS` bits.
 *
 * @example
 * ```ts
 * import { keyHash } from "./_key_filter.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(keyHash("coal"), keyHash("co" + "al"));
 * strictEqual(keyHash("coal") < 2 ** 16, true);
 * ```
 */
export function keyHash(text: string): number {
  return foldHash(hashState(text));
}

/** The FNV-1a offset basis: the state of the empty text. */
export const HASH_START = 0x811c9dc5;

/**
 * The FNV-1a state after the code units of `text`, continuing from `state`:
 * `foldHash(hashState(b, hashState(a)))` is `keyHash(a + b)`, so a text
 * that grows piece by piece is hashed without hashing it again whole.
 *
 * @example
 * ```ts
 * import { foldHash, hashState, keyHash } from "./_key_filter.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(foldHash(hashState("al", hashState("co"))), keyHash("coal"));
 * ```
 */
export function hashState(text: string, state: number = HASH_START): number {
  let h = state;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return h;
}

/** A {@linkcode hashState} folded to a {@linkcode keyHash}. */
export function foldHash(state: number): number {
  return (state ^ (state >>> FILTER_BITS)) & ((1 << FILTER_BITS) - 1);
}

/**
 * The filter of a set of texts.
 *
 * @example
 * ```ts
 * import { inFilter, keyFilter, keyHash } from "./_key_filter.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const filter = keyFilter(["coal", "gas"]);
 * strictEqual(inFilter(filter, keyHash("gas")), true);
 * strictEqual(inFilter(filter, -1), false);
 * ```
 */
export function keyFilter(texts: Iterable<string>): Uint32Array {
  const bits = new Uint32Array((1 << FILTER_BITS) / 32);
  for (const text of texts) {
    const h = keyHash(text);
    bits[h >>> 5] |= 1 << (h & 31);
  }
  return bits;
}

/** True when a text with this {@link keyHash} may be in the filter; -1 (no text) is in none. */
export function inFilter(bits: Uint32Array, hash: number): boolean {
  return hash >= 0 && (bits[hash >>> 5] & (1 << (hash & 31))) !== 0;
}
