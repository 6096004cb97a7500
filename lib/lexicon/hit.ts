/**
 * Hits: where a lexicon entry matched in a text.
 *
 * @module
 */
import { z } from "zod";
import { Voice } from "../voice.ts";

/**
 * One match of one lexicon entry, for one of its categories. `start`/`end`
 * are UTF-16 offsets into the raw text; `tokenStart`/`tokenEnd` index the
 * token array the matcher was given (end exclusive).
 */
export const Hit = z.object({
  /** Name of the lexicon. */
  lexicon: z.string(),
  /** One category of the entry (an entry with several yields one hit per category). */
  category: z.string(),
  /** The entry's term, as written in the lexicon. */
  entry: z.string(),
  /** The matched raw text, `text.slice(start, end)`. */
  form: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  tokenStart: z.number().int().nonnegative(),
  tokenEnd: z.number().int().nonnegative(),
  /** Index of the sentence of the first matched token. */
  sentence: z.number().int().nonnegative(),
  voice: Voice,
  /** Id of the article, when the caller gave one. */
  article: z.string().optional(),
  /** Index of the entry in the lexicon's `entries`. */
  entryIndex: z.number().int().nonnegative().optional(),
  /** The entry's weight, when it has one. */
  weight: z.number().optional(),
});
/** One match of one lexicon entry. */
export type Hit = z.infer<typeof Hit>;
