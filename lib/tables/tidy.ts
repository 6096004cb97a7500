/**
 * Tidy tables from the interchange document: one row per article and
 * feature (and voice), ready for figures, CSV and LaTeX. Every row keeps the
 * ids that lead back to its evidence (article, sentence, offsets).
 *
 * @module
 */
import type { AnalysedArticle } from "../analysis.ts";
import type { ActorScoreRow } from "../actors/schema.ts";
import type { KwicRow } from "../metrics/kwic.ts";
import { kwic } from "../metrics/kwic.ts";
import type { StanceRate } from "../metrics/stance.ts";
import type { TopicRate } from "../metrics/topics.ts";
import { TEXT_VOICES, type Voice } from "../voice.ts";

/** A documents' worth of articles. */
export interface HasArticles {
  articles: readonly AnalysedArticle[];
}

/**
 * The rows of every article, made from each article when read: a view that
 * starts again each time it is read and holds no row (for writing the
 * tables of a large corpus).
 *
 * @example
 * ```ts
 * import { articleRows } from "./tidy.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const doc = { articles: [{ id: "a", n: [1, 2] }, { id: "b", n: [3] }] };
 * const rows = articleRows(doc.articles, (a) => a.n.map((n) => ({ article: a.id, n })));
 * deepStrictEqual([...rows].map((r) => r.n), [1, 2, 3]);
 * deepStrictEqual([...rows].length, 3);
 * ```
 */
export function articleRows<A, R>(
  articles: readonly A[],
  rowsOf: (article: A) => readonly R[],
): Iterable<R> {
  return {
    *[Symbol.iterator]() {
      for (const a of articles) yield* rowsOf(a);
    },
  };
}

const actorRowsOf = (a: AnalysedArticle) => a.actors.map((r) => ({ article: a.id, ...r }));
const topicRowsOf = (a: AnalysedArticle) => a.topics.map((r) => ({ ...r, article: a.id }));
const stanceRowsOf = (a: AnalysedArticle) => a.stance.map((r) => ({ ...r, article: a.id }));
const voiceRowsOf = (a: AnalysedArticle) =>
  a.voices.map((v) => ({ article: a.id, ...v, share: a.length ? v.chars / a.length : 0 }));

/** Actor rows of every article, with the article id. */
export function actorTable(doc: HasArticles): (ActorScoreRow & { article: string })[] {
  return doc.articles.flatMap(actorRowsOf);
}

/** Topic rows of every article, with the article id. */
export function topicTable(doc: HasArticles): (TopicRate & { article: string })[] {
  return doc.articles.flatMap(topicRowsOf);
}

/** Stance rows of every article, with the article id. */
export function stanceTable(doc: HasArticles): (StanceRate & { article: string })[] {
  return doc.articles.flatMap(stanceRowsOf);
}

/** Characters, sentences and words per voice of every article. */
export function voiceTable(doc: HasArticles): VoiceRow[] {
  return doc.articles.flatMap(voiceRowsOf);
}

/**
 * A row of {@linkcode articleTable}: the columns of a corpus run's `articles`
 * table (`analyze --tables`; a field the article lacks is undefined), then
 * its sentences and words (summed over every voice), its `source` note, the
 * names of its inferred fields joined by "; " (empty when none), and any
 * further metadata field as read: the same columns first, in the same order,
 * whatever the articles hold.
 */
export type ArticleRow = {
  article: string;
  title?: string;
  outlet?: string;
  author?: string;
  date?: string;
  language: string;
  origin: string;
  /** Length of the text in UTF-16 code units. */
  length: number;
  /** Warnings the article carries. */
  warnings: number;
  sentences: number;
  words: number;
  source?: string;
  inferred: string;
  [field: string]: unknown;
};

/**
 * The row of one article in {@linkcode articleTable}; the report's list of
 * articles states the same size. Sentences and words come from the voice
 * summaries, which compact records keep too.
 *
 * @example
 * ```ts
 * import { articleRow } from "./tidy.ts";
 * import { analyzeCorpus, loadCorpus, loadResources } from "@framing/toolkit";
 * import { strictEqual } from "node:assert/strict";
 *
 * const doc = analyzeCorpus(await loadCorpus(["data/corpus"]), await loadResources(), { resamples: 50 });
 * const [a] = doc.articles;
 * strictEqual(articleRow(a).sentences, a.sentences.length);
 * ```
 */
export function articleRow(a: AnalysedArticle): ArticleRow {
  const { id: _id, title, outlet, author, date, language, source, inferred, ...more } = a.meta;
  return {
    article: a.id,
    title,
    outlet,
    author,
    date,
    language,
    origin: a.origin,
    length: a.length,
    warnings: a.warnings.length,
    sentences: a.voices.reduce((s, v) => s + v.sentences, 0),
    words: a.voices.reduce((s, v) => s + v.words, 0),
    source,
    inferred: inferred.join("; "),
    ...more,
  };
}

const articleRowOf = (a: AnalysedArticle): ArticleRow[] => [articleRow(a)];

