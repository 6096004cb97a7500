/**
 * Matching a lexicon against tokens: leftmost-longest, each token counted at
 * most once per lexicon.
 *
 * Rules, in the order they decide:
 * - The match starting leftmost wins; among matches starting at one token, the
 *   one covering the most tokens wins (a multi-word expression beats the
 *   words in it). Then the more specific entry: fewer wildcards, then
 *   case-sensitive over case-insensitive, then `form` over `lemma`, then the
 *   earlier entry in the file.
 * - A match never crosses a sentence boundary.
 * - Each term token is compared with one text token, or with a run of text
 *   tokens that touch (no space between them), so `coal-fired` matches the
 *   three tokens `coal` `-` `fired` and `don't` matches `do` `n't`.
 * - `form`: the token's lower-cased text (its raw text when `caseSensitive`).
 *   `lemma`: the token's lemma or its lower-cased text, token by token in a
 *   multi-word term (`power plant` matches "power plants"; in a run of
 *   touching tokens the last one may be a lemma: `coal-fire` matches
 *   "coal-fired"). The model does not lemmatise words it tags as proper
 *   nouns, which catches capitalised common nouns ("Sanctions were ...",
 *   headlines); for capitalised tokens whose lemma equals their text, the
 *   regular inflections -s, -es, -ies, -ed, -ing and -men are stripped.
 * - A trailing `*` is a prefix wildcard matching zero or more further
 *   characters (`sanction*`: sanction, sanctions, sanctioned). A wildcard
 *   token may match a run of touching tokens only when the run ends in a word,
 *   so `sanction*` does not swallow the full stop in "sanctions.".
 * - Curly apostrophes are read as straight ones on both sides.
 *
 * @module
 */
import type { Token } from "../token.ts";
import type { Hit } from "./hit.ts";
import { type Lexicon, normaliseKey, termTokens } from "./schema.ts";

/** Options of {@link matchLexicon}. */
export interface MatchLexiconOptions {
  /** Article id recorded in each hit. @default undefined (no `article` field) */
  article?: string;
  /**
   * The raw text the tokens point into; when given, each hit's `form` is
   * `text.slice(start, end)`. @default undefined (token texts joined by a
   * space where the text has a gap)
   */
  text?: string;
}

/** Longest run of touching tokens read as one term token. */
const MAX_GLUE = 8;

type EdgeKind = "form" | "lemma" | "cased";

interface TrieNode {
  exact: Record<EdgeKind, Map<string, TrieNode>>;
  prefix: Record<EdgeKind, Map<string, TrieNode>>;
  /** Sorted distinct prefix lengths used by this node's prefix edges. */
  prefixLengths: number[];
  /** Longest exact key (in UTF-16 units) leaving this node. */
  maxKey: number;
  /** Index of the entry that ends here. */
  terminal?: number;
}

interface CompiledLexicon {
  root: TrieNode;
  /** Per entry: lower is more specific. */
  rank: number[];
  categories: string[][];
}

const cache = new WeakMap<Lexicon, CompiledLexicon>();

function newNode(): TrieNode {
  return {
    exact: { form: new Map(), lemma: new Map(), cased: new Map() },
    prefix: { form: new Map(), lemma: new Map(), cased: new Map() },
    prefixLengths: [],
    maxKey: 0,
  };
}

/** Builds (once per lexicon object) the token trie of a lexicon. */
function compile(lexicon: Lexicon): CompiledLexicon {
  const cached = cache.get(lexicon);
  if (cached) return cached;
  const root = newNode();
  const rank: number[] = [];
  const categories: string[][] = [];
  lexicon.entries.forEach((entry, index) => {
    const kind: EdgeKind = entry.match === "lemma"
      ? "lemma"
      : entry.caseSensitive
      ? "cased"
      : "form";
    const tokens = termTokens(entry.term, kind === "cased");
    let node = root;
    for (const t of tokens) {
      const map = t.prefix ? node.prefix[kind] : node.exact[kind];
      let next = map.get(t.text);
      if (!next) {
        next = newNode();
        map.set(t.text, next);
        if (t.prefix) {
          if (!node.prefixLengths.includes(t.text.length)) {
            node.prefixLengths.push(t.text.length);
            node.prefixLengths.sort((a, b) => a - b);
          }
        } else node.maxKey = Math.max(node.maxKey, t.text.length);
      }
      node = next;
    }
    // Duplicates are rejected by the schema; keep the first if one slips through.
    node.terminal ??= index;
    const wildcards = tokens.filter((t) => t.prefix).length;
    rank.push(wildcards * 4 + (kind === "cased" ? 0 : 2) + (kind === "lemma" ? 1 : 0));
    categories.push(entry.categories ?? [lexicon.name]);
  });
  const compiled = { root, rank, categories };
  cache.set(lexicon, compiled);
  return compiled;
}

