/**
 * The role of each actor mention in its clause, from the language model's
 * POS tags and a few clause rules: who acts (`agent`), who is acted on
 * (`patient`), whose thing it is (`possessor`), where it happens
 * (`location`), who is described by a label (`described`), or none of these
 * (`other`).
 *
 * The rules, in the order they decide (each gives its name as `rule`):
 * 1. `possessive`: a possessive form is a `possessor` ("Smith's plan", "his plan").
 * 2. The word left of the mention's noun phrase governs it:
 *    - a preposition: `of-possessor` ("the plan of Smith"); `passive-agent`
 *      ("blackmailed by Smith", an `agent`); `from-source` after a noun of
 *      action ("pressure from Smith", an `agent`); `prep-object` after a
 *      verb or adjective that takes the preposition ("drifted away from X",
 *      "sided with X", "turned to X", "loyal to X", a `patient`);
 *      `prep-target` ("sanctions against X", "pressure on X", "a threat to
 *      X", "hostility towards X", a `patient`); `place-preposition` (in, at,
 *      across, into, through, "a visit to X", "imports from X": a
 *      `location`, for actors that are not persons); `prep-other` (for,
 *      between, "talks with X": `other`);
 *    - a verb: `object` ("blackmailed X", a `patient`), or `inverted-speech`
 *      ("…," said X, an `agent`). After a verb of saying or thinking, a
 *      mention followed by its own verb is that verb's subject instead.
 *    - "and"/"or" after another noun phrase: the mention shares the first
 *      conjunct's governor ("sanctioned X and Y"), unless a verb follows it.
 * 3. Otherwise the words right of the phrase decide (skipping an aside
 *    between commas, coordinated phrases, adverbs and auxiliaries):
 *    `relative-subject` (", which betrayed Y", an `agent`); `subject` (an
 *    `agent`); `passive-subject` ("X was blackmailed", a `patient`);
 *    `predicate-nominal` ("X is an ethnocracy", "X became a satellite") and
 *    `predicate-adjective` ("X is corrupt"), both `described`.
 * 4. `apposition`: a verbless phrase between commas after the mention that
 *    starts with a determiner, an adjective or a noun ("X, a puppet of Y,")
 *    makes it `described`; the verb after the apposition, when there is one,
 *    is kept as `secondary` (the mention is also that verb's subject). After
 *    a phrase whose role rule 2 gave, an apposition is kept as `secondary`
 *    ("… blackmailed Syldavia, a small kingdom").
 * 5. `none`: no rule applied (`other`).
 *
 * The rules read one sentence at a time and never cross it. They are
 * heuristics over POS tags, not a parser: a misread tag misreads the role.
 *
 * @module
 */
import { z } from "zod";
import type { Token } from "../token.ts";
import type { Mention } from "./schema.ts";
import { headOf, isPossessiveMarker, isQuote, nounPhrase, sentenceBounds } from "./_phrase.ts";

/** The role of a mention in its clause. */
export const MentionRole = z.enum([
  "agent",
  "patient",
  "possessor",
  "location",
  "described",
  "other",
]);
/** The role of a mention in its clause. */
export type MentionRole = z.infer<typeof MentionRole>;

/**
 * The word or phrase a role ties the mention to: its verb (agent, patient),
 * the noun it owns (possessor), its label (described), or the preposition
 * (location, `prep-other`).
 */
export const RolePredicate = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  tokenStart: z.number().int().nonnegative(),
  tokenEnd: z.number().int().nonnegative(),
  /** Lemma of the predicate's head word. */
  lemma: z.string(),
});
/** The word or phrase a role ties the mention to. */
export type RolePredicate = z.infer<typeof RolePredicate>;

const RoleCore = z.object({
  role: MentionRole,
  /** Name of the rule that gave the role (see the module notes). */
  rule: z.string(),
  predicate: RolePredicate.optional(),
});

