/**
 * Comparing whatever articles a researcher has: one article, several of one
 * outlet, two files without metadata, many groups, a field some articles
 * lack. {@linkcode compareCorpus} picks what can be compared, falls back to
 * comparing articles one by one (by id) when the grouping gives one group,
 * and says in plain sentences what was compared with what.
 *
 * @module
 */
import {
  articlesOf,
  type ComparableArticle,
  compareGroups,
  type Comparison,
} from "./compare_groups.ts";
import type { CompareGroupsOptions } from "./compare_groups.ts";
import { bucketByDate, parseGrouping } from "./date_bucket.ts";

/** Anything with metadata, such as a read or an analysed article. */
export interface WithMeta {
  /** The article's metadata fields. */
  meta: Readonly<Record<string, unknown>>;
}

/** The result of {@linkcode compareCorpus}. */
export interface CorpusComparison {
  /** The comparison, or `null` when there is nothing to compare (fewer than two articles). */
  comparison: Comparison | null;
  /** The field asked for. */
  requested: string;
  /** The field the groups were formed by (`"id"` after a fallback). */
  by: string;
  /** What was compared with what, in one sentence (Markdown). */
  statement: string;
  /** Everything assumed on the way: fallbacks, articles without the field. */
  notes: string[];
}

/**
 * The metadata fields that at least one article has a value for, sorted
 * (the list of inferred fields is not a field).
 *
 * @param articles Articles with their metadata.
 * @returns The field names.
 *
 * @example
 * ```ts
 * import { metadataFields } from "@framing/toolkit";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(metadataFields([
 *   { meta: { id: "a", outlet: "X", inferred: [] } },
 *   { meta: { id: "b", region: "" } },
 * ]), ["id", "outlet"]);
 * ```
 */
export function metadataFields(articles: readonly WithMeta[]): string[] {
  const fields = new Set<string>();
  for (const a of articles) {
    for (const [key, value] of Object.entries(a.meta)) {
      if (key !== "inferred" && hasValue(value)) fields.add(key);
    }
  }
  return [...fields].sort();
}

/**
 * Checks that at least one article has the grouping field (for a time
 * bucket such as `date:month`, the date field).
 *
 * @param articles Articles with their metadata.
 * @param by The field.
 * @throws {RangeError} When no article has it; the message lists the fields that exist.
 *
 * @example
 * ```ts
 * import { checkGroupingField } from "./compare_corpus.ts";
 * import { throws } from "node:assert/strict";
 *
 * const articles = [{ meta: { id: "a", outlet: "X" } }];
 * checkGroupingField(articles, "outlet");
 * throws(() => checkGroupingField(articles, "outlett"), /fields that exist are: id, outlet/);
 * ```
 */
export function checkGroupingField(articles: readonly WithMeta[], by: string): void {
  const { field } = parseGrouping(by);
  if (articles.some((a) => hasValue(a.meta[field]))) return;
  throw new RangeError(
    `Cannot group by "${by}": no article has ${
      field === by ? "that field" : `the field "${field}"`
    }; the fields that exist are: ${metadataFields(articles).join(", ")}`,
  );
}

/**
 * Compares the articles by a metadata field, whatever their number and
 * metadata:
 *
 * - fewer than two articles: nothing is compared (`comparison: null`), and
 *   the statement says so;
 * - articles without the field form a group of their own, `(no FIELD)`, and
 *   a note names them;
 * - when the field gives one group (several articles of one outlet, files
 *   without metadata, a field no article has), the articles are compared one
 *   by one, grouped by `id`, with a note;
 * - two groups are compared with each other; more, each with the rest;
 * - `by` may be a time bucket of a date field, `date:month` or `date:year`
 *   (see `date_bucket.ts`): the groups are then months or years, earliest
 *   first, and articles whose date cannot be read are named in a note.
 *
 * @param source The analysis document, or its articles.
 * @param options Options of `compareGroups`; `by` defaults to `"outlet"`.
 * @returns The comparison (or `null`), the field used, the statement and notes.
 *
 * @example
 * ```ts
 * import { compareCorpus } from "@framing/toolkit";
 * import { strictEqual } from "node:assert/strict";
 *
 * const one = compareCorpus([], { by: "outlet" });
 * strictEqual(one.comparison, null);
 * strictEqual(one.statement, "No article was analysed: there is nothing to compare.");
 * ```
 */
