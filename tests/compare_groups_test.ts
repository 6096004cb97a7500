import { ok, strictEqual, throws } from "node:assert/strict";
import { analyzeCorpus, compareGroups, Comparison, loadCorpus, loadResources } from "../lib/mod.ts";
import { RESAMPLING_UNIT } from "../lib/compare/resample.ts";
import { STANCE_MEASURE } from "../lib/compare/compare_groups.ts";

const doc = analyzeCorpus(await loadCorpus(["data/corpus"]), await loadResources(), {
  resamples: 200,
});

Deno.test("compareGroups() compares the two outlets on every table and states the unit", () => {
  const c = Comparison.parse(compareGroups(doc.articles, { resamples: 300 }));
  // One article per outlet: sentences are the unit, and the statement says why.
  strictEqual(c.resampling.unit, "sentence");
  ok(c.unit.startsWith(RESAMPLING_UNIT), c.unit);
  ok(c.unit.endsWith(c.resampling.reason), c.unit);
  strictEqual(c.groups.length, 2);
  strictEqual(c.pairs.length, 1);
  for (const table of ["topics", "stance", "actors"]) {
    ok(c.rows.some((r) => r.table === table), `no ${table} rows`);
  }
  const energy = c.rows.find((r) => r.table === "topics" && r.feature === "energy")!;
  const rateA = doc.articles[0].topics.find((t) => t.topic === "energy" && t.voice === "body")!;
  ok(Math.abs(energy.valueA! - rateA.per1k) < 1e-9, "the compared rate is the article's rate");
  strictEqual(energy.evidenceCountA, rateA.sentencesWithTopic);
  for (const e of energy.evidenceA) {
    const hits = doc.articles[0].hits.filter((h) =>
      h.category === "energy" && h.sentence === e.sentence
    );
    ok(hits.length > 0, "every evidence sentence holds a hit");
  }
  ok(c.keyness.length > 0);
  ok(c.rows.every((r) => r.q === null || (r.p !== null && r.q >= r.p - 1e-12)));
});

Deno.test("compareGroups() compares the actor stance the analysis reports", () => {
  const c = compareGroups(doc.articles, { resamples: 100 });
  const rows = c.rows.filter((r) => r.table === "actors");
  ok(rows.length > 0);
  for (const r of rows) {
    strictEqual(r.measure, STANCE_MEASURE);
    const [a, b] = doc.articles;
    const sideA = a.actors.find((x) => x.actor === r.feature && x.voice === "body");
    const sideB = b.actors.find((x) => x.actor === r.feature && x.voice === "body");
    // One article per outlet: each side's value is that article's stance.
    if (sideA) ok(Math.abs(r.valueA! - sideA.stance) < 1e-12, `${r.feature} A`);
    else strictEqual(r.valueA, null);
    if (sideB) ok(Math.abs(r.valueB! - sideB.stance) < 1e-12, `${r.feature} B`);
    else strictEqual(r.valueB, null);
  }
});

Deno.test("compareGroups() groups by any metadata field and refuses a single group", () => {
  const tagged = doc.articles.map((a, i) => ({
    ...a,
    meta: { ...a.meta, camp: i === 0 ? "x" : "y" },
  }));
  const c = compareGroups(tagged, { by: "camp", resamples: 100 });
  strictEqual(c.groups.map((g) => g.group).join(","), "x,y");
  throws(() => compareGroups(tagged, { by: "language" }), /expected at least two/);
});

Deno.test("compareGroups() compares each group with the rest when there are more than two", () => {
  const three = [...doc.articles, {
    ...doc.articles[0],
    id: "copy",
    meta: { ...doc.articles[0].meta, outlet: "Third" },
  }];
  const c = compareGroups(three, { resamples: 100 });
  strictEqual(c.pairs.length, 3);
  ok(c.pairs.every(([, b]) => b === "rest"));
});

Deno.test("compareGroups() gives the same result for the same seed", () => {
  const a = compareGroups(doc.articles, { resamples: 100, seed: 9 });
  const b = compareGroups(doc.articles, { resamples: 100, seed: 9 });
  strictEqual(JSON.stringify(a), JSON.stringify(b));
});

Deno.test("compareGroups() leaves stopwords out of keyness unless asked to keep them", () => {
  const dropped = compareGroups(doc.articles, { resamples: 50 });
  ok(!dropped.keyness.some((k) => k.term === "the" || k.term === "of"));
  const kept = compareGroups(doc.articles, { resamples: 50, stopwords: false });
  ok(kept.keyness.some((k) => k.term === "the"));
  const own = compareGroups(doc.articles, { resamples: 50, stopwords: new Set(["kazakhstan"]) });
  ok(!own.keyness.some((k) => k.term === "kazakhstan"));
  ok(own.keyness.some((k) => k.term === "the"));
});

Deno.test("compareGroups() rejects a voice that does not exist, naming the voices (issue 14)", () => {
  throws(
    () => compareGroups(doc.articles, { voice: "author" as never, resamples: 10 }),
    (e: Error) =>
      e instanceof RangeError && e.message.includes('"author"') &&
      e.message.includes("title, meta, body, quote, comment, boilerplate"),
  );
});

Deno.test("compareGroups() rejects a grouping field no article has, naming those that exist (issue 14)", () => {
  throws(
    () => compareGroups(doc.articles, { by: "region", resamples: 10 }),
    (e: Error) =>
      e instanceof RangeError && e.message.includes('"region"') && e.message.includes("outlet"),
  );
});
