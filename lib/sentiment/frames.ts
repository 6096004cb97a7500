/**
 * Evaluation carried by what an actor does, what it is called, and the
 * quote marks around it: for each mention, the evaluations that its role
 * gives it from event frames, alignment predicates, labels and scare quotes.
 *
 * Rules (the `rule` of each evaluation):
 * - Events (kind `event`), from data/lexicons/event_frames.yaml:
 *   - `agent`: the mention is the subject, passive `by` agent, relative
 *     subject or "from" source of the frame's verb ("Smith blackmailed Jones").
 *   - `agent-chain`: the frame comes later in the agent's clause, with no
 *     other subject between ("X has taken many small steps away from Y",
 *     "X flirted with A and drifted away from B").
 *   - `possessor-agent`: the mention owns an event noun ("Ruritania's betrayal").
 *   - `modifier-agent`: an actor adjective before an event noun ("Bordurian aggression").
 *   - `patient`: the mention is the object, passive subject or prepositional
 *     object of the frame, or the frame's own preposition governs it ("sided with X").
 *   - `of-patient`: "of" after an event noun ("the invasion of Ruritania").
 *   - `implicature`: a patient of a good-for or bad-for frame that has a view
 *     of its agent gets half of that view times the effect (Deng & Wiebe
 *     2014): the victim of a blamed act is seen with sympathy, the
 *     beneficiary of a credited act favourably.
 *   - `theme`: the agent of a good-for or bad-for frame whose object is a
 *     state of affairs in a theme lexicon (data/lexicons/themes.yaml) shares
 *     the valence of the change (Deng & Wiebe 2014's inference from the
 *     theme): lowering something bad or raising something good credits it
 *     ("Ruritania cut pollution", "created jobs"), the reverse blames it.
 *     Weight = effect (+1 good-for, −1 bad-for) × strength / 4 × theme
 *     valence / 4. The theme is the head of the noun phrase right after the
 *     predicate (or of an "of" phrase in it), not a modifier of another
 *     noun; none when an actor is the patient, for a passive's agent, or
 *     after "for" ("fought for jobs"). Switch: `themes`.
 *   A negated frame (the model's negation flag on its first word) is
 *   multiplied by −0.74 (VADER's factor) and gives no implicature. A frame
 *   inside the object of an alignment predicate ("refrained from attacking")
 *   is multiplied by −1 under `away`, +1 under `toward` (rule suffix `+away`,
 *   `+toward`), and under `away` gives no implicature (the act did not happen).
 * - Relations (kind `relation`), from the `away`/`toward` categories: recorded
 *   for the agent (side `agent`) and the other party (side `object`), with
 *   the other party's actor id when it is a mention and weight 0 (balance is
 *   applied across the article by the caller), rule `relation`. When the other
 *   party is not an actor but its words carry a label ("flirting with
 *   home-grown nationalists"), balance is applied here: weight = direction
 *   (+1 toward, −1 away) × label valence / 4 × 0.5, rule `balance-label`.
 * - Labels (kind `label`), from political_labels.yaml and the domain
 *   sentiment lexicon: `apposition`, `predicate-nominal`,
 *   `predicate-adjective` (a label in the phrase the role names),
 *   `pre-modifier` ("nationalist Ruritania"), `head-noun` ("the Strelsau
 *   regime", "Bordurian aggression"), `government-of` ("the Russophobic
 *   regime in Ruritania", "the puppet government of X": the label is about the
 *   place's government, so it applies even to a `location` mention; only
 *   heads that name a government count, so "a puppet of Borduria" does not
 *   label Borduria). Weight = valence / 4, negation as above.
 * - Scare quotes (kind `scare-quote`, the writer's distance): `quoted-name`
 *   (quote marks around the mention, −0.5), `applied` (a scare quote in the
 *   mention's phrase, label or right beside it: "Ruritania's “multi-vector”
 *   policy", −0.5), `same-clause` (a scare quote elsewhere in the mention's
 *   clause, for a mention that is its agent, described or possessor: the
 *   one whose self-description it likely is, "Ruritania calls itself
 *   “multi-vector”", −0.25).
 *
 * @module
 */
