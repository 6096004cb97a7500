/**
 * The denominator of every "per 1,000 tokens" rate: word-like tokens.
 *
 * @module
 */
import type { Token } from "../token.ts";
import type { Voice } from "../voice.ts";

/** wink-nlp token types that are not words: they never count towards rates. */
export const NON_WORD_TYPES: ReadonlySet<string> = new Set([
  "punctuation",
  "symbol",
  "currency",
  "tabCRLF",
]);

/**
 * Whether a token counts as a word for rates: any token whose type is not
 * punctuation, symbol, currency sign or line break, and whose text is not
 * blank (words, numbers, ordinals, emoji, emoticons, hashtags, URLs ...).
 *
 * @example
 * ```ts
 * import { isWord } from "./word_count.ts";
 * import { tokenizeText } from "@framing/toolkit";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const { tokens } = tokenizeText("It costs $5, ok?");
 * deepStrictEqual(tokens.filter(isWord).map((t) => t.text), ["It", "costs", "5", "ok"]);
 * ```
 */
export function isWord(token: Token): boolean {
  if (NON_WORD_TYPES.has(token.type)) return false;
  // A text that starts with a printable ASCII character other than a space is
  // not blank: known without trimming it (the metrics ask for every token).
  const first = token.text.charCodeAt(0);
  return (first > 32 && first < 127) || token.text.trim() !== "";
}

/**
 * Counts the word tokens, in one voice or in all.
 *
 * @param tokens Tokens of a text.
 * @param voice Count only tokens of this voice. @default undefined (all voices)
 * @returns The number of word tokens.
 *
 * @example
 * ```ts
 * import { countWords } from "./word_count.ts";
 * import { tokenizeText } from "@framing/toolkit";
 * import { strictEqual } from "node:assert/strict";
 *
 * const { tokens } = tokenizeText("Coal-fired plants, again :)");
 * strictEqual(countWords(tokens), 5); // Coal fired plants again :)
 * strictEqual(countWords(tokens, "quote"), 0);
 * ```
 */
export function countWords(tokens: readonly Token[], voice?: Voice): number {
  let n = 0;
  for (const t of tokens) {
    if ((voice === undefined || t.voice === voice) && isWord(t)) n++;
  }
  return n;
}

/**
 * The word tokens of each voice, in one pass: `countWords(tokens, voice)`
 * for every voice at once (the rate tables ask for four voices each).
 *
 * @param tokens Tokens of a text.
 * @returns Voice → number of word tokens (voices without words are absent).
 *
 * @example
 * ```ts
 * import { countWords, countWordsByVoice } from "./word_count.ts";
 * import { tokenizeText } from "@framing/toolkit";
 * import { strictEqual } from "node:assert/strict";
 *
 * const { tokens } = tokenizeText("Coal-fired plants, again :)");
 * strictEqual(countWordsByVoice(tokens).get("body"), countWords(tokens, "body"));
 * strictEqual(countWordsByVoice(tokens).get("quote"), undefined);
 * ```
 */
export function countWordsByVoice(tokens: readonly Token[]): Map<Voice, number> {
  const counts = new Map<Voice, number>();
  for (const t of tokens) if (isWord(t)) counts.set(t.voice, (counts.get(t.voice) ?? 0) + 1);
  return counts;
}