/** The role of one mention, the rule that gave it, and where the rule looked. */
export const MentionRoleResult = RoleCore.extend({
  /** A second role the mention also has: the verb after an apposition. */
  secondary: RoleCore.optional(),
  /** Token range `[start, end)` of the mention's noun phrase. */
  phrase: z.tuple([z.number().int(), z.number().int()]),
  /** Token index of the preposition that governs the phrase, if one does. */
  preposition: z.number().int().optional(),
});
/** The role of one mention. */
export type MentionRoleResult = z.infer<typeof MentionRoleResult>;

/** Options of {@linkcode mentionRoles}. */
export interface MentionRolesOptions {
  /**
   * Ids of actors that are persons: a person after "in", "at", "to" ... is
   * never a place (`prep-other` instead of `place-preposition`). @default none
   */
  persons?: ReadonlySet<string>;
}

function words(list: string): Set<string> {
  return new Set(list.trim().split(/\s+/));
}

const LOCATIVE = words(`in at across throughout within inside outside near around into through
  via along beyond beside onto`);
const TARGET_PREPS = words("against on upon toward towards");
/** Verbs, adverbs and adjectives after which "from X" is X as a party left behind. */
const AWAY_FROM = words(`away apart distance withdraw break split decouple diverge detach divorce
  disengage depart defect secede separate differ`);
/** Nouns after which "from X" names who acts. */
const SOURCE_NOUNS = words(`pressure threat threats help support aid assistance criticism attack
  attacks demand demands interference message offer call warning warnings investment investments
  proposal request signal response reaction invitation backing praise condemnation objection
  blackmail provocation provocations aggression statement statements`);
/** Verbs and adjectives that take "to X" as a party. */
const TO_HEADS = words(`turn pivot yield capitulate submit surrender bow kowtow defer cling appeal
  pander gravitate lean tilt drift warm defect switch belong cozy cosy reach open close closer
  loyal hostile friendly subservient beholden opposed indebted obedient allied committed
  sympathetic faithful attached`);
/** Nouns after which "to X" names the party affected. */
const TO_NOUNS = words(`threat threats danger damage harm ultimatum challenge insult blow affront
  risk aid help assistance support loan loans gift loyalty allegiance obedience subservience
  opposition hostility commitment reply response answer letter appeal message`);
/** Verbs after which a mention with its own verb is the subject of a new clause. */
const CLAUSE_VERBS = words(`say tell think believe claim know argue hope fear insist suggest warn
  note admit state report announce add explain stress emphasize emphasise assume expect show
  prove mean realize realise understand see feel doubt deny confirm`);
const SPEECH = words(`say tell state add ask reply answer respond write declare announce note
  explain stress emphasize emphasise insist claim remark comment continue warn recall admit
  argue conclude assert`);
const COPULAR = words("become remain seem appear stay turn prove");
const RELATIVES = words("who which that");
const CONJUNCTIONS = words("and or nor");
const POSSESSIVE_PRONOUNS = words("his its their hers");
const PASSIVE_AUX = words("be get");

/**
 * Assigns a role to every mention, sentence by sentence.
 *
 * @param tokens The text's tokens (those the mentions index).
 * @param mentions Mentions from `findMentions`, any order.
 * @param options Which actors are persons.
 * @returns One result per mention, in the order given.
 *
 * @example Agent, patient and place
 * ```ts
 * import { mentionRoles } from "./roles.ts";
 * import { tokenizeText } from "@framing/toolkit";
 * import type { Mention } from "@framing/toolkit/lexicon";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const text = "Smith blackmailed Jones in Ruritania.";
 * const { tokens } = tokenizeText(text);
 * const m = (actor: string, i: number): Mention => ({
 *   actor, start: tokens[i].start, end: tokens[i].end, tokenStart: i, tokenEnd: i + 1,
 *   sentence: 0, voice: "body", form: tokens[i].text, via: "alias", term: tokens[i].text,
 * });
 * const roles = mentionRoles(tokens, [m("smith", 0), m("jones", 2), m("ruritania", 4)]);
 * deepStrictEqual(roles.map((r) => r.role), ["agent", "patient", "location"]);
 * deepStrictEqual(roles.map((r) => r.predicate?.lemma), ["blackmail", "blackmail", "in"]);
 * ```
 */
