/**
 * Sentiment toward each actor: one dot per actor and article (or group) with
 * its bootstrap interval, on a scale that diverges around zero.
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
import { mean } from "../stats/mean.ts";

/** The part of an actor-sentiment row that the figure reads. */
export const ActorSentimentRecord = z.object({
  ...SeriesFields,
  actor: z.string(),
  voice: Voice,
  /** Mentions scored. */
  mentions: z.number().int().nonnegative(),
  /** Mean score of the mentions, −1..+1. */
  score: z.number().min(-1).max(1),
  /** Bootstrap interval of the mean, `[low, high]`; absent when the run computed none (no bar drawn). */
  ci: z.tuple([z.number(), z.number()]).optional(),
  /** The stance toward the actor, −1..+1, 0 when no mention evaluates (`actorStance`). */
  stance: z.number().min(-1).max(1).optional(),
  /** Bootstrap interval of the stance, `[low, high]`; absent when the run computed none (no bar drawn). */
  stanceCi: z.tuple([z.number(), z.number()]).optional(),
  /** Mentions that evaluate the actor. */
  evaluating: z.number().int().nonnegative().optional(),
});
/** The part of an actor-sentiment row that the figure reads. */
export type ActorSentimentRecord = z.infer<typeof ActorSentimentRecord>;

/** Options for {@linkcode actorSentimentFigure}. */
export interface ActorSentimentFigureOptions {
  /**
   * Every series of the document in its fixed order (e.g. every article id),
   * so that a series has the same colour, marker and pattern in every figure,
   * even where the series before it have no rows.
   * @default the series in the order first seen
   */
  seriesOrder?: readonly string[];

  /**
   * The voice to show; rows of other voices are left out.
   * @default "body"
   */
  voice?: Voice;
  /**
   * Names for actor ids, e.g. `{ tokayev: "Tokayev" }`.
   * @default the id with the first letter capitalised
   */
  labels?: Readonly<Record<string, string>>;
  /**
   * Leave out rows with fewer mentions than this.
   * @default 1
   */
  minMentions?: number;
  /**
   * What each dot shows: `"stance"`, the article's stance toward the actor
   * built from the mentions that evaluate it (0 = no evaluation found), or
   * `"mean"`, the plain mean over all mentions.
   * @default "stance"
   */
  measure?: "stance" | "mean";
  /**
   * The chart's title.
   * @default "Sentiment toward actors in <voice in words>"
   */
  title?: string;
  /**
   * People's codes of the same article × actor cells (mean over coders;
   * `null` for "cannot tell"). Each coded cell is drawn as an open diamond on
   * a second axis with the codes' scale (top), beside the model's dot, and
   * the model's traces are named so. Actors are then ordered by the codes
   * where there are any.
   * @default none
   */
  codes?: readonly { article?: string; group?: string; actor: string; code: number | null }[];
  /**
   * The codes' scale, `[lowest, highest]`, drawn on the top axis aligned with the model's −1..+1.
   * @default [-2, 2]
   */
  codeScale?: readonly [number, number];
}

/**
 * A dot plot of sentiment toward actors: actors down the y axis (most
 * negative at the bottom, by the mean over series), the stance (or the mean
 * score of the mentions) along an x axis fixed at −1..+1 with a line at zero, horizontal bars for the
 * interval, and one trace per article (or group), each with its own colour
 * and marker symbol.
 *
 * @param records Actor rows, each with `article` or `group`.
 * @param options Voice, labels, minimum mentions and title.
 * @returns A plotly figure spec.
 * @throws {TypeError} If a record lacks a field or has a score outside −1..+1, or lacks
 *   `stance` while `measure` is `"stance"`.
 *
 * @example
 * ```ts
 * import { actorSentimentFigure } from "@framing/toolkit/figures";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const row = (actor: string, voice: "body" | "quote", stance: number, score: number) => ({
 *   article: "a", actor, voice, mentions: 4, evaluating: 2, score, ci: [score - 0.2, score + 0.2] as [number, number],
 *   stance, stanceCi: [stance - 0.3, stance + 0.3] as [number, number],
 * });
 * const rows = [row("kremlin", "body", -0.5, -0.1), row("tokayev", "body", 0.3, 0.05), row("tokayev", "quote", 0.6, 0.6)];
 * const figure = actorSentimentFigure(rows);
 * strictEqual(figure.data.length, 1);
 * deepStrictEqual(figure.data[0].y, ["Kremlin", "Tokayev"]);
 * deepStrictEqual(figure.data[0].x, [-0.5, 0.3]);
 * deepStrictEqual(actorSentimentFigure(rows, { measure: "mean" }).data[0].x, [-0.1, 0.05]);
 * ```
 */
