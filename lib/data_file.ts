/**
 * Reading JSON and YAML data files (lexicons, actor lists) against a zod
 * schema, with errors that name the file, the line and the field path and say
 * what was expected there.
 *
 * @module
 */
import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { InputError } from "./errors.ts";

/** How a data file is written. */
export type DataFormat = "json" | "yaml";

/** Options of {@linkcode parseDataFile}. */
export interface ParseDataFileOptions {
  /** The name errors give the input. @default "<string>" */
  file?: string;
  /** How to read the text. @default "yaml" (YAML also reads JSON) */
  format?: DataFormat;
  /**
   * Words for an issue that the generic wording would say badly (e.g. a
   * field's pattern); return undefined to keep the generic wording.
   */
  describe?: (issue: z.core.$ZodIssue, value: unknown) => string | undefined;
}

/**
 * Parses and validates a data file's text.
 *
 * @throws {InputError} When the text is not JSON/YAML or does not fit the schema; the message
 * names the first problem's line and path and lists up to three more.
 *
 * @example
 * ```ts
 * import { parseDataFile } from "./data_file.ts";
 * import { z } from "zod";
 * import { throws } from "node:assert/strict";
 *
 * const Schema = z.object({ items: z.array(z.object({ n: z.number() })) });
 * throws(
 *   () => parseDataFile(Schema, "items:\n  - n: 1\n  - n: two\n", { file: "x.yaml" }),
 *   { message: 'Cannot read "x.yaml": line 3: items[1].n: expected a number, got "two"' },
 * );
 * ```
 */
export function parseDataFile<S extends z.ZodType>(
  schema: S,
  text: string,
  options: ParseDataFileOptions = {},
): z.output<S> {
  const file = options.file ?? "<string>";
  const data = readData(text, file, options.format ?? "yaml");
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const describe = (issue: z.core.$ZodIssue) =>
    options.describe?.(issue, valueAt(data, issue.path)) ?? describeIssue(issue, data);
  const [first, ...rest] = result.error.issues;
  let expected = describe(first);
  if (rest.length > 0) {
    const more = rest.slice(0, 3).map((i) =>
      `${formatPath(i.path) || "top level"}: ${describe(i)}`
    );
    expected += ` (${rest.length} more: ${more.join("; ")}${rest.length > 3 ? "; ..." : ""})`;
  }
  const path = formatPath(first.path);
  throw new InputError(
    { file, line: lineOfPath(text, first.path), path: path || undefined },
    expected,
  );
}

/**
 * Reads a data file from disk; the format follows the extension.
 *
 * @param what What the file should hold, for the error when it cannot be read ("lexicon file").
 * @throws {InputError} When the file is missing, has another extension, or does not fit the schema.
 */
export async function loadDataFile<S extends z.ZodType>(
  schema: S,
  path: string,
  what: string,
  options: Omit<ParseDataFileOptions, "file" | "format"> = {},
): Promise<z.output<S>> {
  const format = dataFormatOf(path);
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (cause) {
    throw new InputError({ file: path }, `expected a readable ${what}`, { cause });
  }
  return parseDataFile(schema, text, { ...options, file: path, format });
}

/**
 * The format of a data file from its extension.
 *
 * @throws {InputError} For an extension other than `.json`, `.yaml`, `.yml`.
 */
export function dataFormatOf(path: string): DataFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return "yaml";
  throw new InputError({ file: path }, 'expected a file name ending in ".json", ".yaml" or ".yml"');
}

/** Parses JSON or YAML text into plain data. */
export function readData(text: string, file: string, format: DataFormat): unknown {
  if (format === "json") {
    try {
      return JSON.parse(text);
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      throw new InputError(
        { file, line: jsonErrorLine(text, message) },
        `expected valid JSON (${message})`,
        { cause },
      );
    }
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const line = lineCounter.linePos(error.pos[0]).line;
    throw new InputError({ file, line }, `expected valid YAML (${error.message.split("\n")[0]})`);
  }
  try {
    return doc.toJS();
  } catch (cause) {
    // An alias without its anchor, or too many aliases (yaml's guard against alias bombs).
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new InputError({ file }, `expected valid YAML (${message})`, { cause });
  }
}

/** The line of a JSON syntax error: from the message's position, else from the YAML parser. */
function jsonErrorLine(text: string, message: string): number | undefined {
  const at = /position (\d+)/.exec(message);
  if (at) return text.slice(0, Number(at[1])).split("\n").length;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const error = doc.errors[0];
  return error ? lineCounter.linePos(error.pos[0]).line : undefined;
}

/** The 1-based line of the node at `path` (or its nearest existing parent), if it can be found. */
export function lineOfPath(text: string, path: readonly PropertyKey[]): number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) return undefined;
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true) as { range?: number[] } | undefined;
    if (node?.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}

/**
 * A zod issue path as people write it.
 *
 * @example
 * ```ts
 * import { formatPath } from "./data_file.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(formatPath(["entries", 3, "weight"]), "entries[3].weight");
 * strictEqual(formatPath(["categories", "a b"]), 'categories["a b"]');
 * ```
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(String(key))) {
      out += `${out ? "." : ""}${String(key)}`;
    } else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** A value in a few words: `"very"`, `a list`, `null`. */
export function describeValue(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

const TYPE_WORDS: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping",
  record: "a mapping",
};

/** What a zod issue expected, in words, with the value found. */
export function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const value = valueAt(data, issue.path);
  switch (issue.code) {
    case "invalid_type": {
      const want = TYPE_WORDS[issue.expected] ?? issue.expected;
      return value === undefined
        ? `expected ${want}, but the field is missing`
        : `expected ${want}, got ${describeValue(value)}`;
    }
    case "unrecognized_keys":
      return `expected only known fields, got unknown ${
        issue.keys.map((k) => JSON.stringify(k)).join(", ")
      }`;
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, got ${
        describeValue(value)
      }`;
    case "too_small":
      if (issue.origin === "array") return `expected at least ${issue.minimum} item(s)`;
      if (issue.origin === "string") return "expected a non-empty string";
      return `expected at least ${issue.minimum}, got ${describeValue(value)}`;
    case "invalid_format":
      return issue.message.startsWith("expected")
        ? `${issue.message}, got ${describeValue(value)}`
        : issue.message;
    default:
      return issue.message;
  }
}
