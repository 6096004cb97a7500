/**
 * Which articles the report's per-article listings show. Up to
 * {@linkcode PER_ARTICLE_ROWS_UP_TO} articles, every one. Past that, a sample
 * spread evenly through the analysis's order, so that `report.html` stays a
 * page a browser can open at any corpus size (its per-article section held
 * 114 MB at 17,860 articles). Every article's rows stay in the tables and in
 * `analysis.json`.
 *
 * @module
 */

/**
 * Articles whose rows the report's listings (articles, voices, per article)
 * show in full by default. At about 28 kB an article with evidence sentences,
 * the page then holds at most about 15 MB of them.
 */
export const PER_ARTICLE_ROWS_UP_TO = 500;

/** The articles a listing shows, and how many there are. */
export interface ShownArticles<A> {
  /** The articles shown, in the analysis's order. */
  shown: A[];
  /** How many articles the analysis has. */
  total: number;
}

/**
 * The articles a per-article listing shows: all of them when there are at
 * most `limit`, else `limit` of them spread evenly through their order (the
 * article at position ⌊i · total ÷ limit⌋ for i = 0 … limit − 1: the first
 * article and then about every (total ÷ limit)-th one). No seed: the same
 * corpus gives the same sample.
 *
 * @param articles The analysis's articles.
 * @param limit How many to show at most: a positive integer, or `Infinity` for all.
 * @returns The articles shown and the total.
 * @throws {RangeError} When `limit` is not a positive integer or `Infinity`.
 *
 * @example
 * ```ts
 * import { shownArticles } from "./shown_articles.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const ids = Array.from({ length: 10 }, (_, i) => i);
 * deepStrictEqual(shownArticles(ids, 4), { shown: [0, 2, 5, 7], total: 10 });
 * deepStrictEqual(shownArticles(ids, 20).shown, ids);
 * deepStrictEqual(shownArticles(ids, Infinity).shown, ids);
 * ```
 */
export function shownArticles<A>(
  articles: readonly A[],
  limit: number = PER_ARTICLE_ROWS_UP_TO,
): ShownArticles<A> {
  checkLimit(limit, "articles per listing");
  const total = articles.length;
  if (total <= limit) return { shown: [...articles], total };
  const shown: A[] = [];
  for (let i = 0; i < limit; i++) shown.push(articles[Math.floor((i * total) / limit)]);
  return { shown, total };
}

/**
 * The sentence that opens a listing showing a sample (empty when every
 * article is shown): how many are shown, how they were chosen, and where the
 * rest is.
 *
 * @param shown How many articles the listing shows.
 * @param total How many the analysis has.
 * @returns HTML of one paragraph, or "".
 *
 * @example
 * ```ts
 * import { sampleNote } from "./shown_articles.ts";
 * import { ok, strictEqual } from "node:assert/strict";
 *
 * strictEqual(sampleNote(5, 5), "");
 * ok(sampleNote(1000, 2500).includes("1,000 of 2,500 articles"));
 * ```
 */
export function sampleNote(shown: number, total: number): string {
  if (shown >= total) return "";
  const n = (x: number) => x.toLocaleString("en-US");
  return `<p>This listing shows ${n(shown)} of ${n(total)} articles, spread evenly through the ` +
    `analysis's order: the first, then one in about every ${n(Math.round(total / shown))}. ` +
    "Every article's rows are in <code>tables/</code> (articles, voices, actors, topics, stance) " +
    "and in <code>analysis.json</code>; <code>--per-article all</code> lists every article here.</p>";
}

/**
 * The items a list of the report shows (article warnings, inputs that
 * failed): all of them when there are at most `limit`, else the first
 * `limit`, in the analysis's order, and a note of how many are left out and
 * where every one of them is.
 *
 * @param items The list's items (HTML).
 * @param limit How many to show at most (as {@linkcode shownArticles}).
 * @param what What the items are, plural ("article warnings").
 * @param where Where every item is (HTML).
 * @returns The items shown and the note (HTML, "" when every item is shown).
 *
 * @example
 * ```ts
 * import { shownItems } from "./shown_articles.ts";
 * import { deepStrictEqual, ok } from "node:assert/strict";
 *
 * const r = shownItems(["a", "b", "c"], 2, "warnings", "the table");
 * deepStrictEqual(r.shown, ["a", "b"]);
 * ok(r.note.includes("the first 2 of 3 warnings"));
 * deepStrictEqual(shownItems(["a"], 2, "warnings", "x"), { shown: ["a"], note: "" });
 * ```
 */
export function shownItems(
  items: readonly string[],
  limit: number = PER_ARTICLE_ROWS_UP_TO,
  what: string,
  where: string,
): { shown: string[]; note: string } {
  checkLimit(limit, what);
  if (items.length <= limit) return { shown: [...items], note: "" };
  const n = (x: number) => x.toLocaleString("en-US");
  return {
    shown: items.slice(0, limit),
    note: `<p>This list shows the first ${n(limit)} of ${n(items.length)} ${what}, in the ` +
      `analysis's order. Every one is in ${where}; <code>--per-article all</code> lists every ` +
      "one here.</p>",
  };
}

/** Throws unless `limit` is a positive integer or `Infinity`. */
function checkLimit(limit: number, what: string): void {
  if (!(limit === Infinity || (Number.isInteger(limit) && limit > 0))) {
    throw new RangeError(`Cannot show ${limit} ${what}: expected a positive whole number, or all`);
  }
}
