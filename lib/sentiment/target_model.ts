/**
 * The trained target-sentiment model: a multinomial logistic regression over
 * the readable features of `target_features.ts`, fitted on NewsMTSC's
 * training file by `tools/fit_targets.ts` (`deno task fit:targets`) and
 * committed as `data/models/target_sentiment.json`. Every prediction lists
 * the features that moved it most and the words they come from.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { InputError } from "../errors.ts";
import type { ModelRecord } from "../provenance.ts";
import type { Token } from "../token.ts";
import {
  type FeatureEvidence,
  type ResolvedSpanSentimentOptions,
  type SentimentEvidence,
  SentimentResult,
  SpanSentimentOptions,
} from "./options.ts";
import { resolveOptions } from "./resolve.ts";
import { round4 } from "./_score.ts";
import { softmax } from "./target_fit.ts";
import { FEATURE_GROUPS, featureWords, packWeights, targetFeatures } from "./target_features.ts";
import { tokenRange } from "./valence.ts";

/** The classes, in the order of every per-class list. */
export const TARGET_CLASSES = ["negative", "neutral", "positive"] as const;

/** A per-class list of three numbers (negative, neutral, positive). */
const PerClass = z.array(z.number()).length(3);

/** Agreement of one scorer with one labelled file. */
export const TargetModelFigures = z.object({
  /** File, relative to the benchmarks folder. */
  data: z.string(),
  n: z.number().int().nonnegative(),
  macroF1: z.number(),
  accuracy: z.number(),
  /** The rule scorer on the same file (neutral band `SPAN_NEUTRAL_BAND`). */
  rules: z.object({ macroF1: z.number(), accuracy: z.number() }),
});
/** Agreement of one scorer with one labelled file. */
export type TargetModelFigures = z.infer<typeof TargetModelFigures>;

/** The weights file of the trained target model (`data/models/target_sentiment.json`). */
export const TargetModel = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
  description: z.string(),
  /** Where the training data come from. */
  source: z.string(),
  classes: z.tuple([z.literal("negative"), z.literal("neutral"), z.literal("positive")]),
  /** Per-class bias. */
  bias: PerClass,
  /** Feature name → per-class weight (negative, neutral, positive). */
  weights: z.record(z.string(), PerClass),
  /** How the model was fitted; chosen on the dev files. */
  settings: z.object({
    /** L2 penalty λ (objective: weighted mean log loss + λ/2 ‖w‖²). */
    l2: z.number().nonnegative(),
    /** Features present in fewer training targets were dropped. */
    minCount: z.number().int().positive(),
    classWeights: z.enum(["balanced", "none"]),
    /** Feature groups used (`target_features.ts`). */
    groups: z.array(z.enum(FEATURE_GROUPS)),
    maxIterations: z.number().int().positive(),
    /**
     * Half-width of the neutral band on the score `p(positive) − p(negative)`
     * for counting a mention as positive or negative from its score alone
     * (actor tables): chosen on the dev files so that the band labels agree
     * best (macro-F1) with the gold labels.
     */
    neutralBand: z.number().nonnegative(),
    /** Mean dev macro-F1 that chose the settings. */
    selectedBy: z.string(),
  }),
  training: z.object({
    /** File, relative to the benchmarks folder. */
    data: z.string(),
    /** SHA-256 of the file's bytes. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    targets: z.number().int().nonnegative(),
    perClass: z.object({
      negative: z.number().int(),
      neutral: z.number().int(),
      positive: z.number().int(),
    }),
    /** The fit uses no randomness; recorded for the format. */
    seed: z.number().int(),
    iterations: z.number().int().nonnegative(),
    converged: z.boolean(),
    loss: z.number(),
    features: z.object({
      seen: z.number().int().nonnegative(),
      fitted: z.number().int().nonnegative(),
      kept: z.number().int().nonnegative(),
    }),
  }),
  /** Figures on the dev files (the tuning part of `benchmarks/SPLITS.md`). */
  dev: z.array(TargetModelFigures),
  /** Every setting tried on the dev files and its mean dev macro-F1. */
  grid: z.array(z.object({ setting: z.string(), rw: z.number(), mt: z.number() })),
});
/** The weights file of the trained target model. */
export type TargetModel = z.infer<typeof TargetModel>;

