/**
 * The rule engine: each sentiment word of one sentence and its contribution
 * after VADER's rules (boosters, negation, "least", caps, contrastive "but")
 * and the toolkit's scare-quote rule.
 *
 * @module
 */
import type { Token } from "../token.ts";
import { inFilter, keyFilter, keyHash } from "../lexicon/_key_filter.ts";
import { isWord } from "../metrics/word_count.ts";
import type { ResolvedSentimentOptions } from "./options.ts";
import { isResolvedOptions } from "./resolve.ts";
import {
  fileVersion,
  fittedLexicons,
  type SentimentEntry,
  type SentimentIndex,
  sentimentLexicon,
  sentimentLexiconFile,
} from "./lexicons.ts";
import {
  ATTRIBUTION_NOUNS,
  BOOSTERS,
  BUT_AFTER,
  BUT_BEFORE,
  CAPS_INCREMENT,
  CONTRASTIVE,
  DAMPENER_PHRASES,
  NEGATION_FACTOR,
  NEGATORS,
  QUOTE_MARKS,
  SHIFTERS,
  SPEECH_VERBS,
} from "./rules.ts";

/** A sentiment word (or phrase) in a sentence and its contribution. */
export interface Contribution {
  /** Token index range in the full token array, end exclusive. */
  tokenStart: number;
  tokenEnd: number;
  /** Index into the sentence's word list of the first word. */
  word: number;
  entry: SentimentEntry;
  /** Contribution after the sentence-level rules. */
  weight: number;
  rules: string[];
}

/**
 * Token index range `[from, to)` of the tokens lying inside `[start, end)`.
 * Tokens are in text order and do not overlap, so the first one is found by
 * binary search.
 *
 * @example
 * ```ts
 * import { tokenRange } from "./valence.ts";
 * import { tokenizeText } from "@framing/toolkit";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const { tokens } = tokenizeText("Putin met Tokayev in Astana.");
 * deepStrictEqual(tokenRange(tokens, 10, 17), [2, 3]);
 * deepStrictEqual(tokenRange(tokens, 0, 100), [0, 6]);
 * deepStrictEqual(tokenRange(tokens, 100, 110), [6, 6]);
 * ```
 */
export function tokenRange(tokens: readonly Token[], start: number, end: number): [number, number] {
  let from = 0;
  let high = tokens.length;
  while (from < high) {
    const mid = (from + high) >>> 1;
    if (tokens[mid].end <= start) from = mid + 1;
    else high = mid;
  }
  let to = from;
  while (to < tokens.length && tokens[to].start < end) to++;
  return [from, to];
}

function isUpper(text: string): boolean {
  return /^[^a-z]*[A-Z]+[^a-z]*$/.test(text);
}

/**
 * The lexicons in lookup order: the extra files in the order given, domain,
 * general (with the fitted weights in place of VADER's while `fitted` is on),
 * then the fitted lexicon's added words. The same list (one array per switch
 * setting) on every call.
 *
 * @throws {InputError} When an extra lexicon file cannot be read or is not
 *   a sentiment lexicon.
 */
export function activeLexicons(options: ResolvedSentimentOptions): readonly SentimentIndex[] {
  const { domain, general, fitted, extra } = options.lexicons;
  // Without extra files the list depends on the three switches alone: found
  // without building the key below (the scorers ask once per sentence).
  const bundled = extra.length === 0 ? (domain ? 4 : 0) + (general ? 2 : 0) + (fitted ? 1 : 0) : -1;
  if (bundled >= 0 && BUNDLED[bundled] !== undefined) return BUNDLED[bundled];
  // An extra file's version is part of the key: an edited file is read again.
  const key = JSON.stringify([domain, general, fitted, extra.map((p) => [p, fileVersion(p)])]);
  let list = ACTIVE.get(key);
  if (!list) {
    const built: SentimentIndex[] = extra.map(sentimentLexiconFile);
    if (domain) built.push(sentimentLexicon("domain"));
    if (general) built.push(fitted ? fittedLexicons().general : sentimentLexicon("general"));
    if (fitted) built.push(fittedLexicons().added);
    list = Object.freeze(built);
    ACTIVE.set(key, list);
  }
  if (bundled >= 0) BUNDLED[bundled] = list;
  return list;
}

