// Issue 21: `--by date:month` and `--by date:year`, and rates over time.
import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { analyzeCorpus } from "../lib/analyze.ts";
import { checkGroupingField, compareCorpus } from "../lib/compare/compare_corpus.ts";
import { compareGroups } from "../lib/compare/compare_groups.ts";
import { ratesOverTime } from "../lib/compare/over_time.ts";
import { loadCorpus } from "../lib/corpus/load_corpus.ts";
import { timeSeriesFigure } from "../lib/figures/time_series.ts";
import { loadResources } from "../lib/resources.ts";

const SHAPES = new URL("./fixtures/shapes/", import.meta.url).pathname;
const doc = analyzeCorpus(await loadCorpus([SHAPES]), await loadResources(), { resamples: 50 });
/** The five articles spread over months: two in April, one undated, two in June 2031. */
const spread = doc.articles.map((a, i) => ({
  ...a,
  meta: {
    ...a.meta,
    date: ["2031-04-02", "2031-04-28T23:30:00-05:00", "sometime", "2031-06-01", "2031-06-30"][i],
  },
}));

Deno.test("compareCorpus() groups by month, earliest first, and names articles without a date", () => {
  const c = compareCorpus(spread, { by: "date:month", resamples: 50 });
  strictEqual(c.by, "date:month");
  deepStrictEqual(c.comparison!.groups.map((g) => [g.group, g.articles.length]), [
    ["2031-04", 2],
    ["2031-06", 2],
    ["(no date:month)", 1],
  ]);
  ok(
    c.notes.some((n) => n.includes('1 article has a "date" that is not an ISO date')),
    c.notes.join(),
  );
  // The late-evening date counts in its own month, as written (not in UTC's May).
  ok(c.comparison!.groups[0].articles.includes(spread[1].id));
});

Deno.test("compareGroups() groups by year directly, and is unchanged for a plain field", () => {
  const years = spread.map((a, i) => ({
    ...a,
    meta: { ...a.meta, date: `${2030 + (i % 2)}-01-05` },
  }));
  const c = compareGroups(years, { by: "date:year", resamples: 50 });
  deepStrictEqual(c.groups.map((g) => g.group), ["2030", "2031"]);
  const plain = compareGroups(doc.articles, { by: "region", resamples: 50 });
  deepStrictEqual(plain.groups.map((g) => g.group), ["Kyrgyzstan", "Uzbekistan", "(no region)"]);
});

Deno.test("checkGroupingField() refuses an unknown bucket and a date field no article has", () => {
  checkGroupingField(doc.articles, "date:month");
  throws(
    () => checkGroupingField(doc.articles, "date:week"),
    /Cannot group by "date:week": expected date:month or date:year/,
  );
  throws(
    () => checkGroupingField(doc.articles, "published:year"),
    /Cannot group by "published:year": no article has the field "published"; the fields that exist are: .*date/,
  );
});

Deno.test("report --by date:week stops before any work, with what was expected", async () => {
  const { main } = await import("../tools/report.ts");
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void errors.push(args.join(" "));
  try {
    strictEqual(await main(["--by", "date:week", "--no-notebooks", SHAPES]), 2);
  } finally {
    console.error = original;
  }
  ok(errors.some((e) => /expected date:month or date:year/.test(e)), errors.join());
});

Deno.test("ratesOverTime() gives each month's ratio estimator over its articles, for the time-series figure", () => {
  const { rows, undated } = ratesOverTime({ articles: spread }, { resamples: 100 });
  strictEqual(undated, 1);
  const april = spread.slice(0, 2);
  for (const feature of new Set(rows.map((r) => r.feature))) {
    const r = rows.find((x) => x.period === "2031-04" && x.feature === feature)!;
    const t = april.map((a) => a.topics.find((x) => x.topic === feature && x.voice === "body")!);
    const expected = t.reduce((s, x) => s + x.hits, 0) / t.reduce((s, x) => s + x.words, 0) * 1000;
    ok(Math.abs(r.value - expected) < 1e-9, feature);
    strictEqual(r.articles, 2);
  }
  const figure = timeSeriesFigure(rows);
  ok(figure.data.length > 0 && figure.data.length <= 6);
  deepStrictEqual(figure.layout.xaxis, {
    title: { text: "" },
    type: "category",
    categoryorder: "array",
    categoryarray: ["2031-04", "2031-06"],
  });
  throws(() => ratesOverTime({ articles: spread }, { by: "outlet" }), /expected a time bucket/);
});
