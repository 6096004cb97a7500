/**
 * Options and results of the sentiment functions: one zod schema per type.
 *
 * @module
 */
import { z } from "zod";

/** The lexicon switches of a preset (see {@linkcode lexiconSwitch}). */
export interface LexiconSwitchPreset {
  general: boolean;
  domain: boolean;
  fitted: boolean;
  extra: string[];
}

/**
 * The defaults of sentence scoring (`sentenceSentiment`, `sentimentOf`): VADER's
 * rules (3-word negation window) with the news weighting of negative words
 * and the fitted word weights. One of the two presets of the one sentiment
 * options schema ({@linkcode sentimentOptionFields}).
 */
export const SENTENCE_PRESET = {
  lexicons: { general: true, domain: true, fitted: true, extra: [] as string[] },
  negationScope: "window",
  negationWindow: 3,
  scareQuoteFactor: -0.5,
  negativeWeight: 1.5,
} as const satisfies Record<string, unknown>;

/**
 * The defaults of scoring toward a span (`spanSentiment`, actor scores): the
 * sentence preset with the settings fitted on the NewsMTSC dev files (tuning
 * part) for targets: the fitted word weights off (in 5-fold cross-validation
 * macro-F1 was 0.570 with them, 0.611 with only their replaced VADER weights,
 * 0.609 without), negation by the model's flags (to the next punctuation,
 * better than VADER's window toward a span), negative words weighted 2, and
 * the span-only fields (scorer, distance and clause weighting, role).
 */
export const SPAN_PRESET = {
  ...SENTENCE_PRESET,
  lexicons: { general: true, domain: true, fitted: false, extra: [] as string[] },
  negationScope: "model",
  negativeWeight: 2,
  model: "trained",
  halfDistance: 12,
  clauseFactor: 0.1,
  commaFactor: 0.1,
  targetRoleFactor: 0.5,
} as const satisfies Record<string, unknown>;

/**
 * The schema of the lexicon switches, with a preset's defaults.
 *
 * @param preset The defaults.
 * @returns The zod schema.
 *
 * @example
 * ```ts
 * import { lexiconSwitch, SPAN_PRESET } from "./options.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(lexiconSwitch(SPAN_PRESET.lexicons).parse({}).fitted, false);
 * ```
 */
export function lexiconSwitch(preset: Readonly<LexiconSwitchPreset>) {
  return z.object({
    /** VADER's general lexicon (`data/lexicons/sentiment_general.json`). */
    general: z.boolean().default(preset.general),
    /** The domain lexicon of political-news evaluative words (`sentiment_domain.yaml`). */
    domain: z.boolean().default(preset.domain),
    /**
     * Word weights fitted to human sentence ratings on the benchmarks' tuning
     * rows (`sentiment_fitted.json`, made by `tools/fit_sentence_weights.ts`):
     * they replace VADER's weight of the same word and add frequent words VADER
     * lacks. In 5-fold cross-validation over NYT editorial articles with an odd
     * number they raised Pearson r from 0.529 to 0.556 (sentences).
     */
    fitted: z.boolean().default(preset.fitted),
    /**
     * Further sentiment lexicons: paths of files in the team's lexicon format
     * (JSON or YAML, `schemas/lexicon.schema.json`), every entry with a weight
     * on VADER's −4..+4 scale. They are looked up before the bundled lexicons,
     * in the order given, so a word they list takes their weight. Use it to try
     * a lexicon of your own field, e.g. with `deno task validate targets FILE
     * --sentiment-lexicon mine.yaml`.
     */
    extra: z.array(z.string().min(1)).default([...preset.extra]),
  }).strict();
}

/** Which sentiment lexicons take part (sentence defaults: every bundled lexicon). */
export const SentimentLexiconSwitch = lexiconSwitch(SENTENCE_PRESET.lexicons);
/** Which sentiment lexicons take part. */
export type SentimentLexiconSwitch = z.infer<typeof SentimentLexiconSwitch>;

/**
 * The fields of the one sentiment options schema, each defined once, with
 * a preset's defaults ({@linkcode SENTENCE_PRESET} or {@linkcode SPAN_PRESET}).
 *
 * @param preset The defaults.
 * @returns The zod fields shared by sentence and span scoring.
 *
 * @example
 * ```ts
 * import { SENTENCE_PRESET, sentimentOptionFields } from "./options.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(sentimentOptionFields(SENTENCE_PRESET).negationScope.parse(undefined), "window");
 * ```
 */