export function mentionRoles(
  tokens: readonly Token[],
  mentions: readonly Mention[],
  options: MentionRolesOptions = {},
): MentionRoleResult[] {
  const persons = options.persons ?? new Set<string>();
  const bounds = new Map<number, [number, number]>();
  return mentions.map((m) => {
    let b = bounds.get(m.sentence);
    if (!b) bounds.set(m.sentence, b = sentenceBounds(tokens, m.tokenStart));
    return roleOf(tokens, m, b, persons.has(m.actor));
  });
}

type Core = z.infer<typeof RoleCore>;

function predicate(tokens: readonly Token[], a: number, b: number, head = b - 1): RolePredicate {
  return {
    start: tokens[a].start,
    end: tokens[b - 1].end,
    tokenStart: a,
    tokenEnd: b,
    lemma: tokens[head].lemma,
  };
}

function one(tokens: readonly Token[], i: number): RolePredicate {
  return predicate(tokens, i, i + 1);
}

function roleOf(
  tokens: readonly Token[],
  m: Mention,
  sentence: [number, number],
  person: boolean,
): MentionRoleResult {
  const [from, to] = sentence;
  const [a, b] = nounPhrase(tokens, m.tokenStart, m.tokenEnd, sentence);
  const phrase: [number, number] = [a, b];
  const last = tokens[m.tokenEnd - 1];
  // 1. Possessive forms.
  if (
    isPossessiveMarker(last) ||
    (m.via === "pronoun" && (POSSESSIVE_PRONOUNS.has(last.lower) ||
      (last.lower === "her" && ["NOUN", "ADJ"].includes(tokens[m.tokenEnd]?.pos ?? ""))))
  ) {
    let k = m.tokenEnd;
    while (
      k < to && (["ADJ", "NOUN", "PROPN", "NUM"].includes(tokens[k].pos) || isQuote(tokens[k]) ||
        (tokens[k].text === "-" && k > m.tokenEnd))
    ) k++;
    while (k > m.tokenEnd && !["NOUN", "PROPN"].includes(tokens[k - 1].pos)) k--;
    const head = k > m.tokenEnd ? headOf(tokens, m.tokenEnd, k) : m.tokenEnd - 1;
    return {
      role: "possessor",
      rule: "possessive",
      predicate: k > m.tokenEnd ? predicate(tokens, m.tokenEnd, k, head) : undefined,
      phrase,
    };
  }
  // 2. The governor on the left.
  const right = rightContext(tokens, b, to);
  const left = governor(tokens, a, from, person, right);
  if (left) {
    // "… hoodwinked Syldavia, a grifter state": an apposition after a governed phrase.
    const ap = right.apposition;
    return {
      ...left.core,
      ...(ap
        ? {
          secondary: {
            role: "described" as const,
            rule: "apposition",
            predicate: predicate(tokens, ap[0], ap[1], headOf(tokens, ap[0], ap[1])),
          },
        }
        : {}),
      phrase,
      ...(left.prep !== undefined ? { preposition: left.prep } : {}),
    };
  }
  // 3-4. The words on the right.
  if (right.apposition) {
    const ap = right.apposition;
    return {
      role: "described",
      rule: "apposition",
      predicate: predicate(tokens, ap[0], ap[1], headOf(tokens, ap[0], ap[1])),
      ...(right.core ? { secondary: right.core } : {}),
      phrase,
    };
  }
  if (right.core) return { ...right.core, phrase };
  return { role: "other", rule: "none", phrase };
}

