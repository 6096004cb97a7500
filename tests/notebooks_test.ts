/**
 * Executes every notebook in notebooks/ through the real Deno kernel
 * (nbconvert with the repository's kernelspec) and fails on any error
 * output. A notebook lists the MIME types it must produce in its metadata,
 * `framing.expect_outputs` (a chart: `application/vnd.plotly.v1+json`).
 *
 * A notebook that charts is also exported to HTML, and the export is opened
 * in headless Chromium to check that every chart was drawn.
 *
 * Without Jupyter (or Chromium, for the HTML check) the tests are skipped
 * with a message, except when `CI=true`: then they fail.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { join } from "node:path";
import puppeteer from "puppeteer-core";
import { CHROMIUM_PATH } from "../tools/ensure_deps.ts";
import { PLOTLY_LIBRARY_ATTRIBUTE } from "../lib/notebook/display.ts";
import { CHROMIUM_ARGS } from "../lib/export/browser.ts";
import { RESAMPLING_UNIT } from "../lib/compare/resample.ts";
import { benchmarksDir } from "../lib/validate/benchmarks_dir.ts";
import { REPORTING_PARTS, reportingParts } from "../lib/validate/reporting_parts.ts";
import {
  hasJupyter,
  type Notebook,
  notebookProblems,
  outputsWithMime,
  parameterNames,
  REPO_ROOT,
  runNotebook,
  withParameters,
} from "../tools/run_notebooks.ts";

const notebooksDir = join(REPO_ROOT, "notebooks");
const notebooks = [...Deno.readDirSync(notebooksDir)]
  .filter((e) => e.isFile && e.name.endsWith(".ipynb"))
  .map((e) => e.name)
  .sort();
const ci = Deno.env.get("CI") === "true";
const jupyter = await hasJupyter();
if (!jupyter && !ci) {
  console.warn(
    "Skipping notebook execution: `jupyter nbconvert` is missing. " +
      "Run `deno run -A tools/ensure_deps.ts --jupyter` to install it.",
  );
}
const chromium = await Deno.stat(CHROMIUM_PATH).then((s) => s.isFile, () => false);
if (!chromium && !ci) {
  console.warn(
    `Skipping the HTML chart check: ${CHROMIUM_PATH} is missing. ` +
      "Run `deno run -A tools/ensure_deps.ts --chromium` to install it.",
  );
}
const PLOTLY_MIME = "application/vnd.plotly.v1+json";
// The reporting parts notebook 03 scores, when the benchmark folder is found
// (--benchmarks, FRAMING_BENCHMARKS, or shared/benchmarks beside the repository).
const benchmarks = Object.values(reportingParts(benchmarksDir())).every((p) => p.path !== null);
if (!benchmarks) {
  console.warn(
    "The benchmark data were not found: notebook 03 is checked to skip its validations " +
      `plainly. ${benchmarksDir().message}`,
  );
}

/** Opens an HTML file in headless Chromium; counts drawn plotly charts and page errors. */
async function drawnCharts(htmlPath: string): Promise<{ charts: number; errors: string[] }> {
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--headless", ...CHROMIUM_ARGS],
  });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`file://${htmlPath}`, { waitUntil: "load", timeout: 120_000 });
    // A drawn chart has an SVG with at least one bar, point or line in it.
    const charts = await page.evaluate(() => {
      const doc = (globalThis as unknown as {
        document: { querySelectorAll(s: string): { querySelector(s: string): unknown }[] };
      }).document;
      return [...doc.querySelectorAll(".js-plotly-plot")]
        .filter((el) => el.querySelector(".main-svg .point, .main-svg .scatterlayer path"))
        .length;
    });
    return { charts, errors };
  } finally {
    await browser.close();
  }
}

