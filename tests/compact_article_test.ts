/**
 * `analyze --jsonl OUT --compact` and `compactArticle`: the compact lines
 * follow their schema, hold the full record's metric rows (rows without hits
 * left out), and the tables are the same bytes as a full run's.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { main } from "../lib/cli/analyze.ts";
import { analyzeArticle } from "../lib/analyze.ts";
import { loadResources } from "../lib/resources.ts";
import { CompactArticle, compactArticle } from "../lib/run/compact_article.ts";
import { articleRecord } from "../lib/run/article_record.ts";
import { loadCorpus } from "../lib/corpus/load_corpus.ts";
import type { Article } from "../lib/article.ts";
import { benchCorpus } from "../tools/bench_corpus.ts";

const ARTICLES = "tests/fixtures/compact/articles.jsonl";

async function quietly(fn: () => Promise<number>): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => lines.push(args.join(" "));
  try {
    return { code: await fn(), lines };
  } finally {
    console.error = original;
  }
}

const lines = async (path: string) =>
  (await Deno.readTextFile(path)).split("\n").filter((l) => l !== "").map((l) => JSON.parse(l));

Deno.test("compactArticle() keeps the metric rows with hits and the voice sizes", async () => {
  const a = analyzeArticle(
    {
      meta: { id: "x", language: "en", inferred: [] },
      text:
        "Gas and coal\n\nPutin said the gas pipeline and the coal power plant would perhaps be built.",
      origin: "test",
      warnings: [],
    },
    await loadResources(),
    { resamples: 50 },
  );
  const c = CompactArticle.parse(compactArticle(a));
  deepStrictEqual(c.voices, a.voices.filter((v) => v.chars > 0));
  deepStrictEqual(
    c.actors,
    a.actors.map(({ evaluatingShare: _, ...row }) => row),
  );
  const withHits = a.topics.filter((t) => t.hits > 0);
  ok(withHits.length > 0 && withHits.length < a.topics.length);
  deepStrictEqual(
    c.topics.map((t) => [t.topic, t.voice, t.hits, t.per1k]),
    withHits.map((t) => [
      t.topic,
      t.voice,
      t.hits,
      t.per1k,
    ]),
  );
  deepStrictEqual(
    c.stance.map((s) => [s.category, s.voice, s.hits, s.per1k]),
    a.stance.filter((s) => s.hits > 0).map((s) => [s.category, s.voice, s.hits, s.per1k]),
  );
  // The denominators left out of the rows are the voice sizes in `voices`.
  for (const t of a.topics) {
    const v = a.voices.find((v) => v.voice === t.voice)!;
    deepStrictEqual([t.words, t.sentences], [v.words, v.sentences]);
  }
  for (const s of a.stance) strictEqual(s.words, a.voices.find((v) => v.voice === s.voice)!.words);
});

/** Runs `analyze` on the fixtures into `dir/NAME.jsonl` and `dir/NAME.tables.json`. */
const runInto = (dir: string, workers: string) => (name: string, ...more: string[]) =>
  quietly(() =>
    main([
      ARTICLES,
      "--jsonl",
      `${dir}/${name}.jsonl`,
      "--tables",
      `${dir}/${name}.tables.json`,
      "--workers",
      workers,
      ...more,
    ])
  );

/** A row without the actor intervals. */
// deno-lint-ignore no-explicit-any
const withoutIntervals = (row: any) => {
  const { ci: _c, stanceCi: _s, ...rest } = row;
  return rest;
};

Deno.test("analyze --compact --intervals writes schema-valid lines and the same tables as a full run", async () => {
  const dir = await Deno.makeTempDir();
  const run = runInto(dir, "2");
  strictEqual((await run("full")).code, 0);
  strictEqual((await run("compact", "--compact", "--intervals")).code, 0);
  const full = await lines(`${dir}/full.jsonl`);
  const compact = await lines(`${dir}/compact.jsonl`);
  deepStrictEqual(compact.map((c) => c.id), ["c1", "c2", "c3"]);
  for (let i = 0; i < full.length; i++) {
    deepStrictEqual(CompactArticle.parse(compact[i]), compactArticle(full[i]));
    ok(!("text" in compact[i]) && !("mentions" in compact[i]) && !("vocabulary" in compact[i]));
  }
  deepStrictEqual(
    await Deno.readFile(`${dir}/compact.tables.json`),
    await Deno.readFile(`${dir}/full.tables.json`),
  );
  const size = async (name: string) => (await Deno.stat(`${dir}/${name}.jsonl`)).size;
  ok(await size("compact") * 4 < await size("full"));
});