/** What the governing word on the left says, if anything. */
function governor(
  tokens: readonly Token[],
  a: number,
  from: number,
  person: boolean,
  right: RightContext,
  depth = 0,
): { core: Core; prep?: number } | undefined {
  const g = a - 1;
  if (g < from) return undefined;
  const t = tokens[g];
  if (t.pos === "ADP" || LOCATIVE.has(t.lower) || TARGET_PREPS.has(t.lower)) {
    return { core: prepositionRole(tokens, g, from, person), prep: g };
  }
  if (t.pos === "VERB") {
    if (right.hasVerb && CLAUSE_VERBS.has(t.lemma)) return undefined;
    const before = tokens[g - 1];
    if (SPEECH.has(t.lemma) && g - 1 >= from && (isQuote(before) || before.text === ",")) {
      return { core: { role: "agent", rule: "inverted-speech", predicate: one(tokens, g) } };
    }
    return { core: { role: "patient", rule: "object", predicate: one(tokens, g) } };
  }
  if (CONJUNCTIONS.has(t.lower) && depth === 0 && !right.hasVerb) {
    // "sanctioned X and Y": Y shares the governor of the first conjunct.
    let k = g;
    while (k > from && ["DET", "ADJ", "NUM", "NOUN", "PROPN"].includes(tokens[k - 1].pos)) k--;
    if (k < g && ["NOUN", "PROPN"].includes(tokens[g - 1].pos)) {
      return governor(tokens, k, from, person, right, depth + 1);
    }
  }
  return undefined;
}

/** The role a preposition at `g` gives the phrase after it. */
function prepositionRole(tokens: readonly Token[], g: number, from: number, person: boolean): Core {
  const prep = tokens[g].lower;
  // The head the preposition attaches to: skip particles, reflexives and "away".
  let h = g - 1;
  let away = false;
  while (
    h >= from &&
    (tokens[h].pos === "ADV" || tokens[h].pos === "PART" || /sel(f|ves)$/.test(tokens[h].lower))
  ) {
    if (AWAY_FROM.has(tokens[h].lower)) away = true;
    h--;
  }
  const head = h >= from ? tokens[h] : undefined;
  const headPos = head?.pos ?? "";
  const headLemma = head?.lemma ?? "";
  const pred = head ? one(tokens, h) : one(tokens, g);
  const place = (): Core =>
    person
      ? { role: "other", rule: "prep-other", predicate: one(tokens, g) }
      : { role: "location", rule: "place-preposition", predicate: one(tokens, g) };
  switch (prep) {
    case "of":
      return { role: "possessor", rule: "of-possessor", predicate: pred };
    case "by":
      return { role: "agent", rule: "passive-agent", predicate: pred };
    case "with":
      return headPos === "VERB"
        ? { role: "patient", rule: "prep-object", predicate: pred }
        : { role: "other", rule: "prep-other", predicate: one(tokens, g) };
    case "from":
      if (away || AWAY_FROM.has(headLemma)) {
        return { role: "patient", rule: "prep-object", predicate: pred };
      }
      if (isNoun(headPos) && SOURCE_NOUNS.has(head!.lower)) {
        return { role: "agent", rule: "from-source", predicate: pred };
      }
      return place();
    case "to":
      if (
        (headPos === "VERB" || headPos === "ADJ" || headPos === "ADV") && TO_HEADS.has(headLemma)
      ) {
        return { role: "patient", rule: "prep-object", predicate: pred };
      }
      if (isNoun(headPos) && TO_NOUNS.has(head!.lower)) {
        return { role: "patient", rule: "prep-target", predicate: pred };
      }
      return place();
  }
  if (TARGET_PREPS.has(prep)) return { role: "patient", rule: "prep-target", predicate: pred };
  if (LOCATIVE.has(prep)) return place();
  return { role: "other", rule: "prep-other", predicate: one(tokens, g) };
}

function isNoun(pos: string): boolean {
  return pos === "NOUN" || pos === "PROPN";
}

interface RightContext {
  /** A verb (or a copula) follows the phrase, past asides and coordinated phrases. */
  hasVerb: boolean;
  core?: Core;
  apposition?: [number, number];
}

const NP_START = new Set(["DET", "ADJ", "NOUN", "NUM"]);

