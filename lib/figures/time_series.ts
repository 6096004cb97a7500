/**
 * Rates over time: one line per feature across months or years, each point
 * the period's value with its interval as error bars.
 *
 * @module
 */
import { z } from "zod";
import type { PlotlyFigure } from "./figure.ts";
import { distinct, labelOf } from "./_records.ts";
import { seriesStyle } from "./theme.ts";

/** The part of a period's row that the figure reads. */
export const TimeSeriesRecord = z.object({
  period: z.string(),
  feature: z.string(),
  value: z.number(),
  low: z.number().nullable().optional(),
  high: z.number().nullable().optional(),
  articles: z.number().int().nonnegative().optional(),
});
/** The part of a period's row that the figure reads. */
export type TimeSeriesRecord = z.infer<typeof TimeSeriesRecord>;

/** Options for {@linkcode timeSeriesFigure}. */
export interface TimeSeriesFigureOptions {
  /** The chart's title. @default "Topics over time" */
  title?: string;
  /** The value axis's title. @default "Mentions per 1,000 words" */
  axis?: string;
  /** Display names of features. @default the id in words */
  labels?: Readonly<Record<string, string>>;
  /** Lines drawn: the features with the largest mean value. @default 6 */
  maxFeatures?: number;
}

/**
 * One line per feature across the periods (in order), with error bars.
 *
 * @param records Period rows (e.g. from `ratesOverTime`).
 * @param options Title, axis, labels, number of lines.
 * @returns A plotly figure spec.
 * @throws {TypeError} If a record lacks a field.
 *
 * @example
 * ```ts
 * import { timeSeriesFigure } from "./time_series.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const f = timeSeriesFigure([
 *   { period: "2024-02", feature: "energy", value: 3, low: 2, high: 4 },
 *   { period: "2024-01", feature: "energy", value: 5, low: 4, high: 6 },
 * ]);
 * deepStrictEqual(f.data[0].x, ["2024-01", "2024-02"]);
 * ```
 */
export function timeSeriesFigure(
  records: readonly TimeSeriesRecord[],
  options: TimeSeriesFigureOptions = {},
): PlotlyFigure {
  const rows = records.map((r, i) => {
    const parsed = TimeSeriesRecord.safeParse(r);
    if (!parsed.success) {
      throw new TypeError(
        `timeSeriesFigure(): record ${i}: ${
          parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")
        }`,
      );
    }
    return parsed.data;
  });
  const periods = distinct(rows.map((r) => r.period)).sort();
  const mean = (f: string) => {
    const xs = rows.filter((r) => r.feature === f);
    return xs.reduce((s, r) => s + r.value, 0) / xs.length;
  };
  const features = distinct(rows.map((r) => r.feature))
    .sort((a, b) => mean(b) - mean(a) || a.localeCompare(b))
    .slice(0, options.maxFeatures ?? 6);
  const data = features.map((feature, i) => {
    const style = seriesStyle(i);
    const points = periods.flatMap((p) =>
      rows.filter((r) => r.feature === feature && r.period === p)
    );
    return {
      type: "scatter",
      mode: "lines+markers",
      name: labelOf(feature, options.labels),
      x: points.map((r) => r.period),
      y: points.map((r) => r.value),
      customdata: points.map((r) => r.articles ?? null),
      line: { color: style.color, dash: style.dash, width: 1.5 },
      marker: { color: style.color, symbol: style.symbol, size: 7 },
      error_y: {
        type: "data",
        symmetric: false,
        array: points.map((r) => (r.high ?? r.value) - r.value),
        arrayminus: points.map((r) => r.value - (r.low ?? r.value)),
        color: style.color,
        thickness: 1,
        width: 3,
      },
      hovertemplate: `${labelOf(feature, options.labels)}<br>%{x}: %{y:.2f} ` +
        "(%{customdata} articles)<extra></extra>",
    };
  });
  return {
    data,
    layout: {
      title: { text: options.title ?? "Topics over time" },
      height: 360,
      xaxis: {
        title: { text: "" },
        type: "category",
        categoryorder: "array",
        categoryarray: periods,
      },
      yaxis: { title: { text: options.axis ?? "Mentions per 1,000 words" }, rangemode: "tozero" },
      legend: { title: { text: "" }, traceorder: "normal" },
      showlegend: features.length > 1,
    },
  };
}
