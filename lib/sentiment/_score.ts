/**
 * Private helpers: evidence records and the normalisation of a sum of weights.
 *
 * @module
 */
import type { Token } from "../token.ts";
import type { SentimentEvidence } from "./options.ts";
import { EXCLAMATION_INCREMENT, NORMALIZE_ALPHA } from "./rules.ts";
import type { Contribution } from "./valence.ts";

/** VADER's normalisation of a sum of valences onto −1..+1: s / sqrt(s² + 15). */
export function normalizeScore(sum: number, alpha = NORMALIZE_ALPHA): number {
  if (sum === 0) return 0;
  const score = sum / Math.sqrt(sum * sum + alpha);
  return Math.max(-1, Math.min(1, score));
}

/** Rounds to 4 decimals for stable output. */
export function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** An evidence record for a contribution, with an extra factor and rules. */
export function evidenceOf(
  text: (start: number, end: number) => string,
  tokens: readonly Token[],
  c: Contribution,
  factor = 1,
  extraRules: readonly string[] = [],
): SentimentEvidence {
  const start = tokens[c.tokenStart].start;
  const end = tokens[c.tokenEnd - 1].end;
  return {
    start,
    end,
    form: text(start, end),
    lexicon: c.entry.lexicon,
    base: c.entry.weight,
    weight: c.weight * factor,
    rules: [...c.rules, ...extraRules],
  };
}

/**
 * Rebuilds raw text between offsets from tokens `[from, to)` (single spaces
 * where the text had gaps).
 */
export function textFromTokens(
  tokens: readonly Token[],
  from = 0,
  to = tokens.length,
): (start: number, end: number) => string {
  return (start, end) => {
    let out = "";
    let last = -1;
    for (let i = from; i < to; i++) {
      const t = tokens[i];
      if (t.end <= start) continue;
      if (t.start >= end) break;
      if (last >= 0 && t.start > last) out += " ";
      out += t.text;
      last = t.end;
    }
    return out;
  };
}

/**
 * Evidence for exclamation marks among tokens `[from, to)`: VADER adds 0.292
 * per mark (at most 4) in the direction of the words' sum.
 */
export function exclamationEvidence(
  tokens: readonly Token[],
  from: number,
  to: number,
  wordSum: number,
): SentimentEvidence[] {
  const out: SentimentEvidence[] = [];
  forEachExclamation(tokens, from, to, wordSum, (t, n) =>
    out.push({
      start: t.start,
      end: t.end,
      form: t.text,
      lexicon: "rules",
      base: EXCLAMATION_INCREMENT * n,
      weight: Math.sign(wordSum) * EXCLAMATION_INCREMENT * n,
      rules: ["exclamation"],
    }));
  return out;
}

/** The weights of {@linkcode exclamationEvidence}, in order, without the records. */
export function exclamationWeights(
  tokens: readonly Token[],
  from: number,
  to: number,
  wordSum: number,
): number[] {
  const out: number[] = [];
  forEachExclamation(
    tokens,
    from,
    to,
    wordSum,
    (_, n) => out.push(Math.sign(wordSum) * EXCLAMATION_INCREMENT * n),
  );
  return out;
}

/** Each punctuation token with exclamation marks and how many count (at most 4 in all). */
function forEachExclamation(
  tokens: readonly Token[],
  from: number,
  to: number,
  wordSum: number,
  each: (token: Token, marks: number) => void,
): void {
  if (wordSum === 0) return;
  let left = 4;
  for (let i = from; i < to && left > 0; i++) {
    const t = tokens[i];
    if (t.type !== "punctuation" || !t.text.includes("!")) continue;
    const n = Math.min(left, [...t.text].filter((c) => c === "!").length);
    left -= n;
    each(t, n);
  }
}