/** The committed weights file. */
export const TARGET_MODEL_FILE: URL = new URL(
  "../../data/models/target_sentiment.json",
  import.meta.url,
);

/** A model ready to predict: the weights in a Map. */
export interface LoadedTargetModel {
  model: TargetModel;
  weights: Map<string, readonly number[]>;
  /** SHA-256 of the weights file's bytes. */
  sha256: string;
}

let cached: LoadedTargetModel | undefined;

/**
 * Parses a weights file's text against {@linkcode TargetModel}.
 *
 * @throws {InputError} Naming the file and the field that does not fit.
 *
 * @example A weight list of the wrong length is named
 * ```ts
 * import { parseTargetModel, TARGET_MODEL_FILE } from "./target_model.ts";
 * import { strictEqual, throws } from "node:assert/strict";
 *
 * const text = Deno.readTextFileSync(TARGET_MODEL_FILE);
 * strictEqual(parseTargetModel(text, "m.json").name, "target_sentiment");
 * const bad = JSON.parse(text);
 * bad.weights = { "rule:score": [1, 2] };
 * throws(() => parseTargetModel(JSON.stringify(bad), "m.json"), /weights\.rule:score/);
 * ```
 */
export function parseTargetModel(text: string, file: string): TargetModel {
  let json;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new InputError({ file }, "expected JSON", { cause });
  }
  const parsed = TargetModel.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError({ file, path: issue.path.join(".") }, issue.message);
  }
  return parsed.data;
}

/**
 * The committed model (`data/models/target_sentiment.json`), read and
 * checked once per process.
 *
 * @example
 * ```ts
 * import { loadTargetModel } from "./target_model.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const { model, sha256 } = loadTargetModel();
 * strictEqual(model.classes.length, 3);
 * strictEqual(sha256.length, 64);
 * ```
 */
export function loadTargetModel(): LoadedTargetModel {
  if (cached) return cached;
  const bytes = Deno.readFileSync(TARGET_MODEL_FILE);
  const text = new TextDecoder().decode(bytes);
  const model = parseTargetModel(text, TARGET_MODEL_FILE.pathname);
  cached = prepareTargetModel(model, sha256Hex(bytes));
  return cached;
}

/**
 * The provenance record of the committed model: name, version, the weights
 * file's SHA-256, and the training data's.
 *
 * @example
 * ```ts
 * import { targetModelRecord } from "./target_model.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const r = targetModelRecord();
 * strictEqual(r.role, "target_sentiment");
 * strictEqual(r.file, "data/models/target_sentiment.json");
 * ```
 */
export function targetModelRecord(): ModelRecord {
  const { model, sha256 } = loadTargetModel();
  return {
    role: "target_sentiment",
    name: model.name,
    version: model.version,
    file: "data/models/target_sentiment.json",
    sha256,
    features: Object.keys(model.weights).length,
    training: { data: model.training.data, sha256: model.training.sha256 },
  };
}

/**
 * Wraps a parsed model for prediction (weights in a Map).
 *
 * @example
 * ```ts
 * import { loadTargetModel, prepareTargetModel } from "./target_model.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const { model } = loadTargetModel();
 * const ready = prepareTargetModel({ ...model, weights: { "target:pronoun": [0, 1, 0] } });
 * strictEqual(ready.weights.get("target:pronoun")?.[1], 1);
 * ```
 */
export function prepareTargetModel(model: TargetModel, sha256 = ""): LoadedTargetModel {
  return { model, weights: new Map(Object.entries(model.weights)), sha256 };
}

function sha256Hex(bytes: Uint8Array): string {
  // node:crypto is synchronous, as loading must be.
  return createHash("sha256").update(bytes).digest("hex");
}

