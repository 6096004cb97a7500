/**
 * Reading what coders said and the population they said it of: codes in the
 * long format (`unit, coder, code[, note]`, CSV or JSONL; an empty code or
 * `NA` is missing) and `units.jsonl`. Every problem names the file and line.
 *
 * @module
 */
import { parseCsv } from "../corpus/csv.ts";
import { describeIssue } from "../data_file.ts";
import { InputError } from "../errors.ts";
import { type Code, CodingUnit, type EstimatedUnit } from "./schema.ts";

/** Codes with where each came from, so that later errors can point at them. */
export interface ReadCodes {
  codes: Code[];
  /** `file:line` of each code, in the same order. */
  places: string[];
  /** Rows that repeated another row exactly (same unit, coder, code), merged. */
  repeated: number;
}

/**
 * Parses one code value: a number, or missing (`""`, `NA`, `null`).
 *
 * @returns The number, or null for missing.
 * @throws {InputError} For anything else, with the place.
 */
export function parseCodeValue(raw: unknown, file: string, line: number): number | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "number") {
    if (Number.isFinite(raw)) return raw;
  } else if (typeof raw === "string") {
    const t = raw.trim();
    if (t === "" || t.toUpperCase() === "NA") return null;
    const n = Number(t);
    if (Number.isFinite(n)) return n;
  }
  throw new InputError(
    { file, line, path: "code" },
    `expected a number, an empty code or NA, got ${JSON.stringify(raw)}`,
  );
}

/**
 * Parses the text of a codes file: CSV with a header (`unit`, `coder`,
 * `code`, optional `note`; `article` and `actor` may stand for `unit`, which
 * is then `ARTICLE::ACTOR`), or JSONL (one object a line with those fields),
 * chosen by the file name (`.jsonl`/`.ndjson` is JSONL, anything else CSV).
 *
 * @example
 * ```ts
 * import { parseCodes } from "@framing/toolkit/coding";
 * import { deepStrictEqual, throws } from "node:assert/strict";
 *
 * const codes = parseCodes("unit,coder,code\nu1,ann,-1\nu2,ann,NA\n", "codes.csv");
 * deepStrictEqual(codes.map((c) => c.code), [-1, null]);
 * throws(() => parseCodes("unit,coder,code\nu1,ann,bad\n", "codes.csv"), /codes.csv": line 2: code: expected a number/);
 * ```
 */
export function parseCodes(text: string, file: string): Code[] {
  const out: Code[] = [];
  const add = (row: Record<string, unknown>, line: number) => {
    // A coding of article × actor pairs may name them in two columns instead of a unit id.
    if (
      row.unit === undefined && typeof row.article === "string" && typeof row.actor === "string"
    ) {
      row = { ...row, unit: `${row.article.trim()}::${row.actor.trim()}` };
    }
    for (const field of ["unit", "coder"]) {
      const v = row[field];
      if (typeof v !== "string" || v.trim() === "") {
        throw new InputError(
          { file, line, path: field },
          `expected a non-empty ${field} id, got ${JSON.stringify(v)}`,
        );
      }
    }
    const note = row.note;
    if (note !== undefined && note !== null && typeof note !== "string") {
      throw new InputError(
        { file, line, path: "note" },
        `expected text, got ${JSON.stringify(note)}`,
      );
    }
    if (!("code" in row)) throw new InputError({ file, line }, 'expected a "code" field');
    out.push({
      unit: (row.unit as string).trim(),
      coder: (row.coder as string).trim(),
      code: parseCodeValue(row.code, file, line),
      note: (note as string | undefined) ?? "",
    });
  };
  if (/\.(jsonl|ndjson)$/i.test(file)) {
    text.split("\n").forEach((raw, i) => {
      if (raw.trim() === "") return;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (e) {
        throw new InputError(
          { file, line: i + 1 },
          `expected a JSON object (${e instanceof Error ? e.message : e})`,
        );
      }
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        throw new InputError(
          { file, line: i + 1 },
          "expected a JSON object with unit, coder and code",
        );
      }
      add(value as Record<string, unknown>, i + 1);
    });
    return out;
  }
  const rows = parseCsv(text, file);
  const header = rows.length > 0 ? Object.keys(rows[0].fields) : csvHeaderOf(text);
  const named = header.includes("unit") || (header.includes("article") && header.includes("actor"));
  for (const need of ["unit", "coder", "code"]) {
    if (need === "unit" ? !named : !header.includes(need)) {
      throw new InputError(
        { file, line: 1 },
        `expected a header with unit, coder and code; "${need}" is missing (found ${
          header.join(", ")
        })`,
      );
    }
  }
  for (const r of rows) add(r.fields, r.line);
  return out;
}

