/**
 * Clause numbers within a sentence, for clause-local span sentiment. A strong
 * boundary is a semicolon, colon, dash, bracket, or a clause-opening word
 * ("but", "while", "who", "which", "although", ...); a weak boundary is a comma
 * or a quote mark (an apposition or a quotation inside the same clause is
 * common in news: "Gardner, in a series of tweets, threatened to retaliate").
 *
 * @module
 */
import type { Token } from "../token.ts";
import { CLAUSE_OPENERS, CLAUSE_PUNCTUATION, QUOTE_MARKS } from "./rules.ts";

/** Clause numbers of each token of a sentence, counting two kinds of boundary. */
export interface Clauses {
  /** Clause number per token counting every boundary. */
  all: number[];
  /** Clause number per token counting strong boundaries only. */
  strong: number[];
}

const WEAK = new Set([",", ...[...QUOTE_MARKS].filter((q) => q !== "'")]);

/**
 * The clause numbers of the tokens in `[from, to)` (index `i - from`), from 0
 * at the sentence start.
 *
 * @example
 * ```ts
 * import { clauseNumbers } from "./clauses.ts";
 * import { tokenizeText } from "@framing/toolkit";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const { tokens } = tokenizeText("Kyiv won, but Moscow lost");
 * const c = clauseNumbers(tokens, 0, tokens.length);
 * deepStrictEqual(c.all, [0, 0, 1, 1, 1, 1]);
 * deepStrictEqual(c.strong, [0, 0, 0, 1, 1, 1]);
 * ```
 */
export function clauseNumbers(tokens: readonly Token[], from: number, to: number): Clauses {
  const all: number[] = [];
  const strong: number[] = [];
  let a = 0;
  let s = 0;
  let afterAny = true;
  let afterStrong = true;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    const isStrongPunct = CLAUSE_PUNCTUATION.has(t.text) && t.text !== ",";
    if (isStrongPunct || WEAK.has(t.text)) {
      if (!afterAny) a++;
      afterAny = true;
      if (isStrongPunct) {
        if (!afterStrong) s++;
        afterStrong = true;
      }
    } else {
      const opener = CLAUSE_OPENERS.has(t.lower);
      if (opener && !afterAny) a++;
      if (opener && !afterStrong) s++;
      afterAny = opener;
      afterStrong = opener;
    }
    all.push(a);
    strong.push(s);
  }
  return { all, strong };
}
