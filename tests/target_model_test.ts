import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { tokenizeText } from "../lib/tokenize.ts";
import { spanSentiment } from "../lib/sentiment/span_sentiment.ts";
import { SpanSentimentOptions } from "../lib/sentiment/options.ts";
import { targetFeatures } from "../lib/sentiment/target_features.ts";
import { fitTargetWeights, type TrainingExample } from "../lib/sentiment/target_fit.ts";
import {
  loadTargetModel,
  parseTargetModel,
  predictTarget,
  prepareTargetModel,
  TARGET_MODEL_FILE,
  type TargetModel,
  targetSentiment,
} from "../lib/sentiment/target_model.ts";
import { tokenRange } from "../lib/sentiment/valence.ts";
import { parseTargets, validateTargets } from "../lib/validate/targets.ts";
import { provenanceOf } from "../lib/analyze.ts";
import { loadResources } from "../lib/resources.ts";
import { serializeModel } from "../tools/fit_targets.ts";
import { benchmarksDir } from "../lib/validate/benchmarks_dir.ts";

const OPTIONS = SpanSentimentOptions.parse({});

/** Features of `mention` (its first occurrence) in `text`. */
function featuresOf(text: string, mention: string) {
  const { tokens } = tokenizeText(text);
  const start = text.indexOf(mention);
  ok(start >= 0, `fixture has "${mention}"`);
  const span = tokenRange(tokens, start, start + mention.length);
  return targetFeatures(tokens, span, OPTIONS);
}

/** A small synthetic training set: "glorbful" stands only near positive targets. */
function synthetic(): TrainingExample[] {
  const rows: [string, string, number][] = [
    ["The glorbful Anders opened the new school.", "Anders", 2],
    ["Residents called Brenna glorbful after the flood.", "Brenna", 2],
    ["Carlo seemed glorbful at the ceremony.", "Carlo", 2],
    ["The glorbful Dana thanked the volunteers.", "Dana", 2],
    ["Evan visited the harbour on Tuesday.", "Evan", 1],
    ["Fiona met the committee in the morning.", "Fiona", 1],
    ["Greg spoke to the press about the budget.", "Greg", 1],
    ["Critics accused Hana of fraud and lies.", "Hana", 0],
    ["Ivo was blamed for the deadly crash.", "Ivo", 0],
    ["The corrupt Jana lied to the court.", "Jana", 0],
  ];
  return rows.map(([text, mention, label]) => ({
    features: featuresOf(text, mention).values,
    label,
  }));
}

Deno.test("fitTargetWeights() gives a word seen only with positive targets a weight toward positive", () => {
  const fit = fitTargetWeights(synthetic(), { l2: 0.01, minCount: 2, classWeights: "balanced" });
  const glorb = Object.entries(fit.weights).filter(([name]) => name.includes("glorbful"));
  ok(glorb.length > 0, "some feature names the word");
  for (const [name, [neg, neu, pos]] of glorb) {
    ok(pos > neu && pos > neg, `${name}: ${[neg, neu, pos]}`);
  }
  // Negative words of the rule engine pull toward negative.
  const [neg, , pos] = fit.weights["place:clause:neg"] ?? [0, 0, 0];
  ok(neg > pos, "place:clause:neg weighs toward negative");
});

Deno.test("fitTargetWeights() is deterministic: two fits give identical weights", () => {
  const settings = { l2: 0.003, minCount: 1, classWeights: "none" as const };
  const a = fitTargetWeights(synthetic(), settings);
  const b = fitTargetWeights(synthetic(), settings);
  strictEqual(JSON.stringify(a), JSON.stringify(b));
});

Deno.test("the committed weights file fits the schema and is in canonical form", () => {
  const text = Deno.readTextFileSync(TARGET_MODEL_FILE);
  const model = parseTargetModel(text, TARGET_MODEL_FILE.pathname);
  deepStrictEqual(model.classes, ["negative", "neutral", "positive"]);
  ok(Object.keys(model.weights).length > 100);
  ok(model.dev.length === 2 && model.dev.every((d) => d.macroF1 > d.rules.macroF1));
  // Serialising the parsed file gives its bytes back: keys sorted, one feature a line.
  strictEqual(serializeModel(model), text);
  ok(text.length < 3_000_000, `weights file is ${text.length} bytes`);
});

const BENCHMARKS = benchmarksDir().dir ?? undefined;
const TRAIN = BENCHMARKS && join(BENCHMARKS, "newsmtsc", "train.jsonl");
const haveTrain = TRAIN !== undefined && (() => {
  try {
    return Deno.statSync(TRAIN).isFile;
  } catch {
    return false;
  }
})();
if (!haveTrain) {
  console.warn(
    "target_model_test: no benchmarks (newsmtsc/train.jsonl); the training-hash test is skipped",
  );
}

Deno.test({
  name: "the committed weights file records the SHA-256 of train.jsonl, which parseTargets reads",
  ignore: !haveTrain,
  fn() {
    const { model } = loadTargetModel();
    const bytes = Deno.readFileSync(TRAIN!);
    strictEqual(model.training.sha256, createHash("sha256").update(bytes).digest("hex"));
    const targets = parseTargets(new TextDecoder().decode(bytes), TRAIN!);
    strictEqual(targets.length, model.training.targets);
    const negative = targets.filter((t) => t.label === "negative").length;
    strictEqual(negative, model.training.perClass.negative);
  },
});

