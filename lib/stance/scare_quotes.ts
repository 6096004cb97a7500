/**
 * Scare quotes: one to four words in quote marks that are not a quotation of
 * speech, a title or a name (the writer holding a word at arm's length:
 * the “historic” visit, “loyalty”).
 *
 * How a quoted stretch is read, in order:
 * 1. Pairs of marks on one line: “…”, «…», „…“ or „…”, ‘…’ (the opening mark
 *    after a space or line start, the closing one not followed by a letter,
 *    so apostrophes are not taken for quotes), and straight "…" paired left
 *    to right within a line. Straight single quotes are not read (too often
 *    apostrophes).
 * 2. Words: whitespace-separated chunks of the inner text that hold a letter
 *    or a digit; a stretch of 1 to `maxWords` words is a candidate.
 * 3. Speech, not a scare quote: the inner text ends in "!", "?" or an
 *    ellipsis (a quoted utterance or slogan); a speech verb ("said",
 *    "stated", ...) stands among the two words before the opening mark or the
 *    three words after the closing one (eight when the inner text ends in a
 *    comma: `“…,” one of them told reporters`), in the same sentence
 *    (punctuation in between is skipped: `he said: “…”`, `“…”, he said`); or
 *    a colon stands right before the opening mark.
 * 4. A title or a name, not a scare quote: the mark follows "called",
 *    "named", "entitled", "titled", "dubbed" or "nicknamed" directly; or
 *    every word starts with a capital letter, where the first word is not
 *    the first of its sentence (there the capital says nothing, and the
 *    model's tag decides: a proper noun is a name). "so-called" before the
 *    mark overrides this rule: it marks distance itself, and the stretch is
 *    kept with `soCalled: true`.
 *
 * A quoted name used ironically (the “Family”) is therefore missed; a verb
 * such as "called" further away ("Tokayev called the visit “historic”") does
 * not exclude a stretch. The voice and sentence of a stretch are those of the
 * token just before the opening mark on the same line (a scare quote is the
 * surrounding writer's act), else of the first token inside.
 *
 * @module
 */
import { z } from "zod";
import type { Token } from "../token.ts";
import { isWord } from "../metrics/word_count.ts";
import { Voice } from "../voice.ts";

/** One scare-quoted stretch, with offsets into the raw text. */
export const ScareQuote = z.object({
  /** Offset of the opening mark. */
  start: z.number().int().nonnegative(),
  /** Offset just after the closing mark. */
  end: z.number().int().nonnegative(),
  /** The text between the marks, as it stands. */
  inner: z.string(),
  innerStart: z.number().int().nonnegative(),
  innerEnd: z.number().int().nonnegative(),
  /** Number of words inside (chunks between spaces holding a letter or digit). */
  words: z.number().int().positive(),
  /** Tokens inside the marks, `[tokenStart, tokenEnd)` of the token array given. */
  tokenStart: z.number().int().nonnegative(),
  tokenEnd: z.number().int().nonnegative(),
  sentence: z.number().int().nonnegative(),
  voice: Voice,
  /** The opening mark, e.g. "“" or "\"". */
  mark: z.string(),
  /** True when "so-called" (or "so called") stands right before the opening mark. */
  soCalled: z.boolean(),
});
/** One scare-quoted stretch. */
export type ScareQuote = z.infer<typeof ScareQuote>;

/** Why a quoted stretch was not taken for a scare quote. */
export const QuoteRejection = z.enum(["length", "speech", "title_or_name", "no_tokens"]);
/** Why a quoted stretch was not taken for a scare quote. */
export type QuoteRejection = z.infer<typeof QuoteRejection>;

/** Options of {@link findScareQuotes}. */
export interface FindScareQuotesOptions {
  /** Most words a scare quote may hold. @default 4 */
  maxWords?: number;
  /** Lemmas of verbs that introduce speech. @default SPEECH_VERBS */
  speechVerbs?: Iterable<string>;
  /** Keep capitalised stretches (names, titles) too. @default false */
  includeNames?: boolean;
  /** Called with each quoted stretch that was turned down, and why (for audits). @default undefined */
  onRejected?: (span: { start: number; end: number; inner: string }, why: QuoteRejection) => void;
}

