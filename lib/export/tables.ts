/**
 * Tables out of the toolkit: tidy records as CSV (RFC 4180) and as LaTeX
 * tables in the booktabs style.
 *
 * @module
 */
import { writeFileAtomic } from "./atomic_write.ts";

/** A tidy record: column name to value. */
export type Row = Readonly<Record<string, unknown>>;

/** Options for {@linkcode toCsv}. */
export interface ToCsvOptions {
  /**
   * Columns, in order (after flattening: `ci_1`, `ci_2` for `ci: [low, high]`).
   * @default every column of every row, in first-seen order
   */
  columns?: readonly string[];
  /**
   * Line ending. RFC 4180 asks for CRLF.
   * @default "\r\n"
   */
  newline?: "\r\n" | "\n";
}

/**
 * Spreads nested values over columns: an array under `ci` becomes `ci_1`,
 * `ci_2`, ...; an object under `span` becomes `span_start`, `span_end`, ...
 * (recursively). Scalars are kept.
 *
 * @param row One record.
 * @returns A record of scalars.
 *
 * @example
 * ```ts
 * import { flattenRow } from "./tables.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(flattenRow({ actor: "kremlin", ci: [-0.5, 0.1], at: { start: 3 } }),
 *   { actor: "kremlin", ci_1: -0.5, ci_2: 0.1, at_start: 3 });
 * ```
 */
export function flattenRow(row: Row): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  const visit = (prefix: string, value: unknown) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(`${prefix}_${i + 1}`, v));
    } else if (value !== null && typeof value === "object") {
      for (const [key, v] of Object.entries(value)) visit(`${prefix}_${key}`, v);
    } else if (value === undefined) {
      out[prefix] = null;
    } else if (typeof value === "bigint") {
      out[prefix] = value.toString();
    } else if (typeof value === "function" || typeof value === "symbol") {
      throw new TypeError(`Cannot put ${String(value)} in a table cell (column "${prefix}")`);
    } else {
      out[prefix] = value as string | number | boolean;
    }
  };
  for (const [key, value] of Object.entries(row)) visit(key, value);
  return out;
}

/**
 * Tidy records as CSV text (RFC 4180): a header row, then one line per
 * record; fields that hold a comma, a quote or a line break are quoted, and
 * quotes inside are doubled. Nested values are spread over columns by
 * {@linkcode flattenRow}; missing values are empty fields. The text ends
 * with a line break.
 *
 * @param rows The records.
 * @param options Columns and line ending.
 * @returns The CSV text.
 * @throws {TypeError} If a row is not an object or holds a function.
 *
 * @example
 * ```ts
 * import { toCsv } from "./tables.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(
 *   toCsv([{ term: 'say "no", twice', n: 2 }, { term: "x", n: null }]),
 *   'term,n\r\n"say ""no"", twice",2\r\nx,\r\n',
 * );
 * ```
 */
export function toCsv(rows: Iterable<Row>, options: ToCsvOptions = {}): string {
  return [...toCsvPieces(rows, options)].join("");
}

/**
 * The text of {@linkcode toCsv} in pieces, a line at a time, for writing a
 * large table without holding its text whole.
 *
 * @param rows The records.
 * @param options Columns and line ending.
 * @returns Pieces whose concatenation is `toCsv(rows, options)`.
 * @throws {TypeError} If a row is not an object or holds a function (when the piece is made).
 *
 * @example
 * ```ts
 * import { toCsv, toCsvPieces } from "./tables.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const rows = [{ term: "a", ci: [1, 2] }, { term: "b,c" }];
 * strictEqual([...toCsvPieces(rows)].join(""), toCsv(rows));
 * ```
 */
export function toCsvPieces(rows: Iterable<Row>, options: ToCsvOptions = {}): Generator<string> {
  return csvPieces(rows, (row) => row, options);
}

/**
 * The text of `toCsv(rows.map(project), options)` in pieces, a line at a
 * time: each row is projected and flattened when its line is made, so a
 * large table is never held whole, nor its rows twice. Without given
 * columns, `rows` is read twice (the header needs every row's keys).
 */