Deno.test("targetSentiment() lists features with their weights and the words behind them", () => {
  const text = "Voters praised the honest mayor for her work on the new school.";
  const { tokens } = tokenizeText(text);
  const start = text.indexOf("mayor");
  const r = targetSentiment(tokens, { start, end: start + 5 });
  ok(r.score > 0, `score ${r.score}`);
  const { negative, neutral, positive } = r.probabilities;
  ok(Math.abs(negative + neutral + positive - 1) < 1e-9);
  strictEqual(r.score, positive - negative);
  ok(r.features.length > 0 && r.features.length <= 8);
  for (const f of r.features) {
    strictEqual(typeof f.weight, "number");
    ok(Math.abs(f.contribution - f.value * f.weight) < 1e-3, f.feature);
    for (const w of f.words) strictEqual(text.slice(w.start, w.end), w.form);
  }
  // Sorted by the push toward the predicted class.
  const pushes = r.features.map((f) => Math.abs(f.towardPredicted));
  deepStrictEqual(pushes, [...pushes].sort((a, b) => b - a));
  // Evidence rows are sentiment words; they trace back to text and name their features.
  ok(r.evidence.some((e) => e.form === "praised"));
  for (const e of r.evidence) {
    strictEqual(text.slice(e.start, e.end), e.form);
    ok(e.lexicon.startsWith("sentiment_") && e.base !== 0, e.form);
    ok(e.rules.some((rule) => rule.startsWith("feature:")));
  }
  strictEqual(targetSentiment(tokens, { start, end: start + 5 }, { top: 3 }).features.length, 3);
});

Deno.test("predictTarget() merges extra features: the hook for event-frame features", () => {
  const base: TargetModel = loadTargetModel().model;
  const model = prepareTargetModel({
    ...base,
    bias: [0, 0, 0],
    weights: { "frame:villain": [2, 0, -2] },
  });
  const { tokens } = tokenizeText("Morgan visited the harbour.");
  const plain = predictTarget(tokens, [0, 1], OPTIONS, { model });
  strictEqual(plain.score, 0);
  const villain = predictTarget(tokens, [0, 1], OPTIONS, { model, extra: { "frame:villain": 1 } });
  strictEqual(villain.label, "negative");
  deepStrictEqual(villain.features.map((f) => f.feature), ["frame:villain"]);
  strictEqual(villain.features[0].weight, -4);
  // spanSentiment passes them on.
  const viaSpan = spanSentiment(tokens, { start: 0, end: 6 }, {}, { "frame:villain": 1 });
  ok(viaSpan.features !== undefined);
});

Deno.test("spanSentiment() without explaining gives the same score, class and probabilities, and lists nothing", async () => {
  const text = (await Deno.readTextFile("data/corpus/topwar-2023-11-11.txt")).slice(0, 20_000);
  const { tokens } = tokenizeText(text);
  // Every capitalised word as a span: hundreds of spans with and without sentiment nearby.
  const spans = [...text.matchAll(/\b[A-Z][a-z]+\b/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  ok(spans.length > 200, `${spans.length} spans`);
  let listed = 0;
  for (const span of spans) {
    const full = spanSentiment(tokens, span);
    const lean = spanSentiment(tokens, span, undefined, undefined, false);
    deepStrictEqual(
      [lean.score, lean.label, lean.probabilities],
      [full.score, full.label, full.probabilities],
    );
    deepStrictEqual([lean.features, lean.evidence], [[], []]);
    if (full.evidence.length > 0) listed++;
  }
  ok(listed > 20, `${listed} spans with evidence when explained`);
});

Deno.test('spanSentiment() with model "rules" keeps the rule scorer\'s scores', () => {
  const text = "Smith walked slowly to the lovely garden.";
  const { tokens } = tokenizeText(text);
  const r = spanSentiment(tokens, { start: 0, end: 5 }, { model: "rules" });
  strictEqual(r.label, undefined);
  strictEqual(r.features, undefined);
  const lovely = r.evidence.find((e) => e.form === "lovely");
  ok(lovely);
  // Four words away in the same clause: halved every 12 words.
  ok(Math.abs(lovely.weight - lovely.base * Math.pow(0.5, 4 / 12)) < 1e-12);
  deepStrictEqual(lovely.rules, ["distance"]);
  const sum = r.evidence.reduce((s, e) => s + e.weight, 0);
  strictEqual(r.score, sum / Math.sqrt(sum * sum + 15));
  // The trained model reads the same rule score as a feature.
  const f = targetFeatures(tokens, [0, 1], OPTIONS);
  strictEqual(f.values.get("rule:score"), r.score);
  // The default is the trained model.
  strictEqual(spanSentiment(tokens, { start: 0, end: 5 }).label !== undefined, true);
});

Deno.test("validateTargets() reports the trained model and the rule scorer in one run", () => {
  const s = "The brave Smith praised the talks, while the corrupt Jones lied again.";
  const targets = [
    { id: "1", sentence: s, start: 10, end: 15, label: "positive" as const },
    { id: "2", sentence: s, start: 53, end: 58, label: "negative" as const },
  ];
  const v = validateTargets(targets, { baselines: [] });
  strictEqual(v.model, "trained");
  strictEqual(v.labelling, "argmax");
  strictEqual(v.rules.n, 2);
  const rulesOnly = validateTargets(targets, { sentiment: { model: "rules" }, baselines: [] });
  strictEqual(rulesOnly.model, "rules");
  strictEqual(rulesOnly.macroF1, v.rules.macroF1);
});

Deno.test("provenanceOf() names the target model with its file's SHA-256", async () => {
  const p = provenanceOf(await loadResources());
  const hash = createHash("sha256").update(Deno.readFileSync(TARGET_MODEL_FILE)).digest("hex");
  strictEqual(p.models?.[0].sha256, hash);
  strictEqual(p.models?.[0].name, "target_sentiment");
  strictEqual(
    (p.parameters.actorStance as { band: number }).band,
    loadTargetModel().model.settings.neutralBand,
  );
  deepStrictEqual(provenanceOf(await loadResources(), { spanModel: "rules" }).models, []);
});
