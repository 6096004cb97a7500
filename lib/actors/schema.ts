/**
 * Actor lexicons and actor mentions: the zod schemas (single source of each type).
 *
 * An actor lexicon lists who can be talked about: each actor has a canonical
 * id, a display name, a kind, and the forms by which a text refers to it:
 * aliases (names), titles bound to the time they applied ("Kazakh president"),
 * metonyms ("Kremlin", "Akorda"), adjectives that count only where the state
 * acts ("Western sanctions"), and phrases that must never count (`exclude`,
 * e.g. "Moscow State University").
 *
 * A term is written as it appears in text: words separated by spaces, hyphens
 * kept ("Kassym-Jomart"). Matching ignores case unless the term says
 * `caseSensitive: true` ("US", not "us"), and treats curly and straight
 * apostrophes alike.
 *
 * @module
 */
import { z } from "zod";
import { Voice } from "../voice.ts";
import { MentionRole } from "./roles.ts";

const ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;
const VERSION_PATTERN = /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/;
/** A calendar point as precise as known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const PARTIAL_DATE_PATTERN = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/** An actor id: lower-case letters, digits, `_` and `-`. */
export const ActorId = z.string().regex(ID_PATTERN, {
  error: 'expected an id of lower-case letters, digits, "_" and "-"',
});
/** An actor id. */
export type ActorId = z.infer<typeof ActorId>;

/** What an actor is. `group` is a social group acting together (an elite, a movement). */
export const ActorKind = z.enum(["person", "state", "organisation", "bloc", "group"]);
/** What an actor is. */
export type ActorKind = z.infer<typeof ActorKind>;

/** A non-empty term: words separated by spaces. */
const TermText = z.string().regex(/\S/, { error: "expected a non-empty term" });

/**
 * A form of reference: a plain string, or an object that says the case
 * matters (`{ term: US, caseSensitive: true }`).
 */
export const ActorTerm = z.union([
  TermText,
  z.strictObject({
    term: TermText,
    /** Compare the exact capitalisation. @default false */
    caseSensitive: z.boolean().default(false),
  }),
]);
/** A form of reference as written in a file. */
export type ActorTerm = z.infer<typeof ActorTerm>;

/** A calendar point, `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a bare year may be a YAML number). */
export const PartialDate = z.union([
  z.int().min(1000).max(2999).transform((y) => String(y)),
  z.string().regex(PARTIAL_DATE_PATTERN, {
    error: 'expected a date "YYYY", "YYYY-MM" or "YYYY-MM-DD"',
  }),
]);

/**
 * A title and the time it applied to this actor: `from` inclusive, `to`
 * exclusive (the day the next holder took office). A missing bound is open.
 * A bare year as `from` means its first day; as `to`, the first day of that
 * year too (write `to: 2020` for "until the end of 2019").
 */
export const ActorTitle = z.strictObject({
  term: TermText,
  caseSensitive: z.boolean().default(false),
  from: PartialDate.optional(),
  to: PartialDate.optional(),
});
/** A title bound to a time. */
export type ActorTitle = z.infer<typeof ActorTitle>;

/** One actor of the lexicon. */
export const Actor = z.strictObject({
  /** Canonical id, used in every output row. */
  id: ActorId.describe("Canonical id used in every output row."),
  /** Name shown to readers. */
  name: z.string().min(1).describe("Name shown to readers."),
  kind: ActorKind.describe("person, state, organisation, bloc or group."),
  /**
   * For persons: the pronoun set that may refer back to them (`he`: he, his,
   * him; `she`: she, her, hers). Persons without one are never a pronoun's antecedent.
   */
  pronoun: z.enum(["he", "she"]).optional().describe(
    "For persons: pronouns that may refer back to them (he: he/his/him; she: she/her/hers).",
  ),
  /** Names and other plain forms. */
  aliases: z.array(ActorTerm).default([]).describe("Names and other plain forms."),
  /** Titles, each bound to the years it applied. */
  titles: z.array(ActorTitle).default([]).describe(
    "Titles bound to time: from inclusive, to exclusive (YYYY, YYYY-MM or YYYY-MM-DD).",
  ),
  /** Places or buildings that stand for the actor (Kremlin, Moscow). */
  metonyms: z.array(ActorTerm).default([]).describe(
    "Places or buildings that stand for the actor (Kremlin, Akorda).",
  ),
  /** Adjectives that count only before a noun of state action (Western sanctions). */
  adjectives: z.array(ActorTerm).default([]).describe(
    "Adjectives that count only before one of actingNouns (Western sanctions).",
  ),
  /** Phrases that contain a form of this actor but never refer to it (Moscow State University). */
  exclude: z.array(ActorTerm).default([]).describe(
    "Phrases containing a form of the actor that never refer to it (Moscow State University).",
  ),
  /** Other actors this one speaks for (Rosatom's director for Rosatom). Informational. */
  represents: z.array(ActorId).default([]).describe(
    "Ids of actors this one speaks for (informational).",
  ),
  /** Free-text note for readers of the file. */
  note: z.string().optional(),
});
/** One actor, defaults applied. */
export type Actor = z.infer<typeof Actor>;

