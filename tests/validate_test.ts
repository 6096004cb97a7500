import { ok, strictEqual, throws } from "node:assert/strict";
import { InputError } from "../lib/errors.ts";
import { runValidate } from "../lib/cli/validate.ts";
import { filterRows, parseRatedTexts } from "../lib/validate/sentences.ts";
import { parseTargets } from "../lib/validate/targets.ts";

const FIX = new URL("./fixtures/validate/", import.meta.url).pathname;

Deno.test("runValidate() reports n and pearson for a rated-sentence file, with baselines", async () => {
  const r = await runValidate(["sentences", FIX + "sentences.tsv"]);
  strictEqual(r.n, 5);
  ok(typeof r.pearson === "number" && (r.pearson as number) > 0.5);
  const baselines = r.baselines as Record<string, { pearson: number }>;
  ok(typeof baselines.vader.pearson === "number");
  ok(typeof baselines.wink.pearson === "number");
  const odd = await runValidate(["sentences", FIX + "sentences.tsv", "--rows", "odd-articles"]);
  strictEqual(odd.n, 3);
});

Deno.test("runValidate() reports macroF1, accuracy and confusion for targets", async () => {
  const r = await runValidate(["targets", FIX + "targets.jsonl"]);
  strictEqual(r.n, 3);
  strictEqual(r.accuracy, 1);
  strictEqual(r.macroF1, 1);
  const c = r.confusion as { labels: string[]; matrix: number[][] };
  ok(c.labels.join() === "negative,neutral,positive");
  ok("vader" in (r.baselines as object) && "wink" in (r.baselines as object));
});

Deno.test("runValidate() rejects an unknown kind and a bad --rows value", async () => {
  let error: unknown;
  try {
    await runValidate(["words", FIX + "sentences.tsv"]);
  } catch (e) {
    error = e;
  }
  ok(error instanceof TypeError);
  error = undefined;
  try {
    await runValidate(["sentences", FIX + "sentences.tsv", "--rows", "evens"]);
  } catch (e) {
    error = e;
  }
  ok(error instanceof InputError && /--rows/.test(error.message));
});

Deno.test("parseRatedTexts() names the line of a bad rating", () => {
  throws(() => parseRatedTexts("1\t0.5\tok\n2\tgood\tbad\n", "r.tsv"), /"r.tsv": line 2/);
  throws(() => parseRatedTexts("1\t0.5\n", "r.tsv"), /three tab-separated fields/);
  throws(() => filterRows([{ id: "x_1", rating: 0, text: "" }], "even-articles"), InputError);
});

Deno.test("parseTargets() reads NewsMTSC labels and rejects bad offsets", () => {
  const line = (polarity: unknown, from = 0, to = 4) =>
    JSON.stringify({ sentence_normalized: "Cruz won.", targets: [{ from, to, polarity }] });
  strictEqual(parseTargets(line(6.0), "t.jsonl")[0].label, "positive");
  strictEqual(parseTargets(line(0), "t.jsonl")[0].label, "neutral");
  throws(() => parseTargets(line(5), "t.jsonl"), /targets\[0\]\.polarity/);
  throws(() => parseTargets(line(2, 3, 40), "t.jsonl"), /line 1: targets\[0\]/);
  throws(() => parseTargets("not json", "t.jsonl"), /line 1: expected a JSON object/);
});

Deno.test("runValidate() switches the fitted weights with --fitted and reports the switch", async () => {
  const file = FIX + "sentences.tsv";
  const on = await runValidate(["sentences", file, "--no-baselines"]);
  const off = await runValidate(["sentences", file, "--no-baselines", "--fitted", "no"]);
  strictEqual((on.lexicons as { fitted: boolean }).fitted, true);
  strictEqual((off.lexicons as { fitted: boolean }).fitted, false);
  ok(on.pearson !== off.pearson, "the fitted weights change the scores");
  const targets = await runValidate(["targets", FIX + "targets.jsonl", "--no-baselines"]);
  strictEqual((targets.lexicons as { fitted: boolean }).fitted, false);
  let error: unknown;
  try {
    await runValidate(["sentences", file, "--fitted", "maybe"]);
  } catch (e) {
    error = e;
  }
  ok(error instanceof InputError && /--fitted/.test(error.message));
});

Deno.test("runValidate() scores hedge cues with the hedges subcommand", async () => {
  const out = await runValidate(["hedges", "tests/fixtures/stance/cues.jsonl"]);
  strictEqual(out.task, "hedges");
  ok(typeof out.n === "number" && out.n > 0);
  const p = out.precision as number;
  const r = out.recall as number;
  ok(p >= 0 && p <= 1 && r >= 0 && r <= 1);
});

Deno.test("runValidate() scores targets with a sentiment lexicon of the user's, and records it", async () => {
  const lexicon = FIX + "flipped_sentiment.yaml";
  const r = await runValidate(["targets", FIX + "targets.jsonl", "--sentiment-lexicon", lexicon]);
  // The lexicon reverses the fixture's evaluative words: Smith and Jones swap sides.
  strictEqual(r.n, 3);
  strictEqual(r.accuracy, 1 / 3);
  ok((r.lexicons as { extra: string[] }).extra[0] === lexicon);
});
