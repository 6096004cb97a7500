/**
 * A figure of groups, for corpora too large to draw one series per article:
 * for every feature (a topic, a stance marker, an actor, a voice) and group,
 * a box of the articles' values (quartiles, whiskers at the 5th and 95th
 * percentiles) and the group's value with its interval as a marker with
 * error bars. Its size depends on features × groups, never on the number of
 * articles, so it draws and exports in the same time at 10 articles and at
 * 100,000.
 *
 * @module
 */
import { z } from "zod";
import type { PlotlyFigure } from "./figure.ts";
import { distinct, labelOf } from "./_records.ts";
import { seriesStyle } from "./theme.ts";

/**
 * One row of a group figure: either one article's value (`level: "article"`)
 * or the group's value with its interval (`level: "group"`).
 */
export const GroupSummaryRecord = z.object({
  level: z.enum(["group", "article"]),
  feature: z.string(),
  group: z.string(),
  /** The article's id (article rows). */
  article: z.string().optional(),
  value: z.number(),
  /** The interval of a group's value (group rows). */
  low: z.number().nullable().optional(),
  high: z.number().nullable().optional(),
});
/** One row of a group figure. */
export type GroupSummaryRecord = z.infer<typeof GroupSummaryRecord>;

/** Options for {@linkcode groupSummaryFigure}. */
export interface GroupSummaryFigureOptions {
  /** The chart's title. */
  title: string;
  /** The value axis's title (e.g. "Mentions per 1,000 words"). */
  axis: string;
  /** What the marker's interval is, for the legend. @default "95 % interval" */
  interval?: string;
  /** Display names of features. @default the id in words */
  labels?: Readonly<Record<string, string>>;
  /** The order of groups (colours stay fixed across figures). @default the order first seen */
  groupOrder?: readonly string[];
  /** The order of features (e.g. positions in the article). @default largest group value first */
  featureOrder?: readonly string[];
  /** Features shown, the ones with the largest group values first. @default 20 */
  maxFeatures?: number;
  /** Number format of hover values (d3). @default ".2f" */
  format?: string;
}

/** Box statistics of some values. */
interface BoxStats {
  q1: number;
  median: number;
  q3: number;
  lowerfence: number;
  upperfence: number;
}

function quantileSorted(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? 0) - sorted[lo]);
}

function boxStats(values: readonly number[]): BoxStats {
  const sorted = Float64Array.from(values).sort();
  return {
    q1: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    q3: quantileSorted(sorted, 0.75),
    lowerfence: quantileSorted(sorted, 0.05),
    upperfence: quantileSorted(sorted, 0.95),
  };
}

/**
 * Draws groups: per feature and group, a box of the articles and the group's
 * value with its interval. Features run down the y axis, one row per group.
 *
 * @param records Article rows and group rows.
 * @param options Title, axis title, labels and limits.
 * @returns A plotly figure spec whose size does not grow with the articles.
 * @throws {TypeError} If a record does not match {@linkcode GroupSummaryRecord}.
 *
 * @example
 * ```ts
 * import { groupSummaryFigure } from "./group_summary.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const articles = Array.from({ length: 1000 }, (_, i) => ({
 *   level: "article" as const, feature: "energy", group: i % 2 ? "A" : "B", article: `a${i}`, value: i % 7,
 * }));
 * const groups = ["A", "B"].map((group) => ({ level: "group" as const, feature: "energy", group, value: 3, low: 2.8, high: 3.2 }));
 * const figure = groupSummaryFigure([...articles, ...groups], { title: "Topics", axis: "per 1,000 words" });
 * strictEqual(figure.data.length, 4); // a box and a marker per group
 * strictEqual(JSON.stringify(figure).length < 5000, true);
 * ```
 */
