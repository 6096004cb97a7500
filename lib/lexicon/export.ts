/**
 * Writing a lexicon in the toolkit's own format (YAML or JSON), as a file
 * under data/lexicons/ would hold it.
 *
 * @module
 */
import { Document, isMap, isSeq } from "yaml";
import type { Lexicon, LexiconInput } from "./schema.ts";

/** Options of {@link exportLexicon}. */
export interface ExportLexiconOptions {
  /** Output format. @default "yaml" */
  format?: "yaml" | "json";
  /**
   * Lines of comment written at the top of a YAML file (each prefixed with
   * `# `); ignored for JSON. @default [] (none)
   */
  comment?: readonly string[];
}

const FIELD_ORDER = [
  "name",
  "version",
  "description",
  "source",
  "licence",
  "language",
  "url",
  "notes",
  "categories",
  "entries",
] as const;

/**
 * The lexicon as the toolkit's YAML or JSON. Fields come in a fixed order;
 * entry fields that hold their default (`match: form`, `caseSensitive:
 * false`) are left out. In YAML each entry is one line (`- { term: coal,
 * categories: [energy] }`), so the file reads as a list and diffs by line.
 * Reading the text back with `parseLexicon` gives an equal lexicon.
 *
 * @param lexicon A validated lexicon.
 * @param options Format and a top comment.
 * @returns The file's text, ending in a newline.
 *
 * @example A round trip
 * ```ts
 * import { exportLexicon } from "@framing/toolkit/lexicon";
 * import { parseLexicon } from "@framing/toolkit/lexicon";
 * import { Lexicon } from "@framing/toolkit/lexicon";
 * import { deepStrictEqual, ok } from "node:assert/strict";
 *
 * const lexicon = Lexicon.parse({
 *   name: "demo", version: "1.0.0", description: "d", source: "s", licence: "CC0-1.0",
 *   language: "en", entries: [{ term: "coal" }, { term: ":\\*", weight: 1.6 }, { term: "yes" }],
 * });
 * const yaml = exportLexicon(lexicon);
 * ok(yaml.includes("- { term: coal }"));
 * deepStrictEqual(parseLexicon(yaml), lexicon);
 * deepStrictEqual(parseLexicon(exportLexicon(lexicon, { format: "json" }), { format: "json" }), lexicon);
 * ```
 */
export function exportLexicon(lexicon: Lexicon, options: ExportLexiconOptions = {}): string {
  const data = plain(lexicon);
  if ((options.format ?? "yaml") === "json") return JSON.stringify(data, null, 2) + "\n";
  const doc = new Document(data);
  const entries = doc.get("entries", true);
  if (isSeq(entries)) {
    for (const item of entries.items) {
      if (isMap(item)) item.flow = true;
    }
  }
  const categories = doc.get("categories", true);
  if (isMap(categories)) {
    for (const pair of categories.items) if (isMap(pair.value)) pair.value.flow = true;
  }
  const comment = (options.comment ?? []).map((l) => `# ${l}`.trimEnd()).join("\n");
  return (comment ? comment + "\n" : "") +
    doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

/** The lexicon as plain data in field order, defaults of entries left out. */
function plain(lexicon: Lexicon): LexiconInput {
  const out: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) {
    const value = lexicon[key];
    if (value === undefined) continue;
    if (key === "entries") {
      out.entries = lexicon.entries.map((e) => {
        const entry: Record<string, unknown> = { term: e.term };
        if (e.match !== "form") entry.match = e.match;
        if (e.caseSensitive) entry.caseSensitive = true;
        if (e.categories) entry.categories = [...e.categories];
        if (e.weight !== undefined) entry.weight = e.weight;
        if (e.note !== undefined) entry.note = e.note;
        return entry;
      });
    } else out[key] = value;
  }
  return out as LexiconInput;
}
