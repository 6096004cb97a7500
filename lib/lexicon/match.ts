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
import { type Lexicon, termTokens } from "./schema.ts";
import { inFilter, keyFilter } from "./_key_filter.ts";
import { NO_LEMMAS, type TokenKeys, tokenKeys } from "./_token_keys.ts";

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

/**
 * The children reached by one key, by kind of entry. One map holds all kinds,
 * so a lower-case token (whose raw text is its lower-cased text) needs one
 * look-up instead of three.
 */
type Edges = Partial<Record<EdgeKind, TrieNode>>;

interface TrieNode {
  /** Whole-key edges: a unit of text must equal the key. */
  exact: Map<string, Edges>;
  /** Prefix-wildcard edges: the key must start the unit of text. */
  prefix: Map<string, Edges>;
  /** Sorted distinct prefix lengths used by this node's prefix edges. */
  prefixLengths: number[];
  /** Longest exact key (in UTF-16 units) leaving this node. */
  maxKey: number;
  /** Index of the entry that ends here. */
  terminal?: number;
  /**
   * Every leading part (from the empty text to the whole key) of every key leaving this
   * node, exact or prefix, of any kind: a run of touching tokens whose text
   * is none of these, and holds no prefix key, cannot grow into a match.
   */
  keyStarts: Set<string>;
  /**
   * A filter on the first characters of a text (see {@link headHash}): 1 at
   * the hash of every prefix key's head. A text whose head hashes to 0 holds
   * no prefix key, found without cutting out and hashing a new string.
   */
  prefixHeads: Uint8Array;
}

interface CompiledLexicon {
  root: TrieNode;
  /** `keyFilter` of the root's whole-key edges: which tokens may match a first term token. */
  rootKeys: Uint32Array;
  /** `keyFilter` of the root's `keyStarts`: which tokens may start a run of touching tokens that matches. */
  rootStarts: Uint32Array;
  /** Per entry: lower is more specific. */
  rank: number[];
  categories: string[][];
}

const cache = new WeakMap<Lexicon, CompiledLexicon>();

/** Size of a node's `prefixHeads` filter. */
const HEAD_BUCKETS = 4096;
const NO_HEADS = new Uint8Array(0);

/**
 * Hash of the first two characters of a text, or of the first one when the
 * node has a one-character prefix key (`short`). The text must be at least
 * as long as the node's shortest prefix key.
 */
function headHash(text: string, short: boolean): number {
  const second = short ? 0 : text.charCodeAt(1);
  return (text.charCodeAt(0) * 31 + second) % HEAD_BUCKETS;
}

/** True when `text` may start with one of the prefix keys leaving `node`. */
function mayHoldPrefix(node: TrieNode, text: string): boolean {
  const shortest = node.prefixLengths[0];
  return text.length >= shortest && node.prefixHeads[headHash(text, shortest === 1)] === 1;
}

/** Fills the `prefixHeads` filter of every node below `node`, once the trie is complete. */
function fillPrefixHeads(node: TrieNode): void {
  if (node.prefix.size > 0) {
    node.prefixHeads = new Uint8Array(HEAD_BUCKETS);
    const short = node.prefixLengths[0] === 1;
    for (const key of node.prefix.keys()) node.prefixHeads[headHash(key, short)] = 1;
  }
  for (const map of [node.exact, node.prefix]) {
    for (const edges of map.values()) {
      for (const child of Object.values(edges)) fillPrefixHeads(child);
    }
  }
}

function newNode(): TrieNode {
  return {
    exact: new Map(),
    prefix: new Map(),
    prefixLengths: [],
    maxKey: 0,
    keyStarts: new Set(),
    prefixHeads: NO_HEADS,
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
      const map = t.prefix ? node.prefix : node.exact;
      let edges = map.get(t.text);
      if (!edges) map.set(t.text, edges = {});
      let next = edges[kind];
      if (!next) {
        next = newNode();
        edges[kind] = next;
        if (t.prefix) {
          if (!node.prefixLengths.includes(t.text.length)) {
            node.prefixLengths.push(t.text.length);
            node.prefixLengths.sort((a, b) => a - b);
          }
        } else node.maxKey = Math.max(node.maxKey, t.text.length);
        // From the empty text on: a run may start with a token whose text is empty.
        for (let k = 0; k <= t.text.length; k++) node.keyStarts.add(t.text.slice(0, k));
      }
      node = next;
    }
    // Duplicates are rejected by the schema; keep the first if one slips through.
    node.terminal ??= index;
    const wildcards = tokens.filter((t) => t.prefix).length;
    rank.push(wildcards * 4 + (kind === "cased" ? 0 : 2) + (kind === "lemma" ? 1 : 0));
    categories.push(entry.categories ?? [lexicon.name]);
  });
  fillPrefixHeads(root);
  const compiled = {
    root,
    rootKeys: keyFilter(root.exact.keys()),
    rootStarts: keyFilter(root.keyStarts),
    rank,
    categories,
  };
  cache.set(lexicon, compiled);
  return compiled;
}

