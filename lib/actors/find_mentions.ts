/**
 * Finding where a text refers to the actors of an actor lexicon.
 *
 * Rules, in the order they apply:
 * 1. Every alias, metonym, title, adjective and `exclude` phrase is looked up
 *    at every token. Case is ignored unless the term says otherwise; curly and
 *    straight apostrophes are alike; double quote marks inside a phrase are
 *    skipped (`“Turkey” Avenue` is `Turkey Avenue`). Phrases never cross sentences.
 * 2. A name glued to the word before it by a lost space (`FifthlyRussia`, a
 *    machine-translation defect) counts when the glued tail is a one-word
 *    alias or metonym and the head an -ly adverb or a function word
 *    (`PetroChina` stays a company).
 * 3. A name followed by `'s` or `’s` is a possessive; the mention then covers both.
 * 4. A title is bound to its holder at the time the sentence speaks of (see
 *    `_title_date.ts`); a title that cannot be bound still takes its tokens
 *    and is reported by {@link findActorMentions} as unresolved.
 * 5. An adjective counts only when a noun of state action (the lexicon's
 *    `actingNouns`) follows it, possibly after other adjectives, "and", a
 *    comma or an -ing/-ed participle ("Turkish and emerging French
 *    expansion"); never when a hyphen glues it to another word ("Russian-speaking").
 * 6. Longest match wins; on equal length `exclude` phrases beat everything,
 *    names and titles beat adjectives; a token is in at most one mention.
 * 7. Pronouns (he, his, him; she, her, hers) refer to the last person with
 *    that pronoun set mentioned earlier in the sentence, or else the last one
 *    in the sentence before (same voice, and same segment when sentences are
 *    given). A resolved pronoun counts as a mention for the next pronoun.
 *
 * @module
 */
import type { Sentence, Token } from "../token.ts";
import {
  foldHash,
  HASH_START,
  hashState,
  inFilter,
  keyFilter,
  keyHash,
} from "../lexicon/_key_filter.ts";
import { tokenKeys } from "../lexicon/_token_keys.ts";
import { type ActorIndex, actorIndex, type Form } from "./_index.ts";
import { articleReference, pickHolder, type Reference, sentenceReference } from "./_title_date.ts";
import {
  type ActorLexicon,
  type Mention,
  type MentionVia,
  termKey,
  type UnresolvedTitle,
} from "./schema.ts";

/** Options of {@link findMentions} and {@link findActorMentions}. */
export interface FindMentionsOptions {
  /**
   * The article's date (ISO: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a date-time):
   * binds titles to their holders. Without it, a title with more than one
   * holder binds only through a year named in its sentence, else it is
   * reported as unresolved. @default undefined
   */
  date?: string;
  /** The text's sentences: when given, pronouns do not look back across segments. @default undefined */
  sentences?: readonly Sentence[];
  /** Resolve he/his/him and she/her/hers. @default true */
  pronouns?: boolean;
}

/** Mentions and the titles that could not be bound. */
export interface ActorMentions {
  mentions: Mention[];
  unresolved: UnresolvedTitle[];
}

/**
 * Finds the mentions of actors in tokens.
 *
 * @param tokens The text's tokens (from `tokenizeSegments` or `tokenizeText`).
 * @param actors A validated actor lexicon.
 * @param options Article date, sentences, pronoun switch.
 * @returns Mentions in text order.
 *
 * @example A title bound to the article's date, a metonym and a pronoun
 * ```ts
 * import { findMentions } from "@framing/toolkit/lexicon";
 * import { parseActors } from "@framing/toolkit/lexicon";
 * import { tokenizeText } from "@framing/toolkit";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const lex = parseActors(`
 * name: demo
 * version: 1.0.0
 * description: Demo.
 * source: written for this example
 * licence: CC0-1.0
 * language: en
 * actors:
 *   - { id: tokayev, name: Tokayev, kind: person, pronoun: he, aliases: [Tokayev],
 *       titles: [{ term: Kazakh president, from: 2019-03-20 }] }
 *   - { id: russia, name: Russia, kind: state, aliases: [Russia], metonyms: [Kremlin] }
 * `);
 * const { tokens } = tokenizeText("The Kazakh president met the Kremlin. He smiled.");
 * const found = findMentions(tokens, lex, { date: "2023-11-10" });
 * deepStrictEqual(found.map((m) => [m.actor, m.via, m.form]), [
 *   ["tokayev", "title", "Kazakh president"],
 *   ["russia", "metonym", "Kremlin"],
 *   ["tokayev", "pronoun", "He"],
 * ]);
 * ```
 */