/** Checks of particular notebooks' results, beyond "no errors, expected outputs". */
const checks: Record<string, (notebook: Notebook) => void> = {
  "02_extend_with_a_lexicon.ipynb": (notebook) => {
    const [headline] = outputsWithMime(notebook, "application/json").slice(-1);
    const n = headline.content as Record<string, number | boolean | null>;
    // The example lexicon's words stand in the articles ("nationalists", "monument", ...).
    ok((n.identityHits as number) > 0, "the new lexicon found nothing");
    strictEqual(n.identityEntries, 9);
    // Adding a lexicon leaves the bundled topic table as it was.
    strictEqual(n.topicsUnchanged, true);
    // The broken file's error names the entry without a term.
    strictEqual(n.brokenNamesEntry, true);
    strictEqual(n.liwcEntries, 7);
    strictEqual(n.quantedaEntries, 10);
    strictEqual(n.checkValid, true);
  },
  "05_code_and_correct.ipynb": (notebook) => {
    const [headline] = outputsWithMime(notebook, "application/json").slice(-1);
    const h = headline.content as {
      coded: number;
      coders: string[];
      alpha: Record<string, number>;
      model: { spearman: number; macroF1: number };
      groups: { group: string; coded: number; human: number; corrected: number; width: number }[];
      unmatched: number;
    };
    // The example codes: two coders, every unit of the census matched to the analysis.
    strictEqual(h.coders.length, 2);
    ok(h.coded > 0);
    strictEqual(h.unmatched, 0);
    for (const level of ["nominal", "ordinal", "interval"]) {
      ok(h.alpha[level] >= -1 && h.alpha[level] <= 1, `alpha ${level}: ${h.alpha[level]}`);
    }
    ok(Number.isFinite(h.model.spearman));
    strictEqual(h.groups.length, 2);
    for (const g of h.groups) {
      // A census: the corrected estimate is the codes' mean, with no width.
      strictEqual(g.corrected, g.human);
      strictEqual(g.width, 0);
    }
  },
  "01_compare_articles.ipynb": (notebook) => {
    const [headline] = outputsWithMime(notebook, "application/json").slice(-1);
    const numbers = headline.content as {
      articles: number;
      failures: number;
      bodyShare: Record<string, number>;
      groups: string[];
      unit: string;
      actorsCompared: number;
      actorsNamedOnce: number;
      topTopics: {
        topic: string;
        valueA: number;
        valueB: number;
        per1kA: number;
        per1kB: number;
        difference: number;
        q: number;
        evidenceA: number;
        evidenceB: number;
      }[];
      topKeyness: Record<string, string | null>;
    };
    // The bundled corpus is two articles, both readable.
    strictEqual(numbers.articles, 2);
    strictEqual(numbers.failures, 0);
    const shares = Object.values(numbers.bodyShare);
    strictEqual(shares.length, 2);
    // The author's prose is a real part of each page, but not all of it (title, byline...).
    for (const share of shares) ok(share > 0.25 && share < 1, `body share ${share}`);
    const figures = outputsWithMime(notebook, PLOTLY_MIME)
      .map((o) =>
        o.content as { data: { name: string; y: number[] }[]; layout: { title: { text: string } } }
      );
    // Voices (characters, shares), actors, topics, stance, keyness, arc, co-occurrence per article.
    strictEqual(figures.length, 9, "every figure of the comparison is shown");
    const titles = figures.map((f) => f.layout.title.text);
    for (
      const pattern of [/actors/, /topics come up/, /Stance/, /apart from/, /through each article/]
    ) ok(titles.some((t) => pattern.test(t)), `no figure titled like ${pattern}: ${titles}`);
    strictEqual(titles.filter((t) => /name an actor and touch a topic/.test(t)).length, 2);
    for (const figure of figures.slice(0, 2)) {
      deepStrictEqual(figure.data.map((t) => t.name).sort(), Object.keys(numbers.bodyShare).sort());
      for (const trace of figure.data) ok(trace.y.some((v) => v > 0), `empty trace ${trace.name}`);
    }
    // The share chart's body bars are the headline body shares.
    for (const trace of figures[1].data) {
      ok(trace.y.some((v) => Math.abs(v - numbers.bodyShare[trace.name]) < 1e-4), trace.name);
    }
    const html = outputsWithMime(notebook, "text/html").map((o) => String(o.content));
    const library = html.findIndex((h) => h.includes(PLOTLY_LIBRARY_ATTRIBUTE));
    const charts = html.flatMap((h, i) => h.includes("Plotly.newPlot") ? [i] : []);
    strictEqual(charts.length, 9, "each chart needs a text/html output for the HTML export");
    ok(library >= 0 && library < charts[0], "plotly.js must be inlined before the charts");
    // The resampling statement is shown, and printed with every comparison table.
    ok(numbers.unit.startsWith(RESAMPLING_UNIT), numbers.unit);
    const markdown = outputsWithMime(notebook, "text/markdown").map((o) => String(o.content));
    ok(markdown.some((m) => m.includes(RESAMPLING_UNIT)), "the unit statement is not shown");
    const compared = html.filter((h) => h.includes("<caption>Compared:"));
    strictEqual(compared.length, 3, "actor, topic and stance comparison tables");
    for (const table of compared) ok(table.includes(RESAMPLING_UNIT), "a table without the unit");
    // Evidence tables list sentences.
    const evidence = html.filter((h) => h.includes("<caption>Evidence for"));
    ok(evidence.length >= 5, `${evidence.length} evidence tables`);
    for (const table of evidence) ok(/<tbody><tr>/.test(table), "an empty evidence table");
    // Both groups name some actors; not every actor is named by both.
    ok(numbers.actorsCompared >= 1 && numbers.actorsNamedOnce >= 1);
    strictEqual(numbers.groups.length, 2);
    // The three topics that differ most, largest first; the compared rates are the
    // articles' own rates (one article per group), and the difference is A − B.
    strictEqual(numbers.topTopics.length, 3);
    const sizes = numbers.topTopics.map((t) => Math.abs(t.difference));
    deepStrictEqual(sizes, [...sizes].sort((a, b) => b - a));
    for (const t of numbers.topTopics) {
      ok(Math.abs(t.valueA - t.per1kA) < 1e-3 && Math.abs(t.valueB - t.per1kB) < 1e-3, t.topic);
      ok(Math.abs(t.difference - (t.valueA - t.valueB)) < 1e-3, t.topic);
      ok(t.q >= 0 && t.q <= 1, `q of ${t.topic}`);
      // A side with a non-zero rate has sentences to show, and one with none has none.
      strictEqual(t.evidenceA > 0, t.valueA > 0, `${t.topic} evidence A`);
      strictEqual(t.evidenceB > 0, t.valueB > 0, `${t.topic} evidence B`);
    }
    const key = numbers.groups.map((g) => numbers.topKeyness[g]);
    ok(key.every((k) => typeof k === "string" && k.length > 0), `keyness ${key}`);
    ok(key[0] !== key[1]);
  },
  "03_validate.ipynb": (notebook) => {
    const [headline] = outputsWithMime(notebook, "application/json").slice(-1);
    type Scores = { macroF1: number; accuracy: number };
    const markdownOut = outputsWithMime(notebook, "text/markdown").map((o) => String(o.content));
    if (!benchmarks) {
      // Without the data every validation is skipped, and the notebook says which and why.
      const h = headline.content as { skipped: string[]; sentences: unknown; hedges: unknown };
      deepStrictEqual(h.skipped, REPORTING_PARTS.map((p) => p.id));
      strictEqual(h.sentences, null);
      strictEqual(h.hedges, null);
      const statement = markdownOut.find((m) => m.includes("validations skipped"));
      ok(statement, "no statement of the skipped validations");
      for (const part of REPORTING_PARTS) ok(statement.includes(part.file), part.file);
      strictEqual(outputsWithMime(notebook, PLOTLY_MIME).length, 0);
      return;
    }
    const n = headline.content as {
      sentences: { n: number; toolkit: number; vader: number; wink: number };
      targets: Record<
        string,
        { n: number; toolkit: Scores; vader: Scores; wink: Scores; confusion: number[][] }
      >;
      hedges: {
        n: number;
        hits: number;
        cues: number;
        precision: number;
        recall: number;
        f1: number;
        inCategory: { precision: number; recall: number; f1: number };
        noRules: { precision: number; recall: number; f1: number };
      };
      bars: { benchmark: string; value: number; min: number; met: boolean }[];
      verdict: string;
    };
    // The row counts of the reporting parts (benchmarks/SPLITS.md).
    strictEqual(n.sentences.n, 2622);
    strictEqual(n.targets["newsmtsc-rw-test"].n, 803);
    strictEqual(n.targets["newsmtsc-mt-test"].n, 1034);
    strictEqual(n.hedges.n, 3623);
    for (const r of [n.sentences.toolkit, n.sentences.vader, n.sentences.wink]) {
      ok(r >= -1 && r <= 1, `r ${r}`);
    }
    // The toolkit does better than VADER on each reporting part.
    ok(n.sentences.toolkit > n.sentences.vader, "NYT: toolkit not above VADER");
    for (const [name, t] of Object.entries(n.targets)) {
      for (const s of [t.toolkit, t.vader, t.wink]) {
        ok(s.macroF1 >= 0 && s.macroF1 <= 1 && s.accuracy >= 0 && s.accuracy <= 1, name);
      }
      ok(t.toolkit.macroF1 > t.vader.macroF1, `${name}: toolkit not above VADER`);
      strictEqual(t.confusion.flat().reduce((a, b) => a + b, 0), t.n, `${name} confusion`);
      // Accuracy is the confusion matrix's diagonal over its total.
      const diagonal = t.confusion.reduce((sum, row, i) => sum + row[i], 0);
      ok(Math.abs(t.toolkit.accuracy - diagonal / t.n) < 1e-4, `${name} accuracy`);
    }
    for (const s of [n.hedges, n.hedges.inCategory, n.hedges.noRules]) {
      for (const v of [s.precision, s.recall, s.f1]) ok(v >= 0 && v <= 1, `hedge figure ${v}`);
    }
    ok(n.hedges.hits > 0 && n.hedges.cues > 0);
    // The bars are the issue's, checked against the measured figures.
    deepStrictEqual(n.bars.map((b) => [b.benchmark, b.min]), [
      ["nyt-even", 0.55],
      ["newsmtsc-rw-test", 0.63],
      ["newsmtsc-mt-test", 0.61],
    ]);
    const measured = [
      n.sentences.toolkit,
      n.targets["newsmtsc-rw-test"].toolkit.macroF1,
      n.targets["newsmtsc-mt-test"].toolkit.macroF1,
    ];
    n.bars.forEach((b, i) => {
      strictEqual(b.value, measured[i]);
      strictEqual(b.met, b.value >= b.min, b.benchmark);
    });
    const [met, missed] = n.verdict.split("Not met:");
    for (const b of n.bars) {
      ok((b.met ? met : missed).includes(b.value.toFixed(3)), `${b.benchmark} in the wrong list`);
    }
    const markdown = outputsWithMime(notebook, "text/markdown").map((o) => String(o.content));
    ok(markdown.some((m) => m.includes(n.verdict)), "the verdict sentence is not shown");
    // The charts: the toolkit's bars are the headline figures, with the three bars drawn.
    const figures = outputsWithMime(notebook, PLOTLY_MIME)
      .map((o) =>
        o.content as { data: { name: string; x: number[] }[]; layout: { shapes: { x0: number }[] } }
      );
    strictEqual(figures.length, 2, "sentiment and hedge charts");
    deepStrictEqual(figures[0].data.slice(0, 3).map((t) => t.name), [
      "toolkit",
      "VADER",
      "wink-nlp",
    ]);
    figures[0].data[0].x.forEach((x, i) => ok(Math.abs(x - measured[i]) < 1e-4, `bar ${i}`));
    deepStrictEqual(figures[0].layout.shapes.map((s) => s.x0), [0.55, 0.63, 0.61]);
    const confusionTables = outputsWithMime(notebook, "text/html")
      .filter((o) => String(o.content).includes("confusion matrix"));
    strictEqual(confusionTables.length, 2);
  },
};

