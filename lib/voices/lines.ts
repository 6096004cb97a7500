/**
 * Lines of a raw text with their offsets.
 *
 * @module
 */

/** A line: `[start, end)` without its terminator; `next` is where the next line starts. */
export interface Line {
  index: number;
  start: number;
  end: number;
  next: number;
  text: string;
}

/**
 * Splits text into lines at `\n`, `\r\n` or `\r`, keeping offsets.
 *
 * @example
 * ```ts
 * import { splitLines } from "./lines.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(splitLines("a\r\nbc").map((l) => [l.start, l.end, l.next]), [[0, 1, 3], [3, 5, 5]]);
 * ```
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    lines.push({
      index: lines.length,
      start,
      end: m.index,
      next: m.index + m[0].length,
      text: text.slice(start, m.index),
    });
    start = m.index + m[0].length;
  }
  if (start < text.length) {
    lines.push({
      index: lines.length,
      start,
      end: text.length,
      next: text.length,
      text: text.slice(start),
    });
  }
  return lines;
}

/** True for a line with no visible character (spaces, tabs, non-breaking and zero-width spaces). */
export function isBlank(text: string): boolean {
  // `\s` is the set `trim()` strips; it includes U+FEFF.
  return /^[\s\u200B-\u200D\u2060]*$/.test(text);
}

/** The words of a text, lower-cased, letters and digits only: for comparing wordings. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().replace(/['’`]/g, "").match(/[\p{L}\p{N}]+/gu) ?? [];
}