import { z } from "zod";
import { type MentionRoleResult, mentionRoles } from "../actors/roles.ts";
import { ActorId, type Mention } from "../actors/schema.ts";
import type { Hit } from "../lexicon/hit.ts";
import { matchLexicon } from "../lexicon/match.ts";
import type { Lexicon } from "../lexicon/schema.ts";
import { findScareQuotes, type ScareQuote } from "../stance/scare_quotes.ts";
import type { Token } from "../token.ts";
import { sentenceFrame } from "./span_context.ts";
import { type FrameLexicons, FrameOptions, type FrameOptionsInput } from "./frame_lexicons.ts";
import { CLAUSE_OPENERS, NEGATION_FACTOR } from "./rules.ts";

/** One evaluation of a mention, with the words that carry it. */
export const FrameEvaluation = z.object({
  kind: z.enum(["event", "relation", "label", "scare-quote"]),
  /** Offsets of the evaluative words (the frame, the label, the quoted stretch). */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  form: z.string(),
  /** The lexicon term (for a scare quote: the quoted text). */
  entry: z.string(),
  /** The lexicon the entry comes from (`scare_quotes` for scare quotes). */
  lexicon: z.string(),
  /** −1..+1: the writer's implied view of the actor from these words. */
  weight: z.number().min(-1).max(1),
  rule: z.string(),
  /** The evaluative words are negated. */
  negated: z.boolean().optional(),
  /** For kind `relation`: the direction and the other party. */
  relation: z.object({
    direction: z.enum(["away", "toward"]),
    /** Which party the mention is: the one moving (`agent`) or the one moved from/to (`object`). */
    side: z.enum(["agent", "object"]),
    /** The other party's actor id, when it is a mention. */
    actor: ActorId.optional(),
    /** Offsets of the other party (a mention, or the words after the predicate). */
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  }).optional(),
});
/** One evaluation of a mention. */
export type FrameEvaluation = z.infer<typeof FrameEvaluation>;

/** What frame evaluation reads. */
export interface FrameInput {
  /** The raw text the tokens point into. */
  text: string;
  tokens: readonly Token[];
  mentions: readonly Mention[];
  /** Roles from `mentionRoles`, one per mention. @default computed */
  roles?: readonly MentionRoleResult[];
  /** Ids of actors that are persons (never places), used when roles are computed here. */
  persons?: ReadonlySet<string>;
}

const SCARE_LEXICON = "scare_quotes";
/**
 * The sympathy inference (a bad-for act of a blamed agent casts its patient as
 * a victim) is kept weak: on the NewsMTSC training split its sign agreed with
 * the target label 28 times and disagreed 33 times.
 */
const IMPLICATURE_FACTOR = 0.25;
const BALANCE_FACTOR = 0.5;
/** Parts of speech of a noun phrase's words (with "of" and possessive "'s"). */
const NOUN_PHRASE = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"]);
/** Parts of speech that make a theme word a modifier when they follow it. */
const NOUNISH = new Set(["NOUN", "PROPN"]);
/** Scale of the theme inference (rule `theme`): effect × strength/4 × valence/4 × this. */
const THEME_FACTOR = 1;
const QUOTED_WEIGHT = -0.5;
const CLAUSE_QUOTE_WEIGHT = -0.25;
const OBJECT_WINDOW = 8;

const GOVERNMENT_NOUNS = new Set(
  `regime government authorities authority junta leadership elite elites administration rulers
  ruler cabinet clique dictatorship autocracy oligarchy establishment leaders leader cabal mafia
  clan`.split(/\s+/),
);

/** One frame found in a sentence: an entry's span with its directions. */
interface Frame {
  hit: Hit;
  categories: Set<string>;
  strength: number;
  negated: boolean;
  /** Direction sign of the alignment predicate this frame stands in the object of. */
  under?: { sign: number; name: "away" | "toward" };
}

