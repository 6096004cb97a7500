// Issue 21: articles as the unit of resampling when the groups are large enough.
import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { compareArticleRatios } from "../lib/compare/article_resample.ts";
import {
  ARTICLE_STANCE_MEASURE,
  compareGroups,
  Comparison,
  STANCE_MEASURE,
} from "../lib/compare/compare_groups.ts";
import { RESAMPLING_UNIT } from "../lib/compare/resample.ts";
import {
  ARTICLE_RESAMPLING_UNIT,
  chooseUnit,
  MIN_ARTICLES_PER_GROUP,
} from "../lib/compare/unit_choice.ts";
import { nullRates, syntheticArticles } from "./_synthetic_articles.ts";

const labelled = (n: number, seed: number, groupA: number) =>
  syntheticArticles(n, seed).map((a, i) => ({
    ...a,
    meta: { ...a.meta, outlet: i < groupA ? "A" : "B" },
  }));

Deno.test("compareGroups() with articles as the unit: about 5 % of rows at p < 0.05 under a true null", () => {
  // 60 articles with an article-level effect on rates and tone, split at random 300 times.
  const articles = syntheticArticles(60, 21);
  const article = nullRates(articles, 300, "article", 400, 5);
  const sentence = nullRates(articles, 40, "sentence", 200, 5);
  console.log(
    `null simulation, 30 vs 30 articles: p < 0.05 in ${
      (article.falsePositive * 100).toFixed(1)
    } % ` +
      `of ${article.rows} rows with articles as the unit (interval holds 0 in ` +
      `${(article.coverage * 100).toFixed(1)} %); ${(sentence.falsePositive * 100).toFixed(1)} % ` +
      `of ${sentence.rows} rows with sentences as the unit (interval holds 0 in ` +
      `${(sentence.coverage * 100).toFixed(1)} %)`,
  );
  ok(
    article.falsePositive >= 0.02 && article.falsePositive <= 0.08,
    `article unit: ${article.falsePositive}`,
  );
  ok(article.coverage >= 0.9, `article unit: 95 % intervals hold 0 in ${article.coverage}`);
  // The pseudo-replication the issue describes: the sentence unit finds differences that are not there.
  ok(sentence.falsePositive > 0.1, `sentence unit: ${sentence.falsePositive}`);
});

Deno.test("MIN_ARTICLES_PER_GROUP: at the threshold the article unit holds its level and coverage", () => {
  const n = MIN_ARTICLES_PER_GROUP;
  const r = nullRates(syntheticArticles(2 * n, 110), 400, "article", 400, 7);
  console.log(
    `null simulation, ${n} vs ${n} articles: p < 0.05 in ${
      (r.falsePositive * 100).toFixed(1)
    } %, ` +
      `interval holds 0 in ${(r.coverage * 100).toFixed(1)} % of ${r.rows} rows`,
  );
  ok(r.falsePositive >= 0.02 && r.falsePositive <= 0.08, `${r.falsePositive}`);
  ok(r.coverage >= 0.9, `${r.coverage}`);
  // Below it, with 3 articles a side, the permutation cannot reach p < 0.05 at all.
  const few = nullRates(syntheticArticles(6, 103), 100, "article", 400, 7);
  strictEqual(few.falsePositive, 0);
});

Deno.test("compareGroups() picks the unit from the smallest group and states why", () => {
  const n = MIN_ARTICLES_PER_GROUP;
  const big = Comparison.parse(compareGroups(labelled(2 * n, 3, n), { resamples: 50 }));
  strictEqual(big.resampling.unit, "article");
  strictEqual(big.unit, `${ARTICLE_RESAMPLING_UNIT} ${big.resampling.reason}`);
  ok(/every group has at least 10 articles \(A 10, B 10\)/.test(big.resampling.reason));
  const small = compareGroups(labelled(2 * n, 3, n - 1), { resamples: 50 });
  strictEqual(small.resampling.unit, "sentence");
  ok(small.unit.startsWith(RESAMPLING_UNIT));
  ok(/group "A" has 9 articles, fewer than the 10/.test(small.resampling.reason));
  // Units are articles on the article side, sentences on the other.
  const topic = (c: Comparison) => c.rows.find((r) => r.table === "topics")!;
  strictEqual(topic(big).unitsA + topic(big).unitsB, 2 * n);
  ok(topic(small).unitsA + topic(small).unitsB > 2 * n * 8);
});

Deno.test("compareGroups() --unit overrides the choice, and warns for a group of one article", () => {
  const articles = labelled(24, 4, 12);
  const forced = compareGroups(articles, { unit: "sentence", resamples: 50 });
  strictEqual(forced.resampling.unit, "sentence");
  ok(/--unit sentence was given/.test(forced.resampling.reason));
  deepStrictEqual(forced.resampling.warnings, []);
  const tiny = compareGroups(labelled(6, 4, 1), { unit: "article", resamples: 50 });
  strictEqual(tiny.resampling.unit, "article");
  strictEqual(tiny.resampling.warnings.length, 1);
  ok(/"A" has fewer than two articles/.test(tiny.resampling.warnings[0]));
  throws(
    () => compareGroups(articles, { unit: "paragraph" as never }),
    /Cannot resample by "paragraph": expected one of auto, sentence, article/,
  );
});

