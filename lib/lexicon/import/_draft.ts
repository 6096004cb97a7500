/**
 * Private helper of the importers: collects categories and terms as a format
 * is read, merges duplicates, and turns the result into a validated lexicon.
 *
 * @module
 */
import { InputError } from "../../errors.ts";
import { formatPath } from "../load.ts";
import {
  Lexicon,
  type LexiconCategory,
  type LexiconInput,
  termProblem,
  termTokens,
} from "../schema.ts";
import {
  FORMAT_LABELS,
  type ImportFormat,
  type ImportNote,
  type ImportResult,
  type ImportTextOptions,
} from "./import_types.ts";

/** Default licence of an imported lexicon: a reminder to find the real one. */
export const UNKNOWN_LICENCE = "unknown — state the licence of the original";

/** Splits text into lines, dropping a byte-order mark; `\r\n`, `\r` and `\n` all end a line. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
}

/**
 * An id from any name: lower-cased, every run of characters other than
 * `a-z` and `0-9` becomes `_`, leading and trailing `_` dropped.
 */
export function slug(name: string): string {
  return name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
}

/** The base name of a path without its extension. */
export function baseName(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.[^.]*$/, "") || name;
}

interface DraftEntry {
  term: string;
  categories: string[];
  weight?: number;
  line: number;
}

/** Collects one lexicon while a file is read. */
export class LexiconDraft {
  readonly file: string;
  readonly notes: ImportNote[] = [];
  readonly #format: ImportFormat;
  readonly #options: ImportTextOptions;
  readonly #categories = new Map<string, LexiconCategory>();
  readonly #idOfPath = new Map<string, string>();
  readonly #entries: DraftEntry[] = [];
  readonly #byKey = new Map<string, DraftEntry>();

  constructor(format: ImportFormat, options: ImportTextOptions) {
    this.#format = format;
    this.#options = options;
    this.file = options.file ?? "<string>";
  }

  /** The lexicon's name: the option, or the file's base name as an id. */
  get name(): string {
    return this.#options.name ?? (slug(baseName(this.file)) || "lexicon");
  }

  /** Throws an InputError at `line`, naming the file. */
  fail(line: number | undefined, expected: string): never {
    throw new InputError({ file: this.file, line }, expected);
  }

