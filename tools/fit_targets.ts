/**
 * `deno task fit:targets [--benchmarks DIR] [--out FILE] [--dry-run] [--names]`:
 * fits the trained target-sentiment model (`lib/sentiment/target_model.ts`).
 * `--dry-run` prints without writing; `--names` adds the `names` feature
 * group (a weight per person named in the span) to every setting.
 *
 * Fits a multinomial logistic regression (L-BFGS, L2) on NewsMTSC's
 * `train.jsonl` for each setting of a small grid (L2 penalty, minimum
 * feature count, class weighting, feature groups), scores each on the
 * tuning files `paper-split/newsmtsc-{rw,mt}-dev.jsonl` (macro-F1 of the
 * argmax class), keeps the setting with the best mean dev macro-F1, and
 * writes `data/models/target_sentiment.json` with the settings, the dev
 * figures (and the rule scorer's), the grid, and the training file's
 * SHA-256. The reporting files (`*-test.jsonl`) are never read
 * (`benchmarks/SPLITS.md`). Same data → byte-identical file: no randomness,
 * keys sorted, weights rounded to 6 significant digits.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { canonicalJson } from "../lib/provenance.ts";
import { macroF1 } from "../lib/stats/agreement.ts";
import { accuracy } from "../lib/stats/agreement.ts";
import { resolveSpanSentimentOptions } from "../lib/sentiment/span_sentiment.ts";
import {
  FEATURE_GROUPS,
  type FeatureGroup,
  targetFeatures,
} from "../lib/sentiment/target_features.ts";
import { classScores, fitTargetWeights, round6, softmax } from "../lib/sentiment/target_fit.ts";
import {
  TARGET_CLASSES,
  TARGET_MODEL_FILE,
  TargetModel,
  type TargetModelFigures,
} from "../lib/sentiment/target_model.ts";
import { tokenRange } from "../lib/sentiment/valence.ts";
import { tokenizeText } from "../lib/tokenize.ts";
import type { Token } from "../lib/token.ts";
import {
  type LabelledTarget,
  labelOf,
  parseTargets,
  TARGET_NEUTRAL_BAND,
  targetScores,
} from "../lib/validate/targets.ts";
import { benchmarksOrExit } from "./_benchmarks.ts";

/** A grid setting. */
export interface GridSetting {
  l2: number;
  minCount: number;
  classWeights: "balanced" | "none";
  groups: readonly FeatureGroup[];
}

/**
 * The settings tried: L2 penalty, class weighting, and each group left out
 * in turn from `base`. Without `--names` the base is every group but
 * `names` (see `target_features.ts`).
 *
 * @example
 * ```ts
 * import { grid } from "./fit_targets.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(grid(["rules", "context"]).length, 30);
 * ```
 */
export function grid(base: readonly FeatureGroup[]): GridSetting[] {
  const without = (...g: FeatureGroup[]) => base.filter((x) => !g.includes(x));
  const out: GridSetting[] = [];
  for (
    const groups of [
      base,
      without("context"),
      without("lex"),
      without("target"),
      without("speech", "position", "negation"),
    ]
  ) {
    for (const l2 of [0.0003, 0.001, 0.003]) {
      for (const classWeights of ["balanced", "none"] as const) {
        out.push({ l2, minCount: 3, classWeights, groups });
      }
    }
  }
  return out;
}

const GROUP_OF: [string, FeatureGroup][] = [
  ["rule:", "rules"],
  ["place:", "rules"],
  ["sentence:", "rules"],
  ["lex:", "lex"],
  ["speech:", "speech"],
  ["position:", "position"],
  ["negation:", "negation"],
  ["ctx:", "context"],
  ["target:", "target"],
  ["names:", "names"],
];

/** The group of a feature name; `undefined` for features from elsewhere (`extra`). */
function groupOf(name: string): FeatureGroup | undefined {
  for (const [prefix, g] of GROUP_OF) if (name.startsWith(prefix)) return g;
  return undefined;
}

/** Further features of one target, e.g. event-frame roles from another analysis. */
export type ExtraFeatures = (
  target: LabelledTarget,
  tokens: readonly Token[],
  span: [number, number],
) => Readonly<Record<string, number>> | undefined;

/** A training example: features and class index. */
export interface Example {
  features: Map<string, number>;
  label: number;
}

