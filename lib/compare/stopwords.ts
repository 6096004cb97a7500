/**
 * English function words left out of keyness by default, so that the words
 * that separate two texts are content words. Source: the English list of the
 * npm package `stopword` 3.1.5 (Fergus McDowall and contributors, MIT), 108
 * words.
 *
 * @module
 */
import { eng } from "stopword";

/** Citation of the stopword list, for method statements. */
export const STOPWORDS_SOURCE = "npm stopword 3.1.5, English list (108 words), MIT";

/**
 * The English stopwords, lower-cased.
 *
 * @example
 * ```ts
 * import { ENGLISH_STOPWORDS } from "./stopwords.ts";
 * import { ok } from "node:assert/strict";
 *
 * ok(ENGLISH_STOPWORDS.has("the") && !ENGLISH_STOPWORDS.has("sanctions"));
 * ```
 */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(
  (eng as string[]).map((w: string) => w.toLowerCase()),
);
