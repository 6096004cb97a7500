/**
 * Lexicoder dictionaries (`.lc3`, also `.lcd` and some `.cat` files): a line
 * `+category` opens a category; the lines after it are its terms, one a
 * line, multi-word terms with spaces, `*` ending a word as a wildcard.
 *
 * ```text
 * +negative
 * a lie
 * abandon*
 * +positive
 * ability*
 * ```
 *
 * Blank lines and a byte-order mark are ignored.
 *
 * @module
 */
import { LexiconDraft, splitLines } from "./_draft.ts";
import type { ImportResult, ImportTextOptions } from "./import_types.ts";

/** True when a text looks like a Lexicoder dictionary: its first non-blank line starts with `+`. */
export function looksLikeLexicoder(text: string): boolean {
  const first = splitLines(text).find((l) => l.trim() !== "");
  return first !== undefined && /^\s*\+\S/.test(first);
}

/**
 * Parses a Lexicoder dictionary into a validated lexicon.
 *
 * @param text The file's text.
 * @param options Metadata, file name for errors, and leniency.
 * @returns The lexicon (one declared category per `+` line), source lines and notes.
 * @throws {InputError} Naming the file, the line and what was expected.
 *
 * @example
 * ```ts
 * import { parseLexicoder } from "./lexicoder.ts";
 * import { deepStrictEqual, throws } from "node:assert/strict";
 *
 * const { lexicon } = parseLexicoder("+NEGATIVE\na lie\nabandon*\n+POSITIVE\nability*\n");
 * deepStrictEqual(lexicon.entries.map((e) => [e.term, e.categories]), [
 *   ["a lie", ["negative"]], ["abandon*", ["negative"]], ["ability*", ["positive"]],
 * ]);
 * throws(() => parseLexicoder("lie\n+negative\n", { file: "x.lc3" }), /"x.lc3": line 1/);
 * ```
 */
export function parseLexicoder(text: string, options: ImportTextOptions = {}): ImportResult {
  const draft: LexiconDraft = new LexiconDraft("lexicoder", options);
  const seen = new Map<string, number>();
  let category: string | undefined;
  splitLines(text).forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === "") return;
    if (trimmed.startsWith("+")) {
      const name = trimmed.slice(1).trim();
      if (name === "") draft.fail(i + 1, 'expected a category name after "+"');
      const before = seen.get(name);
      if (before !== undefined) {
        draft.fail(
          i + 1,
          `expected each category once, got "+${name}" again (first at line ${before})`,
        );
      }
      seen.set(name, i + 1);
      category = draft.category([name]);
      return;
    }
    if (category === undefined) {
      draft.fail(
        i + 1,
        `expected a category line like "+negative" before the first term, got ${
          JSON.stringify(trimmed)
        }`,
      );
    }
    draft.entry(trimmed, i + 1, [category]);
  });
  return draft.build();
}
