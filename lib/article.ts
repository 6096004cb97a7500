/**
 * Articles and their metadata, the input of every analysis.
 *
 * @module
 */
import { z } from "zod";

/**
 * What is known about an article. `id` is required; the other named fields
 * are optional, and any further fields (outlet group, country, ...) are kept
 * as given so that comparisons can group by them. `inferred` names the fields
 * whose values were inferred rather than stated in the source.
 */
export const ArticleMeta = z.looseObject({
  id: z.string().min(1),
  title: z.string().optional(),
  outlet: z.string().optional(),
  author: z.string().optional(),
  /** ISO date or date-time, as precise as the source allows. */
  date: z.string().optional(),
  /** BCP 47 language tag of the text. @default "en" */
  language: z.string().default("en"),
  /** Free-text notes on where the text came from and what it contains. */
  source: z.string().optional(),
  /** Names of the fields above whose values are inferred, not stated. */
  inferred: z.array(z.string()).default([]),
});
/** What is known about an article. */
export type ArticleMeta = z.infer<typeof ArticleMeta>;

/** An article: its raw text exactly as read, and its metadata. */
export const Article = z.object({
  meta: ArticleMeta,
  /** The raw text as read (UTF-8 decoded; not normalised in any way). */
  text: z.string(),
  /** Where the text came from: a file path, or a file and line for JSONL/CSV. */
  origin: z.string(),
  /** Things worth knowing about this input that did not stop it being read. */
  warnings: z.array(z.string()).default([]),
});
/** An article: raw text plus metadata. */
export type Article = z.infer<typeof Article>;
