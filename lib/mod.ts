/**
 * The framing toolkit's core: load articles, analyse them, compare them, and
 * read the analysis as tidy tables. It imports no chart, notebook or
 * danfojs code; those are the subpaths:
 *
 * - `@framing/toolkit/notebook`: analyse, compare and show in a notebook;
 * - `@framing/toolkit/figures`: plotly figure specs and the paper theme;
 * - `@framing/toolkit/lexicon`: lexicon and actor files (load, import, export, check);
 * - `@framing/toolkit/validate`: agreement with hand-coded data;
 * - `@framing/toolkit/stats`: mean, quantile, bootstrap, agreement measures.
 *
 * Data flow: articles → voices → tokens → lexicon hits → metrics →
 * comparison → tables.
 *
 * @example From files to compared topic rates
 * ```ts
 * import { analyzeCorpus, compareCorpus, loadCorpus, loadResources, topicTable } from "@framing/toolkit";
 * import { ok } from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/a.txt`, "The dam will supply power to the region.");
 * await Deno.writeTextFile(`${dir}/b.txt`, "The loan was signed by the ministers.");
 * const analysis = analyzeCorpus(await loadCorpus([dir]), await loadResources(), { resamples: 50 });
 * const compared = compareCorpus(analysis, { by: "outlet", resamples: 50 });
 * ok(compared.comparison !== null && topicTable(analysis).length > 0);
 * ```
 *
 * @module
 */
// Load.
export { InputError } from "./errors.ts";
export { Article, ArticleMeta } from "./article.ts";
export { Corpus, Failure } from "./corpus/corpus.ts";
export { loadCorpus, type LoadCorpusOptions } from "./corpus/load_corpus.ts";
export { streamCorpus, type StreamCorpusOptions } from "./corpus/stream_corpus.ts";
export { type AnalysisResources, loadResources, type LoadResourcesOptions } from "./resources.ts";
export { loadResourceFiles, type ResourceFiles } from "./run/resource_files.ts";
// Analyse.
export { TEXT_VOICES, Voice } from "./voice.ts";
export { Segment } from "./segment.ts";
export { Sentence, Token } from "./token.ts";
export { tokenizeText } from "./tokenize.ts";
export { segmentVoices } from "./voices/segment_voices.ts";
export { AnalysedArticle, AnalysisDocument } from "./analysis.ts";
export { analyzeArticle, analyzeCorpus, type AnalyzeOptions } from "./analyze.ts";
export { analyzeStream, type AnalyzeStreamOptions } from "./run/analyze_stream.ts";
export { sentenceSentiment } from "./sentiment/sentence_sentiment.ts";
export { spanSentiment } from "./sentiment/span_sentiment.ts";
export { sentimentOf } from "./sentiment/sentiment_of.ts";
export { TOOLKIT } from "./version.ts";
// Compare.
export {
  compareGroups,
  type CompareGroupsOptions,
  Comparison,
  DifferenceRow,
} from "./compare/compare_groups.ts";
export { compareCorpus, type CorpusComparison, metadataFields } from "./compare/compare_corpus.ts";
export { keyness, KeynessRow } from "./compare/keyness.ts";
export { backgroundFrequencies } from "./compare/background.ts";
// Tables.
export {
  actorTable,
  arcTable,
  cooccurrenceTable,
  kwicTable,
  stanceTable,
  topicTable,
  voiceTable,
} from "./tables/tidy.ts";
export { type EvidenceRow, evidenceTable } from "./tables/evidence.ts";
export { type TopicChange, topicChanges } from "./tables/topic_changes.ts";
export { DASH, formatInterval, formatNumber, formatP } from "./tables/format.ts";
export { ActorScoreRow } from "./actors/schema.ts";
export { TopicRate } from "./metrics/topics.ts";
export { StanceRate } from "./metrics/stance.ts";
