/**
 * Importing lexicons from other tools' formats into the toolkit's validated
 * {@link Lexicon}: LIWC `.dic`, quanteda YAML, Lexicoder, Wordstat `.cat`,
 * VADER-style TSV, plain word lists and CSV.
 *
 * @example
 * ```ts
 * import { parseLexiconText } from "@framing/toolkit/lexicon";
 * import { strictEqual } from "node:assert/strict";
 *
 * const { lexicon } = parseLexiconText("term,category\ncoal,energy\n", "csv", { file: "e.csv" });
 * strictEqual(lexicon.entries[0].categories?.[0], "energy");
 * ```
 *
 * @module
 */
import type { Lexicon } from "../schema.ts";
export * from "./import_types.ts";
export * from "./import_lexicon.ts";
export { parseLiwc } from "./liwc.ts";
export { parseQuantedaYaml } from "./quanteda_yaml.ts";
export { looksLikeLexicoder, parseLexicoder } from "./lexicoder.ts";
export { parseWordstat } from "./wordstat.ts";
export { parseVaderTsv } from "./vader_tsv.ts";
export { parseWordList } from "./word_list.ts";
export { parseCsvLexicon } from "./csv.ts";
export {
  looksLikeToolkit,
  parseToolkitLexicon,
  type ParseToolkitLexiconOptions,
} from "./toolkit.ts";
export type { Lexicon };