const ACTIVE = new Map<string, readonly SentimentIndex[]>();
/** The lists without extra files, by switches (domain 4 + general 2 + fitted 1): the same arrays as in `ACTIVE`. */
const BUNDLED: (readonly SentimentIndex[] | undefined)[] = new Array(8);

/**
 * A list of lexicons with what lets the matcher skip work: most tokens start
 * no multi-word entry, touch no hyphen and have no case-sensitive entry, so
 * their match depends on their lower-cased form and lemma alone and is looked
 * up once per list.
 */
interface Lookup {
  lexicons: readonly SentimentIndex[];
  /** Single-token matches of tokens that are their own lemma, by lower-cased form; null for none. */
  single: Map<string, Match | null>;
  /**
   * Single-token matches of the other tokens, by lemma, then lower-cased
   * form: two look-ups of the token's own strings, whose hashes V8 keeps,
   * instead of one of a key joined from them and hashed afresh each time.
   */
  singleByLemma: Map<string, Map<string, Match | null>>;
  /** Entries in `single` and `singleByLemma`. */
  singleSize: number;
  /**
   * What a form is, in one lookup: {@linkcode MODIFIER} (a booster or
   * negator, by lower-cased form), {@linkcode PHRASE_START} (by lower-cased
   * form or lemma), {@linkcode EXACT} (by the form as written).
   */
  flags: Map<string, number>;
  /** `keyFilter` of the keys of `flags`: a word outside it has no flags, seen without a look-up. */
  flagged: Uint32Array;
  /**
   * `keyFilter` of every form and lemma key of the lexicons: a word whose
   * lower-cased form and lemma are outside it, and that no prefix entry can
   * start, matches no single-word entry (most words), seen without a look-up.
   */
  alone: Uint32Array;
  /** First characters (codes) of the prefix entries. */
  prefixFirst: Set<number>;
  /** Some prefix entry is empty (it starts every word). */
  anyPrefix: boolean;
}

const MODIFIER = 1;
const PHRASE_START = 2;
const EXACT = 4;

/** Memoised single-token matches kept per list, at most (then started afresh). */
const SINGLE_LIMIT = 50_000;

const LOOKUPS = new WeakMap<readonly SentimentIndex[], Lookup>();

function lookupOf(lexicons: readonly SentimentIndex[]): Lookup {
  let lookup = LOOKUPS.get(lexicons);
  if (!lookup) {
    const flags = new Map<string, number>();
    const flag = (key: string, f: number) => flags.set(key, (flags.get(key) ?? 0) | f);
    for (const w of [...BOOSTERS.keys(), ...NEGATORS]) flag(w, MODIFIER);
    for (const l of lexicons) {
      for (const w of l.phrases.keys()) flag(w, PHRASE_START);
      for (const w of l.exact.keys()) flag(w, EXACT);
    }
    const alone: string[] = [];
    const prefixFirst = new Set<number>();
    let anyPrefix = false;
    for (const l of lexicons) {
      alone.push(...l.forms.keys(), ...l.lemmas.keys());
      for (const p of l.prefixes) {
        if (p.parts[0] === "") anyPrefix = true;
        else prefixFirst.add(p.parts[0].charCodeAt(0));
      }
    }
    lookup = {
      lexicons,
      single: new Map(),
      singleByLemma: new Map(),
      singleSize: 0,
      flags,
      flagged: keyFilter(flags.keys()),
      alone: keyFilter(alone),
      prefixFirst,
      anyPrefix,
    };
    LOOKUPS.set(lexicons, lookup);
  }
  return lookup;
}

