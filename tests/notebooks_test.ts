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
import {
  hasJupyter,
  type Notebook,
  notebookProblems,
  outputsWithMime,
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

/** Opens an HTML file in headless Chromium; counts drawn plotly charts and page errors. */
async function drawnCharts(htmlPath: string): Promise<{ charts: number; errors: string[] }> {
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-dev-shm-usage",
    ],
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
  "01_compare_articles.ipynb": (notebook) => {
    const [headline] = outputsWithMime(notebook, "application/json").slice(-1);
    const numbers = headline.content as {
      articles: number;
      failures: number;
      bodyShare: Record<string, number>;
    };
    // The bundled corpus is two articles, both readable.
    strictEqual(numbers.articles, 2);
    strictEqual(numbers.failures, 0);
    const shares = Object.values(numbers.bodyShare);
    strictEqual(shares.length, 2);
    // The author's prose is a real part of each page, but not all of it (title, byline...).
    for (const share of shares) ok(share > 0.25 && share < 1, `body share ${share}`);
    const figures = outputsWithMime(notebook, PLOTLY_MIME)
      .map((o) => o.content as { data: { name: string; y: number[] }[] });
    strictEqual(figures.length, 2, "characters and shares");
    for (const figure of figures) {
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
    strictEqual(charts.length, 2, "each chart needs a text/html output for the HTML export");
    ok(library >= 0 && library < charts[0], "plotly.js must be inlined before the charts");
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
        const framing = run.notebook.metadata.framing as { expect_outputs?: string[] } | undefined;
        for (const mime of framing?.expect_outputs ?? []) {
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