export function actorSentimentFigure(
  records: readonly ActorSentimentRecord[],
  options: ActorSentimentFigureOptions = {},
): PlotlyFigure {
  const name = "actorSentimentFigure()";
  const voice = checkVoice(options.voice ?? "body", name);
  const minMentions = options.minMentions ?? 1;
  const measure = options.measure ?? "stance";
  const rows = checkRecords(ActorSentimentRecord, records, name)
    .filter((r) => r.voice === voice && r.mentions >= minMentions)
    .map((r, i) => {
      if (measure === "mean") return { ...r, value: r.score, interval: r.ci };
      if (r.stance === undefined) {
        throw new TypeError(
          `${name}: record ${i} (${r.actor}) has no "stance": expected rows ` +
            'of an analysis (actorTable), or pass { measure: "mean" }',
        );
      }
      return { ...r, value: r.stance, interval: r.stanceCi };
    });
  // Rows from a run that computed no intervals (analyze --compact): the axis says so.
  const noIntervals = rows.length > 0 && rows.every((r) => r.interval === undefined)
    ? "; no intervals (the run left them out)"
    : "";
  const label = (id: string) => labelOf(id, options.labels);
  const series = orderedSeries(distinct(rows.map((r) => seriesOf(r, name))), options.seriesOrder);
  const [codeLow, codeHigh] = options.codeScale ?? [-2, 2];
  if (!(codeHigh > codeLow)) {
    throw new RangeError(`${name}: codeScale ${JSON.stringify(options.codeScale)} is empty`);
  }
  const codes = (options.codes ?? []).filter((c) => c.code !== null);
  const codeOf = (series: string, actor: string) =>
    codes.find((c) => (c.group ?? c.article) === series && c.actor === actor)?.code ?? undefined;
  // The codes' scale mapped onto −1..+1, for ordering the actors.
  const codeOnModelScale = (v: number) => -1 + 2 * (v - codeLow) / (codeHigh - codeLow);
  // Bottom to top: most negative actor first (plotly draws the first category at the bottom).
  const actors = distinct(rows.map((r) => r.actor))
    .map((actor) => {
      const coded = rows.map((r) => codeOf(seriesOf(r, name), actor)).filter((v) =>
        v !== undefined && v !== null
      ) as number[];
      return {
        actor,
        score: coded.length > 0
          ? mean(coded.map(codeOnModelScale))
          : mean(rows.filter((r) => r.actor === actor).map((r) => r.value)),
      };
    })
    .sort((a, b) => a.score - b.score || a.actor.localeCompare(b.actor))
    .map((a) => a.actor);
  const data = series.map(({ series: s, style: i }) => {
    const style = seriesStyle(i);
    const mine = actors.flatMap((actor) =>
      rows.filter((r) => r.actor === actor && seriesOf(r, name) === s)
    );
    return {
      type: "scatter",
      // Horizontal, so that `scattermode: "group"` sets the series side by side along y.
      orientation: "h",
      mode: "markers",
      name: codes.length > 0 ? `${s}: model` : s,
      legendgroup: s,
      cliponaxis: false,
      x: mine.map((r) => r.value),
      y: mine.map((r) => label(r.actor)),
      customdata: mine.map((r) => [
        r.mentions,
        r.interval ? `[${r.interval[0].toFixed(2)}, ${r.interval[1].toFixed(2)}]` : "(no interval)",
        r.evaluating ?? r.mentions,
      ]),
      // A row without an interval (a compact run without --intervals) has no bar.
      error_x: {
        type: "data",
        visible: mine.some((r) => r.interval !== undefined),
        symmetric: false,
        array: mine.map((r) => r.interval ? Math.max(0, r.interval[1] - r.value) : 0),
        arrayminus: mine.map((r) => r.interval ? Math.max(0, r.value - r.interval[0]) : 0),
        color: style.color,
        thickness: 1.5,
        width: 3,
      },
      marker: { color: style.color, symbol: style.symbol, size: 8, line: { width: 0 } },
      hovertemplate: `${s}<br>%{y}: %{x:.2f} %{customdata[1]}` +
        (measure === "stance"
          ? `<br>%{customdata[2]} of %{customdata[0]} mentions evaluate<extra></extra>`
          : `<br>%{customdata[0]} mentions<extra></extra>`),
    };
  });
  // People's codes: one open diamond per coded cell, on the top axis (the codes' scale).
  const people = codes.length === 0 ? [] : series.map(({ series: s, style: i }) => {
    const style = seriesStyle(i);
    const mine = actors.flatMap((actor) => {
      const code = codeOf(s, actor);
      return code === undefined || code === null ? [] : [{ actor, code }];
    });
    return {
      type: "scatter",
      orientation: "h",
      mode: "markers",
      name: `${s}: people`,
      legendgroup: s,
      xaxis: "x2",
      cliponaxis: false,
      x: mine.map((c) => c.code),
      y: mine.map((c) => label(c.actor)),
      marker: {
        color: style.color,
        symbol: "diamond-open",
        size: 12,
        line: { width: 2, color: style.color },
      },
      hovertemplate: `${s}<br>%{y}: people's code %{x:.2f}<extra></extra>`,
    };
  }).filter((t) => t.x.length > 0);
  const span = (codeHigh - codeLow) / 2;
  const codeAxis = codes.length === 0 ? {} : {
    xaxis2: {
      title: { text: `People's code (${codeLow}..${codeHigh}, open diamonds)` },
      overlaying: "x",
      side: "top",
      range: [codeLow - 0.05 * span, codeHigh + 0.05 * span],
      tickvals: Array.from({ length: Math.floor(codeHigh - codeLow) + 1 }, (_, k) => codeLow + k),
      showgrid: false,
      zeroline: false,
    },
  };
  return {
    data: [...data, ...people],
    layout: {
      ...codeAxis,
      title: {
        text: options.title ??
          (codes.length > 0
            ? `Stance toward actors in ${voiceWords(voice)}: people and model`
            : `Sentiment toward actors in ${voiceWords(voice)}`),
      },
      height: Math.max(220, 110 + actors.length * Math.max(24, 12 * series.length)),
      scattermode: series.length > 1 ? "group" : "overlay",
      xaxis: {
        title: {
          text: codes.length > 0
            ? `Model: ${
              measure === "stance" ? "stance" : "mean sentiment"
            } (−1..+1, filled marks${noIntervals})`
            : measure === "stance"
            ? `Stance from evaluating mentions (−1 negative, 0 none found, +1 positive${noIntervals})`
            : `Mean sentiment of mentions (−1 negative, +1 positive${noIntervals})`,
        },
        range: [-1.05, 1.05],
        tickvals: [-1, -0.5, 0, 0.5, 1],
        ticktext: ["−1", "−0.5", "0", "+0.5", "+1"],
        zeroline: true,
        zerolinecolor: "#444444",
        zerolinewidth: 1,
      },
      yaxis: {
        title: { text: "" },
        type: "category",
        categoryorder: "array",
        categoryarray: actors.map(label),
        showgrid: true,
      },
      legend: { title: { text: seriesTitle(rows) } },
      showlegend: series.length > 1 || codes.length > 0,
    },
  };
}
