/**
 * Benchmark of static figure export: launches one Chromium, exports about ten
 * figures (every builder, in one- and two-column sizes) as SVG, PDF, PNG and
 * CSV, and prints the launch time, each figure's time and a final JSON line.
 *
 * The records are made up (fixed, not random) and only exercise the
 * builders; they are not results.
 *
 * Usage: `deno task bench:export [--out DIR] [--rounds N]`
 * (default: a temporary folder, removed afterwards; 1 round).
 *
 * @module
 */
import { parseArgs } from "node:util";
import { actorSentimentFigure } from "../lib/figures/actor_sentiment.ts";
import { topicRatesFigure } from "../lib/figures/topic_rates.ts";
import { stanceProfileFigure } from "../lib/figures/stance_profile.ts";
import { keynessFigure } from "../lib/figures/keyness.ts";
import { sentimentArcFigure } from "../lib/figures/sentiment_arc.ts";
import { cooccurrenceFigure } from "../lib/figures/cooccurrence.ts";
import { voiceCompositionFigure } from "../lib/figures/voice_composition.ts";
import { applyTheme } from "../lib/figures/theme.ts";
import { launchFigureBrowser } from "../lib/export/browser.ts";
import { exportFigures, type FigureToExport } from "../lib/export/figures.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: { out: { type: "string" }, rounds: { type: "string", default: "1" } },
});
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) {
  throw new RangeError(`--rounds must be a positive integer, got "${values.rounds}"`);
}

const articles = ["Outlet A", "Outlet B"];
const labels = { usa: "USA" };
const actors = ["tokayev", "kremlin", "west", "nazarbayev", "russian_speakers", "usa"];
const topics = ["sanctions_transit", "energy", "language_policy", "security", "trade", "history"];
const stances = ["hedge", "booster", "attitude", "scare_quote", "self_mention"];
/** A fixed stand-in for noise: deterministic, in [−1, 1]. */
const wave = (i: number) => Math.sin(i * 12.9898) * 0.5 + Math.sin(i * 3.1) * 0.5;

const actorRows = articles.flatMap((article, a) =>
  actors.map((actor, i) => {
    const score = Math.max(-0.95, Math.min(0.95, wave(i + 10 * a) * 0.7));
    return {
      article,
      actor,
      voice: "body" as const,
      mentions: 3 + ((i * 7 + a) % 11),
      score,
      ci: [Math.max(-1, score - 0.25), Math.min(1, score + 0.2)] as [number, number],
      positive: 2,
      negative: 1,
    };
  })
);
const topicRows = articles.flatMap((article, a) =>
  topics.map((topic, i) => ({
    article,
    topic,
    voice: "body" as const,
    hits: 2 + ((i * 5 + a * 3) % 9),
    per1k: Math.abs(wave(i + 5 * a)) * 8,
    sentenceShare: Math.abs(wave(i + 7 * a)) * 0.4,
  }))
);
const stanceRows = articles.flatMap((article, a) =>
  stances.map((category, i) => ({
    article,
    category,
    voice: "body" as const,
    hits: 1 + i,
    per1k: Math.abs(wave(2 * i + a)) * 6,
  }))
);
const keynessRows = Array.from({ length: 120 }, (_, i) => {
  const countA = 1 + Math.round(Math.abs(wave(i)) * 40);
  const countB = 1 + Math.round(Math.abs(wave(i + 300)) * 40);
  return {
    term: `word${i}`,
    countA,
    countB,
    g2: 0,
    z: wave(i * 2 + 1) * 3.2,
    groupA: articles[0],
    groupB: articles[1],
  };
});
const arcRows = articles.flatMap((article, a) => {
  const n = 30 + 15 * a;
  return Array.from({ length: n }, (_, index) => ({
    article,
    index,
    position: index / (n - 1),
    sentiment: Math.max(-1, Math.min(1, wave(index + 50 * a) * 0.8)),
    voice: "body" as const,
  }));
});
const coRows = articles.flatMap((article, a) =>
  actors.flatMap((actor, i) =>
    topics.map((topic, j) => ({
      article,
      actor,
      topic,
      sentences: Math.max(0, Math.round(wave(i * 6 + j + a) * 4)),
    }))
  )
);
const voiceRows = articles.flatMap((article, a) =>
  ["title", "meta", "body", "quote", "comment", "boilerplate"].map((voice, i) => ({
    article,
    voice: voice as "body",
    chars: 200 + ((i * 997 + a * 313) % 4000),
    share: 0.1,
  }))
);