/** The keys of one unit of text (one token or a run of touching tokens). */
interface UnitKeys {
  raw: string;
  lower: string;
  /** Lemmas (lower-cased) to try besides `lower`. */
  lemmas: readonly string[];
  /** May a wildcard match this unit? */
  wildcardOk: boolean;
}

const NON_WORD_TYPES = new Set(["punctuation", "symbol", "tabCRLF", "currency"]);

/**
 * Finds every match of a lexicon in a token sequence.
 *
 * @param tokens Tokens in text order (as from `tokenizeSegments`).
 * @param lexicon A validated lexicon (compiled once and cached per object).
 * @param options Article id and raw text for the hits.
 * @returns Hits in text order; an entry with several categories gives one hit per category.
 *
 * @example The longer expression wins and its words are not counted again
 * ```ts
 * import { matchLexicon } from "./match.ts";
 * import { Lexicon } from "./schema.ts";
 * import { tokenizeText } from "../tokenize.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const lexicon = Lexicon.parse({
 *   name: "energy", version: "1.0.0", description: "d", source: "s", licence: "CC0-1.0",
 *   language: "en",
 *   entries: [{ term: "power plant", match: "lemma" }, { term: "plant" }, { term: "coal*" }],
 * });
 * const text = "Coal-fired power plants and a plant.";
 * const hits = matchLexicon(tokenizeText(text).tokens, lexicon, { text });
 * deepStrictEqual(hits.map((h) => [h.entry, h.form]), [
 *   ["coal*", "Coal-fired"], ["power plant", "power plants"], ["plant", "plant"],
 * ]);
 * ```
 */
