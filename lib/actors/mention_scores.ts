/**
 * The score of each actor mention: the target-sentiment scorer's score (the
 * words around the mention), kept from places by their role, plus the
 * evaluations that events, labels and scare quotes carry, plus balance
 * across the article for who moves toward or away from whom.
 *
 * 1. `sentiment`: `spanSentiment` of the mention, unless its role does not
 *    carry sentence evaluation (a place: `carriesEvaluation`) and another
 *    actor of the sentence owns it (as agent, possessor or described party),
 *    when it counts 0 and its evidence says why.
 * 2. `frames`: the weights of the mention's event, label and scare-quote
 *    evaluations (`frameEvaluations`), added to it.
 * 3. `balance` (Heider 1946; Deng & Wiebe 2015 use the same inference for
 *    entity sentiment): for "X moves away from Y" or "X sides with Y", once
 *    every mention is scored, the writer's stance toward Y in that voice
 *    decides: moving toward someone the writer views well, or away from
 *    someone the writer views badly, counts for X, and the opposite against
 *    it. The contribution is the relation's strength times Y's stance over
 *    the neutral band, clipped to −1..+1 (full strength once the writer's
 *    stance toward Y reaches the band; nothing when it is 0).
 *
 * The sum is clipped to −1..+1. Every part is listed in the mention's
 * evidence with its words, offsets and weight.
 *
 * @module
 */
import type { Token } from "../token.ts";
import type { Voice } from "../voice.ts";
import type { FrameLexicons } from "../sentiment/frame_lexicons.ts";
import { type FrameEvaluation, frameEvaluations } from "../sentiment/frames.ts";
import type { FrameOptions } from "../sentiment/frame_lexicons.ts";
import { NEGATION_FACTOR } from "../sentiment/rules.ts";
import { actorStance, STANCE_DEFAULTS } from "./actor_stance.ts";
import type { MentionScore } from "./actor_scores.ts";
import { carriesEvaluation, type MentionRoleResult } from "./roles.ts";
import type { Mention } from "./schema.ts";

/** Roles in which another actor owns the evaluation of its sentence. */
const OWNERS: ReadonlySet<string> = new Set(["agent", "possessor", "described"]);

/** Strength of a relation toward a whole actor (times the entry's weight / 4). */
export const BALANCE_WEIGHT = 0.5;

/** What {@linkcode mentionScores} reads. */
export interface MentionScoresInput {
  text: string;
  tokens: readonly Token[];
  mentions: readonly Mention[];
  /** The role of each mention (`mentionRoles`), or undefined when roles are off. */
  roles?: readonly MentionRoleResult[];
}

/** Options of {@linkcode mentionScores}. */
export interface MentionScoresOptions {
  /** The frame lexicons (`frameLexicons()`). */
  lexicons: FrameLexicons;
  /** Which frame evaluations take part. */
  frames: FrameOptions;
  /** Neutral band of the stance that balance reads. @default STANCE_DEFAULTS.band */
  band?: number;
}

/** A balance contribution as it appears in the evidence. */
export interface BalanceEvidence {
  kind: "balance";
  start: number;
  end: number;
  form: string;
  entry: string;
  direction: "away" | "toward";
  /** The other party and the writer's stance toward it in this voice. */
  other: string;
  otherStance: number;
  weight: number;
  rule: "balance";
}

/**
 * Scores every mention (see the module documentation).
 *
 * @param input Text, tokens, mentions and their roles.
 * @param sentiment The target-sentiment scorer of one mention (e.g. `spanSentiment`).
 * @param options Frame lexicons, switches and the neutral band.
 * @returns One score with its evidence per mention, in the order given.
 *
 * @example A place next to another actor's good deed, and a move away from a villain
 * ```ts
 * import { mentionScores } from "./mention_scores.ts";
 * import { mentionRoles } from "./roles.ts";
 * import { findMentions } from "./find_mentions.ts";
 * import { ActorLexicon } from "./schema.ts";
 * import { frameLexicons } from "../sentiment/frame_lexicons.ts";
 * import { FrameOptions } from "../sentiment/frame_lexicons.ts";
 * import { spanSentiment } from "../sentiment/span_sentiment.ts";
 * import { tokenizeText } from "../tokenize.ts";
 * import { ok, strictEqual } from "node:assert/strict";
 *
 * const actors = ActorLexicon.parse({
 *   name: "demo", version: "1.0.0", description: "d", source: "s", licence: "CC0-1.0", language: "en",
 *   actors: [
 *     { id: "smith", name: "Smith", kind: "person", aliases: ["Smith"] },
 *     { id: "ruritania", name: "Ruritania", kind: "state", aliases: ["Ruritania"] },
 *     { id: "borduria", name: "Borduria", kind: "state", aliases: ["Borduria"] },
 *   ],
 * });
 * const text = "Smith opened a wonderful new hospital in Ruritania. Borduria is a brutal, corrupt regime. " +
 *   "Ruritania has distanced itself from Borduria.";
 * const { tokens } = tokenizeText(text);
 * const mentions = findMentions(tokens, actors);
 * const roles = mentionRoles(tokens, mentions);
 * const scores = mentionScores({ text, tokens, mentions, roles }, (m) => spanSentiment(tokens, m), {
 *   lexicons: frameLexicons(), frames: FrameOptions.parse({}),
 * });
 * strictEqual(scores[1].score, 0); // the place gets none of the praise
 * ok(scores[0].score > 0);
 * ok(scores[2].score < 0);
 * ok(scores[3].score > 0); // away from a regime the writer condemns
 * ```
 */
