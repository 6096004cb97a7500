/**
 * What notebook 01 shows of a comparison, for any number of groups: the
 * statement of what was compared with what, the comparison tables (one row
 * per feature and pair of groups), the evidence sentences behind a row,
 * keyness per pair, and the headline numbers the notebook records. The
 * notebook only calls these; with no comparison (one article) each gives
 * nothing to show.
 *
 * @module
 */
import type { AnalysisDocument } from "../analysis.ts";
import type { Comparison, DifferenceRow } from "../compare/compare_groups.ts";
import type { CorpusComparison } from "../compare/compare_corpus.ts";
import { evidenceTable } from "../tables/evidence.ts";
import { topicTable } from "../tables/tidy.ts";
import { voiceComposition } from "../figures/voice_composition.ts";
import type { Voice } from "../voice.ts";
import { type Displayable, displayable, displayTable } from "./display.ts";
import { formatInterval, formatNumber, formatP } from "../tables/format.ts";

/**
 * The rows of one table of a comparison, the largest differences first
 * (rows without a difference last); none without a comparison.
 *
 * @param comparison The comparison, or `null`.
 * @param table `"actors"`, `"topics"` or `"stance"`.
 * @returns The rows, sorted.
 *
 * @example
 * ```ts
 * import { comparisonRows } from "@framing/toolkit/notebook";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const row = (feature: string, difference: number | null) =>
 *   ({ table: "topics", feature, difference }) as never;
 * const comparison = { rows: [row("a", 0.1), row("b", null), row("c", -2)] } as never;
 * deepStrictEqual(comparisonRows(comparison, "topics").map((r) => r.feature), ["c", "a", "b"]);
 * deepStrictEqual(comparisonRows(null, "topics"), []);
 * ```
 */
export function comparisonRows(
  comparison: Pick<Comparison, "rows"> | null,
  table: DifferenceRow["table"],
): DifferenceRow[] {
  if (comparison === null) return [];
  const size = (r: DifferenceRow) => r.difference === null ? -1 : Math.abs(r.difference);
  return comparison.rows.filter((r) => r.table === table)
    .sort((a, b) => size(b) - size(a));
}

/**
 * What was compared with what, the notes on the way (fallbacks, articles
 * without the field), and the statement of what was resampled, as Markdown.
 *
 * @param compared The result of `compareCorpus`.
 * @returns A value the Deno kernel displays.
 *
 * @example
 * ```ts
 * import { comparedDisplay } from "@framing/toolkit/notebook";
 * import { JUPYTER_DISPLAY } from "@framing/toolkit/notebook";
 * import { ok } from "node:assert/strict";
 *
 * const shown = comparedDisplay({ comparison: null, requested: "outlet", by: "outlet",
 *   statement: "One article (**a**): nothing to compare.", notes: [] });
 * ok(String(shown[JUPYTER_DISPLAY]()["text/markdown"]).includes("nothing to compare"));
 * ```
 */
export function comparedDisplay(compared: CorpusComparison): Displayable {
  const c = compared.comparison;
  const method = c === null
    ? ""
    : ` ${c.method.resamples} resamples, ${
      Math.round(c.method.level * 100)
    } % intervals.\n\n> ${c.unit}`;
  const notes = compared.notes.map((n) => `\n\n*Note:* ${n}`).join("");
  return displayable({
    "text/markdown": `${compared.statement}${method}${notes}`,
    "text/plain": [compared.statement, ...compared.notes, c?.unit ?? ""]
      .filter(Boolean).join("\n").replaceAll("**", ""),
  });
}