function* csvPieces(
  rows: Iterable<Row>,
  project: (row: Row) => Row,
  options: ToCsvOptions,
  whenEmpty?: readonly string[],
): Generator<string> {
  const newline = options.newline ?? "\r\n";
  const flat = (row: Row, i: number) => {
    if (row === null || typeof row !== "object" || Array.isArray(row)) {
      throw new TypeError(`Cannot write CSV: row ${i} is ${JSON.stringify(row)}, not an object`);
    }
    return flattenRow(project(row));
  };
  let columns = options.columns ? [...options.columns] : undefined;
  if (columns === undefined) {
    rereadable(rows, "CSV");
    const seen = new Set<string>();
    let i = 0;
    for (const row of rows) for (const key of Object.keys(flat(row, i++))) seen.add(key);
    // A table without rows keeps the header of the columns it was given.
    columns = seen.size === 0 && whenEmpty ? [...whenEmpty] : [...seen];
  }
  const field = (value: unknown): string => {
    if (value === null || value === undefined) return "";
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  yield columns.map(field).join(",") + newline;
  let i = 0;
  for (const row of rows) {
    const cells = flat(row, i++);
    yield columns.map((c) => field(cells[c])).join(",") + newline;
  }
}

/** A LaTeX column: the record key, and optionally its header and alignment. */
export interface LatexColumn {
  /** The record key. */
  key: string;
  /**
   * Header text (escaped).
   * @default the key
   */
  label?: string;
  /**
   * Column alignment.
   * @default "r" if every value is a number, else "l"
   */
  align?: "l" | "c" | "r";
  /**
   * Digits after the point for non-integer numbers in this column.
   * @default ToLatexOptions.digits
   */
  digits?: number;
}

/** Options for {@linkcode toLatex}. */
export interface ToLatexOptions {
  /** The caption (escaped). */
  caption: string;
  /** The label for `\ref`: letters, digits and `:._-` only. */
  label: string;
  /**
   * Columns in order: keys or {@linkcode LatexColumn}s.
   * @default every key of every row, in first-seen order
   */
  columns?: readonly (string | LatexColumn)[];
  /**
   * Digits after the point for non-integer numbers.
   * @default 2
   */
  digits?: number;
  /**
   * Float placement.
   * @default "htbp"
   */
  placement?: string;
}

const LATEX_SPECIALS: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "&": "\\&",
  "%": "\\%",
  "$": "\\$",
  "#": "\\#",
  "_": "\\_",
  "{": "\\{",
  "}": "\\}",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
  "<": "\\textless{}",
  ">": "\\textgreater{}",
  "|": "\\textbar{}",
};

/**
 * Escapes text for LaTeX: the ten specials `\ & % $ # _ { } ~ ^` and also
 * `< > |` (which print wrongly in the default OT1 encoding); line breaks
 * become spaces.
 *
 * @param text Any text, e.g. a sentence from an article.
 * @returns Text that LaTeX typesets as written.
 *
 * @example
 * ```ts
 * import { escapeLatex } from "./tables.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(escapeLatex("5% of $x_1 & {y}"), "5\\% of \\$x\\_1 \\& \\{y\\}");
 * strictEqual(escapeLatex("a\\b~c^d"), "a\\textbackslash{}b\\textasciitilde{}c\\textasciicircum{}d");
 * ```
 */
