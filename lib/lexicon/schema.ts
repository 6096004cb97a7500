/**
 * Lexicon files: the zod schema that every lexicon (JSON or YAML) must meet,
 * and the grammar of a term.
 *
 * A term is one or more tokens separated by spaces. A token ending in `*` is a
 * prefix wildcard (`sanction*`); a `*` anywhere else, or a lone `*`, is an
 * error. Write `\*` for a literal star (`:\*` is the emoticon ":*"); any other
 * character, backslashes included, stands for itself.
 *
 * @module
 */
import { z } from "zod";

/** An id: lower-case letters, digits, `_` and `-`. */
const ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

/**
 * The term grammar as a regular expression (also published in the JSON
 * Schema, so editors flag a bad term): space-separated tokens, each one or
 * more characters other than space and `*` (or `\*`), optionally ending in `*`.
 */
export const TERM_PATTERN = /^\s*(?:\\\*|[^\s*])+\*?(?:\s+(?:\\\*|[^\s*])+\*?)*\s*$/;

/** Version of a lexicon: `MAJOR.MINOR.PATCH`, optionally with a suffix. */
const VERSION_PATTERN = /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/;

/**
 * Says what is wrong with a term, or `undefined` when it is well formed.
 *
 * @example
 * ```ts
 * import { termProblem } from "./schema.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(termProblem("sanction*"), undefined);
 * strictEqual(termProblem(":\\*"), undefined);
 * strictEqual(typeof termProblem("a*b"), "string");
 * strictEqual(typeof termProblem("*"), "string");
 * ```
 */
export function termProblem(term: string): string | undefined {
  if (TERM_PATTERN.test(term)) return undefined;
  const hint = "(write \\* for a literal star)";
  if (term.trim() === "") return "expected a non-empty term, got an empty string";
  for (const token of term.trim().split(/\s+/)) {
    const body = token.replace(/\\\*/g, "");
    if (body === "*") {
      return `expected a word before the wildcard "*" in ${JSON.stringify(term)} ${hint}`;
    }
    const inner = body.endsWith("*") ? body.slice(0, -1) : body;
    if (inner.includes("*")) {
      return `expected "*" only at the end of a word, got ${JSON.stringify(token)} in ${
        JSON.stringify(term)
      } ${hint}`;
    }
  }
  return `expected words separated by spaces, got ${JSON.stringify(term)}`;
}

/** One entry of a lexicon: a word, a multi-word expression, a lemma or a prefix wildcard. */
export const LexiconEntry = z.strictObject({
  /** The word or expression; spaces separate tokens; a trailing `*` is a prefix wildcard. */
  term: z.string().regex(TERM_PATTERN, {
    error: (iss) => termProblem(String(iss.input)) ?? "expected a term",
  }).describe(
    'Word or expression to match. Spaces separate tokens; a trailing "*" on a token is a prefix wildcard; write \\* for a literal star.',
  ),
  /**
   * `form` compares with each token's lower-cased text (or its raw text when
   * `caseSensitive`); `lemma` compares with each token's lemma or its
   * lower-cased text. @default "form"
   */
  match: z.enum(["form", "lemma"]).default("form").describe(
    '"form": the token text (lower-cased unless caseSensitive); "lemma": the token lemma or text.',
  ),
  /** Compare raw text, not lower-cased text (only with `match: form`). @default false */
  caseSensitive: z.boolean().default(false).describe(
    "Match the exact capitalisation (only with match: form).",
  ),
  /** Category ids; they must be declared under `categories` when the lexicon declares any. @default [lexicon name] */
  categories: z.array(z.string().regex(ID_PATTERN)).min(1).optional().describe(
    "Category ids of this entry; default: the lexicon name.",
  ),
  /** An optional number carried into every hit (sentiment valence, strength ...). */
  weight: z.number().finite().optional().describe(
    "Optional number carried into hits (e.g. sentiment valence).",
  ),
  /** A note for readers of the file. */
  note: z.string().optional().describe("Free-text note for readers of the file."),
});
/** One lexicon entry, with defaults applied. */
export type LexiconEntry = z.infer<typeof LexiconEntry>;
/** One lexicon entry as written in a file (defaults not yet applied). */
export type LexiconEntryInput = z.input<typeof LexiconEntry>;

/** A declared category of a lexicon. */
export const LexiconCategory = z.strictObject({
  label: z.string().min(1),
  description: z.string().optional(),
});
/** A declared category of a lexicon. */
export type LexiconCategory = z.infer<typeof LexiconCategory>;

/** The fields of a lexicon file, before the checks that span entries. */
const LexiconFields = z.strictObject({
  /** Id of the lexicon, `[a-z0-9_-]+`; also the default category. */
  name: z.string().regex(ID_PATTERN).describe("Lexicon id: lower-case letters, digits, _ and -."),
  /** Version of the word list, `MAJOR.MINOR.PATCH`. */
  version: z.string().regex(VERSION_PATTERN).describe('Version like "1.0.0".'),
  description: z.string().min(1),
  /** Citation, or where the words come from. */
  source: z.string().min(1).describe("Citation or origin of the words."),
  /** Licence of the word list (SPDX id where there is one). */
  licence: z.string().min(1).describe('Licence of the word list, e.g. "CC0-1.0" or "MIT".'),
  /** BCP 47 language tag. */
  language: z.string().min(2).describe('BCP 47 language tag, e.g. "en".'),
  /** Optional link to the source. */
  url: z.string().optional(),
  /** Optional notes on how the list was built or should be read. */
  notes: z.string().optional(),
  /** Declared categories: id -> label and description. */
  categories: z.record(z.string().regex(ID_PATTERN), LexiconCategory).optional(),
  entries: z.array(LexiconEntry).min(1),
});