/** Options of {@linkcode targetSentiment}. */
export interface TargetSentimentOptions {
  /** Features listed in `features`, by |towardPredicted|. @default 8 */
  top?: number;
  /** Further features (the hook for event-frame and role features). @default {} */
  extra?: Readonly<Record<string, number>>;
  /** A model other than the committed one (tests, experiments). */
  model?: LoadedTargetModel;
}

/**
 * A prediction of the trained model: a {@linkcode SentimentResult} with its
 * class, probabilities and features. `score` is `p(positive) − p(negative)`;
 * `evidence` holds the sentiment words (lexicon matches) behind the listed
 * features, one row per word, its `weight` the word's share of those
 * features' `contribution` (log-odds of positive over negative) and its
 * `rules` the rule engine's rules plus `feature:<name>` per feature; every
 * word a feature comes from (lexicon word or not) is in `features[].words`.
 */
export const TargetPrediction = SentimentResult.required({
  label: true,
  probabilities: true,
  features: true,
});
/** A prediction of the trained model. */
export type TargetPrediction = z.infer<typeof TargetPrediction>;

/**
 * The trained model's sentiment toward the token span `[spanFrom, spanTo)`.
 *
 * @param tokens The text's tokens.
 * @param span Token index range of the span (non-empty).
 * @param options Resolved span sentiment options (lexicons, rule factors).
 * @param predictOptions {@linkcode TargetSentimentOptions}.
 *
 * @example
 * ```ts
 * import { predictTarget } from "./target_model.ts";
 * import { SpanSentimentOptions } from "./options.ts";
 * import { tokenizeText } from "@framing/toolkit";
 * import { ok } from "node:assert/strict";
 *
 * const { tokens } = tokenizeText("The corrupt mayor lied to voters.");
 * const r = predictTarget(tokens, [2, 3], SpanSentimentOptions.parse({}));
 * ok(r.label === "negative" && r.score < 0);
 * ```
 */
export function predictTarget(
  tokens: readonly Token[],
  span: [number, number],
  options: ResolvedSpanSentimentOptions,
  predictOptions: TargetSentimentOptions = {},
): TargetPrediction {
  const { model, weights } = predictOptions.model ?? loadTargetModel();
  const f = targetFeatures(tokens, span, options, {
    groups: model.settings.groups,
    extra: predictOptions.extra,
    weights: packWeights(weights),
  });
  // Class scores, then the top features by |push toward the predicted class|,
  // kept in a small sorted list of indexes (no sort of every feature).
  const z = [model.bias[0], model.bias[1], model.bias[2]];
  const names: string[] = [];
  const vals: number[] = [];
  // Where each feature's three weights start in `w`: every feature kept has
  // a row, listed in the order of `values`.
  const at: number[] = [];
  const w = packWeights(weights).rows;
  const weightRows = f.weightRows!;
  for (const [name, value] of f.values) {
    const i = 3 * weightRows[at.length];
    z[0] += value * w[i];
    z[1] += value * w[i + 1];
    z[2] += value * w[i + 2];
    names.push(name);
    vals.push(value);
    at.push(i);
  }
  const p = softmax(z);
  let best = 0;
  for (let k = 1; k < 3; k++) if (p[k] > p[best]) best = k;
  const k = predictOptions.top ?? 8;
  // With `top: 0` nothing is listed: no feature is ranked.
  const toward: number[] = new Array(k > 0 ? names.length : 0);
  for (let i = 0; i < toward.length; i++) {
    const r = at[i];
    toward[i] = vals[i] * (w[r + best] - (w[r] + w[r + 1] + w[r + 2]) / 3);
  }
  const before = (a: number, b: number) =>
    Math.abs(toward[a]) > Math.abs(toward[b]) ||
    (Math.abs(toward[a]) === Math.abs(toward[b]) && names[a] < names[b]);
  const order: number[] = [];
  for (let i = 0; i < toward.length; i++) {
    if (order.length === k && !before(i, order[k - 1])) continue;
    let place = order.length;
    while (place > 0 && before(i, order[place - 1])) place--;
    order.splice(place, 0, i);
    if (order.length > k) order.pop();
  }
  const top = order.map((i) => ({ name: names[i], value: vals[i], r: at[i], toward: toward[i] }));
  // The words behind the listed features.
  const rows: FeatureEvidence[] = [];
  const byWord = new Map<number, SentimentEvidence>();
  for (const t of top) {
    const weight = w[t.r + 2] - w[t.r];
    const contribution = t.value * weight;
    const src = featureWords(f, t.name);
    const words: FeatureEvidence["words"] = [];
    for (let j = 0; j < src.length; j += 2) {
      const start = tokens[src[j]].start;
      const end = tokens[src[j + 1] - 1].end;
      const form = formOf(tokens, src[j], src[j + 1]);
      words.push({ start, end, form });
      // Evidence rows are the sentiment words (lexicon matches) among them.
      let row = byWord.get(src[j]);
      if (!row) {
        const c = f.context.words.find((w) => w.contribution.tokenStart === src[j])?.contribution;
        if (!c) continue;
        row = {
          start,
          end,
          form,
          lexicon: c.entry.lexicon,
          base: c.entry.weight,
          weight: 0,
          rules: [...c.rules],
        };
        byWord.set(src[j], row);
      }
      row.weight += contribution / (src.length / 2);
      row.rules.push(`feature:${t.name}`);
    }
    rows.push({
      feature: t.name,
      value: round4(t.value),
      weight: round4(weight),
      contribution: round4(contribution),
      towardPredicted: round4(t.toward),
      words,
    });
  }
  const evidence = [...byWord.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const e of evidence) e.weight = round4(e.weight);
  return {
    score: Math.max(-1, Math.min(1, p[2] - p[0])),
    label: TARGET_CLASSES[best],
    probabilities: { negative: p[0], neutral: p[1], positive: p[2] },
    features: rows,
    evidence,
  };
}