  /** Records a problem with one entry: a note when lenient, else an InputError. */
  problem(kind: ImportNote["kind"], line: number, term: string | undefined, detail: string): void {
    if (!this.#options.lenient) this.fail(line, detail);
    this.notes.push({ kind, file: this.file, line, term, detail: `${detail} (left out)` });
  }

  /**
   * Declares a category by its path of names as written (`["Affect", "Positive"]`)
   * and returns its id: each name as an id, joined by `-` (`affect-positive`);
   * a clash with another path's id gets `_2`, `_3` ... The label keeps the
   * names as written, joined by `.`.
   */
  category(path: readonly string[], description?: string): string {
    const key = path.join("\u0000");
    const known = this.#idOfPath.get(key);
    if (known) return known;
    const base = path.map((p) => slug(p) || "category").join("-");
    let id = base;
    for (let n = 2; this.#categories.has(id); n++) id = `${base}_${n}`;
    this.#idOfPath.set(key, id);
    const label = path.join(".");
    this.#categories.set(id, description ? { label, description } : { label });
    return id;
  }

  /** True when a category with this path was declared. */
  hasCategory(path: readonly string[]): boolean {
    return this.#idOfPath.has(path.join("\u0000"));
  }

  /**
   * Adds a term (as written in the source) under category ids, with an
   * optional weight. Lower-cases it (unless `lowercase: false`), escapes stars
   * when they are literal, checks the term grammar, and merges it with an
   * earlier entry for the same term.
   */
  entry(raw: string, line: number, categories: readonly string[], weight?: number): void {
    let term = raw.trim().replace(/\s+/g, " ");
    if (this.#options.lowercase ?? true) term = term.toLowerCase();
    if (this.#options.literalStars || this.#format === "vader_tsv") {
      term = term.replace(/\*/g, "\\*");
    }
    const problem = termProblem(term);
    if (problem) {
      const kind = term.includes("*") ? "malformed_wildcard" : "malformed_term";
      const hint = kind === "malformed_wildcard" && !this.#options.literalStars
        ? ' (a "*" is a wildcard only at the end of a word; if stars are part of the terms, import with literalStars (--literal-stars))'
        : "";
      this.problem(kind, line, raw, problem + hint);
      return;
    }
    const key = termTokens(term, false).map((t) => t.text + (t.prefix ? "*" : "")).join(" ");
    const earlier = this.#byKey.get(key);
    if (!earlier) {
      const entry: DraftEntry = { term, categories: [...new Set(categories)], line };
      if (weight !== undefined) entry.weight = weight;
      this.#byKey.set(key, entry);
      this.#entries.push(entry);
      return;
    }
    if (weight !== undefined && earlier.weight !== undefined && weight !== earlier.weight) {
      this.problem(
        "bad_weight",
        line,
        raw,
        `expected one weight per term, got ${weight} for ${
          JSON.stringify(term)
        } here and ${earlier.weight} at line ${earlier.line}`,
      );
      return;
    }
    if (weight !== undefined) earlier.weight = weight;
    const added = categories.filter((c) => !earlier.categories.includes(c));
    earlier.categories.push(...added);
    this.notes.push({
      kind: "duplicate",
      file: this.file,
      line,
      term: raw,
      detail:
        `the term ${
          JSON.stringify(term)
        } came already at line ${earlier.line}; merged into one entry` +
        (earlier.categories.length > 0 ? ` with categories ${earlier.categories.join(", ")}` : ""),
    });
  }

  /** Number of entries so far. */
  get size(): number {
    return this.#entries.length;
  }

  /**
   * Builds and validates the lexicon. Entries without a category go to
   * `defaultCategory` (the lexicon name when not given).
   */
  build(defaultCategory?: string): ImportResult {
    const name = this.name;
    const label = FORMAT_LABELS[this.#format];
    if (this.#entries.length === 0) {
      this.fail(undefined, `expected at least one term in this ${label} file, found none`);
    }
    const declared = this.#categories.size > 0;
    const fallback = defaultCategory ?? name;
    if (
      declared && !this.#categories.has(fallback) &&
      this.#entries.some((e) => e.categories.length === 0)
    ) {
      this.#categories.set(fallback, { label: fallback });
    }
    const entries = this.#entries.map((e) => {
      const out: NonNullable<LexiconInput["entries"]>[number] = { term: e.term };
      const cats = e.categories.length > 0 ? e.categories : [fallback];
      if (cats.length !== 1 || cats[0] !== name || declared) out.categories = cats;
      if (e.weight !== undefined) out.weight = e.weight;
      return out;
    });
    const o = this.#options;
    const data: LexiconInput = {
      name,
      version: o.version ?? "0.0.0",
      description: o.description ?? `Imported from the ${label} file ${baseName(this.file)}.`,
      source: o.source ?? `${this.file} (imported from ${label})`,
      licence: o.licence ?? UNKNOWN_LICENCE,
      language: o.language ?? "en",
      ...(declared ? { categories: Object.fromEntries(this.#categories) } : {}),
      entries,
    };
    const result = Lexicon.safeParse(data);
    const lines = this.#entries.map((e) => e.line);
    if (!result.success) {
      const issue = result.error.issues[0];
      const path = formatPath(issue.path);
      if (issue.path[0] === "entries" && typeof issue.path[1] === "number") {
        throw new InputError({ file: this.file, line: lines[issue.path[1]], path }, issue.message);
      }
      throw new InputError(
        { file: "<import options>", path },
        `${issue.message} (value ${
          JSON.stringify((data as Record<string, unknown>)[String(issue.path[0])])
        })`,
      );
    }
    return { lexicon: result.data, format: this.#format, lines, notes: this.notes };
  }
}
