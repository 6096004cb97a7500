/**
 * The two sentiment lexicons, read once and indexed for lookup by token.
 *
 * Both files are in the team's lexicon format, read and validated by
 * `parseLexicon` (lib/lexicon/load.ts); this module indexes each entry's
 * `term`, `weight`, `match` and `caseSensitive` for the sentiment rules.
 *
 * @module
 */
import { dataFormatOf, formatPath, lineOfPath } from "../data_file.ts";
import { InputError } from "../errors.ts";
import { parseLexicon } from "../lexicon/load.ts";
import { type Lexicon, termTokens } from "../lexicon/schema.ts";
import { type LexiconRecord, lexiconRecordSync } from "../provenance.ts";

/** An entry as the sentiment engine uses it. */
export interface SentimentEntry {
  /** Lexicon name. */
  lexicon: string;
  /** The entry's term as written in the file. */
  term: string;
  /** Valence −4..+4. */
  weight: number;
  /** Lower-cased (unless case-sensitive) parts of the term, split on spaces. */
  parts: string[];
  /** Compare against lemma instead of form. */
  lemma: boolean;
  caseSensitive: boolean;
  /** Last part ends in `*`: prefix match on the last token. */
  wildcard: boolean;
}

/** A lexicon indexed for lookup. */
export interface SentimentIndex {
  name: string;
  /** Single-token entries by form (lower-cased). */
  forms: Map<string, SentimentEntry>;
  /** Single-token case-sensitive entries by exact form. */
  exact: Map<string, SentimentEntry>;
  /** Single-token entries matched on lemma. */
  lemmas: Map<string, SentimentEntry>;
  /** Single-token prefix entries (`russophob*`). */
  prefixes: SentimentEntry[];
  /** Multi-word entries by their first part. */
  phrases: Map<string, SentimentEntry[]>;
}

/** Where the bundled lexicons live. */
export const SENTIMENT_LEXICON_FILES = {
  general: new URL("../../data/lexicons/sentiment_general.json", import.meta.url),
  domain: new URL("../../data/lexicons/sentiment_domain.yaml", import.meta.url),
  fitted: new URL("../../data/lexicons/sentiment_fitted.json", import.meta.url),
} as const;

const cache = new Map<string, SentimentIndex>();

/**
 * Reads and indexes one of the bundled sentiment lexicons (cached).
 *
 * @example
 * ```ts
 * import { sentimentLexicon } from "./lexicons.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(sentimentLexicon("general").forms.get("good")?.weight, 1.9);
 * strictEqual(sentimentLexicon("domain").name, "sentiment_domain");
 * ```
 */
export function sentimentLexicon(which: "general" | "domain" | "fitted"): SentimentIndex {
  const url = SENTIMENT_LEXICON_FILES[which];
  const key = url.href;
  let index = cache.get(key);
  if (!index) {
    index = indexLexicon(readLexiconFile(url));
    cache.set(key, index);
  }
  return index;
}

/**
 * The lexicons of the fitted weights (`sentiment_fitted.json`), split in two:
 * `general` is the general lexicon with the fitted weight in place of VADER's
 * wherever the fitted file lists the same term (those entries carry the
 * lexicon name `sentiment_fitted`), and `added` holds the fitted words that no
 * other lexicon has (lemma entries), to be consulted after the general one.
 * Built once and cached.
 *
 * @example
 * ```ts
 * import { fittedLexicons, sentimentLexicon } from "./lexicons.ts";
 * import { ok, strictEqual } from "node:assert/strict";
 *
 * const { general, added } = fittedLexicons();
 * strictEqual(general.forms.size, sentimentLexicon("general").forms.size);
 * ok([...general.forms.values()].some((e) => e.lexicon === "sentiment_fitted"));
 * ok(added.lemmas.size > 0);
 * ```
 */
export function fittedLexicons(): { general: SentimentIndex; added: SentimentIndex } {
  if (fittedCache) return fittedCache;
  const fitted = sentimentLexicon("fitted");
  const replaced = new Map<string, number>();
  for (const e of fitted.forms.values()) replaced.set(e.term, e.weight);
  for (const e of fitted.exact.values()) replaced.set(e.term, e.weight);
  for (const list of fitted.phrases.values()) for (const e of list) replaced.set(e.term, e.weight);
  const swap = (e: SentimentEntry): SentimentEntry => {
    const w = replaced.get(e.term);
    return w === undefined ? e : { ...e, weight: w, lexicon: fitted.name };
  };
  const swapMap = (m: Map<string, SentimentEntry>) =>
    new Map([...m].map(([k, e]) => [k, swap(e)] as const));
  const g = sentimentLexicon("general");
  const general: SentimentIndex = {
    name: g.name,
    forms: swapMap(g.forms),
    exact: swapMap(g.exact),
    lemmas: swapMap(g.lemmas),
    prefixes: g.prefixes.map(swap),
    phrases: new Map([...g.phrases].map(([k, list]) => [k, list.map(swap)] as const)),
  };
  const added: SentimentIndex = {
    name: fitted.name,
    forms: new Map(),
    exact: new Map(),
    lemmas: fitted.lemmas,
    prefixes: fitted.prefixes,
    phrases: new Map(),
  };
  fittedCache = { general, added };
  return fittedCache;
}