export function mentionScores(
  input: MentionScoresInput,
  sentiment: (m: Mention) => MentionScore & { label?: string },
  options: MentionScoresOptions,
): MentionScore[] {
  const { text, tokens, mentions, roles } = input;
  const band = options.band ?? STANCE_DEFAULTS.band;
  const frames = frameEvaluations({ text, tokens, mentions, roles }, options.lexicons, {
    ...options.frames,
    roles: roles !== undefined && options.frames.roles,
  });
  // A place keeps the sentence's evaluation only when no other actor of the
  // sentence owns it as agent, possessor or described party: "Smith opened a
  // fine hospital in Ruritania" credits Smith; "Hostility grows within
  // Ruritania" is about Ruritania itself.
  const ownedByAnother = (i: number) =>
    mentions.some((o, j) =>
      j !== i && o.sentence === mentions[i].sentence && o.actor !== mentions[i].actor &&
      OWNERS.has(roles?.[j].role ?? "other")
    );
  const first = mentions.map((m, i) => {
    const role = roles?.[i].role;
    const base = sentiment(m);
    const flows = role === undefined || carriesEvaluation(role, "sentence") ||
      !ownedByAnother(i);
    const own = frames[i].filter((f) => f.weight !== 0);
    const framed = own.reduce((s, f) => s + f.weight, 0);
    const sum = (flows ? base.score : 0) + framed;
    // The scorer's class where it gives one (the trained model), else the band.
    const judged = flows &&
      (base.label !== undefined ? base.label !== "neutral" : Math.abs(base.score) > band);
    const evaluates = judged || Math.abs(framed) > band;
    const evidence: unknown[] = [
      {
        kind: "sentiment",
        score: base.score,
        counted: flows,
        ...(flows ? {} : {
          rule: `role-${role}: the sentence's evaluation belongs to another actor, not the place`,
        }),
        evidence: base.evidence,
      },
      ...frames[i],
    ];
    return { score: clip(sum), evidence, evaluates };
  });
  // Balance: the writer's stance toward the other party, per voice, from the scores so far.
  const stanceOf = new Map<string, number>();
  const key = (actor: string, voice: Voice) => `${actor}\u0000${voice}`;
  const byKey = new Map<string, { scores: number[]; evaluating: boolean[] }>();
  mentions.forEach((m, i) => {
    const k = key(m.actor, m.voice);
    const group = byKey.get(k) ?? { scores: [], evaluating: [] };
    group.scores.push(first[i].score);
    group.evaluating.push(first[i].evaluates);
    byKey.set(k, group);
  });
  for (const [k, g] of byKey) stanceOf.set(k, actorStance(g.scores, g));
  const strength = strengthLookup(options.lexicons);
  return mentions.map((m, i) => {
    const added: BalanceEvidence[] = [];
    for (const f of frames[i]) {
      const r = f.relation;
      if (f.kind !== "relation" || f.weight !== 0 || !r?.actor || r.side !== "agent") continue;
      const other = stanceOf.get(key(r.actor, m.voice)) ?? 0;
      if (other === 0) continue;
      const w = (strength(f.entry) / 4) * BALANCE_WEIGHT * (f.negated ? NEGATION_FACTOR : 1) *
        (r.direction === "away" ? -1 : 1) * clip(other / Math.max(band, 1e-9));
      added.push({
        kind: "balance",
        start: f.start,
        end: f.end,
        form: f.form,
        entry: f.entry,
        direction: r.direction,
        other: r.actor,
        otherStance: other,
        weight: w,
        rule: "balance",
      });
    }
    if (added.length === 0) return first[i];
    const balance = added.reduce((s, b) => s + b.weight, 0);
    const score = clip(first[i].score + balance);
    return {
      score,
      evidence: [...first[i].evidence, ...added],
      evaluates: first[i].evaluates || Math.abs(balance) > band,
    };
  });
}

function clip(x: number): number {
  return Math.max(-1, Math.min(1, x));
}

/** The strength (0..4) of a relation entry, from the first lexicon that lists it. */
function strengthLookup(lexicons: FrameLexicons): (entry: string) => number {
  const cache = new Map<string, number>();
  return (entry) => {
    let w = cache.get(entry);
    if (w === undefined) {
      w = 0;
      for (const lex of lexicons.events) {
        const e = lex.entries.find((x) => x.term === entry);
        if (e) {
          w = Math.abs(e.weight ?? 0);
          break;
        }
      }
      cache.set(entry, w);
    }
    return w;
  };
}

/** The frame evaluations of a mention, as listed in its evidence. */
export type { FrameEvaluation };
