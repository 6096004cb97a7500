/**
 * Validation of sentence sentiment against human ratings: a TSV of
 * `id <TAB> rating <TAB> text` (VADER's `*_GroundTruth.txt` format, any rating
 * scale), scored by the toolkit and by the reference scorers in the same run.
 *
 * @module
 */
import { z } from "zod";
import { InputError } from "../errors.ts";
import { pearson } from "../stats/agreement.ts";
import type { SentimentOptions } from "../sentiment/options.ts";
import { sentimentOf } from "../sentiment/sentiment_of.ts";
import { type Baseline, BASELINES, baselineScore } from "./baselines.ts";

/** One human-rated text. */
export const RatedText = z.object({ id: z.string(), rating: z.number(), text: z.string() });
/** One human-rated text. */
export type RatedText = z.infer<typeof RatedText>;

/** Which rows to keep, by the parity of the article number (the id before `_`). */
export const RowFilter = z.enum(["all", "even-articles", "odd-articles"]);
/** A row filter. */
export type RowFilter = z.infer<typeof RowFilter>;

/**
 * Parses rating rows. Blank lines are skipped; a first line whose rating is
 * not a number is taken as a header.
 *
 * @param text The TSV content.
 * @param file The file name, for errors.
 * @throws {InputError} For a row without three fields or with a non-numeric rating.
 *
 * @example
 * ```ts
 * import { parseRatedTexts } from "@framing/toolkit/validate";
 * import { deepStrictEqual, throws } from "node:assert/strict";
 *
 * deepStrictEqual(parseRatedTexts("id\trating\ttext\n1_1\t-1.5\tBad.\n", "a.tsv"), [
 *   { id: "1_1", rating: -1.5, text: "Bad." },
 * ]);
 * throws(() => parseRatedTexts("1\t2\tok\n2\tx\tno\n", "a.tsv"), /line 2/);
 * ```
 */
export function parseRatedTexts(text: string, file: string): RatedText[] {
  const rows: RatedText[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    const [id, rating, ...rest] = line.split("\t");
    const value = Number(rating);
    if (rest.length === 0 || rating === undefined || rating.trim() === "") {
      throw new InputError(
        { file, line: i + 1 },
        "expected three tab-separated fields: id, rating, text",
      );
    }
    if (!Number.isFinite(value)) {
      if (i === 0) return; // header
      throw new InputError({ file, line: i + 1 }, `expected a numeric rating, got "${rating}"`);
    }
    rows.push({ id: id.trim(), rating: value, text: rest.join("\t") });
  });
  return rows;
}

/**
 * Keeps the rows of an article-number parity (`"even-articles"`: ids such as
 * `12_3`), or all rows.
 *
 * @throws {InputError} When a parity filter meets an id without an integer article number.
 *
 * @example
 * ```ts
 * import { filterRows } from "./sentences.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const rows = [{ id: "1_1", rating: 0, text: "a" }, { id: "2_1", rating: 0, text: "b" }];
 * deepStrictEqual(filterRows(rows, "even-articles").map((r) => r.id), ["2_1"]);
 * ```
 */
export function filterRows(
  rows: readonly RatedText[],
  filter: RowFilter,
  file = "<rows>",
): RatedText[] {
  if (filter === "all") return [...rows];
  const want = filter === "even-articles" ? 0 : 1;
  return rows.filter((r) => {
    const article = Number(r.id.split("_")[0]);
    if (!Number.isInteger(article)) {
      throw new InputError(
        { file, path: `id "${r.id}"` },
        "expected an integer article number before '_'",
      );
    }
    return article % 2 === want;
  });
}

/** Options of {@linkcode validateSentences}. */
export interface ValidateSentencesOptions {
  /** Sentiment options for the toolkit's scores (e.g. domain lexicon off). @default {} */
  sentiment?: SentimentOptions;
  /** Reference scorers to run as well. @default ["vader", "wink"] */
  baselines?: readonly Baseline[];
}

/** Result of a sentence validation: the toolkit's r and each reference scorer's. */
export interface SentenceValidation {
  n: number;
  /** Pearson r of the toolkit's sentence sentiment with the ratings. */
  pearson: number;
  baselines: Record<string, { pearson: number }>;
}

/**
 * Scores each text with `sentimentOf` and the reference scorers and
 * correlates each with the human ratings.
 *
 * @example
 * ```ts
 * import { validateSentences } from "@framing/toolkit/validate";
 * import { ok, strictEqual } from "node:assert/strict";
 *
 * const v = validateSentences([
 *   { id: "1", rating: 3, text: "A wonderful, generous act." },
 *   { id: "2", rating: -3, text: "A cruel and stupid war." },
 *   { id: "3", rating: 0, text: "The meeting is on Tuesday." },
 * ]);
 * strictEqual(v.n, 3);
 * ok(v.pearson > 0.9);
 * ok("vader" in v.baselines && "wink" in v.baselines);
 * ```
 */
export function validateSentences(
  rows: readonly RatedText[],
  options: ValidateSentencesOptions = {},
): SentenceValidation {
  const ratings = rows.map((r) => r.rating);
  const ours = rows.map((r) => sentimentOf(r.text, options.sentiment).score);
  const baselines: Record<string, { pearson: number }> = {};
  for (const b of options.baselines ?? BASELINES) {
    baselines[b] = { pearson: pearson(rows.map((r) => baselineScore(b, r.text)), ratings) };
  }
  return { n: rows.length, pearson: pearson(ours, ratings), baselines };
}
