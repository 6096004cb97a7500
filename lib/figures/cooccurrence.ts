/**
 * Which actors come up together with which topics: a heatmap of sentences
 * that name an actor and hit a topic.
 *
 * @module
 */
import { z } from "zod";
import { Voice } from "../voice.ts";
import type { PlotlyFigure } from "./figure.ts";
import {
  checkRecords,
  checkVoice,
  distinct,
  labelOf,
  SeriesFields,
  voiceWords,
} from "./_records.ts";

/** The part of a co-occurrence row that the figure reads. */
export const CooccurrenceRecord = z.object({
  ...SeriesFields,
  actor: z.string(),
  topic: z.string(),
  /** Sentences that mention the actor and hit the topic. */
  sentences: z.number().int().nonnegative(),
  /** The voice the sentences are in, when the rows say so. */
  voice: Voice.optional(),
});
/** The part of a co-occurrence row that the figure reads. */
export type CooccurrenceRecord = z.infer<typeof CooccurrenceRecord>;

/**
 * A sequential scale from near-white to dark blue (ColorBrewer "Blues"): its
 * lightness falls steadily, so it reads the same in greyscale and under the
 * common colour-vision deficiencies.
 */
export const SEQUENTIAL_BLUES: readonly [number, string][] = [
  [0, "#F7FBFF"],
  [0.25, "#C6DBEF"],
  [0.5, "#6BAED6"],
  [0.75, "#2171B5"],
  [1, "#08306B"],
];

/** Options for {@linkcode cooccurrenceFigure}. */
export interface CooccurrenceFigureOptions {
  /**
   * Keep only rows of this article (or group). Rows without either are always kept.
   * @default all rows, summed
   */
  series?: string;
  /**
   * The voice to show, for rows that carry a voice (rows without one are kept).
   * @default "body"
   */
  voice?: Voice;
  /**
   * Names for actor and topic ids.
   * @default the ids in words
   */
  labels?: { actors?: Readonly<Record<string, string>>; topics?: Readonly<Record<string, string>> };
  /**
   * The chart's title.
   * @default "Sentences that name an actor and touch a topic" (plus the article and voice when known)
   */
  title?: string;
}

/**
 * A heatmap: actors down the y axis (most sentences at the top), topics
 * along x (most sentences first), cell colour and printed number the count
 * of sentences, summed over the rows kept. The cells are rectangles drawn
 * as layout shapes and the numbers a text trace, so the figure stays vector
 * in SVG and PDF (plotly's own heatmap trace is an embedded image); empty
 * cells print no number.
 *
 * @param records Co-occurrence rows.
 * @param options Series, voice, labels and title.
 * @returns A plotly figure spec.
 * @throws {TypeError} If a record lacks a field.
 *
 * @example
 * ```ts
 * import { cooccurrenceFigure } from "@framing/toolkit/figures";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const figure = cooccurrenceFigure([
 *   { article: "a", actor: "kremlin", topic: "energy", sentences: 2 },
 *   { article: "b", actor: "kremlin", topic: "energy", sentences: 1 },
 *   { article: "a", actor: "tokayev", topic: "sanctions", sentences: 4 },
 * ]);
 * deepStrictEqual(figure.data[0].x, ["Sanctions", "Energy", "Sanctions", "Energy"]);
 * deepStrictEqual(figure.data[0].y, ["Tokayev", "Tokayev", "Kremlin", "Kremlin"]);
 * deepStrictEqual(figure.data[0].customdata, [4, 0, 0, 3]);
 * ```
 */
