/**
 * Keyword-in-context rows: each hit with the text around it, so that every
 * topic count can be read back as sentences.
 *
 * @module
 */
import { z } from "zod";
import type { Hit } from "../lexicon/hit.ts";
import { Voice } from "../voice.ts";

/** One keyword-in-context row: a hit and the text either side of it. */
export const KwicRow = z.object({
  /** Article id, when the hit carries one. */
  article: z.string().optional(),
  lexicon: z.string(),
  category: z.string(),
  /** The lexicon entry's term. */
  entry: z.string(),
  voice: Voice,
  sentence: z.number().int().nonnegative(),
  /** Offsets of the match in the raw text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Text before the match, whitespace collapsed, cut at a word boundary. */
  left: z.string(),
  /** The matched text, whitespace collapsed. */
  match: z.string(),
  /** Text after the match, whitespace collapsed, cut at a word boundary. */
  right: z.string(),
});
/** One keyword-in-context row. */
export type KwicRow = z.infer<typeof KwicRow>;

/** The parts of a hit that a keyword-in-context row reads. */
export type KwicHit = Pick<
  Hit,
  "lexicon" | "category" | "entry" | "voice" | "sentence" | "start" | "end" | "article"
>;

/** Options of {@link kwic}. */
export interface KwicOptions {
  /** Characters of context on each side (before whitespace is collapsed). @default 60 */
  window?: number;
}

/**
 * Keyword-in-context rows for hits, in the order of the hits.
 *
 * @param text The raw text the hits point into.
 * @param hits Hits from `matchLexicon` on that text.
 * @param options Context width.
 * @returns One row per hit.
 * @throws {RangeError} When `window` is negative or not an integer, or a hit lies outside the text.
 *
 * @example
 * ```ts
 * import { kwic } from "./kwic.ts";
 * import { matchLexicon } from "@framing/toolkit/lexicon";
 * import { Lexicon } from "@framing/toolkit/lexicon";
 * import { tokenizeText } from "@framing/toolkit";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const lexicon = Lexicon.parse({
 *   name: "t", version: "1.0.0", description: "d", source: "s", licence: "CC0-1.0",
 *   language: "en", entries: [{ term: "power plant", match: "lemma" }],
 * });
 * const text = "Russia will build three new\nthermal power plants in Kazakhstan.";
 * const hits = matchLexicon(tokenizeText(text).tokens, lexicon);
 * const [row] = kwic(text, hits, { window: 20 });
 * deepStrictEqual([row.left, row.match, row.right], ["three new thermal", "power plants", "in Kazakhstan."]);
 * ```
 */
export function kwic(
  text: string,
  hits: readonly KwicHit[],
  options: KwicOptions = {},
): KwicRow[] {
  const window = options.window ?? 60;
  if (!Number.isInteger(window) || window < 0) {
    throw new RangeError(
      `Cannot make keyword-in-context rows: window must be a non-negative integer, got ${window}`,
    );
  }
  return hits.map((hit) => {
    if (hit.start > hit.end || hit.end > text.length) {
      throw new RangeError(
        `Cannot make keyword-in-context rows: hit [${hit.start}, ${hit.end}) lies outside the text (length ${text.length})`,
      );
    }
    const from = Math.max(0, hit.start - window);
    const to = Math.min(text.length, hit.end + window);
    const left = text.slice(from, hit.start);
    const right = text.slice(hit.end, to);
    const row: KwicRow = {
      lexicon: hit.lexicon,
      category: hit.category,
      entry: hit.entry,
      voice: hit.voice,
      sentence: hit.sentence,
      start: hit.start,
      end: hit.end,
      left: cutLeft(left, from > 0 && /\S/.test(text[from - 1])),
      match: collapse(text.slice(hit.start, hit.end)),
      right: cutRight(right, to < text.length && /\S/.test(text[to])),
    };
    return hit.article === undefined ? row : { article: hit.article, ...row };
  });
}

function collapse(s: string): string {
  return s.replace(/\s+/g, " ");
}

/** Drops the first word when the window cut it (`midWord`), then collapses whitespace. */
function cutLeft(s: string, midWord: boolean): string {
  let out = s;
  if (midWord) {
    const space = out.search(/\s/);
    out = space < 0 ? "" : out.slice(space);
  }
  return collapse(out).trim();
}

/** Drops the last word when the window cut it (`midWord`), then collapses whitespace. */
function cutRight(s: string, midWord: boolean): string {
  let out = s;
  if (midWord) {
    const m = /\s\S*$/.exec(out);
    out = m ? out.slice(0, m.index) : "";
  }
  return collapse(out).trim();
}
