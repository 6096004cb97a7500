/**
 * Voices: who is speaking in a stretch of a news page.
 *
 * @module
 */
import { z } from "zod";

/**
 * The voices a page is cut into. `body` is the author's own prose; `quote` is
 * speech the author reports; `comment` is readers; `title` and `meta` are the
 * page's headline and its byline, dateline, counters and tags; `boilerplate`
 * is site chrome (prompts, notices, calendars, teasers).
 */
export const Voice = z.enum(["title", "meta", "body", "quote", "comment", "boilerplate"]);
/** One of the six voices. */
export type Voice = z.infer<typeof Voice>;

/** The voices whose words are measured by default: the author's and quoted speakers'. */
export const TEXT_VOICES: readonly Voice[] = ["title", "body", "quote", "comment"];
