/**
 * A stance profile: how often each kind of stance marker (hedges, boosters,
 * attitude words, ...) occurs, as a dot plot with one row per category.
 *
 * @module
 */
import { z } from "zod";
import { Voice } from "../voice.ts";
import type { PlotlyFigure } from "./figure.ts";
import { seriesStyle } from "./theme.ts";
import {
  checkRecords,
  checkVoice,
  distinct,
  labelOf,
  orderedSeries,
  SeriesFields,
  seriesOf,
  seriesTitle,
  voiceWords,
} from "./_records.ts";

/** The part of a stance row that the figure reads. */
export const StanceRecord = z.object({
  ...SeriesFields,
  category: z.string(),
  voice: Voice,
  /** Marker hits. */
  hits: z.number().nonnegative(),
  /** Hits per 1,000 word tokens of the voice. */
  per1k: z.number().nonnegative(),
});
/** The part of a stance row that the figure reads. */
export type StanceRecord = z.infer<typeof StanceRecord>;

/** Options for {@linkcode stanceProfileFigure}. */
export interface StanceProfileFigureOptions {
  /**
   * Every series of the document in its fixed order (e.g. every article id),
   * so that a series has the same colour, marker and pattern in every figure,
   * even where the series before it have no rows.
   * @default the series in the order first seen
   */
  seriesOrder?: readonly string[];

  /**
   * The voice to show.
   * @default "body"
   */
  voice?: Voice;
  /**
   * Names for category ids, e.g. `{ hedge: "Hedges (may, perhaps)" }`.
   * @default the id in words
   */
  labels?: Readonly<Record<string, string>>;
  /**
   * Category order, top to bottom. Categories not listed follow in first-seen order.
   * @default first-seen order
   */
  order?: readonly string[];
  /**
   * The chart's title.
   * @default "Stance markers in <voice in words>"
   */
  title?: string;
}

/**
 * A dot plot of stance-marker rates: categories down the y axis, rate per
 * 1,000 words along x, one marker trace per article (or group), each
 * series with its own colour and symbol.
 * Categories keep a fixed order (not sorted by value) so that profiles of
 * different voices can be read side by side.
 *
 * @param records Stance rows, each with `article` or `group`.
 * @param options Voice, labels, order and title.
 * @returns A plotly figure spec.
 * @throws {TypeError} If a record lacks a field.
 *
 * @example
 * ```ts
 * import { stanceProfileFigure } from "@framing/toolkit/figures";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const figure = stanceProfileFigure([
 *   { article: "a", category: "hedge", voice: "body", hits: 3, per1k: 4.5 },
 *   { article: "a", category: "booster", voice: "body", hits: 1, per1k: 1.5 },
 * ], { order: ["booster"] });
 * strictEqual(figure.data.length, 1);
 * deepStrictEqual(figure.data[0].y, ["Booster", "Hedge"]);
 * deepStrictEqual(figure.data[0].x, [1.5, 4.5]);
 * ```
 */
export function stanceProfileFigure(
  records: readonly StanceRecord[],
  options: StanceProfileFigureOptions = {},
): PlotlyFigure {
  const name = "stanceProfileFigure()";
  const voice = checkVoice(options.voice ?? "body", name);
  const rows = checkRecords(StanceRecord, records, name).filter((r) => r.voice === voice);
  const label = (id: string) => labelOf(id, options.labels);
  const series = orderedSeries(distinct(rows.map((r) => seriesOf(r, name))), options.seriesOrder);
  const seen = distinct(rows.map((r) => r.category));
  const categories = distinct([...(options.order ?? []).filter((c) => seen.includes(c)), ...seen]);
  const data = series.map(({ series: s, style: i }) => {
    const style = seriesStyle(i);
    return {
      type: "scatter",
      // Horizontal, so that `scattermode: "group"` sets the series side by side along y.
      orientation: "h",
      mode: "markers",
      name: s,
      cliponaxis: false,
      y: categories.map(label),
      x: categories.map((category) =>
        rows.filter((r) => r.category === category && seriesOf(r, name) === s)
          .reduce((sum, r) => sum + r.per1k, 0)
      ),
      marker: { color: style.color, symbol: style.symbol, size: 8 },
      hovertemplate: `${s}<br>%{y}: %{x:.1f} per 1,000 words<extra></extra>`,
    };
  });
  return {
    data,
    layout: {
      title: { text: options.title ?? `Stance markers in ${voiceWords(voice)}` },
      height: Math.max(200, 110 + categories.length * Math.max(24, 12 * series.length)),
      scattermode: series.length > 1 ? "group" : "overlay",
      xaxis: { title: { text: "Markers per 1,000 words" }, rangemode: "tozero" },
      yaxis: {
        title: { text: "" },
        type: "category",
        autorange: "reversed",
        showgrid: true,
      },
      legend: { title: { text: seriesTitle(rows) } },
      showlegend: series.length > 1,
    },
  };
}