/** Lemmas of verbs that introduce a quotation of speech or writing. */
export const SPEECH_VERBS: readonly string[] = [
  "say",
  "tell",
  "state",
  "add",
  "ask",
  "reply",
  "answer",
  "respond",
  "write",
  "declare",
  "announce",
  "exclaim",
  "shout",
  "note",
  "explain",
  "stress",
  "emphasize",
  "emphasise",
  "insist",
  "claim",
  "remark",
  "comment",
  "continue",
  "warn",
  "recall",
  "admit",
  "argue",
  "conclude",
  "promise",
  "vow",
  "assert",
  "proclaim",
  "quote",
  "tweet",
  "post",
  "read",
  "put",
  "sum",
  "summarize",
  "summarise",
  "agree",
  "concede",
  "acknowledge",
  "complain",
]; // deno-fmt-ignore

/** Verbs that, right before the mark, make the quoted words a name or a title. */
const NAMING = new Set(["called", "named", "entitled", "titled", "dubbed", "nicknamed"]);

const PAIRED: Array<[RegExp, string]> = [
  [/“([^“”\n]{1,300})”/g, "“"],
  [/«([^«»\n]{1,300})»/g, "«"],
  [/„([^„“”\n]{1,300})[“”]/g, "„"],
  [/(?<=^|[\s(\[{—–-])‘([^‘’\n]{1,300})’(?!\p{L})/gmu, "‘"],
];

/**
 * Finds scare quotes in a text.
 *
 * @param text The raw text the tokens point into.
 * @param tokens The text's tokens (as from `tokenizeSegments`), in text order.
 * @param options Length limit, speech verbs, names, and a hook for rejected stretches.
 * @returns Scare quotes in text order.
 *
 * @example A quoted evaluative word counts; reported speech does not
 * ```ts
 * import { findScareQuotes } from "./scare_quotes.ts";
 * import { tokenizeText } from "@framing/toolkit";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const text = 'The “historic” visit ended. "We will win," he said.';
 * const quotes = findScareQuotes(text, tokenizeText(text).tokens);
 * deepStrictEqual(quotes.map((q) => [q.inner, q.words]), [["historic", 1]]);
 * ```
 */
export function findScareQuotes(
  text: string,
  tokens: readonly Token[],
  options: FindScareQuotesOptions = {},
): ScareQuote[] {
  const maxWords = options.maxWords ?? 4;
  if (!Number.isInteger(maxWords) || maxWords < 1) {
    throw new RangeError(`Expected maxWords to be a positive integer, got ${maxWords}`);
  }
  const speech = new Set(options.speechVerbs ?? SPEECH_VERBS);
  const out: ScareQuote[] = [];
  for (const pair of quotePairs(text)) {
    const reject = (why: QuoteRejection) => options.onRejected?.(pair, why);
    const words = countWords(pair.inner);
    if (words < 1 || words > maxWords) {
      reject("length");
      continue;
    }
    const innerStart = pair.start + pair.mark.length;
    const innerEnd = innerStart + pair.inner.length;
    const t0 = firstTokenAtOrAfter(tokens, innerStart);
    let t1 = t0;
    while (t1 < tokens.length && tokens[t1].end <= innerEnd) t1++;
    if (t1 === t0) {
      reject("no_tokens");
      continue;
    }
    const before = previousToken(tokens, t0, pair.start);
    const after = firstTokenAtOrAfter(tokens, pair.end);
    const soCalled = isSoCalled(tokens, before);
    if (isSpeech(pair.inner, tokens, before, after, t0, speech)) {
      reject("speech");
      continue;
    }
    if (!soCalled && !options.includeNames && isTitleOrName(tokens, before, t0, t1)) {
      reject("title_or_name");
      continue;
    }
    const context = before >= 0 && !text.slice(tokens[before].end, pair.start).includes("\n")
      ? tokens[before]
      : tokens[t0];
    out.push({
      start: pair.start,
      end: pair.end,
      inner: pair.inner,
      innerStart,
      innerEnd,
      words,
      tokenStart: t0,
      tokenEnd: t1,
      sentence: context.sentence,
      voice: context.voice,
      mark: pair.mark,
      soCalled,
    });
  }
  return out;
}

interface QuotePair {
  start: number;
  end: number;
  inner: string;
  mark: string;
}

/**
 * The pairs of the text seen last: an analysis looks for scare quotes in the
 * same text three times (stance markers, then frames with and without names).
 */
let lastPairs: { text: string; pairs: readonly QuotePair[] } | undefined;

/** All pairs of quote marks on one line, in text order, not nested (read-only). */
function quotePairs(text: string): readonly QuotePair[] {
  if (lastPairs?.text === text) return lastPairs.pairs;
  const pairs = findQuotePairs(text);
  lastPairs = { text, pairs };
  return pairs;
}

function findQuotePairs(text: string): QuotePair[] {
  const pairs: QuotePair[] = [];
  for (const [re, mark] of PAIRED) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      pairs.push({ start, end: start + m[0].length, inner: m[1], mark });
    }
  }
  // Straight double quotes, paired left to right within each line.
  let lineStart = 0;
  for (const line of text.split("\n")) {
    let open = -1;
    for (let i = line.indexOf('"'); i >= 0; i = line.indexOf('"', i + 1)) {
      if (open < 0) open = i;
      else {
        const inner = line.slice(open + 1, i);
        pairs.push({ start: lineStart + open, end: lineStart + i + 1, inner, mark: '"' });
        open = -1;
      }
    }
    lineStart += line.length + 1;
  }
  pairs.sort((a, b) => a.start - b.start);
  // Drop pairs that lie inside an earlier pair (a quote within a quotation).
  const flat: QuotePair[] = [];
  for (const p of pairs) {
    const last = flat[flat.length - 1];
    if (last && p.start < last.end) continue;
    flat.push(p);
  }
  return flat;
}

function countWords(inner: string): number {
  return inner.trim().split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function firstTokenAtOrAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last token ending at or before `offset` (and before token `t0`), or -1. */
function previousToken(tokens: readonly Token[], t0: number, offset: number): number {
  let i = t0 - 1;
  while (i >= 0 && tokens[i].end > offset) i--;
  return i;
}

/** Up to `n` word tokens walking from `from` by `step`, within `sentence`. */
function nearbyWords(
  tokens: readonly Token[],
  from: number,
  step: 1 | -1,
  n: number,
  sentence: number,
): Token[] {
  const found: Token[] = [];
  for (let i = from; i >= 0 && i < tokens.length && found.length < n; i += step) {
    const t = tokens[i];
    if (t.sentence !== sentence) break;
    if (isWord(t)) found.push(t);
    else if (/^[“”«»„‘’"]$/.test(t.text)) break; // another quotation starts
  }
  return found;
}

function isSpeechVerb(t: Token, speech: Set<string>): boolean {
  return speech.has(t.lemma) && (t.pos === "VERB" || t.pos === "AUX");
}

function isSpeech(
  inner: string,
  tokens: readonly Token[],
  before: number,
  after: number,
  t0: number,
  speech: Set<string>,
): boolean {
  if (/(?:[!?]|…|\.\.\.)\s*$/.test(inner)) return true;
  if (before >= 0 && tokens[before].text === ":") return true;
  const sentenceBefore = before >= 0 ? tokens[before].sentence : tokens[t0].sentence;
  if (
    before >= 0 &&
    nearbyWords(tokens, before, -1, 2, sentenceBefore).some((t) => isSpeechVerb(t, speech))
  ) {
    return true;
  }
  if (after < tokens.length && after > 0) {
    // Only words in the sentence of the closing mark.
    const s = tokens[after - 1].sentence;
    if (tokens[after].sentence === s) {
      // `“…,” one of them told reporters`: a comma inside the mark hands over to an attribution.
      const reach = /,\s*$/.test(inner) ? 8 : 3;
      if (nearbyWords(tokens, after, 1, reach, s).some((t) => isSpeechVerb(t, speech))) return true;
    }
  }
  return false;
}

function isSoCalled(tokens: readonly Token[], before: number): boolean {
  if (before < 0) return false;
  const t = tokens[before];
  if (/^so[-\s]?called$/i.test(t.text)) return true;
  if (t.lower === "called" && before > 0) {
    const p = tokens[before - 1];
    if (p.lower === "so" || p.lower === "-") return true;
  }
  return false;
}

function isTitleOrName(tokens: readonly Token[], before: number, t0: number, t1: number): boolean {
  if (before >= 0 && NAMING.has(tokens[before].lower)) return true;
  const words = tokens.slice(t0, t1).filter(isWord);
  if (words.length === 0) return false;
  const capitalised = words.every((t) => /^\p{Lu}/u.test(t.text) || !/\p{L}/u.test(t.text));
  if (!capitalised) return false;
  let i = t0 - 1;
  while (i >= 0 && tokens[i].sentence === words[0].sentence && !isWord(tokens[i])) i--;
  const sentenceStart = i < 0 || tokens[i].sentence !== words[0].sentence;
  if (!sentenceStart) return true;
  // At a sentence start a capital says nothing: a proper noun inside is a name.
  return words.length > 1 || words[0].pos === "PROPN";
}