Deno.test("analyze --compact leaves out the actor intervals, and only them, and its provenance says so", async () => {
  const dir = await Deno.makeTempDir();
  const run = runInto(dir, "0");
  strictEqual((await run("full")).code, 0);
  strictEqual((await run("compact", "--compact")).code, 0);
  const full = await lines(`${dir}/full.jsonl`);
  const compact = await lines(`${dir}/compact.jsonl`);
  let actorRows = 0;
  for (let i = 0; i < full.length; i++) {
    const c = CompactArticle.parse(compact[i]);
    const expected = compactArticle(full[i]);
    deepStrictEqual(c.actors, expected.actors.map(withoutIntervals));
    deepStrictEqual({ ...c, actors: [] }, { ...expected, actors: [] });
    actorRows += c.actors.length;
  }
  ok(actorRows > 0, "the fixture has actor rows");
  const fullTables = JSON.parse(await Deno.readTextFile(`${dir}/full.tables.json`));
  const compactTables = JSON.parse(await Deno.readTextFile(`${dir}/compact.tables.json`));
  deepStrictEqual(compactTables.actors, fullTables.actors.map(withoutIntervals));
  deepStrictEqual([compactTables.topics, compactTables.stance], [
    fullTables.topics,
    fullTables.stance,
  ]);
  strictEqual(compactTables.provenance.parameters.actorBootstrap, null);
  strictEqual(fullTables.provenance.parameters.actorBootstrap.resamples, 2000);
  const provenance = JSON.parse(await Deno.readTextFile(`${dir}/compact.jsonl.provenance.json`));
  strictEqual(provenance.parameters.actorBootstrap, null);
});

Deno.test("--intervals without --compact, and --resamples with --compact alone, are usage errors that say why", async () => {
  const dir = await Deno.makeTempDir();
  const jsonl = `${dir}/a.jsonl`;
  const alone = await quietly(() => main([ARTICLES, "--jsonl", jsonl, "--intervals"]));
  strictEqual(alone.code, 2);
  ok(
    alone.lines.some((l) => l.includes("--intervals goes with --compact")),
    alone.lines.join("\n"),
  );
  const resamples = await quietly(() =>
    main([ARTICLES, "--jsonl", jsonl, "--compact", "--resamples", "100"])
  );
  strictEqual(resamples.code, 2);
  ok(resamples.lines.some((l) => l.includes("add --intervals")), resamples.lines.join("\n"));
  const both = await quietly(() =>
    main([
      ARTICLES,
      "--jsonl",
      jsonl,
      "--compact",
      "--intervals",
      "--resamples",
      "100",
      "--workers",
      "0",
    ])
  );
  strictEqual(both.code, 0, both.lines.join("\n"));
  const provenance = JSON.parse(await Deno.readTextFile(`${jsonl}.provenance.json`));
  strictEqual(provenance.parameters.actorBootstrap.resamples, 100);
  ok(
    (await lines(jsonl)).every((c) => c.actors.every((r: { ci?: unknown }) => r.ci !== undefined)),
  );
});

Deno.test("articleRecord's compact line, made without the full record, is the compact record of analyzeArticle byte for byte", async () => {
  const resources = await loadResources();
  const articles: Article[] = [
    ...(await loadCorpus(["data/corpus"])).articles,
    ...(await loadCorpus([ARTICLES])).articles,
  ];
  for await (const b of benchCorpus(150_000, { seed: 7 })) {
    articles.push({
      meta: { id: b.id, title: b.title, date: b.date, language: "en", inferred: [] },
      text: b.text,
      origin: b.id,
      warnings: [],
    });
  }
  ok(articles.length > 50, `${articles.length} articles`);
  let withActors = 0;
  for (const intervals of [true, false]) {
    const options = { resamples: 200, intervals };
    for (const article of articles) {
      const lean = articleRecord(article, resources, options, { compact: true });
      const analysed = analyzeArticle(article, resources, options);
      const full = articleRecord(article, resources, options);
      strictEqual(lean.json, JSON.stringify(compactArticle(analysed)), article.meta.id);
      deepStrictEqual(lean.tables, full.tables, article.meta.id);
      strictEqual(lean.warnings, full.warnings);
      if (analysed.actors.length > 0) withActors++;
      ok(
        analysed.actors.every((r) =>
          (r.ci !== undefined) === intervals && (r.stanceCi !== undefined) === intervals
        ),
      );
    }
  }
  ok(withActors > 20, `${withActors} articles with actor rows`);
});

Deno.test("analyze --compact needs --jsonl, and --resume keeps to the mode of the first run", async () => {
  const dir = await Deno.makeTempDir();
  strictEqual((await quietly(() => main([ARTICLES, "--compact"]))).code, 2);
  const jsonl = `${dir}/a.jsonl`;
  const base = [ARTICLES, "--jsonl", jsonl, "--workers", "0"];
  strictEqual((await quietly(() => main([...base, "--compact"]))).code, 0);
  const done = await Deno.readFile(jsonl);
  // Resuming a compact output without --compact is refused, naming the line.
  const mixed = await quietly(() => main([...base, "--resume"]));
  strictEqual(mixed.code, 2);
  ok(
    mixed.lines.some((l) =>
      l.includes(`${jsonl}`) && l.includes("parameters.actorBootstrap differs") &&
      l.includes("--compact")
    ),
    mixed.lines.join("\n"),
  );
  // Compact lines do not hold the rows without hits: resuming with --tables is refused.
  const tables = await quietly(() =>
    main([...base, "--compact", "--resume", "--tables", `${dir}/t.json`])
  );
  strictEqual(tables.code, 2);
  // Cut after the first line and resumed with --compact: the same bytes.
  const cut = done.indexOf(0x0a) + 1;
  await Deno.writeFile(jsonl, done.subarray(0, cut));
  strictEqual((await quietly(() => main([...base, "--compact", "--resume"]))).code, 0);
  deepStrictEqual(await Deno.readFile(jsonl), done);
});
