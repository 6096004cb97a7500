/**
 * Where each sentiment word of a span's sentence stands relative to the span:
 * inside it, how many words away, across how many clause boundaries, and
 * whether the span is the target of a negative act. `spanSentiment` weighs
 * the words from these facts.
 *
 * @module
 */
import type { Token } from "../token.ts";
import type { ResolvedSentimentOptions, ResolvedSpanSentimentOptions } from "./options.ts";
import { clauseNumbers, type Clauses } from "./clauses.ts";
import { CLAUSE_OPENERS } from "./rules.ts";
import { type Contribution, sentenceContributions, tokenRange } from "./valence.ts";
import { isWord } from "../metrics/word_count.ts";

/** A sentiment word of the span's sentence and its position relative to the span. */
export interface SpanWord {
  /** The word's sentence-level contribution (VADER's rules applied). */
  contribution: Contribution;
  /** The word overlaps the span. */
  inSpan: boolean;
  /** Words between the word and the span (0 when adjacent or inside). */
  distance: number;
  /** Strong clause boundaries (semicolon, dash, bracket, clause opener) between them. */
  strong: number;
  /** Weak boundaries (comma, quote mark) between them, beyond the strong ones. */
  weak: number;
  /**
   * A negative verb in the span's clause whose object, or passive subject,
   * the span is: the span is the act's target.
   */
  roleTarget: boolean;
}

/** The span's sentence and the placed sentiment words. */
export interface SpanContext {
  /** Token range `[from, to)` of the span's sentence. */
  from: number;
  to: number;
  words: SpanWord[];
}

const PASSIVE_AUX = new Set(["be", "get"]);

/**
 * Places the sentiment words of the sentence of `[spanFrom, spanTo)` (token
 * indexes) relative to the span.
 *
 * @example
 * ```ts
 * import { spanContext } from "./span_context.ts";
 * import { SentimentOptions } from "./options.ts";
 * import { tokenizeText } from "@framing/toolkit";
 * import { ok, strictEqual } from "node:assert/strict";
 *
 * const { tokens } = tokenizeText("Smith is brave, but Jones lied.");
 * const ctx = spanContext(tokens, [0, 1], SentimentOptions.parse({}));
 * strictEqual(ctx.words.length, 2);
 * ok(ctx.words[0].strong === 0 && ctx.words[1].strong === 1);
 * ```
 */
export function spanContext(
  tokens: readonly Token[],
  [spanFrom, spanTo]: [number, number],
  opts: ResolvedSentimentOptions,
): SpanContext {
  const sentence = tokens[spanFrom].sentence;
  let from = spanFrom;
  while (from > 0 && tokens[from - 1].sentence === sentence) from--;
  let to = spanFrom;
  while (to < tokens.length && tokens[to].sentence === sentence) to++;

  const { clauses, wordIndex } = sentenceFrame(tokens, from, to);
  const at = (i: number) => wordIndex[Math.min(i, to - 1) - from];
  const spanEnd = Math.min(spanTo, to);
  const spanFirstWord = at(spanFrom);
  const spanLastWord = at(spanEnd - 1);
  const spanAll = new Set(clauses.all.slice(spanFrom - from, spanEnd - from));
  const spanStrong = new Set(clauses.strong.slice(spanFrom - from, spanEnd - from));
  const nearest = (set: Set<number>, x: number) => {
    let best = Infinity;
    for (const v of set) best = Math.min(best, Math.abs(v - x));
    return best;
  };

  // "Gardner, in a series of tweets, threatened ...": a verbless aside right
  // after the span does not separate the span from its predicate.
  let asideEnd = -1;
  if (tokens[spanEnd]?.text === ",") {
    for (let j = spanEnd + 1; j < Math.min(to, spanEnd + 10); j++) {
      const pos = tokens[j].pos;
      if (pos === "VERB" || pos === "AUX" || CLAUSE_OPENERS.has(tokens[j].lower)) break;
      if (tokens[j].text === ",") {
        asideEnd = j;
        break;
      }
    }
  }

  const words = sentenceContributions(tokens, from, to, opts).map((c): SpanWord => {
    const inSpan = c.tokenStart < spanEnd && c.tokenEnd > spanFrom;
    if (inSpan) {
      return { contribution: c, inSpan, distance: 0, strong: 0, weak: 0, roleTarget: false };
    }
    const before = c.tokenEnd <= spanFrom;
    const distance = Math.max(
      0,
      before ? spanFirstWord - at(c.tokenEnd - 1) - 1 : at(c.tokenStart) - spanLastWord - 1,
    );
    const strong = nearest(spanStrong, clauses.strong[c.tokenStart - from]);
    let weak = Math.max(0, nearest(spanAll, clauses.all[c.tokenStart - from]) - strong);
    if (asideEnd >= 0 && c.tokenStart > asideEnd) weak = Math.max(0, weak - 2);
    let roleTarget = false;
    if (strong + weak === 0 && c.weight < 0 && tokens[c.tokenStart].pos === "VERB") {
      const passive = !before && [1, 2].some((k) => {
        const j = c.tokenStart - k;
        return j > spanEnd - 1 && PASSIVE_AUX.has(tokens[j].lemma);
      });
      roleTarget = before || passive;
    }
    return { contribution: c, inSpan, distance, strong, weak, roleTarget };
  });
  return { from, to, words };
}

