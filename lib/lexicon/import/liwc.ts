/**
 * LIWC `.dic` dictionaries: a header between two `%` lines maps numbers to
 * category names, then each line is a term followed by category numbers.
 *
 * ```text
 * %
 * 1	posemo	(Positive emotion)
 * 3	negemo
 * %
 * good	1
 * abandon*	3 1
 * ```
 *
 * Tolerated, as real files have them: a byte-order mark; tabs or spaces
 * between fields; blank lines and `#` comment lines; category numbers with
 * gaps or leading zeros; several categories per term; multi-word terms (when
 * fields are separated by tabs, or the words are not numbers); a description
 * after a category name. LIWC2007 conditional codes (`(02 134)125/464`,
 * `<of>131/125`) are left out with a note, keeping the plain numbers.
 *
 * @module
 */
import { LexiconDraft, splitLines } from "./_draft.ts";
import type { ImportResult, ImportTextOptions } from "./import_types.ts";

const COMMENT = /^\s*(#|\/\/)/;

/**
 * Parses a LIWC `.dic` dictionary into a validated lexicon.
 *
 * @param text The file's text.
 * @param options Metadata, file name for errors, and leniency.
 * @returns The lexicon (one declared category per LIWC category), source lines and notes.
 * @throws {InputError} Naming the file, the line and what was expected.
 *
 * @example
 * ```ts
 * import { parseLiwc } from "./liwc.ts";
 * import { deepStrictEqual, throws } from "node:assert/strict";
 *
 * const { lexicon } = parseLiwc("%\n1\tposemo\n3\tnegemo\n%\ngood\t1\nabandon*\t3 1\n", {
 *   file: "mini.dic",
 * });
 * deepStrictEqual(lexicon.entries.map((e) => [e.term, e.categories]), [
 *   ["good", ["posemo"]],
 *   ["abandon*", ["negemo", "posemo"]],
 * ]);
 * throws(() => parseLiwc("%\n1\tposemo\n%\ngood\t2\n", { file: "bad.dic" }), /"bad.dic": line 4/);
 * ```
 */
export function parseLiwc(text: string, options: ImportTextOptions = {}): ImportResult {
  const draft: LexiconDraft = new LexiconDraft("liwc", options);
  const lines = splitLines(text);
  let i = 0;
  const skippable = (s: string) => s.trim() === "" || COMMENT.test(s);
  while (i < lines.length && skippable(lines[i])) i++;
  if (i >= lines.length || lines[i].trim() !== "%") {
    draft.fail(
      i < lines.length ? i + 1 : undefined,
      'expected a line with only "%" opening the category header of a LIWC .dic file',
    );
  }
  const opened = i + 1;
  const ids = new Map<string, string>();
  for (i++; i < lines.length && lines[i].trim() !== "%"; i++) {
    const line = lines[i];
    if (skippable(line)) continue;
    const m = /^\s*(\d+)\s+(\S+)(?:\s+(.*\S))?\s*$/.exec(line);
    if (!m) {
      if (!lines.slice(i).some((l) => l.trim() === "%")) {
        draft.fail(
          opened,
          `expected a line with only "%" closing the category header opened here (line ${i + 1}, ${
            JSON.stringify(line.trim())
          }, looks like an entry)`,
        );
      }
      draft.fail(
        i + 1,
        `expected a category number and a name, like "1\tposemo", got ${
          JSON.stringify(line.trim())
        }`,
      );
    }
    const num = String(Number(m[1]));
    if (ids.has(num)) {
      draft.fail(i + 1, `expected each category number once, got ${m[1]} again`);
    }
    const description = m[3]?.replace(/^\((.*)\)$/, "$1");
    ids.set(num, draft.category([m[2]], description));
  }
  if (i >= lines.length) {
    draft.fail(
      opened,
      'expected a line with only "%" closing the category header opened here, found none',
    );
  }
  if (ids.size === 0) draft.fail(opened, "expected at least one category between the % lines");
  for (i++; i < lines.length; i++) {
    const line = lines[i];
    if (skippable(line)) continue;
    readEntry(draft, line, i + 1, ids);
  }
  return draft.build();
}

function readEntry(draft: LexiconDraft, line: string, lineNo: number, ids: Map<string, string>) {
  let term: string;
  let codes: string[];
  const trimmed = line.trim();
  if (trimmed.includes("\t")) {
    const [first, ...rest] = trimmed.split("\t");
    term = first;
    codes = rest.join(" ").trim().split(/\s+/).filter((c) => c !== "");
  } else {
    const words = trimmed.split(/\s+/);
    let k = 1;
    while (k < words.length && !/^[\d(<]/.test(words[k])) k++;
    term = words.slice(0, k).join(" ");
    codes = words.slice(k);
  }
  if (codes.length === 0) {
    draft.fail(
      lineNo,
      `expected a term followed by category numbers, like "good\t1 3", got ${
        JSON.stringify(trimmed)
      }`,
    );
  }
  const categories: string[] = [];
  const conditional: string[] = [];
  for (const code of codes) {
    if (/^\d+$/.test(code)) {
      const id = ids.get(String(Number(code)));
      if (id) categories.push(id);
      else {
        draft.problem(
          "unknown_category",
          lineNo,
          term,
          `expected a category number declared in the header (${
            [...ids.keys()].join(", ")
          }), got ${code} for ${JSON.stringify(term)}`,
        );
      }
    } else if (/[()<>/]/.test(code) && /^[\d()<>/a-zA-Z' ]+$/.test(code)) {
      conditional.push(code);
    } else {
      draft.fail(lineNo, `expected category numbers after the term, got ${JSON.stringify(code)}`);
    }
  }
  if (conditional.length > 0) {
    draft.notes.push({
      kind: "conditional_category",
      file: draft.file,
      line: lineNo,
      term,
      detail: `LIWC conditional codes ${conditional.join(" ")} are not supported; kept ${
        categories.length > 0 ? `the plain categories ${categories.join(", ")}` : "no category"
      }`,
    });
  }
  if (categories.length > 0) draft.entry(term, lineNo, categories);
}
