/**
 * VADER-style sentiment lexicons: one term a line, tab-separated from its
 * mean rating, the standard deviation and the list of raters' ratings.
 *
 * ```text
 * good	1.9	0.9434	[2, 1, 1, 3, 2, 4, 2, 2, 1, 1]
 * :*	1.6	0.66332	[2, 1, 2, 2, 1, 2, 1, 2, 2, 1]
 * ```
 *
 * The mean becomes the entry's weight; the standard deviation and ratings
 * are checked (numbers, a bracketed list) but not kept. Every `*` is a
 * literal star (VADER's terms include emoticons such as `:*`), written `\*`
 * in the toolkit format. A first line whose second field is not a number is
 * read as a header; blank lines and `#` comment lines are skipped. One
 * category: the lexicon's name.
 *
 * @module
 */
import { LexiconDraft, splitLines } from "./_draft.ts";
import type { ImportResult, ImportTextOptions } from "./import_types.ts";

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * Parses a VADER-style TSV lexicon into a validated lexicon with weights.
 *
 * @param text The file's text.
 * @param options Metadata, file name for errors, and leniency.
 * @returns The lexicon (weight = mean rating), source lines and notes.
 * @throws {InputError} Naming the file, the line and what was expected.
 *
 * @example
 * ```ts
 * import { parseVaderTsv } from "./vader_tsv.ts";
 * import { deepStrictEqual, throws } from "node:assert/strict";
 *
 * const { lexicon } = parseVaderTsv("good\t1.9\t0.9\t[2, 1, 3]\n:*\t1.6\t0.7\t[2, 1, 2]\n", {
 *   file: "vader.tsv",
 * });
 * deepStrictEqual(lexicon.entries.map((e) => [e.term, e.weight]), [["good", 1.9], [":\\*", 1.6]]);
 * throws(() => parseVaderTsv("good\t1.9\nbad\thigh\n", { file: "v.tsv" }), /"v.tsv": line 2: expected/);
 * ```
 */
export function parseVaderTsv(text: string, options: ImportTextOptions = {}): ImportResult {
  const draft: LexiconDraft = new LexiconDraft("vader_tsv", options);
  splitLines(text).forEach((line, i) => {
    const no = i + 1;
    if (line.trim() === "" || /^\s*#/.test(line)) return;
    const fields = line.split("\t").map((f) => f.trim());
    if (fields.length < 2) {
      draft.fail(
        no,
        `expected a term and its mean rating separated by a tab, got ${JSON.stringify(line)}`,
      );
    }
    const [term, mean, sd, ratings] = fields;
    if (!NUMBER.test(mean)) {
      if (draft.size === 0 && no === firstContentLine(text)) return; // a header line
      draft.problem(
        "bad_weight",
        no,
        term,
        `expected the mean rating (a number) in column 2, got ${JSON.stringify(mean)}`,
      );
      return;
    }
    if (sd !== undefined && sd !== "" && !NUMBER.test(sd)) {
      draft.fail(
        no,
        `expected the standard deviation (a number) in column 3, got ${JSON.stringify(sd)}`,
      );
    }
    if (
      ratings !== undefined && ratings !== "" &&
      !/^\[\s*[-+]?\d+(?:\.\d+)?(?:\s*,\s*[-+]?\d+(?:\.\d+)?)*\s*\]$/.test(ratings)
    ) {
      draft.fail(
        no,
        `expected the ratings as a bracketed list of numbers like "[1, 2, 0]" in column 4, got ${
          JSON.stringify(ratings)
        }`,
      );
    }
    if (fields.length > 4 && fields.slice(4).some((f) => f !== "")) {
      draft.fail(
        no,
        `expected at most 4 tab-separated columns (term, mean, sd, ratings), got ${fields.length}`,
      );
    }
    draft.entry(term, no, [], Number(mean));
  });
  return draft.build();
}

function firstContentLine(text: string): number {
  const lines = splitLines(text);
  const i = lines.findIndex((l) => l.trim() !== "" && !/^\s*#/.test(l));
  return i + 1;
}
