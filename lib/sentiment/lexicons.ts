/**
 * The two sentiment lexicons, read once and indexed for lookup by token.
 *
 * Both files are in the team's lexicon format, read and validated by
 * `parseLexicon` (lib/lexicon/load.ts); this module indexes each entry's
 * `term`, `weight`, `match` and `caseSensitive` for the sentiment rules.
 *
 * @module
 */
import { parseLexicon } from "../lexicon/load.ts";
import { type Lexicon, termTokens } from "../lexicon/schema.ts";

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
export function sentimentLexicon(which: "general" | "domain"): SentimentIndex {
  const url = SENTIMENT_LEXICON_FILES[which];
  const key = url.href;
  let index = cache.get(key);
  if (!index) {
    index = indexLexicon(readLexiconFile(url));
    cache.set(key, index);
  }
  return index;
}

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
