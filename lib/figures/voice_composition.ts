/**
 * How much of each article each voice holds: tidy records from an analysis,
 * and a grouped bar chart of them.
 *
 * @module
 */
import { z } from "zod";
import { Voice } from "../voice.ts";
import { FIGURE_FONT, type PlotlyFigure } from "./figure.ts";
import { barMarker } from "./theme.ts";
import { orderedSeries } from "./_records.ts";

/**
 * Characters of one voice in one article.
 *
 * @example
 * ```ts
 * import { VoiceComposition } from "@framing/toolkit/figures";
 * import { strictEqual } from "node:assert/strict";
 *
 * const row = { article: "a", voice: "quote", chars: 30, share: 0.2 };
 * strictEqual(VoiceComposition.safeParse(row).success, true);
 * strictEqual(VoiceComposition.safeParse({ ...row, voice: "author" }).success, false);
 * ```
 */
export const VoiceComposition = z.object({
  /** The article's id. */
  article: z.string(),
  voice: Voice,
  /** UTF-16 code units in the voice's segments (whitespace included). */
  chars: z.number().int().nonnegative(),
  /** `chars` over the article's length; 0 for an empty article. */
  share: z.number().min(0).max(1),
});
/** Characters of one voice in one article. */
export type VoiceComposition = z.infer<typeof VoiceComposition>;

/** The part of an analysis document that {@linkcode voiceComposition} reads. */
export interface VoiceSizedArticles {
  articles: readonly {
    id: string;
    /** The article's length in UTF-16 code units. */
    length: number;
    /** The voice sizes the analysis computed once (`voiceSummaries`). */
    voices: readonly { voice: Voice; chars: number }[];
  }[];
}

/**
 * Characters per voice per article, one record for every article and every
 * voice (zero where the voice is absent), voices in {@linkcode Voice} order.
 * The sizes are the analysis's own (`article.voices`), computed once when
 * the article was analysed; the share is over the article's length.
 *
 * @param analysis An analysis document, or anything with articles and their voice sizes.
 * @returns Tidy records.
 *
 * @example
 * ```ts
 * import { voiceComposition } from "@framing/toolkit/figures";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const rows = voiceComposition({
 *   articles: [{ id: "a", length: 40, voices: [
 *     { voice: "title", chars: 10 },
 *     { voice: "body", chars: 30 },
 *   ] }],
 * });
 * deepStrictEqual(rows.find((r) => r.voice === "body"), {
 *   article: "a", voice: "body", chars: 30, share: 0.75,
 * });
 * deepStrictEqual(rows.map((r) => r.voice), ["title", "meta", "body", "quote", "comment", "boilerplate"]);
 * ```
 */
export function voiceComposition(analysis: VoiceSizedArticles): VoiceComposition[] {
  return analysis.articles.flatMap((article) => {
    const chars = new Map<Voice, number>(Voice.options.map((v) => [v, 0]));
    for (const v of article.voices) chars.set(v.voice, (chars.get(v.voice) ?? 0) + v.chars);
    return Voice.options.map((voice) => {
      const n = chars.get(voice) ?? 0;
      return {
        article: article.id,
        voice,
        chars: n,
        share: article.length === 0 ? 0 : Math.min(1, n / article.length),
      };
    });
  });
}

/** Options for {@linkcode voiceCompositionFigure}. */
export interface VoiceCompositionFigureOptions {
  /**
   * Every series of the document in its fixed order (e.g. every article id),
   * so that a series has the same colour, marker and pattern in every figure,
   * even where the series before it have no rows.
   * @default the series in the order first seen
   */
  seriesOrder?: readonly string[];

  /**
   * Bar height: characters, or the share of the article.
   * @default "chars"
   */
  value?: "chars" | "share";
  /**
   * The chart's title.
   * @default "Characters per voice, by article" (or "Share of each article by voice")
   */
  title?: string;
  /**
   * Leave out voices whose bars are all zero.
   * @default true
   */
  dropEmpty?: boolean;
}

/**
 * A grouped bar chart: voices along the x axis, one bar per article in the
 * article's series style ({@linkcode seriesStyle}: the same colour and
 * greyscale fill pattern as in every other figure), Liberation Sans text.
 *
 * @param records Records from {@linkcode voiceComposition}.
 * @param options Which value, the title, and whether to drop empty voices.
 * @returns A plotly figure spec.
 *
 * @example
 * ```ts
 * import { voiceComposition, voiceCompositionFigure } from "@framing/toolkit/figures";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const records = voiceComposition({ articles: [
 *   { id: "a", length: 10, voices: [{ voice: "body", chars: 8 }, { voice: "quote", chars: 2 }] },
 *   { id: "b", length: 5, voices: [{ voice: "body", chars: 5 }] },
 * ] });
 * const figure = voiceCompositionFigure(records);
 * strictEqual(figure.data.length, 2);
 * deepStrictEqual(figure.data[0].x, ["body", "quote"]);
 * deepStrictEqual(figure.data[1].y, [5, 0]);
 * ```
 */
export function voiceCompositionFigure(
  records: readonly VoiceComposition[],
  options: VoiceCompositionFigureOptions = {},
): PlotlyFigure {
  const value = options.value ?? "chars";
  const dropEmpty = options.dropEmpty ?? true;
  const articles = orderedSeries([...new Set(records.map((r) => r.article))], options.seriesOrder);
  const voices = Voice.options.filter((voice) =>
    records.some((r) => r.voice === voice && (!dropEmpty || r.chars > 0))
  );
  const data = articles.map(({ series: article, style: i }) => {
    return {
      type: "bar",
      name: article,
      x: voices,
      y: voices.map((voice) =>
        records.filter((r) => r.article === article && r.voice === voice)
          .reduce((sum, r) => sum + r[value], 0)
      ),
      marker: barMarker(i),
      hovertemplate: value === "chars"
        ? `${article}<br>%{x}: %{y:,} characters<extra></extra>`
        : `${article}<br>%{x}: %{y:.1%} of the article<extra></extra>`,
    };
  });
  const title = options.title ??
    (value === "chars" ? "Characters per voice, by article" : "Share of each article by voice");
  return {
    data,
    layout: {
      title: { text: title },
      barmode: "group",
      font: { family: FIGURE_FONT, size: 14 },
      xaxis: { title: { text: "Voice" } },
      yaxis: {
        title: { text: value === "chars" ? "Characters" : "Share of the article" },
        tickformat: value === "chars" ? "," : ".0%",
        rangemode: "tozero",
      },
      legend: { title: { text: "Article" } },
      margin: { t: 60, r: 20, b: 60, l: 70 },
    },
  };
}
