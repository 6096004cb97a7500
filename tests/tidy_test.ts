import { ok, strictEqual } from "node:assert/strict";
import {
  actorTable,
  analyzeCorpus,
  arcTable,
  cooccurrenceTable,
  kwicTable,
  loadCorpus,
  loadResources,
  topicTable,
  voiceTable,
} from "../lib/mod.ts";

const doc = analyzeCorpus(await loadCorpus(["data/corpus"]), await loadResources(), {
  resamples: 50,
});

Deno.test("voiceTable() shares add up to one per article", () => {
  for (const a of doc.articles) {
    const total = voiceTable(doc).filter((r) => r.article === a.id).reduce(
      (s, r) => s + r.share,
      0,
    );
    ok(Math.abs(total - 1) < 1e-9);
  }
});

Deno.test("arcTable() runs from 0 to 1 in reading order for each article", () => {
  for (const a of doc.articles) {
    const rows = arcTable(doc).filter((r) => r.article === a.id);
    strictEqual(rows[0].position, 0);
    strictEqual(rows.at(-1)!.position, 1);
    ok(rows.every((r, i) => i === 0 || r.start > rows[i - 1].start));
  }
});

Deno.test("cooccurrenceTable() counts sentences that hold both the actor and the topic", () => {
  const rows = cooccurrenceTable(doc);
  ok(rows.length > 0);
  for (const r of rows.slice(0, 20)) {
    const a = doc.articles.find((x) => x.id === r.article)!;
    const sentences = new Set(
      a.mentions.filter((m) => m.actor === r.actor && m.voice === r.voice).map((m) => m.sentence)
        .filter((s) =>
          a.hits.some((h) => h.lexicon === "topics" && h.category === r.topic && h.sentence === s)
        ),
    );
    strictEqual(r.sentences, sentences.size, `${r.article} ${r.actor} ${r.topic}`);
  }
});

Deno.test("kwicTable() gives each topic hit with its words in context", () => {
  const rows = kwicTable(doc, { lexicon: "topics", window: 30 });
  strictEqual(
    rows.length,
    doc.articles.reduce((n, a) => n + a.hits.filter((h) => h.lexicon === "topics").length, 0),
  );
  for (const r of rows) {
    const a = doc.articles.find((x) => x.id === r.article)!;
    strictEqual(r.match, a.text.slice(r.start, r.end).replace(/\s+/g, " "));
  }
});

Deno.test("actorTable() and topicTable() carry the article id on every row", () => {
  ok(actorTable(doc).every((r) => r.article.length > 0));
  ok(topicTable(doc).every((r) => doc.articles.some((a) => a.id === r.article)));
});
