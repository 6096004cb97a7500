/**
 * Sentiment on one scale, −1..+1: of a sentence, of a text, and toward a span
 * (an actor's mention), each with the words behind it as evidence.
 *
 * Lexicons: `data/lexicons/sentiment_general.json` (VADER, Hutto & Gilbert
 * 2014), `data/lexicons/sentiment_domain.yaml` (evaluative words of political
 * news) and `data/lexicons/sentiment_fitted.json` (word weights fitted to the
 * benchmarks' tuning rows; on for sentences, off toward spans by default),
 * each switchable with `{ lexicons: { domain: false } }` and so on. Lexicons
 * of your own come first: `{ lexicons: { extra: ["mine.yaml"] } }`.
 *
 * Toward a span, the default scorer is the trained target model
 * (`data/models/target_sentiment.json`, `target_model.ts`): a logistic
 * regression over readable features (`target_features.ts`), the rule score
 * among them; `{ model: "rules" }` gives the rule scorer alone.
 *
 * @example
 * ```ts
 * import { sentimentOf, spanSentiment } from "./mod.ts";
 * import { tokenizeText } from "../tokenize.ts";
 * import { ok } from "node:assert/strict";
 *
 * ok(sentimentOf("A brave and honest leader.").score > 0);
 * const text = "Critics called the law Russophobic blackmail.";
 * const { tokens } = tokenizeText(text);
 * const law = spanSentiment(tokens, { start: 19, end: 22 });
 * ok(law.score < 0);
 * ok(law.evidence.some((e) => e.lexicon === "sentiment_domain"));
 * ```
 *
 * @module
 */
export { sentenceSentiment } from "./sentence_sentiment.ts";
export { spanSentiment } from "./span_sentiment.ts";
export { sentimentOf, type TextSentiment } from "./sentiment_of.ts";
export {
  loadTargetModel,
  TargetModel,
  TargetPrediction,
  targetSentiment,
  type TargetSentimentOptions,
} from "./target_model.ts";
export { FEATURE_GROUPS, type FeatureGroup, targetFeatures } from "./target_features.ts";
export {
  FeatureEvidence,
  SentimentEvidence,
  SentimentLexiconSwitch,
  SentimentOptions,
  SentimentResult,
  SentimentRule,
  SPAN_NEUTRAL_BAND,
  SpanSentimentOptions,
} from "./options.ts";