export function sentimentOptionFields(preset: typeof SENTENCE_PRESET | typeof SPAN_PRESET) {
  return {
    /** Lexicons to use. */
    lexicons: lexiconSwitch(preset.lexicons).default({ ...preset.lexicons, extra: [] }),
    /**
     * Negation scope: `"window"` (VADER: a negator up to `negationWindow` words
     * before) or `"model"` (wink-nlp's negation flag, which runs from the
     * negator to the next punctuation).
     */
    negationScope: z.enum(["window", "model"]).default(preset.negationScope),
    /** How many words before a sentiment word a negator may stand (VADER: 3). */
    negationWindow: z.number().int().min(0).max(10).default(preset.negationWindow),
    /**
     * Factor on a sentiment word inside scare quotes (1–4 quoted words that are
     * not reported speech): the quoted word is read as ironic.
     */
    scareQuoteFactor: z.number().min(-1).max(1).default(preset.scareQuoteFactor),
    /**
     * Factor on negative contributions: readers of news weigh negative words
     * more than VADER's ratings do (fitted on the tuning rows of the
     * benchmarks, `tools/eval.ts`); 1 is plain VADER.
     */
    negativeWeight: z.number().min(0).max(4).default(preset.negativeWeight),
  };
}

/**
 * Options of sentence scoring: the one schema's shared fields with the
 * {@linkcode SENTENCE_PRESET} defaults.
 */
export const SentimentOptions = z.object(sentimentOptionFields(SENTENCE_PRESET)).strict();
/** Options shared by the sentiment functions (input form: every field optional). */
export type SentimentOptions = z.input<typeof SentimentOptions>;
/** Options with defaults filled in. */
export type ResolvedSentimentOptions = z.output<typeof SentimentOptions>;

/**
 * Options of {@linkcode spanSentiment}: the same fields with the
 * {@linkcode SPAN_PRESET} defaults, plus the span-only ones.
 *
 * @example The two presets of one schema
 * ```ts
 * import { SENTENCE_PRESET, SentimentOptions, SPAN_PRESET, SpanSentimentOptions } from "./options.ts";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const span = SpanSentimentOptions.parse({});
 * deepStrictEqual(SentimentOptions.parse({}), { ...SENTENCE_PRESET, lexicons: { ...SENTENCE_PRESET.lexicons } });
 * strictEqual(span.negativeWeight, SPAN_PRESET.negativeWeight);
 * strictEqual(SpanSentimentOptions.parse({ negativeWeight: 1.5 }).negativeWeight, 1.5);
 * ```
 */
export const SpanSentimentOptions = z.object({
  ...sentimentOptionFields(SPAN_PRESET),
  /**
   * Which scorer: `"trained"`, the logistic model of
   * `data/models/target_sentiment.json` over readable features (the rule
   * score and its parts among them; `target_model.ts`), or `"rules"`, the
   * rule scorer alone (the weighting below). The trained model's score is
   * `p(positive) − p(negative)` and its class the most probable one; the
   * rule options below still shape its rule features.
   */
  model: z.enum(["trained", "rules"]).default(SPAN_PRESET.model),
  /**
   * Distance (in words) at which a sentiment word's weight toward the span
   * has halved. Fitted on the NewsMTSC dev files.
   */
  halfDistance: z.number().positive().default(SPAN_PRESET.halfDistance),
  /**
   * Weight kept per strong clause boundary (semicolon, colon, dash, bracket,
   * clause-opening word) between the word and the span. Fitted on
   * the NewsMTSC dev files.
   */
  clauseFactor: z.number().min(0).max(1).default(SPAN_PRESET.clauseFactor),
  /**
   * Weight kept per weak boundary (comma, quote mark) between the word and
   * the span. Fitted on the NewsMTSC dev files.
   */
  commaFactor: z.number().min(0).max(1).default(SPAN_PRESET.commaFactor),
  /**
   * Factor on a negative act (verb) whose object, or passive subject, the
   * span is: the span is the act's target, not its agent. (On the NewsMTSC
   * dev files 0.5 and 1 score within 0.005 macro-F1 of each other.)
   */
  targetRoleFactor: z.number().min(-1).max(1).default(SPAN_PRESET.targetRoleFactor),
}).strict();
/** Options of `spanSentiment` (input form). */
export type SpanSentimentOptions = z.input<typeof SpanSentimentOptions>;
/** `spanSentiment` options with defaults filled in. */
export type ResolvedSpanSentimentOptions = z.output<typeof SpanSentimentOptions>;