export function matchLexicon(
  tokens: readonly Token[],
  lexicon: Lexicon,
  options: MatchLexiconOptions = {},
): Hit[] {
  const { root, rank, categories } = compile(lexicon);
  const n = tokens.length;
  const raw = tokens.map((t) => normaliseKey(t.text, true));
  const lower = tokens.map((t) => normaliseKey(t.text, false));
  const lemma = tokens.map((t) => normaliseKey(t.lemma, false));
  const lemmas = tokens.map((t, i) => lemmaKeys(t, lower[i], lemma[i]));
  const hits: Hit[] = [];

  // Best match from the current start: end token (exclusive) and entry.
  let bestEnd = -1;
  let bestEntry = -1;

  const consider = (end: number, entry: number): void => {
    if (
      end > bestEnd ||
      (end === bestEnd &&
        (rank[entry] < rank[bestEntry] || (rank[entry] === rank[bestEntry] && entry < bestEntry)))
    ) {
      bestEnd = end;
      bestEntry = entry;
    }
  };

  const follow = (node: TrieNode, keys: UnitKeys, next: number, sentence: number): void => {
    const { exact, prefix } = node;
    const seen = new Set<TrieNode>();
    const go = (child: TrieNode | undefined): void => {
      if (child && !seen.has(child)) {
        seen.add(child);
        walk(child, next, sentence);
      }
    };
    go(exact.form.get(keys.lower));
    go(exact.cased.get(keys.raw));
    go(exact.lemma.get(keys.lower));
    for (const l of keys.lemmas) go(exact.lemma.get(l));
    if (keys.wildcardOk && node.prefixLengths.length > 0) {
      for (const k of node.prefixLengths) {
        if (k > keys.raw.length) break;
        go(prefix.form.get(keys.lower.slice(0, k)));
        go(prefix.cased.get(keys.raw.slice(0, k)));
        go(prefix.lemma.get(keys.lower.slice(0, k)));
        for (const l of keys.lemmas) if (k <= l.length) go(prefix.lemma.get(l.slice(0, k)));
      }
    }
  };

  const walk = (node: TrieNode, pos: number, sentence: number): void => {
    if (node.terminal !== undefined) consider(pos, node.terminal);
    if (pos >= n || tokens[pos].sentence !== sentence) return;
    const hasPrefix = node.prefixLengths.length > 0;
    if (node.maxKey === 0 && !hasPrefix) return;
    // One token.
    follow(
      node,
      {
        raw: raw[pos],
        lower: lower[pos],
        lemmas: lemmas[pos],
        wildcardOk: true,
      },
      pos + 1,
      sentence,
    );
    // Runs of touching tokens.
    let r = raw[pos];
    let l = lower[pos];
    for (let q = pos + 1; q < n && q - pos < MAX_GLUE; q++) {
      const t = tokens[q];
      if (t.start !== tokens[q - 1].end || t.sentence !== sentence) break;
      const lemmaKey = l + lemma[q];
      r += raw[q];
      l += lower[q];
      if (Math.min(l.length, lemmaKey.length) > node.maxKey && !hasPrefix) break;
      follow(
        node,
        {
          raw: r,
          lower: l,
          lemmas: lemmaKey === l ? [] : [lemmaKey],
          wildcardOk: !NON_WORD_TYPES.has(t.type),
        },
        q + 1,
        sentence,
      );
    }
  };

  let i = 0;
  while (i < n) {
    bestEnd = -1;
    bestEntry = -1;
    walk(root, i, tokens[i].sentence);
    if (bestEnd <= i) {
      i++;
      continue;
    }
    const first = tokens[i];
    const last = tokens[bestEnd - 1];
    const form = options.text !== undefined
      ? options.text.slice(first.start, last.end)
      : joinTokens(tokens, i, bestEnd);
    const entry = lexicon.entries[bestEntry];
    for (const category of categories[bestEntry]) {
      const hit: Hit = {
        lexicon: lexicon.name,
        category,
        entry: entry.term,
        form,
        start: first.start,
        end: last.end,
        tokenStart: i,
        tokenEnd: bestEnd,
        sentence: first.sentence,
        voice: first.voice,
        entryIndex: bestEntry,
      };
      if (options.article !== undefined) hit.article = options.article;
      if (entry.weight !== undefined) hit.weight = entry.weight;
      hits.push(hit);
    }
    i = bestEnd;
  }
  return hits;
}

/**
 * Lemmas to try for a token besides its lower-cased text. The model's lemma
 * when it differs from the text; otherwise, for a capitalised token (the
 * model leaves words it tags as proper nouns unlemmatised: "Sanctions" at the
 * start of a sentence, "Power Plants" in a headline), the regular English
 * inflections stripped off: -s, -es, -ies, -ed, -ing, -men.
 */
function lemmaKeys(token: Token, lower: string, lemma: string): string[] {
  if (lemma !== lower) return [lemma];
  const first = token.text.charAt(0);
  if (first === first.toLowerCase() || lower.length < 4) return [];
  const out: string[] = [];
  const strip = (suffix: string, add = ""): void => {
    if (lower.endsWith(suffix) && lower.length - suffix.length >= 2) {
      out.push(lower.slice(0, lower.length - suffix.length) + add);
    }
  };
  if (lower.endsWith("ies")) strip("ies", "y");
  else if (lower.endsWith("men")) strip("men", "man");
  else if (lower.endsWith("s") && !lower.endsWith("ss")) {
    strip("s");
    if (lower.endsWith("es")) strip("es");
  } else if (lower.endsWith("ed")) {
    strip("d");
    strip("ed");
  } else if (lower.endsWith("ing")) {
    strip("ing", "e");
    strip("ing");
  }
  return out;
}

function joinTokens(tokens: readonly Token[], from: number, to: number): string {
  let out = tokens[from].text;
  for (let j = from + 1; j < to; j++) {
    out += (tokens[j].start > tokens[j - 1].end ? " " : "") + tokens[j].text;
  }
  return out;
}
