/**
 * Private: the per-voice word counts of an analysed article as a plain
 * object, built without V8's slow path for objects with many distinct keys.
 *
 * @module
 */

/**
 * The counts of `words` as a plain object with the same keys in the same
 * order as `Object.fromEntries(words)` (integer-like keys first, ascending,
 * as for every object), and the same prototype.
 *
 * Why not `Object.fromEntries`: each new key added to an ordinary object
 * makes V8 derive a new hidden class from the object's last one, so the
 * vocabularies of a corpus, thousands of distinct words in ever new orders,
 * grow a tree of hidden classes that cost a twentieth of a corpus run to
 * build. An object put in dictionary mode first (one property added and
 * deleted) stores its keys in a hash table instead.
 *
 * @example
 * ```ts
 * import { countsObject } from "./_word_counts.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const words = new Map([["gas", 2], ["2023", 1], ["__proto__", 1]]);
 * deepStrictEqual(countsObject(words), Object.fromEntries(words));
 * ```
 */
export function countsObject(words: ReadonlyMap<string, number>): Record<string, number> {
  const out: Record<string, number> = { dictionaryMode: 0 };
  delete out.dictionaryMode;
  for (const [word, n] of words) {
    // An assignment to "__proto__" would set the prototype; fromEntries defines a property.
    if (word === "__proto__") {
      Object.defineProperty(out, word, {
        value: n,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else out[word] = n;
  }
  return out;
}
