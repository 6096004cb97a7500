/**
 * Stance rates: per category and voice, the number of stance markers, scare
 * quotes and reporting verbs, and their rate per 1,000 word tokens of that
 * voice (Hyland 2005; method.md "Stance markers").
 *
 * @module
 */
import { z } from "zod";
import type { Token } from "../token.ts";
import { TEXT_VOICES, Voice } from "../voice.ts";
import { SCARE_QUOTE, type StanceEvidence } from "../stance/find.ts";
import { countWordsByVoice } from "./word_count.ts";

/** One row of the stance table. */
export const StanceRate = z.object({
  /** Article id, when the caller gave one. */
  article: z.string().optional(),
  /** hedge, booster, attitude, self_mention, engagement, scare_quote, reporting_<stance>. */
  category: z.string(),
  voice: Voice,
  /** Markers of this category in this voice. */
  hits: z.number().int().nonnegative(),
  /** Word tokens of this voice (the denominator). */
  words: z.number().int().nonnegative(),
  /** `hits / words * 1000`; 0 when the voice has no words. */
  per1k: z.number().nonnegative(),
});
/** One row of the stance table. */
export type StanceRate = z.infer<typeof StanceRate>;

/** Options of {@link stanceRates}. */
export interface StanceRatesOptions {
  /** Voices to report, one row per category each. @default TEXT_VOICES (title, body, quote, comment) */
  voices?: readonly Voice[];
  /** Article id written into every row. @default undefined */
  article?: string;
}

/**
 * Counts the stance evidence by category and voice. The table is complete:
 * every category of `evidence.categories` times every voice, zeros included.
 *
 * @param evidence From `findStance` on the same tokens.
 * @param tokens The tokens of the text (denominators: word tokens per voice).
 * @param options Voices and article id.
 * @returns Rows in category order, then voice order.
 *
 * @example
 * ```ts
 * import { stanceRates } from "./stance.ts";
 * import { findStance } from "../stance/find.ts";
 * import { loadStanceLexicons } from "../stance/lexicons.ts";
 * import { tokenizeText } from "@framing/toolkit";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const text = "Perhaps it will rain. It may.";
 * const { tokens } = tokenizeText(text);
 * const ev = findStance({ text, tokens }, await loadStanceLexicons());
 * const rows = stanceRates(ev, tokens, { voices: ["body"] });
 * deepStrictEqual(rows.find((r) => r.category === "hedge"), {
 *   category: "hedge", voice: "body", hits: 2, words: 6, per1k: 2 / 6 * 1000,
 * });
 * ```
 */
export function stanceRates(
  evidence: StanceEvidence,
  tokens: readonly Token[],
  options: StanceRatesOptions = {},
): StanceRate[] {
  const voices = options.voices ?? TEXT_VOICES;
  const counts = new Map<string, number>();
  const add = (category: string, voice: Voice) => {
    const key = `${category}\u0000${voice}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (const h of evidence.hits) add(h.category, h.voice);
  for (const q of evidence.scareQuotes) add(SCARE_QUOTE, q.voice);
  const counted = countWordsByVoice(tokens);
  const words = new Map(voices.map((v) => [v, counted.get(v) ?? 0]));
  const rows: StanceRate[] = [];
  for (const category of evidence.categories) {
    for (const voice of voices) {
      const hits = counts.get(`${category}\u0000${voice}`) ?? 0;
      const n = words.get(voice) ?? 0;
      const row: StanceRate = {
        category,
        voice,
        hits,
        words: n,
        per1k: n > 0 ? hits / n * 1000 : 0,
      };
      rows.push(options.article === undefined ? row : { article: options.article, ...row });
    }
  }
  return rows;
}