/**
 * The evaluations of each mention from event frames, relations, labels and
 * scare quotes.
 *
 * @param input Text, tokens, mentions and (optionally) their roles.
 * @param lexicons From `frameLexicons()`.
 * @param options Switches ({@linkcode FrameOptions}); `extra` is read by `frameLexicons`, not here.
 * @returns One list per mention, in the order given.
 *
 * @example The agent of a blackmail is blamed; its victim is seen with sympathy
 * ```ts
 * import { frameEvaluations } from "./frames.ts";
 * import { frameLexicons } from "./frame_lexicons.ts";
 * import { tokenizeText } from "../tokenize.ts";
 * import type { Mention } from "../actors/schema.ts";
 * import { ok } from "node:assert/strict";
 *
 * const text = "Smith blackmailed Jones.";
 * const { tokens } = tokenizeText(text);
 * const m = (actor: string, i: number): Mention => ({
 *   actor, start: tokens[i].start, end: tokens[i].end, tokenStart: i, tokenEnd: i + 1,
 *   sentence: 0, voice: "body", form: tokens[i].text, via: "alias", term: tokens[i].text,
 * });
 * const [smith, jones] = frameEvaluations(
 *   { text, tokens, mentions: [m("smith", 0), m("jones", 2)] },
 *   frameLexicons(),
 * );
 * ok(smith.some((e) => e.kind === "event" && e.rule === "agent" && e.weight < 0));
 * ok(jones.some((e) => e.rule === "implicature" && e.weight > 0));
 * ```
 */
export function frameEvaluations(
  input: FrameInput,
  lexicons: FrameLexicons,
  options: FrameOptionsInput = {},
): FrameEvaluation[][] {
  const opts = FrameOptions.parse(options);
  const { text, tokens, mentions } = input;
  const roles: readonly MentionRoleResult[] = opts.roles
    ? input.roles ?? mentionRoles(tokens, mentions, { persons: input.persons })
    : mentions.map((m) => ({
      role: "other",
      rule: "roles-off",
      phrase: [m.tokenStart, m.tokenEnd],
    }));
  const out: FrameEvaluation[][] = mentions.map(() => []);
  const bySentence = new Map<number, number[]>();
  mentions.forEach((m, i) => {
    const list = bySentence.get(m.sentence);
    if (list) list.push(i);
    else bySentence.set(m.sentence, [i]);
  });
  if (bySentence.size === 0) return out;
  const eventHits = opts.events || opts.relations
    ? hitsBySentence(tokens, lexicons.events, text)
    : undefined;
  const labelHits = opts.labels || opts.relations
    ? hitsBySentence(tokens, lexicons.labels, text)
    : undefined;
  const themeHits = opts.events && opts.themes
    ? hitsBySentence(tokens, lexicons.themes, text)
    : undefined;
  const quotes = opts.scareQuotes ? quotesBySentence(text, tokens) : undefined;
  for (const [sentence, indexes] of bySentence) {
    const s = new SentenceFrames(
      { text, tokens, mentions, roles, out },
      indexes,
      opts,
      eventHits?.get(sentence) ?? [],
      labelHits?.get(sentence) ?? [],
      themeHits?.get(sentence) ?? [],
    );
    if (opts.events || opts.relations) s.events();
    if (opts.labels) s.labels();
    if (quotes) s.scareQuotes(quotes.get(sentence) ?? { plain: [], names: [] });
  }
  return out;
}

interface Shared {
  text: string;
  tokens: readonly Token[];
  mentions: readonly Mention[];
  roles: readonly MentionRoleResult[];
  out: FrameEvaluation[][];
}

/** The frames, labels and mentions of one sentence. */
class SentenceFrames {
  readonly from: number;
  readonly to: number;
  readonly strong: number[];
  readonly frames: Frame[];

  constructor(
    readonly shared: Shared,
    readonly indexes: number[],
    readonly opts: FrameOptions,
    eventHits: Hit[],
    readonly labelHits: Hit[],
    readonly themeHits: Hit[],
  ) {
    const { tokens, mentions } = shared;
    const first = mentions[indexes[0]].tokenStart;
    let from = first;
    const sentence = tokens[first].sentence;
    while (from > 0 && tokens[from - 1].sentence === sentence) from--;
    let to = first;
    while (to < tokens.length && tokens[to].sentence === sentence) to++;
    this.from = from;
    this.to = to;
    // The clauses the span scorer worked out for this sentence (sentenceFrame caches them).
    this.strong = sentenceFrame(tokens, from, to).clauses.strong;
    this.frames = framesOf(eventHits, tokens);
    // Frames inside the object of an alignment predicate are governed by it.
    for (const outer of this.frames) {
      const dir = direction(outer);
      if (!dir) continue;
      const [a, b] = this.objectSpan(outer.hit);
      for (const inner of this.frames) {
        if (inner !== outer && inner.hit.tokenStart >= a && inner.hit.tokenStart < b) {
          inner.under ??= { sign: dir === "away" ? -1 : 1, name: dir };
        }
      }
    }
  }