function csvHeaderOf(text: string): string[] {
  return text.replace(/^\uFEFF/, "").split(/\r?\n/)[0].split(",").map((s) => s.trim());
}

/**
 * Reads codes files and merges them. A row that repeats another exactly is
 * merged (and counted); the same unit and coder with two different codes is
 * an error naming both places.
 *
 * @throws {InputError} On an unreadable file, a bad row, or a conflict.
 */
export async function readCodes(paths: readonly string[]): Promise<ReadCodes> {
  const seen = new Map<string, { code: Code; place: string }>();
  const codes: Code[] = [];
  const places: string[] = [];
  let repeated = 0;
  for (const path of paths) {
    let text: string;
    try {
      text = await Deno.readTextFile(path);
    } catch (cause) {
      throw new InputError({ file: path }, "expected a readable codes file (CSV or JSONL)", {
        cause,
      });
    }
    const parsed = parseCodes(text, path);
    const lines = linesOf(text, path, parsed.length);
    parsed.forEach((c, i) => {
      const key = `${c.unit}\u0000${c.coder}`;
      const place = `${path}:${lines[i]}`;
      const before = seen.get(key);
      if (before) {
        if (before.code.code === c.code) {
          repeated++;
          return;
        }
        throw new InputError(
          { file: path, line: lines[i] },
          `expected one code per unit and coder; unit "${c.unit}" has code ${
            c.code ?? "NA"
          } from "${c.coder}" here and ${before.code.code ?? "NA"} at ${before.place}`,
        );
      }
      seen.set(key, { code: c, place });
      codes.push(c);
      places.push(place);
    });
  }
  return { codes, places, repeated };
}

/** The line numbers of the records of a codes file (JSONL: non-blank lines; CSV: from the parser). */
function linesOf(text: string, file: string, count: number): number[] {
  if (/\.(jsonl|ndjson)$/i.test(file)) {
    const lines: number[] = [];
    text.split("\n").forEach((raw, i) => raw.trim() !== "" && lines.push(i + 1));
    return lines;
  }
  const rows = parseCsv(text, file);
  return rows.length === count
    ? rows.map((r) => r.line)
    : Array.from({ length: count }, (_, i) => i + 2);
}

/**
 * Parses `units.jsonl`: one coding unit a line.
 *
 * @throws {InputError} Naming the line and field of the first bad unit, or a repeated unit id.
 *
 * @example
 * ```ts
 * import { parseUnits } from "@framing/toolkit/coding";
 * import { throws } from "node:assert/strict";
 *
 * throws(
 *   () => parseUnits('{"unit":"a::x","article":"a","actor":"x","meta":{},"model":0.1,"sampled":true}\n', "units.jsonl"),
 *   /units.jsonl": line 1: inclusionProbability: expected/,
 * );
 * ```
 */
export function parseUnits(
  text: string,
  file: string,
  schema: typeof CodingUnit | typeof EstimatedUnit = CodingUnit,
): CodingUnit[] {
  const units: CodingUnit[] = [];
  const ids = new Map<string, number>();
  text.split("\n").forEach((raw, i) => {
    if (raw.trim() === "") return;
    const line = i + 1;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      throw new InputError(
        { file, line },
        `expected a JSON object (${e instanceof Error ? e.message : e})`,
      );
    }
    const r = schema.safeParse(value);
    if (!r.success) {
      const issue = r.error.issues[0];
      throw new InputError(
        { file, line, path: issue.path.join(".") || undefined },
        describeIssue(issue, value),
      );
    }
    const before = ids.get(r.data.unit);
    if (before !== undefined) {
      throw new InputError(
        { file, line, path: "unit" },
        `expected a unit id used once; "${r.data.unit}" is also on line ${before}`,
      );
    }
    ids.set(r.data.unit, line);
    units.push(r.data);
  });
  return units;
}

/**
 * Reads `units.jsonl`.
 *
 * @param path The file.
 * @param schema What each line is checked against: every field, or only those the estimates read.
 */
export async function readUnits(
  path: string,
  schema: typeof CodingUnit | typeof EstimatedUnit = CodingUnit,
): Promise<CodingUnit[]> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (cause) {
    throw new InputError(
      { file: path },
      "expected a readable units file (units.jsonl from code sample)",
      { cause },
    );
  }
  return parseUnits(text, path, schema);
}
