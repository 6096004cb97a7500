import { deepStrictEqual, notStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { actorSentimentFigure } from "../lib/figures/actor_sentiment.ts";
import { topicRatesFigure } from "../lib/figures/topic_rates.ts";
import { stanceProfileFigure } from "../lib/figures/stance_profile.ts";
import { keynessFigure, logTicks } from "../lib/figures/keyness.ts";
import { movingAverage, sentimentArcFigure } from "../lib/figures/sentiment_arc.ts";
import { cooccurrenceFigure } from "../lib/figures/cooccurrence.ts";
import { PlotlyFigure } from "../lib/figures/figure.ts";
import {
  applyTheme,
  FIGURE_WIDTH,
  SERIES_COLORS,
  SERIES_DASHES,
  SERIES_PATTERNS,
  SERIES_SYMBOLS,
  seriesStyle,
  wrapText,
} from "../lib/figures/theme.ts";

type Layout = Record<string, unknown>;
const axisTitle = (figure: PlotlyFigure, axis: "xaxis" | "yaxis") =>
  ((figure.layout[axis] as Layout).title as { text: string }).text;
const title = (figure: PlotlyFigure) => (figure.layout.title as { text: string }).text;

/** CIE L* of a #RRGGBB colour: the lightness it prints at in greyscale. */
function lightness(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const y = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
}

const actorRows = [
  { article: "a", actor: "kremlin", voice: "body", mentions: 4, score: -0.4, ci: [-0.7, -0.1] },
  { article: "a", actor: "tokayev", voice: "body", mentions: 6, score: 0.2, ci: [0, 0.4] },
  { article: "b", actor: "kremlin", voice: "body", mentions: 2, score: -0.6, ci: [-0.9, -0.2] },
  { article: "b", actor: "tokayev", voice: "quote", mentions: 3, score: 0.8, ci: [0.6, 1] },
] as const satisfies readonly Record<string, unknown>[];

Deno.test("actorSentimentFigure() draws one dot trace per article with asymmetric intervals", () => {
  const figure = actorSentimentFigure(actorRows.map((r) => ({ ...r, ci: [...r.ci] })), {
    measure: "mean",
  });
  PlotlyFigure.parse(figure);
  deepStrictEqual(figure.data.map((t) => t.name), ["a", "b"]);
  deepStrictEqual(figure.data[0].y, ["Kremlin", "Tokayev"]);
  deepStrictEqual(figure.data[1].x, [-0.6]);
  const error = figure.data[0].error_x as { array: number[]; arrayminus: number[] };
  deepStrictEqual(error.array.map((v) => +v.toFixed(6)), [0.3, 0.2]);
  deepStrictEqual(error.arrayminus.map((v) => +v.toFixed(6)), [0.3, 0.2]);
  // Most negative actor first, i.e. at the bottom.
  deepStrictEqual((figure.layout.yaxis as Layout).categoryarray, ["Kremlin", "Tokayev"]);
  deepStrictEqual((figure.layout.xaxis as Layout).range, [-1.05, 1.05]);
  strictEqual((figure.layout.xaxis as Layout).zeroline, true);
  ok(axisTitle(figure, "xaxis").startsWith("Mean sentiment"));
  ok(title(figure).includes("author's text (body)"));
  notStrictEqual(
    (figure.data[0].marker as Layout).symbol,
    (figure.data[1].marker as Layout).symbol,
  );
});

Deno.test("actorSentimentFigure() filters by voice and says so in the title", () => {
  const figure = actorSentimentFigure(actorRows.map((r) => ({ ...r, ci: [...r.ci] })), {
    measure: "mean",
    voice: "quote",
    labels: { tokayev: "President Tokayev" },
  });
  strictEqual(figure.data.length, 1);
  deepStrictEqual(figure.data[0].y, ["President Tokayev"]);
  ok(title(figure).includes("quoted speech (quote)"));
  strictEqual(figure.layout.showlegend, false);
});

Deno.test("actorSentimentFigure() shows the stance by default, with its interval and evaluating count", () => {
  const rows = actorRows.map((r, i) => ({
    ...r,
    ci: [...r.ci] as [number, number],
    stance: i === 0 ? -0.5 : 0,
    stanceCi: (i === 0 ? [-0.8, -0.2] : [0, 0]) as [number, number],
    evaluating: i === 0 ? 3 : 0,
  }));
  const figure = actorSentimentFigure(rows);
  deepStrictEqual(figure.data[0].x, [-0.5, 0]);
  const error = figure.data[0].error_x as { array: number[]; arrayminus: number[] };
  deepStrictEqual(error.array.map((v) => +v.toFixed(6)), [0.3, 0]);
  ok(axisTitle(figure, "xaxis").startsWith("Stance"));
  ok(String(figure.data[0].hovertemplate).includes("evaluate"));
  throws(() => actorSentimentFigure(actorRows.map((r) => ({ ...r, ci: [...r.ci] }))), /stance/);
});

Deno.test("actorSentimentFigure() draws rows without intervals (a compact run) with no bars, and says so", () => {
  const rows = actorRows.map(({ ci: _, ...r }, i) => ({ ...r, stance: i === 0 ? -0.5 : 0.1 }));
  const figure = actorSentimentFigure(rows);
  PlotlyFigure.parse(figure);
  deepStrictEqual(figure.data[0].x, [-0.5, 0.1]);
  const error = figure.data[0].error_x as { visible: boolean; array: number[] };
  strictEqual(error.visible, false);
  ok(axisTitle(figure, "xaxis").includes("no intervals"), axisTitle(figure, "xaxis"));
  ok((figure.data[0].customdata as unknown[][]).every((d) => d[1] === "(no interval)"));
  // With intervals, neither.
  const withCi = actorSentimentFigure(actorRows.map((r) => ({ ...r, ci: [...r.ci] })), {
    measure: "mean",
  });
  strictEqual((withCi.data[0].error_x as { visible: boolean }).visible, true);
  ok(!axisTitle(withCi, "xaxis").includes("no intervals"));
});

Deno.test("actorSentimentFigure() rejects a score outside −1..+1 and a record without article", () => {
  throws(
    () => actorSentimentFigure([{ ...actorRows[0], ci: [0, 1], score: 1.5 }]),
    (e: Error) => e instanceof TypeError && /record 0\.score/.test(e.message),
  );
  throws(
    () =>
      actorSentimentFigure([{ ...actorRows[0], ci: [0, 1], article: undefined }], {
        measure: "mean",
      }),
    /"article" or "group"/,
  );
  throws(() => actorSentimentFigure([], { voice: "speech" as "body" }), RangeError);
});

const topicRows = [
  { article: "a", topic: "energy", voice: "body", hits: 2, per1k: 2, sentenceShare: 0.1 },
  {
    article: "a",
    topic: "sanctions_transit",
    voice: "body",
    hits: 5,
    per1k: 5,
    sentenceShare: 0.3,
  },
  { article: "b", topic: "energy", voice: "body", hits: 1, per1k: 1.5, sentenceShare: 0.05 },
  { article: "b", topic: "energy", voice: "comment", hits: 9, per1k: 9, sentenceShare: 0.9 },
] as const;

Deno.test("topicRatesFigure() groups horizontal bars by topic with one patterned trace per article", () => {
  const figure = topicRatesFigure([...topicRows], { labels: { energy: "Energy and oil" } });
  strictEqual(figure.layout.barmode, "group");
  deepStrictEqual(figure.data.map((t) => [t.type, t.orientation, t.name]), [
    ["bar", "h", "a"],
    ["bar", "h", "b"],
  ]);
  deepStrictEqual(figure.data[0].y, ["Sanctions transit", "Energy and oil"]);
  deepStrictEqual(figure.data[1].x, [0, 1.5]);
  strictEqual(axisTitle(figure, "xaxis"), "Mentions per 1,000 words");
  notStrictEqual(
    (figure.data[0].marker as { pattern: { shape: string } }).pattern.shape,
    (figure.data[1].marker as { pattern: { shape: string } }).pattern.shape,
  );
});

Deno.test("topicRatesFigure() shows the share of sentences and filters by voice", () => {
  const figure = topicRatesFigure([...topicRows], { value: "sentenceShare", voice: "comment" });
  strictEqual(figure.data.length, 1);
  deepStrictEqual(figure.data[0].x, [0.9]);
  strictEqual((figure.layout.xaxis as Layout).tickformat, ".0%");
  ok(axisTitle(figure, "xaxis").includes("Share of sentences"));
  ok(title(figure).includes("reader comments (comment)"));
  throws(() => topicRatesFigure([], { value: "rate" as "hits" }), RangeError);
});

Deno.test("topicRatesFigure() labels the legend 'Group' for grouped records", () => {
  const figure = topicRatesFigure([
    {
      group: "Russian outlets",
      topic: "energy",
      voice: "body",
      hits: 1,
      per1k: 1,
      sentenceShare: 0,
    },
  ]);
  strictEqual(figure.data[0].name, "Russian outlets");
  strictEqual(((figure.layout.legend as Layout).title as { text: string }).text, "Group");
});

Deno.test("stanceProfileFigure() keeps the category order and sums per article", () => {
  const figure = stanceProfileFigure([
    { article: "a", category: "hedge", voice: "body", hits: 3, per1k: 4.5 },
    { article: "a", category: "booster", voice: "body", hits: 1, per1k: 1.5 },
    { article: "b", category: "hedge", voice: "body", hits: 1, per1k: 2 },
    { article: "b", category: "hedge", voice: "quote", hits: 8, per1k: 20 },
  ], { order: ["booster", "missing"], labels: { hedge: "Hedges" } });
  deepStrictEqual(figure.data.map((t) => t.name), ["a", "b"]);
  deepStrictEqual(figure.data[0].y, ["Booster", "Hedges"]);
  deepStrictEqual(figure.data[1].x, [0, 2]);
  strictEqual(axisTitle(figure, "xaxis"), "Markers per 1,000 words");
  strictEqual(figure.layout.scattermode, "group");
});

const keynessRows = [
  { term: "sanctions", countA: 9, countB: 1, g2: 5, z: 2.5, groupA: "A", groupB: "B" },
  { term: "transit", countA: 5, countB: 1, g2: 3, z: 2.0, groupA: "A", groupB: "B" },
  { term: "the", countA: 50, countB: 48, g2: 0, z: 0.1, groupA: "A", groupB: "B" },
  { term: "west", countA: 0, countB: 6, g2: 4, z: -2.2, groupA: "A", groupB: "B" },
];

Deno.test("keynessFigure() splits words at the threshold and plots frequency against z", () => {
  const figure = keynessFigure(keynessRows, { labelTop: 1 });
  deepStrictEqual(figure.data.map((t) => t.name), ["More in A", "More in B", "Not distinctive"]);
  deepStrictEqual(figure.data[0].x, [10, 6]);
  deepStrictEqual(figure.data[0].y, [2.5, 2.0]);
  deepStrictEqual(figure.data[0].text, ["sanctions", ""]);
  deepStrictEqual(figure.data[2].text, [""]);
  strictEqual((figure.layout.xaxis as Layout).type, "log");
  ok(axisTitle(figure, "yaxis").startsWith("Log-odds z-score"));
  const lines = (figure.layout.shapes as { y0: number }[]).map((s) => s.y0);
  deepStrictEqual(lines, [1.96, -1.96]);
  // No voice on the rows: the title does not claim one.
  ok(!title(figure).includes("body"));
});

Deno.test("keynessFigure() skips labels that would sit on top of one another", () => {
  const row = (term: string, countA: number, z: number) => ({
    term,
    countA,
    countB: 0,
    g2: 0,
    z,
    groupA: "A",
    groupB: "B",
  });
  const figure = keynessFigure([row("a", 10, 3), row("b", 11, 2.9), row("c", 100, 2.8)], {
    labelTop: 2,
  });
  deepStrictEqual(figure.data[0].text, ["a", "", "c"]);
});

Deno.test("keynessFigure() moves words with a higher threshold and rejects mixed pairs", () => {
  const figure = keynessFigure(keynessRows, { threshold: 2.3 });
  deepStrictEqual(figure.data[0].y, [2.5]);
  strictEqual((figure.data[2].x as number[]).length, 3);
  throws(
    () => keynessFigure([...keynessRows, { ...keynessRows[0], groupB: "C" }]),
    /one pair of groups/,
  );
});

Deno.test("keynessFigure() filters rows that carry a voice", () => {
  const rows = [
    { ...keynessRows[0], voice: "body" as const },
    { ...keynessRows[3], voice: "quote" as const },
  ];
  const figure = keynessFigure(rows, { voice: "quote" });
  deepStrictEqual(figure.data.map((t) => (t.x as number[]).length), [0, 1, 0]);
  ok(title(figure).includes("quoted speech"));
});

Deno.test("logTicks() spans the data with 1-2-5 steps", () => {
  deepStrictEqual(logTicks([3, 400]), [2, 5, 10, 20, 50, 100, 200, 500]);
  deepStrictEqual(logTicks([]), [1, 10, 100]);
});

const arcRows = [
  ...[0, 1, 2, 3].map((index) => ({
    article: "a",
    index,
    position: index / 3,
    sentiment: [1, -1, 1, -1][index],
    voice: "body" as const,
  })),
  { article: "b", index: 1, position: 1, sentiment: 0.5, voice: "body" as const },
  { article: "b", index: 0, position: 0, sentiment: -0.5, voice: "body" as const },
  { article: "b", index: 2, position: 0.5, sentiment: 0.9, voice: "quote" as const },
];

Deno.test("sentimentArcFigure() draws a smoothed line per article over faint sentence dots", () => {
  const figure = sentimentArcFigure(arcRows, { window: 3 });
  deepStrictEqual(figure.data.map((t) => [t.name, t.mode]), [
    ["a (sentences)", "markers"],
    ["b (sentences)", "markers"],
    ["a", "lines"],
    ["b", "lines"],
  ]);
  deepStrictEqual(figure.data[2].y, [0, 1 / 3, -1 / 3, 0]);
  // Sorted by position, whatever the input order.
  deepStrictEqual(figure.data[3].x, [0, 1]);
  notStrictEqual(
    (figure.data[2].line as { dash: string }).dash,
    (figure.data[3].line as { dash: string }).dash,
  );
  strictEqual((figure.layout.xaxis as Layout).tickformat, ".0%");
  ok(axisTitle(figure, "xaxis").startsWith("Position in the article"));
  ok(axisTitle(figure, "yaxis").includes("3-sentence mean"));
});

Deno.test("sentimentArcFigure() filters by voice and can leave the dots out", () => {
  const figure = sentimentArcFigure(arcRows, { voice: "quote", points: false, window: 1 });
  strictEqual(figure.data.length, 1);
  deepStrictEqual(figure.data[0].y, [0.9]);
  strictEqual(axisTitle(figure, "yaxis"), "Sentiment");
  throws(() => sentimentArcFigure(arcRows, { window: 0 }), RangeError);
});

Deno.test("movingAverage() averages a centred window and shortens it at the ends", () => {
  deepStrictEqual(movingAverage([1, 2, 3, 4, 5], 5), [2, 2.5, 3, 3.5, 4]);
  deepStrictEqual(movingAverage([1, 2], 1), [1, 2]);
});

Deno.test("cooccurrenceFigure() sums sentences into an actor × topic matrix of vector cells", () => {
  const rows = [
    { article: "a", actor: "kremlin", topic: "energy", sentences: 2 },
    { article: "b", actor: "kremlin", topic: "energy", sentences: 1 },
    { article: "a", actor: "tokayev", topic: "sanctions", sentences: 4 },
    { article: "a", actor: "tokayev", topic: "energy", sentences: 0 },
  ];
  const all = cooccurrenceFigure(rows);
  deepStrictEqual((all.layout.xaxis as Layout).categoryarray, ["Sanctions", "Energy"]);
  deepStrictEqual((all.layout.yaxis as Layout).categoryarray, ["Tokayev", "Kremlin"]);
  deepStrictEqual(all.data[0].customdata, [4, 0, 0, 3]);
  deepStrictEqual(all.data[0].text, ["4", "", "", "3"]);
  strictEqual(axisTitle(all, "xaxis"), "Topic");
  // One rectangle per cell: the largest count darkest, an empty cell the lightest colour.
  const shapes = all.layout.shapes as { fillcolor: string; x0: number; y0: number }[];
  strictEqual(shapes.length, 4);
  deepStrictEqual(shapes.map((s) => [s.x0, s.y0]), [[-0.5, -0.5], [0.5, -0.5], [-0.5, 0.5], [
    0.5,
    0.5,
  ]]);
  const fills = shapes.map((s) => lightness(s.fillcolor));
  ok(fills[0] < fills[3] && fills[3] < fills[1], fills.join(", "));
  strictEqual(shapes[1].fillcolor, "#F7FBFF");
  // Numbers on dark cells are white.
  deepStrictEqual((all.data[0].textfont as { color: string[] }).color[0], "#FFFFFF");
  strictEqual((all.data[0].marker as Layout).showscale, true);
  const one = cooccurrenceFigure(rows, { series: "b" });
  deepStrictEqual(one.data[0].customdata, [1]);
  ok(title(one).includes("(b)"));
});

Deno.test("cooccurrenceFigure() filters rows that carry a voice", () => {
  const figure = cooccurrenceFigure([
    { actor: "kremlin", topic: "energy", sentences: 2, voice: "body" },
    { actor: "kremlin", topic: "energy", sentences: 5, voice: "comment" },
  ]);
  deepStrictEqual(figure.data[0].customdata, [2]);
  ok(title(figure).includes("(body)"));
});

Deno.test("seriesStyle() gives the first series distinct greyscale lightness and symbols", () => {
  const first = [0, 1, 2].map((i) => lightness(seriesStyle(i).color));
  for (let i = 0; i < first.length; i++) {
    for (let j = i + 1; j < first.length; j++) {
      ok(Math.abs(first[i] - first[j]) >= 20, `L* ${first[i]} vs ${first[j]}`);
    }
  }
  for (const list of [SERIES_SYMBOLS, SERIES_PATTERNS, SERIES_COLORS]) {
    strictEqual(new Set(list).size, list.length);
  }
  strictEqual(new Set(SERIES_DASHES.slice(0, 6)).size, 6);
  strictEqual(seriesStyle(8).color, seriesStyle(0).color);
  throws(() => seriesStyle(-1), RangeError);
});

Deno.test("applyTheme() sizes to one or two columns and keeps the figure's own settings", () => {
  const figure = topicRatesFigure([...topicRows]);
  const single = applyTheme(figure, { width: "single" });
  const double = applyTheme(figure, { width: "double", height: 300 });
  strictEqual(single.layout.width, FIGURE_WIDTH.single);
  strictEqual(double.layout.width, 672);
  strictEqual(double.layout.height, 300);
  strictEqual(single.layout.height, figure.layout.height);
  strictEqual((single.layout.font as Layout).family, "Liberation Sans");
  ok(
    ((single.layout.font as Layout).size as number) <
      ((double.layout.font as Layout).size as number),
  );
  // The builder's axis title and tick format survive; the theme adds the axis style.
  strictEqual(axisTitle(single, "xaxis"), "Mentions per 1,000 words");
  strictEqual((single.layout.xaxis as Layout).showline, true);
  strictEqual(single.layout.showlegend, true);
  // The legend sits under the title, inside a top margin that fits both.
  ok(((single.layout.margin as Layout).t as number) > 40);
  strictEqual(figure.layout.width, undefined);
  throws(() => applyTheme(figure, { width: "triple" as "single" }), RangeError);
  throws(() => applyTheme(figure, { height: -1 }), RangeError);
});

Deno.test("applyTheme() wraps a long title for one column", () => {
  const figure = {
    data: [],
    layout: { title: "A rather long title that cannot fit in one narrow column" },
  };
  const themed = applyTheme(figure, { width: "single" });
  ok(title(themed).includes("<br>"));
  ok(!title(applyTheme(figure, { width: "double" })).includes("<br>"));
  deepStrictEqual(wrapText("abc defgh", 20, 5), ["abc", "defgh"]);
});
