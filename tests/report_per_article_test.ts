import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import fc from "fast-check";
import { analyzeCorpus } from "../lib/analyze.ts";
import type { AnalysisDocument } from "../lib/analysis.ts";
import type { Article } from "../lib/article.ts";
import { reportTables } from "../lib/report/figures.ts";
import { reportHtml } from "../lib/report/report_html.ts";
import { PER_ARTICLE_ROWS_UP_TO, shownArticles } from "../lib/report/shown_articles.ts";
import { loadResources } from "../lib/resources.ts";
import { main } from "../tools/report.ts";

const resources = await loadResources();

/** `n` articles with the same text, so that each one's listing weighs the same. */
function corpus(n: number): AnalysisDocument {
  const articles: Article[] = Array.from({ length: n }, (_, i) => ({
    meta: {
      id: `art-${String(i).padStart(3, "0")}`,
      title: "Gas talks",
      outlet: i % 2 === 0 ? "A" : "B",
      language: "en",
      inferred: i === 0 ? ["date", "outlet"] : [],
      ...(i === 0 ? { section: "World" } : {}),
    },
    text: "Gas talks\n\nPutin met Tokayev in Astana to discuss a new gas pipeline. " +
      "Critics said the corrupt deal would hurt Kazakhstan.",
    origin: `test:${i}`,
    warnings: [],
  }));
  return analyzeCorpus({ articles, failures: [], notes: [] }, resources, { resamples: 20 });
}

/** The text of one section of a report. */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}">`);
  ok(start >= 0, `no section ${id}`);
  return html.slice(start, html.indexOf("</section>", start));
}

/** The article ids that a section names in its rows. */
function idsIn(text: string, doc: AnalysisDocument): string[] {
  return doc.articles.map((a) => a.id).filter((id) => text.includes(id));
}

Deno.test("shownArticles() keeps every article up to the limit, and past it `limit` distinct ones spread through the order", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 600 }), (n, limit) => {
      const ids = Array.from({ length: n }, (_, i) => i);
      const { shown, total } = shownArticles(ids, limit);
      strictEqual(total, n);
      strictEqual(shown.length, Math.min(n, limit));
      for (let i = 1; i < shown.length; i++) ok(shown[i] > shown[i - 1], "in order, no repeat");
      if (n > 0) strictEqual(shown[0], 0);
      // No gap wider than the even spacing, rounded up: no stretch of the corpus is left out.
      const gaps = [...shown.slice(1), n].map((x, i) => x - shown[i]);
      if (n > 0) ok(Math.max(...gaps) <= Math.ceil(n / Math.min(n, limit)));
    }),
  );
  throws(() => shownArticles([1, 2], 0), /positive whole number/);
  throws(() => shownArticles([1, 2], 1.5), /positive whole number/);
  deepStrictEqual(shownArticles([1, 2, 3], Infinity).shown, [1, 2, 3]);
});

Deno.test("report.html lists a sample past --per-article, says so, and its listings stop growing with the corpus", () => {
  const small = corpus(6);
  const large = corpus(24);
  const html6 = reportHtml({ doc: small, figures: [] }, { perArticle: 3 });
  const html24 = reportHtml({ doc: large, figures: [] }, { perArticle: 3 });
  for (const id of ["articles", "voices", "per-article"]) {
    const s = section(html24, id);
    strictEqual(idsIn(s, large).length, 3, `section ${id} lists 3 articles`);
    ok(s.includes("This listing shows 3 of 24 articles"), `section ${id} says so`);
  }
  // The same three places in the order: the first, then one in about every 8.
  deepStrictEqual(idsIn(section(html24, "per-article"), large), ["art-000", "art-008", "art-016"]);
  // The voices section adds the totals of every article.
  ok(section(html24, "voices").includes("<h3>All articles</h3>"));
  // Four times the articles, about the same page: only the ids' counts and the note differ.
  const per6 = section(html6, "per-article").length;
  const per24 = section(html24, "per-article").length;
  ok(Math.abs(per24 - per6) < 200, `per-article section ${per6} → ${per24} characters`);
});

Deno.test("report.html lists every article up to the limit, and with Infinity, without a note", () => {
  const doc = corpus(5);
  for (const perArticle of [5, Infinity, undefined]) {
    const html = reportHtml({ doc, figures: [] }, perArticle === undefined ? {} : { perArticle });
    ok(!html.includes("This listing shows"));
    strictEqual(idsIn(section(html, "per-article"), doc).length, 5);
    ok(!section(html, "voices").includes("<h3>All articles</h3>"));
  }
  ok(PER_ARTICLE_ROWS_UP_TO >= 100);
  throws(() => reportHtml({ doc, figures: [] }, { perArticle: 0 }), RangeError);
});