/**
 * One row per article: what the report lists under "Articles", for every
 * article however many there are.
 *
 * @example
 * ```ts
 * import { articleTable } from "./tidy.ts";
 * import { analyzeCorpus, loadCorpus, loadResources } from "@framing/toolkit";
 * import { ok, strictEqual } from "node:assert/strict";
 *
 * const doc = analyzeCorpus(await loadCorpus(["data/corpus"]), await loadResources(), { resamples: 50 });
 * const rows = articleTable(doc);
 * strictEqual(rows.length, doc.articles.length);
 * ok(rows.every((r) => typeof r.outlet === "string" && r.words > 0));
 * ```
 */
export function articleTable(doc: HasArticles): ArticleRow[] {
  return doc.articles.flatMap(articleRowOf);
}

/** A row of {@linkcode voiceTable}. */
export type VoiceRow = {
  article: string;
  voice: Voice;
  chars: number;
  sentences: number;
  words: number;
  share: number;
};

/**
 * The rows of {@linkcode articleTable}, {@linkcode actorTable}, {@linkcode topicTable},
 * {@linkcode stanceTable} and {@linkcode voiceTable} as views made when read
 * ({@linkcode articleRows}): the same rows, in the same order, none held.
 *
 * @example
 * ```ts
 * import { tableViews, topicTable } from "./tidy.ts";
 * import { analyzeCorpus, loadCorpus, loadResources } from "@framing/toolkit";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const doc = analyzeCorpus(await loadCorpus(["data/corpus"]), await loadResources(), { resamples: 50 });
 * deepStrictEqual([...tableViews(doc).topics], topicTable(doc));
 * ```
 */
export function tableViews(doc: HasArticles): {
  articles: Iterable<ArticleRow>;
  actors: Iterable<ActorScoreRow & { article: string }>;
  topics: Iterable<TopicRate & { article: string }>;
  stance: Iterable<StanceRate & { article: string }>;
  voices: Iterable<VoiceRow>;
} {
  return {
    articles: articleRows(doc.articles, articleRowOf),
    actors: articleRows(doc.articles, actorRowsOf),
    topics: articleRows(doc.articles, topicRowsOf),
    stance: articleRows(doc.articles, stanceRowsOf),
    voices: articleRows(doc.articles, voiceRowsOf),
  };
}

/** One point of a sentiment arc. */
export interface ArcRow {
  article: string;
  /** The sentence's index in the article. */
  index: number;
  /** Where the sentence stands in the article's sentences of the chosen voices, 0..1. */
  position: number;
  sentiment: number;
  voice: Voice;
  start: number;
  end: number;
}

/**
 * Sentence sentiment through each article, in reading order.
 *
 * @param voices Voices whose sentences make the arc. @default ["title", "body", "quote"]
 */
export function arcTable(
  doc: HasArticles,
  voices: readonly Voice[] = ["title", "body", "quote"],
): ArcRow[] {
  return doc.articles.flatMap((a) => {
    const ss = a.sentences.filter((s) => voices.includes(s.voice));
    return ss.map((s, i) => ({
      article: a.id,
      index: s.index,
      position: ss.length > 1 ? i / (ss.length - 1) : 0,
      sentiment: s.sentiment,
      voice: s.voice,
      start: s.start,
      end: s.end,
    }));
  });
}

/** Sentences in which an actor is mentioned and a topic is touched. */
export interface CooccurrenceRow {
  article: string;
  voice: Voice;
  actor: string;
  topic: string;
  sentences: number;
}

/**
 * Actor × topic co-occurrence: for each article and voice, the number of
 * sentences that mention the actor and hold a hit of the topic.
 *
 * @param topicLexicon The lexicon whose categories are the topics. @default "topics"
 */
export function cooccurrenceTable(doc: HasArticles, topicLexicon = "topics"): CooccurrenceRow[] {
  const rows: CooccurrenceRow[] = [];
  for (const a of doc.articles) {
    const topicsIn = new Map<number, Set<string>>();
    for (const h of a.hits) {
      if (h.lexicon !== topicLexicon) continue;
      const set = topicsIn.get(h.sentence) ?? new Set();
      set.add(h.category);
      topicsIn.set(h.sentence, set);
    }
    const counts = new Map<string, CooccurrenceRow>();
    const seen = new Set<string>();
    for (const m of a.mentions) {
      for (const topic of topicsIn.get(m.sentence) ?? []) {
        const once = `${m.actor}\u0000${topic}\u0000${m.sentence}`;
        if (seen.has(once)) continue;
        seen.add(once);
        const key = `${m.voice}\u0000${m.actor}\u0000${topic}`;
        const row = counts.get(key) ??
          { article: a.id, voice: m.voice, actor: m.actor, topic, sentences: 0 };
        row.sentences++;
        counts.set(key, row);
      }
    }
    rows.push(...counts.values());
  }
  return rows;
}

/**
 * Keyword-in-context rows of every hit in the text voices.
 *
 * @param options.lexicon Only hits of this lexicon. @default all
 * @param options.window Characters of context on each side. @default 60
 */
export function kwicTable(
  doc: HasArticles,
  options: { lexicon?: string; window?: number } = {},
): KwicRow[] {
  return doc.articles.flatMap((a) => {
    const hits = a.hits
      .filter((h) => TEXT_VOICES.includes(h.voice))
      .filter((h) => options.lexicon === undefined || h.lexicon === options.lexicon)
      .map((h) => ({ ...h, article: a.id }));
    return kwic(a.text, hits, { window: options.window });
  });
}