interface Match {
  entry: SentimentEntry;
  /** Number of tokens consumed. */
  length: number;
  viaLemma: boolean;
}

const NO_COMPOUNDS: readonly { text: string; end: number }[] = Object.freeze([]);

/** Joined text of tokens i..j if they touch (hyphenated compounds split by the tokenizer). */
function joined(
  tokens: readonly Token[],
  i: number,
  to: number,
): readonly { text: string; end: number }[] {
  // Most tokens touch no hyphen: no compound to build.
  let hyphen = tokens[i].text.includes("-");
  for (let j = i + 1; !hyphen && j < to && j <= i + 4; j++) {
    if (tokens[j].start !== tokens[j - 1].end) break;
    hyphen = tokens[j].text.includes("-");
  }
  if (!hyphen) return NO_COMPOUNDS;
  const out: { text: string; end: number }[] = [];
  let text = tokens[i].text;
  for (let j = i + 1; j < to && j <= i + 4; j++) {
    if (tokens[j].start !== tokens[j - 1].end) break;
    text += tokens[j].text;
    if (isWord(tokens[j]) && text.includes("-")) out.push({ text, end: j + 1 });
  }
  return out.reverse();
}

/** The flags of a text whose `keyHash` is `hash` (0 for none). */
function flagsOf(lookup: Lookup, text: string, hash: number): number {
  return inFilter(lookup.flagged, hash) ? lookup.flags.get(text) ?? 0 : 0;
}

/** `keyHash`es of a word's lower-cased form and lemma. */
interface WordHashes {
  lower: number;
  lemma: number;
}

function matchAt(
  tokens: readonly Token[],
  i: number,
  to: number,
  lookup: Lookup,
  lowerFlags: number,
  hashes: WordHashes,
): Match | undefined {
  const t = tokens[i];
  const compounds = joined(tokens, i, to);
  const lemmaFlags = t.lemma === t.lower ? 0 : flagsOf(lookup, t.lemma, hashes.lemma);
  const textFlags = t.text === t.lower ? lowerFlags : lookup.flags.get(t.text) ?? 0;
  if (
    compounds.length > 0 || (lowerFlags & PHRASE_START) !== 0 ||
    (lemmaFlags & PHRASE_START) !== 0 || (textFlags & EXACT) !== 0
  ) {
    return matchInContext(tokens, i, to, lookup.lexicons, compounds);
  }
  // A single word: no phrase, compound or exact entry starts here (above),
  // so only a form, lemma or prefix entry can match it (matchInContext).
  if (
    !inFilter(lookup.alone, hashes.lower) && !inFilter(lookup.alone, hashes.lemma) &&
    !lookup.anyPrefix && !lookup.prefixFirst.has(t.lower.charCodeAt(0))
  ) return undefined;
  let m = singleMemo(lookup, t).get(t.lower);
  if (m === undefined) {
    m = matchInContext(tokens, i, to, lookup.lexicons, compounds) ?? null;
    if (lookup.singleSize >= SINGLE_LIMIT) {
      lookup.single.clear();
      lookup.singleByLemma.clear();
      lookup.singleSize = 0;
    }
    singleMemo(lookup, t).set(t.lower, m);
    lookup.singleSize++;
  }
  return m ?? undefined;
}

/** The memo of single-token matches that holds the token's, by lower-cased form. */
function singleMemo(lookup: Lookup, t: Token): Map<string, Match | null> {
  if (t.lemma === t.lower) return lookup.single;
  let byLower = lookup.singleByLemma.get(t.lemma);
  if (!byLower) lookup.singleByLemma.set(t.lemma, byLower = new Map());
  return byLower;
}

