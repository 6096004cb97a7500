/**
 * A folder of articles that are not the bundled ones (tests/fixtures/
 * your_articles: an invented port strike): notebook 04 finds their actors,
 * drafts and loads an actor file and charts them; `task report` with
 * `--add-actors` shows them. Through the real kernel and Chromium; skipped
 * with a message where those are missing (failing on CI).
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { join } from "node:path";
import { findChromium } from "../lib/export/browser.ts";
import { loadResources } from "../lib/resources.ts";
import { hasJupyter, outputsWithMime, REPO_ROOT, runNotebook } from "../tools/run_notebooks.ts";

const ARTICLES = join(REPO_ROOT, "tests/fixtures/your_articles");
const ci = Deno.env.get("CI") === "true";
const jupyter = await hasJupyter();
const chromium = findChromium() !== undefined;
if (!ci && !jupyter) console.warn("your_articles_test.ts: no Jupyter: skipping notebook 04.");
if (!ci && !chromium) console.warn("your_articles_test.ts: no Chromium: skipping the report run.");

const PEOPLE = ["Tomas Okafor", "Mara Lindqvist", "Pieter Vandamme", "Elena Sorvik"];

Deno.test({
  name: "notebook 04 suggests the articles' actors, drafts a file that loads, and charts them",
  ignore: !jupyter && !ci,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "framing_nb04_" });
    // A file of the researcher's own, passed as on the command line: Karsk is covered by it.
    const own = join(dir, "own.yaml");
    await Deno.writeTextFile(
      own,
      "name: own\nversion: 1.0.0\ndescription: d\nsource: written for this test\n" +
        "licence: CC0-1.0\nlanguage: en\n" +
        "actors:\n  - {id: karsk, name: Port of Karsk, kind: organisation, aliases: [Karsk]}\n",
    );
    const draftPath = join(dir, "draft.yaml");
    const run = await runNotebook(join(REPO_ROOT, "notebooks/04_your_articles.ipynb"), {
      outDir: join(dir, "out"),
      parameters: {
        corpusPaths: [ARTICLES],
        draftPath,
        resourceFiles: { addActors: [own] },
        resamples: 200,
      },
    });
    strictEqual(run.problems.length, 0, run.problems.join("\n"));
    const [headline] = outputsWithMime(run.notebook, "application/json").slice(-1);
    const n = headline.content as {
      articles: number;
      suggested: { name: string; kind: string }[];
      draftActors: number;
      chartedActors: string[];
      periods: string[];
    };
    strictEqual(n.articles, 4);
    // The four articles were all written in March 2031: one point of the time series.
    deepStrictEqual(n.periods, ["2031-03"]);
    const kind = new Map(n.suggested.map((s) => [s.name, s.kind]));
    for (const p of PEOPLE) strictEqual(kind.get(p), "person", p);
    strictEqual(kind.get("Ostria"), "state");
    strictEqual(kind.get("Halden Shipping Group"), "organisation");
    strictEqual(kind.get("Velmora Dockworkers Union"), "organisation");
    ok(!kind.has("Karsk"), "Karsk is covered by the researcher's own file");
    strictEqual(n.draftActors, n.suggested.length);
    // Every suggested actor is in the chart, and so is the researcher's own.
    for (const s of n.suggested) ok(n.chartedActors.includes(s.name), `${s.name} not charted`);
    ok(n.chartedActors.includes("Port of Karsk"));
    const charts = JSON.stringify(outputsWithMime(run.notebook, "application/vnd.plotly.v1+json"));
    for (const p of PEOPLE) ok(charts.includes(p), `${p} not in the chart data`);
    ok(charts.includes("Topics over time, by month"), "no time-series chart");
    // The draft the notebook wrote loads beside the bundled actors.
    const resources = await loadResources({ addActors: [draftPath] });
    ok(resources.actors.actors.some((a) => a.name === "Tomas Okafor" && a.pronoun === "he"));
  },
});

Deno.test({
  name:
    "task report <folder> --add-actors <draft> shows the folder's actors in the chart and the report",
  ignore: !chromium && !ci,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "framing_report_" });
    const deno = (...args: string[]) =>
      new Deno.Command(Deno.execPath(), { args, cwd: REPO_ROOT, stdout: "piped", stderr: "piped" })
        .output();
    const draft = join(dir, "draft.yaml");
    let out = await deno("task", "actors", "suggest", ARTICLES, "--out", draft);
    strictEqual(out.code, 0, new TextDecoder().decode(out.stderr));
    out = await deno(
      "task",
      "report",
      ARTICLES,
      "--add-actors",
      draft,
      "--out",
      join(dir, "report"),
      "--no-notebooks",
    );
    strictEqual(out.code, 0, new TextDecoder().decode(out.stderr));
    const csv = await Deno.readTextFile(join(dir, "report/figures/actor_sentiment.csv"));
    for (const id of ["tomas_okafor", "mara_lindqvist", "ostria", "halden_shipping_group"]) {
      ok(csv.includes(`,${id},body,`), `${id} not in the actor chart's data`);
    }
    const html = await Deno.readTextFile(join(dir, "report/report.html"));
    for (const p of PEOPLE) ok(html.includes(p), `${p} not in the report`);
  },
});
