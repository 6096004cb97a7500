/**
 * The paper theme: figure sizes for one- and two-column layouts, font sizes
 * that stay legible when printed at those sizes, and a series style (colour,
 * marker symbol, line dash, bar pattern) that can be told apart in colour, by
 * readers with colour-vision deficiencies, and in greyscale print.
 *
 * @module
 */
import { FIGURE_FONT, type PlotlyFigure } from "./figure.ts";

/** CSS pixels per inch: plotly and Chromium lay out at 96 px to the inch. */
export const PX_PER_INCH = 96;

/**
 * Figure widths in CSS pixels: a single column of a two-column paper is about
 * 3.5 in wide, a figure across both columns about 7 in.
 *
 * @example
 * ```ts
 * import { FIGURE_WIDTH, PX_PER_INCH } from "./theme.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(FIGURE_WIDTH.single / PX_PER_INCH, 3.5);
 * strictEqual(FIGURE_WIDTH.double, 2 * FIGURE_WIDTH.single);
 * ```
 */
export const FIGURE_WIDTH = { single: 336, double: 672 } as const;

/** A figure width: one column or the full page width. */
export type FigureWidth = keyof typeof FIGURE_WIDTH;

/**
 * Font sizes in CSS pixels for each width. At 96 px to the inch, 9 px is
 * about 6.75 pt, the smallest size journals usually accept in a figure.
 */
export const FONT_SIZE: Readonly<
  Record<FigureWidth, { base: number; title: number; tick: number; legend: number }>
> = {
  single: { base: 10, title: 11, tick: 9, legend: 9 },
  double: { base: 11, title: 13, tick: 10, legend: 10 },
};

/**
 * Series colours: the Okabe–Ito palette (Okabe & Ito 2008), reordered so that
 * the first series differ most in lightness (CIE L*: blue 46, orange 71,
 * black 0, sky blue 70, vermillion 54, green 58, reddish purple 61,
 * yellow 89). Beyond the first three, lightness alone no longer separates
 * the series in greyscale, so every series also gets its own marker symbol,
 * dash and bar pattern ({@linkcode seriesStyle}).
 *
 * @example
 * ```ts
 * import { SERIES_COLORS } from "@framing/toolkit/figures";
 * import { OKABE_ITO } from "@framing/toolkit/figures";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual([...SERIES_COLORS].sort(), [...OKABE_ITO].sort());
 * ```
 */
export const SERIES_COLORS: readonly string[] = [
  "#0072B2",
  "#E69F00",
  "#000000",
  "#56B4E9",
  "#D55E00",
  "#009E73",
  "#CC79A7",
  "#F0E442",
];

/** Plotly marker symbols, one per series, in the order of {@linkcode SERIES_COLORS}. */
export const SERIES_SYMBOLS: readonly string[] = [
  "circle",
  "square",
  "diamond",
  "triangle-up",
  "x",
  "triangle-down",
  "cross",
  "star",
];

/** Plotly line dashes, one per series. */
export const SERIES_DASHES: readonly string[] = [
  "solid",
  "dash",
  "dot",
  "dashdot",
  "longdash",
  "longdashdot",
  "solid",
  "dash",
];

/** Plotly bar fill patterns (`marker.pattern.shape`), one per series; the first is plain. */
export const SERIES_PATTERNS: readonly string[] = ["", "/", ".", "x", "\\", "-", "|", "+"];

/** Neutral grey for reference lines and for points that stand for "not distinctive". */
export const NEUTRAL_GREY = "#999999";

/** How the i-th series is drawn. */
export interface SeriesStyle {
  /** Fill and line colour. */
  color: string;
  /** Marker symbol. */
  symbol: string;
  /** Line dash. */
  dash: string;
  /** Bar fill pattern (`""` for a plain fill). */
  pattern: string;
}

/**
 * The style of the i-th series: colour, symbol, dash and pattern, cycling
 * when there are more series than colours. Two series never share all four
 * unless there are more than eight of them.
 *
 * @param index 0-based series number.
 * @returns The style.
 * @throws {RangeError} If `index` is negative or not an integer.
 *
 * @example
 * ```ts
 * import { seriesStyle } from "@framing/toolkit/figures";
 * import { notStrictEqual, strictEqual } from "node:assert/strict";
 *
 * strictEqual(seriesStyle(0).color, "#0072B2");
 * notStrictEqual(seriesStyle(0).symbol, seriesStyle(1).symbol);
 * ```
 */
export function seriesStyle(index: number): SeriesStyle {
  if (!Number.isInteger(index) || index < 0) {
    throw new RangeError(`Series index must be a non-negative integer, got ${index}`);
  }
  const at = <T>(list: readonly T[]) => list[index % list.length];
  return {
    color: at(SERIES_COLORS),
    symbol: at(SERIES_SYMBOLS),
    dash: at(SERIES_DASHES),
    pattern: at(SERIES_PATTERNS),
  };
}

