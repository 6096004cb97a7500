/**
 * Keyness: which words set one group of texts apart from another, plotted as
 * frequency against the log-odds z-score (Monroe, Colaresi & Quinn 2008,
 * "Fightin' Words", Political Analysis 16(4)).
 *
 * @module
 */
import { z } from "zod";
import { Voice } from "../voice.ts";
import type { PlotlyFigure } from "./figure.ts";
import { NEUTRAL_GREY, seriesStyle } from "./theme.ts";
import { checkRecords, checkVoice, voiceWords } from "./_records.ts";

/** The part of a keyness row that the figure reads. */
export const KeynessRecord = z.object({
  term: z.string(),
  /** Occurrences in group A. */
  countA: z.number().nonnegative(),
  /** Occurrences in group B. */
  countB: z.number().nonnegative(),
  /** Log-odds z-score: positive means more typical of group A. */
  z: z.number(),
  groupA: z.string(),
  groupB: z.string(),
  /** The voice the counts come from, when the rows say so. */
  voice: Voice.optional(),
});
/** The part of a keyness row that the figure reads. */
export type KeynessRecord = z.infer<typeof KeynessRecord>;

/** Options for {@linkcode keynessFigure}. */
export interface KeynessFigureOptions {
  /**
   * The voice to show, for rows that carry a voice (rows without one are kept).
   * @default "body"
   */
  voice?: Voice;
  /**
   * |z| at or above which a word counts as distinctive (1.96: p < 0.05, two-sided, unadjusted).
   * @default 1.96
   */
  threshold?: number;
  /**
   * How many of the most distinctive words on each side get a text label.
   * A word whose point lies close to an already labelled one (within 0.1 of
   * a decade of frequency and 0.35 of z) is passed over, so labels overlap less.
   * @default 8
   */
  labelTop?: number;
  /**
   * The chart's title.
   * @default "Words that set <A> apart from <B>" (and the voice, when rows carry one)
   */
  title?: string;
}

/**
 * A scatter of words: total frequency (countA + countB) on a log x axis,
 * z-score on y, dotted lines at ±threshold. Three traces: words typical of A
 * (upward triangles), of B (downward triangles), and the rest (small grey
 * dots). The `labelTop` most distinctive words on each side are labelled.
 *
 * @param records Keyness rows for one pair of groups.
 * @param options Voice, threshold, labels and title.
 * @returns A plotly figure spec.
 * @throws {TypeError} If a record lacks a field, or the rows compare more than one pair of groups.
 *
 * @example
 * ```ts
 * import { keynessFigure } from "@framing/toolkit/figures";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const row = (term: string, countA: number, countB: number, z: number) =>
 *   ({ term, countA, countB, g2: 0, z, groupA: "outlet A", groupB: "outlet B" });
 * const figure = keynessFigure([row("sanctions", 9, 1, 2.5), row("the", 50, 48, 0.1), row("west", 0, 6, -2.2)]);
 * deepStrictEqual(figure.data.map((t) => t.name), ["More in outlet A", "More in outlet B", "Not distinctive"]);
 * deepStrictEqual(figure.data[0].x, [10]);
 * strictEqual((figure.layout.xaxis as { type: string }).type, "log");
 * ```
 */
