/**
 * Checking a lexicon file of any importable format: reading it leniently (so
 * that every malformed or repeated entry is reported, not just the first),
 * then {@link checkLexicon}, optionally against a corpus.
 *
 * @module
 */
import { z } from "zod";
import { tokenizeArticle } from "../analyze.ts";
import { loadCorpus } from "../corpus/load_corpus.ts";
import { InputError } from "../errors.ts";
import type { Voice } from "../voice.ts";
import { checkLexicon, LexiconCheck, type LexiconProblem } from "./check.ts";
import { guessFormat, readLexiconFile } from "./import/import_lexicon.ts";
import {
  ERROR_NOTE_KINDS,
  FORMAT_LABELS,
  ImportFormat,
  type ImportNote,
} from "./import/import_types.ts";

/** The check of one lexicon file. */
export const LexiconFileCheck = LexiconCheck.extend({
  /** The lexicon file. */
  file: z.string(),
  /** The format it was read as, when it could be read. */
  format: ImportFormat.optional(),
  /** Corpus inputs that could not be read, with the reason. */
  corpusFailures: z.array(z.object({ input: z.string(), reason: z.string() })).optional(),
});
/** The check of one lexicon file. */
export type LexiconFileCheck = z.infer<typeof LexiconFileCheck>;

/** Options of {@link checkLexiconFile}. */
export interface CheckLexiconFileOptions {
  /** The file's format. @default guessed from the extension */
  format?: ImportFormat;
  /** Corpus files and folders (as `loadCorpus` reads them) to count matches in. @default [] */
  corpus?: readonly string[];
  /** Voices whose hits are counted. @default TEXT_VOICES */
  voices?: readonly Voice[];
  /** Tokenise each term and test that it matches itself. @default true */
  selfMatch?: boolean;
  /** Shortest wildcard prefix not reported as too broad. @default 3 */
  minPrefix?: number;
}

/**
 * Reads and checks a lexicon file. Problems found while reading (malformed
 * terms, unknown categories, bad weights, repeated entries) come first, with
 * their source lines; a file that cannot be read at all gives one `invalid`
 * problem. `valid` is false when any problem is an error.
 *
 * @param path The lexicon file, in any importable format.
 * @param options Format, corpus and check options.
 * @returns The report.
 *
 * @example
 * ```ts
 * import { checkLexiconFile } from "@framing/toolkit/lexicon";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const file = await Deno.makeTempFile({ suffix: ".txt" });
 * await Deno.writeTextFile(file, "coal\nco*al\ngas\ncoal\n");
 * const report = await checkLexiconFile(file, { selfMatch: false });
 * strictEqual(report.valid, false);
 * deepStrictEqual(report.problems.map((p) => [p.kind, p.line]), [
 *   ["malformed_wildcard", 2],
 *   ["duplicate", 4],
 * ]);
 * ```
 */
export async function checkLexiconFile(
  path: string,
  options: CheckLexiconFileOptions = {},
): Promise<LexiconFileCheck> {
  let read;
  try {
    read = await readLexiconFile(path, { format: options.format, lenient: true });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    let how = "";
    try {
      const format = options.format ?? guessFormat(path, await Deno.readTextFile(path));
      how = ` (read as ${FORMAT_LABELS[format]}; name another format if that is wrong)`;
    } catch {
      // the error already says why the file cannot be read
    }
    return {
      file: path,
      entries: 0,
      valid: false,
      problems: [{
        kind: "invalid",
        severity: "error",
        path: e.path ?? "",
        ...(e.line !== undefined ? { line: e.line } : {}),
        detail: e.message + how,
      }],
    };
  }
  const { lexicon, lines, notes, format } = read;
  let corpus;
  let corpusFailures;
  if (options.corpus && options.corpus.length > 0) {
    const loaded = await loadCorpus(options.corpus);
    corpus = loaded.articles.map(tokenizeArticle);
    corpusFailures = loaded.failures;
  }
  const report = checkLexicon(lexicon, {
    lines,
    corpus,
    voices: options.voices,
    selfMatch: options.selfMatch,
    minPrefix: options.minPrefix,
  });
  const fromNotes = notes.map((note) => noteProblem(note, format));
  const problems = [...fromNotes, ...report.problems];
  return {
    file: path,
    format,
    ...report,
    valid: !problems.some((p) => p.severity === "error"),
    problems,
    ...(corpusFailures && corpusFailures.length > 0 ? { corpusFailures } : {}),
  };
}

/**
 * A note of the import as a problem of the check: an error when it left an
 * entry out, or when it is a repeated entry in the toolkit's own format
 * (which the schema refuses); else a warning (a repeat merged on import).
 */
export function noteProblem(note: ImportNote, format: ImportFormat): LexiconProblem {
  const error = ERROR_NOTE_KINDS.has(note.kind) ||
    (note.kind === "duplicate" && format === "toolkit");
  return {
    kind: note.kind,
    severity: error ? "error" : "warning",
    ...(note.term !== undefined ? { entry: note.term } : {}),
    path: `line ${note.line}`,
    line: note.line,
    detail: note.detail,
  };
}