/**
 * The plotly `marker` of the i-th bar series: its colour, a thin dark
 * outline and its greyscale fill pattern, so that bars part in print. Every
 * bar chart draws its series with this, so a series looks the same in all
 * of them.
 *
 * @param index 0-based series number.
 * @returns A plotly bar `marker` object.
 * @throws {RangeError} If `index` is negative or not an integer.
 *
 * @example
 * ```ts
 * import { barMarker, seriesStyle } from "@framing/toolkit/figures";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(barMarker(1).color, seriesStyle(1).color);
 * strictEqual(barMarker(1).pattern.shape, seriesStyle(1).pattern);
 * ```
 */
export function barMarker(index: number): {
  color: string;
  line: { color: string; width: number };
  pattern: { shape: string; fillmode: string; fgcolor: string; size: number; solidity: number };
} {
  const style = seriesStyle(index);
  return {
    color: style.color,
    line: { color: "#222222", width: 0.5 },
    pattern: {
      shape: style.pattern,
      fillmode: "overlay",
      fgcolor: "#FFFFFF",
      size: 5,
      solidity: 0.3,
    },
  };
}

/** Options for {@linkcode applyTheme}. */
export interface ApplyThemeOptions {
  /**
   * One column (336 px, 3.5 in) or both columns (672 px, 7 in).
   * @default "double"
   */
  width?: FigureWidth;
  /**
   * Height in CSS pixels.
   * @default the figure's own `layout.height`, else 0.75 × width for one column and 0.5 × width for two
   */
  height?: number;
  /**
   * Font family; must be installed where the figure is rendered.
   * @default FIGURE_FONT ("Liberation Sans")
   */
  font?: string;
}

/**
 * Applies the paper theme to a figure: size, font and font sizes, white
 * background, light grid, thin axis lines, the title wrapped to the width
 * at the top left, a horizontal legend under it (shown when more than one
 * trace has a name), and margins that fit them. The figure's own settings win where they are more
 * specific (an axis title, a range, a tick format): the theme only fills in
 * and resizes. Returns a new figure; the input is not changed.
 *
 * @param figure A figure from any builder.
 * @param options Width, height and font.
 * @returns The themed figure, with `layout.width` and `layout.height` set.
 * @throws {RangeError} If `height` is not a positive number.
 *
 * @example
 * ```ts
 * import { applyTheme } from "@framing/toolkit/figures";
 * import { strictEqual } from "node:assert/strict";
 *
 * const figure = { data: [{ type: "bar", x: ["a"], y: [1] }], layout: { xaxis: { title: { text: "Topic" } } } };
 * const themed = applyTheme(figure, { width: "single" });
 * strictEqual(themed.layout.width, 336);
 * strictEqual((themed.layout.font as { family: string }).family, "Liberation Sans");
 * strictEqual((themed.layout.xaxis as { title: { text: string } }).title.text, "Topic");
 * strictEqual(figure.layout.hasOwnProperty("width"), false);
 * ```
 */
