import { ok, strictEqual } from "node:assert/strict";
import { join } from "node:path";
import { analyzeCorpus } from "../lib/analyze.ts";
import { loadCorpus } from "../lib/corpus/load_corpus.ts";
import { parseCsv } from "../lib/corpus/csv.ts";
import { humanCoding } from "../lib/coding/human_coding.ts";
import { findChromium } from "../lib/export/browser.ts";
import { reportHtml } from "../lib/report/report_html.ts";
import { loadResources } from "../lib/resources.ts";
import { main as report } from "../tools/report.ts";

const chromium = findChromium();
const ignore = chromium === undefined && Deno.env.get("CI") !== "true";

const resources = await loadResources();
const doc = analyzeCorpus(await loadCorpus(["data/corpus"]), resources, { resamples: 50 });

Deno.test("issue 20: the report's article table shows a dash, not the text ${DASH}, when no other field is given", () => {
  const html = reportHtml({
    doc: {
      ...doc,
      articles: doc.articles.map((a) => ({
        ...a,
        meta: { id: a.id, language: "en", inferred: [] },
      })),
    },
    figures: [],
  });
  ok(!html.includes("${DASH}"), "the literal ${DASH} is in the page");
  ok(html.includes('<span class="none">–</span>'));
});

Deno.test("reportHtml() with codes: a Human coding section, and the people's code beside the model's stance", () => {
  const codes = [
    { unit: "politnavigator-2023-11-10::tokayev", coder: "ann", code: -1, note: "" },
    { unit: "politnavigator-2023-11-10::tokayev", coder: "bo", code: -2, note: "" },
    { unit: "topwar-2023-11-11::macron", coder: "ann", code: -1, note: "" },
    { unit: "topwar-2023-11-11::macron", coder: "bo", code: -1, note: "" },
    { unit: "topwar-2023-11-11::nobody", coder: "ann", code: 1, note: "" },
  ];
  const coding = humanCoding(doc.articles, codes, { resamples: 50 });
  strictEqual(coding.cells.length, 2);
  strictEqual(coding.unmatched.length, 1);
  const html = reportHtml({ doc, figures: [], coding });
  ok(html.includes('<section id="human-coding">'));
  ok(html.includes("s code (coders)") && html.includes("model stance"));
  // Tokayev's cell: the mean of −1 and −2, by two coders.
  ok(html.includes("<strong>-1.50</strong> (2)"));
  // The code for an actor the analysis does not have is listed, not dropped.
  ok(html.includes("topwar-2023-11-11::nobody"));
  ok(html.includes("simple random sample"), "the design statement says how the codes are taken");
});

Deno.test({
  name:
    "report --codes: exits 0, the actor table and chart carry the codes, names may be actors' names",
  ignore,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "report_codes_" });
    try {
      // A coding in the long format that names articles by file and actors by name.
      const codes = join(dir, "codes.csv");
      await Deno.writeTextFile(
        codes,
        "unit,coder,code,note\n" +
          'politnavigator-2023-11-10.txt::Tokayev,ann,-1,"calls him ""a hostage"""\n' +
          "politnavigator-2023-11-10::tokayev,bo,-1,\n" +
          "topwar-2023-11-11::Kazakhstan,ann,-1,\n" +
          "topwar-2023-11-11::kazakhstan,bo,-2,\n" +
          "topwar-2023-11-11::Emmanuel Macron,ann,NA,\n",
      );
      const out = join(dir, "out");
      const code = await report(["--no-notebooks", "--out", out, "--codes", codes]);
      strictEqual(code, 0);
      const rows = parseCsv(
        await Deno.readTextFile(join(out, "tables", "actors.csv")),
        "actors.csv",
      );
      const row = (article: string, actor: string) =>
        rows.find((r) =>
          r.fields.article === article && r.fields.actor === actor && r.fields.voice === "body"
        )!.fields;
      strictEqual(row("politnavigator-2023-11-10", "tokayev").humanCode, "-1");
      strictEqual(row("topwar-2023-11-11", "kazakhstan").humanCode, "-1.5");
      strictEqual(row("topwar-2023-11-11", "macron").coders, "1");
      strictEqual(row("topwar-2023-11-11", "macron").humanCode, "");
      strictEqual(row("topwar-2023-11-11", "putin").coders, "0");
      const html = await Deno.readTextFile(join(out, "report.html"));
      ok(html.includes('<section id="human-coding">'));
      const figure = await Deno.readTextFile(join(out, "figures", "actor_sentiment.csv"));
      ok(figure.length > 0);
      const svg = await Deno.readTextFile(join(out, "figures", "actor_sentiment.svg"));
      ok(svg.includes("People's code"), "the chart has the codes' axis");
      const json = JSON.parse(await Deno.readTextFile(join(out, "human_coding.json")));
      strictEqual(json.unmatched.length, 0);
      strictEqual(json.cells.length, 3);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test("report --codes: a bad codes file stops the run before any article is read, naming the file and line", async () => {
  const dir = await Deno.makeTempDir({ prefix: "report_codes_" });
  try {
    const codes = join(dir, "codes.csv");
    await Deno.writeTextFile(codes, "unit,coder,code\na::x,ann,very bad\n");
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(" "));
    let code: number;
    try {
      code = await report(["--no-notebooks", "--out", join(dir, "out"), "--codes", codes]);
    } finally {
      console.error = original;
    }
    strictEqual(code, 2);
    ok(
      errors.some((e) => e.includes(`${codes}": line 2: code: expected a number`)),
      errors.join("\n"),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
