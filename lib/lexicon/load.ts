/**
 * Reading lexicon files (JSON or YAML) into validated {@link Lexicon}s, with
 * errors that name the file, the line (where known), the entry's path and
 * what was expected.
 *
 * @module
 */
import type { z } from "zod";
import { type DataFormat, describeValue, loadDataFile, parseDataFile } from "../data_file.ts";
import { Lexicon } from "./schema.ts";

export { formatPath } from "../data_file.ts";

/** The two file formats a lexicon may be written in. */
export type LexiconFormat = DataFormat;

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
 * import { parseLexicon } from "@framing/toolkit/lexicon";
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
  return parseDataFile(Lexicon, text, { ...options, describe: describeLexiconIssue });
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
 * import { loadLexicon } from "@framing/toolkit/lexicon";
 * import { ok } from "node:assert/strict";
 *
 * const topics = await loadLexicon(new URL("../../data/lexicons/topics.yaml", import.meta.url).pathname);
 * ok(topics.entries.length > 100);
 * ```
 */
export function loadLexicon(path: string): Promise<Lexicon> {
  return loadDataFile(Lexicon, path, "lexicon file", { describe: describeLexiconIssue });
}

const FIELD_HINTS: Record<string, string> = {
  name: 'an id of lower-case letters, digits, "_" and "-"',
  version: 'a version like "1.0.0"',
  categories: 'category ids of lower-case letters, digits, "_" and "-"',
};

/** Lexicon wording for pattern issues: a term's own message, or what an id looks like. */
function describeLexiconIssue(issue: z.core.$ZodIssue, value: unknown): string | undefined {
  const last = issue.path.filter((k) => typeof k === "string").at(-1) as string | undefined;
  if (issue.code === "invalid_format") {
    if (last === "term") return issue.message;
    return `expected ${FIELD_HINTS[last ?? ""] ?? issue.message}, got ${describeValue(value)}`;
  }
  if (issue.code === "invalid_key") return `expected ${FIELD_HINTS[last ?? ""] ?? "a valid key"}`;
  return undefined;
}
