import { deepStrictEqual, ok, rejects, strictEqual, throws } from "node:assert/strict";
import { analyzeCorpus } from "../lib/analyze.ts";
import { sampleAnalysis, sampleCorpus } from "../lib/coding/sample_corpus.ts";
import { writeSample } from "../lib/coding/write_sample.ts";
import { loadCorpus } from "../lib/corpus/load_corpus.ts";
import { loadResources } from "../lib/resources.ts";
import { fromCompact } from "../lib/run/read_runs.ts";
import { compactArticle } from "../lib/run/compact_article.ts";

// The bundled articles and two fixture folders written for the tests.
const PATHS = ["data/corpus", "tests/fixtures/shapes", "tests/fixtures/your_articles"].map((p) =>
  new URL(`../${p}`, import.meta.url).pathname
);
const doc = analyzeCorpus(await loadCorpus(PATHS), await loadResources(), { resamples: 50 });

Deno.test("sampleAnalysis() gives the units, sample and texts sampleCorpus() gives from the texts", async () => {
  const designs = [
    { all: true, by: "outlet", seed: 1 },
    { perGroup: 3, by: "outlet", seed: 7 },
    { n: 10, by: "outlet", seed: 3, unit: "mention" as const },
    { perGroup: 2, by: "outlet", seed: 2, stratify: "actor" as const, coders: 3, overlap: 0.5 },
  ];
  for (const design of designs) {
    const fromTexts = await sampleCorpus(PATHS, { ...design, workers: 0 });
    const fromDoc = sampleAnalysis(doc, design);
    ok(fromTexts.units.length > 0, JSON.stringify(design));
    deepStrictEqual(fromDoc.units, fromTexts.units, JSON.stringify(design));
    deepStrictEqual(fromDoc.articles, fromTexts.articles, JSON.stringify(design));
    strictEqual(fromDoc.analysed, fromTexts.analysed);
  }
});

Deno.test("writeSample() of an analysis writes the files it writes from the texts", async () => {
  const a = await Deno.makeTempDir();
  const b = await Deno.makeTempDir();
  const options = { perGroup: 2, by: "outlet", seed: 5 };
  await writeSample(PATHS, a, { ...options, workers: 0 });
  await writeSample(doc, b, options);
  for (const name of ["units.jsonl", "codebook.yaml", "coding.html"]) {
    strictEqual(
      await Deno.readTextFile(`${b}/${name}`),
      await Deno.readTextFile(`${a}/${name}`),
      name,
    );
  }
});

Deno.test("sampleAnalysis() refuses compact records, which hold no text, naming the article", async () => {
  const compact = { articles: doc.articles.map((x) => fromCompact(compactArticle(x))) };
  throws(
    () => sampleAnalysis(compact, { all: true }),
    (e: Error) =>
      e instanceof RangeError && e.message.includes(`"${doc.articles[0].id}"`) &&
      e.message.includes("compact"),
  );
  await rejects(writeSample(compact, await Deno.makeTempDir(), { all: true }), RangeError);
});
