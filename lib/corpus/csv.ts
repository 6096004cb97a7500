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
  const header = rows[0].cells.map((h) => h.trim());
  const seen = new Set<string>();
  for (const h of header) {
    if (h === "") throw new InputError({ file, line: 1 }, "expected a name for every column");
    if (seen.has(h)) {
      throw new InputError({ file, line: 1 }, `expected unique column names, found "${h}" twice`);
    }
    seen.add(h);
  }
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

function splitRows(text: string, file: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let rowLine = 1;
  let i = 0;
  let quoted = false;
  let quoteLine = 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        cell += c;
      }
      i++;
      continue;
    }
    if (c === '"' && cell === "") {
      quoted = true;
      quoteLine = line;
    } else if (c === ",") {
      cells.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = "";
      line++;
      rowLine = line;
    } else cell += c;
    i++;
  }
  if (quoted) {
    throw new InputError(
      { file, line: quoteLine },
      "expected a closing quote for the field opened here",
    );
  }
  if (cell !== "" || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return rows;
}
