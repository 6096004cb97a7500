// Issue 21: `report --from RUN.jsonl` builds the report from corpus runs without analysing again.
import { deepStrictEqual, ok, rejects, strictEqual } from "node:assert/strict";
import { join } from "node:path";
import { main as analyze } from "../lib/cli/analyze.ts";
import type { Comparison } from "../lib/compare/compare_groups.ts";
import { findChromium } from "../lib/export/browser.ts";
import { readRuns } from "../lib/run/read_runs.ts";
import { main as report } from "../tools/report.ts";
import { hasJupyter, outputsWithMime, REPO_ROOT, runNotebook } from "../tools/run_notebooks.ts";

const FIXTURES = new URL("./fixtures/", import.meta.url).pathname;

/** 24 short articles (the shapes and your_articles texts, reused) in two outlets, over three files. */
async function writeCorpus(dir: string): Promise<string[]> {
  const texts: string[] = [];
  for (const folder of ["shapes", "your_articles"]) {
    for (
      const e of [...Deno.readDirSync(join(FIXTURES, folder))].sort((a, b) =>
        a.name < b.name ? -1 : 1
      )
    ) {
      if (e.name.endsWith(".txt")) {
        texts.push(await Deno.readTextFile(join(FIXTURES, folder, e.name)));
      }
    }
  }
  const files: string[] = [];
  for (let shard = 0; shard < 3; shard++) {
    const lines = Array.from({ length: 8 }, (_, k) => {
      const i = shard * 8 + k;
      return JSON.stringify({
        id: `a${String(i).padStart(2, "0")}`,
        outlet: i % 2 ? "North" : "South",
        date: `2031-0${1 + (i % 3)}-1${k}`,
        text: texts[i % texts.length],
      });
    });
    const file = join(dir, `texts_${shard + 1}.jsonl`);
    await Deno.writeTextFile(file, lines.join("\n") + "\n");
    files.push(file);
  }
  return files;
}

/** Runs a command's main with its stderr captured. */
async function quiet(run: () => Promise<number>): Promise<{ code: number; errors: string }> {
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void errors.push(args.join(" "));
  try {
    return { code: await run(), errors: errors.join("\n") };
  } finally {
    console.error = original;
  }
}

const statistics = (c: Comparison) =>
  c.rows.map((r) => [
    r.table,
    r.feature,
    r.groupA,
    r.groupB,
    r.valueA,
    r.valueB,
    r.ciA,
    r.ciB,
    r.difference,
    r.ci,
    r.p,
    r.q,
    r.unitsA,
    r.unitsB,
  ]);