  clause(i: number): number {
    return this.strong[i - this.from];
  }

  push(i: number, e: Omit<FrameEvaluation, "form">): void {
    const form = this.shared.text.slice(e.start, e.end);
    this.shared.out[i].push({ ...e, form, weight: clamp(e.weight) });
  }

  /** Words after a predicate that name the other party: up to a clause boundary. */
  objectSpan(hit: Hit): [number, number] {
    const { tokens } = this.shared;
    let b = hit.tokenEnd;
    while (
      b < this.to && b - hit.tokenEnd < OBJECT_WINDOW && tokens[b].text !== "," &&
      this.clause(b) === this.clause(hit.tokenStart) &&
      !(b > hit.tokenEnd && CLAUSE_OPENERS.has(tokens[b].lower)) &&
      !(b > hit.tokenEnd && tokens[b].pos === "CCONJ")
    ) b++;
    while (b > hit.tokenEnd && tokens[b - 1].pos === "PUNCT") b--;
    return [hit.tokenEnd, b];
  }

  /** Event and relation evaluations. */
  events(): void {
    for (const f of this.frames) {
      const agents = this.agentsOf(f);
      const patients = this.patientsOf(f);
      for (const [i, rule] of agents) this.agentSide(f, i, rule, patients);
      for (const [i, rule] of patients) this.patientSide(f, i, rule, agents);
    }
  }

  agentsOf(f: Frame): Map<number, string> {
    const { mentions, roles } = this.shared;
    const found = new Map<number, string>();
    const [a, b] = [f.hit.tokenStart, f.hit.tokenEnd];
    const inHit = (k: number | undefined) => k !== undefined && k >= a && k < b;
    const nominal = f.categories.has("nominal");
    let chain: { i: number; at: number } | undefined;
    for (const i of this.indexes) {
      const m = mentions[i];
      const r = roles[i];
      for (const core of [r, r.secondary]) {
        if (!core || core.role !== "agent" || !core.predicate) continue;
        const p = core.predicate.tokenStart;
        if (inHit(p)) found.set(i, "agent");
        else if (p < a && (!chain || p > chain.at)) chain = { i, at: p };
      }
      if (nominal && r.rule === "possessive" && r.predicate) {
        const { tokenStart, tokenEnd } = r.predicate;
        if (a >= tokenStart && a < tokenEnd && (b === tokenEnd || f.hit.tokenEnd - a > 1)) {
          found.set(i, "possessor-agent");
        }
      }
      if (nominal && m.via === "adjective" && a >= m.tokenEnd && a < r.phrase[1]) {
        found.set(i, "modifier-agent");
      }
    }
    if (chain && found.size === 0 && this.chains(chain.at, f)) found.set(chain.i, "agent-chain");
    return found;
  }

  /** True when frame `f` continues the clause of a predicate at `p` (no new subject between). */
  chains(p: number, f: Frame): boolean {
    const { tokens } = this.shared;
    const a = f.hit.tokenStart;
    if (f.hit.tokenEnd - a === 1 && tokens[a].pos !== "VERB") return false;
    if (this.clause(p) !== this.clause(a)) return false;
    for (let k = p + 1; k < a; k++) {
      const t = tokens[k];
      if (CLAUSE_OPENERS.has(t.lower) || t.lower === "that") return false;
      if ((t.pos === "VERB" || t.pos === "AUX") && k > p + 1) {
        let j = k - 1;
        while (j > p && (tokens[j].pos === "ADV" || tokens[j].pos === "AUX")) j--;
        if (j > p && ["NOUN", "PROPN", "PRON"].includes(tokens[j].pos)) return false;
      }
    }
    return true;
  }

