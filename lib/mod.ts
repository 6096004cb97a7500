/**
 * The framing toolkit's public entry point.
 *
 * Data flow: articles → voices → tokens → lexicon hits → metrics →
 * comparison → figures.
 *
 * @module
 */
export * from "./errors.ts";
export * from "./voice.ts";
export * from "./segment.ts";
export * from "./article.ts";
export * from "./token.ts";
export * from "./tokenize.ts";
export * from "./corpus/corpus.ts";
export * from "./corpus/manifest.ts";
export { decodeText, readTextFile } from "./corpus/read_text.ts";
export { loadCorpus, type LoadCorpusOptions } from "./corpus/load_corpus.ts";
export { segmentVoices, type SegmentVoicesOptions } from "./voices/segment_voices.ts";
export * from "./analysis.ts";
export * from "./analyze.ts";
export { TOOLKIT } from "./version.ts";
export * from "./compare/keyness.ts";
export * from "./compare/adjust.ts";
export * from "./compare/resample.ts";
export { BACKGROUND_SOURCE, backgroundFrequencies } from "./compare/background.ts";
export * from "./resources.ts";
export * from "./compare/compare_groups.ts";
export * from "./compare/compare_corpus.ts";
// Lexicons, matching and metrics.
export * from "./lexicon/schema.ts";
export * from "./lexicon/hit.ts";
export { formatPath, type LexiconFormat, loadLexicon, parseLexicon } from "./lexicon/load.ts";
export * from "./lexicon/match.ts";
export * from "./metrics/word_count.ts";
export * from "./metrics/topics.ts";
export * from "./metrics/kwic.ts";
export * from "./metrics/stance.ts";
// Stance markers.
export * from "./stance/find.ts";
export * from "./stance/lexicons.ts";
export { findScareQuotes, type FindScareQuotesOptions, ScareQuote } from "./stance/scare_quotes.ts";
export * from "./stance/disambiguate.ts";
// Actors.
export * from "./actors/schema.ts";
export * from "./actors/load.ts";
export * from "./actors/find_mentions.ts";
export * from "./actors/actor_scores.ts";
export * from "./stats/random.ts";
export * from "./stats/bootstrap.ts";
// Sentiment.
export * from "./sentiment/options.ts";
export * from "./sentiment/sentence_sentiment.ts";
export * from "./sentiment/span_sentiment.ts";
export * from "./sentiment/sentiment_of.ts";
export * from "./sentiment/target_features.ts";
export * from "./sentiment/target_model.ts";
export * from "./provenance.ts";
export * from "./tables/tidy.ts";
// Bring your own lexicon: importers, exporter, check.
export * from "./lexicon/import/mod.ts";
export * from "./lexicon/export.ts";
export * from "./lexicon/check.ts";
export * from "./lexicon/check_file.ts";
export { formatCheckReport } from "./cli/lexicon.ts";
export * from "./compare/stopwords.ts";
export * from "./tables/evidence.ts";
export * from "./validate/bars.ts";
// Corpus runs: streaming input, workers, ordered output.
export { streamCorpus, type StreamCorpusOptions } from "./corpus/stream_corpus.ts";
export {
  analyzeStream,
  type AnalyzeStreamOptions,
  defaultWorkers,
  type RunItem,
} from "./run/analyze_stream.ts";
export { type ArticleRecord, articleRecord } from "./run/article_record.ts";