Deno.test({
  name:
    "report --from three compact shards gives the statistics and group figures of report on the texts",
  ignore: findChromium() === undefined && Deno.env.get("CI") !== "true",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "report_from_" });
    try {
      const texts = await writeCorpus(dir);
      const shards = texts.map((_, i) => join(dir, `run_${i + 1}.jsonl`));
      for (const [i, file] of texts.entries()) {
        const done = await quiet(() =>
          analyze([file, "--jsonl", shards[i], "--compact", "--workers", "0"])
        );
        strictEqual(done.code, 0, done.errors);
      }
      const fromTexts = await quiet(() =>
        report([...texts, "--no-notebooks", "--out", join(dir, "texts")])
      );
      strictEqual(fromTexts.code, 0, fromTexts.errors);
      const fromRuns = await quiet(() =>
        report([
          "--no-notebooks",
          "--out",
          join(dir, "runs"),
          ...shards.flatMap((s) => ["--from", s]),
        ])
      );
      strictEqual(fromRuns.code, 0, fromRuns.errors);
      const read = async (sub: string) =>
        JSON.parse(await Deno.readTextFile(join(dir, sub, "comparison.json"))) as Comparison;
      const [a, b] = [await read("texts"), await read("runs")];
      strictEqual(a.resampling.unit, "article");
      strictEqual(b.resampling.unit, "article");
      ok(a.rows.length > 10);
      // Bit-identical statistics: same rows, values, intervals, p- and q-values.
      deepStrictEqual(statistics(b), statistics(a));
      // Evidence is there from the texts, left out from the compact run, and the report says so.
      ok(a.rows.some((r) => r.evidenceA.length > 0));
      ok(b.rows.every((r) => r.evidenceA.length === 0));
      ok(
        /Evidence sentences were left out.*without --compact/.test(fromRuns.errors),
        fromRuns.errors,
      );
      const html = await Deno.readTextFile(join(dir, "runs", "report.html"));
      ok(html.includes("Evidence sentences were left out"));
      // The group figures read the same rows.
      for (
        const name of ["voice_composition", "actor_sentiment", "topic_rates", "stance_profile"]
      ) {
        const csv = (sub: string) => Deno.readTextFile(join(dir, sub, "figures", `${name}.csv`));
        strictEqual(await csv("runs"), await csv("texts"), name);
      }
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test("readRuns() reads full and compact lines, and refuses a repeated id and a broken line by place", async () => {
  const dir = await Deno.makeTempDir({ prefix: "read_runs_" });
  try {
    const [texts] = await writeCorpus(dir);
    const full = join(dir, "full.jsonl");
    const compact = join(dir, "compact.jsonl");
    strictEqual((await quiet(() => analyze([texts, "--jsonl", full, "--workers", "0"]))).code, 0);
    strictEqual(
      (await quiet(() => analyze([texts, "--jsonl", compact, "--compact", "--workers", "0"]))).code,
      0,
    );
    const f = await readRuns([full]);
    strictEqual(f.mode, "full");
    strictEqual(f.articles.length, 8);
    ok(f.articles[0].sentences.length > 0 && f.provenance !== undefined);
    const c = await readRuns([compact]);
    strictEqual(c.mode, "compact");
    deepStrictEqual(c.articles.map((a) => a.id), f.articles.map((a) => a.id));
    // The compact rows get their voice's words back: the rates' denominators agree.
    for (const [i, a] of c.articles.entries()) {
      for (const t of a.topics) {
        const same = f.articles[i].topics.find((x) => x.topic === t.topic && x.voice === t.voice)!;
        deepStrictEqual([t.hits, t.words, t.per1k], [same.hits, same.words, same.per1k]);
      }
    }
    await rejects(
      readRuns([compact, compact]),
      /line 1: expected each article once, but "a00" is also in/,
    );
    const broken = join(dir, "broken.jsonl");
    const lines = (await Deno.readTextFile(compact)).split("\n");
    lines[2] = lines[2].replace('"voices":[', '"voices":7,"x":[');
    await Deno.writeTextFile(broken, lines.join("\n"));
    await rejects(
      readRuns([broken]),
      /Cannot read ".*broken.jsonl": line 3: voices: expected a full or compact article record of analyze --jsonl \(compact: /,
    );
    const { code, errors } = await quiet(() => report(["--from", broken, "--no-notebooks"]));
    strictEqual(code, 2);
    ok(errors.includes("line 3"), errors);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test({
  name: "notebook 01 with a from parameter reads a compact run instead of analysing",
  ignore: !(await hasJupyter()) && Deno.env.get("CI") !== "true",
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "nb01_from_" });
    try {
      const [texts] = await writeCorpus(dir);
      const run = join(dir, "run.jsonl");
      strictEqual(
        (await quiet(() => analyze([texts, "--jsonl", run, "--compact", "--workers", "0"]))).code,
        0,
      );
      const done = await runNotebook(join(REPO_ROOT, "notebooks/01_compare_articles.ipynb"), {
        outDir: join(dir, "out"),
        parameters: { from: [run], resamples: 200 },
      });
      strictEqual(done.problems.length, 0, done.problems.join("\n"));
      const [headline] = outputsWithMime(done.notebook, "application/json").slice(-1);
      const n = headline.content as { articles: number; unit: string };
      strictEqual(n.articles, 8);
      ok(n.unit.includes("the records hold no sentences"), n.unit);
      ok(JSON.stringify(done.notebook).includes("Evidence sentences were left out"));
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name:
    "notebook 04 with a from parameter suggests names from a full run's texts, none from a compact one",
  ignore: !(await hasJupyter()) && Deno.env.get("CI") !== "true",
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "nb04_from_" });
    try {
      const articles = join(FIXTURES, "your_articles");
      for (const compact of [false, true]) {
        const run = join(dir, compact ? "compact.jsonl" : "full.jsonl");
        const args = [
          articles,
          "--jsonl",
          run,
          "--workers",
          "0",
          ...(compact ? ["--compact"] : []),
        ];
        strictEqual((await quiet(() => analyze(args))).code, 0);
        const done = await runNotebook(join(REPO_ROOT, "notebooks/04_your_articles.ipynb"), {
          outDir: join(dir, compact ? "out_compact" : "out_full"),
          parameters: { from: [run], draftPath: join(dir, "draft.yaml"), resamples: 200 },
        });
        strictEqual(done.problems.length, 0, done.problems.join("\n"));
        const [headline] = outputsWithMime(done.notebook, "application/json").slice(-1);
        const n = headline.content as { articles: number; suggested: unknown[]; periods: string[] };
        strictEqual(n.articles, 4);
        deepStrictEqual(n.periods, ["2031-03"]);
        if (compact) {
          strictEqual(n.suggested.length, 0);
          ok(JSON.stringify(done.notebook).includes("records hold no text"));
        } else ok(n.suggested.length >= 4, `${n.suggested.length} names`);
      }
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
