/**
 * Reading actor lexicons (JSON or YAML) into validated {@link ActorLexicon}s,
 * with errors that name the file, the line where known, the path inside the
 * file and what was expected.
 *
 * @module
 */
import type { z } from "zod";
import { describeValue, loadDataFile, parseDataFile } from "../data_file.ts";
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
 * import { parseActors } from "@framing/toolkit/lexicon";
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
  return parseDataFile(ActorLexicon, text, { ...options, describe: describeActorIssue });
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
 * import { loadActors } from "@framing/toolkit/lexicon";
 * import { ok } from "node:assert/strict";
 *
 * const lex = await loadActors(new URL("../../data/lexicons/actors.yaml", import.meta.url).pathname);
 * ok(lex.actors.some((a) => a.id === "tokayev"));
 * ```
 */
export function loadActors(path: string): Promise<ActorLexicon> {
  return loadDataFile(ActorLexicon, path, "actor lexicon file", { describe: describeActorIssue });
}

/** Actor wording for a union: a term or a date. */
function describeActorIssue(issue: z.core.$ZodIssue, value: unknown): string | undefined {
  if (issue.code !== "invalid_union") return undefined;
  return `expected a term (a string or {term, caseSensitive}) or a date, got ${
    describeValue(value)
  }`;
}
