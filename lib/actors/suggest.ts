/**
 * Actor discovery: the names in a corpus that no actor of a lexicon covers,
 * with counts per article and voice, an example sentence and a guessed kind,
 * so that a researcher sees what the actor chart leaves out and can draft
 * an actor file for it (see draft.ts).
 *
 * How names are found:
 * - A name is a run of capitalised words with at least one proper noun
 *   among them (wink-nlp's `PROPN` tag), in one sentence of a text voice.
 *   Words glued by a hyphen join it ("Kassym-Jomart"), and so do the lower-case
 *   connectors "of", "for", "de", "van", ... between capitalised words
 *   ("University of Velmora"). Function words (the, its, in) never start one.
 * - A capitalised title inside a run splits it ("Transport Minister Tomas
 *   Okafor" gives "Tomas Okafor"), and so does a role word that leads it
 *   ("Analyst Vera Kolm"); national adjectives of the lexicon at the
 *   start are dropped ("Russian Izvestia" gives "Izvestia").
 * - Left out: a name with a word inside a mention of a lexicon actor, or
 *   equal to one of its terms (alias, metonym, adjective, title, exclude),
 *   or the plural of an actor adjective ("Kazakhs"); months, weekdays and
 *   languages; places whose last word says so ("Caspian Sea", "Turkey
 *   Avenue"); one-word names that are common words (written in lower case
 *   elsewhere in the corpus, or lower-case in the SUBTLEX-US word list given
 *   as `common`), which removes sentence-initial capitals ("Critics say");
 *   one-word peoples ("Ukrainians") and one-word adjectives before a noun
 *   ("Eurasian integration").
 * - Merged: a shorter name that begins or ends exactly one longer name
 *   becomes a form of it ("Okafor" of "Tomas Okafor", "Halden" of "Halden
 *   Shipping Group"). A possessive is its name ("Okafor's" counts for Okafor).
 *
 * How the kind is guessed, first cue that applies:
 * 1. person: a title or role word right before the name ("Minister", "union
 *    leader", "the mediator"), possibly across a comma;
 * 2. organisation: a word of the name is an organisation word (Union, Group,
 *    Ministry, University, News, Inc, ...) or the name is an acronym (2–6 capitals);
 * 3. state: a word of the name is a state word (Republic, Kingdom, Emirates),
 *    or a state noun follows the name or precedes "of" and it ("Ostria's
 *    government", "the government of Ostria");
 * 4. person: he/his/him or she/her/hers refers back to it (the nearest name
 *    of the same voice before the pronoun, in the same or the previous sentence, not right
 *    after a preposition as in "at Velmora") for at least a quarter of its
 *    occurrences; the pronoun set most often seen is the guess;
 * 5. state: a one-word name ending in -stan, -land or -ia;
 * 6. unknown.
 *
 * The word lists are in `_name_cues.ts`.
 *
 * @module
 */
import { z } from "zod";
import type { Article } from "../article.ts";
import { tokenizeArticle } from "../analyze.ts";
import type { Token } from "../token.ts";
import { TEXT_VOICES, type Voice } from "../voice.ts";
import {
  CALENDAR_WORDS,
  LANGUAGE_WORDS,
  NAME_CONNECTORS,
  ORGANISATION_WORDS,
  PERSON_PRONOUNS,
  PERSON_TITLES,
  PLACE_WORDS,
  SPLITTING_TITLES,
  STATE_NOUNS,
  STATE_SUFFIXES,
  STATE_WORDS,
} from "./_name_cues.ts";
import { findMentions } from "./find_mentions.ts";
import { ActorKind, type ActorLexicon, termKey, termOf } from "./schema.ts";

/** The voices names are counted in: the author's (title and body), quotations, comments. */
export const NameVoice = z.enum(["author", "quote", "comment"]);
/** A voice names are counted in. */
export type NameVoice = z.infer<typeof NameVoice>;

/** A name no actor covers, with its counts, an example and a guessed kind. */
export const SuggestedName = z.object({
  /** The longest form seen (the full name). */
  name: z.string(),
  /** Every form merged into it, most frequent first (full name, surname, ...). */
  forms: z.array(z.string()).min(1),
  /** The guessed kind, or "unknown" when no cue applied. */
  kind: z.union([ActorKind, z.literal("unknown")]),
  /** Why that kind: the cue that applied. */
  cue: z.string(),
  /** For a person referred back to by pronouns: the set most often seen. */
  pronoun: z.enum(["he", "she"]).optional(),
  /** Occurrences in all voices. */
  count: z.number().int().positive(),
  /** Occurrences per voice. */
  voices: z.record(NameVoice, z.number().int().nonnegative()),
  /** Occurrences per article and voice. */
  articles: z.array(z.object({
    article: z.string(),
    voice: NameVoice,
    count: z.number().int().positive(),
  })),
  /** The first sentence it stands in (the author's, where there is one). */
  example: z.object({
    article: z.string(),
    voice: NameVoice,
    sentence: z.number().int().nonnegative(),
    text: z.string(),
  }),
});
/** A name no actor covers. */
export type SuggestedName = z.infer<typeof SuggestedName>;

