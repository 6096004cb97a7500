/**
 * Sentiment toward a span of text (an actor's mention): the words of the
 * span's sentence weighted by closeness to the span, by clause, and by the
 * span's role toward negative acts. Actor scores are built on it.
 *
 * @module
 */
import type { Token } from "../token.ts";
import { InputError } from "../errors.ts";
import {
  type ResolvedSpanSentimentOptions,
  type SentimentResult,
  SpanSentimentOptions,
} from "./options.ts";
import { evidenceOf, normalizeScore, textFromTokens } from "./_score.ts";
import { clauseNumbers } from "./clauses.ts";
import { CLAUSE_OPENERS } from "./rules.ts";
import { isWord, sentenceContributions, tokenRange } from "./valence.ts";

const DEFAULTS = SpanSentimentOptions.parse({});

function resolve(options?: SpanSentimentOptions): ResolvedSpanSentimentOptions {
  if (options === undefined) return DEFAULTS;
  const parsed = SpanSentimentOptions.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError({ file: "<options>", path: issue.path.join(".") }, issue.message);
  }
  return parsed.data;
}

const PASSIVE_AUX = new Set(["be", "get"]);

/**
 * Sentiment toward the character span `[start, end)` on −1..+1.
 *
 * The span's sentence is found from the tokens. Each sentiment word of that
 * sentence contributes its sentence-level weight (VADER's rules, negation,
 * "but", scare quotes: see {@linkcode sentenceSentiment}) times
 * - `0.5 ^ (d / halfDistance)` for a word `d` words away from the span
 *   (rule `distance`; words inside the span count fully, rule `in-span`);
 * - `clauseFactor` per strong clause boundary (semicolon, colon, dash,
 *   bracket, "but", "while", "which", ...) and `commaFactor` per comma or
 *   quote mark between the word and the span (rule `clause`); a verbless
 *   aside right after the span ("Gardner, in a series of tweets, threatened")
 *   does not count;
 * - `targetRoleFactor` when the word is a negative verb in the span's clause
 *   and the span is its object ("sanctions hit Russia") or the subject of its
 *   passive ("Russia was hit"): the span is the act's target, not its agent
 *   (rule `role-target`).
 *
 * The score is `s / √(s² + 15)` of the sum `s` of the evidence weights.
 *
 * @param tokens The text's tokens.
 * @param span Character offsets of the span in the raw text.
 * @param options {@linkcode SpanSentimentOptions}.
 * @throws {RangeError} When no token lies inside the span.
 *
 * @example Two actors of opposite polarity in one sentence
 * ```ts
 * import { spanSentiment } from "./span_sentiment.ts";
 * import { tokenizeText } from "../tokenize.ts";
 * import { ok } from "node:assert/strict";
 *
 * const text = "The brave Smith praised the talks, while the corrupt Jones lied again.";
 * const { tokens } = tokenizeText(text);
 * const smith = spanSentiment(tokens, { start: 10, end: 15 });
 * const jones = spanSentiment(tokens, { start: 53, end: 58 });
 * ok(smith.score > 0 && jones.score < 0);
 * ```
 */
export function spanSentiment(
  tokens: readonly Token[],
  span: { start: number; end: number },
  options?: SpanSentimentOptions,
): SentimentResult {
  if (!(span.end > span.start)) {
    throw new RangeError(`Cannot score an empty span "${span.start}..${span.end}"`);
  }
  const opts = resolve(options);
  const [spanFrom, spanTo] = tokenRange(tokens, span.start, span.end);
  if (spanFrom >= spanTo) {
    throw new RangeError(`No token lies inside the span "${span.start}..${span.end}"`);
  }
  const sentence = tokens[spanFrom].sentence;
  let from = spanFrom;
  while (from > 0 && tokens[from - 1].sentence === sentence) from--;
  let to = spanFrom;
  while (to < tokens.length && tokens[to].sentence === sentence) to++;

  const text = textFromTokens(tokens.slice(from, to));
  const clauses = clauseNumbers(tokens, from, to);
  const wordIndex: number[] = [];
  let count = 0;
  for (let i = from; i < to; i++) {
    wordIndex.push(count);
    if (isWord(tokens[i])) count++;
  }
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

  const evidence = sentenceContributions(tokens, from, to, opts).map((c) => {
    const rules: string[] = [];
    let factor = 1;
    const inSpan = c.tokenStart < spanEnd && c.tokenEnd > spanFrom;
    if (inSpan) {
      rules.push("in-span");
    } else {
      const before = c.tokenEnd <= spanFrom;
      const d = before
        ? spanFirstWord - at(c.tokenEnd - 1) - 1
        : at(c.tokenStart) - spanLastWord - 1;
      if (d > 0) {
        factor *= Math.pow(0.5, d / opts.halfDistance);
        rules.push("distance");
      }
      const strong = nearest(spanStrong, clauses.strong[c.tokenStart - from]);
      let weak = Math.max(0, nearest(spanAll, clauses.all[c.tokenStart - from]) - strong);
      if (asideEnd >= 0 && c.tokenStart > asideEnd) weak = Math.max(0, weak - 2);
      const boundaries = strong + weak;
      if (boundaries > 0) {
        factor *= Math.pow(opts.clauseFactor, strong) * Math.pow(opts.commaFactor, weak);
        rules.push("clause");
      } else if (c.weight < 0 && tokens[c.tokenStart].pos === "VERB") {
        const passive = !before && [1, 2].some((k) => {
          const j = c.tokenStart - k;
          return j > spanEnd - 1 && PASSIVE_AUX.has(tokens[j].lemma);
        });
        if (before || passive) {
          factor *= opts.targetRoleFactor;
          rules.push("role-target");
        }
      }
    }
    return evidenceOf(text, tokens, c, factor, rules);
  });
  const sum = evidence.reduce((s, e) => s + e.weight, 0);
  return { score: normalizeScore(sum), evidence };
}