export function findMentions(
  tokens: readonly Token[],
  actors: ActorLexicon,
  options: FindMentionsOptions = {},
): Mention[] {
  return findActorMentions(tokens, actors, options).mentions;
}

/**
 * Like {@link findMentions}, and also returns the titles it could not bind to a holder.
 *
 * @example A title with two holders and no date stays unresolved
 * ```ts
 * import { findActorMentions } from "./find_mentions.ts";
 * import { parseActors } from "@framing/toolkit/lexicon";
 * import { tokenizeText } from "@framing/toolkit";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const lex = parseActors(`
 * name: demo
 * version: 1.0.0
 * description: Demo.
 * source: written for this example
 * licence: CC0-1.0
 * language: en
 * actors:
 *   - { id: nazarbayev, name: Nazarbayev, kind: person, titles: [{ term: Kazakh president, to: 2019-03-20 }] }
 *   - { id: tokayev, name: Tokayev, kind: person, titles: [{ term: Kazakh president, from: 2019-03-20 }] }
 * `);
 * const { tokens } = tokenizeText("The Kazakh president spoke.");
 * const { mentions, unresolved } = findActorMentions(tokens, lex);
 * strictEqual(mentions.length, 0);
 * deepStrictEqual(unresolved[0].candidates, ["nazarbayev", "tokayev"]);
 * ```
 */
export function findActorMentions(
  tokens: readonly Token[],
  actors: ActorLexicon,
  options: FindMentionsOptions = {},
): ActorMentions {
  const index = actorIndex(actors);
  const article = articleReference(options.date);
  const candidates = collectCandidates(tokens, index);
  const taken = new Uint8Array(tokens.length);
  const mentions: Mention[] = [];
  const unresolved: UnresolvedTitle[] = [];
  candidates.sort((a, b) =>
    (b.tokenEnd - b.tokenStart) - (a.tokenEnd - a.tokenStart) || a.rank - b.rank ||
    a.tokenStart - b.tokenStart
  );
  for (const c of candidates) {
    if (anyTaken(taken, c.tokenStart, c.tokenEnd)) continue;
    const outcome = settle(c, tokens, index, article);
    if (outcome === undefined) continue;
    taken.fill(1, c.tokenStart, c.tokenEnd);
    if (outcome === "blocked") continue;
    if ("reason" in outcome) unresolved.push(outcome);
    else mentions.push(outcome);
  }
  mentions.sort((a, b) => a.start - b.start);
  unresolved.sort((a, b) => a.start - b.start);
  const all = options.pronouns === false
    ? mentions
    : withPronouns(tokens, mentions, index, options.sentences);
  return { mentions: all, unresolved };
}

/** True when a token in `[from, to)` is already in a mention. */
function anyTaken(taken: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (taken[k] === 1) return true;
  return false;
}

interface Candidate {
  form: Form;
  tokenStart: number;
  tokenEnd: number;
  /** Character offsets of the matched form (a glued name starts inside its token). */
  start: number;
  end: number;
  text: string;
  possessive: boolean;
  /** 0 exclude, 1 name/title/metonym, 2 adjective. */
  rank: number;
}

