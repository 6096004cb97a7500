/**
 * A small RFC 4180 CSV reader that keeps each record's line number, so that
 * errors can point at the line.
 *
 * @module
 */
import { InputError } from "../errors.ts";

/** One CSV record: its fields by header name, and the line it starts on. */
export interface CsvRecord {
  line: number;
  fields: Record<string, string>;
}

/**
 * Parses CSV text with a header row. Quoted fields may hold commas, quotes
 * (doubled) and line breaks.
 *
 * @throws {InputError} On an unterminated quote or a row with the wrong number of fields.
 *
 * @example
 * ```ts
 * import { parseCsv } from "./csv.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const rows = parseCsv('id,text\na,"hello, ""you""\nthere"\n', "x.csv");
 * deepStrictEqual(rows, [{ line: 2, fields: { id: "a", text: 'hello, "you"\nthere' } }]);
 * ```
 */
export function parseCsv(text: string, file: string): CsvRecord[] {
  const rows = splitRows(text.replace(/^\uFEFF/, ""), file);
  if (rows.length === 0) throw new InputError({ file }, "expected a header row, found nothing");
  const header = csvHeader(rows[0].cells, file);
  const out: CsvRecord[] = [];
  for (const row of rows.slice(1)) {
    if (row.cells.length === 1 && row.cells[0] === "") continue;
    if (row.cells.length !== header.length) {
      throw new InputError(
        { file, line: row.line },
        `expected ${header.length} fields (${header.join(", ")}), found ${row.cells.length}`,
      );
    }
    const fields: Record<string, string> = {};
    header.forEach((h, i) => fields[h] = row.cells[i]);
    out.push({ line: row.line, fields });
  }
  return out;
}

function splitRows(text: string, file: string): CsvRow[] {
  const splitter = new CsvSplitter(file);
  return [...splitter.push(text), ...splitter.end()];
}

/** One physical CSV row: its cells and the line it starts on. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * Splits CSV text into rows as it arrives in pieces, so that a large file can
 * be read without holding it whole. Quoted fields may hold commas, doubled
 * quotes and line breaks; `\r\n`, `\n` and `\r` end a row.
 *
 * @example A quoted field split across two pieces
 * ```ts
 * import { CsvSplitter } from "./csv.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const s = new CsvSplitter("x.csv");
 * const rows = [...s.push('id,text\r\n1,"a ""b'), ...s.push('"" c"\r'), ...s.push("\n2,d"), ...s.end()];
 * deepStrictEqual(rows, [
 *   { line: 1, cells: ["id", "text"] },
 *   { line: 2, cells: ["1", 'a "b" c'] },
 *   { line: 3, cells: ["2", "d"] },
 * ]);
 * ```
 */
export class CsvSplitter {
  #file: string;
  #cells: string[] = [];
  #cell = "";
  #line = 1;
  #rowLine = 1;
  #quoted = false;
  #quoteLine = 0;
  #rest = "";

  /** A splitter for the named file (the name is used in errors). */
  constructor(file: string) {
    this.#file = file;
  }

  /** Takes the next piece of text; returns the rows it completed. */
  push(piece: string): CsvRow[] {
    return this.#split(this.#rest + piece, false);
  }

  /**
   * Ends the input; returns the last row, if any.
   *
   * @throws {InputError} On a quoted field that was never closed.
   */
  end(): CsvRow[] {
    const rows = this.#split(this.#rest, true);
    if (this.#quoted) {
      throw new InputError(
        { file: this.#file, line: this.#quoteLine },
        "expected a closing quote for the field opened here",
      );
    }
    if (this.#cell !== "" || this.#cells.length > 0) {
      this.#cells.push(this.#cell);
      rows.push({ line: this.#rowLine, cells: this.#cells });
      this.#cells = [];
      this.#cell = "";
    }
    return rows;
  }

  #split(text: string, final: boolean): CsvRow[] {
    const rows: CsvRow[] = [];
    let i = 0;
    // A quote or carriage return at the very end may pair with the next piece's first character.
    const stop = final ? text.length : text.length - 1;
    while (i < stop) {
      const c = text[i];
      if (this.#quoted) {
        if (c === '"' && text[i + 1] === '"') {
          this.#cell += '"';
          i += 2;
          continue;
        }
        if (c === '"') this.#quoted = false;
        else {
          if (c === "\n") this.#line++;
          this.#cell += c;
        }
        i++;
        continue;
      }
      if (c === '"' && this.#cell === "") {
        this.#quoted = true;
        this.#quoteLine = this.#line;
      } else if (c === ",") {
        this.#cells.push(this.#cell);
        this.#cell = "";
      } else if (c === "\n" || c === "\r") {
        if (c === "\r" && text[i + 1] === "\n") i++;
        this.#cells.push(this.#cell);
        rows.push({ line: this.#rowLine, cells: this.#cells });
        this.#cells = [];
        this.#cell = "";
        this.#line++;
        this.#rowLine = this.#line;
      } else this.#cell += c;
      i++;
    }
    this.#rest = text.slice(i);
    return rows;
  }
}

/**
 * The column names of a header row, trimmed.
 *
 * @throws {InputError} When a name is empty or repeated.
 */
export function csvHeader(cells: readonly string[], file: string): string[] {
  const header = cells.map((h) => h.trim());
  const seen = new Set<string>();
  for (const h of header) {
    if (h === "") throw new InputError({ file, line: 1 }, "expected a name for every column");
    if (seen.has(h)) {
      throw new InputError({ file, line: 1 }, `expected unique column names, found "${h}" twice`);
    }
    seen.add(h);
  }
  return header;
}