const ActorLexiconFields = z.strictObject({
  /** Lexicon id. */
  name: ActorId,
  version: z.string().regex(VERSION_PATTERN, { error: 'expected a version like "1.0.0"' }),
  description: z.string().min(1),
  /** Citation, or where the list comes from. */
  source: z.string().min(1),
  /** Licence (SPDX id where there is one). */
  licence: z.string().min(1),
  /** BCP 47 language tag. */
  language: z.string().min(2),
  notes: z.string().optional(),
  /**
   * Lemmas of nouns that make an adjective count as the state acting:
   * "sanction" lets "Western sanctions" count for the West; "language" is
   * absent, so "Russian language" does not count for Russia.
   */
  actingNouns: z.array(z.string().min(1)).default([]).describe(
    "Lemmas of nouns of state action after which an actor adjective counts.",
  ),
  actors: z.array(Actor).min(1),
});

/**
 * The look-up key of a term or a stretch of text: curly apostrophes
 * straightened, spaces collapsed, lower-cased unless case-sensitive.
 *
 * @example
 * ```ts
 * import { termKey } from "./schema.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(termKey("Russia’s  President"), "russia's president");
 * strictEqual(termKey("US", true), "US");
 * ```
 */
export function termKey(term: string, caseSensitive = false): string {
  const s = term.replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'").trim().replace(/\s+/g, " ");
  return caseSensitive ? s : s.toLowerCase();
}

/**
 * A term as `{term, caseSensitive}`, whichever way it was written.
 *
 * @example
 * ```ts
 * import { termOf } from "./schema.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(termOf("Kremlin"), { term: "Kremlin", caseSensitive: false });
 * deepStrictEqual(termOf({ term: "US", caseSensitive: true }), { term: "US", caseSensitive: true });
 * ```
 */
export function termOf(t: ActorTerm): { term: string; caseSensitive: boolean } {
  return typeof t === "string" ? { term: t, caseSensitive: false } : t;
}

/**
 * The first day a partial date covers.
 *
 * @example
 * ```ts
 * import { dateFloor } from "./schema.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(dateFloor("2019"), "2019-01-01");
 * strictEqual(dateFloor("2019-03"), "2019-03-01");
 * strictEqual(dateFloor("2019-03-20"), "2019-03-20");
 * ```
 */
export function dateFloor(d: string): string {
  if (d.length === 4) return `${d}-01-01`;
  if (d.length === 7) return `${d}-01`;
  return d;
}

/**
 * A validated actor lexicon. Beyond each field it checks that ids are unique,
 * `represents` names known actors, a title's `from` comes before its `to`,
 * no alias or metonym belongs to two actors, and two actors sharing a title
 * never held it at the same time.
 *
 * @example A one-actor lexicon
 * ```ts
 * import { ActorLexicon } from "@framing/toolkit/lexicon";
 * import { strictEqual } from "node:assert/strict";
 *
 * const lex = ActorLexicon.parse({
 *   name: "demo", version: "1.0.0", description: "Demo.", source: "written for this example",
 *   licence: "CC0-1.0", language: "en",
 *   actors: [{ id: "russia", name: "Russia", kind: "state", aliases: ["Russia"] }],
 * });
 * strictEqual(lex.actors[0].metonyms.length, 0);
 * strictEqual(ActorLexicon.safeParse({ ...lex, actors: [] }).success, false);
 * ```
 */
