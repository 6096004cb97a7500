/**
 * The codebook: the question coders answer, its scale and instructions. The
 * default asks for the author's stance toward the actor; a researcher edits
 * `codebook.yaml` and draws the page again.
 *
 * @module
 */
import { loadDataFile, parseDataFile } from "../data_file.ts";
import { Codebook } from "./schema.ts";

/** The default codebook for the author's stance toward an actor. */
export const DEFAULT_CODEBOOK: Codebook = {
  question: "How does the author's text evaluate ACTOR?",
  scale: [
    { value: -2, label: "very negative", key: "1" },
    { value: -1, label: "negative", key: "2" },
    { value: 0, label: "neutral or mixed", key: "3" },
    { value: 1, label: "positive", key: "4" },
    { value: 2, label: "very positive", key: "5" },
  ],
  cannotTell: { label: "cannot tell", key: "0" },
  instructions: [
    "Read the whole article before you code. Judge the author's own words:",
    "what the text says the actor does or is, the words it chooses for the",
    "actor (and quotation marks around them), and whether it casts the actor",
    "as a victim, a threat, a partner or a failure. Quoted speakers count",
    "only as far as the author takes their side. Readers' comments and site",
    'menus are not the author\'s text. Choose "neutral or mixed" when the',
    "text evaluates the actor in both directions or plainly not at all, and",
    '"cannot tell" when the actor is only named in passing.',
  ].join(" "),
  level: "interval",
};

/**
 * The codebook as YAML, with comments that say what each field does.
 *
 * @param book The codebook.
 * @returns YAML text that {@linkcode parseCodebook} reads back.
 *
 * @example
 * ```ts
 * import { codebookYaml, DEFAULT_CODEBOOK, parseCodebook } from "@framing/toolkit/coding";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(parseCodebook(codebookYaml(DEFAULT_CODEBOOK)), DEFAULT_CODEBOOK);
 * ```
 */
export function codebookYaml(book: Codebook): string {
  const q = (s: string) => JSON.stringify(s);
  return [
    "# The codebook of this sample: what coders are asked, on which scale.",
    "# Edit it, then draw the coding page again (deno task code sample ... --codebook this-file).",
    "# ACTOR in the question is replaced by the actor's name.",
    `question: ${q(book.question)}`,
    "# Each point: the number recorded, the label shown, and the key that picks it.",
    "scale:",
    ...book.scale.map((p) => `  - { value: ${p.value}, label: ${q(p.label)}, key: ${q(p.key)} }`),
    '# "Cannot tell" is recorded as a missing code (NA).',
    `cannotTell: { label: ${q(book.cannotTell.label)}, key: ${q(book.cannotTell.key)} }`,
    `instructions: ${q(book.instructions)}`,
    "# How agreement and estimates read the numbers: nominal, ordinal or interval.",
    `level: ${book.level}`,
    "",
  ].join("\n");
}

/**
 * Parses and checks a codebook (YAML or JSON).
 *
 * @throws {InputError} Naming the file, the line and the field, when it is not a codebook.
 *
 * @example A key used twice is named
 * ```ts
 * import { parseCodebook } from "@framing/toolkit/coding";
 * import { throws } from "node:assert/strict";
 *
 * const text = 'question: q\nscale:\n  - {value: 0, label: no, key: "1"}\n  - {value: 1, label: yes, key: "1"}\n' +
 *   'cannotTell: {label: unsure, key: "0"}\ninstructions: ""\n';
 * throws(() => parseCodebook(text, "book.yaml"), /book.yaml": line 4: scale\[1\].key: expected a key no other/);
 * ```
 */
export function parseCodebook(text: string, file = "<string>"): Codebook {
  return parseDataFile(Codebook, text, { file });
}

/** Reads a codebook file (`.yaml`, `.yml` or `.json`). */
export function loadCodebook(path: string): Promise<Codebook> {
  return loadDataFile(Codebook, path, "codebook");
}
