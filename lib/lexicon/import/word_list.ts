/**
 * Plain word lists: one term a line.
 *
 * ```text
 * # Words about energy (a comment)
 * coal
 * power plant
 * pipeline*
 * ```
 *
 * A line whose first non-blank characters are `#` followed by a space (or
 * nothing more), or `;`, is a comment (`;` opens the header of the widely
 * used opinion-word lists); `#metoo` is a term. Blank lines and a byte-order
 * mark are skipped. Spaces separate the words of a multi-word term; `*` ends
 * a word as a wildcard. Every term goes to one category named after the
 * file (`energy_words.txt` → `energy_words`), which is also the default
 * lexicon name.
 *
 * @module
 */
import { baseName, LexiconDraft, slug, splitLines } from "./_draft.ts";
import type { ImportResult, ImportTextOptions } from "./import_types.ts";

const COMMENT = /^\s*(?:#(?:\s|$)|;)/;

/**
 * Parses a plain word list into a validated lexicon.
 *
 * @param text The file's text.
 * @param options Metadata, file name (which names the category), and leniency.
 * @returns The lexicon, source lines and notes.
 * @throws {InputError} Naming the file, the line and what was expected.
 *
 * @example
 * ```ts
 * import { parseWordList } from "./word_list.ts";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const { lexicon } = parseWordList("# energy\ncoal\npower plant\npipeline*\n", {
 *   file: "data/energy.txt",
 * });
 * strictEqual(lexicon.name, "energy");
 * deepStrictEqual(lexicon.entries.map((e) => e.term), ["coal", "power plant", "pipeline*"]);
 * ```
 */
export function parseWordList(text: string, options: ImportTextOptions = {}): ImportResult {
  const draft: LexiconDraft = new LexiconDraft("word_list", options);
  const category = slug(baseName(draft.file)) || draft.name;
  splitLines(text).forEach((line, i) => {
    if (line.trim() === "" || COMMENT.test(line)) return;
    draft.entry(line, i + 1, []);
  });
  return draft.build(category);
}
