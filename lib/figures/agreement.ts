/**
 * Agreement with human coding: one group of bars per benchmark, one bar per
 * scorer (the toolkit and the reference scorers), and the bar each figure
 * should reach drawn across its group.
 *
 * @module
 */
import { z } from "zod";
import type { PlotlyFigure } from "./figure.ts";
import { barMarker } from "./theme.ts";
import { checkRecords, distinct } from "./_records.ts";

/** One agreement figure: a scorer's value on a benchmark. */
export const AgreementRecord = z.object({
  /** The benchmark (and measure), as the axis shows it: `"NYT editorials (even), Pearson r"`. */
  benchmark: z.string().min(1),
  /** Who scored: `"toolkit"`, `"VADER"`, `"wink-nlp"`. */
  scorer: z.string().min(1),
  /** The figure, on the chart's scale (−1..1 for r, 0..1 for F1, precision, recall). */
  value: z.number().min(-1).max(1),
});
/** One agreement figure. */
export type AgreementRecord = z.infer<typeof AgreementRecord>;

/** A level a benchmark's figure should reach, drawn as a dashed line across its bars. */
export const AgreementTarget = z.object({
  benchmark: z.string().min(1),
  /** The level: a figure at or above it meets the target. */
  min: z.number().min(-1).max(1),
});
/** A level a benchmark's figure should reach. */
export type AgreementTarget = z.infer<typeof AgreementTarget>;

/** Options for {@linkcode agreementFigure}. */
export interface AgreementFigureOptions {
  /**
   * Levels to draw, one per benchmark at most. Targets for benchmarks
   * without records are ignored.
   * @default []
   */
  targets?: readonly AgreementTarget[];
  /**
   * Name of the target line in the legend.
   * @default "Target"
   */
  targetName?: string;
  /**
   * The x axis title.
   * @default "Agreement with human coding"
   */
  axisTitle?: string;
  /**
   * The chart's title.
   * @default "Agreement with human coding"
   */
  title?: string;
}

/**
 * Grouped horizontal bars: benchmarks down the y axis in the order of the
 * records, one trace per scorer (in the order of first appearance), the
 * value printed at each bar's end, the x axis fixed at 0..1 (or −1..1 when a
 * value is negative), with room for the printed values. Each target is a dashed vertical line across its
 * benchmark's group of bars, with one legend entry for all of them.
 *
 * @param records One row per benchmark and scorer.
 * @param options Targets, axis title and title.
 * @returns A plotly figure spec.
 * @throws {TypeError} If a record or target lacks a field or is out of range.
 * @throws {RangeError} If a benchmark has two records of the same scorer, or two targets.
 *
 * @example
 * ```ts
 * import { agreementFigure } from "@framing/toolkit/figures";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const figure = agreementFigure([
 *   { benchmark: "NYT, r", scorer: "toolkit", value: 0.55 },
 *   { benchmark: "NYT, r", scorer: "VADER", value: 0.5 },
 *   { benchmark: "rw, F1", scorer: "toolkit", value: 0.57 },
 * ], { targets: [{ benchmark: "rw, F1", min: 0.6 }] });
 * deepStrictEqual(figure.data.slice(0, 2).map((t) => t.name), ["toolkit", "VADER"]);
 * deepStrictEqual(figure.data[1].x, [0.5, null]);
 * const [line] = figure.layout.shapes as { x0: number; y0: number; y1: number }[];
 * strictEqual(line.x0, 0.6);
 * strictEqual(line.y0 < 1 && line.y1 > 1, true);
 * ```
 */
export function agreementFigure(
  records: readonly AgreementRecord[],
  options: AgreementFigureOptions = {},
): PlotlyFigure {
  const name = "agreementFigure()";
  const rows = checkRecords(AgreementRecord, records, name);
  const targets = checkRecords(AgreementTarget, options.targets ?? [], `${name} targets`);
  const benchmarks = distinct(rows.map((r) => r.benchmark));
  const scorers = distinct(rows.map((r) => r.scorer));
  const seen = new Set<string>();
  for (const r of rows) {
    const key = `${r.benchmark}\u0000${r.scorer}`;
    if (seen.has(key)) {
      throw new RangeError(`${name}: two records for "${r.benchmark}" and "${r.scorer}"`);
    }
    seen.add(key);
  }
  const drawn = targets.filter((t) => benchmarks.includes(t.benchmark));
  if (new Set(drawn.map((t) => t.benchmark)).size < drawn.length) {
    throw new RangeError(`${name}: a benchmark has more than one target`);
  }
  const bars = scorers.map((scorer, i) => {
    const x = benchmarks.map((b) =>
      rows.find((r) => r.benchmark === b && r.scorer === scorer)?.value ?? null
    );
    return {
      type: "bar",
      orientation: "h",
      name: scorer,
      y: benchmarks,
      x,
      text: x.map((v) => v === null ? "" : v.toFixed(3)),
      textposition: "outside",
      cliponaxis: false,
      marker: barMarker(i),
      hovertemplate: `${scorer}<br>%{y}: %{x:.3f}<extra></extra>`,
    };
  });
  // Category i sits at y = i; the line spans the group of bars around it.
  const shapes = drawn.map((t) => {
    const i = benchmarks.indexOf(t.benchmark);
    return {
      type: "line",
      xref: "x",
      yref: "y",
      x0: t.min,
      x1: t.min,
      y0: i - 0.45,
      y1: i + 0.45,
      line: { color: "#000000", width: 2, dash: "dash" },
    };
  });
  const legendLine = drawn.length === 0 ? [] : [{
    type: "scatter",
    mode: "lines",
    name: options.targetName ?? "Target",
    x: [null],
    y: [null],
    line: { color: "#000000", width: 2, dash: "dash" },
    hoverinfo: "skip",
  }];
  const low = rows.some((r) => r.value < 0) ? -1 : 0;
  return {
    data: [...bars, ...legendLine],
    layout: {
      title: { text: options.title ?? "Agreement with human coding" },
      height: Math.max(240, 120 + benchmarks.length * Math.max(60, 26 * scorers.length)),
      barmode: "group",
      bargap: 0.2,
      bargroupgap: 0.05,
      xaxis: {
        title: { text: options.axisTitle ?? "Agreement with human coding" },
        // Room past 1 for the printed value of a bar near the end.
        range: [low, 1.1],
        tickvals: [-1, -0.8, -0.6, -0.4, -0.2, 0, 0.2, 0.4, 0.6, 0.8, 1].filter((v) => v >= low),
        tickformat: ".1f",
        zeroline: true,
      },
      yaxis: { title: { text: "" }, autorange: "reversed", type: "category", automargin: true },
      legend: { traceorder: "normal" },
      showlegend: true,
      shapes,
    },
  };
}
