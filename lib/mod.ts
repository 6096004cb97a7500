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
export { type LoadCorpusOptions, loadCorpus } from "./corpus/load_corpus.ts";
export { segmentVoices, type SegmentVoicesOptions } from "./voices/segment_voices.ts";
export * from "./analysis.ts";
export * from "./analyze.ts";
export { TOOLKIT } from "./version.ts";
export * from "./compare/keyness.ts";
export * from "./compare/adjust.ts";
export * from "./compare/resample.ts";
export { BACKGROUND_SOURCE, backgroundFrequencies } from "./compare/background.ts";
