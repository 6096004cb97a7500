/**
 * Checking a lexicon: entries that repeat one another, entries that can
 * never produce a hit, entries counted in several categories, wildcards that
 * catch too much, and, given a corpus, how often each entry matched.
 *
 * What "can never match" means here, precisely. The matcher (match.ts) takes
 * at each token the longest match, then the more specific entry (rank: fewer
 * wildcards, then case-sensitive, then `form`, then `lemma`), then the earlier
 * entry. Entry E is **shadowed** when another entry F
 * - has as many term tokens as E,
 * - matches every token span E matches: token by token, F's token equals E's
 *   or is a wildcard whose prefix starts E's token (or E's wildcard prefix),
 *   compared after lower-casing unless both are case-sensitive, and F's mode
 *   accepts at least what E's does (`lemma` ⊇ `form` ⊇ case-sensitive), and
 * - wins every tie: F ranks before E, or ranks equal and comes earlier.
 * Then every span E matches, F matches with the same length and wins, so E
 * never yields a hit. Given the ranking this happens only for entries of one
 * match mode and case rule with wildcards in the same places, F's prefixes
 * no longer than E's and F earlier in the file: `sanction*` before
 * `sanctions*`. A word that also starts a longer expression is NOT shadowed
 * (`power` still matches alone when `power plant` exists), nor is an exact
 * word under a wildcard (`sanctions` beats `sanction*`: see `overlap`).
 * Shadowing by a union of several entries is not looked for. Exact repeats
 * (same term, mode and case rule) cannot reach this check: the schema
 * refuses them (`checkLexiconFile` reports them as `duplicate`).
 *
 * Problem kinds and severities:
 * - `shadowed` (warning): as above.
 * - `duplicate` (warning): the same term in two entries that differ only in
 *   match mode or case rule; both can match, and the more specific one takes
 *   the tokens it accepts.
 * - `two_categories` (info): one entry in several categories; each of its
 *   hits counts for every one of them.
 * - `overlap` (info): an entry covered by a wildcard entry of another
 *   category, but more specific, so the tokens it matches count for its
 *   category only (`sanctions` in trade, `sanction*` in geopolitics).
 * - `broad_wildcard` (warning): a wildcard whose prefix is shorter than
 *   `minPrefix` characters (`a*` matches every word starting with a).
 * - `self_mismatch` (warning): the term, written out as text and tokenised
 *   (wildcards with nothing after the prefix), does not match itself: the
 *   tokeniser cuts it into tokens the matcher cannot join (a sentence break
 *   inside it, say), so it may never match.
 * - From reading a file (see check_file.ts): `invalid`, `malformed_wildcard`,
 *   `malformed_term`, `unknown_category`, `bad_weight` (errors: the file is
 *   not a valid lexicon); `duplicate` for a repeated term (an error in the
 *   toolkit's format, whose schema refuses repeats; a warning in the other
 *   formats, where the import merges them); `conditional_category`,
 *   `encoding` (warnings).
 *
 * @module
 */
import { z } from "zod";
import type { TokenizedArticle } from "../analyze.ts";
import type { Token } from "../token.ts";
import { tokenizeText } from "../tokenize.ts";
import { TEXT_VOICES, Voice } from "../voice.ts";
import { isWord } from "../metrics/word_count.ts";
import { matchLexicon } from "./match.ts";
import { type Lexicon, type LexiconEntry, type TermToken, termTokens } from "./schema.ts";

/** The kinds of problem a check reports (see the module documentation). */
export const ProblemKind = z.enum([
  "invalid",
  "malformed_wildcard",
  "malformed_term",
  "unknown_category",
  "bad_weight",
  "duplicate",
  "shadowed",
  "self_mismatch",
  "broad_wildcard",
  "conditional_category",
  "encoding",
  "two_categories",
  "overlap",
]);
/** One kind of problem. */
export type ProblemKind = z.infer<typeof ProblemKind>;

/** One problem found in a lexicon. */
export const LexiconProblem = z.object({
  kind: ProblemKind,
  /** `error`: the file is not a valid lexicon; `warning`: likely a mistake; `info`: worth knowing. */
  severity: z.enum(["error", "warning", "info"]),
  /** The entry's term, when the problem is about one entry. */
  entry: z.string().optional(),
  /** Where: `entries[3]` in the lexicon as read, or a field path. */
  path: z.string(),
  /** 1-based line in the source file, when known. */
  line: z.number().int().positive().optional(),
  /** What is wrong and why, in words. */
  detail: z.string(),
});
/** One problem found in a lexicon. */
export type LexiconProblem = z.infer<typeof LexiconProblem>;