export function applyTheme(figure: PlotlyFigure, options: ApplyThemeOptions = {}): PlotlyFigure {
  const width = options.width ?? "double";
  if (!Object.hasOwn(FIGURE_WIDTH, width)) {
    throw new RangeError(`Figure width must be "single" or "double", got "${width}"`);
  }
  const px = FIGURE_WIDTH[width];
  const ownHeight = typeof figure.layout.height === "number" ? figure.layout.height : undefined;
  const height = options.height ?? ownHeight ??
    Math.round(width === "single" ? px * 0.75 : px * 0.5);
  if (!(height > 0) || !Number.isFinite(height)) {
    throw new RangeError(`Figure height must be a positive number of pixels, got ${height}`);
  }
  const sizes = FONT_SIZE[width];
  const family = options.font ?? FIGURE_FONT;
  const axis = {
    showline: true,
    linecolor: "#444444",
    linewidth: 1,
    ticks: "outside",
    ticklen: 3,
    tickcolor: "#444444",
    gridcolor: "#E5E5E5",
    zerolinecolor: "#BBBBBB",
    tickfont: { size: sizes.tick },
    title: { font: { size: sizes.base } },
    automargin: true,
  };
  const titleText = titleOf(figure.layout.title);
  const titleLines = titleText === undefined
    ? []
    : wrapText(titleText, px - 16, sizes.title * CHAR_WIDTH);
  const titleHeight = titleLines.length > 0 ? 10 + titleLines.length * sizes.title * 1.3 : 0;
  const entries = legendEntries(figure);
  const showLegend = typeof figure.layout.showlegend === "boolean"
    ? figure.layout.showlegend
    : entries.length > 1;
  const legendTitle = titleOf((figure.layout.legend as { title?: unknown } | undefined)?.title);
  const legendRows = showLegend ? legendRowCount(entries, px - 16, sizes.legend) : 0;
  const legendHeight = (legendRows + (legendTitle === undefined ? 0 : 1)) * sizes.legend * 2;
  const top = Math.ceil(titleHeight + (showLegend ? legendHeight + 6 : 0) + 10);
  const theme: Record<string, unknown> = {
    width: px,
    height,
    font: { family, size: sizes.base, color: "#222222" },
    title: {
      font: { size: sizes.title },
      x: 0,
      xref: "container",
      xanchor: "left",
      // Plotly anchors a multi-line title by its first line: move it down by the extra lines.
      y: 1 - (6 + Math.max(0, titleLines.length - 1) * sizes.title * 1.3) / height,
      yref: "container",
      yanchor: "top",
      pad: { l: 8 },
    },
    paper_bgcolor: "#FFFFFF",
    plot_bgcolor: "#FFFFFF",
    showlegend: showLegend,
    legend: {
      orientation: "h",
      x: 4 / px,
      xref: "container",
      xanchor: "left",
      y: 1 - (titleHeight + 4) / height,
      yref: "container",
      yanchor: "top",
      font: { size: sizes.legend },
      title: { font: { size: sizes.legend }, side: "top left" },
      itemwidth: 30,
      tracegroupgap: 0,
    },
    // The bottom margin holds tick labels and the x-axis title; automargin widens it if needed.
    margin: {
      t: top,
      r: width === "single" ? 20 : 24,
      b: width === "single" ? 44 : 50,
      l: 10,
      pad: 0,
    },
    hoverlabel: { font: { family } },
  };
  // The theme sets the margins; a plain-string title becomes `{text}` so that it merges.
  const { margin: _margin, ...own } = figure.layout;
  if (typeof own.title === "string") own.title = { text: own.title };
  const layout: Record<string, unknown> = merge(theme, own);
  layout.width = px;
  layout.height = height;
  layout.showlegend = showLegend;
  if (titleText !== undefined) {
    layout.title = { ...(layout.title as object), text: titleLines.join("<br>") };
  }
  // Every axis the figure uses (xaxis, xaxis2, yaxis, ...) gets the axis style.
  for (const key of Object.keys(layout)) {
    if (/^[xy]axis\d*$/.test(key)) layout[key] = merge(axis, layout[key]);
  }
  for (const key of ["xaxis", "yaxis"]) {
    if (!(key in layout)) layout[key] = structuredClone(axis);
  }
  const coloraxisFont = { tickfont: { size: sizes.tick }, title: { font: { size: sizes.base } } };
  const data = figure.data.map((trace) => {
    const out: Record<string, unknown> = { ...trace };
    if (isPlain(trace.colorbar)) out.colorbar = merge(coloraxisFont, trace.colorbar);
    const marker = trace.marker;
    if (isPlain(marker) && isPlain(marker.colorbar)) {
      out.marker = { ...marker, colorbar: merge(coloraxisFont, marker.colorbar) };
    }
    return out;
  });
  return { ...figure, data, layout };
}

/** Average advance of a Liberation Sans character, as a share of the font size. */
const CHAR_WIDTH = 0.55;

/** The text of a plotly title, given as a string or as `{text}`. */
function titleOf(title: unknown): string | undefined {
  const text = typeof title === "string" ? title : (title as { text?: unknown } | undefined)?.text;
  return typeof text === "string" && text !== "" ? text : undefined;
}

/**
 * Breaks text into lines of at most `width` pixels (estimated from the
 * average character width), at spaces; keeps existing `<br>` breaks. A word
 * longer than a line gets a line of its own.
 *
 * @param text The text.
 * @param width Line width in pixels.
 * @param charWidth Average character advance in pixels.
 * @returns The lines.
 *
 * @example
 * ```ts
 * import { wrapText } from "./theme.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(wrapText("Sentiment toward actors in quoted speech", 130, 5), [
 *   "Sentiment toward actors in", "quoted speech",
 * ]);
 * deepStrictEqual(wrapText("a<br>b", 100, 5), ["a", "b"]);
 * ```
 */
export function wrapText(text: string, width: number, charWidth: number): string[] {
  const max = Math.max(8, Math.floor(width / charWidth));
  return text.split(/<br\s*\/?>/i).flatMap((paragraph) => {
    const lines: string[] = [];
    let line = "";
    for (const word of paragraph.split(" ")) {
      if (line !== "" && line.length + 1 + word.length > max) {
        lines.push(line);
        line = word;
      } else {
        line = line === "" ? word : `${line} ${word}`;
      }
    }
    lines.push(line);
    return lines;
  });
}

/** Names of the traces that show in the legend. */
function legendEntries(figure: PlotlyFigure): string[] {
  return figure.data
    .filter((t) => t.showlegend !== false && typeof t.name === "string" && t.type !== "heatmap")
    .map((t) => t.name as string);
}

/** Rows a horizontal legend's items need, packed greedily (the title goes on a row above). */
function legendRowCount(
  entries: readonly string[],
  width: number,
  size: number,
): number {
  let rows = 1;
  let used = 0;
  for (const entry of entries) {
    const item = 40 + entry.length * size * CHAR_WIDTH;
    if (used > 0 && used + item > width) {
      rows++;
      used = 0;
    }
    used += item;
  }
  return rows;
}

/** Deep merge of plain objects: `over` wins; arrays and other values are replaced. */
function merge<T>(base: T, over: unknown): T {
  if (!isPlain(base) || !isPlain(over)) return structuredClone((over ?? base) as T);
  const out: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(over)) {
    out[key] = key in out ? merge(out[key], value) : structuredClone(value);
  }
  return out as T;
}

function isPlain(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