Deno.test("compareGroups() with articles: rates are ratio estimators, stance the mean over articles", () => {
  const articles = labelled(24, 8, 12);
  const c = compareGroups(articles, { resamples: 50 });
  const inA = articles.slice(0, 12);
  for (const feature of ["energy", "hedges"]) {
    const r = c.rows.find((x) => x.feature === feature)!;
    const hits = inA.flatMap((a) => a.hits.filter((h) => h.category === feature)).length;
    const words = inA.flatMap((a) => a.sentences).reduce((s, x) => s + x.words, 0);
    ok(Math.abs(r.valueA! - (hits / words) * 1000) < 1e-9, feature);
    strictEqual(r.measure, "per 1,000 words");
  }
  const actor = c.rows.find((x) => x.table === "actors")!;
  strictEqual(actor.measure, ARTICLE_STANCE_MEASURE);
  const stances = inA.filter((a) => a.mentions.length > 0).map((a) => {
    const evaluating = a.mentions.filter((m) => m.evaluates);
    return evaluating.reduce((s, m) => s + m.score, 0) / (evaluating.length + 1);
  });
  strictEqual(actor.unitsA, stances.length);
  ok(Math.abs(actor.valueA! - stances.reduce((s, x) => s + x, 0) / stances.length) < 1e-12);
  // Evidence is still sentences.
  ok(actor.evidenceA.length > 0 && actor.evidenceCountA >= actor.unitsA);
  const sentences = compareGroups(articles, { resamples: 50, unit: "sentence" });
  strictEqual(sentences.rows.find((x) => x.table === "actors")!.measure, STANCE_MEASURE);
});

Deno.test("compareArticleRatios() is seeded, and its permutation p is exact on a small case", () => {
  const a = [{ num: 1, den: 10 }, { num: 2, den: 10 }, { num: 3, den: 10 }];
  const b = [{ num: 7, den: 10 }, { num: 8, den: 10 }, { num: 9, den: 10 }];
  const r = compareArticleRatios(a, b, { resamples: 4000, seed: 3 });
  strictEqual(
    JSON.stringify(r),
    JSON.stringify(compareArticleRatios(a, b, { resamples: 4000, seed: 3 })),
  );
  // 20 equally likely splits; the observed one and its mirror are the two most extreme: p = 0.1.
  ok(Math.abs(r.p - 0.1) < 0.015, `${r.p}`);
  strictEqual(r.valueA, 0.2);
  ok(r.ci[0] < 0 && r.ci[1] < 0);
  throws(() => compareArticleRatios(a, b, { resamples: 0 }), RangeError);
});

Deno.test("chooseUnit() counts the smallest group, also with more than two groups", () => {
  const group = (g: string, n: number) => ({
    group: g,
    articles: Array.from({ length: n }, String),
  });
  strictEqual(chooseUnit([group("A", 40), group("B", 40), group("C", 9)]).unit, "sentence");
  strictEqual(chooseUnit([group("A", 40), group("B", 40), group("C", 10)]).unit, "article");
});

Deno.test("report --unit refuses a unit that is not one, before reading anything", async () => {
  const { main } = await import("../tools/report.ts");
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void errors.push(args.join(" "));
  try {
    strictEqual(await main(["--unit", "paragraph", "no/such/folder"]), 2);
  } finally {
    console.error = original;
  }
  ok(errors.some((e) => /--unit "paragraph": expected sentence or article/.test(e)), errors.join());
});

Deno.test("articles as the unit read the same units from the rows as from the sentences", async () => {
  const { analyzeCorpus, loadCorpus, loadResources } = await import("../lib/mod.ts");
  const shapes = new URL("./fixtures/shapes/", import.meta.url).pathname;
  const doc = analyzeCorpus(await loadCorpus([shapes]), await loadResources(), { resamples: 20 });
  for (const a of doc.articles) {
    const words = a.sentences.filter((s) => s.voice === "body").reduce((n, s) => n + s.words, 0);
    strictEqual(a.voices.find((v) => v.voice === "body")!.words, words, a.id);
    for (const t of a.topics.filter((r) => r.voice === "body")) {
      const hits = a.hits.filter((h) => h.voice === "body" && h.category === t.topic).length;
      strictEqual(t.hits, hits, `${a.id} ${t.topic}`);
      strictEqual(t.words, words, `${a.id} ${t.topic}`);
    }
    for (const r of a.actors.filter((x) => x.voice === "body")) {
      const evaluating = a.mentions.filter((m) =>
        m.voice === "body" && m.actor === r.actor && m.evaluates
      );
      const stance = evaluating.reduce((s, m) => s + m.score, 0) / (evaluating.length + 1);
      ok(Math.abs(r.stance - stance) < 1e-12, `${a.id} ${r.actor}`);
    }
  }
});