/** How often one entry matched, for one of its categories. */
export const EntryUsage = z.object({
  entry: z.string(),
  /** Index of the entry in `entries`. */
  index: z.number().int().nonnegative(),
  category: z.string(),
  /** Matches in the corpus, in the voices counted. */
  hits: z.number().int().nonnegative(),
  /** Articles with at least one match. */
  articles: z.number().int().nonnegative(),
});
/** How often one entry matched, for one of its categories. */
export type EntryUsage = z.infer<typeof EntryUsage>;

/** The result of checking a lexicon. */
export const LexiconCheck = z.object({
  /** Name of the lexicon, when it could be read. */
  lexicon: z.string().optional(),
  /** Number of entries read. */
  entries: z.number().int().nonnegative(),
  /** False when any problem has severity `error`. */
  valid: z.boolean(),
  problems: z.array(LexiconProblem),
  /** Given a corpus: what was counted. */
  corpus: z.object({
    articles: z.number().int().nonnegative(),
    voices: z.array(Voice),
    tokens: z.number().int().nonnegative(),
    hits: z.number().int().nonnegative(),
  }).optional(),
  /** Given a corpus: one row per entry and category, in entry order. */
  usage: z.array(EntryUsage).optional(),
  /** Given a corpus: terms of the entries that never matched, in entry order. */
  neverMatched: z.array(z.string()).optional(),
});
/** The result of checking a lexicon. */
export type LexiconCheck = z.infer<typeof LexiconCheck>;

/** Options of {@link checkLexicon}. */
export interface CheckLexiconOptions {
  /** Tokenised articles to count matches in. @default undefined (no usage counts) */
  corpus?: readonly Pick<TokenizedArticle, "tokens" | "article">[];
  /** Voices whose hits are counted. @default TEXT_VOICES (title, body, quote, comment) */
  voices?: readonly Voice[];
  /** Source line of each entry, for the problems' `line`. @default undefined */
  lines?: readonly number[];
  /** Shortest wildcard prefix not reported as `broad_wildcard`. @default 3 */
  minPrefix?: number;
  /** Tokenise each term and test that it matches itself (`self_mismatch`). @default true */
  selfMatch?: boolean;
}

const KIND_RANK = { cased: 0, form: 2, lemma: 3 } as const;
type Kind = keyof typeof KIND_RANK;

interface Prepared {
  index: number;
  entry: LexiconEntry;
  kind: Kind;
  /** Tokens lower-cased (for comparing across case rules). */
  lower: TermToken[];
  /** Tokens under the entry's own case rule. */
  own: TermToken[];
  rank: number;
  categories: string[];
}

/**
 * Checks a validated lexicon (see the module documentation for each kind of
 * problem) and, given tokenised articles, counts each entry's matches.
 *
 * @param lexicon A validated lexicon.
 * @param options Corpus, voices counted, source lines, thresholds.
 * @returns Problems, and with a corpus the usage of each entry and those never matched.
 *
 * @example A wildcard entry after a shorter one of the same mode never matches
 * ```ts
 * import { checkLexicon } from "@framing/toolkit/lexicon";
 * import { Lexicon } from "@framing/toolkit/lexicon";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const lexicon = Lexicon.parse({
 *   name: "t", version: "1.0.0", description: "d", source: "s", licence: "CC0-1.0", language: "en",
 *   entries: [{ term: "sanction*" }, { term: "sanctions*" }, { term: "power" }, { term: "power plant" }],
 * });
 * const report = checkLexicon(lexicon, { selfMatch: false });
 * deepStrictEqual(report.problems.map((p) => [p.kind, p.entry]), [["shadowed", "sanctions*"]]);
 * ```
 */
