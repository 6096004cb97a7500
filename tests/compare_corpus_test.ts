import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { analyzeCorpus } from "../lib/analyze.ts";
import {
  checkGroupingField,
  compareCorpus,
  describeComparison,
  metadataFields,
} from "../lib/compare/compare_corpus.ts";
import { loadCorpus } from "../lib/corpus/load_corpus.ts";
import { loadResources } from "../lib/resources.ts";

// Five short articles about an invented event, written for the tests (tests/fixtures/shapes/).
const SHAPES = new URL("./fixtures/shapes/", import.meta.url).pathname;
const doc = analyzeCorpus(await loadCorpus([SHAPES]), await loadResources(), { resamples: 50 });
const byId = (ids: string[]) => doc.articles.filter((a) => ids.includes(a.id));
const withoutMeta = (ids: string[]) =>
  byId(ids).map((a) => ({ ...a, meta: { id: a.id, language: "en", inferred: [] } }));

Deno.test("compareCorpus() shows one article without a comparison and says so", () => {
  const one = compareCorpus(byId(["valley-herald-dam"]), { resamples: 50 });
  strictEqual(one.comparison, null);
  ok(one.statement.includes("valley-herald-dam") && one.statement.includes("nothing to compare"));
});

Deno.test("compareCorpus() compares articles one by one when the field gives one group", () => {
  const none = compareCorpus(withoutMeta(["valley-herald-dam", "steppe-wire-loan"]), {
    resamples: 50,
  });
  strictEqual(none.by, "id");
  strictEqual(none.requested, "outlet");
  deepStrictEqual(none.comparison?.groups.map((g) => g.group).sort(), [
    "steppe-wire-loan",
    "valley-herald-dam",
  ]);
  ok(none.notes[0].startsWith('No article has "outlet" (the fields that exist are: id, language)'));
  const oneOutlet = compareCorpus(byId(["dawn-courier-dam", "dawn-courier-farmers"]), {
    resamples: 50,
  });
  strictEqual(oneOutlet.by, "id");
  ok(oneOutlet.notes[0].includes('gives one group ("Dawn Courier", 2 articles)'));
});

Deno.test("compareCorpus() names the articles without the field and keeps them as a group", () => {
  const r = compareCorpus(doc.articles, { by: "region", resamples: 50 });
  strictEqual(r.by, "region");
  deepStrictEqual(r.comparison?.groups.map((g) => g.group).sort(), [
    "(no region)",
    "Kyrgyzstan",
    "Uzbekistan",
  ]);
  const note = r.notes.find((n) => n.includes('"(no region)"'))!;
  for (const id of ["steppe-wire-loan", "river-post-ceremony"]) ok(note.includes(id), id);
  // Nothing the user gave is dropped: every article is in a group.
  strictEqual(r.comparison!.groups.flatMap((g) => g.articles).length, doc.articles.length);
});

Deno.test("compareCorpus() compares many groups each with the rest, and says so", () => {
  const r = compareCorpus(doc.articles, { resamples: 50 });
  strictEqual(r.comparison?.groups.length, 4);
  deepStrictEqual(r.comparison?.pairs.map((p) => p[1]), ["rest", "rest", "rest", "rest"]);
  strictEqual(r.statement, describeComparison(r.comparison!));
  ok(r.statement.includes("each of 4 groups against the rest"));
  deepStrictEqual(r.notes, []);
});

Deno.test("describeComparison() stays one readable sentence for a corpus of many articles and groups", () => {
  const ids = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
  const two = describeComparison({
    by: "outlet",
    voice: "body",
    groups: [{ group: "A", articles: ids("a", 1000) }, { group: "B", articles: ids("b", 5) }],
    pairs: [["A", "B"]],
  });
  strictEqual(
    two,
    "Compared by `outlet`, in the `body` voice: **A** (1000 articles: a1, a2, a3, …, a1000) " +
      "against **B** (b1, b2, b3, b4, b5).",
  );
  // One group per article (compared by id): the first groups are named, the rest counted.
  const byId = describeComparison({
    by: "id",
    voice: "body",
    groups: ids("x", 2000).map((id) => ({ group: id, articles: [id] })),
    pairs: [],
  });
  ok(byId.includes("each of 2000 groups against the rest"), byId);
  ok(byId.includes("**x12**; and 1988 more groups"), byId);
  ok(!byId.includes("**x13**"), byId);
  ok(byId.length < 400, `${byId.length} characters`);
});

Deno.test("checkGroupingField() lists the fields that exist when no article has the field", () => {
  checkGroupingField(doc.articles, "region");
  throws(
    () => checkGroupingField(doc.articles, "regoin"),
    (e: Error) =>
      e instanceof RangeError && e.message.includes('"regoin"') &&
      e.message.includes(metadataFields(doc.articles).join(", ")),
  );
  deepStrictEqual(metadataFields(doc.articles), [
    "date",
    "id",
    "language",
    "outlet",
    "region",
    "title",
  ]);
});