export function groupSummaryFigure(
  records: readonly GroupSummaryRecord[],
  options: GroupSummaryFigureOptions,
): PlotlyFigure {
  const rows = records.map((r, i) => {
    // Article rows can number millions: a plain check first, the schema's message when it fails.
    if (
      r?.level === "article" && typeof r.feature === "string" && typeof r.group === "string" &&
      typeof r.value === "number" && (r.article === undefined || typeof r.article === "string")
    ) return r;
    const parsed = GroupSummaryRecord.safeParse(r);
    if (!parsed.success) {
      throw new TypeError(
        `groupSummaryFigure(): record ${i} is not a group or article row: ${
          parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")
        }`,
      );
    }
    return parsed.data;
  });
  const groupRows = rows.filter((r) => r.level === "group");
  const groups = distinct([...(options.groupOrder ?? []), ...rows.map((r) => r.group)])
    .filter((g) => rows.some((r) => r.group === g));
  const top = (feature: string) =>
    Math.max(...groupRows.filter((r) => r.feature === feature).map((r) => r.value), -Infinity);
  const present = distinct(rows.map((r) => r.feature));
  const features =
    (options.featureOrder
      ? options.featureOrder.filter((f) => present.includes(f))
      : present.sort((a, b) => top(b) - top(a) || a.localeCompare(b)))
      .slice(0, options.maxFeatures ?? 20);
  const label = (feature: string, group: string) =>
    groups.length > 1
      ? `${labelOf(feature, options.labels)} · ${group}`
      : labelOf(feature, options.labels);
  const articleValues = new Map<string, number[]>();
  for (const r of rows) {
    if (r.level !== "article") continue;
    const key = `${r.feature}\u0000${r.group}`;
    const list = articleValues.get(key) ?? [];
    list.push(r.value);
    articleValues.set(key, list);
  }
  const format = options.format ?? ".2f";
  const interval = options.interval ?? "95 % interval";
  const data = groups.flatMap((group, g) => {
    const style = seriesStyle(g);
    const boxes = features.flatMap((feature) => {
      const values = articleValues.get(`${feature}\u0000${group}`);
      return values && values.length > 0
        ? [{ y: label(feature, group), n: values.length, ...boxStats(values) }]
        : [];
    });
    const marks = features.flatMap((feature) => {
      const r = groupRows.find((x) => x.feature === feature && x.group === group);
      return r ? [{ y: label(feature, group), ...r }] : [];
    });
    return [
      {
        type: "box",
        orientation: "h",
        name: `${group}: articles`,
        legendgroup: group,
        y: boxes.map((b) => b.y),
        q1: boxes.map((b) => b.q1),
        median: boxes.map((b) => b.median),
        q3: boxes.map((b) => b.q3),
        lowerfence: boxes.map((b) => b.lowerfence),
        upperfence: boxes.map((b) => b.upperfence),
        boxpoints: false,
        line: { color: style.color, width: 1 },
        fillcolor: "rgba(0,0,0,0)",
        customdata: boxes.map((b) => b.n),
        hovertemplate: `${group}, %{customdata} articles<br>%{y}<extra></extra>`,
      },
      {
        type: "scatter",
        mode: "markers",
        name: `${group}: value, ${interval}`,
        legendgroup: group,
        y: marks.map((m) => m.y),
        x: marks.map((m) => m.value),
        error_x: {
          type: "data",
          symmetric: false,
          array: marks.map((m) => (m.high ?? m.value) - m.value),
          arrayminus: marks.map((m) => m.value - (m.low ?? m.value)),
          color: style.color,
          thickness: 1.5,
          width: 4,
        },
        marker: { color: style.color, symbol: style.symbol, size: 8 },
        hovertemplate: `${group}<br>%{y}: %{x:${format}}<extra></extra>`,
      },
    ];
  });
  const lines = features.length * Math.max(1, groups.length);
  return {
    data,
    layout: {
      title: { text: options.title },
      height: Math.max(240, 120 + lines * 22),
      xaxis: { title: { text: options.axis }, zeroline: true },
      yaxis: {
        title: { text: "" },
        type: "category",
        autorange: "reversed",
        categoryorder: "array",
        categoryarray: features.flatMap((f) => groups.map((g) => label(f, g))),
      },
      legend: { title: { text: "Group" }, traceorder: "normal" },
      showlegend: true,
    },
  };
}