/** Reads what follows the phrase `[.., b)`: apposition, relative clause, verb. */
function rightContext(
  tokens: readonly Token[],
  b: number,
  to: number,
): RightContext {
  let k = b;
  let apposition: [number, number] | undefined;
  // An aside or apposition between commas.
  if (k < to && tokens[k].text === ",") {
    if (k + 1 < to && RELATIVES.has(tokens[k + 1].lower) && tokens[k + 1].lower !== "that") {
      const v = verbAfter(tokens, k + 2, to);
      if (v) return { hasVerb: true, core: verbCore(tokens, v, "relative-subject") };
    }
    let j = k + 1;
    let verbless = true;
    let hasNoun = false;
    while (j < to && j - k < 14 && tokens[j].text !== ",") {
      const p = tokens[j].pos;
      if (p === "VERB" || p === "AUX") verbless = false;
      if (p === "NOUN") hasNoun = true;
      j++;
    }
    const first = tokens[k + 1];
    if (verbless && j > k + 1 && first) {
      const appositive = hasNoun &&
        (NP_START.has(first.pos) ||
          (first.pos === "PROPN" && isPossessiveMarker(tokens[k + 2] ?? first)));
      if (appositive) apposition = [k + 1, j];
      else if (first.pos !== "ADP" && first.pos !== "ADV") return { hasVerb: false };
      if (j >= to || tokens[j].text !== ",") {
        return { hasVerb: false, apposition };
      }
      k = j + 1;
    } else if (!verbless) {
      return { hasVerb: false };
    }
  }
  // Coordinated phrases: "X and Y signed".
  while (k < to && CONJUNCTIONS.has(tokens[k].lower) && k + 1 < to) {
    let j = k + 1;
    while (j < to && ["DET", "ADJ", "NUM", "NOUN", "PROPN"].includes(tokens[j].pos)) j++;
    if (j === k + 1 || !["NOUN", "PROPN"].includes(tokens[j - 1].pos)) break;
    if (j < to && isPossessiveMarker(tokens[j])) break;
    k = j;
  }
  if (k < to && isPossessiveMarker(tokens[k])) return { hasVerb: false, apposition };
  let v = verbAfter(tokens, k, to);
  // "Bordurian sanctions against Ruritania hurt ...": a phrase's own
  // prepositional phrases (at most two) stand between it and its verb.
  for (let pp = 0, j = k; !v && pp < 2 && j < to && tokens[j].pos === "ADP"; pp++) {
    let e = j + 1;
    while (e < to && ["DET", "ADJ", "NUM", "NOUN", "PROPN"].includes(tokens[e].pos)) e++;
    if (e === j + 1 || !isNoun(tokens[e - 1].pos)) break;
    v = verbAfter(tokens, e, to);
    j = e;
  }
  if (!v) return { hasVerb: false, apposition };
  return { hasVerb: true, core: verbCore(tokens, v, "subject"), apposition };
}

interface VerbAt {
  /** Index of the verb, or of the copula when there is no verb. */
  verb: number;
  /** Auxiliary lemmas before it. */
  aux: string[];
  /** The verb is a copula ("be", "become" ...) followed by a noun phrase or adjective. */
  complement?: [number, number];
}

/** The verb right after `k`, past adverbs, "not" and auxiliaries. */
function verbAfter(tokens: readonly Token[], k: number, to: number): VerbAt | undefined {
  const aux: string[] = [];
  let j = k;
  while (j < to) {
    const t = tokens[j];
    if (t.pos === "ADV" || (t.pos === "PART" && t.lower !== "to")) j++;
    else if (t.pos === "AUX") {
      aux.push(t.lemma);
      j++;
    } else if (t.text === "," && aux.length === 0 && tokens[j + 1]?.pos === "ADV") j++;
    else break;
  }
  const t = tokens[j];
  if (j < to && t.pos === "VERB") {
    if (COPULAR.has(t.lemma)) {
      const c = complementAfter(tokens, j + 1, to);
      if (c) return { verb: j, aux, complement: c };
    }
    return { verb: j, aux };
  }
  if (aux.length > 0 && aux[aux.length - 1] === "be") {
    const c = complementAfter(tokens, j, to);
    if (c) return { verb: j - 1, aux: aux.slice(0, -1), complement: c };
  }
  // "X has some lofty goals": a form of "have" or "do" as the main verb.
  if (
    aux.length > 0 && ["have", "do"].includes(aux[aux.length - 1]) && j < to &&
    ["DET", "NOUN", "ADJ", "NUM", "PRON", "PROPN"].includes(t.pos)
  ) {
    let v = j - 1;
    while (tokens[v].pos !== "AUX") v--;
    return { verb: v, aux: aux.slice(0, -1) };
  }
  return undefined;
}

