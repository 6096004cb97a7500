/**
 * Human coding: the zod schemas (single source of each type) of the coding
 * units, the codebook and the codes.
 *
 * A coding unit is one thing a person is asked to judge: by default the
 * author's stance toward one actor in one article (`article × actor`), or one
 * mention of an actor (`--unit mention`). The population of units is every
 * such pair the toolkit finds in the chosen voice; a random sample of it is
 * coded by people, and the sample's design (stratum, inclusion probability)
 * travels with each unit so that estimates can weight it.
 *
 * @module
 */
import { z } from "zod";
import { Voice } from "../voice.ts";

/** What one coding unit is. */
export const UnitKind = z.enum(["actor", "mention"]);
/** What one coding unit is: an article × actor pair, or one mention. */
export type UnitKind = z.infer<typeof UnitKind>;

/** A stretch of the article's raw text (UTF-16 offsets) to highlight. */
export const Span = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
/** A stretch of raw text. */
export type Span = z.infer<typeof Span>;

/** One unit of the population, as `units.jsonl` holds it (one a line). */
export const CodingUnit = z.looseObject({
  /** The unit's id: `ARTICLE::ACTOR`, or `ARTICLE::ACTOR::N` for the N-th mention. */
  unit: z.string().min(1),
  /** The article's id. */
  article: z.string().min(1),
  /** The actor's id. */
  actor: z.string().min(1),
  /** The actor's display name, as the codebook's question names it. @default the id */
  actorName: z.string().optional(),
  /** The article's metadata (outlet, date, ...), for grouping; hidden while coding. */
  meta: z.record(z.string(), z.unknown()),
  /**
   * The toolkit's score of the unit: the author's stance toward the actor
   * (−1..+1), or the mention's score; `null` when there is none.
   */
  model: z.number().nullable(),
  /** Whether the unit was drawn into the sample to be coded. */
  sampled: z.boolean(),
  /** The probability that the design drew the unit (1 in a census). */
  inclusionProbability: z.number().gt(0).max(1),
  /** The stratum the unit was drawn in (one stratum when the sample was not stratified). @default "all" */
  stratum: z.string().optional(),
  /** The coder slots (1..K) the unit is given to; empty when not sampled. @default [] */
  coders: z.array(z.number().int().positive()).optional(),
  /** The voice the unit was built from. */
  voice: Voice.optional(),
  /** The mentions of the actor in the unit: what the coding page highlights. */
  spans: z.array(Span).optional(),
});
/** One coding unit. */
export type CodingUnit = z.infer<typeof CodingUnit>;

/**
 * The fields of a unit that the estimates read: checking only these makes
 * reading 100,000 units three times faster (the other fields are kept as
 * they are, unchecked).
 */
export const EstimatedUnit = CodingUnit.pick({
  unit: true,
  article: true,
  actor: true,
  model: true,
  sampled: true,
  inclusionProbability: true,
  stratum: true,
}).extend({ meta: z.looseObject({}) });

/** One point of a codebook's scale. */
export const ScalePoint = z.object({
  /** The number the code is recorded as. */
  value: z.number(),
  /** What the point means, as the coder reads it. */
  label: z.string().min(1),
  /** The keyboard key that picks it (one character). */
  key: z.string().length(1),
});
/** One point of a codebook's scale. */
export type ScalePoint = z.infer<typeof ScalePoint>;

/** What coders are asked, on which scale, with which instructions. */
export const Codebook = z.object({
  /** The question; `ACTOR` is replaced by the actor's name. */
  question: z.string().min(1),
  /** The scale, in order from one end to the other (at least two points). */
  scale: z.array(ScalePoint).min(2),
  /** The answer "cannot tell": recorded as a missing code (`NA`). */
  cannotTell: z.object({ label: z.string().min(1), key: z.string().length(1) }),
  /** Instructions shown beside the question. */
  instructions: z.string(),
  /** The measurement level the codes are read at. @default "interval" */
  level: z.enum(["nominal", "ordinal", "interval"]).default("interval"),
}).superRefine((book, ctx) => {
  const keys = [...book.scale.map((p) => p.key), book.cannotTell.key];
  const seen = new Set<string>();
  keys.forEach((k, i) => {
    if (seen.has(k)) {
      ctx.addIssue({
        code: "custom",
        path: i < book.scale.length ? ["scale", i, "key"] : ["cannotTell", "key"],
        message: `expected a key no other scale point uses, got "${k}" twice`,
      });
    }
    seen.add(k);
  });
  const values = new Set<number>();
  book.scale.forEach((p, i) => {
    if (values.has(p.value)) {
      ctx.addIssue({
        code: "custom",
        path: ["scale", i, "value"],
        message: `expected a value no other scale point uses, got ${p.value} twice`,
      });
    }
    values.add(p.value);
  });
});
/** A codebook. */
export type Codebook = z.infer<typeof Codebook>;

/** One code: what one coder said of one unit (`null`: missing or "cannot tell"). */
export const Code = z.object({
  unit: z.string().min(1),
  coder: z.string().min(1),
  code: z.number().nullable(),
  note: z.string().default(""),
});
/** One code. */
export type Code = z.infer<typeof Code>;
