/**
 * Bring your own lexicon: reads LIWC, quanteda YAML, Lexicoder, Wordstat,
 * VADER-style TSV, plain word lists, CSV and the toolkit's own files into
 * the same validated {@link Lexicon}.
 *
 * @module
 */
import { InputError } from "../../errors.ts";
import type { Lexicon } from "../schema.ts";
import { parseCsvLexicon } from "./csv.ts";
import {
  ImportFormat,
  type ImportNote,
  type ImportResult,
  type ImportTextOptions,
} from "./import_types.ts";
import { looksLikeLexicoder, parseLexicoder } from "./lexicoder.ts";
import { parseLiwc } from "./liwc.ts";
import { parseQuantedaYaml } from "./quanteda_yaml.ts";
import { looksLikeToolkit, parseToolkitLexicon } from "./toolkit.ts";
import { parseVaderTsv } from "./vader_tsv.ts";
import { parseWordList } from "./word_list.ts";
import { parseWordstat } from "./wordstat.ts";

/** Options of {@link importLexicon} and {@link readLexiconFile}. */
export interface ImportLexiconOptions extends Omit<ImportTextOptions, "file"> {
  /** The file's format. @default guessed from the extension (see {@link guessFormat}) */
  format?: ImportFormat;
}

const EXTENSIONS: Record<string, ImportFormat | undefined> = {
  dic: "liwc",
  lc3: "lexicoder",
  lcd: "lexicoder",
  tsv: "vader_tsv",
  txt: "word_list",
  csv: "csv",
  json: "toolkit",
};

/**
 * The format of a lexicon file from its extension and, where an extension
 * is shared, its text: `.dic` LIWC; `.yml`/`.yaml` the toolkit's format when
 * it has an `entries` key, else quanteda; `.lc3`/`.lcd` Lexicoder; `.cat`
 * Lexicoder when its first line starts with `+`, else Wordstat; `.tsv`
 * VADER; `.txt` word list; `.csv` CSV; `.json` the toolkit's format.
 *
 * @param path The file's path (only its extension is read).
 * @param text The file's text.
 * @returns The format.
 * @throws {InputError} For any other extension.
 *
 * @example
 * ```ts
 * import { guessFormat } from "./import_lexicon.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(guessFormat("moral.dic", ""), "liwc");
 * strictEqual(guessFormat("LSD.cat", "+negative\nlie\n"), "lexicoder");
 * strictEqual(guessFormat("RID.cat", "PRIMARY\n\tNEED\n"), "wordstat");
 * strictEqual(guessFormat("dict.yml", "economy: [tax]\n"), "quanteda_yaml");
 * ```
 */
export function guessFormat(path: string, text: string): ImportFormat {
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase() ?? "";
  if (ext === "yml" || ext === "yaml") return looksLikeToolkit(text) ? "toolkit" : "quanteda_yaml";
  if (ext === "cat") return looksLikeLexicoder(text) ? "lexicoder" : "wordstat";
  const format = EXTENSIONS[ext];
  if (format) return format;
  throw new InputError(
    { file: path },
    `expected a lexicon file ending in .dic, .yml, .yaml, .lc3, .lcd, .cat, .tsv, .txt, .csv or .json, or a format named (${
      ImportFormat.options.join(", ")
    })`,
  );
}

/**
 * Parses lexicon text of a named format.
 *
 * @param text The file's text.
 * @param format The format.
 * @param options File name for errors, metadata and leniency.
 * @returns The lexicon, the source line of each entry, and notes.
 * @throws {InputError} Naming the file, the line and what was expected.
 *
 * @example
 * ```ts
 * import { parseLexiconText } from "@framing/toolkit/lexicon";
 * import { strictEqual } from "node:assert/strict";
 *
 * const { lexicon } = parseLexiconText("+neg\nlie\n", "lexicoder", { file: "x.lc3" });
 * strictEqual(lexicon.name, "x");
 * ```
 */