  patientsOf(f: Frame): Map<number, string> {
    const { tokens, roles } = this.shared;
    const found = new Map<number, string>();
    const [a, b] = [f.hit.tokenStart, f.hit.tokenEnd];
    const inHit = (k: number | undefined) => k !== undefined && k >= a && k < b;
    for (const i of this.indexes) {
      const r = roles[i];
      if (r.role === "agent" || r.role === "possessor" && r.rule === "possessive") {
        continue;
      }
      if (r.preposition !== undefined && inHit(r.preposition)) found.set(i, "patient");
      else if (
        r.role === "patient" && inHit(r.predicate?.tokenStart) && r.preposition === undefined
      ) {
        found.set(i, "patient");
      } else if (
        r.role === "patient" && r.preposition !== undefined && r.preposition === b &&
        inHit(r.predicate?.tokenStart)
      ) found.set(i, "patient");
      else if (
        f.categories.has("nominal") && r.preposition === b && tokens[b]?.lower === "of"
      ) found.set(i, "of-patient");
    }
    return found;
  }

  agentSide(f: Frame, i: number, rule: string, patients: Map<number, string>): void {
    const { hit } = f;
    const neg = f.negated ? NEGATION_FACTOR : 1;
    const under = f.under ? f.under.sign : 1;
    const suffix = f.under ? `+${f.under.name}` : "";
    const base = {
      start: hit.start,
      end: hit.end,
      entry: hit.entry,
      lexicon: hit.lexicon,
      ...(f.negated ? { negated: true } : {}),
    };
    const view = agentView(f);
    if (this.opts.events && view !== 0) {
      this.push(i, { ...base, kind: "event", weight: view * neg * under, rule: rule + suffix });
    }
    const theme = this.themeOf(f, i, patients);
    if (theme) {
      this.push(i, {
        ...base,
        start: Math.min(hit.start, theme.hit.start),
        end: Math.max(hit.end, theme.hit.end),
        entry: `${hit.entry} + ${theme.hit.entry}`,
        lexicon: `${hit.lexicon} + ${theme.hit.lexicon}`,
        kind: "event",
        weight: theme.effect * (f.strength / 4) * ((theme.hit.weight ?? 0) / 4) * THEME_FACTOR *
          neg * under,
        rule: "theme" + suffix,
      });
    }
    const dir = direction(f);
    if (!this.opts.relations || !dir) return;
    const { mentions } = this.shared;
    // A relation whose other party is an actor's mention (or unknown: the predicate itself),
    // left at weight 0 for balance across the article.
    const relation = (o?: { actor: string; start: number; end: number }) =>
      this.push(i, {
        ...base,
        kind: "relation",
        weight: 0,
        rule: "relation",
        relation: o
          ? { direction: dir, side: "agent", actor: o.actor, start: o.start, end: o.end }
          : { direction: dir, side: "agent", start: hit.start, end: hit.end },
      });
    const other = [...patients.keys()].find((j) => mentions[j].actor !== mentions[i].actor);
    if (other !== undefined) return relation(mentions[other]);
    const [a, b] = this.shared.roles[i].rule === "passive-agent" ? [0, 0] : this.objectSpan(hit);
    // "criticised Ruritania's policy": an actor inside the object is the other party.
    const inside = this.indexes.find((j) =>
      j !== i && mentions[j].actor !== mentions[i].actor && mentions[j].tokenStart >= a &&
      mentions[j].tokenEnd <= b
    );
    if (inside !== undefined) return relation(mentions[inside]);
    if (b <= a) return relation();
    const { tokens } = this.shared;
    const nested = this.frames.some((g) =>
      g.under && g.hit.tokenStart >= a && g.hit.tokenStart < b
    );
    const label = nested
      ? undefined
      : this.labelHits.find((h) => h.tokenStart >= a && h.tokenEnd <= b);
    const sign = dir === "away" ? -1 : 1;
    const weight = label ? sign * (label.weight ?? 0) / 4 * BALANCE_FACTOR * neg * under : 0;
    this.push(i, {
      ...base,
      kind: "relation",
      weight,
      rule: label ? "balance-label" + suffix : "relation",
      relation: { direction: dir, side: "agent", start: tokens[a].start, end: tokens[b - 1].end },
    });
  }