/**
 * A lexicon: metadata, optional declared categories, and entries. Beyond each
 * field, it checks that entries use only declared categories (when any are
 * declared), that `caseSensitive` goes with `match: form`, and that no two
 * entries have the same term, match mode and case rule.
 *
 * @example A minimal lexicon
 * ```ts
 * import { Lexicon } from "@framing/toolkit/lexicon";
 * import { strictEqual } from "node:assert/strict";
 *
 * const lex = Lexicon.parse({
 *   name: "demo", version: "1.0.0", description: "Demo.", source: "written for this example",
 *   licence: "CC0-1.0", language: "en", entries: [{ term: "power plant*" }],
 * });
 * strictEqual(lex.entries[0].match, "form");
 * strictEqual(Lexicon.safeParse({ ...lex, licence: undefined }).success, false);
 * ```
 */
export const Lexicon = LexiconFields.meta({
  title: "Lexicon",
  description:
    "A word list for the framing toolkit: metadata, optional categories, and entries (words, multi-word expressions, lemmas, prefix wildcards). One file per lexicon under data/lexicons/.",
}).superRefine((lex, ctx) => {
  const declared = lex.categories ? new Set(Object.keys(lex.categories)) : undefined;
  const seen = new Map<string, number>();
  lex.entries.forEach((entry, i) => {
    if (entry.caseSensitive && entry.match === "lemma") {
      ctx.addIssue({
        code: "custom",
        path: ["entries", i, "caseSensitive"],
        message: 'expected caseSensitive only with match "form" (lemmas are lower-case)',
      });
    }
    if (declared && !entry.categories && !declared.has(lex.name)) {
      ctx.addIssue({
        code: "custom",
        path: ["entries", i, "categories"],
        message: `expected a list of declared categories (${
          [...declared].join(", ")
        }): the default, the lexicon name ${JSON.stringify(lex.name)}, is not declared`,
      });
    }
    entry.categories?.forEach((category, j) => {
      if (declared && !declared.has(category)) {
        ctx.addIssue({
          code: "custom",
          path: ["entries", i, "categories", j],
          message: `expected a category declared under "categories" (${
            [...declared].join(", ")
          }), got ${JSON.stringify(category)}`,
        });
      }
    });
    const key = `${entry.match}\u0000${entry.caseSensitive}\u0000${
      normaliseTerm(entry.term, entry.caseSensitive)
    }`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else {
      ctx.addIssue({
        code: "custom",
        path: ["entries", i, "term"],
        message: `expected each term once per match mode and case rule, got ${
          JSON.stringify(entry.term)
        } again (first at entries[${first}])`,
      });
    }
  });
});
/** A validated lexicon, defaults applied. */
export type Lexicon = z.infer<typeof Lexicon>;
/** A lexicon as written in a file. */
export type LexiconInput = z.input<typeof Lexicon>;

/** One token of a parsed term. */
export interface TermToken {
  /** The characters to compare (escapes removed; lower-cased unless case-sensitive). */
  text: string;
  /** True when the token ended in an unescaped `*`: `text` is then a prefix. */
  prefix: boolean;
}

/**
 * Splits a well-formed term into its tokens, removing escapes and applying
 * the case rule. Curly apostrophes become straight ones.
 *
 * @example
 * ```ts
 * import { termTokens } from "./schema.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(termTokens("Sanction* regime", false), [
 *   { text: "sanction", prefix: true },
 *   { text: "regime", prefix: false },
 * ]);
 * deepStrictEqual(termTokens(":\\*", true), [{ text: ":*", prefix: false }]);
 * ```
 */
export function termTokens(term: string, caseSensitive: boolean): TermToken[] {
  return term.trim().split(/\s+/).map((raw) => {
    const prefix = raw.endsWith("*") && !raw.endsWith("\\*");
    const body = (prefix ? raw.slice(0, -1) : raw).replace(/\\\*/g, "*");
    return { text: normaliseKey(body, caseSensitive), prefix };
  });
}

/** Lower-cases (unless case-sensitive) and straightens curly apostrophes. */
export function normaliseKey(text: string, caseSensitive: boolean): string {
  const straight = text.replace(/[\u2018\u2019]/g, "'");
  return caseSensitive ? straight : straight.toLowerCase();
}

function normaliseTerm(term: string, caseSensitive: boolean): string {
  return termTokens(term, caseSensitive).map((t) => t.text + (t.prefix ? "*" : "")).join(" ");
}

/**
 * The categories of a lexicon: the declared ones in file order, or else those
 * its entries use (the lexicon name for entries without categories), in
 * order of first use.
 *
 * @example
 * ```ts
 * import { Lexicon, lexiconCategories } from "./schema.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const lex = Lexicon.parse({
 *   name: "demo", version: "1.0.0", description: "d", source: "s", licence: "CC0-1.0",
 *   language: "en", entries: [{ term: "a", categories: ["x"] }, { term: "b" }],
 * });
 * deepStrictEqual(lexiconCategories(lex), ["x", "demo"]);
 * ```
 */
export function lexiconCategories(lexicon: Lexicon): string[] {
  if (lexicon.categories) return Object.keys(lexicon.categories);
  const seen = new Set<string>();
  for (const entry of lexicon.entries) {
    for (const c of entry.categories ?? [lexicon.name]) seen.add(c);
  }
  return [...seen];
}
