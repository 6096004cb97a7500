/**
 * Reading actor lexicons (JSON or YAML) into validated {@link ActorLexicon}s,
 * with errors that name the file, the line where known, the path inside the
 * file and what was expected.
 *
 * @module
 */
import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { InputError } from "../errors.ts";
import { ActorLexicon } from "./schema.ts";

/** Options of {@link parseActors}. */
export interface ParseActorsOptions {
  /** The name errors give the input. @default "<string>" */
  file?: string;
  /** How to read the text. @default "yaml" (YAML also reads JSON) */
  format?: "json" | "yaml";
}

/**
 * Parses and validates actor-lexicon text.
 *
 * @param text The file's text.
 * @param options Name of the input and its format.
 * @returns The validated lexicon, defaults applied.
 * @throws {InputError} On bad YAML/JSON or a field that breaks the schema.
 *
 * @example A bad kind names the file, line, path and what was expected
 * ```ts
 * import { parseActors } from "./load.ts";
 * import { strictEqual, throws } from "node:assert/strict";
 *
 * const head = "name: a\nversion: 1.0.0\ndescription: d\nsource: s\nlicence: CC0-1.0\nlanguage: en\n";
 * const lex = parseActors(head + "actors:\n  - {id: russia, name: Russia, kind: state}\n");
 * strictEqual(lex.actors[0].id, "russia");
 * throws(
 *   () => parseActors(head + "actors:\n  - id: russia\n    name: Russia\n    kind: country\n", { file: "a.yaml" }),
 *   { name: "InputError", file: "a.yaml", path: "actors[0].kind", line: 10 },
 * );
 * ```
 */
export function parseActors(text: string, options: ParseActorsOptions = {}): ActorLexicon {
  const file = options.file ?? "<string>";
  const data = options.format === "json" ? readJson(text, file) : readYaml(text, file);
  const result = ActorLexicon.safeParse(data);
  if (result.success) return result.data;
  const [first, ...rest] = result.error.issues;
  let expected = describeIssue(first, data);
  if (rest.length > 0) {
    const more = rest.slice(0, 3).map((i) => `${formatPath(i.path)}: ${describeIssue(i, data)}`);
    expected += ` (${rest.length} more: ${more.join("; ")}${rest.length > 3 ? "; ..." : ""})`;
  }
  const path = formatPath(first.path);
  throw new InputError({ file, line: lineOf(text, first.path), path: path || undefined }, expected);
}

/**
 * Reads an actor lexicon; the format follows the extension (`.json`, `.yaml`, `.yml`).
 *
 * @param path Path of the file.
 * @returns The validated lexicon.
 * @throws {InputError} When the file cannot be read, has another extension, or is not a valid actor lexicon.
 *
 * @example The toolkit's own actor lexicon
 * ```ts
 * import { loadActors } from "./load.ts";
 * import { ok } from "node:assert/strict";
 *
 * const lex = await loadActors(new URL("../../data/lexicons/actors.yaml", import.meta.url).pathname);
 * ok(lex.actors.some((a) => a.id === "tokayev"));
 * ```
 */
export async function loadActors(path: string): Promise<ActorLexicon> {
  const lower = path.toLowerCase();
  const format = lower.endsWith(".json")
    ? "json"
    : lower.endsWith(".yaml") || lower.endsWith(".yml")
    ? "yaml"
    : undefined;
  if (!format) {
    throw new InputError(
      { file: path },
      'expected a file name ending in ".json", ".yaml" or ".yml"',
    );
  }
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (cause) {
    throw new InputError({ file: path }, "expected a readable actor lexicon file", { cause });
  }
  return parseActors(text, { file: path, format });
}

function readJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new InputError(
      { file, line: jsonErrorLine(text, message) },
      `expected valid JSON (${message})`,
      {
        cause,
      },
    );
  }
}

/** The line of a JSON syntax error: from the message's position, else from the YAML parser (JSON is YAML). */
function jsonErrorLine(text: string, message: string): number | undefined {
  const at = /position (\d+)/.exec(message);
  if (at) return text.slice(0, Number(at[1])).split("\n").length;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const error = doc.errors[0];
  return error ? lineCounter.linePos(error.pos[0]).line : undefined;
}

function readYaml(text: string, file: string): unknown {
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

/** The 1-based line of the node at `path` (or its nearest existing parent), when it can be found. */
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

/** `["actors", 3, "kind"]` → `actors[3].kind`. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += `${out ? "." : ""}${String(key)}`;
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
};

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
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
    case "invalid_union":
      return `expected a term (a string or {term, caseSensitive}) or a date, got ${
        describeValue(value)
      }`;
    case "invalid_format":
      return `${issue.message}, got ${describeValue(value)}`;
    default:
      return issue.message;
  }
}