  /**
   * The theme of a good-for or bad-for frame whose agent is mention `i`: the
   * first theme word heading the noun phrase after the predicate
   * ({@linkcode SentenceFrames.objectNounPhrase}), when no actor is the
   * frame's patient and the agent is not a passive's ("by" phrase).
   */
  themeOf(
    f: Frame,
    i: number,
    patients: Map<number, string>,
  ): { hit: Hit; effect: number } | undefined {
    if (!this.opts.events || !this.opts.themes || this.themeHits.length === 0) return undefined;
    const effect = effectOf(f);
    if (effect === 0 || patients.size > 0) return undefined;
    if (this.shared.roles[i].rule === "passive-agent") return undefined;
    const [a, b] = this.objectNounPhrase(f.hit);
    if (b <= a) return undefined;
    const { tokens } = this.shared;
    // The theme is the phrase's head or the head of an "of" phrase in it ("the
    // risk of war"), not a modifier of another noun ("climate change rules").
    const hit = this.themeHits.find((h) =>
      h.tokenStart >= a && h.tokenEnd <= b &&
      !(h.tokenEnd < b && NOUNISH.has(tokens[h.tokenEnd].pos))
    );
    return hit && { hit, effect };
  }

  /**
   * The noun phrase right after a predicate: determiners, adjectives, nouns,
   * numbers and possessives, across "of"; it ends at a verb, another
   * preposition, punctuation or a conjunction. Empty when the predicate is
   * followed by "for" ("fought for jobs" turns the act around) or a verb.
   */
  objectNounPhrase(hit: Hit): [number, number] {
    const { tokens } = this.shared;
    const [a, end] = this.objectSpan(hit);
    let b = a;
    while (b < end) {
      const t = tokens[b];
      if (t.lower === "of" && b > a) {
        b++;
        continue;
      }
      if (!NOUN_PHRASE.has(t.pos) && t.lower !== "'s" && t.lower !== "’s") break;
      b++;
    }
    return [a, b];
  }

  patientSide(f: Frame, i: number, rule: string, agents: Map<number, string>): void {
    const { hit } = f;
    const base = {
      start: hit.start,
      end: hit.end,
      entry: hit.entry,
      lexicon: hit.lexicon,
      ...(f.negated ? { negated: true } : {}),
    };
    const neg = f.negated ? NEGATION_FACTOR : 1;
    const w = f.strength / 4;
    if (this.opts.events) {
      const direct = (f.categories.has("patient_positive") ? w : 0) -
        (f.categories.has("patient_negative") ? w : 0);
      if (direct !== 0) this.push(i, { ...base, kind: "event", weight: direct * neg, rule });
      const effect = effectOf(f);
      const view = agentView(f);
      if (effect !== 0 && view !== 0 && !f.negated && f.under?.name !== "away") {
        this.push(i, {
          ...base,
          kind: "event",
          weight: Math.sign(view) * effect * IMPLICATURE_FACTOR * w,
          rule: "implicature",
        });
      }
    }
    const dir = direction(f);
    if (!this.opts.relations || !dir) return;
    const { mentions } = this.shared;
    const other = [...agents.keys()].find((j) => mentions[j].actor !== mentions[i].actor);
    const o = other !== undefined ? mentions[other] : undefined;
    this.push(i, {
      ...base,
      kind: "relation",
      weight: 0,
      rule: "relation",
      relation: {
        direction: dir,
        side: "object",
        ...(o ? { actor: o.actor } : {}),
        start: o ? o.start : hit.start,
        end: o ? o.end : hit.end,
      },
    });
  }

