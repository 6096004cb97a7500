/**
 * The analysis pipeline: article → voices → sentences and tokens → records.
 * The tokens and metrics come from `measure_article.ts`; this file builds
 * the full interchange record of an article and of a corpus.
 *
 * @module
 */
import type { Article } from "./article.ts";
import { ANALYSIS_FORMAT } from "./analysis.ts";
import type { AnalysedArticle, AnalysisDocument, HitRecord } from "./analysis.ts";
import type { Corpus } from "./corpus/corpus.ts";
import type { Hit } from "./lexicon/hit.ts";
import { isWord } from "./metrics/word_count.ts";
import { countsObject } from "./metrics/_word_counts.ts";
import type { AnalysisResources } from "./resources.ts";
import {
  SentimentLexiconSwitch,
  SentimentOptions,
  SpanSentimentOptions,
} from "./sentiment/options.ts";
import type { Provenance } from "./provenance.ts";
import { sentenceScore } from "./sentiment/sentence_sentiment.ts";
import { sentimentLexiconFileRecord } from "./sentiment/lexicons.ts";
import { frameLexiconFileRecord, FrameOptions } from "./sentiment/frame_lexicons.ts";
import { targetModelRecord } from "./sentiment/target_model.ts";
import { SCARE_QUOTE } from "./stance/find.ts";
import { LANGUAGE_MODEL } from "./tokenize.ts";
import { TOOLKIT } from "./version.ts";
import { TEXT_VOICES, type Voice } from "./voice.ts";
import { STANCE_DEFAULTS } from "./actors/actor_stance.ts";
import { actorNeutralBand, type AnalyzeOptions, measureArticle } from "./measure_article.ts";
import { voiceSummaries } from "./tokenize_article.ts";

export { actorNeutralBand, type AnalyzeOptions } from "./measure_article.ts";
export { tokenizeArticle, type TokenizedArticle, voiceSummaries } from "./tokenize_article.ts";

/** Name of the pseudo-lexicon under which scare quotes appear among the hits. */
export const SCARE_QUOTE_LEXICON = "scare_quotes";

function hitRecord(h: Hit): HitRecord {
  const { lexicon, category, entry, form, start, end, sentence, voice } = h;
  return { lexicon, category, entry, form, start, end, sentence, voice };
}

/**
 * Builds the interchange record of one article: voices, sentences with their
 * sentiment, and every metric with its evidence. Metrics read only the text
 * voices (title, body, quote, comment): meta and boilerplate stay in the
 * segments but count nowhere.
 *
 * @example
 * ```ts
 * import { analyzeArticle, loadResources } from "@framing/toolkit";
 * import { ok, strictEqual } from "node:assert/strict";
 *
 * const resources = await loadResources();
 * const a = analyzeArticle({
 *   meta: { id: "x", date: "2023-11-10", language: "en", inferred: [] },
 *   text: "Talks in Astana\n\nPutin signed a deal to build a thermal power plant in Kazakhstan.",
 *   origin: "example",
 *   warnings: [],
 * }, resources);
 * ok(a.mentions.some((m) => m.actor === "putin"));
 * strictEqual(a.topics.find((t) => t.topic === "energy" && t.voice === "body")?.hits, 1);
 * ```
 */
