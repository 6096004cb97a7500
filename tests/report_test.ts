import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { join } from "node:path";
import fc from "fast-check";
import puppeteer from "puppeteer-core";
import { analyzeCorpus } from "../lib/analyze.ts";
import type { AnalysisDocument } from "../lib/analysis.ts";
import { backgroundFrequencies } from "../lib/compare/background.ts";
import { compareGroups } from "../lib/compare/compare_groups.ts";
import { loadCorpus } from "../lib/corpus/load_corpus.ts";
import { CHROMIUM_ARGS, findChromium } from "../lib/export/browser.ts";
import { highlightText } from "../lib/report/evidence.ts";
import { reportFigures } from "../lib/report/figures.ts";
import { attr, escapeHtml, jsonForScript } from "../lib/report/html.ts";
import { loadPlotlySource, reportHtml } from "../lib/report/report_html.ts";
import { loadResources } from "../lib/resources.ts";

const chromium = findChromium();
const onCi = Deno.env.get("CI") === "true";
if (chromium === undefined && !onCi) {
  console.warn(
    "report_test.ts: Chromium not found ($CHROMIUM_PATH, /usr/bin/chromium, ...): " +
      "skipping the browser tests. Install it with: apt-get install -y chromium fonts-liberation",
  );
}
/** Browser tests run where Chromium is; on CI a missing Chromium fails them instead of skipping. */
const ignore = chromium === undefined && !onCi;

/** The text a browser would show for an HTML fragment without tags. */
function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
}