/** The match at token `i`: the lexicons in order, multi-word entries first. */
function matchInContext(
  tokens: readonly Token[],
  i: number,
  to: number,
  lexicons: readonly SentimentIndex[],
  compounds: readonly { text: string; end: number }[],
): Match | undefined {
  const t = tokens[i];
  for (const lex of lexicons) {
    // Multi-word entries over consecutive word tokens.
    const phrases = lex.phrases.get(t.lower) ?? lex.phrases.get(t.lemma);
    if (phrases) {
      for (const e of phrases) {
        let ok = true;
        let j = i;
        for (const part of e.parts) {
          while (j < to && !isWord(tokens[j]) && tokens[j].text !== "-") j++;
          const tok = tokens[j];
          if (j >= to) {
            ok = false;
            break;
          }
          const value = e.caseSensitive ? tok.text : e.lemma ? tok.lemma : tok.lower;
          if (value !== part && tok.lower !== part) {
            ok = false;
            break;
          }
          j++;
        }
        if (ok) return { entry: e, length: j - i, viaLemma: false };
      }
    }
    for (const c of compounds) {
      const lower = c.text.toLowerCase();
      const e = lex.forms.get(lower) ?? lex.lemmas.get(lower) ??
        lex.prefixes.find((p) => lower.startsWith(p.parts[0]));
      if (e) return { entry: e, length: c.end - i, viaLemma: false };
    }
    const exact = lex.exact.get(t.text);
    if (exact) return { entry: exact, length: 1, viaLemma: false };
    const form = lex.forms.get(t.lower);
    if (form) return { entry: form, length: 1, viaLemma: false };
    const lemma = lex.lemmas.get(t.lemma) ?? lex.lemmas.get(t.lower);
    if (lemma) return { entry: lemma, length: 1, viaLemma: false };
    const prefix = lex.prefixes.find((p) => t.lower.startsWith(p.parts[0]));
    if (prefix) return { entry: prefix, length: 1, viaLemma: false };
  }
  // Lemma fallback: an inflected form whose lemma is a form entry ("allies" -> "ally").
  if (t.lemma !== t.lower) {
    for (const lex of lexicons) {
      const e = lex.forms.get(t.lemma);
      if (e) return { entry: e, length: 1, viaLemma: true };
    }
  }
  return undefined;
}

/**
 * Token indexes of the sentence's tokens inside scare quotes: 1–4 quoted
 * words that are not a quotation of speech (a speech or naming verb, or an
 * attribution noun such as "comment", earlier in the sentence or just after
 * the quote; punctuation closing the quote), nor a title or name (the quote
 * starts with a capital letter).
 */
function scareQuoted(tokens: readonly Token[], from: number, to: number): Set<number> {
  const inside = new Set<number>();
  let open = -1;
  for (let i = from; i < to; i++) {
    const text = tokens[i].text;
    if (text.length !== 1 || !QUOTE_MARKS.has(text) || text === "'" || text === "’" && open < 0) {
      continue;
    }
    const opening = open < 0 && (text === '"' || text === "“" || text === "„" || text === "«" ||
      text === "‘" || text === "‹");
    if (opening) {
      open = i;
      continue;
    }
    if (open < 0) continue;
    const words = [];
    for (let j = open + 1; j < i; j++) if (isWord(tokens[j])) words.push(j);
    const lastInner = tokens[i - 1]?.text ?? "";
    const name = words.length > 0 && /^\p{Lu}/u.test(tokens[words[0]].text);
    const speech = [",", ".", "?", "!"].includes(lastInner) ||
      attributed(tokens, open, i, from, to);
    if (words.length >= 1 && words.length <= 4 && !speech && !name) {
      for (const j of words) inside.add(j);
    }
    open = -1;
  }
  return inside;
}

function attributed(
  tokens: readonly Token[],
  open: number,
  close: number,
  from: number,
  to: number,
): boolean {
  const cue = (t: Token) =>
    (t.pos === "VERB" && SPEECH_VERBS.has(t.lemma)) ||
    (t.pos === "NOUN" && ATTRIBUTION_NOUNS.has(t.lemma));
  for (let j = from; j < open; j++) if (cue(tokens[j])) return true;
  for (let j = close + 1; j < Math.min(to, close + 4); j++) if (cue(tokens[j])) return true;
  return false;
}

