import { deepStrictEqual, ok, rejects, strictEqual, throws } from "node:assert/strict";
import { runValidate } from "../lib/cli/validate.ts";
import { parseLabelledArticles } from "../lib/validate/labelled_articles.ts";
import { actorForName } from "../lib/validate/articles.ts";
import { fitThresholds } from "../lib/validate/thresholds.ts";
import { InputError } from "../lib/errors.ts";

/** The command's JSON, typed for the fields these tests read. */
const run = async (args: string[]) => (await runValidate(args)) as unknown as Validation;

const CODED = "tests/fixtures/articles/coded.jsonl";

interface Agreement {
  n: number;
  macroF1: number;
  accuracy: number;
  confusion: { labels: string[] };
}
interface Validation {
  task: string;
  n: number;
  found: number;
  tuning: { splits: string[]; n: number; inSample: boolean };
  parts: { split: string; stance: Agreement; vader?: Agreement }[];
  articles?: { mentions: number }[];
}

Deno.test("runValidate() articles: thresholds from dev rows, test rows reported with VADER beside", async () => {
  const r = await run(["articles", CODED]);
  strictEqual(r.task, "articles");
  strictEqual(r.n, 10);
  strictEqual(r.found, 10, "every coded person is found by full name or surname");
  deepStrictEqual(r.tuning, { splits: ["dev"], n: 6, inSample: false });
  strictEqual(r.parts.length, 1);
  const test = r.parts[0];
  strictEqual(test.split, "test");
  strictEqual(test.stance.n, 4);
  strictEqual(test.vader?.n, 4);
  for (const v of [test.stance.macroF1, test.stance.accuracy]) ok(v >= 0 && v <= 1);
  deepStrictEqual(test.stance.confusion.labels, ["negative", "neutral", "positive"]);
  // The articles were written to be clear: the stance gets most test rows right.
  ok(test.stance.accuracy >= 0.75, `accuracy ${test.stance.accuracy}`);
  strictEqual(r.articles, undefined);
  const detailed = await run(["articles", CODED, "--details"]);
  strictEqual(detailed.articles?.length, 10);
  ok(detailed.articles?.every((a) => a.mentions >= 1));
});

Deno.test("runValidate() articles: --tune picks the splits; without tuning rows the fit is in-sample", async () => {
  const r = await run([
    "articles",
    CODED,
    "--tune",
    "test",
    "--no-baselines",
  ]);
  deepStrictEqual(r.tuning, { splits: ["test"], n: 4, inSample: false });
  strictEqual(r.parts[0].split, "dev");
  strictEqual(r.parts[0].vader, undefined);
  const none = await run([
    "articles",
    CODED,
    "--tune",
    "nothing",
    "--no-baselines",
  ]);
  strictEqual(none.tuning.inSample, true);
  deepStrictEqual(none.parts.map((p) => p.split), ["dev", "test"]);
});

Deno.test("parseLabelledArticles() reads CSV with PerSenT-style columns and names a bad row", () => {
  const csv = "DOCUMENT_INDEX,TARGET_ENTITY,DOCUMENT,TRUE_SENTIMENT\n" +
    '7,Ann Lee,"Ann Lee spoke, briefly.",Neutral\n8,Bo Kim,Bo Kim won.,Positive\n';
  const rows = parseLabelledArticles(csv, "x.csv");
  deepStrictEqual(rows.map((r) => [r.id, r.name, r.label, r.line]), [
    ["7", "Ann Lee", "neutral", 2],
    ["8", "Bo Kim", "positive", 3],
  ]);
  throws(
    () => parseLabelledArticles(csv.replace("Positive", "Glad"), "x.csv"),
    (e: Error) =>
      e instanceof InputError && e.line === 3 && e.path === "label" && /"Glad"/.test(e.message),
  );
  throws(
    () => parseLabelledArticles('{"text": "t", "label": "neutral"}\n', "y.jsonl"),
    (e: Error) => e instanceof InputError && e.path === "name" && /person, actor/.test(e.message),
  );
  throws(() => parseLabelledArticles("not json\n", "z.jsonl"), /z\.jsonl.*line 1/);
});

Deno.test("runValidate() articles: a missing file is named", async () => {
  await rejects(runValidate(["articles", "no/such.jsonl"]), /no\/such\.jsonl/);
});

Deno.test("actorForName() gives a surname alias to persons only, and guesses the pronoun", () => {
  const person = actorForName("Jean-Luc Picard", "person", "He said his ship was ready.");
  deepStrictEqual(person.actors[0].aliases, ["Jean-Luc Picard", "Picard"]);
  strictEqual(person.actors[0].pronoun, "he");
  const state = actorForName("New Zealand", "state", "It grew.");
  deepStrictEqual(state.actors[0].aliases, ["New Zealand"]);
  strictEqual(state.actors[0].pronoun, undefined);
});

Deno.test("fitThresholds() finds cut points that beat a fixed zero band, and rejects bad input", () => {
  const scores = [-0.5, -0.4, -0.2, -0.15, -0.1, 0.2, 0.3, 0.5];
  const labels = [
    "negative",
    "negative",
    "neutral",
    "neutral",
    "neutral",
    "positive",
    "positive",
    "positive",
  ] as const;
  const fit = fitThresholds(scores, labels);
  strictEqual(fit.macroF1, 1);
  ok(fit.thresholds.low > -0.4 && fit.thresholds.low < -0.2);
  throws(() => fitThresholds([], []), RangeError);
  throws(() => fitThresholds([NaN], ["neutral"]), /not finite/);
});