const DOUBLE_QUOTES = /^["\u201c\u201d\u201e\u00ab\u00bb]+$/;
/** Character codes a `DOUBLE_QUOTES` text starts with (a cheap test before the expression). */
const QUOTE_START = new Set([...'"\u201c\u201d\u201e\u00ab\u00bb'].map((c) => c.charCodeAt(0)));
const POSSESSIVE = new Set(["'s", "\u2019s"]);

/** Every leading part of the index's keys, so a growing stretch of text can stop early. */
interface KeyPrefixes {
  lower: Set<string>;
  exact: Set<string>;
  /** Both: one look-up for the usual stretch, whose exact key is its lower-case key. */
  any: Set<string>;
  /** `any` as a filter: most tokens start no key, seen without a look-up. */
  filter: Uint32Array;
}
const prefixCache = new WeakMap<ActorIndex, KeyPrefixes>();

function keyPrefixes(index: ActorIndex): KeyPrefixes {
  let p = prefixCache.get(index);
  if (p) return p;
  const of = (keys: Iterable<string>) => {
    const set = new Set<string>();
    for (const key of keys) for (let n = 1; n <= key.length; n++) set.add(key.slice(0, n));
    return set;
  };
  const lower = of(index.lower.keys());
  const exact = of(index.exact.keys());
  const any = new Set([...lower, ...exact]);
  p = { lower, exact, any, filter: keyFilter(any) };
  prefixCache.set(index, p);
  return p;
}

/**
 * Per token: whether it is a double quote mark, and its `termKey`s when a
 * stretch's key may be built token by token (see `stretchesFrom`).
 */
interface TokenTermKeys {
  quote: boolean[];
  /** False when the text is empty, holds white space or a capital sigma: such stretches take `termKey` whole. */
  plain: boolean[];
  lower: string[];
  exact: string[];
  /** `keyHash` of `lower`. */
  lowerHash: Int32Array;
  /** `keyHash` of `exact`, or -1 when it is `lower`. */
  exactHash: Int32Array;
}

/**
 * `termKey` of each token. Straightening apostrophes and lower-casing work
 * character by character, so the key of a stretch of plain tokens is their
 * keys joined like their texts; the one context-dependent lower-casing
 * (capital sigma at the end of a word) and white space (trimmed, collapsed)
 * make a token not plain.
 */
function tokenTermKeys(tokens: readonly Token[]): TokenTermKeys {
  const n = tokens.length;
  const keys: TokenTermKeys = {
    quote: new Array(n),
    plain: new Array(n),
    lower: new Array(n),
    exact: new Array(n),
    lowerHash: new Int32Array(n),
    exactHash: new Int32Array(n).fill(-1),
  };
  // The lexicon matcher's keys (usually cached: the lexicons read the same tokens first).
  const shared = tokenKeys(tokens);
  for (let i = 0; i < n; i++) {
    const text = tokens[i].text;
    keys.quote[i] = QUOTE_START.has(text.charCodeAt(0)) && DOUBLE_QUOTES.test(text);
    if (!NOT_PLAIN.test(text)) {
      // Nothing termKey changes but the case, and no curly apostrophe: the matcher's raw
      // text is the text, and its lower-cased text and hashes are the ones needed here.
      keys.plain[i] = text !== "";
      keys.exact[i] = text;
      keys.lower[i] = shared.lower[i];
      keys.lowerHash[i] = shared.hashes[4 * i];
      keys.exactHash[i] = shared.hashes[4 * i + 1];
      continue;
    }
    keys.plain[i] = !/[\s\u03a3]/.test(text);
    keys.exact[i] = termKey(text, true);
    keys.lower[i] = keys.exact[i].toLowerCase();
    keys.lowerHash[i] = keyHash(keys.lower[i]);
    if (keys.exact[i] !== keys.lower[i]) keys.exactHash[i] = keyHash(keys.exact[i]);
  }
  return keys;
}

/** Characters `termKey` replaces, trims or collapses, and the capital sigma. */
const NOT_PLAIN = /[\s\u03a3\u2018\u2019\u02bc`\u00b4]/;

const NO_FORMS: readonly Form[] = [];

function collectCandidates(tokens: readonly Token[], index: ActorIndex): Candidate[] {
  const out: Candidate[] = [];
  const prefixes = keyPrefixes(index);
  const keys = tokenTermKeys(tokens);
  for (let i = 0; i < tokens.length; i++) {
    if (keys.quote[i]) continue;
    // A key is a start of itself, so a plain token whose keys the filter rules out
    // starts no stretch: most tokens, seen without building or looking up a text.
    const ruledOut = keys.plain[i] && !inFilter(prefixes.filter, keys.lowerHash[i]) &&
      !inFilter(prefixes.filter, keys.exactHash[i]);
    if (!ruledOut) stretchesFrom(tokens, i, index, prefixes, keys, out);
    // Only a token with a capital can be a glued name (lower === exact: none).
    if (keys.lower[i] !== keys.exact[i]) glued(tokens, i, index, out);
  }
  return out;
}

/** Candidates for the stretches of tokens that start at token `i`. */
function stretchesFrom(
  tokens: readonly Token[],
  i: number,
  index: ActorIndex,
  prefixes: KeyPrefixes,
  keys: TokenTermKeys,
  out: Candidate[],
): void {
  let text = "";
  let lowerKey = "";
  let exactKey = "";
  let plain = true;
  // While plain: the keys' hash states, grown with them (see hashState), and
  // whether every token's exact key is its lower-case key (then so are the stretch's).
  let lowerState = HASH_START;
  let exactState = HASH_START;
  let sameKeys = true;
  let prev: Token | undefined;
  let last = i;
  for (let j = i; j < tokens.length && tokens[j].sentence === tokens[i].sentence; j++) {
    const t = tokens[j];
    if (j > i && keys.quote[j]) continue;
    const gap = prev && t.start > prev.end ? " " : "";
    text += gap + t.text;
    prev = t;
    last = j;
    if (text.length > index.maxKey) break;
    plain &&= keys.plain[j];
    if (plain) {
      lowerKey += gap + keys.lower[j];
      exactKey += gap + keys.exact[j];
      lowerState = hashState(keys.lower[j], hashState(gap, lowerState));
      exactState = hashState(keys.exact[j], hashState(gap, exactState));
      sameKeys &&= keys.lower[j] === keys.exact[j];
    } else {
      lowerKey = termKey(text);
      exactKey = termKey(text, true);
      lowerState = hashState(lowerKey);
      exactState = hashState(exactKey);
    }
    // Every set below is part of `any`: keys outside its filter start nothing,
    // seen without hashing the new stretch's text into a look-up (most stretches).
    const maybe = inFilter(prefixes.filter, foldHash(lowerState)) ||
      inFilter(prefixes.filter, foldHash(exactState));
    // One look-up, usually: the exact key of most stretches is their lower-case key.
    const starts = maybe &&
      ((sameKeys && plain) || lowerKey === exactKey
        ? prefixes.any.has(lowerKey)
        : prefixes.lower.has(lowerKey) || prefixes.exact.has(exactKey));
    if (starts) {
      for (const form of index.lower.get(lowerKey) ?? NO_FORMS) {
        out.push(candidate(tokens, form, i, last + 1, tokens[i].start, t.end, text));
      }
      for (const form of index.exact.get(exactKey) ?? NO_FORMS) {
        out.push(candidate(tokens, form, i, last + 1, tokens[i].start, t.end, text));
      }
    }
    // Keys grow with the text, so once neither is the start of a known key no longer
    // stretch can match (Greek capital sigma lower-cases by context: never stop on it).
    if (!starts && (plain || !text.includes("\u03a3"))) break;
  }
}

function candidate(
  tokens: readonly Token[],
  form: Form,
  tokenStart: number,
  tokenEnd: number,
  start: number,
  end: number,
  text: string,
): Candidate {
  const next = tokens[tokenEnd];
  const possessive = form.kind !== "adjective" && form.kind !== "exclude" && next !== undefined &&
    next.sentence === tokens[tokenEnd - 1].sentence && next.start === end &&
    POSSESSIVE.has(next.lower);
  return {
    form,
    tokenStart,
    tokenEnd: possessive ? tokenEnd + 1 : tokenEnd,
    start,
    end: possessive ? next.end : end,
    text: possessive ? text + next.text : text,
    possessive,
    rank: form.kind === "exclude" ? 0 : form.kind === "adjective" ? 2 : 1,
  };
}

/** Words a lost space may glue to a following name: -ly adverbs and a few function words. */
const GLUE_HEADS = new Set([
  "and",
  "but",
  "the",
  "in",
  "of",
  "to",
  "for",
  "with",
  "on",
  "at",
  "by",
  "from",
  "as",
  "so",
  "then",
  "thus",
  "also",
  "however",
  "moreover",
  "therefore",
]);

/**
 * `FifthlyRussia`: an -ly adverb or a function word glued to a one-word alias
 * or metonym by a lost space. Other glued words (`PetroChina`) are names of their own.
 */
function glued(tokens: readonly Token[], i: number, index: ActorIndex, out: Candidate[]): void {
  const text = tokens[i].text;
  // Cheap test first: a capital A-Z after the second character.
  if (!hasCapital(text, 2)) return;
  const m = /^([A-Za-z][a-z]+)([A-Z][A-Za-z]+)$/.exec(text);
  if (!m) return;
  const head = m[1].toLowerCase();
  if (!(head.length >= 4 && head.endsWith("ly")) && !GLUE_HEADS.has(head)) return;
  const tail = m[2];
  const forms = [
    ...(index.lower.get(termKey(tail)) ?? []),
    ...(index.exact.get(termKey(tail, true)) ?? []),
  ].filter((f) => f.kind === "alias" || f.kind === "metonym");
  for (const form of forms) {
    const start = tokens[i].start + m[1].length;
    out.push(candidate(tokens, form, i, i + 1, start, tokens[i].end, tail));
  }
}

/** True when `text` has a capital A-Z at or after `from`. */
function hasCapital(text: string, from: number): boolean {
  for (let k = from; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code >= 65 && code <= 90) return true;
  }
  return false;
}

function settle(
  c: Candidate,
  tokens: readonly Token[],
  index: ActorIndex,
  article: Reference | undefined,
): Mention | UnresolvedTitle | "blocked" | undefined {
  const first = tokens[c.tokenStart];
  const base = {
    start: c.start,
    end: c.end,
    tokenStart: c.tokenStart,
    tokenEnd: c.tokenEnd,
    sentence: first.sentence,
    voice: first.voice,
    form: c.text,
  };
  const via = (v: MentionVia): MentionVia => (c.possessive ? "possessive" : v);
  switch (c.form.kind) {
    case "exclude":
      return "blocked";
    case "alias":
    case "metonym":
      return { ...base, actor: c.form.actor, via: via(c.form.kind), term: c.form.term };
    case "adjective": {
      const head = actingHead(tokens, c.tokenStart, c.tokenEnd, index);
      if (head === undefined) return undefined;
      return {
        ...base,
        actor: c.form.actor,
        via: "adjective",
        term: c.form.term,
        basis: `adjective before the acting noun "${tokens[head].text}"`,
      };
    }
    case "title": {
      const ref = sentenceReference(tokens, c.tokenStart, article);
      const pick = pickHolder(c.form.holders, ref);
      if ("reason" in pick) {
        return {
          ...base,
          candidates: [...new Set(c.form.holders.map((h) => h.actor))],
          reason: pick.reason,
        };
      }
      return {
        ...base,
        actor: pick.actor,
        via: via("title"),
        term: c.form.term,
        basis: `"${c.form.term}": held by ${pick.actor} in ${pick.basis}`,
      };
    }
  }
}

/** Index of the acting noun an adjective stands before, if any. */
function actingHead(
  tokens: readonly Token[],
  start: number,
  end: number,
  index: ActorIndex,
): number | undefined {
  const sentence = tokens[start].sentence;
  const before = tokens[start - 1];
  const after = tokens[end];
  const glue = (t: Token | undefined) => t !== undefined && /^[-\u2010\u2011]$/.test(t.text);
  if (glue(before) && before.end === tokens[start].start) return undefined;
  if (glue(after) && after.start === tokens[end - 1].end) return undefined;
  for (let k = end; k < tokens.length && k < end + 5 && tokens[k].sentence === sentence; k++) {
    const t = tokens[k];
    if (index.acting.has(t.lemma) || index.acting.has(t.lower)) return k;
    const skippable = t.pos === "ADJ" || t.pos === "CCONJ" || t.text === "," ||
      (t.pos === "VERB" && /(?:ing|ed)$/.test(t.lower)) || index.adjectives.has(t.lower);
    if (!skippable) return undefined;
  }
  return undefined;
}

/** A map, not an object: looked up with every token's text ("constructor" included). */
const PRONOUN_SETS = new Map<string, "he" | "she">([
  ["he", "he"],
  ["his", "he"],
  ["him", "he"],
  ["she", "she"],
  ["her", "she"],
  ["hers", "she"],
]);

/** Adds pronoun mentions, resolved to the last person named in the sentence or the one before. */
function withPronouns(
  tokens: readonly Token[],
  mentions: Mention[],
  index: ActorIndex,
  sentences: readonly Sentence[] | undefined,
): Mention[] {
  const out: Mention[] = [];
  const persons = new Map<number, Mention[]>();
  const pronounOf = (m: Mention) => {
    const a = index.actors.get(m.actor);
    return a?.kind === "person" ? a.pronoun : undefined;
  };
  const note = (m: Mention) => {
    out.push(m);
    if (pronounOf(m)) persons.set(m.sentence, [...(persons.get(m.sentence) ?? []), m]);
  };
  let next = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (next < mentions.length && mentions[next].tokenStart <= i) note(mentions[next++]);
    const t = tokens[i];
    // Pronouns are two to four letters long and start with h or s: most tokens need no look-up.
    const head = t.lower.charCodeAt(0);
    const set = t.lower.length <= 4 && (head === 104 || head === 115)
      ? PRONOUN_SETS.get(t.lower)
      : undefined;
    if (!set || (out.length > 0 && out[out.length - 1].tokenEnd > i)) continue;
    const here = (persons.get(t.sentence) ?? []).filter((m) => pronounOf(m) === set);
    let antecedent = here.at(-1);
    let where = "same sentence";
    if (!antecedent && t.sentence > 0 && sameStretch(tokens, i, t.sentence - 1, sentences)) {
      antecedent = (persons.get(t.sentence - 1) ?? []).filter((m) => pronounOf(m) === set).at(-1);
      where = "sentence before";
    }
    if (!antecedent) continue;
    note({
      actor: antecedent.actor,
      start: t.start,
      end: t.end,
      tokenStart: i,
      tokenEnd: i + 1,
      sentence: t.sentence,
      voice: t.voice,
      form: t.text,
      via: "pronoun",
      term: antecedent.form,
      basis: `"${t.text}" refers to "${antecedent.form}" (${where})`,
    });
  }
  while (next < mentions.length) note(mentions[next++]);
  return out;
}

/** True when sentence `prev` may hold the antecedent of a pronoun at token `i`. */
function sameStretch(
  tokens: readonly Token[],
  i: number,
  prev: number,
  sentences: readonly Sentence[] | undefined,
): boolean {
  if (sentences) {
    const a = sentences.find((s) => s.index === prev);
    const b = sentences.find((s) => s.index === tokens[i].sentence);
    return a !== undefined && b !== undefined && a.segment === b.segment;
  }
  for (let k = i - 1; k >= 0; k--) {
    if (tokens[k].sentence === prev) return tokens[k].voice === tokens[i].voice;
    if (tokens[k].sentence < prev) return false;
  }
  return false;
}