/**
 * Half-width of the neutral band for span scores: a score in
 * `[-SPAN_NEUTRAL_BAND, +SPAN_NEUTRAL_BAND]` reads as neutral. Fitted on the
 * NewsMTSC dev files (tuning part; `tools/eval.ts`) for the default
 * {@linkcode SpanSentimentOptions}.
 */
export const SPAN_NEUTRAL_BAND = 0.07;

/** Why a word's contribution differs from its lexicon weight. */
export const SentimentRule = z.enum([
  "lemma",
  "caps",
  "boosted",
  "dampened",
  "negated",
  "shifted",
  "least",
  "but-before",
  "but-after",
  "scare-quoted",
  "negativity",
  "exclamation",
  "distance",
  "clause",
  "role-target",
  "in-span",
]);
/** A rule name. */
export type SentimentRule = z.infer<typeof SentimentRule>;

/** One word's contribution to a score, with offsets into the raw text. */
export const SentimentEvidence = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The raw text of the word(s). */
  form: z.string(),
  /** Lexicon name (`sentiment_general`, `sentiment_domain`) or `rules` for punctuation. */
  lexicon: z.string(),
  /** The lexicon weight (−4..+4). */
  base: z.number(),
  /** The contribution after every rule; the score is `normalize(sum of weights)`. */
  weight: z.number(),
  /** Rules that changed the contribution, in the order they applied. */
  rules: z.array(z.string()),
});
/** One word's contribution to a score. */
export type SentimentEvidence = z.infer<typeof SentimentEvidence>;

/** One feature's part in a trained model's prediction (see `target_model.ts`). */
export const FeatureEvidence = z.object({
  /** The feature's name (`target_features.ts` lists the groups). */
  feature: z.string(),
  /** Its value for this span. */
  value: z.number(),
  /** Its weight toward positive minus its weight toward negative. */
  weight: z.number(),
  /** `value × weight`: its push on the log-odds of positive over negative. */
  contribution: z.number(),
  /** `value × (weight of the predicted class − mean weight)`: its push toward the prediction. */
  towardPredicted: z.number(),
  /** The words it comes from, with offsets into the raw text (none for e.g. a position). */
  words: z.array(z.object({ start: z.number(), end: z.number(), form: z.string() })),
});
/** One feature's part in a trained model's prediction. */
export type FeatureEvidence = z.infer<typeof FeatureEvidence>;

/**
 * A sentiment score on −1..+1 and the words behind it.
 *
 * From the rule scorers, `evidence` holds every sentiment word and the score
 * is `normalize(sum of weights)`. From the trained target model
 * (`spanSentiment` with `model: "trained"`), the score is
 * `p(positive) − p(negative)`; `features` lists the features that moved the
 * prediction most (with every word each comes from), and `evidence` the
 * sentiment words (lexicon matches) behind them, each `weight` being the
 * word's share of its features' `contribution` (log-odds of positive over
 * negative) and its `rules` naming those features (`feature:<name>`).
 */
export const SentimentResult = z.object({
  /** −1 (most negative) .. +1 (most positive); 0 without evidence. */
  score: z.number().min(-1).max(1),
  evidence: z.array(SentimentEvidence),
  /** The most probable class (trained model only). */
  label: z.enum(["negative", "neutral", "positive"]).optional(),
  /** Class probabilities (trained model only). */
  probabilities: z.object({ negative: z.number(), neutral: z.number(), positive: z.number() })
    .optional(),
  /** The features that moved the prediction most (trained model only). */
  features: z.array(FeatureEvidence).optional(),
});
/** A sentiment score and its evidence. */
export type SentimentResult = z.infer<typeof SentimentResult>;