/**
 * The contributions of the sentiment words in tokens `[from, to)` (one
 * sentence). Curly apostrophes are read as straight ones ("isn’t"). With
 * resolved (frozen) options and the default lexicons, the result is computed
 * once per token array, options and range, and shared: do not modify it.
 */
export function sentenceContributions(
  tokens: readonly Token[],
  from: number,
  to: number,
  options: ResolvedSentimentOptions,
  lexicons?: readonly SentimentIndex[],
): readonly Contribution[] {
  if (lexicons !== undefined || !isResolvedOptions(options)) {
    return computeContributions(tokens, from, to, options, lexicons ?? activeLexicons(options));
  }
  // Resolved options are frozen, so their identity names the rules: an
  // actor's mentions in one sentence share the sentence's result. Token
  // arrays are treated as immutable (as everywhere in the pipeline).
  let byOptions = CACHE.get(tokens);
  if (!byOptions) CACHE.set(tokens, byOptions = new WeakMap());
  let bySentence = byOptions.get(options);
  if (!bySentence) byOptions.set(options, bySentence = new Map());
  const key = `${from}:${to}`;
  let result = bySentence.get(key);
  if (!result) {
    // Shared by every caller: frozen down to each contribution's rules.
    result = Object.freeze(
      computeContributions(tokens, from, to, options, activeLexicons(options)).map((c) => {
        Object.freeze(c.rules);
        return Object.freeze(c);
      }),
    );
    bySentence.set(key, result);
  }
  return result;
}

/** Contributions per token array, per resolved options, per `from:to`. */
const CACHE = new WeakMap<
  readonly Token[],
  WeakMap<object, Map<string, readonly Contribution[]>>
>();

const CURLY = /[\u2018\u2019]/;
const CURLY_ALL = /[\u2018\u2019]/g;

function computeContributions(
  tokens: readonly Token[],
  from: number,
  to: number,
  options: ResolvedSentimentOptions,
  lexicons: readonly SentimentIndex[],
): Contribution[] {
  const facts = sentenceFacts(tokens, from, to);
  if (!facts.curly) return contributionsIn(tokens, from, to, options, lexicons, facts);
  const local = tokens.slice(from, to).map((t) =>
    CURLY.test(t.lower) ? { ...t, lower: t.lower.replace(CURLY_ALL, "'") } : t
  );
  const localFacts = sentenceFacts(local, 0, local.length);
  return contributionsIn(local, 0, local.length, options, lexicons, localFacts).map((c) => ({
    ...c,
    tokenStart: c.tokenStart + from,
    tokenEnd: c.tokenEnd + from,
  }));
}

/**
 * What the rules read of one sentence whatever the options: found once per
 * sentence and shared by the sentence scorer and the span scorer, which
 * both score most sentences of an article (with different lexicons).
 */
interface SentenceFacts {
  /** Token indexes of the sentence's words. */
  words: number[];
  /** Word number of each token of the sentence (index `i - from`). */
  wordOf: Int32Array;
  /** Some words are upper case and some are not (VADER's caps rule). */
  capDifferential: boolean;
  /** Tokens inside scare quotes. */
  quoted: Set<number>;
  /** Word number of the first contrastive "but", or -1. */
  butWord: number;
  /** A lower-cased token holds a curly apostrophe. */
  curly: boolean;
  /** `keyHash` of each word's lower-cased form (index `i - from`; -1 for other tokens). */
  lowerHash: Int32Array;
  /** `keyHash` of each word's lemma. */
  lemmaHash: Int32Array;
}

