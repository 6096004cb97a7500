/**
 * Private: noun-phrase and sentence bounds around a mention, from the
 * model's POS tags (shared by the role rules and the frame rules).
 *
 * @module
 */
import type { Token } from "../token.ts";
import { QUOTE_MARKS } from "../sentiment/rules.ts";

/** Token range `[from, to)` of the sentence of token `i`. */
export function sentenceBounds(tokens: readonly Token[], i: number): [number, number] {
  const s = tokens[i].sentence;
  let from = i;
  while (from > 0 && tokens[from - 1].sentence === s) from--;
  let to = i;
  while (to < tokens.length && tokens[to].sentence === s) to++;
  return [from, to];
}

/** Tags that may stand inside a noun phrase before its head. */
const NP_LEFT = new Set(["DET", "ADJ", "NUM", "NOUN", "PROPN"]);

/** True for a possessive marker token (`'s`, `’s`, a lone apostrophe after a plural). */
export function isPossessiveMarker(t: Token): boolean {
  return t.pos === "PART" && /^['’]s?$/.test(t.lower);
}

/** True for a quote mark token. */
export function isQuote(t: Token): boolean {
  return QUOTE_MARKS.has(t.text);
}

/**
 * The noun phrase around the tokens `[start, end)`: to the left over
 * determiners, adjectives, numbers, nouns, possessive markers and quote
 * marks (at most 6 tokens); to the right over nouns (and adjectives or proper nouns
 * before a noun) that head the phrase ("Kazakh authorities"), at most 4 tokens.
 */
export function nounPhrase(
  tokens: readonly Token[],
  start: number,
  end: number,
  [from, to]: [number, number],
): [number, number] {
  let a = start;
  while (
    a > from && start - a < 6 &&
    (NP_LEFT.has(tokens[a - 1].pos) || isPossessiveMarker(tokens[a - 1]) || isQuote(tokens[a - 1]))
  ) a--;
  // A quote mark that opens the phrase belongs to it only when it closes after it.
  while (a < start && isQuote(tokens[a]) && !(end < to && isQuote(tokens[end]))) a++;
  let b = end;
  if (b < to && isQuote(tokens[b]) && a < start && isQuote(tokens[a])) b++;
  if (!(end > start && isPossessiveMarker(tokens[end - 1]))) {
    let k = b;
    while (k < to && k - b < 4) {
      const p = tokens[k].pos;
      if (p === "NOUN") k++;
      else if (p === "PROPN" && tokens[k + 1]?.pos === "NOUN" && k + 1 < to) k++;
      else if (p === "ADJ" && tokens[k + 1]?.pos === "NOUN" && k + 1 < to) k++;
      else break;
      if (tokens[k - 1].pos === "NOUN") b = k;
    }
  }
  return [a, b];
}

/** Index of the last noun of `[a, b)`, or `b - 1` when there is none. */
export function headOf(tokens: readonly Token[], a: number, b: number): number {
  for (let k = b - 1; k >= a; k--) {
    const p = tokens[k].pos;
    if (p === "NOUN" || p === "PROPN" || p === "PRON") return k;
  }
  return b - 1;
}