Deno.test("notebooks/ holds notebooks for the Deno kernel, committed without outputs", () => {
  ok(notebooks.length > 0, "no notebooks in notebooks/");
  for (const name of notebooks) {
    const path = join(notebooksDir, name);
    const notebook = JSON.parse(Deno.readTextFileSync(path)) as Notebook;
    deepStrictEqual(
      (notebook.metadata.kernelspec as { name?: string } | undefined)?.name,
      "deno",
      `${name}: kernelspec`,
    );
    const withOutputs = notebook.cells.filter((c) => (c.outputs ?? []).length > 0).length;
    strictEqual(withOutputs, 0, `${name}: commit notebooks without outputs`);
    ok(Deno.statSync(path).size < 1_000_000, `${name} is over 1 MB`);
  }
});

for (const name of notebooks) {
  Deno.test({
    name: `runNotebook() executes ${name} without errors and with its expected outputs`,
    ignore: !jupyter && !ci,
    // puppeteer's browser process and sockets outlive the page by a tick.
    sanitizeResources: false,
    sanitizeOps: false,
    fn: async (t) => {
      ok(jupyter, "CI=true and `jupyter nbconvert` is missing: tools/ensure_deps.ts installs it");
      const outDir = await Deno.makeTempDir({ prefix: "notebooks_test_" });
      try {
        const run = await runNotebook(join(notebooksDir, name), { outDir, html: true });
        deepStrictEqual(run.problems, [], `${name} has error outputs`);
        const framing = run.notebook.metadata.framing as
          | { expect_outputs?: string[]; expect_outputs_with_benchmarks?: string[] }
          | undefined;
        const expected = [
          ...framing?.expect_outputs ?? [],
          ...(benchmarks ? framing?.expect_outputs_with_benchmarks ?? [] : []),
        ];
        for (const mime of expected) {
          ok(outputsWithMime(run.notebook, mime).length > 0, `${name}: no "${mime}" output`);
        }
        const check = checks[name];
        if (check) await t.step("its results are plausible", () => check(run.notebook));
        const charts = outputsWithMime(run.notebook, PLOTLY_MIME).length;
        if (charts > 0) {
          await t.step({
            name: "its HTML export draws every chart in Chromium",
            ignore: !chromium && !ci,
            fn: async () => {
              ok(
                chromium,
                `CI=true and ${CHROMIUM_PATH} is missing: tools/ensure_deps.ts installs it`,
              );
              const drawn = await drawnCharts(run.html!);
              deepStrictEqual(drawn, { charts, errors: [] });
            },
          });
        }
      } finally {
        await Deno.remove(outDir, { recursive: true });
      }
    },
  });
}

