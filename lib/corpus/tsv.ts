/**
 * Tab-separated text as rows of cells, with each row's line number: a cell
 * may be quoted (`"`, doubled inside) and then hold tabs and line breaks.
 *
 * @module
 */
import { InputError } from "../errors.ts";

/** One row of a TSV file: its cells and the line it starts on. */
export interface TsvRow {
  line: number;
  cells: string[];
}

/**
 * Splits TSV text into rows of cells (no header handling).
 *
 * @param text The file's text.
 * @param file The name errors give the input.
 * @returns Every row, the header included; a final line break ends the last row.
 * @throws {InputError} On a quote that is never closed, naming the row's line.
 *
 * @example
 * ```ts
 * import { splitTsv } from "./tsv.ts";
 * import { deepStrictEqual, throws } from "node:assert/strict";
 *
 * deepStrictEqual(splitTsv('a\tb\n"x\ty"\t"2\n3"\n', "t.tsv"), [
 *   { line: 1, cells: ["a", "b"] },
 *   { line: 2, cells: ["x\ty", "2\n3"] },
 * ]);
 * throws(() => splitTsv('a\n"open\n', "t.tsv"), /t.tsv": line 2: expected a closing double quote/);
 * ```
 */
export function splitTsv(text: string, file: string): TsvRow[] {
  const rows: TsvRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && atStart) {
      quoted = true;
      atStart = false;
    } else if (c === "\t") {
      cells.push(cell);
      cell = "";
      atStart = true;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = "";
      line++;
      rowLine = line;
      atStart = true;
    } else {
      cell += c;
      atStart = false;
    }
  }
  if (quoted) throw new InputError({ file, line: rowLine }, "expected a closing double quote");
  if (cell !== "" || cells.length > 0) rows.push({ line: rowLine, cells: [...cells, cell] });
  return rows;
}