Deno.test("the articles table has a row for every article, with its metadata as read", () => {
  const doc = corpus(24);
  const articles = [...reportTables(doc)].find((t) => t.name === "articles");
  ok(articles !== undefined);
  const rows = [...articles.rows];
  deepStrictEqual(rows.map((r) => r.article), doc.articles.map((a) => a.id));
  strictEqual(rows[0].section, "World");
  strictEqual(rows[0].inferred, "date; outlet");
  strictEqual(rows[1].inferred, "");
  // The same leading columns in every row, whatever the article holds.
  const lead = [
    "article",
    "title",
    "outlet",
    "author",
    "date",
    "language",
    "origin",
    "length",
    "warnings",
    "sentences",
    "words",
    "source",
    "inferred",
  ];
  for (const r of rows) deepStrictEqual(Object.keys(r).slice(0, lead.length), lead);
  strictEqual(rows[1].outlet, "B");
  for (const [i, r] of rows.entries()) {
    const a = doc.articles[i];
    strictEqual(r.length, a.length);
    strictEqual(r.words, a.voices.reduce((s, v) => s + v.words, 0));
    strictEqual(r.origin, `test:${i}`);
  }
});

Deno.test("report --per-article refuses what is not a positive whole number or all", async () => {
  const errors: string[] = [];
  const error = console.error;
  console.error = (...m: unknown[]) => errors.push(m.join(" "));
  try {
    for (const bad of ["0", "-3", "2.5", "some"]) {
      strictEqual(await main([`--per-article=${bad}`, "--no-notebooks"]), 2);
    }
  } finally {
    console.error = error;
  }
  strictEqual(errors.length, 4);
  ok(errors.every((e) => e.includes('--per-article: expected a positive whole number or "all"')));
  ok(errors[3].includes('found "some"'));
});

Deno.test("report.html lists the first warnings and failed inputs past --per-article; the table warnings holds every one", () => {
  const doc = corpus(12);
  doc.articles.forEach((a, i) => a.warnings.push(`warning one of ${a.id}`, `warning two ${i}`));
  doc.failures.push(
    ...Array.from({ length: 7 }, (_, i) => ({ input: `corpus.jsonl:${i + 1}`, reason: "bad" })),
  );
  const failures = section(reportHtml({ doc, figures: [] }, { perArticle: 5 }), "failures");
  ok(failures.includes("Article warnings (24)"), "the heading counts every warning");
  ok(failures.includes("This list shows the first 5 of 24 article warnings"));
  ok(failures.includes("This list shows the first 5 of 7 inputs that failed"));
  ok(failures.includes("warning one of art-000") && failures.includes("warning one of art-002"));
  ok(!failures.includes("warning two 2") && !failures.includes("art-003"), "only the first 5");
  ok(failures.includes("corpus.jsonl:5") && !failures.includes("corpus.jsonl:6"));
  // Under the limit every one is listed, with no note.
  const all = section(reportHtml({ doc, figures: [] }), "failures");
  ok(all.includes("warning two 11") && all.includes("corpus.jsonl:7"));
  ok(!all.includes("This list shows"));
  const table = [...reportTables(doc)].find((t) => t.name === "warnings")!;
  const rows = [...table.rows];
  strictEqual(rows.length, 24 + 7);
  deepStrictEqual(rows[0], {
    article: "art-000",
    input: "",
    kind: "warning",
    message: "warning one of art-000",
  });
  deepStrictEqual(rows.at(-1), {
    article: "",
    input: "corpus.jsonl:7",
    kind: "failed input",
    message: "bad",
  });
  strictEqual([...table.rows].length, rows.length, "the rows can be read again");
});

Deno.test("tables/warnings.csv has its header when nothing went wrong", async () => {
  const { exportTables } = await import("../lib/export/tables.ts");
  const dir = await Deno.makeTempDir();
  try {
    const tables = [...reportTables(corpus(2))].filter((t) => t.name === "warnings");
    await exportTables(tables, dir);
    strictEqual(
      (await Deno.readTextFile(`${dir}/warnings.csv`)).trim(),
      "article,input,kind,message",
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
