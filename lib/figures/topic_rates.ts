/**
 * How often each topic comes up: grouped horizontal bars, one bar per article
 * (or group) for every topic.
 *
 * @module
 */
import { z } from "zod";
import { Voice } from "../voice.ts";
import type { PlotlyFigure } from "./figure.ts";
import { barMarker } from "./theme.ts";
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

/** The part of a topic row that the figure reads. */
export const TopicRateRecord = z.object({
  ...SeriesFields,
  topic: z.string(),
  voice: Voice,
  /** Lexicon hits. */
  hits: z.number().nonnegative(),
  /** Hits per 1,000 word tokens of the voice. */
  per1k: z.number().nonnegative(),
  /** Share of the voice's sentences with at least one hit, 0..1. */
  sentenceShare: z.number().min(0).max(1),
});
/** The part of a topic row that the figure reads. */
export type TopicRateRecord = z.infer<typeof TopicRateRecord>;

/** What a bar's length shows, and the axis title that says so. */
const VALUES = {
  per1k: { title: "Mentions per 1,000 words", format: ".1f", tick: "" },
  sentenceShare: { title: "Share of sentences that mention the topic", format: ".0%", tick: ".0%" },
  hits: { title: "Mentions (count)", format: ",", tick: "," },
} as const;

/** Options for {@linkcode topicRatesFigure}. */
export interface TopicRatesFigureOptions {
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
   * Bar length: hits per 1,000 words, share of sentences, or raw hits.
   * @default "per1k"
   */
  value?: keyof typeof VALUES;
  /**
   * Names for topic ids, e.g. the lexicon's category labels.
   * @default the id in words ("sanctions_transit" → "Sanctions transit")
   */
  labels?: Readonly<Record<string, string>>;
  /**
   * The chart's title.
   * @default "How often topics come up in <voice in words>"
   */
  title?: string;
}

/**
 * Grouped horizontal bars: topics down the y axis (the most frequent at the
 * top), bar length the chosen value, one trace per article (or group), each
 * with its own colour and fill pattern so the bars also part in greyscale.
 *
 * @param records Topic rows, each with `article` or `group`.
 * @param options Voice, value, labels and title.
 * @returns A plotly figure spec.
 * @throws {TypeError} If a record lacks a field.
 *
 * @example
 * ```ts
 * import { topicRatesFigure } from "@framing/toolkit/figures";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const row = (article: string, topic: string, per1k: number) =>
 *   ({ article, topic, voice: "body" as const, hits: 1, per1k, sentenceShare: 0.1 });
 * const figure = topicRatesFigure([row("a", "energy", 2), row("a", "sanctions_transit", 5), row("b", "energy", 1)]);
 * strictEqual(figure.data.length, 2);
 * deepStrictEqual(figure.data[0].y, ["Sanctions transit", "Energy"]);
 * deepStrictEqual(figure.data[1].x, [0, 1]);
 * ```
 */
export function topicRatesFigure(
  records: readonly TopicRateRecord[],
  options: TopicRatesFigureOptions = {},
): PlotlyFigure {
  const name = "topicRatesFigure()";
  const voice = checkVoice(options.voice ?? "body", name);
  const value = options.value ?? "per1k";
  if (!Object.hasOwn(VALUES, value)) {
    throw new RangeError(`${name}: value must be per1k, sentenceShare or hits, got "${value}"`);
  }
  const rows = checkRecords(TopicRateRecord, records, name).filter((r) => r.voice === voice);
  const label = (id: string) => labelOf(id, options.labels);
  const series = orderedSeries(distinct(rows.map((r) => seriesOf(r, name))), options.seriesOrder);
  const total = (topic: string) =>
    rows.filter((r) => r.topic === topic).reduce((sum, r) => sum + r[value], 0);
  // Sorted so that the largest total comes first in the data and ends up at the top.
  const topics = distinct(rows.map((r) => r.topic))
    .sort((a, b) => total(b) - total(a) || a.localeCompare(b));
  const spec = VALUES[value];
  const data = series.map(({ series: s, style: i }) => {
    return {
      type: "bar",
      orientation: "h",
      name: s,
      y: topics.map(label),
      x: topics.map((topic) =>
        rows.filter((r) => r.topic === topic && seriesOf(r, name) === s)
          .reduce((sum, r) => sum + r[value], 0)
      ),
      marker: barMarker(i),
      hovertemplate: `${s}<br>%{y}: %{x:${spec.format}}<extra></extra>`,
    };
  });
  return {
    data,
    layout: {
      title: { text: options.title ?? `How often topics come up in ${voiceWords(voice)}` },
      height: Math.max(220, 110 + topics.length * Math.max(22, 12 * series.length)),
      barmode: "group",
      bargap: 0.25,
      bargroupgap: 0.05,
      xaxis: { title: { text: spec.title }, tickformat: spec.tick, rangemode: "tozero" },
      yaxis: { title: { text: "" }, autorange: "reversed", type: "category" },
      legend: { title: { text: seriesTitle(rows) }, traceorder: "normal" },
      showlegend: series.length > 1,
    },
  };
}