  /** Label evaluations. */
  labels(): void {
    const { tokens, mentions, roles } = this.shared;
    for (const i of this.indexes) {
      const m = mentions[i];
      const r = roles[i];
      const seen = new Set<Hit>();
      const add = (h: Hit, rule: string) => {
        if (seen.has(h)) return;
        seen.add(h);
        const negated = tokens[h.tokenStart].negated;
        this.push(i, {
          kind: "label",
          start: h.start,
          end: h.end,
          entry: h.entry,
          lexicon: h.lexicon,
          weight: (h.weight ?? 0) / 4 * (negated ? NEGATION_FACTOR : 1),
          rule,
          ...(negated ? { negated: true } : {}),
        });
      };
      const within = (a: number, b: number) =>
        this.labelHits.filter((h) => h.tokenStart >= a && h.tokenEnd <= b);
      for (const core of [r, r.secondary]) {
        if (core?.role === "described" && core.predicate) {
          for (const h of within(core.predicate.tokenStart, core.predicate.tokenEnd)) {
            add(h, core.rule);
          }
        }
      }
      const [pa, pb] = r.phrase;
      for (const h of within(pa, m.tokenStart)) add(h, "pre-modifier");
      if (r.rule !== "possessive") { for (const h of within(m.tokenEnd, pb)) add(h, "head-noun"); }
      // "the Russophobic regime in X", "the puppet government of X".
      const prep = r.preposition;
      if (prep !== undefined && ["in", "of"].includes(tokens[prep].lower) && prep > this.from) {
        const head = tokens[prep - 1];
        const isLabelHead = this.labelHits.some((h) => h.tokenEnd === prep) &&
          GOVERNMENT_NOUNS.has(head.lemma);
        if (head.pos === "NOUN" && (GOVERNMENT_NOUNS.has(head.lemma) || isLabelHead)) {
          let a = prep - 1;
          while (
            a > this.from && ["ADJ", "NOUN", "PROPN", "PUNCT"].includes(tokens[a - 1].pos) &&
            tokens[a - 1].text !== ","
          ) a--;
          for (const h of within(a, prep)) add(h, "government-of");
        }
      }
    }
  }

  /** Token ranges where a scare quote is applied to mention `i`: its phrase, its label, its possession. */
  appliedSpans(i: number): [number, number][] {
    const r = this.shared.roles[i];
    const [pa, pb] = r.phrase;
    const spans: [number, number][] = [[pa - 1, pb + 1]];
    for (const core of [r, r.secondary]) {
      if (core?.role === "described" && core.predicate) {
        spans.push([core.predicate.tokenStart - 1, core.predicate.tokenEnd + 1]);
      }
    }
    if (r.rule === "possessive" && r.predicate) {
      spans.push([r.predicate.tokenStart - 1, r.predicate.tokenEnd + 1]);
    }
    return spans;
  }

  /** Scare-quote evaluations. */
  scareQuotes(quotes: { plain: ScareQuote[]; names: ScareQuote[] }): void {
    const { mentions, roles } = this.shared;
    // Each quote applied to a mention belongs to the first such mention only.
    const appliedTo = new Map<ScareQuote, number>();
    for (const i of this.indexes) {
      for (const q of quotes.plain) {
        if (appliedTo.has(q)) continue;
        const m = mentions[i];
        const covers = q.tokenStart <= m.tokenStart && m.tokenEnd <= q.tokenEnd;
        if (
          covers ||
          this.appliedSpans(i).some(([a, b]) => q.tokenStart - 1 >= a && q.tokenEnd + 1 <= b + 1)
        ) {
          appliedTo.set(q, i);
        }
      }
    }
    for (const i of this.indexes) {
      const m = mentions[i];
      const r = roles[i];
      const add = (q: ScareQuote, rule: string, weight: number) =>
        this.push(i, {
          kind: "scare-quote",
          start: q.start,
          end: q.end,
          entry: q.inner,
          lexicon: SCARE_LEXICON,
          weight,
          rule,
        });
      const covering = [...quotes.names, ...quotes.plain].find((q) =>
        q.tokenStart <= m.tokenStart && m.tokenEnd <= q.tokenEnd
      );
      if (covering) {
        add(covering, "quoted-name", QUOTED_WEIGHT);
        continue;
      }
      let done = false;
      for (const q of quotes.plain) {
        if (appliedTo.get(q) === i) {
          add(q, "applied", QUOTED_WEIGHT);
          done = true;
        }
      }
      if (done || !["agent", "described", "possessor"].includes(r.role)) continue;
      for (const q of quotes.plain) {
        if (appliedTo.has(q)) continue;
        if (
          q.tokenStart < this.to && q.tokenEnd > this.from &&
          this.clause(q.tokenStart) === this.clause(m.tokenStart)
        ) {
          add(q, "same-clause", CLAUSE_QUOTE_WEIGHT);
        }
      }
    }
  }
}