export function parseLexiconText(
  text: string,
  format: ImportFormat,
  options: ImportTextOptions = {},
): ImportResult {
  switch (format) {
    case "liwc":
      return parseLiwc(text, options);
    case "quanteda_yaml":
      return parseQuantedaYaml(text, options);
    case "lexicoder":
      return parseLexicoder(text, options);
    case "wordstat":
      return parseWordstat(text, options);
    case "vader_tsv":
      return parseVaderTsv(text, options);
    case "word_list":
      return parseWordList(text, options);
    case "csv":
      return parseCsvLexicon(text, options);
    case "toolkit": {
      const syntax = /\.json$/i.test(options.file ?? "") ? "json" : "yaml";
      return parseToolkitLexicon(text, { ...options, syntax });
    }
  }
}

/**
 * Reads a lexicon file of any supported format, with the source line of each
 * entry and notes on merged duplicates (and, with `lenient`, on entries left
 * out). Text is read as UTF-8 (a byte-order mark is dropped; UTF-16 with a
 * byte-order mark is understood); a file that is not valid UTF-8 is read as
 * Windows-1252, with a note.
 *
 * @param path The lexicon file.
 * @param options Format (default: guessed), metadata and leniency.
 * @returns The lexicon, the source line of each entry, and notes.
 * @throws {InputError} When the file cannot be read or is not a valid lexicon of its format.
 *
 * @example
 * ```ts
 * import { readLexiconFile } from "./import_lexicon.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const file = await Deno.makeTempFile({ suffix: ".txt" });
 * await Deno.writeTextFile(file, "coal\ncoal\ngas\n");
 * const { lexicon, notes } = await readLexiconFile(file);
 * strictEqual(lexicon.entries.length, 2);
 * strictEqual(notes[0].kind, "duplicate");
 * ```
 */
export async function readLexiconFile(
  path: string,
  options: ImportLexiconOptions = {},
): Promise<ImportResult> {
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(path);
  } catch (cause) {
    throw new InputError(
      { file: path },
      `expected a readable lexicon file (${cause instanceof Error ? cause.message : cause})`,
      { cause },
    );
  }
  const { text, note } = decodeLexicon(bytes, path);
  if (options.format !== undefined && !ImportFormat.safeParse(options.format).success) {
    throw new InputError(
      { file: "<import options>", path: "format" },
      `expected one of ${ImportFormat.options.join(", ")}, got ${JSON.stringify(options.format)}`,
    );
  }
  const format = options.format ?? guessFormat(path, text);
  const result = parseLexiconText(text, format, { ...options, file: path });
  if (note) result.notes.unshift(note);
  return result;
}

/**
 * Imports a lexicon file of any supported format (see {@link guessFormat})
 * into a validated lexicon. Source formats carry no name, version, source or
 * licence: give them as options, or the defaults name the file, version
 * "0.0.0", the path as source and an unknown licence to be filled in.
 *
 * @param path The lexicon file.
 * @param options Format (default: guessed from the extension), metadata, leniency.
 * @returns The validated lexicon.
 * @throws {InputError} Naming the file, the line and what was expected.
 *
 * @example
 * ```ts
 * import { importLexicon } from "@framing/toolkit/lexicon";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const file = await Deno.makeTempFile({ suffix: ".dic" });
 * await Deno.writeTextFile(file, "%\n1\tposemo\n%\ngood\t1\n");
 * const lexicon = await importLexicon(file, { name: "mini", licence: "CC0-1.0" });
 * strictEqual(lexicon.name, "mini");
 * strictEqual(lexicon.version, "0.0.0");
 * deepStrictEqual(lexicon.entries[0].categories, ["posemo"]);
 * ```
 */
export async function importLexicon(
  path: string,
  options: ImportLexiconOptions = {},
): Promise<Lexicon> {
  return (await readLexiconFile(path, options)).lexicon;
}

/** UTF-8 (BOM dropped), UTF-16 with a BOM, or else Windows-1252 with a note. */
function decodeLexicon(bytes: Uint8Array, file: string): { text: string; note?: ImportNote } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)) };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)) };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    const text = new TextDecoder("windows-1252").decode(bytes);
    let bad = 0;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      bad = firstBadLine(bytes);
    }
    return {
      text,
      note: {
        kind: "encoding",
        file,
        line: bad || 1,
        detail:
          `expected UTF-8 text; read the file as Windows-1252 instead (first non-UTF-8 byte on line ${
            bad || 1
          })`,
      },
    };
  }
}

function firstBadLine(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return 1;
}