/** Facts per token array, per sentence start (`wordOf`'s length tells the end). */
const FACTS = new WeakMap<readonly Token[], Map<number, SentenceFacts>>();

function sentenceFacts(tokens: readonly Token[], from: number, to: number): SentenceFacts {
  let bySentence = FACTS.get(tokens);
  if (!bySentence) FACTS.set(tokens, bySentence = new Map());
  const known = bySentence.get(from);
  if (known && known.wordOf.length === to - from) return known;
  const words: number[] = [];
  for (let i = from; i < to; i++) if (isWord(tokens[i])) words.push(i);
  const wordOf = new Int32Array(to - from);
  words.forEach((tokenIndex, w) => wordOf[tokenIndex - from] = w);
  let upper = 0;
  for (const i of words) {
    // A token equal to its lower case has no capital to test for (`lower` is
    // `text.toLowerCase()` for the tokenizer's tokens, or differs from `text`).
    if (tokens[i].text !== tokens[i].lower && isUpper(tokens[i].text)) upper++;
  }
  let curly = false;
  for (let i = from; i < to && !curly; i++) curly = CURLY.test(tokens[i].lower);
  const lowerHash = new Int32Array(to - from).fill(-1);
  const lemmaHash = new Int32Array(to - from).fill(-1);
  for (const i of words) {
    const t = tokens[i];
    lowerHash[i - from] = keyHash(t.lower);
    lemmaHash[i - from] = t.lemma === t.lower ? lowerHash[i - from] : keyHash(t.lemma);
  }
  const facts = {
    words,
    wordOf,
    capDifferential: upper > 0 && upper < words.length,
    quoted: scareQuoted(tokens, from, to),
    butWord: words.findIndex((i) => CONTRASTIVE.has(tokens[i].lower)),
    curly,
    lowerHash,
    lemmaHash,
  };
  bySentence.set(from, facts);
  return facts;
}

