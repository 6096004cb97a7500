// Issue 21: past a number of articles the report's figures show groups, at any size.
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import type { AnalysisDocument } from "../lib/analysis.ts";
import { compareGroups } from "../lib/compare/compare_groups.ts";
import { findChromium } from "../lib/export/browser.ts";
import { exportFigures } from "../lib/export/figures.ts";
import { groupSummaryFigure } from "../lib/figures/group_summary.ts";
import { reportFigures } from "../lib/report/figures.ts";
import { PER_ARTICLE_FIGURES_UP_TO } from "../lib/report/group_figures.ts";
import { mulberry32 } from "../lib/stats/random.ts";
import { type Displayable, figure, JUPYTER_DISPLAY } from "../lib/notebook/mod.ts";

/** A light analysis document of `n` articles in two outlets (what the figures read). */
function corpus(n: number): AnalysisDocument {
  const rand = mulberry32(n);
  const articles = Array.from({ length: n }, (_, i) => {
    const id = `a${i}`;
    const words = 200 + Math.floor(rand() * 400);
    const tilt = i % 2 ? 1.5 : 1;
    const hits = (base: number) => Math.floor(rand() * base * tilt * words / 1000);
    return {
      id,
      meta: { id, outlet: i % 2 ? "North" : "South", inferred: [] },
      length: words * 6,
      voices: [
        { voice: "body", chars: words * 5, sentences: 5, words },
        { voice: "title", chars: words, sentences: 1, words: 8 },
      ],
      sentences: Array.from({ length: 6 }, (_, s) => ({
        index: s,
        start: s * 10,
        end: s * 10 + 9,
        voice: s === 0 ? "title" : "body",
        segment: 0,
        words: 20,
        sentiment: rand() - 0.5,
      })),
      topics: ["energy", "trade", "memory"].map((topic, k) => ({
        topic,
        voice: "body",
        hits: hits(10 / (k + 1)),
        words,
        per1k: 0,
        sentenceShare: 0,
        sentences: 5,
        sentencesWithTopic: 0,
      })),
      stance: ["hedge", "booster"].map((category) => ({
        category,
        voice: "body",
        hits: hits(8),
        words,
        per1k: 0,
      })),
      actors: i % 3 === 0
        ? []
        : [{ actor: "kremlin", voice: "body", mentions: 2, stance: rand() - 0.6 }],
      hits: [],
      mentions: [],
      vocabulary: {},
    };
  });
  return { articles, failures: [], notes: [] } as unknown as AnalysisDocument;
}

const PER_ARTICLE = [
  "voice_composition",
  "actor_sentiment",
  "topic_rates",
  "stance_profile",
  "sentiment_arc",
];

Deno.test("reportFigures() draws articles up to PER_ARTICLE_FIGURES_UP_TO, groups past it", () => {
  const few = reportFigures(corpus(PER_ARTICLE_FIGURES_UP_TO));
  const topicFew = few.figures.find((f) => f.name === "topic_rates")!;
  strictEqual(topicFew.figure.data.length, PER_ARTICLE_FIGURES_UP_TO, "one series per article");
  const doc = corpus(PER_ARTICLE_FIGURES_UP_TO + 1);
  const many = reportFigures(doc, compareGroups(doc.articles as never, { resamples: 100 }));
  for (const name of PER_ARTICLE) {
    const f = many.figures.find((x) => x.name === name);
    ok(f, `no ${name}`);
    // A box and a value marker per group; the per-article values stay in the data.
    deepStrictEqual(f.figure.data.map((t) => t.type), ["box", "scatter", "box", "scatter"], name);
    ok(f.data.some((r) => r.level === "article") && f.data.some((r) => r.level === "group"), name);
  }
  ok(many.notes.some((n) => /13 articles, more than 12: the figures show groups/.test(n)));
});

Deno.test("groupReportFigures(): the group value is the ratio estimator, inside its article-bootstrap interval", () => {
  const doc = corpus(400);
  // The comparison resampled sentences: the figure bootstraps the articles itself.
  const c = compareGroups(doc.articles as never, { resamples: 50, unit: "sentence" });
  const { figures } = reportFigures(doc, c);
  const topic = figures.find((f) => f.name === "topic_rates")!;
  for (const group of ["North", "South"]) {
    const mine = doc.articles.filter((a) => a.meta.outlet === group);
    const energy = mine.map((a) => a.topics.find((t) => t.topic === "energy")!);
    const expected = energy.reduce((s, t) => s + t.hits, 0) /
      energy.reduce((s, t) => s + t.words, 0) * 1000;
    const row = topic.data.find((r) =>
      r.level === "group" && r.group === group && r.feature === "energy"
    )!;
    ok(Math.abs((row.value as number) - expected) < 1e-9, group);
    ok((row.low as number) < expected && expected < (row.high as number), group);
    strictEqual(
      topic.data.filter((r) => r.level === "article" && r.group === group && r.feature === "energy")
        .length,
      200,
    );
  }
});

