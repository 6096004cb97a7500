/**
 * The analysis pipeline: article → voices → sentences and tokens → records.
 *
 * @module
 */
import { actorScores, type MentionScore } from "./actors/actor_scores.ts";
import { STANCE_DEFAULTS } from "./actors/actor_stance.ts";
import { findActorMentions } from "./actors/find_mentions.ts";
import { mentionScores } from "./actors/mention_scores.ts";
import { type MentionRoleResult, mentionRoles } from "./actors/roles.ts";
import type { Article } from "./article.ts";
import { ANALYSIS_FORMAT } from "./analysis.ts";
import type { AnalysedArticle, AnalysisDocument, HitRecord, VoiceSummary } from "./analysis.ts";
import type { Corpus } from "./corpus/corpus.ts";
import type { Hit } from "./lexicon/hit.ts";
import { matchLexicon } from "./lexicon/match.ts";
import { lexiconCategories } from "./lexicon/schema.ts";
import { stanceRates } from "./metrics/stance.ts";
import { type TopicRate, topicRates } from "./metrics/topics.ts";
import { isWord } from "./metrics/word_count.ts";
import { countsObject } from "./metrics/_word_counts.ts";
import type { AnalysisResources } from "./resources.ts";
import type { Mention } from "./actors/schema.ts";
import type { Segment } from "./segment.ts";
import {
  type ResolvedSentimentOptions,
  type ResolvedSpanSentimentOptions,
  SentimentLexiconSwitch,
  SentimentOptions,
  SPAN_NEUTRAL_BAND,
  SpanSentimentOptions,
} from "./sentiment/options.ts";
import type { Provenance } from "./provenance.ts";
import type { z } from "zod";
import { resolveSentimentOptions, sentenceScore } from "./sentiment/sentence_sentiment.ts";
import { resolveSpanSentimentOptions, spanSentiment } from "./sentiment/span_sentiment.ts";
import { sentimentLexiconFileRecord } from "./sentiment/lexicons.ts";
import {
  frameLexiconFileRecord,
  frameLexicons,
  FrameOptions,
  type FrameOptionsInput,
} from "./sentiment/frame_lexicons.ts";
import { loadTargetModel, targetModelRecord } from "./sentiment/target_model.ts";
import { findStance, SCARE_QUOTE } from "./stance/find.ts";
import type { Sentence, Token } from "./token.ts";
import { LANGUAGE_MODEL, tokenizeSegments } from "./tokenize.ts";
import { TOOLKIT } from "./version.ts";
import { TEXT_VOICES, Voice } from "./voice.ts";
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
 * import { tokenizeArticle } from "./analyze.ts";
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

/** Characters, sentences and words per voice, every voice listed. */
export function voiceSummaries(t: TokenizedArticle): VoiceSummary[] {
  const rows = new Map<Voice, VoiceSummary>(
    Voice.options.map((voice) => [voice, { voice, chars: 0, sentences: 0, words: 0 }]),
  );
  for (const s of t.segments) rows.get(s.voice)!.chars += s.end - s.start;
  for (const s of t.sentences) rows.get(s.voice)!.sentences++;
  for (const k of t.tokens) if (isWord(k)) rows.get(k.voice)!.words++;
  return [...rows.values()];
}

/** Options for {@linkcode analyzeArticle} and {@linkcode analyzeCorpus}. */
export interface AnalyzeOptions {
  /** Which sentiment lexicons take part (e.g. `{ domain: false }`). @default both */
  sentimentLexicons?: z.input<typeof SentimentLexiconSwitch>;
  /** Bootstrap resamples for actor intervals. @default 2000 */
  resamples?: number;
  /** Seed of the bootstrap. @default 1 */
  seed?: number;
  /** Mention roles and frame evaluation: switches and the user's frame lexicons. @default all on */
  frames?: FrameOptionsInput;
  /**
   * Sentiment toward actors: the trained target model or the rule scorer
   * (`SpanSentimentOptions.model`). @default "trained"
   */
  spanModel?: "trained" | "rules";
}

/**
 * The neutral band of actor tables for a span scorer: the trained model's
 * band on `p(positive) − p(negative)` (chosen on the dev files, recorded in
 * its weights file), or `SPAN_NEUTRAL_BAND` for the rule scorer.
 *
 * @example
 * ```ts
 * import { actorNeutralBand } from "./analyze.ts";
 * import { SPAN_NEUTRAL_BAND } from "./sentiment/options.ts";
 * import { ok, strictEqual } from "node:assert/strict";
 *
 * strictEqual(actorNeutralBand("rules"), SPAN_NEUTRAL_BAND);
 * ok(actorNeutralBand() >= 0 && actorNeutralBand() < 1);
 * ```
 */