/**
 * Training examples of labelled targets: every feature group, plus `extra`
 * (the hook for features from other analyses; they are kept in every grid
 * setting, as `predictTarget`'s `extra` is). Each sentence is tokenized once.
 */
export function examplesOf(
  targets: readonly LabelledTarget[],
  extra?: ExtraFeatures,
): Example[] {
  const options = resolveSpanSentimentOptions();
  const cache = new Map<string, ReturnType<typeof tokenizeText>>();
  return targets.map((t) => {
    let tok = cache.get(t.sentence);
    if (!tok) cache.set(t.sentence, tok = tokenizeText(t.sentence));
    const [from, to] = tokenRange(tok.tokens, t.start, t.end);
    const features = from < to
      ? targetFeatures(tok.tokens, [from, to], options, {
        extra: extra?.(t, tok.tokens, [from, to]),
      }).values
      : new Map<string, number>();
    return { features, label: TARGET_CLASSES.indexOf(t.label) };
  });
}

function only(examples: readonly Example[], groups: readonly FeatureGroup[]): Example[] {
  const keep = new Set(groups);
  return examples.map((e) => ({
    label: e.label,
    features: new Map([...e.features].filter(([n]) => {
      const g = groupOf(n);
      return g === undefined || keep.has(g);
    })),
  }));
}