export function cooccurrenceFigure(
  records: readonly CooccurrenceRecord[],
  options: CooccurrenceFigureOptions = {},
): PlotlyFigure {
  const name = "cooccurrenceFigure()";
  const voice = checkVoice(options.voice ?? "body", name);
  const all = checkRecords(CooccurrenceRecord, records, name);
  const rows = all.filter((r) =>
    (r.voice === undefined || r.voice === voice) &&
    (options.series === undefined || (r.group ?? r.article ?? options.series) === options.series)
  );
  const sum = (pick: (r: CooccurrenceRecord) => boolean) =>
    rows.filter(pick).reduce((total, r) => total + r.sentences, 0);
  const byTotal = (key: "actor" | "topic") =>
    distinct(rows.map((r) => r[key]))
      .map((id) => ({ id, n: sum((r) => r[key] === id) }))
      .sort((a, b) => b.n - a.n || a.id.localeCompare(b.id))
      .map((e) => e.id);
  const actors = byTotal("actor");
  const topics = byTotal("topic");
  const z = actors.map((actor) =>
    topics.map((topic) => sum((r) => r.actor === actor && r.topic === topic))
  );
  const notes = [
    options.series !== undefined ? options.series : "",
    all.some((r) => r.voice !== undefined) ? `in ${voiceWords(voice)}` : "",
  ].filter((s) => s !== "").join(", ");
  const max = Math.max(1, ...z.flat());
  const xs = topics.map((t) => labelOf(t, options.labels?.topics));
  const ys = actors.map((a) => labelOf(a, options.labels?.actors));
  const cells = actors.flatMap((_, i) => topics.map((_, j) => ({ i, j, n: z[i][j] })));
  const fills = cells.map((c) => interpolate(SEQUENTIAL_BLUES, c.n / max));
  // Cells are rectangles (vector in every format; a plotly heatmap is an embedded image).
  const shapes = cells.map((c, k) => ({
    type: "rect",
    xref: "x",
    yref: "y",
    x0: c.j - 0.5,
    x1: c.j + 0.5,
    y0: c.i - 0.5,
    y1: c.i + 0.5,
    fillcolor: fills[k],
    line: { color: "#FFFFFF", width: 1 },
    layer: "below",
  }));
  return {
    data: [{
      type: "scatter",
      mode: "markers+text",
      name: "Sentences",
      showlegend: false,
      x: cells.map((c) => xs[c.j]),
      y: cells.map((c) => ys[c.i]),
      text: cells.map((c) => (c.n === 0 ? "" : String(c.n))),
      customdata: cells.map((c) => c.n),
      textposition: "middle center",
      textfont: { size: 9, color: fills.map((f) => (lightnessOf(f) < 55 ? "#FFFFFF" : "#222222")) },
      // Invisible markers that carry the colour scale, so that plotly draws a colour bar.
      marker: {
        size: 1,
        opacity: 0,
        color: cells.map((c) => c.n),
        colorscale: SEQUENTIAL_BLUES,
        cmin: 0,
        cmax: max,
        showscale: true,
        colorbar: { title: { text: "Sentences" }, thickness: 10, outlinewidth: 0 },
      },
      hovertemplate: "%{y} and %{x}: %{customdata} sentences<extra></extra>",
    }],
    layout: {
      title: {
        text: options.title ??
          `Sentences that name an actor and touch a topic${notes ? ` (${notes})` : ""}`,
      },
      height: Math.max(220, 130 + actors.length * 24),
      shapes,
      xaxis: {
        title: { text: "Topic" },
        type: "category",
        categoryorder: "array",
        categoryarray: xs,
        range: [-0.5, topics.length - 0.5],
        tickangle: -30,
        showgrid: false,
        zeroline: false,
      },
      yaxis: {
        title: { text: "" },
        type: "category",
        categoryorder: "array",
        categoryarray: ys,
        range: [actors.length - 0.5, -0.5],
        showgrid: false,
        zeroline: false,
      },
    },
  };
}

/** The colour at `t` (0..1) on a colour scale of `[stop, "#RRGGBB"]` pairs. */
function interpolate(scale: readonly [number, string][], t: number): string {
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const k = Math.max(1, scale.findIndex(([stop]) => stop >= t));
  const [s0, c0] = scale[k - 1];
  const [s1, c1] = scale[k];
  const f = s1 === s0 ? 0 : Math.min(1, Math.max(0, (t - s0) / (s1 - s0)));
  const [a, b] = [rgb(c0), rgb(c1)];
  return "#" + a.map((v, i) => Math.round(v + (b[i] - v) * f).toString(16).padStart(2, "0"))
    .join("").toUpperCase();
}

/** CIE L* (0 black .. 100 white) of a #RRGGBB colour. */
function lightnessOf(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const y = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
}