/** A noun phrase or adjective phrase starting at `k` (after adverbs). */
function complementAfter(
  tokens: readonly Token[],
  k: number,
  to: number,
): [number, number] | undefined {
  let j = k;
  while (j < to && tokens[j].pos === "ADV") j++;
  const start = j;
  while (j < to && ["DET", "ADJ", "NUM", "NOUN", "PROPN", "PART"].includes(tokens[j].pos)) {
    if (tokens[j].pos === "PART" && !isPossessiveMarker(tokens[j])) break;
    j++;
  }
  // "an ethnocracy of the worst kind": the phrase runs on through "of".
  while (
    j + 1 < to && tokens[j].lower === "of" &&
    ["DET", "ADJ", "NOUN", "PROPN"].includes(tokens[j + 1].pos)
  ) {
    j++;
    while (j < to && ["DET", "ADJ", "NUM", "NOUN", "PROPN"].includes(tokens[j].pos)) j++;
  }
  if (j === start) return undefined;
  if (!tokens.slice(start, j).some((t) => ["NOUN", "ADJ", "PROPN"].includes(t.pos))) {
    return undefined;
  }
  return [start, j];
}

function verbCore(tokens: readonly Token[], v: VerbAt, subjectRule: string): Core {
  if (v.complement) {
    const [s, e] = v.complement;
    const head = headOfComplement(tokens, s, e);
    const nominal = ["NOUN", "PROPN"].includes(tokens[head].pos);
    return {
      role: "described",
      rule: nominal ? "predicate-nominal" : "predicate-adjective",
      predicate: predicate(tokens, s, e, head),
    };
  }
  const verb = tokens[v.verb];
  const passive = v.aux.length > 0 && PASSIVE_AUX.has(v.aux[v.aux.length - 1]) &&
    !verb.lower.endsWith("ing");
  return passive
    ? { role: "patient", rule: "passive-subject", predicate: one(tokens, v.verb) }
    : { role: "agent", rule: subjectRule, predicate: one(tokens, v.verb) };
}

/** The head of a complement: its first noun before "of", else its last adjective. */
function headOfComplement(tokens: readonly Token[], s: number, e: number): number {
  let end = e;
  for (let k = s; k < e; k++) {
    if (tokens[k].lower === "of") {
      end = k;
      break;
    }
  }
  for (let k = end - 1; k >= s; k--) if (["NOUN", "PROPN"].includes(tokens[k].pos)) return k;
  for (let k = end - 1; k >= s; k--) if (tokens[k].pos === "ADJ") return k;
  return end - 1;
}

/** Where the evaluation of a mention comes from. */
export const EvaluationSource = z.enum(["sentence", "event", "relation", "label", "scare-quote"]);
/** Where the evaluation of a mention comes from. */
export type EvaluationSource = z.infer<typeof EvaluationSource>;

/**
 * Whether evaluation from a source may flow to a mention in a role. The
 * sentiment words around a mention (`sentence`: span sentiment) do not flow
 * to a `location`: in "Smith opened a fine new hospital in Ruritania" the
 * praise is Smith's, not Ruritania's. Frame evaluations (`event`,
 * `relation`, `label`, `scare-quote`) flow to every role: the frame rules
 * give a place one only when the evaluative words are about the place itself
 * (the frame's own preposition governs it, "invest in X"; a label of its
 * government, "the regime in X"; quote marks around its name).
 *
 * @example
 * ```ts
 * import { carriesEvaluation } from "./roles.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(carriesEvaluation("location", "sentence"), false);
 * strictEqual(carriesEvaluation("location", "label"), true);
 * strictEqual(carriesEvaluation("agent", "sentence"), true);
 * ```
 */
export function carriesEvaluation(role: MentionRole, source: EvaluationSource): boolean {
  return !(role === "location" && source === "sentence");
}