function settingName(s: GridSetting, base: readonly FeatureGroup[]): string {
  const groups = s.groups.length === base.length
    ? base.join("+")
    : `${base.join("+")} without ${base.filter((g) => !s.groups.includes(g)).join("+")}`;
  return `l2=${s.l2} minCount=${s.minCount} classWeights=${s.classWeights} groups=${groups}`;
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      benchmarks: { type: "string" },
      out: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      names: { type: "boolean", default: false },
    },
  });
  const dir = benchmarksOrExit(values.benchmarks, "fit:targets");
  const TRAIN = "newsmtsc/train.jsonl";
  const DEV = [
    "newsmtsc/paper-split/newsmtsc-rw-dev.jsonl",
    "newsmtsc/paper-split/newsmtsc-mt-dev.jsonl",
  ];
  const trainBytes = Deno.readFileSync(join(dir, TRAIN));
  const train = parseTargets(new TextDecoder().decode(trainBytes), join(dir, TRAIN));
  const dev = DEV.map((f) => parseTargets(Deno.readTextFileSync(join(dir, f)), join(dir, f)));
  const log = (s: string) => console.error(s);
  log(
    `features of ${train.length} training and ${
      dev.map((d) => d.length).join(" + ")
    } dev targets ...`,
  );
  const trainEx = examplesOf(train);
  const devEx = dev.map((d) => examplesOf(d));

  const predict = (fit: ReturnType<typeof fitTargetWeights>, ex: Example[]) => {
    const weights = new Map(Object.entries(fit.weights));
    return ex.map((e) => softmax(classScores(e.features, fit.bias, weights)));
  };
  const argmax = (p: number[]) => p.indexOf(Math.max(...p));
  const figures = (probs: number[][], data: LabelledTarget[]) => {
    const gold = data.map((t) => t.label);
    const pred = probs.map((p) => TARGET_CLASSES[argmax(p)]);
    return { macroF1: macroF1(gold, pred, [...TARGET_CLASSES]), accuracy: accuracy(gold, pred) };
  };

  const base = values.names ? [...FEATURE_GROUPS] : FEATURE_GROUPS.filter((g) => g !== "names");
  let best: { setting: GridSetting; mean: number } | undefined;
  const tried: TargetModel["grid"] = [];
  for (const setting of grid(base)) {
    const fit = fitTargetWeights(only(trainEx, setting.groups), {
      ...setting,
      maxIterations: 500,
    });
    const [rw, mt] = devEx.map((ex, i) =>
      figures(predict(fit, only(ex, setting.groups)), dev[i]).macroF1
    );
    const mean = (rw + mt) / 2;
    tried.push({ setting: settingName(setting, base), rw: round6(rw), mt: round6(mt) });
    log(
      `${settingName(setting, base)}: rw ${rw.toFixed(4)} mt ${mt.toFixed(4)} mean ${
        mean.toFixed(4)
      } (${fit.iterations} it, ${fit.features.kept} features)`,
    );
    if (!best || mean > best.mean + 1e-9) best = { setting, mean };
  }
  const setting = best!.setting;
  const maxIterations = 500;
  const fit = fitTargetWeights(only(trainEx, setting.groups), { ...setting, maxIterations });
  const devProbs = devEx.map((ex) => predict(fit, only(ex, setting.groups)));
  // Neutral band on p(pos) − p(neg) for score-only labelling (actor tables).
  let bestBand = { band: 0, f1: -1 };
  for (let b = 0; b <= 0.5 + 1e-9; b += 0.01) {
    const band = Math.round(b * 100) / 100;
    const f1s = devProbs.map((probs, i) => {
      const pred = probs.map((p) => labelOf(p[2] - p[0], band));
      return macroF1(dev[i].map((t) => t.label), pred, [...TARGET_CLASSES]);
    });
    const f1 = (f1s[0] + f1s[1]) / 2;
    if (f1 > bestBand.f1 + 1e-9) bestBand = { band, f1 };
  }
  const devFigures: TargetModelFigures[] = DEV.map((data, i) => {
    const m = figures(devProbs[i], dev[i]);
    const rules = targetScores(dev[i], { model: "rules" }).map((s) =>
      labelOf(s, TARGET_NEUTRAL_BAND)
    );
    const gold = dev[i].map((t) => t.label);
    return {
      data,
      n: dev[i].length,
      macroF1: round6(m.macroF1),
      accuracy: round6(m.accuracy),
      rules: {
        macroF1: round6(macroF1(gold, rules, [...TARGET_CLASSES])),
        accuracy: round6(accuracy(gold, rules)),
      },
    };
  });
  const perClass = { negative: 0, neutral: 0, positive: 0 };
  for (const t of train) perClass[t.label]++;
  const model: TargetModel = TargetModel.parse({
    name: "target_sentiment",
    version: "1.0.0",
    description: "Sentiment toward a target span (negative, neutral, positive): multinomial " +
      "logistic regression over the readable features of lib/sentiment/target_features.ts, " +
      "fitted by tools/fit_targets.ts.",
    source: "NewsMTSC train.jsonl (Hamborg & Donnay 2021, EACL), fitted by tools/fit_targets.ts",
    classes: [...TARGET_CLASSES],
    bias: fit.bias,
    weights: fit.weights,
    settings: {
      l2: setting.l2,
      minCount: setting.minCount,
      classWeights: setting.classWeights,
      groups: [...setting.groups],
      maxIterations,
      neutralBand: bestBand.band,
      selectedBy: "mean macro-F1 (argmax class) over newsmtsc-rw-dev and newsmtsc-mt-dev",
    },
    training: {
      data: TRAIN,
      sha256: createHash("sha256").update(trainBytes).digest("hex"),
      targets: train.length,
      perClass,
      seed: 0,
      iterations: fit.iterations,
      converged: fit.converged,
      loss: fit.loss,
      features: fit.features,
    },
    dev: devFigures,
    grid: tried,
  });
  console.log(JSON.stringify(
    {
      settings: model.settings,
      dev: model.dev,
      training: { ...model.training, sha256: model.training.sha256 },
    },
    null,
    2,
  ));
  if (!values["dry-run"]) {
    const out = values.out ?? TARGET_MODEL_FILE.pathname;
    await Deno.writeTextFile(out, serializeModel(model));
    log(`wrote ${out}`);
  }
}

/**
 * The weights file's text: canonical JSON (keys sorted at every level), one
 * feature per line, so that the same fit gives the same bytes and diffs stay
 * readable.
 *
 * @example Serialising the committed file gives its bytes back
 * ```ts
 * import { serializeModel } from "./fit_targets.ts";
 * import { parseTargetModel, TARGET_MODEL_FILE } from "../lib/sentiment/target_model.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const text = Deno.readTextFileSync(TARGET_MODEL_FILE);
 * strictEqual(serializeModel(parseTargetModel(text, "m.json")), text);
 * ```
 */
export function serializeModel(model: TargetModel): string {
  const { weights, ...rest } = model;
  // Every other top-level key sorts before "weights".
  const head = JSON.stringify(JSON.parse(canonicalJson(rest)), null, 2);
  const lines = Object.keys(weights).sort().map((n) =>
    `    ${JSON.stringify(n)}: ${JSON.stringify(weights[n])}`
  );
  return `${head.slice(0, -2)},\n  "weights": {\n${lines.join(",\n")}\n  }\n}\n`;
}