Deno.test("escapeHtml() leaves no markup characters and round-trips", () => {
  fc.assert(fc.property(fc.string(), (s) => {
    const e = escapeHtml(s);
    ok(!/[<>"']/.test(e));
    strictEqual(textOf(e), s);
  }));
});

Deno.test("attr() escapes the value and refuses event handlers", () => {
  strictEqual(attr("title", "<a>"), ' title="&lt;a&gt;"');
  throws(() => attr("onerror", "x"), RangeError);
  throws(() => attr('x" onload="y', "x"), RangeError);
});

Deno.test("jsonForScript() cannot close a script element and parses back", () => {
  fc.assert(fc.property(fc.jsonValue(), (v) => {
    const json = jsonForScript(v);
    ok(!/<\/script|<!--|[\u2028\u2029]/i.test(json));
    deepStrictEqual(JSON.parse(json), JSON.parse(JSON.stringify(v)));
  }));
  ok(!jsonForScript({ t: "</SCRIPT><script>" }).includes("<"));
});

Deno.test("highlightText() marks nested, crossing, identical and adjacent spans without nesting marks", () => {
  const text = "abcdefghij";
  const html = highlightText(text, { start: 0, end: 10 }, [
    { start: 1, end: 6, kind: "actor", label: "A" }, // b..f
    { start: 2, end: 4, kind: "cue", label: "C" }, // c..d inside A
    { start: 5, end: 8, kind: "hit", label: "H" }, // f..h crosses A
    { start: 5, end: 8, kind: "hit", label: "H" }, // identical: no second mark
    { start: 8, end: 9, kind: "hit", label: "H2" }, // adjacent to H
  ]);
  strictEqual(
    html,
    'a<mark class="actor" title="A">b</mark><mark class="actor cue" title="A; C">cd</mark>' +
      '<mark class="actor" title="A">e</mark><mark class="actor hit" title="A; H">f</mark>' +
      '<mark class="hit" title="H">gh</mark><mark class="hit" title="H2">i</mark>j',
  );
  // Marks never nest.
  ok(!/<mark[^>]*>[^<]*<mark/.test(html));
});

Deno.test("highlightText() clips spans to the range and escapes text and labels", () => {
  const text = 'x <b onclick="p()">Putin</b> y';
  const at = text.indexOf("Putin");
  const html = highlightText(text, { start: 2, end: text.length - 2 }, [
    { start: 0, end: 4, kind: "hit", label: '"><script>' },
    { start: at, end: at + 5, kind: "actor", label: "putin" },
  ]);
  ok(!html.includes("<b"));
  ok(!html.includes("<script"));
  strictEqual(textOf(html), '<b onclick="p()">Putin</b>');
  ok(html.includes('<mark class="actor" title="putin">Putin</mark>'));
  throws(() => highlightText(text, { start: 5, end: 99 }, []), RangeError);
  throws(() => highlightText(text, { start: 5, end: 2 }, []), RangeError);
});

Deno.test("highlightText() keeps every character of the range, whatever the spans", () => {
  const span = fc.record({
    start: fc.nat(40),
    end: fc.nat(40),
    kind: fc.constantFrom("hit", "actor", "cue"),
    label: fc.string(),
  });
  fc.assert(fc.property(fc.string({ maxLength: 40 }), fc.array(span), (text, spans) => {
    const html = highlightText(text, { start: 0, end: text.length }, spans, {
      collapseWhitespace: false,
    });
    strictEqual(textOf(html), text);
    ok(!/<mark[^>]*>[^<]*<mark/.test(html));
  }));
});

let realDoc: Promise<AnalysisDocument> | undefined;
function corpusDoc(): Promise<AnalysisDocument> {
  realDoc ??=
    (async () => analyzeCorpus(await loadCorpus(["data/corpus"]), await loadResources()))();
  return realDoc;
}

async function realReport(plotly?: string) {
  const doc = await corpusDoc();
  const comparison = compareGroups(doc.articles, {
    by: "outlet",
    resamples: 200,
    prior: await backgroundFrequencies(),
  });
  const { figures, notes } = reportFigures(doc, comparison);
  return {
    doc,
    comparison,
    figures,
    html: reportHtml({ doc, comparison, figures, notes }, { plotly }),
  };
}

Deno.test("reportHtml() shows every article, table, figure, the resampling statement and inferred fields", async () => {
  const { doc, comparison, figures, html } = await realReport();
  for (const a of doc.articles) {
    ok(html.includes(escapeHtml(a.id)), a.id);
    ok(html.includes(escapeHtml(a.meta.title)), `title of ${a.id}`);
  }
  ok(html.includes('Military Review (topwar.ru) <em class="inferred">(inferred)</em>'));
  ok(!html.includes('PolitNavigator <em class="inferred">'));
  for (const name of ["Topics", "Stance markers", "Actors"]) {
    ok(html.includes(`<h3>${name}: `), name);
  }
  // One statement of what was resampled per comparison table and per keyness table.
  const statements = html.split(escapeHtml(comparison.unit)).length - 1;
  strictEqual(statements, 3 * comparison.pairs.length + comparison.pairs.length + 1);
  for (const f of figures) ok(html.includes(`-${f.name}-spec"`), f.name);
  // Every comparison row and keyness row opens into evidence.
  const metricRows = html.split('<details class="metric">').length - 1;
  ok(metricRows >= comparison.rows.length + comparison.keyness.length);
  // Provenance: each lexicon's hash.
  for (const l of doc.provenance.lexicons) ok(html.includes(l.sha256), l.name);
  ok(html.includes("Content-Security-Policy"));
  ok(!/\b(?:src|href)="https?:/.test(html), "no network resources");
});

Deno.test("reportHtml() lists failures, notes and warnings", async () => {
  const doc = structuredClone(await corpusDoc());
  doc.failures.push({ input: "bad.txt:3", reason: "expected <text>" });
  doc.notes.push("a note");
  doc.articles[0].warnings.push("a warning");
  const html = reportHtml({ doc, figures: [], notes: ["comparison skipped: one group"] });
  ok(html.includes("<code>bad.txt:3</code>: expected &lt;text&gt;"));
  ok(html.includes("a note"));
  ok(html.includes("a warning"));
  ok(html.includes("comparison skipped: one group"));
  ok(html.includes("No comparison was made"));
});

/** Opens HTML in headless Chromium; collects console errors, page errors and network requests. */
async function openInChromium(html: string) {
  const dir = await Deno.makeTempDir({ prefix: "report_test_" });
  const file = join(dir, "report.html");
  await Deno.writeTextFile(file, html);
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => {
    if (!/^(file|data|blob|about):/.test(r.url())) requests.push(r.url());
  });
  await page.goto(`file://${file}`, { waitUntil: "load", timeout: 60_000 });
  return { browser, page, errors, requests, dir };
}

const PAYLOADS = [
  "<script>window.__pwned=1</script>",
  '<img src=x onerror="window.__pwned=2">',
  '<b onclick="window.__pwned=3">Putin</b>',
  '<a href="javascript:window.__pwned=4">javascript:window.__pwned=4</a>',
];

Deno.test({
  name: "reportHtml() runs nothing from article text in Chromium",
  ignore,
  async fn() {
    const text = (outlet: string) =>
      `Putin and gas ${PAYLOADS[0]} in ${outlet}\n\n` +
      `Putin said gas prices ${PAYLOADS[1]} rose sharply.\n\n` +
      `Tokayev praised ${PAYLOADS[2]} for the pipeline deal.\n\n` +
      `Read more: ${PAYLOADS[3]} about sanctions and gas.\n`;
    const article = (id: string, outlet: string) => ({
      meta: {
        id,
        title: `Title ${PAYLOADS[0]}`,
        outlet,
        language: "en",
        inferred: ["outlet"],
        note: PAYLOADS[1],
      },
      origin: `${id}.txt`,
      warnings: [PAYLOADS[1]],
      text: text(outlet),
    });
    const doc = analyzeCorpus({
      articles: [
        article("x1", `Outlet ${PAYLOADS[1]}`),
        article("x2", `Other ${PAYLOADS[2]} ${PAYLOADS[3]}`),
      ],
      failures: [{ input: PAYLOADS[0], reason: PAYLOADS[3] }],
      notes: [PAYLOADS[2]],
    }, await loadResources());
    strictEqual(doc.articles.length, 2);
    ok(doc.articles[0].mentions.length > 0, "the payload sentences carry evidence");
    const comparison = compareGroups(doc.articles, { resamples: 50 });
    const { figures } = reportFigures(doc, comparison);
    const html = reportHtml({ doc, comparison, figures }, { plotly: await loadPlotlySource() });
    const { browser, page, errors, requests, dir } = await openInChromium(html);
    try {
      const result = await page.evaluate(() => {
        const g = globalThis as unknown as {
          __pwned?: unknown;
          document: {
            querySelectorAll(s: string): { length: number; forEach(f: (e: unknown) => void): void };
            body: { innerText: string };
          };
        };
        g.document.querySelectorAll("details").forEach((d) => (d as { open: boolean }).open = true);
        return {
          pwned: g.__pwned,
          handlers: g.document.querySelectorAll("[onerror],[onclick],[onload]").length,
          images: g.document.querySelectorAll("img").length,
          // Any element (HTML or SVG, plotly's included) with a handler or a javascript: URL.
          risky: [...g.document.querySelectorAll("*") as unknown as Iterable<
            { attributes: Iterable<{ name: string; value: string }> }
          >].flatMap((e) => [...e.attributes])
            .filter((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value))
            .map((a) => `${a.name}=${a.value}`),
          scripts: g.document.querySelectorAll("script:not([type='application/json'])").length,
          text: g.document.body.innerText,
        };
      });
      strictEqual(result.pwned, undefined);
      strictEqual(result.handlers, 0);
      strictEqual(result.images, 0);
      deepStrictEqual(result.risky, []);
      strictEqual(result.scripts, 2, "plotly.js and the drawing script only");
      for (const p of PAYLOADS) ok(result.text.includes(p), `shown as text: ${p}`);
      // Clicking the would-be handler's text runs nothing either.
      await page.evaluate(() => {
        const d = (globalThis as unknown as {
          document: { querySelectorAll(s: string): Iterable<{ click(): void }> };
        }).document;
        for (const m of d.querySelectorAll("mark")) m.click();
      });
      strictEqual(
        await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned),
        undefined,
      );
      deepStrictEqual(errors, []);
      deepStrictEqual(requests, []);
    } finally {
      await browser.close();
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "reportHtml() of the bundled corpus draws every figure and opens evidence in Chromium",
  ignore,
  async fn() {
    const { figures, html } = await realReport(await loadPlotlySource());
    const { browser, page, errors, requests, dir } = await openInChromium(html);
    try {
      await page.waitForFunction(
        (n: number) =>
          (globalThis as unknown as {
            document: { querySelectorAll(s: string): { length: number } };
          })
            .document.querySelectorAll("div.plot .main-svg").length >= n,
        { timeout: 60_000 },
        figures.length,
      );
      const drawn = await page.$$eval(
        "div.plot",
        (divs) => divs.filter((d) => d.querySelector(".main-svg") !== null).length,
      );
      strictEqual(drawn, figures.length);
      ok(figures.length >= 6, `${figures.length} figures`);
      // Expand the first comparison row: a mark becomes visible.
      const summary = await page.$(".grid.cmp details.metric > summary");
      ok(summary, "a comparison row");
      const hiddenBefore = await page.$eval(".grid.cmp details.metric", (d) => {
        const m = d.querySelector("mark") as unknown as { checkVisibility(): boolean } | null;
        return m === null || !m.checkVisibility();
      });
      ok(hiddenBefore, "evidence is closed at first");
      await summary!.click();
      const mark = await page.$(".grid.cmp details.metric[open] mark");
      ok(mark, "an open row with a mark");
      const box = await mark!.boundingBox();
      ok(box !== null && box.width > 0 && box.height > 0, "the mark has a box");
      ok(
        await mark!.evaluate((m) =>
          (m as unknown as { checkVisibility(): boolean }).checkVisibility()
        ),
        "the mark is visible",
      );
      await summary!.scrollIntoView();
      const shot = join(dir, "report.png");
      await page.screenshot({ path: shot });
      await page.goto(`file://${join(dir, "report.html")}#figures`);
      await page.screenshot({ path: join(dir, "figures.png") });
      ok((await Deno.stat(shot)).size > 10_000);
      console.log(`report_test.ts: screenshots in ${dir}`);
      deepStrictEqual(errors, []);
      deepStrictEqual(requests, []);
    } finally {
      await browser.close();
    }
  },
});

Deno.test("reportHtml() links only relative files", async () => {
  const doc = await corpusDoc();
  const html = reportHtml({
    doc,
    figures: [],
    files: ["figures/a b.svg", "javascript:alert(1)", "/etc/passwd"],
  });
  ok(html.includes('<a href="figures/a%20b.svg"><code>figures/a b.svg</code></a>'));
  ok(html.includes("<li><code>javascript:alert(1)</code></li>"));
  ok(html.includes("<li><code>/etc/passwd</code></li>"));
  ok(!html.includes('href="javascript'));
});
