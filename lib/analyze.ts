/**
 * The analysis pipeline: article → voices → sentences and tokens → records.
 *
 * @module
 */
import type { Article } from "./article.ts";
import { ANALYSIS_FORMAT } from "./analysis.ts";
import type { AnalysedArticle, AnalysisDocument, VoiceSummary } from "./analysis.ts";
import type { Corpus } from "./corpus/corpus.ts";
import type { Segment } from "./segment.ts";
import type { Sentence, Token } from "./token.ts";
import { LANGUAGE_MODEL, tokenizeSegments } from "./tokenize.ts";
import { TOOLKIT } from "./version.ts";
import { Voice } from "./voice.ts";
import { segmentVoices } from "./voices/segment_voices.ts";

/** An article with its voices, sentences and tokens: the input of every metric. */
export interface TokenizedArticle {
  article: Article;
  segments: Segment[];
  sentences: Sentence[];
  tokens: Token[];
}

/**
 * Segments an article into voices and splits it into sentences and tokens.
 *
 * @example
 * ```ts
 * import { tokenizeArticle } from "../lib/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const t = tokenizeArticle({
 *   meta: { id: "a", language: "en", inferred: [] },
 *   text: "Headline\n\nThe president spoke to the press about the new gas pipeline on Friday.",
 *   origin: "test",
 *   warnings: [],
 * });
 * strictEqual(t.segments[0].voice, "title");
 * strictEqual(t.sentences.length, 2);
 * ```
 */
export function tokenizeArticle(article: Article): TokenizedArticle {
  const segments = segmentVoices(article.text, { title: article.meta.title });
  const { sentences, tokens } = tokenizeSegments(article.text, segments);
  return { article, segments, sentences, tokens };
}

/** True for a token that counts as a word (not punctuation, symbol or space). */
export function isWordToken(t: Token): boolean {
  return t.type !== "punctuation" && t.type !== "symbol" && t.type !== "tabCRLF" &&
    t.text.trim() !== "";
}

/** Characters, sentences and words per voice, every voice listed. */
export function voiceSummaries(t: TokenizedArticle): VoiceSummary[] {
  return Voice.options.map((voice) => ({
    voice,
    chars: t.segments.filter((s) => s.voice === voice).reduce((n, s) => n + s.end - s.start, 0),
    sentences: t.sentences.filter((s) => s.voice === voice).length,
    words: t.tokens.filter((k) => k.voice === voice && isWordToken(k)).length,
  }));
}

/** Builds the interchange record of one article. */
export function analyzeArticle(article: Article): AnalysedArticle {
  const t = tokenizeArticle(article);
  return {
    id: article.meta.id,
    meta: article.meta,
    origin: article.origin,
    warnings: article.warnings,
    length: article.text.length,
    segments: t.segments,
    sentences: t.sentences.map(({ index, start, end, voice, segment }) => ({
      index,
      start,
      end,
      voice,
      segment,
    })),
    voices: voiceSummaries(t),
  };
}

/**
 * Analyses every article of a corpus. An article whose analysis throws is
 * moved to `failures` with the reason, so the document accounts for every
 * input.
 *
 * @example
 * ```ts
 * import { analyzeCorpus, loadCorpus } from "../lib/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const doc = analyzeCorpus(await loadCorpus(["data/corpus"]));
 * strictEqual(doc.articles.length + doc.failures.length, 2);
 * ```
 */
export function analyzeCorpus(corpus: Corpus): AnalysisDocument {
  const articles: AnalysedArticle[] = [];
  const failures = [...corpus.failures];
  for (const article of corpus.articles) {
    try {
      articles.push(analyzeArticle(article));
    } catch (e) {
      failures.push({
        input: article.origin,
        reason: `analysis failed: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }
  return {
    format: ANALYSIS_FORMAT.name,
    formatVersion: ANALYSIS_FORMAT.version,
    toolkit: TOOLKIT,
    languageModel: { ...LANGUAGE_MODEL },
    articles,
    failures,
    notes: corpus.notes,
  };
}
