/**
 * Segments: contiguous stretches of a raw text, each in one voice.
 *
 * @module
 */
import { z } from "zod";
import { Voice } from "./voice.ts";

/** What is known about a reader comment. */
export const CommentInfo = z.object({
  /** 1-based position of the comment among the page's comments, in reading order. */
  index: z.number().int().positive(),
  /** Vote score shown next to the comment, if any. */
  score: z.number().int().optional(),
  /** The timestamp as printed on the page. */
  timestamp: z.string().optional(),
  /** 0 for a top-level comment, 1 for a reply, and so on. */
  depth: z.number().int().nonnegative(),
  /** True when the comment line repeats the article's own words (the reader quotes the article). */
  repeatsArticle: z.boolean(),
});
/** What is known about a reader comment. */
export type CommentInfo = z.infer<typeof CommentInfo>;

/**
 * A stretch `[start, end)` of the raw text in one voice. Offsets are UTF-16
 * code-unit indexes into the text as read. The segments of an article cover
 * every character exactly once.
 */
export const Segment = z.object({
  voice: Voice,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** For `quote`: the speaker as the text names them (a name or a role). */
  speaker: z.string().optional(),
  /** For `comment`: what the page says about the comment. */
  comment: CommentInfo.optional(),
  /** The rule that assigned the voice, so a reader can see why. */
  rule: z.string(),
});
/** A stretch of raw text in one voice. */
export type Segment = z.infer<typeof Segment>;