export function actorNeutralBand(model: "trained" | "rules" = "trained"): number {
  return model === "trained" ? loadTargetModel().model.settings.neutralBand : SPAN_NEUTRAL_BAND;
}

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
  const t = tokenizeArticle(article);
  const id = article.meta.id;
  const text = article.text;
  const tokens = t.tokens.filter((k) => TEXT_VOICES.includes(k.voice));
  const sentences = t.sentences.filter((s) => TEXT_VOICES.includes(s.voice));
  // Resolved once: the scorers then skip parsing on each sentence and mention.
  const { sentenceOptions, spanOptions, frameOptions } = resolvedOptions(options);

  const topicHits: Hit[] = [];
  const topics: TopicRate[] = [];
  for (const lexicon of [resources.topics, ...resources.extra]) {
    const hits = matchLexicon(tokens, lexicon, { text, article: id });
    topicHits.push(...hits);
    topics.push(...topicRates(hits, { tokens, sentences }, {
      topics: lexiconCategories(lexicon),
      lexicon: lexicon.name,
      article: id,
    }));
  }
  const stanceEvidence = findStance({ text, tokens }, resources.stance, { article: id });
  const stance = stanceRates(stanceEvidence, tokens, { article: id });
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
  const { mentions: found, unresolved } = findActorMentions(tokens, resources.actors, {
    date: article.meta.date,
    sentences,
  });
  // A title that could not be bound to one holder is not counted for any actor: say so.
  const unresolvedWarnings = unresolved.map((u) =>
    `Title "${u.form}" at ${u.start}-${u.end} (${u.voice}) not counted for any actor: ${u.reason} ` +
    `(held by ${u.candidates.join(", ")})`
  );
  const roles = frameOptions.roles ? rolesOf(tokens, found, resources) : undefined;
  const mentions = roles
    ? found.map((m, i) => ({ ...m, role: roles[i].role, roleRule: roles[i].rule }))
    : found;
  const band = actorNeutralBand(spanOptions.model);
  const mentionScore = new Map<Mention, MentionScore>();
  mentionScores(
    { text, tokens, mentions, roles },
    (m) => spanSentiment(tokens, m, spanOptions),
    {
      lexicons: frameOptions.extra.length
        ? frameLexicons({ extra: frameOptions.extra })
        : resources.frames,
      frames: frameOptions,
      band,
    },
  ).forEach((s, i) => mentionScore.set(mentions[i], s));
  const scored = actorScores(mentions, (m) => mentionScore.get(m)!, {
    resamples: options.resamples,
    seed: options.seed,
    neutral: band,
    prior: STANCE_DEFAULTS.prior,
  });
  // The scorer's evidence lists the mentions in the order given: add each one's role.
  const evidence = scored.evidence.map((e, i) =>
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
    id,
    meta: article.meta,
    origin: article.origin,
    warnings: [...article.warnings, ...unresolvedWarnings],
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
      sentiment: TEXT_VOICES.includes(s.voice) ? sentenceScore(tokens, s, sentenceOptions) : 0,
    })),
    voices: voiceSummaries(t),
    hits: [...topicHits.map(hitRecord), ...stanceEvidence.hits.map(hitRecord), ...scareHits]
      .sort((a, b) => a.start - b.start || a.end - b.end),
    mentions: evidence,
    actors: scored.rows,
    topics,
    stance,
    vocabulary,
  };
}

/** The options of {@linkcode analyzeArticle} parsed, with defaults. */
interface ResolvedAnalyzeOptions {
  sentenceOptions: ResolvedSentimentOptions;
  spanOptions: ResolvedSpanSentimentOptions;
  frameOptions: FrameOptions;
}

/** The last options resolved, by their JSON (see {@linkcode resolvedOptions}). */
let lastResolved: { key: string; value: ResolvedAnalyzeOptions } | undefined;

/**
 * The sentence, span and frame options of an analysis, parsed once per run
 * rather than once per article (the three zod parses cost about 1% of a
 * corpus run): the last result is kept under its options' JSON, which a
 * caller changing an options object in place also changes.
 */
function resolvedOptions(options: AnalyzeOptions): ResolvedAnalyzeOptions {
  const key = JSON.stringify([options.sentimentLexicons, options.spanModel, options.frames]);
  if (lastResolved?.key === key) return lastResolved.value;
  const value = {
    sentenceOptions: resolveSentimentOptions({ lexicons: options.sentimentLexicons }),
    spanOptions: resolveSpanSentimentOptions({
      lexicons: options.sentimentLexicons,
      model: options.spanModel,
    }),
    frameOptions: FrameOptions.parse(options.frames ?? {}),
  };
  lastResolved = { key, value };
  return value;
}

/** The mentions with the role of each in its clause (lib/actors/roles.ts). */
/** The role of each mention (persons are never places). */
function rolesOf(
  tokens: readonly Token[],
  mentions: readonly Mention[],
  resources: AnalysisResources,
): MentionRoleResult[] {
  const persons = new Set(
    resources.actors.actors.filter((a) => a.kind === "person").map((a) => a.id),
  );
  return mentionRoles(tokens, mentions, { persons });
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
      actorBootstrap: {
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
