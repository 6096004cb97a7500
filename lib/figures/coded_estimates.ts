/**
 * The corrected comparison as a chart: for every group (or actor within a
 * group), the mean human code estimated from the coded units alone and
 * corrected with the model, each with its interval, on the codes' scale.
 *
 * @module
 */
import { z } from "zod";
import type { PlotlyFigure } from "./figure.ts";
import { seriesStyle } from "./theme.ts";

const Interval = z.object({
  estimate: z.number(),
  low: z.number().nullable(),
  high: z.number().nullable(),
});

/** One row the figure reads: a group's (and actor's) estimates, as `code estimate` gives them. */
export const CodedEstimateRecord = z.object({
  group: z.string(),
  actor: z.string().optional(),
  human: Interval.nullable(),
  corrected: Interval.nullable(),
});
/** One row the figure reads. */
export type CodedEstimateRecord = z.infer<typeof CodedEstimateRecord>;

/** Options of {@linkcode codedEstimatesFigure}. */
export interface CodedEstimatesFigureOptions {
  /** Names for actor ids. @default the ids */
  labels?: Readonly<Record<string, string>>;
  /** The codes' scale. @default [-2, 2] */
  scale?: readonly [number, number];
  /** The chart's title. @default "The author's stance, estimated from the codes" */
  title?: string;
}

/**
 * A dot plot of the estimated mean codes: rows are actors (or groups when the
 * records have no actor), one colour per group, a filled dot for the
 * corrected estimate and an open one for the coded units alone, each with
 * its interval. Rows without any coded unit are left out.
 *
 * @param records Rows of `code estimate` (`groups`), with or without `actor`.
 * @param options Labels, scale and title.
 * @returns A plotly figure spec.
 * @throws {TypeError} When a record lacks a field.
 *
 * @example
 * ```ts
 * import { codedEstimatesFigure } from "@framing/toolkit/figures";
 * import { strictEqual } from "node:assert/strict";
 *
 * const e = (estimate: number) => ({ estimate, low: estimate - 0.3, high: estimate + 0.3 });
 * const figure = codedEstimatesFigure([
 *   { group: "A", actor: "putin", human: e(-1), corrected: e(-0.9) },
 *   { group: "B", actor: "putin", human: e(0.5), corrected: e(0.4) },
 *   { group: "B", actor: "nobody", human: null, corrected: null },
 * ]);
 * strictEqual(figure.data.length, 4);
 * strictEqual(figure.data[0].name, "A: corrected");
 * ```
 */
export function codedEstimatesFigure(
  records: readonly CodedEstimateRecord[],
  options: CodedEstimatesFigureOptions = {},
): PlotlyFigure {
  const rows = records.map((r, i) => {
    const parsed = CodedEstimateRecord.safeParse(r);
    if (!parsed.success) {
      throw new TypeError(
        `codedEstimatesFigure(): record ${i}: ${parsed.error.issues[0].path.join(".")}: ${
          parsed.error.issues[0].message
        }`,
      );
    }
    return parsed.data;
  }).filter((r) => r.human !== null && r.corrected !== null);
  const [low, high] = options.scale ?? [-2, 2];
  const faceted = rows.some((r) => r.actor !== undefined);
  const label = (r: CodedEstimateRecord) =>
    faceted ? options.labels?.[r.actor ?? ""] ?? r.actor ?? "" : r.group;
  const groups = [...new Set(rows.map((r) => r.group))];
  // Most negative (by the corrected estimate) at the bottom.
  const categories = [...new Set(rows.map(label))].map((c) => {
    const mine = rows.filter((r) => label(r) === c).map((r) => r.corrected!.estimate);
    return { c, v: mine.reduce((a, b) => a + b, 0) / mine.length };
  }).sort((a, b) => a.v - b.v || a.c.localeCompare(b.c)).map((x) => x.c);
  const traces = (faceted ? groups : ["all"]).flatMap((g, i) => {
    const style = seriesStyle(i);
    const mine = rows.filter((r) => !faceted || r.group === g);
    const trace = (which: "corrected" | "human") => ({
      type: "scatter",
      orientation: "h",
      mode: "markers",
      name: faceted ? `${g}: ${which}` : which,
      legendgroup: g,
      x: mine.map((r) => r[which]!.estimate),
      y: mine.map(label),
      error_x: {
        type: "data",
        symmetric: false,
        array: mine.map((r) =>
          Math.max(0, (r[which]!.high ?? r[which]!.estimate) - r[which]!.estimate)
        ),
        arrayminus: mine.map((r) =>
          Math.max(0, r[which]!.estimate - (r[which]!.low ?? r[which]!.estimate))
        ),
        color: style.color,
        thickness: which === "corrected" ? 2 : 1,
        width: 3,
      },
      marker: {
        color: style.color,
        symbol: which === "corrected" ? style.symbol : "circle-open",
        size: which === "corrected" ? 9 : 8,
        line: { width: 1.5, color: style.color },
      },
      hovertemplate: `${faceted ? `${g}<br>` : ""}%{y}: %{x:.2f} (${which})<extra></extra>`,
    });
    return [trace("corrected"), trace("human")];
  });
  return {
    data: traces,
    layout: {
      title: { text: options.title ?? "The author's stance, estimated from the codes" },
      height: Math.max(220, 110 + categories.length * Math.max(24, 14 * groups.length)),
      scattermode: "group",
      xaxis: {
        title: {
          text:
            `Mean code (${low}..${high}): corrected with the model (filled), coded units alone (open)`,
        },
        range: [low - 0.05 * (high - low), high + 0.05 * (high - low)],
        zeroline: true,
        zerolinecolor: "#444444",
        zerolinewidth: 1,
      },
      yaxis: {
        title: { text: "" },
        type: "category",
        categoryorder: "array",
        categoryarray: categories,
        showgrid: true,
      },
      legend: { title: { text: faceted ? "Group" : "" } },
      showlegend: true,
    },
  };
}
