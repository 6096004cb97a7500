/**
 * Reading lexicon files (JSON or YAML) into validated {@link Lexicon}s, with
 * errors that name the file, the line (where known), the entry's path and
 * what was expected.
 *
 * @module
 */
import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { InputError } from "../errors.ts";
import { Lexicon } from "./schema.ts";

/** The two file formats a lexicon may be written in. */
export type LexiconFormat = "json" | "yaml";

/** Options of {@link parseLexicon}. */
export interface ParseLexiconOptions {
  /** The name the errors give the input. @default "<string>" */
  file?: string;
  /** How to read the text. @default "yaml" (YAML also reads JSON) */
  format?: LexiconFormat;
}

/**
 * Parses and validates lexicon text.
 *
 * @param text The file's text.
 * @param options Name of the input and its format.
 * @returns The validated lexicon, defaults applied.
 * @throws {InputError} On bad YAML/JSON or an entry that breaks the schema.
 *
 * @example A broken entry names the file, line, path and what was expected
 * ```ts
 * import { parseLexicon } from "./load.ts";
 * import { strictEqual, throws } from "node:assert/strict";
 *
 * const head = "name: t\nversion: 1.0.0\ndescription: d\nsource: s\nlicence: CC0-1.0\nlanguage: en\n";
 * const lex = parseLexicon(head + "entries:\n  - term: coal\n", { file: "t.yaml" });
 * strictEqual(lex.entries[0].term, "coal");
 * throws(
 *   () => parseLexicon(head + "entries:\n  - term: coal\n    weight: high\n", { file: "t.yaml" }),
 *   { name: "InputError", path: "entries[0].weight", line: 9 },
 * );
 * ```
 */
export function parseLexicon(text: string, options: ParseLexiconOptions = {}): Lexicon {
  const file = options.file ?? "<string>";
  const format = options.format ?? "yaml";
  const data = format === "json" ? readJson(text, file) : readYaml(text, file);
  const result = Lexicon.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const first = issues[0];
  const path = formatPath(first.path);
  let expected = describeIssue(first, data);
  if (issues.length > 1) {
    const more = issues.slice(1, 4).map((i) =>
      `${formatPath(i.path) || "top level"}: ${describeIssue(i, data)}`
    );
    expected += ` (${issues.length - 1} more: ${more.join("; ")}${
      issues.length > 4 ? "; ..." : ""
    })`;
  }
  throw new InputError({ file, line: lineOf(text, first.path), path: path || undefined }, expected);
}

/**
 * Reads a lexicon file; the format follows the extension (`.json`, `.yaml`,
 * `.yml`).
 *
 * @param path Path of the lexicon file.
 * @returns The validated lexicon.
 * @throws {InputError} When the file cannot be read, has another extension, or is not a valid lexicon.
 *
 * @example
 * ```ts
 * import { loadLexicon } from "./load.ts";
 * import { ok } from "node:assert/strict";
 *
 * const topics = await loadLexicon(new URL("../../data/lexicons/topics.yaml", import.meta.url).pathname);
 * ok(topics.entries.length > 100);
 * ```
 */
export async function loadLexicon(path: string): Promise<Lexicon> {
  const format = formatOf(path);
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (cause) {
    throw new InputError({ file: path }, "expected a readable lexicon file", { cause });
  }
  return parseLexicon(text, { file: path, format });
}

/** The format of a lexicon file from its extension. */
function formatOf(path: string): LexiconFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return "yaml";
  throw new InputError({ file: path }, 'expected a file name ending in ".json", ".yaml" or ".yml"');
}

function readJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const at = /position (\d+)/.exec(message);
    const line = at ? text.slice(0, Number(at[1])).split("\n").length : undefined;
    throw new InputError({ file, line }, `expected valid JSON (${message})`, { cause });
  }
}

function readYaml(text: string, file: string): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const line = lineCounter.linePos(error.pos[0]).line;
    const message = error.message.split("\n")[0];
    throw new InputError({ file, line }, `expected valid YAML (${message})`);
  }
  try {
    return doc.toJS();
  } catch (cause) {
    // An alias without its anchor, or too many aliases (yaml's guard against alias bombs).
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new InputError({ file }, `expected valid YAML (${message})`, { cause });
  }
}

/** The 1-based line of the node at `path` (or its nearest existing parent), if it can be found. */
function lineOf(text: string, path: readonly PropertyKey[]): number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) return undefined;
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true) as { range?: number[] } | undefined;
    if (node?.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}

/** `["entries", 3, "weight"]` -> `entries[3].weight`. */
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

function describeValue(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

const TYPE_WORDS: Record<string, string> = {
  string: "a string",
  number: "a number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping",
  record: "a mapping",
};

const FIELD_HINTS: Record<string, string> = {
  name: 'an id of lower-case letters, digits, "_" and "-"',
  version: 'a version like "1.0.0"',
  categories: 'category ids of lower-case letters, digits, "_" and "-"',
};

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const value = valueAt(data, issue.path);
  const last = issue.path.filter((k) => typeof k === "string").at(-1) as string | undefined;
  switch (issue.code) {
    case "invalid_type": {
      const want = TYPE_WORDS[issue.expected] ?? issue.expected;
      if (value === undefined) return `expected ${want}, but the field is missing`;
      return `expected ${want}, got ${describeValue(value)}`;
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
      if (last === "term") return issue.message;
      return `expected ${FIELD_HINTS[last ?? ""] ?? issue.message}, got ${describeValue(value)}`;
    case "invalid_key":
      return `expected ${FIELD_HINTS[last ?? ""] ?? "a valid key"}`;
    default:
      return issue.message;
  }
}