/**
 * Finds every match of a lexicon in a token sequence.
 *
 * @param tokens Tokens in text order (as from `tokenizeSegments`); treated as
 *   immutable: the match keys of an array are computed once and reused.
 * @param lexicon A validated lexicon (compiled once and cached per object).
 * @param options Article id and raw text for the hits.
 * @returns Hits in text order; an entry with several categories gives one hit per category.
 *
 * @example The longer expression wins and its words are not counted again
 * ```ts
 * import { matchLexicon } from "@framing/toolkit/lexicon";
 * import { Lexicon } from "@framing/toolkit/lexicon";
 * import { tokenizeText } from "@framing/toolkit";
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
  const compiled = compile(lexicon);
  const { rank, categories } = compiled;
  const n = tokens.length;
  const keys = tokenKeys(tokens);
  const matcher = new Matcher(keys, rank);
  const hits: Hit[] = [];
  let i = 0;
  while (i < n) {
    const bestEnd = mayStart(compiled, keys, i) ? matcher.longest(compiled.root, i) : -1;
    if (bestEnd <= i) {
      i++;
      continue;
    }
    const bestEntry = matcher.bestEntry;
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
 * False when no match can start at token `i`. From the root, the walk
 * follows a whole-key edge only for a key equal to the token's lower-cased
 * text, raw text or a lemma; a prefix edge only for a prefix key at the
 * start of one of them; and it grows a run of touching tokens only when the
 * next token touches this one and its raw or lower-cased text starts a key
 * or holds a prefix key (see `Matcher.grows`).
 */
function mayStart(compiled: CompiledLexicon, keys: TokenKeys, i: number): boolean {
  const { root, rootKeys, rootStarts } = compiled;
  const h = keys.hashes;
  const lemmas = keys.lemmas[i];
  if (
    lemmas.length > 2 ||
    inFilter(rootKeys, h[4 * i]) || inFilter(rootKeys, h[4 * i + 1]) ||
    inFilter(rootKeys, h[4 * i + 2]) || inFilter(rootKeys, h[4 * i + 3])
  ) return true;
  if (
    i + 1 < keys.touches.length && keys.touches[i + 1] === 1 &&
    (inFilter(rootStarts, h[4 * i]) || inFilter(rootStarts, h[4 * i + 1]))
  ) return true;
  if (root.prefixLengths.length === 0) return false;
  if (mayHoldPrefix(root, keys.lower[i]) || mayHoldPrefix(root, keys.raw[i])) return true;
  for (const l of lemmas) if (mayHoldPrefix(root, l)) return true;
  return false;
}

/** What a longer run of touching tokens may still match (see `Matcher.grows`). */
const GROWS = { never: 0, maybe: 1, headed: 2 } as const;
type GROWS = typeof GROWS[keyof typeof GROWS];

/**
 * Walks the trie from one start token and keeps the best match: the
 * furthest end, then the lowest rank, then the earliest entry. That order is
 * total, so the order in which paths are tried does not matter.
 */
class Matcher {
  bestEnd = -1;
  bestEntry = -1;
  readonly n: number;

  constructor(readonly keys: TokenKeys, readonly rank: readonly number[]) {
    this.n = keys.raw.length;
  }

  /** End (exclusive) of the best match starting at token `start`, or -1; the entry is in `bestEntry`. */
  longest(root: TrieNode, start: number): number {
    this.bestEnd = -1;
    this.bestEntry = -1;
    this.walk(root, start, this.keys.sentence[start]);
    return this.bestEnd;
  }

  consider(end: number, entry: number): void {
    const rank = this.rank;
    const best = this.bestEntry;
    if (
      end > this.bestEnd ||
      (end === this.bestEnd &&
        (rank[entry] < rank[best] || (rank[entry] === rank[best] && entry < best)))
    ) {
      this.bestEnd = end;
      this.bestEntry = entry;
    }
  }

