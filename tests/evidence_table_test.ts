import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { analyzeCorpus, compareGroups, loadCorpus, loadResources } from "../lib/mod.ts";
import { evidenceTable } from "../lib/tables/evidence.ts";

const doc = analyzeCorpus(await loadCorpus(["data/corpus"]), await loadResources(), {
  resamples: 50,
});
const comparison = compareGroups(doc.articles, { resamples: 50 });

Deno.test("evidenceTable() opens topic evidence into sentences that hold the topic's hits", () => {
  const row = comparison.rows.find((r) =>
    r.table === "topics" && r.evidenceCountA > 0 && r.evidenceCountB > 0
  )!;
  const rows = evidenceTable(doc, row, { perSide: 3 });
  strictEqual(rows.filter((r) => r.side === "A").length, Math.min(3, row.evidenceA.length));
  strictEqual(rows.filter((r) => r.side === "B").length, Math.min(3, row.evidenceB.length));
  for (const r of rows) {
    const article = doc.articles.find((a) => a.id === r.article)!;
    // Every listed word is a hit of this topic in this sentence, and stands in its text.
    ok(r.matches.length > 0, `no hits in ${r.article} sentence ${r.sentence}`);
    for (const m of r.matches) ok(r.text.includes(m.replace(/\s+/g, " ")), `${m} not in ${r.text}`);
    strictEqual(r.text, article.text.slice(r.start, r.end).replace(/\s+/g, " ").trim());
    strictEqual(r.group, r.side === "A" ? row.groupA : row.groupB);
  }
});

Deno.test("evidenceTable() lists an actor's mentions with their scores", () => {
  const row = comparison.rows.find((r) => r.table === "actors" && r.evidenceCountA > 0)!;
  const [first] = evidenceTable(doc, row, { perSide: 1 });
  const scores = doc.articles.find((a) => a.id === first.article)!.mentions
    .filter((m) =>
      m.sentence === first.sentence && m.actor === row.feature && m.voice === row.voice
    )
    .map((m) => m.score);
  strictEqual(first.matches.length, scores.length);
  ok(first.matches.every((m) => /\([+-]\d\.\d\d\)$/.test(m)), first.matches.join(", "));
});

Deno.test("evidenceTable() lists stance words from the stance lexicons only", () => {
  const row = comparison.rows.find((r) => r.table === "stance" && r.evidenceCountA > 0)!;
  const rows = evidenceTable(doc, row, { perSide: 50 });
  ok(rows.length > 0);
  for (const r of rows) {
    const hits = doc.articles.find((a) => a.id === r.article)!.hits
      .filter((h) => h.sentence === r.sentence && h.category === row.feature);
    ok(r.matches.length > 0, `no ${row.feature} words in sentence ${r.sentence}`);
    ok(hits.every((h) => h.lexicon !== "topics"));
    deepStrictEqual(r.matches, hits.filter((h) => h.voice === row.voice).map((h) => h.form));
  }
});

Deno.test("evidenceTable() refuses a reference to a sentence that is not there", () => {
  const row = comparison.rows.find((r) => r.table === "topics" && r.evidenceCountA > 0)!;
  const bad = { ...row, evidenceA: [{ ...row.evidenceA[0], article: "missing" }] };
  throws(
    () => evidenceTable(doc, bad),
    (e: Error) => e instanceof RangeError && /"missing"/.test(e.message),
  );
  throws(() => evidenceTable(doc, row, { perSide: -1 }), RangeError);
});