let fittedCache: { general: SentimentIndex; added: SentimentIndex } | undefined;

/**
 * Reads and indexes a sentiment lexicon file of the user's (JSON or YAML, by
 * extension; cached by path until the file changes). Every entry needs a
 * `weight` on −4..+4.
 *
 * @throws {InputError} Naming the file, and the line and entry where known,
 *   when the file cannot be read, breaks the lexicon schema, or has an entry
 *   without a weight in range.
 *
 * @example An entry without a weight is named
 * ```ts
 * import { sentimentLexiconFile } from "./lexicons.ts";
 * import { strictEqual, throws } from "node:assert/strict";
 *
 * const file = Deno.makeTempFileSync({ suffix: ".yaml" });
 * const head = "name: mine\nversion: 1.0.0\ndescription: d\nsource: s\nlicence: CC0-1.0\nlanguage: en\n";
 * Deno.writeTextFileSync(file, head + "entries:\n  - { term: cronyism, weight: -2.5 }\n");
 * strictEqual(sentimentLexiconFile(file).forms.get("cronyism")?.weight, -2.5);
 * const bad = Deno.makeTempFileSync({ suffix: ".yaml" });
 * Deno.writeTextFileSync(bad, head + "entries:\n  - { term: a, weight: 1 }\n  - term: b\n");
 * throws(() => sentimentLexiconFile(bad), { name: "InputError", path: "entries[1].weight", line: 9 });
 * ```
 */
export function sentimentLexiconFile(path: string): SentimentIndex {
  return readSentimentFile(path).index;
}

/**
 * The provenance record of a sentiment lexicon file of the user's (role
 * `sentiment_extra`), with the SHA-256 of its validated content, so a run
 * names which version of the file made its numbers.
 *
 * @throws {InputError} As {@linkcode sentimentLexiconFile}.
 */
export function sentimentLexiconFileRecord(path: string): LexiconRecord {
  return lexiconRecordSync("sentiment_extra", readSentimentFile(path).lexicon);
}

/**
 * When a file last changed (ms), or -1 when it cannot be read: a cached
 * lexicon is read again after its file changes (e.g. between notebook cells).
 */
export function fileVersion(path: string): number {
  try {
    return Deno.statSync(path).mtime?.getTime() ?? -1;
  } catch {
    return -1;
  }
}

function readSentimentFile(path: string): { index: SentimentIndex; lexicon: Lexicon } {
  const key = `${fileVersion(path)} ${path}`;
  const cached = fileCache.get(key);
  if (cached) return cached;
  let text: string;
  try {
    text = Deno.readTextFileSync(path);
  } catch (cause) {
    throw new InputError({ file: path }, "expected a readable sentiment lexicon file", { cause });
  }
  const format = dataFormatOf(path);
  const lexicon = parseLexicon(text, { file: path, format });
  const i = lexicon.entries.findIndex((e) =>
    e.weight === undefined || !(Math.abs(e.weight) <= MAX_VALENCE)
  );
  if (i >= 0) {
    const at = ["entries", i, "weight"];
    throw new InputError(
      { file: path, line: lineOfPath(text, at), path: formatPath(at) },
      `expected a valence from -${MAX_VALENCE} to ${MAX_VALENCE} (every entry of a sentiment lexicon needs a weight)`,
    );
  }
  const read = { index: indexLexicon(lexicon), lexicon };
  fileCache.set(key, read);
  return read;
}

const MAX_VALENCE = 4;
const fileCache = new Map<string, { index: SentimentIndex; lexicon: Lexicon }>();

function readLexiconFile(url: URL): Lexicon {
  const file = url.pathname;
  return parseLexicon(Deno.readTextFileSync(url), {
    file,
    format: file.endsWith(".json") ? "json" : "yaml",
  });
}

/** Indexes a lexicon's entries for token lookup. */
export function indexLexicon(lexicon: Lexicon): SentimentIndex {
  const index: SentimentIndex = {
    name: lexicon.name,
    forms: new Map(),
    exact: new Map(),
    lemmas: new Map(),
    prefixes: [],
    phrases: new Map(),
  };
  for (const e of lexicon.entries) {
    const caseSensitive = e.caseSensitive;
    const tokens = termTokens(e.term, caseSensitive);
    const parts = tokens.map((t) => t.text);
    const wildcard = tokens[tokens.length - 1].prefix;
    const entry: SentimentEntry = {
      lexicon: lexicon.name,
      term: e.term,
      weight: e.weight ?? 0,
      parts,
      lemma: e.match === "lemma",
      caseSensitive,
      wildcard,
    };
    if (parts.length > 1) {
      const list = index.phrases.get(parts[0]) ?? [];
      list.push(entry);
      index.phrases.set(parts[0], list);
    } else if (wildcard) index.prefixes.push(entry);
    else if (caseSensitive) index.exact.set(parts[0], entry);
    else if (entry.lemma) index.lemmas.set(parts[0], entry);
    else index.forms.set(parts[0], entry);
  }
  for (const list of index.phrases.values()) list.sort((a, b) => b.parts.length - a.parts.length);
  return index;
}