export function escapeLatex(text: string): string {
  return text.replace(/[\\&%$#_{}~^<>|]/g, (c) => LATEX_SPECIALS[c])
    .replace(/\r\n|[\r\n]/g, " ");
}

/**
 * Tidy records as a LaTeX `table` with a booktabs `tabular` (`\toprule`,
 * `\midrule`, `\bottomrule`; needs `\usepackage{booktabs}`). Text is
 * escaped; numbers are right-aligned, non-integers rounded to `digits`, and
 * a minus sign is set as `$-$`; arrays print as `[a, b]` (e.g. an
 * interval); missing values are empty cells.
 *
 * @param rows The records.
 * @param options Caption, label, columns and number format.
 * @returns The LaTeX source, ending with a line break.
 * @throws {RangeError} If the label holds characters other than letters, digits and `:._-`.
 *
 * @example
 * ```ts
 * import { toLatex } from "./tables.ts";
 * import { ok } from "node:assert/strict";
 *
 * const tex = toLatex([{ actor: "R&D_lab", score: -0.254, ci: [-0.5, 0] }], {
 *   caption: "Scores (95% CI)", label: "tab:scores",
 * });
 * ok(tex.includes("\\begin{tabular}{lrl}"));
 * ok(tex.includes("actor & score & ci \\\\"));
 * ok(tex.includes("R\\&D\\_lab & $-$0.25 & [$-$0.50, 0] \\\\"));
 * ok(tex.includes("\\caption{Scores (95\\% CI)}"));
 * ```
 */
export function toLatex(rows: Iterable<Row>, options: ToLatexOptions): string {
  return [...latexPieces(rows, options)].join("");
}

/**
 * The text of `toLatex(rows, options)` in pieces, a row at a time. `rows` is
 * read twice: once for the checks, the columns and their alignment, once for
 * the lines.
 */
function* latexPieces(rows: Iterable<Row>, options: ToLatexOptions): Generator<string> {
  if (!/^[A-Za-z0-9:._-]+$/.test(options.label)) {
    throw new RangeError(
      `LaTeX label must use letters, digits and ":._-" only, got "${options.label}"`,
    );
  }
  rereadable(rows, "LaTeX");
  const digits = options.digits ?? 2;
  // Per key: whether a value is not a number (nor missing), and whether one is a number.
  const seen = new Map<string, { other: boolean; number: boolean }>();
  let i = 0;
  for (const row of rows) {
    if (row === null || typeof row !== "object" || Array.isArray(row)) {
      throw new TypeError(`Cannot write LaTeX: row ${i} is ${JSON.stringify(row)}, not an object`);
    }
    i++;
    for (const [key, value] of Object.entries(row)) {
      let kinds = seen.get(key);
      if (!kinds) seen.set(key, kinds = { other: false, number: false });
      if (isNumber(value)) kinds.number = true;
      else if (value != null) kinds.other = true;
    }
  }
  const specs = (options.columns ?? [...seen.keys()]).map((c) =>
    typeof c === "string" ? { key: c } : c
  );
  const columns = specs.map((c) => ({
    key: c.key,
    label: c.label ?? c.key,
    digits: c.digits ?? digits,
    align: c.align ??
      (seen.get(c.key)?.number === true && seen.get(c.key)?.other === false ? "r" : "l"),
  }));
  const cell = (value: unknown, places: number): string => {
    if (value === null || value === undefined) return "";
    if (typeof value === "number") return latexNumber(value, places);
    if (Array.isArray(value)) return `[${value.map((v) => cell(v, places)).join(", ")}]`;
    if (typeof value === "object") return escapeLatex(JSON.stringify(value));
    return escapeLatex(String(value));
  };
  const line = (cells: string[]) => `${cells.join(" & ")} \\\\`;
  yield [
    `\\begin{table}[${options.placement ?? "htbp"}]`,
    "\\centering",
    `\\caption{${escapeLatex(options.caption)}}`,
    `\\label{${options.label}}`,
    `\\begin{tabular}{${columns.map((c) => c.align).join("")}}`,
    "\\toprule",
    line(columns.map((c) => escapeLatex(c.label))),
    "\\midrule",
    "",
  ].join("\n");
  for (const row of rows) yield line(columns.map((c) => cell(row[c.key], c.digits))) + "\n";
  yield ["\\bottomrule", "\\end{tabular}", "\\end{table}", ""].join("\n");
}

function latexNumber(value: number, digits: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "$\\infty$" : "$-\\infty$";
  const text = Number.isInteger(value) ? String(value) : value.toFixed(digits);
  // "-0.00" after rounding is 0.
  if (/^-0(\.0*)?$/.test(text)) return text.slice(1);
  return text.startsWith("-") ? `$-$${text.slice(1)}` : text;
}

/**
 * Refuses rows that can be read only once (a generator): the writers read
 * them twice, and the second read would find no row.
 */
function rereadable(rows: Iterable<Row>, what: string): Iterable<Row> {
  if (typeof (rows as Partial<Iterator<Row>>).next === "function") {
    throw new TypeError(
      `Cannot write ${what}: the rows can be read only once (a generator); give an array or ` +
        "an iterable that starts again each time it is read",
    );
  }
  return rows;
}

function isNumber(value: unknown): boolean {
  return typeof value === "number";
}

/** One table to write with {@linkcode exportTables}. */
export interface TableToExport {
  /** File name without extension: letters, digits, `.`, `_` and `-`. */
  name: string;
  /**
   * The records: an array, or an iterable that starts again each time it is
   * read (it is read up to four times), so that a table of every article's
   * rows need not be held whole.
   */
  rows: Iterable<Row>;
  /** The LaTeX caption. */
  caption: string;
  /**
   * The LaTeX label.
   * @default `tab:<name>`
   */
  label?: string;
  /**
   * Columns for both files (LaTeX specs; CSV uses their keys, spread by {@linkcode flattenRow}).
   * @default every key of every row
   */
  columns?: readonly (string | LatexColumn)[];
}

/**
 * Writes each table as `<name>.csv` (RFC 4180) and `<name>.tex` (booktabs)
 * into `dir`, which is created if needed; each file is written whole
 * (temporary file and rename).
 *
 * @param tables The tables: an array, or tables made one at a time (each is
 * written before the next is taken, so only one table's rows need be held).
 * @param dir The output folder.
 * @returns The paths written, two per table.
 * @throws {RangeError} If a name is unsafe as a file name or repeats: for an
 * array before anything is written, for other iterables when that table comes.
 *
 * @example
 * ```ts
 * import { exportTables } from "./tables.ts";
 * import { ok, strictEqual } from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * const files = await exportTables([{ name: "rates", rows: [{ topic: "energy", per1k: 2.5 }], caption: "Rates" }], dir);
 * strictEqual(files.length, 2);
 * ok((await Deno.readTextFile(files[1])).includes("\\label{tab:rates}"));
 * ```
 */
export async function exportTables(
  tables: Iterable<TableToExport>,
  dir: string,
): Promise<string[]> {
  const check = (names: Set<string>, name: string) => {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
      throw new RangeError(
        `Table name must be letters, digits, ".", "_" and "-" (not starting with a dot), got "${name}"`,
      );
    }
    if (names.has(name)) throw new RangeError(`Table name "${name}" is used twice`);
    names.add(name);
  };
  if (Array.isArray(tables)) {
    const names = new Set<string>();
    for (const { name } of tables) check(names, name);
  }
  await Deno.mkdir(dir, { recursive: true });
  const written: string[] = [];
  const names = new Set<string>();
  for (const table of tables) {
    check(names, table.name);
    const keys = table.columns?.map((c) => (typeof c === "string" ? c : c.key));
    const project = keys
      ? (row: Row) => Object.fromEntries(keys.map((k) => [k, row[k]]))
      : (row: Row) => row;
    const csvPath = `${dir}/${table.name}.csv`;
    const texPath = `${dir}/${table.name}.tex`;
    // In pieces, a row at a time: a table of every article's rows is never held as text whole.
    await writeFileAtomic(csvPath, csvPieces(table.rows, project, {}, keys));
    await writeFileAtomic(
      texPath,
      latexPieces(table.rows, {
        caption: table.caption,
        label: table.label ?? `tab:${table.name}`,
        columns: table.columns,
      }),
    );
    written.push(csvPath, texPath);
  }
  return written;
}