export function analyzeArticle(
  article: Article,
  resources: AnalysisResources,
  options: AnalyzeOptions = {},
): AnalysedArticle {
  const m = measureArticle(article, resources, options);
  const { tokenized: t, tokens, stanceEvidence, mentions } = m;
  const text = article.text;
  const scareHits: HitRecord[] = stanceEvidence.scareQuotes.map((q) => ({
    lexicon: SCARE_QUOTE_LEXICON,
    category: SCARE_QUOTE,
    entry: q.inner,
    form: text.slice(q.start, q.end),
    start: q.start,
    end: q.end,
    sentence: q.sentence,
    voice: q.voice,
  }));
  // The scorer's evidence lists the mentions in the order given: add each one's role.
  const evidence = m.actors.evidence.map((e, i) =>
    mentions[i].role === undefined
      ? e
      : { ...e, role: mentions[i].role, roleRule: mentions[i].roleRule }
  );
  const wordsIn = new Map<number, number>();
  // Counted in Maps (objects with thousands of word keys are slow to update);
  // the objects built from them list the words in the same order (countsObject).
  const counts = new Map<Voice, Map<string, number>>();
  for (const k of tokens) {
    if (!isWord(k)) continue;
    wordsIn.set(k.sentence, (wordsIn.get(k.sentence) ?? 0) + 1);
    let voice = counts.get(k.voice);
    if (!voice) counts.set(k.voice, voice = new Map());
    voice.set(k.lower, (voice.get(k.lower) ?? 0) + 1);
  }
  const vocabulary: AnalysedArticle["vocabulary"] = {};
  for (const [voice, words] of counts) vocabulary[voice] = countsObject(words);
  return {
    id: article.meta.id,
    meta: article.meta,
    origin: article.origin,
    warnings: m.warnings,
    text,
    length: text.length,
    segments: t.segments,
    sentences: t.sentences.map((s) => ({
      index: s.index,
      start: s.start,
      end: s.end,
      voice: s.voice,
      segment: s.segment,
      words: wordsIn.get(s.index) ?? 0,
      sentiment: TEXT_VOICES.includes(s.voice) ? sentenceScore(tokens, s, m.sentenceOptions) : 0,
    })),
    voices: voiceSummaries(t),
    hits: [...m.topicHits.map(hitRecord), ...stanceEvidence.hits.map(hitRecord), ...scareHits]
      .sort((a, b) => a.start - b.start || a.end - b.end),
    mentions: evidence,
    actors: m.actors.rows,
    topics: m.topics,
    stance: m.stance,
    vocabulary,
  };
}

/**
 * The provenance record of a run: toolkit, lexicons, model and every
 * parameter with its default filled in.
 */
export function provenanceOf(
  resources: AnalysisResources,
  options: AnalyzeOptions = {},
): Provenance {
  const sentimentLexicons = SentimentLexiconSwitch.parse(options.sentimentLexicons ?? {});
  const frames = FrameOptions.parse(options.frames ?? {});
  const spanParameters = SpanSentimentOptions.parse({
    lexicons: options.sentimentLexicons,
    model: options.spanModel,
  });
  return {
    toolkit: { ...TOOLKIT },
    languageModel: { ...LANGUAGE_MODEL },
    lexicons: [
      ...resources.lexicons,
      ...sentimentLexicons.extra.map(sentimentLexiconFileRecord),
      ...frames.extra.map(frameLexiconFileRecord),
    ],
    models: spanParameters.model === "trained" ? [targetModelRecord()] : [],
    parameters: {
      metricVoices: [...TEXT_VOICES],
      // null: no intervals over mentions (analyze --compact without --intervals).
      actorBootstrap: options.intervals === false ? null : {
        resamples: options.resamples ?? 2000,
        seed: options.seed ?? 1,
        level: 0.95,
        unit: "mention",
      },
      actorStance: {
        band: actorNeutralBand(spanParameters.model),
        prior: STANCE_DEFAULTS.prior,
        formula:
          "sum of the scores of evaluating mentions (|score| > band) / (their count + prior)",
      },
      sentimentLexicons,
      sentenceSentiment: SentimentOptions.parse({ lexicons: options.sentimentLexicons }),
      spanSentiment: spanParameters,
      frames,
    },
  };
}

/**
 * Analyses every article of a corpus. An article whose analysis throws is
 * moved to `failures` with the reason, so the document accounts for every
 * input.
 *
 * @example
 * ```ts
 * import { analyzeCorpus, loadCorpus, loadResources } from "@framing/toolkit";
 * import { strictEqual } from "node:assert/strict";
 *
 * const doc = analyzeCorpus(await loadCorpus(["data/corpus"]), await loadResources());
 * strictEqual(doc.articles.length + doc.failures.length, 2);
 * ```
 */
export function analyzeCorpus(
  corpus: Corpus,
  resources: AnalysisResources,
  options: AnalyzeOptions = {},
): AnalysisDocument {
  const articles: AnalysedArticle[] = [];
  const failures = [...corpus.failures];
  for (const article of corpus.articles) {
    try {
      articles.push(analyzeArticle(article, resources, options));
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
    provenance: provenanceOf(resources, options),
    articles,
    failures,
    notes: corpus.notes,
  };
}
