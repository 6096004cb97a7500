/**
 * The sentiment arc: how sentence sentiment moves from the start of each
 * article to its end.
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
  orderedSeries,
  SeriesFields,
  seriesOf,
  seriesTitle,
  voiceWords,
} from "./_records.ts";
import { mean } from "../stats/mean.ts";

/** The part of an arc row (one sentence) that the figure reads. */
export const ArcRecord = z.object({
  ...SeriesFields,
  /** The sentence's index in the article. */
  index: z.number().int().nonnegative(),
  /** Where the sentence is, 0 (start) to 1 (end) of the article. */
  position: z.number().min(0).max(1),
  /** Sentence sentiment, −1..+1. */
  sentiment: z.number().min(-1).max(1),
  voice: Voice,
});
/** The part of an arc row that the figure reads. */
export type ArcRecord = z.infer<typeof ArcRecord>;

/** Options for {@linkcode sentimentArcFigure}. */
export interface SentimentArcFigureOptions {
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
   * Sentences in the centred moving average drawn as the line (1: no smoothing).
   * @default 5
   */
  window?: number;
  /**
   * Also draw each sentence as a faint dot.
   * @default true
   */
  points?: boolean;
  /**
   * The chart's title.
   * @default "Sentiment through each article, in <voice in words>"
   */
  title?: string;
}

/**
 * Centred moving average over `window` values; near the ends, the mean of
 * the values that exist.
 *
 * @param values The series.
 * @param window Odd or even width; 1 returns a copy.
 * @returns The smoothed series, as long as the input.
 * @throws {RangeError} If `window` is not a positive integer.
 *
 * @example
 * ```ts
 * import { movingAverage } from "@framing/toolkit/figures";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(movingAverage([0, 3, 0, 3], 3), [1.5, 1, 2, 1.5]);
 * ```
 */
export function movingAverage(values: readonly number[], window: number): number[] {
  if (!Number.isInteger(window) || window < 1) {
    throw new RangeError(`Moving-average window must be a positive integer, got ${window}`);
  }
  const before = Math.floor((window - 1) / 2);
  const after = window - 1 - before;
  return values.map((_, i) =>
    mean(values.slice(Math.max(0, i - before), Math.min(values.length, i + after + 1)))
  );
}

/**
 * A line per article (or group): position through the article on x (0–100 %),
 * smoothed sentence sentiment on y (−1..+1, line at zero), each series with
 * its own colour, dash and marker symbol; the unsmoothed sentences as faint
 * dots behind it.
 *
 * @param records One row per sentence, each with `article` or `group`.
 * @param options Voice, smoothing window, points and title.
 * @returns A plotly figure spec.
 * @throws {TypeError} If a record lacks a field or is out of range.
 *
 * @example
 * ```ts
 * import { sentimentArcFigure } from "@framing/toolkit/figures";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const rows = [0, 1, 2].map((index) =>
 *   ({ article: "a", index, position: index / 2, sentiment: index - 1, voice: "body" as const }));
 * const figure = sentimentArcFigure(rows, { window: 1, points: false });
 * strictEqual(figure.data.length, 1);
 * deepStrictEqual(figure.data[0].x, [0, 0.5, 1]);
 * deepStrictEqual(figure.data[0].y, [-1, 0, 1]);
 * ```
 */
export function sentimentArcFigure(
  records: readonly ArcRecord[],
  options: SentimentArcFigureOptions = {},
): PlotlyFigure {
  const name = "sentimentArcFigure()";
  const voice = checkVoice(options.voice ?? "body", name);
  const window = options.window ?? 5;
  const points = options.points ?? true;
  const rows = checkRecords(ArcRecord, records, name).filter((r) => r.voice === voice);
  const series = orderedSeries(distinct(rows.map((r) => seriesOf(r, name))), options.seriesOrder);
  const dots: Record<string, unknown>[] = [];
  const lines: Record<string, unknown>[] = [];
  series.forEach(({ series: s, style: i }) => {
    const style = seriesStyle(i);
    const mine = rows.filter((r) => seriesOf(r, name) === s)
      .sort((a, b) => a.position - b.position || a.index - b.index);
    const x = mine.map((r) => r.position);
    if (points) {
      dots.push({
        type: "scatter",
        mode: "markers",
        name: `${s} (sentences)`,
        legendgroup: s,
        showlegend: false,
        cliponaxis: false,
        x,
        y: mine.map((r) => r.sentiment),
        customdata: mine.map((r) => r.index),
        marker: { color: style.color, symbol: style.symbol, size: 4, opacity: 0.3 },
        hovertemplate: `${s}, sentence %{customdata}: %{y:.2f}<extra></extra>`,
      });
    }
    lines.push({
      type: "scatter",
      mode: "lines",
      name: s,
      legendgroup: s,
      x,
      y: movingAverage(mine.map((r) => r.sentiment), window),
      line: { color: style.color, dash: style.dash, width: 2 },
      hovertemplate: `${s}, %{x:.0%} in: %{y:.2f} (mean of ${window})<extra></extra>`,
    });
  });
  const smoothing = window > 1 ? ` (${window}-sentence mean)` : "";
  return {
    // Lines after dots, so that they are drawn on top.
    data: [...dots, ...lines],
    layout: {
      title: { text: options.title ?? `Sentiment through each article, in ${voiceWords(voice)}` },
      height: 320,
      xaxis: {
        title: { text: "Position in the article (start to end)" },
        range: [0, 1],
        tickvals: [0, 0.25, 0.5, 0.75, 1],
        tickformat: ".0%",
        zeroline: false,
      },
      yaxis: {
        title: { text: `Sentiment${smoothing}` },
        range: [-1.05, 1.05],
        tickvals: [-1, -0.5, 0, 0.5, 1],
        ticktext: ["−1", "−0.5", "0", "+0.5", "+1"],
        zeroline: true,
        zerolinecolor: "#444444",
      },
      legend: { title: { text: seriesTitle(rows) } },
      showlegend: series.length > 1,
    },
  };
}
