/**
 * Wordstat `.cat` dictionaries: a hierarchy written by indentation (tabs or
 * spaces). A line with lines indented under it is a category; a line without
 * is a term, usually followed by a number in parentheses.
 *
 * ```text
 * ECONOMY
 * 	+STATE+
 * 		ACCOMMODATION (1)
 * 		PUBLIC_SERVICE* (1)
 * CULTURE
 * 	ARTS (1)
 * ```
 *
 * Choices: a tab counts as four spaces; phrases written with `_` or spaces
 * both become space-separated terms; `*` ends a word as a wildcard. The
 * number in parentheses is kept as the entry's weight only when some term
 * in the file has a number other than 1 (most files write `(1)` everywhere,
 * which carries no information). A category's id joins its path with `-`
 * (`economy-state`), its label keeps the names as written (`ECONOMY.+STATE+`).
 * Terms at the top level, under no category, go to the lexicon's name.
 *
 * @module
 */
import { LexiconDraft, splitLines } from "./_draft.ts";
import type { ImportResult, ImportTextOptions } from "./import_types.ts";

interface Line {
  no: number;
  indent: number;
  text: string;
}

const WEIGHT = /\s*\(\s*([-+]?\d+(?:\.\d+)?)\s*\)\s*$/;

/**
 * Parses a Wordstat `.cat` dictionary into a validated lexicon.
 *
 * @param text The file's text.
 * @param options Metadata, file name for errors, and leniency.
 * @returns The lexicon (one declared category per category path), source lines and notes.
 * @throws {InputError} Naming the file, the line and what was expected.
 *
 * @example
 * ```ts
 * import { parseWordstat } from "./wordstat.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const { lexicon } = parseWordstat("ECONOMY\n\t+STATE+\n\t\tPUBLIC_SERVICE* (1)\nCULTURE\n\tARTS (1)\n");
 * deepStrictEqual(lexicon.entries.map((e) => [e.term, e.categories, e.weight]), [
 *   ["public service*", ["economy-state"], undefined],
 *   ["arts", ["culture"], undefined],
 * ]);
 * ```
 */
export function parseWordstat(text: string, options: ImportTextOptions = {}): ImportResult {
  const draft: LexiconDraft = new LexiconDraft("wordstat", options);
  const lines: Line[] = [];
  splitLines(text).forEach((raw, i) => {
    if (raw.trim() === "") return;
    const lead = /^[ \t]*/.exec(raw)![0];
    const indent = [...lead].reduce((n, c) => n + (c === "\t" ? 4 : 1), 0);
    lines.push({ no: i + 1, indent, text: raw.trim() });
  });
  const weights = lines.map((l) => WEIGHT.exec(l.text)?.[1]);
  const keepWeights = weights.some((w) => w !== undefined && Number(w) !== 1);
  const stack: { indent: number; name: string }[] = [];
  lines.forEach((line, k) => {
    while (stack.length > 0 && stack[stack.length - 1].indent >= line.indent) stack.pop();
    const next = lines[k + 1];
    const isCategory = next !== undefined && next.indent > line.indent;
    const weight = weights[k];
    if (isCategory) {
      if (weight !== undefined) {
        draft.fail(
          next.no,
          `expected no line indented under the term ${
            JSON.stringify(line.text)
          } (line ${line.no}); only categories have lines under them`,
        );
      }
      stack.push({ indent: line.indent, name: line.text });
      draft.category(stack.map((s) => s.name));
      return;
    }
    const term = (weight !== undefined ? line.text.replace(WEIGHT, "") : line.text)
      .replace(/_/g, " ");
    if (term.trim() === "") {
      draft.fail(line.no, `expected a term before the weight, got ${JSON.stringify(line.text)}`);
    }
    if (weight === undefined && /\([^)]*\)$/.test(line.text)) {
      draft.fail(
        line.no,
        `expected a term optionally followed by a number in parentheses, like "WORD (1)", got ${
          JSON.stringify(line.text)
        }`,
      );
    }
    const categories = stack.length > 0 ? [draft.category(stack.map((s) => s.name))] : [];
    draft.entry(
      term,
      line.no,
      categories,
      keepWeights && weight !== undefined ? Number(weight) : undefined,
    );
  });
  return draft.build();
}