  walk(node: TrieNode, pos: number, sentence: number): void {
    if (node.terminal !== undefined) this.consider(pos, node.terminal);
    const { raw, lower, lemma, lemmas, touches, word } = this.keys;
    const n = this.n;
    if (pos >= n || this.keys.sentence[pos] !== sentence) return;
    const hasPrefix = node.prefixLengths.length > 0;
    if (node.maxKey === 0 && !hasPrefix) return;
    // One token.
    this.follow(node, raw[pos], lower[pos], lemmas[pos], true, pos + 1, sentence);
    // Runs of touching tokens.
    if (pos + 1 >= n || touches[pos + 1] === 0) return;
    let r = raw[pos];
    let l = lower[pos];
    // Once a prefix key heads the run, every longer run may match it too.
    let headed = this.grows(node, l, r);
    if (headed === GROWS.never) return;
    for (let q = pos + 1; q < n && q - pos < MAX_GLUE; q++) {
      if (touches[q] === 0) break;
      const lemmaKey = l + lemma[q];
      r += raw[q];
      l += lower[q];
      if (Math.min(l.length, lemmaKey.length) > node.maxKey && !hasPrefix) break;
      this.follow(
        node,
        r,
        l,
        lemmaKey === l ? NO_LEMMAS : [lemmaKey],
        word[q] === 1,
        q + 1,
        sentence,
      );
      if (headed !== GROWS.headed && (headed = this.grows(node, l, r)) === GROWS.never) break;
    }
  }

  /**
   * Whether a run whose raw text is `r` and lower-cased text `l` may still
   * grow into a match at `node`: a longer run's text extends `l` or `r`, so it
   * can equal a key only if `l` or `r` starts one, and hold a prefix key only
   * if one starts with `l` or `r` or heads them already.
   */
  grows(node: TrieNode, l: string, r: string): GROWS {
    if (node.keyStarts.has(l) || node.keyStarts.has(r)) return GROWS.maybe;
    if (node.prefixLengths.length === 0) return GROWS.never;
    return this.headedByPrefix(node, l) || this.headedByPrefix(node, r)
      ? GROWS.headed
      : GROWS.never;
  }

  /** True when some prefix key leaving `node` is a leading part of `text`. */
  headedByPrefix(node: TrieNode, text: string): boolean {
    if (!mayHoldPrefix(node, text)) return false;
    for (const k of node.prefixLengths) {
      if (k > text.length) return false;
      if (node.prefix.has(text.slice(0, k))) return true;
    }
    return false;
  }

  /** Follows every edge of `node` that one unit of text (a token or a run) matches. */
  follow(
    node: TrieNode,
    raw: string,
    lower: string,
    lemmas: readonly string[],
    wildcardOk: boolean,
    next: number,
    sentence: number,
  ): void {
    // A lower-case text is its own raw text: one look-up serves every kind.
    const lowerCase = raw === lower;
    const { exact } = node;
    const e = exact.get(lower);
    if (e) {
      this.go(e.form, next, sentence);
      this.go(e.lemma, next, sentence);
      if (lowerCase) this.go(e.cased, next, sentence);
    }
    if (!lowerCase) this.go(exact.get(raw)?.cased, next, sentence);
    for (const l of lemmas) this.go(exact.get(l)?.lemma, next, sentence);
    if (!wildcardOk || node.prefixLengths.length === 0) return;
    const { prefix, prefixLengths } = node;
    const limit = raw.length;
    // Only texts that may start with a prefix key are tried at every length.
    if (mayHoldPrefix(node, lower)) {
      for (const k of prefixLengths) {
        if (k > limit) break;
        const p = prefix.get(lower.slice(0, k));
        if (p) {
          this.go(p.form, next, sentence);
          this.go(p.lemma, next, sentence);
          if (lowerCase) this.go(p.cased, next, sentence);
        }
      }
    }
    if (!lowerCase && mayHoldPrefix(node, raw)) {
      for (const k of prefixLengths) {
        if (k > limit) break;
        this.go(prefix.get(raw.slice(0, k))?.cased, next, sentence);
      }
    }
    for (const l of lemmas) {
      if (!mayHoldPrefix(node, l)) continue;
      for (const k of prefixLengths) {
        if (k > limit) break;
        if (k <= l.length) this.go(prefix.get(l.slice(0, k))?.lemma, next, sentence);
      }
    }
  }

  go(child: TrieNode | undefined, next: number, sentence: number): void {
    // A child reached twice (a lemma and the text share a prefix) is walked twice: same result.
    if (child) this.walk(child, next, sentence);
  }
}

function joinTokens(tokens: readonly Token[], from: number, to: number): string {
  let out = tokens[from].text;
  for (let j = from + 1; j < to; j++) {
    out += (tokens[j].start > tokens[j - 1].end ? " " : "") + tokens[j].text;
  }
  return out;
}