/**
 * A comparison table: one row per feature and pair of groups, with both
 * values, their intervals, the difference A − B, p and q, and how many
 * sentences each side's figure came from. The caption ends with the
 * statement of what was resampled.
 *
 * @param rows Rows of one table (`comparisonRows`).
 * @param comparison The comparison (for its unit).
 * @param caption What the values are.
 * @returns A value the Deno kernel displays.
 *
 * @example
 * ```ts
 * import { comparisonTable } from "@framing/toolkit/notebook";
 * import type { DifferenceRow } from "@framing/toolkit";
 * import { JUPYTER_DISPLAY } from "@framing/toolkit/notebook";
 * import { ok } from "node:assert/strict";
 *
 * const row: DifferenceRow = {
 *   table: "topics", feature: "energy", voice: "body", measure: "per 1,000 words",
 *   groupA: "X", groupB: "Y", valueA: 4, valueB: 1, ciA: [2, 6], ciB: [0, 2], difference: 3,
 *   ci: [1, 5], p: 0.01, q: 0.02, unitsA: 40, unitsB: 30, evidenceA: [], evidenceB: [],
 *   evidenceCountA: 3, evidenceCountB: 1,
 * };
 * const html = String(comparisonTable([row], { unit: "Sentences resampled." }, "Compared: topics.")
 *   [JUPYTER_DISPLAY]()["text/html"]);
 * ok(html.includes("<caption>Compared: topics. Sentences resampled.</caption>"));
 * ok(html.includes("<td>X</td>") && html.includes("[1.00, 5.00]") && html.includes("<td>0.020</td>"));
 * ``` */
export function comparisonTable(
  rows: readonly DifferenceRow[],
  comparison: Pick<Comparison, "unit">,
  caption: string,
): Displayable {
  return displayTable({
    columns: [
      "feature",
      "A",
      "value A",
      "95 % CI A",
      "B",
      "value B",
      "95 % CI B",
      "A − B",
      "95 % CI",
      "p",
      "q",
      "evidence sentences A",
      "evidence sentences B",
    ],
    values: rows.map((r) => [
      r.feature,
      r.groupA,
      formatNumber(r.valueA),
      formatInterval(r.ciA),
      r.groupB,
      formatNumber(r.valueB),
      formatInterval(r.ciB),
      formatNumber(r.difference),
      formatInterval(r.ci),
      formatP(r.p),
      formatP(r.q),
      r.evidenceCountA,
      r.evidenceCountB,
    ]),
  }, { caption: `${caption} ${comparison.unit}` });
}

/**
 * Actor rows named on one side only (no difference can be computed): the
 * actor, the side that names it, its sentences and mean score.
 *
 * @param rows Actor rows whose difference is `null`.
 * @returns A value the Deno kernel displays.
 *
 * @example
 * ```ts
 * import { namedOnceTable } from "@framing/toolkit/notebook";
 * import { JUPYTER_DISPLAY } from "@framing/toolkit/notebook";
 * import { ok } from "node:assert/strict";
 *
 * const row = { feature: "china", groupA: "X", groupB: "Y", valueA: null, valueB: -0.2,
 *   evidenceCountA: 0, evidenceCountB: 2 } as never;
 * const text = String(namedOnceTable([row])[JUPYTER_DISPLAY]()["text/plain"]);
 * ok(text.includes("china\tY\tX\t2\t-0.20"));
 * ``` */
export function namedOnceTable(rows: readonly DifferenceRow[]): Displayable {
  return displayTable({
    columns: ["actor", "named only by", "not by", "sentences", "mean score per mention"],
    values: rows.filter((r) => r.valueA !== null || r.valueB !== null).map((r) =>
      r.valueA !== null
        ? [r.feature, r.groupA, r.groupB, r.evidenceCountA, formatNumber(r.valueA)]
        : [r.feature, r.groupB, r.groupA, r.evidenceCountB, formatNumber(r.valueB)]
    ),
  }, { caption: "Actors named on one side only (no comparison possible)" });
}