Deno.test({
  name:
    "runNotebook() runs every validation of 03_validate.ipynb on a benchmark folder of fixtures",
  ignore: !jupyter && !ci,
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    ok(jupyter, "CI=true and `jupyter nbconvert` is missing: tools/ensure_deps.ts installs it");
    // Small files written for the tests, in the benchmark folder's layout: the notebook's
    // code path with data runs everywhere, without reading any reporting part.
    const bench = await Deno.makeTempDir({ prefix: "notebooks_test_bench_" });
    const outDir = await Deno.makeTempDir({ prefix: "notebooks_test_" });
    const fixture: Record<string, string> = {
      "nyt-even": "validate/sentences_even.tsv",
      "newsmtsc-rw-test": "validate/targets.jsonl",
      "newsmtsc-mt-test": "validate/targets.jsonl",
      "sfu-hedges": "stance/cues.jsonl",
      "roles-even": "roles/roles.tsv",
    };
    // The files a part reads besides its own.
    const also: Record<string, string> = {
      "framing/narrative_frames_frermann2023/articles_metadata.tsv": "roles/articles.tsv",
    };
    try {
      for (const part of REPORTING_PARTS) {
        await Deno.mkdir(join(bench, part.file, ".."), { recursive: true });
        await Deno.copyFile(
          join(REPO_ROOT, "tests", "fixtures", fixture[part.id]),
          join(bench, part.file),
        );
        for (const file of part.also ?? []) {
          await Deno.copyFile(join(REPO_ROOT, "tests", "fixtures", also[file]), join(bench, file));
        }
      }
      const run = await runNotebook(join(notebooksDir, "03_validate.ipynb"), {
        outDir,
        parameters: { benchmarks: bench },
      });
      deepStrictEqual(run.problems, []);
      const [headline] = outputsWithMime(run.notebook, "application/json").slice(-1);
      const h = headline.content as {
        skipped: string[];
        sentences: { n: number };
        targets: Record<string, { n: number }>;
        hedges: { n: number };
        roles: { n: number; rankAgreement: Record<string, number> };
        bars: unknown[];
      };
      deepStrictEqual(h.skipped, []);
      strictEqual(h.sentences.n, 8, "the even-article rows of the fixture");
      deepStrictEqual(Object.values(h.targets).map((t) => t.n), [3, 3]);
      strictEqual(h.hedges.n, 5);
      // Article 2 of the fixture (the one even ID): the rangers (hero) and the corrupt officials.
      strictEqual(h.roles.n, 2);
      deepStrictEqual(Object.keys(h.roles.rankAgreement).sort(), [
        "sentence",
        "span",
        "stance",
        "vader",
        "wink",
      ]);
      strictEqual(h.bars.length, 3);
      strictEqual(outputsWithMime(run.notebook, PLOTLY_MIME).length, 2);
    } finally {
      await Deno.remove(bench, { recursive: true });
      await Deno.remove(outDir, { recursive: true });
    }
  },
});