export function compareCorpus(
  source: readonly ComparableArticle[] | { articles: readonly ComparableArticle[] },
  options: CompareGroupsOptions = {},
): CorpusComparison {
  const requested = options.by ?? "outlet";
  // `date:month`, `date:year`: each article's bucket becomes a field to group by.
  const bucketed = bucketByDate(articlesOf(source), requested);
  const articles = bucketed.articles;
  const notes: string[] = [...bucketed.notes];
  if (articles.length < 2) {
    const statement = articles.length === 0
      ? "No article was analysed: there is nothing to compare."
      : `One article (**${articles[0].id}**): there is nothing to compare it with, so its own ` +
        "figures are shown without a comparison.";
    return { comparison: null, requested, by: requested, statement, notes };
  }
  const valueOf = (a: ComparableArticle) => (a.meta as Record<string, unknown>)[requested];
  const lacking = articles.filter((a) => !hasValue(valueOf(a))).map((a) => a.id);
  const groups = new Set(articles.map((a) => hasValue(valueOf(a)) ? String(valueOf(a)) : ""));
  let by = requested;
  if (lacking.length === articles.length) {
    notes.push(
      `No article has "${requested}" (the fields that exist are: ${
        metadataFields(articles).join(", ")
      }): the articles are compared one by one, by id.`,
    );
    by = "id";
  } else if (groups.size < 2) {
    notes.push(
      `Grouping by "${requested}" gives one group ("${[...groups][0]}", ${articles.length} ` +
        "articles): the articles are compared one by one, by id.",
    );
    by = "id";
  } else if (lacking.length > 0) {
    notes.push(
      `${lacking.length} of ${articles.length} articles have no "${requested}" and are ` +
        `compared as the group "(no ${requested})": ${listIds(lacking)}.`,
    );
  }
  const comparison = compareGroups(articles, { ...options, by });
  notes.push(...comparison.resampling.warnings);
  return { comparison, requested, by, statement: describeComparison(comparison), notes };
}

/**
 * What a comparison compared with what, in one Markdown sentence.
 *
 * @param comparison A comparison from `compareGroups`.
 * @returns The sentence.
 *
 * @example
 * ```ts
 * import { describeComparison } from "./compare_corpus.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(describeComparison({
 *   by: "outlet", voice: "body",
 *   groups: [{ group: "A", articles: ["a1"] }, { group: "B", articles: ["b1", "b2"] }],
 *   pairs: [["A", "B"]],
 * }), "Compared by `outlet`, in the `body` voice: **A** (a1) against **B** (b1, b2).");
 * ```
 */
export function describeComparison(
  comparison: Pick<Comparison, "by" | "voice" | "groups" | "pairs">,
): string {
  const group = (g: { group: string; articles: string[] }) =>
    g.articles.length === 1 && g.articles[0] === g.group
      ? `**${g.group}**`
      : `**${g.group}** (${listIds(g.articles)})`;
  const head = `Compared by \`${comparison.by}\`, in the \`${comparison.voice}\` voice: `;
  if (comparison.groups.length === 2) {
    return `${head}${comparison.groups.map(group).join(" against ")}.`;
  }
  const shown = comparison.groups.slice(0, LISTED_GROUPS).map(group).join("; ");
  const more = comparison.groups.length - LISTED_GROUPS;
  return `${head}each of ${comparison.groups.length} groups against the rest of the articles: ${shown}${
    more > 0 ? `; and ${more} more groups (all of them in the comparison's \`groups\`)` : ""
  }.`;
}

/** Groups a statement names one by one; the rest are counted. */
const LISTED_GROUPS = 12;
/** Article ids a statement names in full; a longer list is cut to its first and last ones. */
const LISTED_IDS = 8;

/**
 * Article ids for a sentence: all of them up to {@linkcode LISTED_IDS}, else
 * their count, the first three and the last (every id stays in the
 * comparison's `groups`, and in the tables).
 *
 * @example
 * ```ts
 * import { listIds } from "./compare_corpus.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(listIds(["a", "b"]), "a, b");
 * const ids = Array.from({ length: 300 }, (_, i) => `n${i + 1}`);
 * strictEqual(listIds(ids), "300 articles: n1, n2, n3, …, n300");
 * ```
 */
export function listIds(ids: readonly string[]): string {
  if (ids.length <= LISTED_IDS) return ids.join(", ");
  return `${ids.length} articles: ${ids.slice(0, 3).join(", ")}, …, ${ids[ids.length - 1]}`;
}

function hasValue(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "" &&
    !(Array.isArray(value) && value.length === 0);
}