export const ActorLexicon = ActorLexiconFields.superRefine((lex, ctx) => {
  const ids = new Map<string, number>();
  lex.actors.forEach((a, i) => {
    if (ids.has(a.id)) {
      ctx.addIssue({
        code: "custom",
        path: ["actors", i, "id"],
        message: `expected a unique id, got ${JSON.stringify(a.id)} again (first at actors[${
          ids.get(a.id)
        }])`,
      });
    } else ids.set(a.id, i);
  });
  const owner = new Map<string, { actor: string; where: string }>();
  const titleSpans = new Map<string, { actor: string; from: string; to: string }[]>();
  lex.actors.forEach((a, i) => {
    a.represents.forEach((r, j) => {
      if (!ids.has(r)) {
        ctx.addIssue({
          code: "custom",
          path: ["actors", i, "represents", j],
          message: `expected the id of an actor in this file, got ${JSON.stringify(r)}`,
        });
      }
    });
    for (const field of ["aliases", "metonyms", "adjectives"] as const) {
      a[field].forEach((t, j) => {
        const { term, caseSensitive } = termOf(t);
        const key = `${caseSensitive}\u0000${termKey(term, caseSensitive)}`;
        const prior = owner.get(key);
        if (prior && prior.actor !== a.id) {
          ctx.addIssue({
            code: "custom",
            path: ["actors", i, field, j],
            message: `expected a form that names one actor, got ${
              JSON.stringify(term)
            }, already a form of ${JSON.stringify(prior.actor)} (${prior.where})`,
          });
        } else owner.set(key, { actor: a.id, where: `actors[${i}].${field}[${j}]` });
      });
    }
    a.titles.forEach((t, j) => {
      const from = t.from ? dateFloor(t.from) : "0000-01-01";
      const to = t.to ? dateFloor(t.to) : "9999-12-31";
      if (from >= to) {
        ctx.addIssue({
          code: "custom",
          path: ["actors", i, "titles", j, "to"],
          message: `expected "to" after "from", got from ${t.from} to ${t.to}`,
        });
        return;
      }
      const key = `${t.caseSensitive}\u0000${termKey(t.term, t.caseSensitive)}`;
      const spans = titleSpans.get(key) ?? [];
      const clash = spans.find((s) => s.actor !== a.id && s.from < to && from < s.to);
      if (clash) {
        ctx.addIssue({
          code: "custom",
          path: ["actors", i, "titles", j],
          message: `expected holders of the title ${
            JSON.stringify(t.term)
          } not to overlap in time, but ${
            JSON.stringify(clash.actor)
          } also held it between ${clash.from} and ${clash.to}`,
        });
      }
      spans.push({ actor: a.id, from, to });
      titleSpans.set(key, spans);
    });
  });
});
/** A validated actor lexicon, defaults applied. */
export type ActorLexicon = z.infer<typeof ActorLexicon>;
/** An actor lexicon as written in a file. */
export type ActorLexiconInput = z.input<typeof ActorLexicon>;

/** How a mention was found. */
export const MentionVia = z.enum([
  "alias",
  "title",
  "metonym",
  "adjective",
  "possessive",
  "pronoun",
]);
/** How a mention was found. */
export type MentionVia = z.infer<typeof MentionVia>;

/**
 * One place where a text refers to an actor. `start`/`end` are UTF-16 offsets
 * into the raw text; `tokenStart`/`tokenEnd` index the token array (end
 * exclusive).
 */
export const Mention = z.object({
  actor: ActorId,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  tokenStart: z.number().int().nonnegative(),
  tokenEnd: z.number().int().nonnegative(),
  sentence: z.number().int().nonnegative(),
  voice: Voice,
  /** The text as it stands (`"Tokayev’s"`). */
  form: z.string(),
  via: MentionVia,
  /** The lexicon term that matched (for a pronoun: the antecedent's form). */
  term: z.string(),
  /** Why this actor: how a title's date was fixed, a pronoun's antecedent, an adjective's noun. */
  basis: z.string().optional(),
  /** The mention's role in its clause (see lib/actors/roles.ts), when roles were assigned. */
  role: MentionRole.optional(),
  /** The name of the rule that gave the role. */
  roleRule: z.string().optional(),
});
/** One mention of an actor. */
export type Mention = z.infer<typeof Mention>;