/** Options of {@linkcode NameCounter.suggestions} and {@linkcode suggestActors}. */
export interface SuggestionsOptions {
  /** Fewest occurrences (all voices) a name needs to be listed. @default 1 */
  min?: number;
  /**
   * Common words in lower case (e.g. SUBTLEX-US entries written in lower
   * case, see `commonWords()` in uncovered.ts): a one-word name among them
   * is a capitalised common word, not a name. @default none
   */
  common?: ReadonlySet<string>;
}

interface Tally {
  tokens: string[];
  forms: Map<string, number>;
  counts: Map<string, number>;
  voices: Record<NameVoice, number>;
  example?: SuggestedName["example"];
  title?: string;
  organisation?: string;
  state?: string;
  he: number;
  she: number;
}

const FUNCTION_POS = new Set(["DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "NUM"]);
const CAPITAL = /^\p{Lu}/u;
const ACRONYM = /^\p{Lu}{2,6}$/u;
const ADJECTIVE_ENDING = /(?:ian|ean|ese|ish|ic|an)$/;
const PEOPLE_ENDING = /(?:ians|eans)$/;

/**
 * Counts the uncovered names of articles, one article at a time (a corpus
 * need not be held in memory), and gives the suggestions at the end.
 *
 * @example
 * ```ts
 * import { NameCounter } from "./suggest.ts";
 * import { loadResources } from "@framing/toolkit";
 * import { ok, strictEqual } from "node:assert/strict";
 *
 * const counter = new NameCounter((await loadResources()).actors);
 * counter.add({
 *   meta: { id: "a", language: "en", inferred: [] },
 *   text: "Talks\n\nPutin met Minister Ilse Marwen in Astana. She said the talks went well.",
 *   origin: "example",
 *   warnings: [],
 * });
 * const [marwen] = counter.suggestions();
 * strictEqual(marwen.name, "Ilse Marwen");
 * strictEqual(marwen.kind, "person");
 * ok(!counter.suggestions().some((s) => s.name === "Putin" || s.name === "Astana"));
 * ```
 */
export class NameCounter {
  #actors: ActorLexicon;
  #terms = new Set<string>();
  #adjectives = new Set<string>();
  #tallies = new Map<string, Tally>();
  #lowercase = new Set<string>();

  /** @param actors The lexicon whose actors count as covered. */
  constructor(actors: ActorLexicon) {
    this.#actors = actors;
    for (const a of actors.actors) {
      for (const t of [...a.aliases, ...a.metonyms, ...a.adjectives, ...a.exclude, ...a.titles]) {
        this.#terms.add(termKey(termOf(t).term));
      }
      for (const t of a.adjectives) this.#adjectives.add(termKey(termOf(t).term));
    }
  }

  /** Counts the names of one article. */
  add(article: Article): void {
    const t = tokenizeArticle(article);
    const tokens = t.tokens.filter((k) => TEXT_VOICES.includes(k.voice));
    const sentences = t.sentences.filter((s) => TEXT_VOICES.includes(s.voice));
    const covered = new Set<number>();
    const mentions = findMentions(tokens, this.#actors, { date: article.meta.date, sentences });
    for (const m of mentions) for (let i = m.tokenStart; i < m.tokenEnd; i++) covered.add(i);
    const firstWord = new Map<number, number>();
    tokens.forEach((k, i) => {
      if (k.type === "word" && !firstWord.has(k.sentence)) firstWord.set(k.sentence, i);
      if (k.type === "word" && k.text === k.lower) this.#lowercase.add(k.lower);
    });
    const sentenceText = new Map(
      sentences.map((s) => [s.index, article.text.slice(s.start, s.end)]),
    );
    // Names in text order, covered ones too: a pronoun refers to the nearest.
    const antecedents: { at: number; sentence: number; voice: Voice; key?: string }[] = [];
    for (const segment of this.#segments(tokens)) {
      const { to, title } = segment;
      let from = segment.from;
      // "Russian Izvestia": a national adjective of the lexicon is not part of the name.
      while (to - from > 1 && this.#adjectives.has(tokens[from].lower)) from++;
      const first = tokens[from];
      let key: string | undefined;
      const isCovered = [...range(from, to)].some((i) => covered.has(i));
      const form = article.text.slice(first.start, tokens[to - 1].end).replace(/\s+/g, " ");
      if (!isCovered && this.#keep(tokens, from, to, form)) {
        key = termKey(form);
        this.#count(key, form, tokens, from, to, {
          article: article.meta.id,
          voice: nameVoice(first.voice),
          sentence: first.sentence,
          text: (sentenceText.get(first.sentence) ?? form).replace(/\s+/g, " ").trim(),
          title,
        });
      }
      // A name right after a preposition ("at Velmora", "to Karsk") is a place, not someone
      // a pronoun refers back to.
      const after = tokens[from - 1]?.pos === "ADP" && tokens[from - 1].sentence === first.sentence;
      antecedents.push({
        at: from,
        sentence: first.sentence,
        voice: first.voice,
        key: after ? undefined : key,
      });
    }
    // Pronouns vote for the nearest name before them (same or previous sentence of the voice).
    const previousOfVoice = new Map<number, number>();
    const lastOfVoice = new Map<Voice, number>();
    for (const s of sentences) {
      const prev = lastOfVoice.get(s.voice);
      if (prev !== undefined) previousOfVoice.set(s.index, prev);
      lastOfVoice.set(s.voice, s.index);
    }
    let a = -1;
    tokens.forEach((k, i) => {
      while (a + 1 < antecedents.length && antecedents[a + 1].at < i) a++;
      const set = k.pos === "PRON" ? PERSON_PRONOUNS.get(k.lower) : undefined;
      if (!set) return;
      // The nearest name of the same voice (a quotation between does not count).
      let b = a;
      while (b >= 0 && antecedents[b].voice !== k.voice) b--;
      const ante = antecedents[b];
      const window = previousOfVoice.get(k.sentence) ?? k.sentence;
      if (!ante || ante.key === undefined || ante.sentence < window) return;
      this.#tallies.get(ante.key)![set]++;
    });
  }

  /**
   * The names counted so far, merged, with their kind; most frequent first.
   *
   * @param options Fewest occurrences, common words.
   */
  suggestions(options: SuggestionsOptions = {}): SuggestedName[] {
    const common = options.common ?? new Set<string>();
    const tallies = [...this.#tallies.values()].filter((t) => {
      if (t.tokens.length > 1) return true;
      const [word] = t.tokens;
      const forms = [...t.forms.keys()];
      if (forms.every((f) => ACRONYM.test(f))) return true;
      return !common.has(word) && !this.#lowercase.has(word);
    });
    // Shorter names into the one longer name they begin or end, longest first.
    tallies.sort((a, b) => b.tokens.length - a.tokens.length);
    const kept: Tally[] = [];
    for (const t of tallies) {
      const into = kept.filter((l) =>
        l.tokens.length > t.tokens.length && edgeOf(t.tokens, l.tokens)
      );
      if (into.length === 1) merge(into[0], t);
      else kept.push(t);
    }
    const min = options.min ?? 1;
    return kept
      .map(toSuggestion)
      .filter((s) => s.count >= min)
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  }

  /** Runs of capitalised words, split at titles: `[from, to)` token ranges. */
  *#segments(tokens: readonly Token[]): Generator<{ from: number; to: number; title?: string }> {
    const cap = (k: Token | undefined) =>
      k !== undefined && k.type === "word" && CAPITAL.test(k.text) && !FUNCTION_POS.has(k.pos);
    let i = 0;
    while (i < tokens.length) {
      if (!cap(tokens[i])) {
        i++;
        continue;
      }
      const from = i;
      let j = i + 1;
      for (;;) {
        const prev = tokens[j - 1];
        const k = tokens[j];
        if (!k || k.sentence !== prev.sentence) break;
        if (cap(k)) {
          j++;
          continue;
        }
        // A hyphen glued on both sides: "Kassym-Jomart".
        if (
          k.text === "-" && k.start === prev.end && cap(tokens[j + 1]) &&
          tokens[j + 1].start === k.end
        ) {
          j += 2;
          continue;
        }
        // A connector between capitalised words: "University of Velmora", "Republic of the X".
        if (NAME_CONNECTORS.has(k.text)) {
          const next = tokens[j + 1]?.lower === "the" ? j + 2 : j + 1;
          if (cap(tokens[next]) && tokens[next].sentence === k.sentence) {
            j = next + 1;
            continue;
          }
        }
        break;
      }
      i = j;
      if (!tokens.slice(from, j).some((k) => k.pos === "PROPN")) continue;
      // Split at capitalised titles; the part after a title is a person.
      let start = from;
      let title: string | undefined;
      for (let t = from; t <= j; t++) {
        // Titles split a run anywhere; other role words ("Analyst", "Union leader") only lead it.
        const isTitle = t < j && CAPITAL.test(tokens[t].text) &&
          (SPLITTING_TITLES.has(tokens[t].lower) ||
            (t === start && PERSON_TITLES.has(tokens[t].lower)));
        if (t < j && !isTitle) continue;
        let a = start;
        let b = t;
        while (a < b && !cap(tokens[a])) a++;
        while (b > a && !cap(tokens[b - 1])) b--;
        if (a < b) yield { from: a, to: b, title: a === start ? title : undefined };
        if (isTitle) title = tokens[t].text;
        start = t + 1;
      }
    }
  }

  /** Whether a span that no mention covers is a name to suggest. */
  #keep(tokens: readonly Token[], from: number, to: number, form: string): boolean {
    const key = termKey(form);
    if (this.#terms.has(key)) return false;
    const words = tokens.slice(from, to).filter((k) => k.type === "word");
    const last = words[words.length - 1].lower;
    if (words.length === 1) {
      const w = words[0];
      if (CALENDAR_WORDS.has(w.lower) || LANGUAGE_WORDS.has(w.lower)) return false;
      if (PLACE_WORDS.has(w.lower)) return false;
      if (w.lower.endsWith("s") && this.#adjectives.has(w.lower.replace(/e?s$/, ""))) return false;
      if (PEOPLE_ENDING.test(w.lower)) return false;
      const next = tokens[to];
      if (
        ADJECTIVE_ENDING.test(w.lower) && next?.sentence === w.sentence && next.pos === "NOUN" &&
        next.text === next.lower
      ) return false;
      return true;
    }
    if (PLACE_WORDS.has(last)) return false;
    if (words.every((k) => CALENDAR_WORDS.has(k.lower) || this.#adjectives.has(k.lower))) {
      return false;
    }
    return true;
  }

  #count(
    key: string,
    form: string,
    tokens: readonly Token[],
    from: number,
    to: number,
    at: Omit<SuggestedName["example"], "voice"> & { voice: NameVoice; title?: string },
  ): void {
    let t = this.#tallies.get(key);
    if (!t) {
      t = {
        tokens: key.split(" "),
        forms: new Map(),
        counts: new Map(),
        voices: { author: 0, quote: 0, comment: 0 },
        he: 0,
        she: 0,
      };
      this.#tallies.set(key, t);
    }
    t.forms.set(form, (t.forms.get(form) ?? 0) + 1);
    const c = `${at.article}\u0000${at.voice}`;
    t.counts.set(c, (t.counts.get(c) ?? 0) + 1);
    t.voices[at.voice]++;
    if (!t.example || (t.example.voice !== "author" && at.voice === "author")) {
      t.example = { article: at.article, voice: at.voice, sentence: at.sentence, text: at.text };
    }
    const words = tokens.slice(from, to);
    t.title ??= at.title ?? personTitleBefore(tokens, from);
    t.organisation ??= words.find((k) => ORGANISATION_WORDS.has(k.lower))?.text ??
      (words.length === 1 && ACRONYM.test(words[0].text) ? "an acronym" : undefined);
    t.state ??= words.find((k) => STATE_WORDS.has(k.lower))?.text ??
      stateNounNear(tokens, from, to);
  }
}

/**
 * The names of articles that no actor of the lexicon covers (see the module
 * documentation for the rules).
 *
 * @param articles The articles.
 * @param actors The actor lexicon.
 * @param options Fewest occurrences, common words.
 * @returns The names, most frequent first.
 *
 * @example
 * ```ts
 * import { suggestActors } from "./suggest.ts";
 * import { loadResources } from "@framing/toolkit";
 * import { strictEqual } from "node:assert/strict";
 *
 * const [name] = suggestActors([{
 *   meta: { id: "a", language: "en", inferred: [] },
 *   text: "Strike\n\nThe Velmora Dockworkers Union called a strike. The union said it would go on.",
 *   origin: "example",
 *   warnings: [],
 * }], (await loadResources()).actors);
 * strictEqual(name.name, "Velmora Dockworkers Union");
 * strictEqual(name.kind, "organisation");
 * ```
 */
export function suggestActors(
  articles: Iterable<Article>,
  actors: ActorLexicon,
  options: SuggestionsOptions = {},
): SuggestedName[] {
  const counter = new NameCounter(actors);
  for (const a of articles) counter.add(a);
  return counter.suggestions(options);
}

function nameVoice(voice: Voice): NameVoice {
  return voice === "quote" ? "quote" : voice === "comment" ? "comment" : "author";
}

function* range(from: number, to: number): Generator<number> {
  for (let i = from; i < to; i++) yield i;
}

/** A title or role right before the name, possibly after "the" or across a comma. */
function personTitleBefore(tokens: readonly Token[], from: number): string | undefined {
  const first = tokens[from];
  for (let i = from - 1; i >= Math.max(0, from - 3); i--) {
    const k = tokens[i];
    if (k.sentence !== first.sentence) return undefined;
    if (PERSON_TITLES.has(k.lower)) return k.text;
    if (k.text !== "," && k.lower !== "the") return undefined;
  }
  return undefined;
}

/** "Ostria's government", "the government of Ostria". */
function stateNounNear(tokens: readonly Token[], from: number, to: number): string | undefined {
  let after = to;
  if (/^['’]s$/.test(tokens[after]?.text ?? "")) after++;
  const next = tokens[after];
  if (next && next.sentence === tokens[from].sentence && STATE_NOUNS.has(next.lower)) {
    return `${next.text} after it`;
  }
  const of = tokens[from - 1];
  const noun = tokens[from - 2];
  if (of?.lower === "of" && noun && STATE_NOUNS.has(noun.lower)) {
    return `"${noun.text} of" before it`;
  }
  return undefined;
}

/** Whether `short` begins or ends `long`. */
function edgeOf(short: readonly string[], long: readonly string[]): boolean {
  const n = short.length;
  const head = short.every((w, i) => long[i] === w);
  const tail = short.every((w, i) => long[long.length - n + i] === w);
  return head || tail;
}

function merge(into: Tally, from: Tally): void {
  for (const [f, n] of from.forms) into.forms.set(f, (into.forms.get(f) ?? 0) + n);
  for (const [c, n] of from.counts) into.counts.set(c, (into.counts.get(c) ?? 0) + n);
  for (const v of NameVoice.options) into.voices[v] += from.voices[v];
  if (!into.example || (into.example.voice !== "author" && from.example?.voice === "author")) {
    into.example = from.example;
  }
  into.title ??= from.title;
  into.organisation ??= from.organisation;
  into.state ??= from.state;
  into.he += from.he;
  into.she += from.she;
}

function toSuggestion(t: Tally): SuggestedName {
  const forms = [...t.forms].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length).map(([f]) =>
    f
  );
  const name =
    [...t.forms.keys()].sort((a, b) =>
      b.length - a.length || (t.forms.get(b)! - t.forms.get(a)!)
    )[0];
  const count = t.voices.author + t.voices.quote + t.voices.comment;
  // A pronoun is a cue when it refers back to at least a quarter of the name's occurrences.
  const votes = t.he + t.she;
  const pronoun = votes > 0 && votes * 4 >= count ? (t.she > t.he ? "she" : "he") : undefined;
  let kind: SuggestedName["kind"] = "unknown";
  let cue = "no cue";
  const oneWord = t.tokens.length === 1 ? t.tokens[0] : undefined;
  const suffix = oneWord && oneWord.length > 4
    ? STATE_SUFFIXES.find((s) => oneWord.endsWith(s))
    : undefined;
  if (t.title) [kind, cue] = ["person", `title "${t.title}" before it`];
  else if (t.organisation) [kind, cue] = ["organisation", `organisation word: ${t.organisation}`];
  else if (t.state) [kind, cue] = ["state", `state word: ${t.state}`];
  else if (pronoun) [kind, cue] = ["person", `referred back to by ${pronoun} (${votes}×)`];
  else if (suffix) [kind, cue] = ["state", `ends in -${suffix}`];
  return {
    name,
    forms: [name, ...forms.filter((f) => f !== name)],
    kind,
    cue,
    ...(kind === "person" && pronoun ? { pronoun } : {}),
    count,
    voices: { ...t.voices },
    articles: [...t.counts].map(([c, n]) => {
      const [article, voice] = c.split("\u0000");
      return { article, voice: voice as NameVoice, count: n };
    }),
    example: t.example!,
  };
}