/** The raw text of tokens `[from, to)` (a single space where tokens do not touch). */
function formOf(tokens: readonly Token[], from: number, to: number): string {
  let out = tokens[from].text;
  for (let i = from + 1; i < to; i++) {
    out += tokens[i].start > tokens[i - 1].end ? ` ${tokens[i].text}` : tokens[i].text;
  }
  return out;
}

/**
 * The trained model's sentiment toward the character span `[start, end)`:
 * the score `p(positive) − p(negative)`, the most probable class, the
 * probabilities, and the features and words behind it.
 *
 * @param tokens The text's tokens (from `tokenizeText` or the analysis).
 * @param span Character offsets of the span.
 * @param options Span sentiment options and {@linkcode TargetSentimentOptions}.
 * @throws {RangeError} When no token lies inside the span.
 *
 * @example
 * ```ts
 * import { targetSentiment } from "./target_model.ts";
 * import { tokenizeText } from "@framing/toolkit";
 * import { ok } from "node:assert/strict";
 *
 * const text = "Voters praised the honest and brave mayor.";
 * const r = targetSentiment(tokenizeText(text).tokens, { start: 36, end: 41 });
 * ok(r.score > 0 && r.label === "positive");
 * ok(r.features.length > 0 && r.features.every((f) => typeof f.weight === "number"));
 * ```
 */
export function targetSentiment(
  tokens: readonly Token[],
  span: { start: number; end: number },
  options: SpanSentimentOptions & TargetSentimentOptions = {},
): TargetPrediction {
  const [from, to] = tokenRange(tokens, span.start, span.end);
  if (!(span.end > span.start) || from >= to) {
    throw new RangeError(`No token lies inside the span "${span.start}..${span.end}"`);
  }
  const { top, extra, model, ...rest } = options;
  return predictTarget(tokens, [from, to], resolveSpan(rest), { top, extra, model });
}

const SPAN_DEFAULTS = resolveOptions(SpanSentimentOptions, undefined, undefined);

function resolveSpan(options: SpanSentimentOptions): ResolvedSpanSentimentOptions {
  return resolveOptions(
    SpanSentimentOptions,
    Object.keys(options).length === 0 ? undefined : options,
    SPAN_DEFAULTS,
  );
}