Deno.test("notebookProblems() reports error outputs and stderr that mentions an error", () => {
  const nb: Notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      { cell_type: "markdown", source: "# x", metadata: {} },
      {
        cell_type: "code",
        source: "",
        metadata: {},
        outputs: [{ output_type: "stream", name: "stderr", text: ["TypeError: nope\n"] }],
      },
      {
        cell_type: "code",
        source: "",
        metadata: {},
        outputs: [{ output_type: "stream", name: "stdout", text: "Error in stdout is fine\n" }],
      },
    ],
  };
  deepStrictEqual(notebookProblems(nb), ["cell 1: stderr: TypeError: nope"]);
});

Deno.test("withParameters() replaces a declared parameter and rejects an unknown one", () => {
  const nb: Notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [{
      cell_type: "code",
      source: ["// p\n", 'const corpusPath = "../data/corpus";\n', "const n: number = 3;"],
      metadata: { tags: ["parameters"] },
    }],
  };
  const out = withParameters(nb, { corpusPath: "/tmp/c", n: 5 });
  strictEqual(out.cells[0].source, '// p\nconst corpusPath = "/tmp/c";\nconst n: number = 5;');
  deepStrictEqual(out.metadata.parameters, { corpusPath: "/tmp/c", n: 5 });
  strictEqual(withParameters(nb, {}), nb);
  let message = "";
  try {
    withParameters(nb, { missing: 1 });
  } catch (e) {
    message = String(e);
  }
  ok(message.includes('no parameter "missing"'), message);
});

Deno.test("parameterNames() lists what the parameters cell declares, and the notebooks take their articles", () => {
  const names = (file: string) =>
    parameterNames(
      JSON.parse(Deno.readTextFileSync(new URL(`../notebooks/${file}`, import.meta.url))),
    );
  deepStrictEqual(names("01_compare_articles.ipynb").slice(0, 2), ["corpusPaths", "by"]);
  ok(names("02_extend_with_a_lexicon.ipynb").includes("corpusPaths"));
  deepStrictEqual(
    parameterNames({
      cells: [{ cell_type: "code", metadata: {}, source: "const x = 1;" }],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    }),
    [],
  );
});
