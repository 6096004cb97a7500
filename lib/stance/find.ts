/**
 * Stance evidence of one text: the marker hits kept by the context rules, the
 * hits the rules removed (with the rule), and the scare quotes. Every number
 * in the stance table is a count of these records.
 *
 * @module
 */
import type { Token } from "../token.ts";
import { matchLexicon } from "../lexicon/match.ts";
import type { Lexicon } from "../lexicon/schema.ts";
import {
  disambiguateStance,
  type DisambiguateStanceOptions,
  type DroppedHit,
  type StanceHit,
} from "./disambiguate.ts";
import type { StanceLexicons } from "./lexicons.ts";
import { findScareQuotes, type FindScareQuotesOptions, type ScareQuote } from "./scare_quotes.ts";

/** Category of the scare-quote rows. */
export const SCARE_QUOTE = "scare_quote";
/** Prefix of reporting-verb categories in stance hits and rows (`reporting_neutral`, ...). */
export const REPORTING_PREFIX = "reporting_";

/** A text and its tokens (offsets into the text). */
export interface TokenizedText {
  text: string;
  tokens: readonly Token[];
}

/** The stance evidence of a text. */
export interface StanceEvidence {
  /** Row categories in table order: stance categories, `scare_quote`, `reporting_*`. */
  categories: string[];
  /** Kept hits; reporting-verb hits carry the category `reporting_<stance>`. */
  hits: StanceHit[];
  /** Hits that a context rule removed. */
  dropped: DroppedHit[];
  scareQuotes: ScareQuote[];
}

/** Options of {@link findStance}. */
export interface FindStanceOptions {
  /** Article id recorded in each hit. @default undefined */
  article?: string;
  /** Context-rule options (rules to switch off). @default {} */
  rules?: Omit<DisambiguateStanceOptions, "stanceLexicon" | "reportingLexicon">;
  /** Scare-quote options, or `false` to skip scare quotes. @default {} */
  scareQuotes?: FindScareQuotesOptions | false;
}

/**
 * Finds the stance markers, reporting verbs and scare quotes of a text.
 *
 * @param input The raw text and its tokens.
 * @param lexicons The stance lexicon and, optionally, the reporting-verb lexicon.
 * @param options Article id, rules to switch off, scare-quote options.
 * @returns The evidence, in text order within each list.
 *
 * @example A multi-word booster is one hit
 * ```ts
 * import { findStance } from "./find.ts";
 * import { loadStanceLexicons } from "./lexicons.ts";
 * import { tokenizeText } from "@framing/toolkit";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const lexicons = await loadStanceLexicons();
 * const text = "It is clear that the “historic” deal failed, he admitted.";
 * const ev = findStance({ text, tokens: tokenizeText(text).tokens }, lexicons);
 * deepStrictEqual(ev.hits.map((h) => [h.category, h.form]), [
 *   ["booster", "It is clear that"], ["reporting_conceding", "admitted"],
 * ]);
 * deepStrictEqual(ev.scareQuotes.map((q) => q.inner), ["historic"]);
 * ```
 */
export function findStance(
  input: TokenizedText,
  lexicons: StanceLexicons,
  options: FindStanceOptions = {},
): StanceEvidence {
  const { text, tokens } = input;
  const match = { text, article: options.article };
  const raw = matchLexicon(tokens, lexicons.stance, match);
  if (lexicons.reporting) raw.push(...matchLexicon(tokens, lexicons.reporting, match));
  const { kept, dropped } = disambiguateStance(raw, tokens, {
    ...options.rules,
    stanceLexicon: lexicons.stance.name,
    reportingLexicon: lexicons.reporting?.name,
  });
  const hits = kept.map((h) =>
    h.lexicon === lexicons.reporting?.name
      ? { ...h, category: REPORTING_PREFIX + h.category, lexiconCategory: h.category }
      : h
  ).sort((a, b) => a.start - b.start || a.end - b.end);
  const scareQuotes = options.scareQuotes === false
    ? []
    : findScareQuotes(text, tokens, options.scareQuotes);
  return { categories: stanceCategories(lexicons), hits, dropped, scareQuotes };
}

/**
 * The row categories for a pair of lexicons: the stance lexicon's declared
 * categories, then `scare_quote`, then `reporting_<c>` for each reporting category.
 *
 * @example
 * ```ts
 * import { stanceCategories } from "./find.ts";
 * import { loadStanceLexicons } from "./lexicons.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const cats = stanceCategories(await loadStanceLexicons());
 * strictEqual(cats[0], "hedge");
 * strictEqual(cats.includes("scare_quote"), true);
 * strictEqual(cats.includes("reporting_distancing"), true);
 * ```
 */
export function stanceCategories(lexicons: StanceLexicons): string[] {
  return [
    ...declared(lexicons.stance),
    SCARE_QUOTE,
    ...(lexicons.reporting ? declared(lexicons.reporting).map((c) => REPORTING_PREFIX + c) : []),
  ];
}

function declared(lexicon: Lexicon): string[] {
  if (lexicon.categories) return Object.keys(lexicon.categories);
  const seen = new Set<string>();
  for (const e of lexicon.entries) for (const c of e.categories ?? [lexicon.name]) seen.add(c);
  return [...seen];
}
