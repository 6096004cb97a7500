/**
 * Sentences and tokens with offsets into the raw text.
 *
 * @module
 */
import { z } from "zod";
import { Voice } from "./voice.ts";

/** A sentence: `[start, end)` in the raw text, inside one segment. */
export const Sentence = z.object({
  /** 0-based index among the article's sentences. */
  index: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  voice: Voice,
  /** Index of the segment the sentence lies in. */
  segment: z.number().int().nonnegative(),
});
/** A sentence with offsets. */
export type Sentence = z.infer<typeof Sentence>;

/** A token as the language model read it, with offsets into the raw text. */
export const Token = z.object({
  /** The token's characters as they stand in the raw text. */
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Lower-case text. */
  lower: z.string(),
  lemma: z.string(),
  /** Universal POS tag from the model. */
  pos: z.string(),
  /** wink-nlp's token type: word, punctuation, number, emoji, ... */
  type: z.string(),
  /** True inside a negation's scope, as the model flags it. */
  negated: z.boolean(),
  /** Index of the sentence the token belongs to. */
  sentence: z.number().int().nonnegative(),
  voice: Voice,
});
/** A token with offsets. */
export type Token = z.infer<typeof Token>;
