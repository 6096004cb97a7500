/**
 * Sentences and tokens through wink-nlp, with offsets into the raw text.
 *
 * wink-nlp reports token texts, not character offsets, so each token is found
 * again in the raw text from a moving cursor. Sentences never cross segments:
 * each segment is read on its own.
 *
 * @module
 */
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { Segment } from "./segment.ts";
import type { Sentence, Token } from "./token.ts";
import type { Voice } from "./voice.ts";

// deno-lint-ignore no-explicit-any
type WinkAny = any;

let nlpInstance: ReturnType<typeof winkNLP> | undefined;

/** The shared wink-nlp instance (loaded once, about 0.1 s). */
export function wink(): ReturnType<typeof winkNLP> {
  nlpInstance ??= winkNLP(model, ["sbd", "negation", "sentiment", "pos"]);
  return nlpInstance;
}

let tokenizerInstance: ReturnType<typeof winkNLP> | undefined;

/**
 * The instance that tokenizes: the same model and pipes as {@linkcode wink}
 * less wink's own sentiment, which no metric reads (it cost about a sixth of
 * `readDoc`). Tokens, sentences, lemmas, POS and negation flags are the same.
 */
function tokenizer(): ReturnType<typeof winkNLP> {
  tokenizerInstance ??= winkNLP(model, ["sbd", "negation", "pos"]);
  return tokenizerInstance;
}

/**
 * Loads the language model that tokenizes, if not loaded yet (about 0.1 s;
 * otherwise the first text tokenized pays for it).
 *
 * @example
 * ```ts
 * import { loadLanguageModel, tokenizeText } from "./tokenize.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * loadLanguageModel();
 * strictEqual(tokenizeText("Loaded.").tokens.length, 2);
 * ```
 */
export function loadLanguageModel(): void {
  tokenizer();
}

/** The language model behind tokens, for provenance records. */
export const LANGUAGE_MODEL = {
  name: "wink-eng-lite-web-model",
  version: "1.8.1",
  library: "wink-nlp",
  libraryVersion: "2.4.0",
} as const;

/** Sentences and tokens of a text. */
export interface Tokens {
  sentences: Sentence[];
  tokens: Token[];
}

/**
 * Splits each segment of `text` into sentences and tokens. Whitespace-only
 * segments yield none.
 *
 * @param text The raw text.
 * @param segments The text's segments, in order.
 * @returns Sentences and tokens in text order, offsets into `text`.
 *
 * @example Offsets point into the raw text
 * ```ts
 * import { tokenizeSegments } from "./tokenize.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const text = "Title\n\nPutin came. He left.";
 * const { sentences, tokens } = tokenizeSegments(text, [
 *   { voice: "title", start: 0, end: 7, rule: "test" },
 *   { voice: "body", start: 7, end: text.length, rule: "test" },
 * ]);
 * strictEqual(sentences.length, 3);
 * strictEqual(text.slice(sentences[2].start, sentences[2].end), "He left.");
 * strictEqual(text.slice(tokens[1].start, tokens[1].end), "Putin");
 * ```
 */
export function tokenizeSegments(text: string, segments: readonly Segment[]): Tokens {
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  segments.forEach((segment, segmentIndex) => {
    const part = text.slice(segment.start, segment.end);
    if (part.trim() === "") return;
    readPart(part, segment.start, segment.voice, segmentIndex, sentences, tokens);
  });
  return { sentences, tokens };
}

/**
 * Splits a plain string into sentences and tokens, all in one voice.
 *
 * @example
 * ```ts
 * import { tokenizeText } from "@framing/toolkit";
 * import { strictEqual } from "node:assert/strict";
 *
 * const { tokens } = tokenizeText("It is not good.");
 * strictEqual(tokens.find((t) => t.lower === "good")?.negated, true);
 * ```
 */
export function tokenizeText(text: string, voice: Voice = "body"): Tokens {
  return tokenizeSegments(text, [{ voice, start: 0, end: text.length, rule: "text" }]);
}

/** Words whose `'s` is a contraction ("it's" = it is) that wink-nlp expands itself. */
const CONTRACTED = new Set([
  "it",
  "that",
  "what",
  "he",
  "she",
  "there",
  "here",
  "who",
  "where",
  "how",
  "let",
  "when",
  "why",
]);