/**
 * The rule scorer's factor on a placed word; the rules that made it are
 * pushed onto `rules` when given: `in-span` (factor 1), else `distance`
 * (`0.5 ^ (d / halfDistance)`), `clause` (`clauseFactor` per strong,
 * `commaFactor` per weak boundary) or `role-target` (`targetRoleFactor`).
 * `spanSentiment` with `model: "rules"` and the trained model's rule
 * features both use it.
 *
 * @example
 * ```ts
 * import { ruleFactor, spanContext } from "./span_context.ts";
 * import { SpanSentimentOptions } from "./options.ts";
 * import { tokenizeText } from "@framing/toolkit";
 * import { deepStrictEqual, ok } from "node:assert/strict";
 *
 * const opts = SpanSentimentOptions.parse({});
 * const { tokens } = tokenizeText("Smith is brave, but Jones lied.");
 * const [brave, lied] = spanContext(tokens, [0, 1], opts).words;
 * const rules: string[] = [];
 * ok(Math.abs(ruleFactor(brave, opts, rules) - Math.pow(0.5, 1 / 12)) < 1e-12);
 * deepStrictEqual(rules, ["distance"]);
 * ok(ruleFactor(lied, opts) < 0.1);
 * ```
 */
export function ruleFactor(
  w: SpanWord,
  opts: ResolvedSpanSentimentOptions,
  rules?: string[],
): number {
  if (w.inSpan) {
    rules?.push("in-span");
    return 1;
  }
  let factor = 1;
  if (w.distance > 0) {
    factor *= Math.pow(0.5, w.distance / opts.halfDistance);
    rules?.push("distance");
  }
  if (w.strong + w.weak > 0) {
    factor *= Math.pow(opts.clauseFactor, w.strong) * Math.pow(opts.commaFactor, w.weak);
    rules?.push("clause");
  } else if (w.roleTarget) {
    factor *= opts.targetRoleFactor;
    rules?.push("role-target");
  }
  return factor;
}

/** What every span of one sentence is placed against. */
export interface SentenceFrame {
  clauses: Clauses;
  /** Words before each token of the sentence (index `i - from`). */
  wordIndex: Int32Array;
}

/** Frames per token array, per sentence start: an actor's mentions in one sentence share it. */
const FRAMES = new WeakMap<readonly Token[], Map<number, SentenceFrame>>();

/**
 * The clause numbers and word numbers of the sentence `[from, to)`, worked
 * out once per token array and sentence (shared by the sentence's spans).
 *
 * @example
 * ```ts
 * import { sentenceFrame } from "./span_context.ts";
 * import { tokenizeText } from "@framing/toolkit";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const { tokens } = tokenizeText("Kyiv won, but Moscow lost");
 * const frame = sentenceFrame(tokens, 0, tokens.length);
 * deepStrictEqual([...frame.wordIndex], [0, 1, 2, 2, 3, 4]);
 * deepStrictEqual(frame.clauses.strong, [0, 0, 0, 1, 1, 1]);
 * ```
 */
export function sentenceFrame(
  tokens: readonly Token[],
  from: number,
  to: number,
): SentenceFrame {
  let frames = FRAMES.get(tokens);
  if (!frames) FRAMES.set(tokens, frames = new Map());
  let frame = frames.get(from);
  if (!frame || frame.wordIndex.length !== to - from) {
    const wordIndex = new Int32Array(to - from);
    let count = 0;
    for (let i = from; i < to; i++) {
      wordIndex[i - from] = count;
      if (isWord(tokens[i])) count++;
    }
    frame = { clauses: clauseNumbers(tokens, from, to), wordIndex };
    frames.set(from, frame);
  }
  return frame;
}

/** Token range of a character span (re-exported for the span scorer). */
export { tokenRange };