/** A title found in the text that could not be bound to one holder. */
export const UnresolvedTitle = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  tokenStart: z.number().int().nonnegative(),
  tokenEnd: z.number().int().nonnegative(),
  sentence: z.number().int().nonnegative(),
  voice: Voice,
  form: z.string(),
  /** Actors that held the title at some time. */
  candidates: z.array(ActorId),
  /** Why it stayed unresolved. */
  reason: z.string(),
});
/** A title that could not be bound to one holder. */
export type UnresolvedTitle = z.infer<typeof UnresolvedTitle>;

/**
 * One row of actor sentiment: an actor in one voice. The headline figure is
 * `stance` (built from the mentions that evaluate, `actor_stance.ts`); the
 * plain mean over all mentions stays in `score`.
 */
export const ActorScoreRow = z.object({
  actor: ActorId,
  voice: Voice,
  /** Number of mentions scored. */
  mentions: z.number().int().positive(),
  /**
   * The stance toward the actor on −1..+1, 0 when no mention evaluates it:
   * the sum of the evaluating mentions' scores over their count plus
   * `method.prior` (see `actorStance`).
   */
  stance: z.number(),
  /**
   * Percentile bootstrap interval of the stance (mentions resampled): `[low, high]`.
   * Absent when the analysis computed no intervals (`intervals: false`, the
   * default of `analyze --compact`).
   */
  stanceCi: z.tuple([z.number(), z.number()]).optional(),
  /** Mentions that evaluate the actor (`evaluates` of each mention). */
  evaluating: z.number().int().nonnegative(),
  /** Share of the mentions that evaluate: `evaluating / mentions`. */
  evaluatingShare: z.number().min(0).max(1),
  /** Mean score of all mentions, −1..+1 (neutral mentions included). */
  score: z.number(),
  /**
   * Percentile bootstrap interval of the mean: `[low, high]`. Absent when the
   * analysis computed no intervals (as `stanceCi`).
   */
  ci: z.tuple([z.number(), z.number()]).optional(),
  /** Evaluating mentions with a positive score. */
  positive: z.number().int().nonnegative(),
  /** Evaluating mentions with a negative score. */
  negative: z.number().int().nonnegative(),
});
/** One row of actor sentiment. */
export type ActorScoreRow = z.infer<typeof ActorScoreRow>;

/** One scored mention: where it is and what the scorer said. */
export const ActorEvidence = z.object({
  actor: ActorId,
  voice: Voice,
  sentence: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  form: z.string(),
  via: MentionVia,
  basis: z.string().optional(),
  /** The mention's role in its clause, when roles were assigned. */
  role: MentionRole.optional(),
  /** The name of the rule that gave the role. */
  roleRule: z.string().optional(),
  score: z.number(),
  /**
   * The mention evaluates the actor and enters the stance: the scorer said so
   * (the trained model's class is not neutral, or frames carry a judgement),
   * or, for scorers that do not, the score lies outside the neutral band.
   */
  evaluates: z.boolean(),
  /** What the scorer reports as the reason (its contributing words). */
  evidence: z.array(z.unknown()),
});
/** One scored mention. */
export type ActorEvidence = z.infer<typeof ActorEvidence>;

/** Rows per actor and voice, the scored mentions behind them, and how the intervals were made. */
export const ActorScores = z.object({
  rows: z.array(ActorScoreRow),
  evidence: z.array(ActorEvidence),
  method: z.object({
    /** What one resampled unit is. */
    unit: z.enum(["mention", "sentence"]),
    /** Bootstrap resamples per row; 0 when no intervals were computed (rows carry no `ci`, `stanceCi`). */
    resamples: z.number().int().nonnegative(),
    seed: z.number().int(),
    level: z.number(),
    /** Scores with `|score| <= neutral` count as neither positive nor negative, and do not evaluate. */
    neutral: z.number().nonnegative(),
    /** Pseudo-count added to the evaluating mentions in the stance. */
    prior: z.number().nonnegative(),
    note: z.string(),
  }),
});
/** Actor sentiment rows with evidence. */
export type ActorScores = z.infer<typeof ActorScores>;
