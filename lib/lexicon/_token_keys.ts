/**
 * Private: the match keys of each token of a token array (lower-cased text,
 * lemmas, hashes for the key filters, neighbour facts), computed once per
 * array and shared by every lexicon matched against it and by the actor
 * matcher.
 *
 * @module
 */
import type { Token } from "../token.ts";
import { keyHash } from "./_key_filter.ts";
import { normaliseKey } from "./schema.ts";

/**
 * The match keys of each token of a token array, and the facts the matcher
 * reads about its neighbours, in flat arrays. Every lexicon matched against
 * the same array (topics, stance, reporting verbs) shares them.
 */
export interface TokenKeys {
  /** Raw text, curly apostrophes straightened. */
  raw: string[];
  /** Lower-cased `raw`. */
  lower: string[];
  /** Lower-cased lemma, apostrophes straightened. */
  lemma: string[];
  /** Lemmas to try besides `lower` (see {@link lemmaKeys}). */
  lemmas: string[][];
  sentence: Int32Array;
  /** 1 when the token starts where the one before ends, in the same sentence. */
  touches: Uint8Array;
  /** 1 when a wildcard may end on the token (it is a word, not punctuation). */
  word: Uint8Array;
  /**
   * Per token, four `keyHash`es (or -1): of `lower`, of `raw` when it differs,
   * and of up to two `lemmas` (`lemmaKeys` gives at most two).
   */
  hashes: Int32Array;
}

/**
 * Keyed by the token array: callers pass one (readonly) array to several
 * lexicons in a row. The length check guards against an array grown in place.
 */
const keyCache = new WeakMap<readonly Token[], TokenKeys>();

/**
 * The keys of a token array, from the cache when the array was seen before.
 * The array is treated as immutable.
 *
 * @example
 * ```ts
 * import { tokenKeys } from "./_token_keys.ts";
 * import { tokenizeText } from "@framing/toolkit";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const { tokens } = tokenizeText("Sanctions were lifted.");
 * const keys = tokenKeys(tokens);
 * deepStrictEqual(keys.lower, ["sanctions", "were", "lifted", "."]);
 * deepStrictEqual(keys.lemmas[0], ["sanction"]);
 * strictEqual(tokenKeys(tokens), keys);
 * ```
 */
export function tokenKeys(tokens: readonly Token[]): TokenKeys {
  const cached = keyCache.get(tokens);
  if (cached && cached.raw.length === tokens.length) return cached;
  const n = tokens.length;
  const keys: TokenKeys = {
    raw: new Array(n),
    lower: new Array(n),
    lemma: new Array(n),
    lemmas: new Array(n),
    sentence: new Int32Array(n),
    touches: new Uint8Array(n),
    word: new Uint8Array(n),
    hashes: new Int32Array(4 * n).fill(-1),
  };
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const raw = straight(t.text);
    const lower = raw.toLowerCase();
    // Many tokens are their own lemma ("the", ","): reuse the lower-cased text.
    const lemma = t.lemma === t.text ? lower : straight(t.lemma).toLowerCase();
    keys.raw[i] = raw;
    keys.lower[i] = lower;
    keys.lemma[i] = lemma;
    const lemmas = lemmaKeys(t, lower, lemma);
    keys.lemmas[i] = lemmas;
    keys.hashes[4 * i] = keyHash(lower);
    if (raw !== lower) keys.hashes[4 * i + 1] = keyHash(raw);
    for (let k = 0; k < lemmas.length && k < 2; k++) {
      keys.hashes[4 * i + 2 + k] = keyHash(lemmas[k]);
    }
    keys.sentence[i] = t.sentence;
    keys.touches[i] = i > 0 && t.start === tokens[i - 1].end &&
        t.sentence === tokens[i - 1].sentence
      ? 1
      : 0;
    keys.word[i] = NON_WORD_TYPES.has(t.type) ? 0 : 1;
  }
  keyCache.set(tokens, keys);
  return keys;
}

/** `normaliseKey(text, true)`, without running a regular expression over the many texts with no curly apostrophe. */
function straight(text: string): string {
  return text.includes("\u2018") || text.includes("\u2019") ? normaliseKey(text, true) : text;
}

const NON_WORD_TYPES = new Set(["punctuation", "symbol", "tabCRLF", "currency"]);
/** No further lemmas. */
export const NO_LEMMAS: readonly string[] = [];

/**
 * Lemmas to try for a token besides its lower-cased text. The model's lemma
 * when it differs from the text; otherwise, for a capitalised token (the
 * model leaves words it tags as proper nouns unlemmatised: "Sanctions" at the
 * start of a sentence, "Power Plants" in a headline), the regular English
 * inflections stripped off: -s, -es, -ies, -ed, -ing, -men.
 */
function lemmaKeys(token: Token, lower: string, lemma: string): string[] {
  if (lemma !== lower) return [lemma];
  if (lower.length < 4 || !capitalised(token.text)) return NO_LEMMAS as string[];
  const out: string[] = [];
  const strip = (suffix: string, add = ""): void => {
    if (lower.endsWith(suffix) && lower.length - suffix.length >= 2) {
      out.push(lower.slice(0, lower.length - suffix.length) + add);
    }
  };
  if (lower.endsWith("ies")) strip("ies", "y");
  else if (lower.endsWith("men")) strip("men", "man");
  else if (lower.endsWith("s") && !lower.endsWith("ss")) {
    strip("s");
    if (lower.endsWith("es")) strip("es");
  } else if (lower.endsWith("ed")) {
    strip("d");
    strip("ed");
  } else if (lower.endsWith("ing")) {
    strip("ing", "e");
    strip("ing");
  }
  return out;
}

/** True when the first character of `text` changes when lower-cased. */
function capitalised(text: string): boolean {
  const code = text.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90; // ASCII: A-Z, without allocating a string
  const first = text.charAt(0);
  return first !== first.toLowerCase();
}