export function checkLexicon(lexicon: Lexicon, options: CheckLexiconOptions = {}): LexiconCheck {
  const minPrefix = options.minPrefix ?? 3;
  const lines = options.lines;
  const problems: LexiconProblem[] = [];
  const where = (i: number) => ({
    path: `entries[${i}]`,
    ...(lines?.[i] !== undefined ? { line: lines[i] } : {}),
  });
  const prepared = lexicon.entries.map((entry, index): Prepared => {
    const kind: Kind = entry.match === "lemma" ? "lemma" : entry.caseSensitive ? "cased" : "form";
    const lower = termTokens(entry.term, false);
    const own = kind === "cased" ? termTokens(entry.term, true) : lower;
    const wildcards = lower.filter((t) => t.prefix).length;
    return {
      index,
      entry,
      kind,
      lower,
      own,
      rank: wildcards * 4 + KIND_RANK[kind],
      categories: entry.categories ?? [lexicon.name],
    };
  });

  // Index every entry by its first token, to find the entries that cover another.
  const byFirst = new Map<string, Prepared[]>();
  for (const p of prepared) {
    const first = p.lower[0];
    const key = `${first.prefix ? "*" : "="}${first.text}`;
    const list = byFirst.get(key);
    if (list) list.push(p);
    else byFirst.set(key, [p]);
  }

  for (const e of prepared) {
    const i = e.index;
    const term = e.entry.term;
    if (e.categories.length > 1) {
      problems.push({
        kind: "two_categories",
        severity: "info",
        entry: term,
        ...where(i),
        detail: `${JSON.stringify(term)} is in ${e.categories.length} categories (${
          e.categories.join(", ")
        }); each of its hits counts for every one`,
      });
    }
    for (const t of e.lower) {
      if (t.prefix && [...t.text].length < minPrefix) {
        problems.push({
          kind: "broad_wildcard",
          severity: "warning",
          entry: term,
          ...where(i),
          detail: `the wildcard "${t.text}*" has a prefix of ${
            [...t.text].length
          } character(s): it matches every word starting with ${
            JSON.stringify(t.text)
          } (expected at least ${minPrefix})`,
        });
      }
    }
    // Entries that cover e: same length, each token equal or a covering wildcard.
    const first = e.lower[0];
    const keys = [`=${first.text}`];
    for (let k = 1; k <= first.text.length; k++) keys.push(`*${first.text.slice(0, k)}`);
    let shadowedBy: Prepared | undefined;
    for (const key of keys) {
      for (const f of byFirst.get(key) ?? []) {
        if (f === e || f.lower.length !== e.lower.length || !modeCovers(f.kind, e.kind)) continue;
        const a = f.kind === "cased" && e.kind === "cased" ? f.own : f.lower;
        const b = f.kind === "cased" && e.kind === "cased" ? e.own : e.lower;
        if (!a.every((t, k) => tokenCovers(t, b[k]))) continue;
        const identical = a.every((t, k) => t.prefix === b[k].prefix && t.text === b[k].text);
        const fWins = f.rank < e.rank || (f.rank === e.rank && f.index < e.index);
        if (identical) {
          if (f.index < e.index || !modeCovers(e.kind, f.kind)) {
            problems.push({
              kind: "duplicate",
              severity: "warning",
              entry: term,
              ...where(i),
              detail: `${JSON.stringify(term)} (${
                describeKind(e.kind)
              }) repeats entries[${f.index}] ${JSON.stringify(f.entry.term)} (${
                describeKind(f.kind)
              }); where both match, entries[${fWins ? f.index : i}] takes the tokens${
                sameUse(e, f) ? "; same categories and weight, so one is redundant" : ""
              }`,
            });
          }
        } else if (fWins) {
          shadowedBy ??= f;
        } else if (f.categories.join("\u0000") !== e.categories.join("\u0000")) {
          problems.push({
            kind: "overlap",
            severity: "info",
            entry: term,
            ...where(i),
            detail: `${JSON.stringify(term)} (${
              e.categories.join(", ")
            }) is also matched by the wildcard entries[${f.index}] ${
              JSON.stringify(f.entry.term)
            } (${f.categories.join(", ")}) but is more specific: its tokens count for ${
              e.categories.join(", ")
            } only`,
          });
        }
      }
    }
    if (shadowedBy) {
      problems.push({
        kind: "shadowed",
        severity: "warning",
        entry: term,
        ...where(i),
        detail: `${JSON.stringify(term)} can never match: entries[${shadowedBy.index}] ${
          JSON.stringify(shadowedBy.entry.term)
        }${
          lines?.[shadowedBy.index] !== undefined ? ` (line ${lines[shadowedBy.index]})` : ""
        } matches every span it matches and wins every tie (${
          shadowedBy.rank < e.rank ? "more specific" : "as specific and earlier in the file"
        })`,
      });
    }
  }

  if (options.selfMatch ?? true) problems.push(...selfMismatches(lexicon, where));

  const report: LexiconCheck = {
    lexicon: lexicon.name,
    entries: lexicon.entries.length,
    valid: true,
    problems: sortProblems(problems),
  };
  if (options.corpus) Object.assign(report, countUsage(lexicon, options.corpus, options.voices));
  return report;
}