/**
 * The sentences behind a compared row, up to `perSide` per side, with the
 * words that counted.
 *
 * @param analysis The analysis the comparison was made from.
 * @param row A comparison row.
 * @param perSide Sentences per side.
 * @returns A value the Deno kernel displays.
 *
 * @example
 * ```ts
 * import { evidenceDisplay } from "@framing/toolkit/notebook";
 * import type { DifferenceRow } from "@framing/toolkit";
 * import { JUPYTER_DISPLAY } from "@framing/toolkit/notebook";
 * import { ok } from "node:assert/strict";
 *
 * const row: DifferenceRow = {
 *   table: "topics", feature: "energy", voice: "body", measure: "per 1,000 words",
 *   groupA: "X", groupB: "Y", valueA: 4, valueB: 1, ciA: [2, 6], ciB: [0, 2], difference: 3,
 *   ci: [1, 5], p: 0.01, q: 0.02, unitsA: 40, unitsB: 30, evidenceA: [], evidenceB: [],
 *   evidenceCountA: 3, evidenceCountB: 1,
 * };
 * const shown = evidenceDisplay({ articles: [] }, row, 2)[JUPYTER_DISPLAY]();
 * ok(String(shown["text/html"]).includes("Evidence for topics &quot;energy&quot; (X against Y)"));
 * ``` */
export function evidenceDisplay(
  analysis: Pick<AnalysisDocument, "articles">,
  row: DifferenceRow,
  perSide: number,
): Displayable {
  return displayTable({
    columns: ["group", "article", "sentence", "counted", "text"],
    values: evidenceTable(analysis, row, { perSide }).map((e) => [
      e.group,
      e.article,
      e.sentence,
      e.matches.join(", "),
      e.text,
    ]),
  }, {
    caption: `Evidence for ${row.table} "${row.feature}" (${row.groupA} against ${row.groupB}): ` +
      `up to ${perSide} sentences per side (of ${row.evidenceCountA} and ${row.evidenceCountB})`,
  });
}

/**
 * The keyness rows of one pair of groups, with the compared voice, ready for
 * `keynessFigure`.
 *
 * @param comparison The comparison.
 * @param pair The pair, as in `comparison.pairs`.
 * @returns The rows of that pair.
 *
 * @example
 * ```ts
 * import { keynessOfPair } from "@framing/toolkit/notebook";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const k = (groupA: string, term: string) =>
 *   ({ term, groupA, groupB: "rest", countA: 1, countB: 0, z: 2, g2: 3 }) as never;
 * const rows = keynessOfPair({ voice: "body", keyness: [k("A", "dam"), k("B", "loan")] }, ["B", "rest"]);
 * deepStrictEqual(rows.map((r) => [r.term, r.voice]), [["loan", "body"]]);
 * ``` */
export function keynessOfPair(
  comparison: Pick<Comparison, "keyness" | "voice">,
  pair: readonly [string, string],
): (Comparison["keyness"][number] & { voice: Voice })[] {
  return comparison.keyness
    .filter((k) => k.groupA === pair[0] && k.groupB === pair[1])
    .map((k) => ({ ...k, voice: comparison.voice }));
}

/**
 * The most distinctive words on each side of every pair: `top` per side.
 *
 * @param comparison The comparison.
 * @param top Words per side.
 * @returns A value the Deno kernel displays.
 *
 * @example
 * ```ts
 * import { keynessTopTable } from "@framing/toolkit/notebook";
 * import { JUPYTER_DISPLAY } from "@framing/toolkit/notebook";
 * import { ok } from "node:assert/strict";
 *
 * const k = (term: string, z: number) =>
 *   ({ term, groupA: "A", groupB: "B", countA: 3, countB: 1, z, g2: 1 }) as never;
 * const comparison = { pairs: [["A", "B"]], voice: "body", keyness: [k("dam", 2.5), k("loan", -3)],
 *   method: { keyness: "Log-odds." } } as never;
 * const text = String(keynessTopTable(comparison, 1)[JUPYTER_DISPLAY]()["text/plain"]);
 * ok(text.includes("A against B\tA\tdam") && text.includes("A against B\tB\tloan"));
 * ``` */
export function keynessTopTable(comparison: Comparison, top: number): Displayable {
  const values = comparison.pairs.flatMap((pair) => {
    const rows = keynessOfPair(comparison, pair);
    const a = rows.filter((k) => k.z > 0).sort((x, y) => y.z - x.z).slice(0, top);
    const b = rows.filter((k) => k.z < 0).sort((x, y) => x.z - y.z).slice(0, top);
    return [...a, ...b].map((k) => [
      `${pair[0]} against ${pair[1]}`,
      k.z > 0 ? pair[0] : pair[1],
      k.term,
      k.countA,
      k.countB,
      formatNumber(k.z),
      formatNumber(k.g2),
    ]);
  });
  return displayTable({
    columns: ["pair (A against B)", "more in", "term", "count A", "count B", "z", "G²"],
    values,
  }, {
    caption: `The ${top} most distinctive words on each side. ${comparison.method.keyness}`,
  });
}