function clamp(x: number): number {
  return Math.max(-1, Math.min(1, x));
}

/** The writer's view of the agent a frame implies, −1..+1 (before negation). */
function agentView(f: Frame): number {
  const w = f.strength / 4;
  return (f.categories.has("agent_positive") ? w : 0) -
    (f.categories.has("agent_negative") ? w : 0);
}

/** +1 for a good-for frame, −1 for a bad-for one, 0 for neither (or both). */
function effectOf(f: Frame): number {
  return (f.categories.has("good_for") ? 1 : 0) - (f.categories.has("bad_for") ? 1 : 0);
}

function direction(f: Frame): "away" | "toward" | undefined {
  return f.categories.has("away") ? "away" : f.categories.has("toward") ? "toward" : undefined;
}

/** Merges the per-category hits of one span into one frame per span. */
function framesOf(hits: Hit[], tokens: readonly Token[]): Frame[] {
  const bySpan = new Map<string, Frame>();
  for (const h of hits) {
    const key = `${h.tokenStart}:${h.tokenEnd}:${h.lexicon}`;
    const f = bySpan.get(key);
    if (f) f.categories.add(h.category);
    else {
      bySpan.set(key, {
        hit: h,
        categories: new Set([h.category]),
        strength: Math.abs(h.weight ?? 0),
        negated: tokens[h.tokenStart].negated,
      });
    }
  }
  return [...bySpan.values()];
}

const HITS = new WeakMap<readonly Token[], Map<Lexicon[], Map<number, Hit[]>>>();

/**
 * Hits of several lexicons by sentence, computed once per token array; where
 * two lexicons match overlapping tokens the earlier lexicon wins.
 */
function hitsBySentence(
  tokens: readonly Token[],
  lexicons: Lexicon[],
  text: string,
): Map<number, Hit[]> {
  let perTokens = HITS.get(tokens);
  if (!perTokens) HITS.set(tokens, perTokens = new Map());
  const key = [...perTokens.keys()].find((k) =>
    k.length === lexicons.length && k.every((l, i) => l === lexicons[i])
  );
  if (key) return perTokens.get(key)!;
  const taken = new Uint8Array(tokens.length);
  const out = new Map<number, Hit[]>();
  for (const lexicon of lexicons) {
    const hits = matchLexicon(tokens, lexicon, { text });
    const mark: Hit[] = [];
    for (const h of hits) {
      let free = true;
      for (let k = h.tokenStart; k < h.tokenEnd; k++) if (taken[k]) free = false;
      if (!free) continue;
      mark.push(h);
      const list = out.get(h.sentence);
      if (list) list.push(h);
      else out.set(h.sentence, [h]);
    }
    for (const h of mark) for (let k = h.tokenStart; k < h.tokenEnd; k++) taken[k] = 1;
  }
  for (const list of out.values()) list.sort((a, b) => a.tokenStart - b.tokenStart);
  perTokens.set(lexicons, out);
  return out;
}

const QUOTES = new WeakMap<
  readonly Token[],
  Map<number, { plain: ScareQuote[]; names: ScareQuote[] }>
>();

/** Scare quotes (and quoted names) by sentence, found once per token array. */
function quotesBySentence(
  text: string,
  tokens: readonly Token[],
): Map<number, { plain: ScareQuote[]; names: ScareQuote[] }> {
  const cached = QUOTES.get(tokens);
  if (cached) return cached;
  const out = new Map<number, { plain: ScareQuote[]; names: ScareQuote[] }>();
  const slot = (s: number) => {
    let v = out.get(s);
    if (!v) out.set(s, v = { plain: [], names: [] });
    return v;
  };
  const plain = findScareQuotes(text, tokens);
  const key = (q: ScareQuote) => `${q.start}:${q.end}`;
  const plainKeys = new Set(plain.map(key));
  for (const q of plain) slot(q.sentence).plain.push(q);
  for (const q of findScareQuotes(text, tokens, { includeNames: true })) {
    if (!plainKeys.has(key(q))) slot(q.sentence).names.push(q);
  }
  QUOTES.set(tokens, out);
  return out;
}
