/**
 * The toolkit's own lexicon format (JSON or YAML, see `../schema.ts`), read
 * like the foreign formats: with the source line of every entry, metadata
 * options that override the file's, and a lenient mode that leaves out
 * malformed and duplicate entries with a note instead of refusing the file.
 *
 * @module
 */
import { LineCounter, parseDocument } from "yaml";
import { InputError } from "../../errors.ts";
import { formatPath, parseLexicon } from "../load.ts";
import { Lexicon, termProblem, termTokens } from "../schema.ts";
import type { ImportNote, ImportResult, ImportTextOptions } from "./import_types.ts";

/** Options of {@link parseToolkitLexicon}. */
export interface ParseToolkitLexiconOptions extends ImportTextOptions {
  /** How to read the text. @default "yaml" (YAML also reads JSON) */
  syntax?: "json" | "yaml";
}

const META_KEYS = ["name", "version", "description", "source", "licence", "language"] as const;

/**
 * Parses a lexicon in the toolkit's format.
 *
 * @param text The file's text.
 * @param options File name for errors, syntax, metadata overrides, and leniency.
 * @returns The lexicon, the line of each entry and, with `lenient`, notes on entries left out.
 * @throws {InputError} Naming the file, the line, the path and what was expected.
 *
 * @example Lenient reading leaves out a malformed wildcard and reports it
 * ```ts
 * import { parseToolkitLexicon } from "./toolkit.ts";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const text = "name: t\nversion: 1.0.0\ndescription: d\nsource: s\nlicence: CC0-1.0\n" +
 *   "language: en\nentries:\n  - term: coal\n  - term: a*b\n";
 * const { lexicon, notes, lines } = parseToolkitLexicon(text, { file: "t.yaml", lenient: true });
 * deepStrictEqual(lexicon.entries.map((e) => e.term), ["coal"]);
 * deepStrictEqual(lines, [8]);
 * strictEqual(notes[0].kind, "malformed_wildcard");
 * strictEqual(notes[0].line, 9);
 * ```
 */
export function parseToolkitLexicon(
  text: string,
  options: ParseToolkitLexiconOptions = {},
): ImportResult {
  const file = options.file ?? "<string>";
  // Syntax errors and, when strict, schema errors with parseLexicon's messages.
  const overrides = Object.fromEntries(
    META_KEYS.filter((k) => options[k] !== undefined).map((k) => [k, options[k]]),
  );
  const counter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ""), { lineCounter: counter });
  const lineAt = (path: (string | number)[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: number[] } | undefined;
      if (node?.range) return counter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  if (doc.errors.length > 0 || (!options.lenient && Object.keys(overrides).length === 0)) {
    const lexicon = parseLexicon(text, { file, format: options.syntax ?? "yaml" });
    return {
      lexicon,
      format: "toolkit",
      lines: lexicon.entries.map((_, i) => lineAt(["entries", i]) ?? 1),
      notes: [],
    };
  }
  const data = { ...(doc.toJS() as Record<string, unknown>), ...overrides };
  const notes: ImportNote[] = [];
  const keep: number[] = [];
  const raw = Array.isArray(data.entries) ? data.entries as unknown[] : undefined;
  if (raw && options.lenient) {
    const seen = new Map<string, number>();
    raw.forEach((entry, i) => {
      const e = entry as Record<string, unknown> | null;
      const line = lineAt(["entries", i]) ?? 1;
      const term = typeof e?.term === "string" ? e.term : undefined;
      if (term === undefined) return keep.push(i); // the schema will say what is wrong
      const problem = termProblem(term);
      if (problem) {
        notes.push({
          kind: term.includes("*") ? "malformed_wildcard" : "malformed_term",
          file,
          line,
          term,
          detail: `entries[${i}].term: ${problem} (left out)`,
        });
        return;
      }
      const cased = e?.caseSensitive === true;
      const key = `${e?.match ?? "form"}\u0000${cased}\u0000${
        termTokens(term, cased).map((t) => t.text + (t.prefix ? "*" : "")).join(" ")
      }`;
      const first = seen.get(key);
      if (first !== undefined) {
        notes.push({
          kind: "duplicate",
          file,
          line,
          term,
          detail: `entries[${i}] repeats the term ${
            JSON.stringify(term)
          } of entries[${first}] (line ${
            lineAt(["entries", first])
          }) with the same match mode and case rule (left out)`,
        });
        return;
      }
      seen.set(key, i);
      keep.push(i);
    });
    data.entries = keep.map((i) => raw[i]);
  } else if (raw) raw.forEach((_, i) => keep.push(i));
  const result = Lexicon.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = [...issue.path] as (string | number)[];
    if (path[0] === "entries" && typeof path[1] === "number") path[1] = keep[path[1]];
    throw new InputError(
      { file, line: lineAt(path), path: formatPath(path) || undefined },
      issue.message,
    );
  }
  return {
    lexicon: result.data,
    format: "toolkit",
    lines: keep.map((i) => lineAt(["entries", i]) ?? 1),
    notes,
  };
}

/** True when YAML/JSON text is a mapping with an `entries` key: the toolkit's format. */
export function looksLikeToolkit(text: string): boolean {
  const doc = parseDocument(text.replace(/^\uFEFF/, ""));
  if (doc.errors.length > 0) return false;
  const js = doc.toJS() as unknown;
  return js !== null && typeof js === "object" && !Array.isArray(js) && "entries" in js;
}