/**
 * Puts a space before a possessive `'s` ("Russia's" → "Russia 's"), the split
 * wink-nlp itself makes on a fresh instance. Without it, wink-nlp 2.4.0 caches
 * a possessive it once read before punctuation ("the children's.") as a single
 * word, and from then on reads every "children's" as one token: the tokens of a
 * text would depend on what was read before it. Only spaces are added, so each
 * token is still found in the raw text and offsets stay exact.
 *
 * @example
 * ```ts
 * import { splitPossessives } from "./tokenize.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(splitPossessives("Russia’s role, it's clear."), "Russia ’s role, it's clear.");
 * strictEqual(splitPossessives("the G7's plan"), "the G7 's plan");
 * ```
 */
export function splitPossessives(text: string): string {
  // The same as `text.replace(/(\p{L}+)(['’][sS])(?![\p{L}\p{N}])/gu, …)`, but
  // that pattern retries `\p{L}+` from every letter of every word (about
  // 60 ms per MB of text). Finding the rare clitic first and walking back over
  // its word costs about 1 ms.
  let out = "";
  let copied = 0;
  let matched = 0; // where the pattern's last match ended: the next word starts after it
  for (const clitic of text.matchAll(CLITIC)) {
    const at = clitic.index;
    const word = text.slice(wordStart(text, at, matched), at);
    if (word === "") continue;
    matched = at + clitic[0].length;
    if (CONTRACTED.has(word.toLowerCase())) continue;
    out += `${text.slice(copied, at)} `;
    copied = at;
  }
  return out === "" ? text : out + text.slice(copied);
}

/**
 * Puts a space between a word and a single quote mark at its edge ("'climate"
 * → "' climate", "‘green’" → "‘ green ’"), the split wink-nlp makes on a fresh
 * instance. Without it, wink-nlp 2.4.0 keeps such a chunk whole once it has
 * learnt it as a word (e.g. from "forest.'We", which it splits at the period
 * only), and from then on reads every "'We" as one token: the
 * tokens of a text would depend on what was read before it. A mark inside a
 * word ("don't", "O'Brien") or before a digit ("'90s") is left alone; only
 * spaces are added, so offsets stay exact.
 *
 * @example
 * ```ts
 * import { splitQuoteMarks } from "./tokenize.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(splitQuoteMarks("'We can't,' said O'Brien of the ‘green’ '90s."),
 *   "' We can't,' said O'Brien of the ‘ green ’ '90s.");
 * strictEqual(splitQuoteMarks("the leaders' views"), "the leaders ' views");
 * strictEqual(splitQuoteMarks("forest.'We said:''Greta"), "forest.' We said:'' Greta");
 * strictEqual(splitQuoteMarks("the U.S.'s plan"), "the U.S.'s plan");
 * ```
 */
export function splitQuoteMarks(text: string): string {
  if (!QUOTE_MARK.test(text)) return text;
  return text.replace(OPENING_QUOTE, "$1 ").replace(CLOSING_QUOTE, " $1");
}

/**
 * The text as wink-nlp should read it: with the spaces that make its tokens
 * independent of the texts it read before ({@linkcode splitEntities},
 * {@linkcode splitAfterAbbreviation}, {@linkcode splitQuoteMarks},
 * {@linkcode splitPossessives}, in that order). Only spaces are added.
 */
function forWink(text: string): string {
  return splitPossessives(splitQuoteMarks(splitAfterAbbreviation(splitEntities(text))));
}

/**
 * Puts a space between an abbreviation's period and a number glued to it
 * ("V.92" → "V. 92"), for the same reason as {@linkcode splitQuoteMarks}:
 * wink-nlp 2.4.0 learns the number from such a chunk as a word, and from then
 * on tags that number as a proper noun wherever it stands. Only spaces are
 * added.
 *
 * @example
 * ```ts
 * import { splitAfterAbbreviation } from "./tokenize.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(splitAfterAbbreviation("a V.92 modem, 3.5 GHz, No.5"), "a V. 92 modem, 3.5 GHz, No. 5");
 * ```
 */
