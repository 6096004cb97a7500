/**
 * What every lexicon importer takes and gives: the options shared by all
 * formats, the notes an import leaves (merged duplicates, skipped entries),
 * and the result (a validated {@link Lexicon} plus where each entry came from).
 *
 * @module
 */
import { z } from "zod";
import type { Lexicon } from "../schema.ts";

/** The file formats a lexicon can be imported from. */
export const ImportFormat = z.enum([
  "liwc",
  "quanteda_yaml",
  "lexicoder",
  "wordstat",
  "vader_tsv",
  "word_list",
  "csv",
  "toolkit",
]);
/** One importable file format. */
export type ImportFormat = z.infer<typeof ImportFormat>;

/** How each format is named in sources and messages. */
export const FORMAT_LABELS: Readonly<Record<ImportFormat, string>> = {
  liwc: "LIWC .dic",
  quanteda_yaml: "quanteda YAML dictionary",
  lexicoder: "Lexicoder .lc3",
  wordstat: "Wordstat .cat",
  vader_tsv: "VADER-style TSV",
  word_list: "plain word list",
  csv: "CSV (term, category, weight)",
  toolkit: "toolkit lexicon",
};

/**
 * Something an import noticed and dealt with. `duplicate`: a term that came
 * twice and was merged into one entry (categories united);
 * `conditional_category`: a LIWC2007 conditional code such as
 * `(02 134)125/464`, left out while the plain numbers on its line were kept;
 * `encoding`: the file was not UTF-8 and was read as Windows-1252.
 * The others are
 * entries or categories left out, which happens only with `lenient`:
 * `malformed_wildcard` (a `*` that is not at the end of a word, or alone),
 * `malformed_term` (an empty term or one the grammar refuses otherwise),
 * `unknown_category` (a category number or name the file never declared),
 * `bad_weight` (a weight that is not a number, or two weights for one term).
 */
export const ImportNote = z.object({
  kind: z.enum([
    "duplicate",
    "conditional_category",
    "encoding",
    "malformed_wildcard",
    "malformed_term",
    "unknown_category",
    "bad_weight",
  ]),
  /** The file read. */
  file: z.string(),
  /** 1-based line of the source file. */
  line: z.number().int().positive(),
  /** The term as written in the source, when the note is about one term. */
  term: z.string().optional(),
  /** What happened, in words. */
  detail: z.string(),
});
/** One note of an import. */
export type ImportNote = z.infer<typeof ImportNote>;

/** Kinds of {@link ImportNote} that mean the source file is not a valid lexicon. */
export const ERROR_NOTE_KINDS: ReadonlySet<ImportNote["kind"]> = new Set([
  "malformed_wildcard",
  "malformed_term",
  "unknown_category",
  "bad_weight",
]);

/** Options every format's parser takes. */
export interface ImportTextOptions {
  /** The name errors and the default metadata give the input. @default "<string>" */
  file?: string;
  /** Lexicon id. @default the file's base name, lower-cased, other characters as "_" */
  name?: string;
  /** Lexicon version. @default "0.0.0" */
  version?: string;
  /** Lexicon description. @default "Imported from <format> file <base name>." */
  description?: string;
  /** Where the words come from. @default "<file> (imported from <format>)" */
  source?: string;
  /** Licence of the original. @default "unknown — state the licence of the original" */
  licence?: string;
  /** BCP 47 language tag. @default "en" */
  language?: string;
  /**
   * Leave out entries with malformed terms, unknown categories or bad weights
   * and record each as an {@link ImportNote}, instead of throwing on the first.
   * @default false
   */
  lenient?: boolean;
  /** Lower-case every term (matching ignores case anyway). @default true */
  lowercase?: boolean;
  /**
   * Read every `*` as a literal star, not a wildcard (written `\*` in the
   * toolkit format). @default false (true for VADER files, whose terms are emoticons)
   */
  literalStars?: boolean;
}

/** A validated lexicon and where its entries came from. */
export interface ImportResult {
  /** The lexicon, validated by the `Lexicon` schema. */
  lexicon: Lexicon;
  /** The format it was read as. */
  format: ImportFormat;
  /** 1-based source line of each entry (`lines[i]` for `lexicon.entries[i]`). */
  lines: number[];
  /** Merged duplicates and, with `lenient`, entries left out. */
  notes: ImportNote[];
}
