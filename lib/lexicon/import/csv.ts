/**
 * CSV lexicons: a header row naming the columns `term` (required),
 * `category` and `weight` (optional), then one term a row.
 *
 * ```text
 * term,category,weight
 * coal,energy,
 * "sanction*",sanctions;trade,-0.5
 * ```
 *
 * Quoted fields follow RFC 4180. A cell may list several categories
 * separated by `;` or `|`; a term on several rows is merged into one entry
 * with the categories of all its rows. An empty category goes to the
 * lexicon's name; an empty weight means none. Spaces separate the words of a
 * multi-word term; `*` ends a word as a wildcard. Column names ignore case;
 * `categories` may stand for `category`.
 *
 * @module
 */
import { parseCsv } from "../../corpus/csv.ts";
import { LexiconDraft } from "./_draft.ts";
import type { ImportResult, ImportTextOptions } from "./import_types.ts";

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const COLUMNS = ["term", "category", "weight"];

/**
 * Parses a CSV lexicon into a validated lexicon.
 *
 * @param text The file's text.
 * @param options Metadata, file name for errors, and leniency.
 * @returns The lexicon (one declared category per category named), source lines and notes.
 * @throws {InputError} Naming the file, the line and what was expected.
 *
 * @example
 * ```ts
 * import { parseCsvLexicon } from "./csv.ts";
 * import { deepStrictEqual, throws } from "node:assert/strict";
 *
 * const { lexicon } = parseCsvLexicon("term,category,weight\ncoal,energy,\nsanction*,trade;geo,-0.5\n");
 * deepStrictEqual(lexicon.entries.map((e) => [e.term, e.categories, e.weight]), [
 *   ["coal", ["energy"], undefined],
 *   ["sanction*", ["trade", "geo"], -0.5],
 * ]);
 * throws(() => parseCsvLexicon("word,weight\ncoal,1\n", { file: "x.csv" }), /"x.csv": line 1/);
 * ```
 */
export function parseCsvLexicon(text: string, options: ImportTextOptions = {}): ImportResult {
  const draft: LexiconDraft = new LexiconDraft("csv", options);
  const records = parseCsv(text, draft.file);
  const header = (text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "").split(",")
    .map((h) => h.trim().replace(/^"|"$/g, ""));
  const column = new Map<string, string>();
  for (const h of header) {
    const key = h.toLowerCase() === "categories" ? "category" : h.toLowerCase();
    if (!COLUMNS.includes(key)) {
      draft.fail(
        1,
        `expected columns among ${COLUMNS.join(", ")} (term required), got ${JSON.stringify(h)}`,
      );
    }
    column.set(key, h);
  }
  if (!column.has("term")) {
    draft.fail(
      1,
      `expected a "term" column in the header, got ${
        header.map((h) => JSON.stringify(h)).join(", ")
      }`,
    );
  }
  for (const { line, fields } of records) {
    const term = fields[column.get("term")!];
    const cell = column.has("category") ? fields[column.get("category")!].trim() : "";
    const categories = cell === ""
      ? []
      : cell.split(/[;|]/).map((c) => c.trim()).filter((c) => c !== "").map((c) =>
        draft.category([c])
      );
    const w = column.has("weight") ? fields[column.get("weight")!].trim() : "";
    if (w !== "" && !NUMBER.test(w)) {
      draft.problem(
        "bad_weight",
        line,
        term,
        `expected the weight to be a number, got ${JSON.stringify(w)}`,
      );
      continue;
    }
    if (term.trim() === "") {
      draft.problem(
        "malformed_term",
        line,
        term,
        'expected a term in the "term" column, got an empty cell',
      );
    } else draft.entry(term, line, categories, w === "" ? undefined : Number(w));
  }
  return draft.build();
}