const figures: FigureToExport[] = [
  {
    name: "actor_sentiment_single",
    figure: applyTheme(actorSentimentFigure(actorRows, { labels }), { width: "single" }),
    data: actorRows,
  },
  {
    name: "actor_sentiment_double",
    figure: applyTheme(actorSentimentFigure(actorRows, { labels }), { width: "double" }),
    data: actorRows,
  },
  {
    name: "topic_rates_single",
    figure: applyTheme(topicRatesFigure(topicRows), { width: "single" }),
    data: topicRows,
  },
  {
    name: "topic_share_double",
    figure: applyTheme(topicRatesFigure(topicRows, { value: "sentenceShare" }), {
      width: "double",
    }),
    data: topicRows,
  },
  {
    name: "stance_profile_single",
    figure: applyTheme(stanceProfileFigure(stanceRows), { width: "single" }),
    data: stanceRows,
  },
  {
    name: "keyness_single",
    figure: applyTheme(keynessFigure(keynessRows), { width: "single" }),
    data: keynessRows,
  },
  {
    name: "keyness_double",
    figure: applyTheme(keynessFigure(keynessRows), { width: "double" }),
    data: keynessRows,
  },
  {
    name: "sentiment_arc_double",
    figure: applyTheme(sentimentArcFigure(arcRows), { width: "double" }),
    data: arcRows,
  },
  {
    name: "sentiment_arc_single",
    figure: applyTheme(sentimentArcFigure(arcRows), { width: "single" }),
    data: arcRows,
  },
  {
    name: "cooccurrence_double",
    figure: applyTheme(cooccurrenceFigure(coRows, { labels: { actors: labels } }), {
      width: "double",
    }),
    data: coRows,
  },
  {
    name: "voice_composition_single",
    figure: applyTheme(voiceCompositionFigure(voiceRows), { width: "single" }),
    data: voiceRows,
  },
];

const dir = values.out ?? await Deno.makeTempDir({ prefix: "bench_export_" });
const launchStart = performance.now();
const browser = await launchFigureBrowser();
const launchMs = performance.now() - launchStart;
console.log(`browser + plotly.js ready: ${launchMs.toFixed(0)} ms`);
const perFigure: {
  name: string;
  round: number;
  ms: number;
  msByFormat: Partial<Record<string, number>>;
}[] = [];
try {
  for (let round = 1; round <= rounds; round++) {
    const done = await exportFigures(figures, dir, { browser });
    for (const { name, ms, msByFormat } of done) {
      perFigure.push({ name, round, ms, msByFormat });
      const parts = (["svg", "pdf", "png", "csv"] as const)
        .map((f) => `${f} ${(msByFormat[f] ?? 0).toFixed(0)}`).join(", ");
      console.log(
        `round ${round} ${name.padEnd(26)} ${ms.toFixed(0).padStart(5)} ms (${parts})`,
      );
    }
  }
} finally {
  await browser.close();
  if (values.out === undefined) await Deno.remove(dir, { recursive: true });
}
const ms = perFigure.map((f) => f.ms).sort((a, b) => a - b);
const quantile = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))];
const summary = {
  bench: "export",
  figures: figures.length,
  rounds,
  launchMs: Math.round(launchMs),
  perFigureMs: {
    mean: Math.round(ms.reduce((s, v) => s + v, 0) / ms.length),
    median: Math.round(quantile(0.5)),
    max: Math.round(ms[ms.length - 1]),
  },
  meanMsByFormat: Object.fromEntries(
    (["svg", "pdf", "png", "csv"] as const).map((f) => [
      f,
      Math.round(perFigure.reduce((sum, p) => sum + (p.msByFormat[f] ?? 0), 0) / perFigure.length),
    ]),
  ),
  underOneSecond: ms[ms.length - 1] < 1000,
  out: values.out ?? null,
};
console.log(JSON.stringify(summary));