export function keynessFigure(
  records: readonly KeynessRecord[],
  options: KeynessFigureOptions = {},
): PlotlyFigure {
  const name = "keynessFigure()";
  const voice = checkVoice(options.voice ?? "body", name);
  const threshold = options.threshold ?? 1.96;
  const labelTop = options.labelTop ?? 8;
  if (!(threshold >= 0)) throw new RangeError(`${name}: threshold must be ≥ 0, got ${threshold}`);
  const all = checkRecords(KeynessRecord, records, name);
  const rows = all.filter((r) => r.voice === undefined || r.voice === voice);
  const pairs = new Set(rows.map((r) => JSON.stringify([r.groupA, r.groupB])));
  if (pairs.size > 1) {
    throw new TypeError(
      `${name}: expected rows for one pair of groups, got ${[...pairs].join(", ")}`,
    );
  }
  const [groupA, groupB] = rows.length > 0 ? [rows[0].groupA, rows[0].groupB] : ["A", "B"];
  const sideA = rows.filter((r) => r.z >= threshold).sort((a, b) => b.z - a.z);
  const sideB = rows.filter((r) => r.z <= -threshold).sort((a, b) => a.z - b.z);
  const rest = rows.filter((r) => Math.abs(r.z) < threshold);
  const trace = (
    points: KeynessRecord[],
    traceName: string,
    marker: Record<string, unknown>,
    labelled: number,
    textposition: string,
  ) => ({
    type: "scatter",
    mode: labelled > 0 ? "markers+text" : "markers",
    name: traceName,
    x: points.map((r) => r.countA + r.countB),
    y: points.map((r) => r.z),
    text: labelsFor(points, labelled),
    customdata: points.map((r) => [r.term, r.countA, r.countB]),
    textposition,
    textfont: { size: 9 },
    cliponaxis: false,
    marker,
    hovertemplate:
      `%{customdata[0]}<br>${groupA}: %{customdata[1]}, ${groupB}: %{customdata[2]}<br>z = %{y:.2f}<extra></extra>`,
  });
  const a = seriesStyle(0).color;
  const b = seriesStyle(1).color;
  const data = [
    trace(
      sideA,
      `More in ${groupA}`,
      { color: a, symbol: "triangle-up", size: 8 },
      labelTop,
      "top center",
    ),
    trace(
      sideB,
      `More in ${groupB}`,
      { color: b, symbol: "triangle-down", size: 8 },
      labelTop,
      "bottom center",
    ),
    trace(
      rest,
      "Not distinctive",
      { color: NEUTRAL_GREY, symbol: "circle", size: 4, opacity: 0.6 },
      0,
      "top center",
    ),
  ];
  const voiceNote = all.some((r) => r.voice !== undefined) ? ` in ${voiceWords(voice)}` : "";
  const line = (y: number) => ({
    type: "line",
    xref: "paper",
    yref: "y",
    x0: 0,
    x1: 1,
    y0: y,
    y1: y,
    line: { color: "#777777", width: 1, dash: "dot" },
    layer: "below",
  });
  return {
    data,
    layout: {
      title: { text: options.title ?? `Words that set ${groupA} apart from ${groupB}${voiceNote}` },
      height: 420,
      xaxis: {
        title: { text: "Occurrences in both groups (log scale)" },
        type: "log",
        tickvals: logTicks(rows.map((r) => r.countA + r.countB)),
      },
      yaxis: {
        title: { text: `Log-odds z-score<br>(+ more in ${groupA}, − more in ${groupB})` },
        zeroline: true,
      },
      legend: { title: { text: "" } },
      shapes: [line(threshold), line(-threshold)],
    },
  };
}

/** Labels for the first `limit` points (most distinctive first) that are not crowded by a labelled one. */
function labelsFor(points: readonly KeynessRecord[], limit: number): string[] {
  const placed: { x: number; z: number }[] = [];
  return points.map((r) => {
    const x = Math.log10(Math.max(1, r.countA + r.countB));
    const crowded = placed.some((p) => Math.abs(p.x - x) < 0.1 && Math.abs(p.z - r.z) < 0.35);
    if (placed.length >= limit || crowded) return "";
    placed.push({ x, z: r.z });
    return r.term;
  });
}

/**
 * Ticks for a log axis: 1, 2 and 5 times each power of ten that the values
 * span, plus one tick on either side.
 *
 * @param values Positive values.
 * @returns Tick values, ascending.
 *
 * @example
 * ```ts
 * import { logTicks } from "@framing/toolkit/figures";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(logTicks([7, 80]), [5, 10, 20, 50, 100]);
 * ```
 */
export function logTicks(values: readonly number[]): number[] {
  const positive = values.filter((v) => v > 0);
  if (positive.length === 0) return [1, 10, 100];
  const low = Math.min(...positive);
  const high = Math.max(...positive);
  const ticks: number[] = [];
  for (let power = Math.floor(Math.log10(low)); power <= Math.ceil(Math.log10(high)); power++) {
    for (const step of [1, 2, 5]) ticks.push(step * 10 ** power);
  }
  const below = ticks.filter((t) => t <= low).at(-1) ?? ticks[0];
  const above = ticks.find((t) => t >= high) ?? ticks.at(-1)!;
  return ticks.filter((t) => t >= below && t <= above);
}