/** Options for {@linkcode comparisonHeadline}. */
export interface ComparisonHeadlineOptions {
  /** The compared voice. @default "body" */
  voice?: Voice;
  /** Evidence sentences shown per side. @default 3 */
  evidencePerSide?: number;
}

/**
 * The headline numbers notebook 01 records (as JSON, for its test): the
 * articles, failures, each article's share of author's text, what was
 * compared, and, for the first pair of groups, the three topics that differ
 * most and the most distinctive word of each side.
 *
 * @param analysis The analysis.
 * @param compared The result of `compareCorpus`.
 * @param options The voice and the evidence shown per side.
 * @returns A JSON-ready object.
 *
 * @example
 * ```ts
 * import { comparisonHeadline } from "@framing/toolkit/notebook";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const h = comparisonHeadline({ articles: [], failures: [] } as never, {
 *   comparison: null, requested: "outlet", by: "outlet", statement: "Nothing.", notes: [],
 * });
 * deepStrictEqual([h.articles, h.groups, h.unit, h.topTopics], [0, [], null, []]);
 * ``` */
export function comparisonHeadline(
  analysis: AnalysisDocument,
  compared: CorpusComparison,
  options: ComparisonHeadlineOptions = {},
): Record<string, unknown> {
  const voice = options.voice ?? "body";
  const perSide = options.evidencePerSide ?? 3;
  const round = (x: number | null) => x === null ? null : Number(x.toFixed(4));
  const c = compared.comparison;
  const [groupA, groupB] = c?.pairs[0] ?? [null, null];
  const topics = topicTable(analysis);
  const per1k = (group: string, topic: string) => {
    // The group's own rate when it holds one article (else the pooled rate is the comparison's).
    const ids = c?.groups.find((g) => g.group === group)?.articles ?? [];
    if (ids.length !== 1) return null;
    return topics.find((r) => r.article === ids[0] && r.topic === topic && r.voice === voice)
      ?.per1k ?? null;
  };
  const firstPair = (r: DifferenceRow) => r.groupA === groupA && r.groupB === groupB;
  const topTopics = comparisonRows(c, "topics").filter(firstPair).slice(0, 3);
  const actors = comparisonRows(c, "actors").filter(firstPair);
  const keyness = c && groupA !== null ? keynessOfPair(c, [groupA, groupB!]) : [];
  const top = (sign: number) =>
    keyness.filter((k) => Math.sign(k.z) === sign).sort((x, y) => sign * (y.z - x.z))[0]?.term ??
      null;
  return {
    articles: analysis.articles.length,
    failures: analysis.failures.length,
    bodyShare: Object.fromEntries(
      voiceComposition(analysis).filter((r) => r.voice === "body")
        .map((r) => [r.article, Number(r.share.toFixed(4))]),
    ),
    by: compared.by,
    requested: compared.requested,
    statement: compared.statement,
    notes: compared.notes,
    groups: c ? c.groups.map((g) => g.group) : [],
    pairs: c ? c.pairs : [],
    unit: c?.unit ?? null,
    actorsCompared: actors.filter((r) => r.difference !== null).length,
    actorsNamedOnce: actors.filter((r) => r.difference === null).length,
    topTopics: topTopics.map((r) => ({
      topic: r.feature,
      valueA: round(r.valueA),
      valueB: round(r.valueB),
      per1kA: round(per1k(r.groupA, r.feature)),
      per1kB: round(per1k(r.groupB, r.feature)),
      difference: round(r.difference),
      q: round(r.q),
      evidenceA: Math.min(perSide, r.evidenceA.length),
      evidenceB: Math.min(perSide, r.evidenceB.length),
    })),
    topKeyness: groupA === null ? {} : { [groupA]: top(1), [groupB!]: top(-1) },
  };
}