/** Does mode `f` accept every token mode `e` accepts? lemma ⊇ form ⊇ cased. */
function modeCovers(f: Kind, e: Kind): boolean {
  return KIND_RANK[f] >= KIND_RANK[e];
}

/** Does term token `f` match every text unit that `e` matches? */
function tokenCovers(f: TermToken, e: TermToken): boolean {
  if (!f.prefix) return !e.prefix && f.text === e.text;
  return e.text.startsWith(f.text);
}

function describeKind(kind: Kind): string {
  return kind === "cased" ? "case-sensitive form" : kind === "form" ? "form" : "lemma";
}

function sameUse(a: Prepared, b: Prepared): boolean {
  return a.categories.join("\u0000") === b.categories.join("\u0000") &&
    a.entry.weight === b.entry.weight;
}

/** Terms that, written out and tokenised, do not match themselves. */
function selfMismatches(
  lexicon: Lexicon,
  where: (i: number) => { path: string; line?: number },
): LexiconProblem[] {
  const out: LexiconProblem[] = [];
  lexicon.entries.forEach((entry, i) => {
    const text = entry.term.trim().split(/\s+/).map((raw) => {
      const prefix = raw.endsWith("*") && !raw.endsWith("\\*");
      return (prefix ? raw.slice(0, -1) : raw).replace(/\\\*/g, "*");
    }).join(" ").replace(/[\u2018\u2019]/g, "'");
    const { tokens } = tokenizeText(text);
    const single: Lexicon = { ...lexicon, categories: undefined, entries: [entry] };
    const hits = matchLexicon(tokens, single, { text });
    const whole = hits.some((h) => h.start === 0 && h.end === text.length);
    if (!whole) {
      out.push({
        kind: "self_mismatch",
        severity: "warning",
        entry: entry.term,
        ...where(i),
        detail: `written out as ${JSON.stringify(text)}, the term is tokenised as ${
          describeTokens(tokens)
        } and does not match itself${
          hits.length > 0 ? ` (only ${JSON.stringify(hits[0].form)})` : ""
        }: it may never match`,
      });
    }
  });
  return out;
}

function describeTokens(tokens: readonly Token[]): string {
  const sentences = new Set(tokens.map((t) => t.sentence)).size;
  return tokens.map((t) => `[${t.text}]`).join(" ") +
    (sentences > 1 ? ` in ${sentences} sentences` : "");
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function sortProblems(problems: LexiconProblem[]): LexiconProblem[] {
  const index = (p: LexiconProblem) => Number(/^entries\[(\d+)\]/.exec(p.path)?.[1] ?? -1);
  return problems
    .map((p, order) => ({ p, order }))
    .sort((a, b) =>
      SEVERITY_ORDER[a.p.severity] - SEVERITY_ORDER[b.p.severity] ||
      index(a.p) - index(b.p) || a.order - b.order
    )
    .map(({ p }) => p);
}

function countUsage(
  lexicon: Lexicon,
  corpus: readonly Pick<TokenizedArticle, "tokens" | "article">[],
  voices: readonly Voice[] = TEXT_VOICES,
): Pick<LexiconCheck, "corpus" | "usage" | "neverMatched"> {
  const counted = new Set(voices);
  const hits = new Array<number>(lexicon.entries.length).fill(0);
  const articles = new Array<number>(lexicon.entries.length).fill(0);
  let tokens = 0;
  let total = 0;
  for (const doc of corpus) {
    tokens += doc.tokens.filter((t) => counted.has(t.voice) && isWord(t)).length;
    const seenHere = new Set<number>();
    let last = "";
    for (const hit of matchLexicon(doc.tokens, lexicon, { text: doc.article.text })) {
      if (!counted.has(hit.voice) || hit.entryIndex === undefined) {
        continue;
      }
      const key = `${hit.entryIndex}:${hit.tokenStart}`;
      if (key === last) {
        continue; // the same match, for another category
      }
      last = key;
      hits[hit.entryIndex]++;
      total++;
      seenHere.add(hit.entryIndex);
    }
    for (const i of seenHere) {
      articles[i]++;
    }
  }
  const usage: EntryUsage[] = [];
  lexicon.entries.forEach((entry, index) => {
    for (const category of entry.categories ?? [lexicon.name]) {
      usage.push({
        entry: entry.term,
        index,
        category,
        hits: hits[index],
        articles: articles[index],
      });
    }
  });
  return {
    corpus: { articles: corpus.length, voices: [...voices], tokens, hits: total },
    usage,
    neverMatched: lexicon.entries.filter((_, i) => hits[i] === 0).map((e) => e.term),
  };
}