Deno.test("groupReportFigures() takes the comparison's value and interval where it resampled articles", () => {
  const doc = corpus(40);
  const c = compareGroups(doc.articles as never, { resamples: 50 });
  strictEqual(c.resampling.unit, "article");
  const { figures } = reportFigures(doc, c);
  const actor = figures.find((f) => f.name === "actor_sentiment");
  // The light corpus has no mentions for the comparison: its actor rows are empty, so
  // the figure falls back on its own bootstrap; topic rows come from the comparison.
  ok(actor && actor.data.some((r) => r.level === "group"));
  const row = c.rows.find((r) => r.table === "topics" && r.feature === "energy")!;
  const shown = figures.find((f) => f.name === "topic_rates")!.data.find((r) =>
    r.level === "group" && r.group === row.groupA && r.feature === "energy"
  )!;
  deepStrictEqual([shown.value, shown.low, shown.high], [row.valueA, ...row.ciA]);
});

Deno.test("group figures keep their size from 10 to 100,000 articles and are built in seconds", () => {
  const size = (n: number) => {
    const doc = corpus(n);
    const started = performance.now();
    const { figures } = reportFigures(doc, undefined, { perArticleUpTo: 0 });
    const ms = performance.now() - started;
    return { bytes: JSON.stringify(figures.map((f) => f.figure)).length, ms, figures };
  };
  const small = size(10);
  const large = size(100_000);
  console.log(
    `group figures: ${small.bytes} bytes of specs at 10 articles, ${large.bytes} at 100,000 ` +
      `(built in ${(large.ms / 1000).toFixed(1)} s)`,
  );
  ok(large.bytes < 1.5 * small.bytes + 2000, `${large.bytes} vs ${small.bytes}`);
  ok(large.bytes < 60_000);
  ok(large.ms < 20_000, `${large.ms} ms`);
});

Deno.test("groupSummaryFigure() refuses a record that is neither an article nor a group row", () => {
  let message = "";
  try {
    groupSummaryFigure([{ level: "outlet", feature: "x", group: "A", value: 1 } as never], {
      title: "T",
      axis: "A",
    });
  } catch (e) {
    message = (e as Error).message;
  }
  ok(/record 0 is not a group or article row: level/.test(message), message);
});

Deno.test({
  name: "group figures export as SVG, PDF and PNG in seconds at 100,000 articles",
  ignore: findChromium() === undefined && Deno.env.get("CI") !== "true",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const doc = corpus(100_000);
    const { figures } = reportFigures(doc, undefined, { perArticleUpTo: 0 });
    const dir = await Deno.makeTempDir({ prefix: "group_figures_" });
    try {
      const started = performance.now();
      const done = await exportFigures(
        figures.filter((f) => PER_ARTICLE.includes(f.name)),
        dir,
        { formats: ["svg", "pdf", "png"] },
      );
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `exported ${done.length} group figures of 100,000 articles (SVG, PDF, PNG) in ${
          seconds.toFixed(1)
        } s; largest SVG ${Math.max(...done.map((d) => Deno.statSync(d.files[0]).size))} bytes`,
      );
      ok(seconds < 30, `${seconds} s`);
      for (const d of done) for (const f of d.files) ok(Deno.statSync(f).size > 0, f);
      ok(Math.max(...done.map((d) => Deno.statSync(d.files[0]).size)) < 200_000);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test("figure() in a notebook draws groups past PER_ARTICLE_FIGURES_UP_TO articles, as the report does", () => {
  // Issue 21: notebook 01 on 2,000 articles drew one series (and one co-occurrence heatmap) per
  // article: 150 s for the heatmaps alone and a 117 MB notebook.
  const doc = corpus(60);
  for (const a of doc.articles as unknown as Record<string, unknown[]>[]) {
    a.hits = [{ lexicon: "topics", category: "energy", sentence: 1, voice: "body" }];
    a.mentions = [{ actor: "kremlin", sentence: 1, voice: "body" }];
  }
  const comparison = compareGroups(doc.articles as never, { resamples: 50 });
  const plotly = (shown: Displayable[]) =>
    shown.map((d) => d[JUPYTER_DISPLAY]()["application/vnd.plotly.v1+json"])
      .filter((f) => f !== undefined) as { data: { type: string }[] }[];
  const report = reportFigures(doc, comparison).figures;
  for (const [kind, name] of [["topics", "topic_rates"], ["stance", "stance_profile"]] as const) {
    const [shown] = plotly(figure(doc, kind, { compared: { comparison } as never }));
    // The same group values and intervals as the report's figure (the comparison's).
    deepStrictEqual(
      shown.data,
      report.find((f) => f.name === name)!.figure.data,
      kind,
    );
  }
  // Before the comparison, the groups of `by`; a box and a marker per group.
  for (const kind of ["voice shares", "actors", "arc"] as const) {
    const [shown] = plotly(figure(doc, kind, { by: "outlet" }));
    deepStrictEqual(shown.data.map((t) => t.type), ["box", "scatter", "box", "scatter"], kind);
  }
  // One co-occurrence heatmap per group, not per article.
  strictEqual(plotly(figure(doc, "cooccurrence", { by: "outlet" })).length, 2);
  strictEqual(plotly(figure(doc, "cooccurrence")).length, 1);
  strictEqual(plotly(figure(doc, "voices", { by: "outlet" })).length, 0);
  // Up to the threshold, one series per article as before.
  const few = corpus(PER_ARTICLE_FIGURES_UP_TO);
  strictEqual(
    plotly(figure(few, "topics", { by: "outlet" }))[0].data.length,
    PER_ARTICLE_FIGURES_UP_TO,
  );
});
