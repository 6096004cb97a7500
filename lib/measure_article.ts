/**
 * What every record of an analysed article is made from: the tokens of its
 * text voices, the topic and stance hits with their rates, and the scored
 * actor mentions with their rows. The full record (`analyzeArticle`) adds the
 * sentences' sentiment, the hit list, the mention evidence and the
 * vocabulary; the compact record of a corpus run (`compactRecord`) adds
 * nothing, so it computes none of them.
 *
 * @module
 */
import { actorScores, type MentionScore } from "./actors/actor_scores.ts";
import { STANCE_DEFAULTS } from "./actors/actor_stance.ts";
import { findActorMentions } from "./actors/find_mentions.ts";
import { mentionScores } from "./actors/mention_scores.ts";
import { type MentionRoleResult, mentionRoles } from "./actors/roles.ts";
import type { ActorScores, Mention } from "./actors/schema.ts";
import type { Article } from "./article.ts";
import type { Hit } from "./lexicon/hit.ts";
import { matchLexicon } from "./lexicon/match.ts";
import { lexiconCategories } from "./lexicon/schema.ts";
import { type StanceRate, stanceRates } from "./metrics/stance.ts";
import { type TopicRate, topicRates } from "./metrics/topics.ts";
import type { AnalysisResources } from "./resources.ts";
import {
  type ResolvedSentimentOptions,
  type ResolvedSpanSentimentOptions,
  type SentimentLexiconSwitch,
  SPAN_NEUTRAL_BAND,
} from "./sentiment/options.ts";
import type { z } from "zod";
import { resolveSentimentOptions } from "./sentiment/sentence_sentiment.ts";
import { resolveSpanSentimentOptions, spanSentiment } from "./sentiment/span_sentiment.ts";
import { frameLexicons, FrameOptions, type FrameOptionsInput } from "./sentiment/frame_lexicons.ts";
import { loadTargetModel } from "./sentiment/target_model.ts";
import { findStance, type StanceEvidence } from "./stance/find.ts";
import type { Sentence, Token } from "./token.ts";
import { tokenizeArticle, type TokenizedArticle } from "./tokenize_article.ts";
import { TEXT_VOICES } from "./voice.ts";

/** Options for {@linkcode analyzeArticle} and {@linkcode analyzeCorpus}. */
export interface AnalyzeOptions {
  /** Which sentiment lexicons take part (e.g. `{ domain: false }`). @default both */
  sentimentLexicons?: z.input<typeof SentimentLexiconSwitch>;
  /** Bootstrap resamples for actor intervals. @default 2000 */
  resamples?: number;
  /** Seed of the bootstrap. @default 1 */
  seed?: number;
  /**
   * Whether each actor row gets its bootstrap intervals over mentions (`ci`,
   * `stanceCi`). `analyze --compact` leaves them out unless `--intervals`
   * asks for them: a corpus comparison resamples articles and does not read
   * them. @default true
   */
  intervals?: boolean;
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
 * import { actorNeutralBand } from "./measure_article.ts";
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

/** The measured parts of one article (see the module documentation). */
export interface ArticleMeasures {
  /** The article's voices, sentences and tokens, every voice. */
  tokenized: TokenizedArticle;
  /** The tokens of the text voices (title, body, quote, comment): what metrics read. */
  tokens: Token[];
  /** The sentences of the text voices. */
  sentences: Sentence[];
  /** Topic hits of the topic lexicon and every further lexicon, in that order. */
  topicHits: Hit[];
  topics: TopicRate[];
  stanceEvidence: StanceEvidence;
  stance: StanceRate[];
  /** The actor mentions, with their role in the clause when roles are on. */
  mentions: Mention[];
  /** The rows per actor and voice and the scored mentions, in the order of `mentions`. */
  actors: ActorScores;
  /** The article's warnings, then one per title not counted for any actor. */
  warnings: string[];
  /** The sentence sentiment settings, parsed once per run. */
  sentenceOptions: ResolvedSentimentOptions;
}

/** How much of the reasons {@linkcode measureArticle} keeps (not an analysis setting: no number changes). */
export interface MeasureOptions {
  /**
   * Whether each scored mention keeps the target model's features and words
   * behind its score. The compact record keeps no mention evidence. @default true
   */
  explain?: boolean;
}

/**
 * Tokenizes an article and measures its topics, stance markers and actors.
 *
 * @param article The article.
 * @param resources The run's lexicons.
 * @param options Analysis options.
 * @param measure What of the reasons to keep.
 * @returns The parts every record is made from.
 *
 * @example
 * ```ts
 * import { measureArticle } from "./measure_article.ts";
 * import { loadResources } from "./resources.ts";
 * import { ok, strictEqual } from "node:assert/strict";
 *
 * const m = measureArticle({
 *   meta: { id: "x", language: "en", inferred: [] },
 *   text: "Talks in Astana\n\nPutin signed a deal to build a thermal power plant.",
 *   origin: "example",
 *   warnings: [],
 * }, await loadResources(), { intervals: false });
 * strictEqual(m.topics.find((t) => t.topic === "energy" && t.voice === "body")?.hits, 1);
 * const putin = m.actors.rows.find((r) => r.actor === "putin");
 * ok(putin !== undefined && putin.ci === undefined && putin.stanceCi === undefined);
 * ```
 */
export function measureArticle(
  article: Article,
  resources: AnalysisResources,
  options: AnalyzeOptions = {},
  measure: MeasureOptions = {},
): ArticleMeasures {
  const tokenized = tokenizeArticle(article);
  const id = article.meta.id;
  const text = article.text;
  const tokens = tokenized.tokens.filter((k) => TEXT_VOICES.includes(k.voice));
  const sentences = tokenized.sentences.filter((s) => TEXT_VOICES.includes(s.voice));
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
    (m) => spanSentiment(tokens, m, spanOptions, undefined, measure.explain ?? true),
    {
      lexicons: frameOptions.extra.length
        ? frameLexicons({ extra: frameOptions.extra })
        : resources.frames,
      frames: frameOptions,
      band,
    },
  ).forEach((s, i) => mentionScore.set(mentions[i], s));
  const actors = actorScores(mentions, (m) => mentionScore.get(m)!, {
    resamples: options.resamples,
    seed: options.seed,
    neutral: band,
    prior: STANCE_DEFAULTS.prior,
    intervals: options.intervals,
  });
  return {
    tokenized,
    tokens,
    sentences,
    topicHits,
    topics,
    stanceEvidence,
    stance,
    mentions,
    actors,
    warnings: [...article.warnings, ...unresolvedWarnings],
    sentenceOptions,
  };
}

/** The options of {@linkcode measureArticle} parsed, with defaults. */
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

/** The role of each mention in its clause (persons are never places). */
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
