/**
 * Lexicons and actor files: the schema, loading, importing other formats
 * (LIWC, quanteda YAML, Lexicoder, Wordstat, VADER TSV, word lists, CSV),
 * exporting, matching, and checking a lexicon against articles.
 *
 * @example
 * ```ts
 * import { parseLexicon } from "@framing/toolkit/lexicon";
 * import { strictEqual } from "node:assert/strict";
 *
 * const lexicon = parseLexicon(
 *   "name: n\nversion: 1.0.0\ndescription: d\nsource: s\nlicence: CC0-1.0\nlanguage: en\nentries:\n  - term: dam\n",
 *   { file: "n.yaml" },
 * );
 * strictEqual(lexicon.entries[0].term, "dam");
 * ```
 *
 * @module
 */
export {
  Lexicon,
  LexiconCategory,
  LexiconEntry,
  type LexiconEntryInput,
  type LexiconInput,
} from "./schema.ts";
export { Hit } from "./hit.ts";
export { type LexiconFormat, loadLexicon, parseLexicon, type ParseLexiconOptions } from "./load.ts";
export { matchLexicon, type MatchLexiconOptions } from "./match.ts";
export {
  importLexicon,
  type ImportLexiconOptions,
  parseLexiconText,
} from "./import/import_lexicon.ts";
export * from "./import/import_types.ts";
export { exportLexicon, type ExportLexiconOptions } from "./export.ts";
export { checkLexicon, type CheckLexiconOptions, type LexiconCheck } from "./check.ts";
export {
  checkLexiconFile,
  type CheckLexiconFileOptions,
  type LexiconFileCheck,
} from "./check_file.ts";
export { formatCheckReport } from "../cli/lexicon.ts";
export { Actor, ActorLexicon, Mention } from "../actors/schema.ts";
export { loadActors, parseActors, type ParseActorsOptions } from "../actors/load.ts";
export { findMentions, type FindMentionsOptions } from "../actors/find_mentions.ts";