function contributionsIn(
  tokens: readonly Token[],
  from: number,
  to: number,
  options: ResolvedSentimentOptions,
  lexicons: readonly SentimentIndex[],
  facts: SentenceFacts,
): Contribution[] {
  if (lexicons.length === 0) return [];
  const lookup = lookupOf(lexicons);
  const { words, wordOf, capDifferential, quoted, butWord, lowerHash, lemmaHash } = facts;
  const hashes: WordHashes = { lower: -1, lemma: -1 };

  // Find the lexicon matches first: a word in a match is a sentiment word.
  const matches: { i: number; m: Match }[] = [];
  const sentimentWord = new Set<number>();
  // Words in text order, skipping those inside the last match.
  let next = from;
  for (const i of words) {
    if (i < next) continue;
    // Boosters and negators modify sentiment words and are none themselves.
    hashes.lower = lowerHash[i - from];
    hashes.lemma = lemmaHash[i - from];
    const flags = flagsOf(lookup, tokens[i].lower, hashes.lower);
    if ((flags & MODIFIER) !== 0) continue;
    const m = matchAt(tokens, i, to, lookup, flags, hashes);
    if (!m) continue;
    next = i + m.length;
    // A zero-weight entry (a word neutral in this domain) hides the word
    // from the other lexicons and is no sentiment word itself.
    if (m.entry.weight === 0) continue;
    matches.push({ i, m });
    for (let j = i; j < i + m.length; j++) sentimentWord.add(j);
  }

  // Shifters ("reduce unemployment"): the shifted word flips; the shifter's
  // own valence is then not counted.
  const shiftedBy = new Map<number, number>();
  for (const { i } of matches) {
    const w = wordOf[i - from];
    for (let k = 1; k <= 3 && w - k >= 0; k++) {
      const prev = tokens[words[w - k]];
      if (SHIFTERS.has(prev.lemma) && (prev.pos === "VERB" || prev.pos === "NOUN")) {
        shiftedBy.set(i, words[w - k]);
        break;
      }
    }
  }
  const shifters = new Set(shiftedBy.values());

  const out: Contribution[] = [];
  for (const { i, m } of matches) {
    if (shifters.has(i)) continue;
    const w = wordOf[i - from];
    const rules: string[] = [];
    if (m.viaLemma) rules.push("lemma");
    let v = m.entry.weight;
    if (v === 0) continue;
    if (capDifferential && isUpper(tokens[i].text)) {
      v += v > 0 ? CAPS_INCREMENT : -CAPS_INCREMENT;
      rules.push("caps");
    }
    // Boosters and dampeners in the three words before (VADER: 1, 0.95, 0.9).
    for (let k = 1; k <= 3 && w - k >= 0; k++) {
      const prev = tokens[words[w - k]];
      if (sentimentWord.has(words[w - k])) continue;
      let s = BOOSTERS.get(prev.lower) ?? 0;
      if (s === 0) continue;
      if (v < 0) s = -s;
      if (capDifferential && isUpper(prev.text)) s += v > 0 ? CAPS_INCREMENT : -CAPS_INCREMENT;
      s *= k === 1 ? 1 : k === 2 ? 0.95 : 0.9;
      v += s;
      rules.push(Math.abs(v) > Math.abs(v - s) ? "boosted" : "dampened");
    }
    // The pair's text is made only when its second word may end a phrase.
    if (w >= 2 && DAMPENER_ENDINGS.has(tokens[words[w - 1]].lower)) {
      const pair = `${tokens[words[w - 2]].lower} ${tokens[words[w - 1]].lower}`;
      if (DAMPENER_PHRASES.has(pair)) {
        v += v > 0 ? -BOOSTER_DAMPEN : BOOSTER_DAMPEN;
        rules.push("dampened");
      }
    }
    // Negation: each negator in the window flips and shrinks (VADER's -0.74);
    // or, with negationScope "model", the language model's negation flag.
    if (options.negationScope === "model" && tokens[i].negated) {
      v *= NEGATION_FACTOR;
      rules.push("negated");
    }
    for (
      let k = 1;
      options.negationScope === "window" && k <= options.negationWindow && w - k >= 0;
      k++
    ) {
      const prev = tokens[words[w - k]];
      if (sentimentWord.has(words[w - k])) continue;
      if (NEGATORS.has(prev.lower)) {
        v *= NEGATION_FACTOR;
        rules.push("negated");
      }
    }
    if (shiftedBy.has(i)) {
      v *= NEGATION_FACTOR;
      rules.push("shifted");
    }
    // "least" negates unless "at least" / "very least".
    if (w >= 1 && tokens[words[w - 1]].lower === "least") {
      const before = w >= 2 ? tokens[words[w - 2]].lower : "";
      if (before !== "at" && before !== "very") {
        v *= NEGATION_FACTOR;
        rules.push("least");
      }
    }
    if (butWord >= 0 && w !== butWord) {
      v *= w < butWord ? BUT_BEFORE : BUT_AFTER;
      rules.push(w < butWord ? "but-before" : "but-after");
    }
    if (quoted.has(i)) {
      v *= options.scareQuoteFactor;
      rules.push("scare-quoted");
    }
    if (v < 0 && options.negativeWeight !== 1) {
      v *= options.negativeWeight;
      rules.push("negativity");
    }
    out.push({ tokenStart: i, tokenEnd: i + m.length, word: w, entry: m.entry, weight: v, rules });
  }
  return out;
}

const BOOSTER_DAMPEN = 0.293;

/**
 * Every ending of every dampener phrase ("kind of": "kind of", "ind of", ...,
 * "f", ""): a word that is none of them cannot end a pair of words that is a
 * phrase, whatever the words hold.
 */
const DAMPENER_ENDINGS: ReadonlySet<string> = new Set(
  [...DAMPENER_PHRASES].flatMap((p) => Array.from({ length: p.length + 1 }, (_, k) => p.slice(k))),
);