export function splitAfterAbbreviation(text: string): string {
  return text.includes(".") ? text.replace(ABBREVIATION_NUMBER, ". ") : text;
}

/** A period between a letter and a digit. */
const ABBREVIATION_NUMBER = /(?<=\p{L})\.(?=\p{N})/gu;

/**
 * Puts spaces around the parts of an HTML character reference left in a text
 * ("AT&amp;T" → "AT & amp ; T"), for the same reason as
 * {@linkcode splitQuoteMarks}: wink-nlp 2.4.0 splits such a reference in one
 * text and keeps it whole ("&amp") in a later one, after another text taught
 * it the chunk. Only spaces are added.
 *
 * @example
 * ```ts
 * import { splitEntities } from "./tokenize.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(splitEntities("AT&amp;T and R&D"), "AT & amp ; T and R&D");
 * ```
 */
export function splitEntities(text: string): string {
  return text.includes("&") ? text.replace(ENTITY, " & $1 ; ") : text;
}

/** An HTML character reference: `&name;`, `&#38;` or `&#x26;`. */
const ENTITY = /&(#\d+|#[xX][0-9a-fA-F]+|[a-zA-Z]+\d*);/g;

/** A single quote mark: nothing to do without one. */
const QUOTE_MARK = /['‘’]/;
/**
 * A single quote mark that opens a word: not after a letter or digit, before
 * a letter, and not the clitic of a possessive ("the U.S.'s").
 */
const OPENING_QUOTE = /(?<![\p{L}\p{N}])(['‘])(?=\p{L})(?![sS](?![\p{L}\p{N}]))/gu;
/** A single quote mark that closes a word: after a letter, not before a letter or digit. */
const CLOSING_QUOTE = /(?<=\p{L})(['’])(?![\p{L}\p{N}])/gu;

/** An `'s` or `’s` not followed by a letter or digit. */
const CLITIC = /['’][sS](?![\p{L}\p{N}])/gu;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * Where the run of letters and digits (code points, not code units) that ends
 * at `end` begins, not before `floor`.
 */
function wordStart(text: string, end: number, floor: number): number {
  let start = end;
  while (start > floor) {
    const low = text.charCodeAt(start - 1);
    const pair = start >= 2 && low >= 0xdc00 && low <= 0xdfff &&
      text.charCodeAt(start - 2) >= 0xd800 && text.charCodeAt(start - 2) <= 0xdbff;
    const size = pair ? 2 : 1;
    if (!LETTER_OR_DIGIT.test(text.slice(start - size, start))) break;
    start -= size;
  }
  return start;
}

function readPart(
  part: string,
  offset: number,
  voice: Voice,
  segment: number,
  sentences: Sentence[],
  tokens: Token[],
): void {
  const nlp = tokenizer();
  const its: WinkAny = nlp.its;
  const doc: WinkAny = nlp.readDoc(forWink(part));
  // Whole-document read-outs: one call per property instead of one per token.
  const all: WinkAny = doc.tokens();
  const values: string[] = all.out();
  const types: string[] = all.out(its.type);
  const lemmas: WinkAny[] = all.out(its.lemma);
  const poses: string[] = all.out(its.pos);
  const negations: WinkAny[] = all.out(its.negationFlag);
  const spans: [number, number][] = doc.sentences().out(its.span);
  let cursor = 0;
  for (const [from, to] of spans) {
    const index = sentences.length;
    let first = -1;
    let last = -1;
    for (let k = from; k <= to; k++) {
      const type = types[k];
      const value = values[k];
      if (type === "tabCRLF" || value.trim() === "") continue;
      const at = part.indexOf(value, cursor);
      const start = at < 0 ? cursor : at;
      const end = at < 0 ? cursor : at + value.length;
      cursor = end;
      if (first < 0) first = start;
      last = end;
      tokens.push({
        text: value,
        start: offset + start,
        end: offset + end,
        lower: value.toLowerCase(),
        lemma: String(lemmas[k]).toLowerCase(),
        pos: poses[k],
        type,
        negated: Boolean(negations[k]),
        sentence: index,
        voice,
      });
    }
    if (first < 0) continue;
    sentences.push({ index, start: offset + first, end: offset + last, voice, segment });
  }
}
