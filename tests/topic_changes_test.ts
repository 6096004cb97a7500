// Issue 21: notebook 02 checked that adding a lexicon leaves the topic rows alone by building the
// second topic table once per row of the first (hours on 2,000 articles); it now asks
// topicChanges(before, after), one pass, which must say the same.
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { topicChanges } from "../lib/mod.ts";

const row = (topic: string, hits: number, voice = "body", lexicon?: string) => ({
  topic,
  hits,
  voice,
  lexicon,
  words: 100,
  per1k: hits * 10,
  sentenceShare: 0,
  sentences: 5,
  sentencesWithTopic: 0,
});
const doc = (articles: Record<string, ReturnType<typeof row>[]>) =>
  ({ articles: Object.entries(articles).map(([id, topics]) => ({ id, topics })) }) as never;

Deno.test("topicChanges(before, after) is empty when the second analysis only adds a lexicon's rows", () => {
  const before = doc({ a: [row("energy", 2), row("trade", 0)], b: [row("energy", 1, "quote")] });
  const after = doc({
    a: [row("energy", 2), row("trade", 0), row("nationalism", 3, "body", "identity")],
    b: [row("energy", 1, "quote")],
  });
  strictEqual(topicChanges(before, after).length, 0);
});

Deno.test("topicChanges(before, after) names a topic row whose hits changed or that the second lacks", () => {
  const before = doc({ a: [row("energy", 2), row("trade", 1)], b: [row("energy", 1)] });
  const after = doc({ a: [row("energy", 3)], b: [row("energy", 1)] });
  deepStrictEqual(
    topicChanges(before, after).map((r) => [r.article, r.topic, r.hitsBefore, r.hitsAfter]),
    [["a", "energy", 3, 2], ["a", "trade", null, 1]],
  );
});
