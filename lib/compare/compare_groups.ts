/**
 * Comparing groups of articles (by outlet, or any metadata field) on every
 * table of the interchange document: topic rates, stance rates and actor
 * scores, with bootstrap intervals and permutation p-values (articles
 * resampled when every group has enough of them, sentences otherwise: see
 * `unit_choice.ts`),
 * Benjamini–Hochberg q-values per table, the evidence sentences behind each
 * side, and word keyness.
 *
 * @module
 */
import { z } from "zod";
import type { AnalysedArticle } from "../analysis.ts";
import { seedFrom } from "../stats/random.ts";
import { Voice } from "../voice.ts";
import { STANCE_DEFAULTS } from "../actors/actor_stance.ts";
import { benjaminiHochberg } from "./adjust.ts";
import { keyness, KeynessRow } from "./keyness.ts";
import { compareArticleRatios } from "./article_resample.ts";
import { articleUnitTables, unitsOf } from "./article_units.ts";
import { bucketByDate } from "./date_bucket.ts";
import { compareRatios, type Unit } from "./resample.ts";
import { chooseUnit, ResamplingChoice, type UnitRequest, unitStatement } from "./unit_choice.ts";
import { ENGLISH_STOPWORDS, STOPWORDS_SOURCE } from "./stopwords.ts";

/** A sentence that produced part of a compared figure. */
export const EvidenceRef = z.object({
  article: z.string(),
  sentence: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
/** A sentence behind a compared figure. */
export type EvidenceRef = z.infer<typeof EvidenceRef>;

/** One compared figure: a feature of a table in one voice, group A against group B. */
export const DifferenceRow = z.object({
  table: z.enum(["topics", "stance", "actors"]),
  feature: z.string(),
  voice: Voice,
  /** What the values are: "per 1,000 words", or the actor stance (`STANCE_MEASURE`). */
  measure: z.string(),
  groupA: z.string(),
  groupB: z.string(),
  valueA: z.number().nullable(),
  valueB: z.number().nullable(),
  ciA: z.tuple([z.number().nullable(), z.number().nullable()]),
  ciB: z.tuple([z.number().nullable(), z.number().nullable()]),
  difference: z.number().nullable(),
  ci: z.tuple([z.number().nullable(), z.number().nullable()]),
  /** Two-sided permutation p-value (units, see `resampling.unit`, shuffled between the groups). */
  p: z.number().nullable(),
  /** Benjamini–Hochberg q-value across the rows of this table and pair of groups. */
  q: z.number().nullable(),
  /** Units (sentences or articles, see `resampling.unit`) resampled on each side. */
  unitsA: z.number().int().nonnegative(),
  unitsB: z.number().int().nonnegative(),
  /** Sentences that contributed hits or mentions, up to `evidenceLimit` per side. */
  evidenceA: z.array(EvidenceRef),
  evidenceB: z.array(EvidenceRef),
  /** How many sentences contributed on each side (may exceed the evidence listed). */
  evidenceCountA: z.number().int().nonnegative(),
  evidenceCountB: z.number().int().nonnegative(),
});
/** One compared figure. */
export type DifferenceRow = z.infer<typeof DifferenceRow>;

/** The result of {@linkcode compareGroups}. */
export const Comparison = z.object({
  /** What was resampled and why, in words: printed with every table. */
  unit: z.string(),
  /** Which unit was resampled (sentence or article), why, and any warning. */
  resampling: ResamplingChoice,
  /** The metadata field the articles were grouped by. */
  by: z.string(),
  voice: Voice,
  groups: z.array(z.object({ group: z.string(), articles: z.array(z.string()) })),
  /** Pairs compared: with two groups, A against B; with more, each group against the rest. */
  pairs: z.array(z.tuple([z.string(), z.string()])),
  rows: z.array(DifferenceRow),
  keyness: z.array(KeynessRow),
  method: z.object({
    resamples: z.number().int().positive(),
    seed: z.number().int(),
    level: z.number(),
    keyness: z.string(),
  }),
});
/** The result of {@linkcode compareGroups}. */
export type Comparison = z.infer<typeof Comparison>;

/** The parts of an analysed article a comparison reads. */
export type ComparableArticle = Pick<
  AnalysedArticle,
  | "id"
  | "meta"
  | "sentences"
  | "hits"
  | "mentions"
  | "topics"
  | "stance"
  | "actors"
  | "vocabulary"
  | "voices"
>;

/** Options for {@linkcode compareGroups}. */
export interface CompareGroupsOptions {
  /**
   * Metadata field to group by, or a time bucket of a date field
   * (`date:month`, `date:year`). @default "outlet"
   */
  by?: string;
  /** Voice to compare. @default "body" */
  voice?: Voice;
  /** Bootstrap and permutation rounds. @default 2000 */
  resamples?: number;
  /** Base seed; each row derives its own stream from it. @default 1 */
  seed?: number;
  /** Interval coverage. @default 0.95 */
  level?: number;
  /** Evidence sentences listed per side of a row. @default 50 */
  evidenceLimit?: number;
  /** Prior for keyness (e.g. `await backgroundFrequencies()`). @default pooled counts */
  prior?: ReadonlyMap<string, number>;
  /** Keyness rows kept at each end (most typical of A, of B). @default 40 */
  keynessTop?: number;
  /**
   * Words left out of keyness: `true` for the English stopword list
   * (`ENGLISH_STOPWORDS`), `false` for none, or a set of your own. @default true
   */
  stopwords?: boolean | ReadonlySet<string>;
  /**
   * Pseudo-count of the actor stance (which mentions evaluate is recorded
   * with each mention, `evaluates`). @default STANCE_DEFAULTS.prior
   */
  stancePrior?: number;
  /**
   * The unit of resampling: `"auto"` resamples articles when every group has
   * at least `MIN_ARTICLES_PER_GROUP` articles and sentences otherwise;
   * `"sentence"` or `"article"` override the choice (with a warning when a
   * group has fewer than two articles). @default "auto"
   */
  unit?: UnitRequest;
}

/** What an actor row of a comparison measures. */
export const STANCE_MEASURE =
  "stance toward the actor (−1..+1; 0 = no evaluating mention): evaluating scores over their count + prior";

/** What an actor row measures when articles are the unit. */
export const ARTICLE_STANCE_MEASURE =
  "stance toward the actor (−1..+1): the mean, over the articles that name the actor, of each " +
  "article's stance (evaluating scores over their count + prior)";

/** Per sentence of one article: a unit per feature. */
interface SentenceTable {
  article: ComparableArticle;
  /** sentence index → words */
  words: Map<number, number>;
  /** feature → sentence index → numerator */
  counts: Map<string, Map<number, { num: number; den: number }>>;
}

/**
 * Compares groups of articles on topic rates, stance rates and actor scores.
 *
 * @param source The analysis document, or its articles.
 * @param options Grouping field, voice, resampling settings.
 * @returns Difference rows with intervals, p- and q-values and evidence, plus keyness.
 * @throws {RangeError} When `voice` is not a voice, when no article has the
 * field `by` (the message names the fields that exist), or when fewer than
 * two groups are found.
 *
 * @example A field that does not exist is named, with those that do
 * ```ts
 * import { compareGroups } from "@framing/toolkit";
 * import { throws } from "node:assert/strict";
 *
 * const article = (id: string, outlet: string) =>
 *   ({ id, meta: { id, outlet, inferred: [] }, topics: [], stance: [], actors: [], hits: [],
 *     sentences: [], mentions: [], vocabulary: {} }) as never;
 * const articles = [article("a", "X"), article("b", "Y")];
 * throws(() => compareGroups(articles, { by: "region" }), /"region".*id, outlet/);
 * throws(() => compareGroups(articles, { voice: "author" as never }), /"author".*body/);
 * ```
 */
export function compareGroups(
  source: readonly ComparableArticle[] | { articles: readonly ComparableArticle[] },
  options: CompareGroupsOptions = {},
): Comparison {
  const {
    by = "outlet",
    voice = "body",
    resamples = 2000,
    seed = 1,
    level = 0.95,
    evidenceLimit = 50,
    keynessTop = 40,
    stancePrior = STANCE_DEFAULTS.prior,
  } = options;
  // A time bucket (`date:month`) is set on each article as a field of that name.
  const articles = bucketByDate(articlesOf(source), by).articles;
  checkComparable(articles, by, voice);
  const groupOf = (a: ComparableArticle) => {
    const v = (a.meta as Record<string, unknown>)[by];
    return v === undefined || v === null || v === "" ? `(no ${by})` : String(v);
  };
  const groups: { group: string; articles: string[] }[] = [];
  for (const a of articles) {
    const g = groupOf(a);
    const found = groups.find((x) => x.group === g);
    if (found) found.articles.push(a.id);
    else groups.push({ group: g, articles: [a.id] });
  }
  if (groups.length < 2) {
    throw new RangeError(
      `Cannot compare: grouping by "${by}" gives ${groups.length} group(s); expected at least two`,
    );
  }
  // Compact records (read back from a corpus run) hold no sentences: articles are the only unit.
  const hasSentences = articles.length === 0 || articles.some((a) => a.sentences.length > 0);
  const resampling = chooseUnit(groups, options.unit ?? "auto", { sentences: hasSentences });
  const byArticle = resampling.unit === "article";
  const pairs: [string, string][] = groups.length === 2
    ? [[groups[0].group, groups[1].group]]
    : groups.map((g) => [g.group, "rest"]);
  // The lexicons that made topic rows (the topic lexicon and any extra ones).
  const topicLexicons = unique(articles.flatMap((a) => a.topics.map((r) => r.lexicon ?? "topics")));
  const tables = {
    topics: articles.map((a) =>
      hitTable(a, voice, (h) => topicLexicons.includes(h.lexicon) ? h.category : undefined)
    ),
    stance: articles.map((a) =>
      hitTable(a, voice, (h) => topicLexicons.includes(h.lexicon) ? undefined : h.category)
    ),
    actors: articles.map((a) => mentionTable(a, voice)),
  };
  const features = {
    topics: unique(articles.flatMap((a) => a.topics.map((r) => r.topic))),
    stance: unique(articles.flatMap((a) => a.stance.map((r) => r.category))),
    actors: unique(
      articles.flatMap((a) => a.actors.filter((r) => r.voice === voice).map((r) => r.actor)),
    ),
  };
  // With articles as the unit, the units come from the articles' metric rows
  // (full and compact records alike), and the features are those that occur.
  const rowTables = byArticle ? articleUnitTables(articles, voice) : undefined;
  if (rowTables) Object.assign(features, rowTables.features);
  const indexOf = new Map(articles.map((a, i) => [a, i]));
  const rows: DifferenceRow[] = [];
  for (const [ga, gb] of pairs) {
    const inA = (t: SentenceTable) => groupOf(t.article) === ga;
    const inB = (t: SentenceTable) =>
      gb === "rest" ? groupOf(t.article) !== ga : groupOf(t.article) === gb;
    for (const table of ["topics", "stance", "actors"] as const) {
      const family: DifferenceRow[] = [];
      for (const feature of features[table]) {
        const perSentence = table !== "actors";
        const side = (keep: (t: SentenceTable) => boolean) =>
          collect(tables[table].filter(keep), feature, perSentence, evidenceLimit);
        const a = side(inA);
        const b = side(inB);
        const articleUnits = (keep: (t: SentenceTable) => boolean) =>
          unitsOf(
            rowTables!,
            table,
            feature,
            tables[table].filter(keep).map((t) => indexOf.get(t.article)!),
          );
        const compare = byArticle ? compareArticleRatios : compareRatios;
        const r = compare(
          byArticle ? articleUnits(inA) : a.units,
          byArticle ? articleUnits(inB) : b.units,
          {
            scale: perSentence ? 1000 : 1,
            resamples,
            level,
            seed: seedFrom(`${table}\u0000${feature}\u0000${ga}\u0000${gb}`, seed),
            prior: perSentence ? 0 : stancePrior,
          },
        );
        family.push({
          table,
          feature,
          voice,
          measure: perSentence
            ? "per 1,000 words"
            : byArticle
            ? ARTICLE_STANCE_MEASURE
            : STANCE_MEASURE,
          groupA: ga,
          groupB: gb,
          valueA: num(r.valueA),
          valueB: num(r.valueB),
          ciA: [num(r.ciA[0]), num(r.ciA[1])],
          ciB: [num(r.ciB[0]), num(r.ciB[1])],
          difference: num(r.difference),
          ci: [num(r.ci[0]), num(r.ci[1])],
          p: num(r.p),
          q: null,
          unitsA: r.unitsA,
          unitsB: r.unitsB,
          evidenceA: a.evidence,
          evidenceB: b.evidence,
          evidenceCountA: a.evidenceCount,
          evidenceCountB: b.evidenceCount,
        });
      }
      const q = benjaminiHochberg(family.map((f) => f.p ?? NaN));
      family.forEach((f, i) => f.q = num(q[i]));
      rows.push(...family);
    }
  }
  const keynessRows = pairs.flatMap(([ga, gb]) => {
    const stop = options.stopwords === false
      ? new Set<string>()
      : options.stopwords === true || options.stopwords === undefined
      ? ENGLISH_STOPWORDS
      : options.stopwords;
    const countsOf = (keep: (a: ComparableArticle) => boolean) => {
      const m = new Map<string, number>();
      for (const a of articles.filter(keep)) {
        for (const [term, n] of Object.entries(a.vocabulary[voice] ?? {})) {
          if (!stop.has(term)) m.set(term, (m.get(term) ?? 0) + n);
        }
      }
      return m;
    };
    const ca = countsOf((a) => groupOf(a) === ga);
    const cb = countsOf((a) => gb === "rest" ? groupOf(a) !== ga : groupOf(a) === gb);
    if (ca.size === 0 || cb.size === 0) return [];
    const all = keyness(ca, cb, { groups: [ga, gb], prior: options.prior });
    return all.length <= 2 * keynessTop
      ? all
      : [...all.slice(0, keynessTop), ...all.slice(-keynessTop)];
  });
  return {
    unit: unitStatement(resampling),
    resampling,
    by,
    voice,
    groups,
    pairs,
    rows,
    keyness: keynessRows,
    method: {
      resamples,
      seed,
      level,
      keyness: "Signed log-likelihood G² (Dunning 1993); log-odds ratio with an informative " +
        "Dirichlet prior as z-scores (Monroe, Colaresi & Quinn 2008); prior: " +
        (options.prior ? "the background list given" : "the pooled counts of the compared groups") +
        (options.stopwords === false
          ? "; all words kept"
          : options.stopwords instanceof Set
          ? "; the stopwords given left out"
          : `; stopwords left out (${STOPWORDS_SOURCE})`),
    },
  };
}

function num(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

function hitTable(
  article: ComparableArticle,
  voice: Voice,
  featureOf: (h: ComparableArticle["hits"][number]) => string | undefined,
): SentenceTable {
  const words = new Map<number, number>();
  for (const s of article.sentences) if (s.voice === voice) words.set(s.index, s.words);
  const counts = new Map<string, Map<number, { num: number; den: number }>>();
  for (const h of article.hits) {
    const f = h.voice === voice ? featureOf(h) : undefined;
    if (f === undefined) continue;
    const m = counts.get(f) ?? new Map();
    const u = m.get(h.sentence) ?? { num: 0, den: words.get(h.sentence) ?? 0 };
    u.num++;
    m.set(h.sentence, u);
    counts.set(f, m);
  }
  return { article, words, counts };
}

/**
 * Per actor and sentence: the sum of the evaluating mention scores and their
 * count, so that the ratio with the stance prior is the actor stance
 * (`actorStance`); each mention says whether it evaluates (`evaluates`, set
 * with the analysis's neutral band). A sentence whose mentions do not
 * evaluate is a unit with 0 / 0.
 */
function mentionTable(article: ComparableArticle, voice: Voice): SentenceTable {
  const counts = new Map<string, Map<number, { num: number; den: number }>>();
  for (const m of article.mentions) {
    if (m.voice !== voice) continue;
    const bySentence = counts.get(m.actor) ?? new Map();
    const u = bySentence.get(m.sentence) ?? { num: 0, den: 0 };
    if (m.evaluates) {
      u.num += m.score;
      u.den += 1;
    }
    bySentence.set(m.sentence, u);
    counts.set(m.actor, bySentence);
  }
  return { article, words: new Map(), counts };
}

/** Sentence units and evidence of one feature over some articles' sentence tables. */
function collect(
  tables: SentenceTable[],
  feature: string,
  everySentence: boolean,
  limit: number,
): { units: Unit[]; evidence: EvidenceRef[]; evidenceCount: number } {
  const units: Unit[] = [];
  const evidence: EvidenceRef[] = [];
  let evidenceCount = 0;
  for (const t of tables) {
    const hits = t.counts.get(feature) ?? new Map<number, { num: number; den: number }>();
    const sentences = everySentence ? [...t.words.keys()] : [...hits.keys()];
    for (const index of sentences) {
      const u = hits.get(index);
      units.push(everySentence ? { num: u?.num ?? 0, den: t.words.get(index) ?? 0 } : u!);
      if (!u) continue;
      evidenceCount++;
      if (evidence.length < limit) {
        const s = t.article.sentences.find((x) => x.index === index)!;
        evidence.push({ article: t.article.id, sentence: index, start: s.start, end: s.end });
      }
    }
  }
  return { units, evidence, evidenceCount };
}

/**
 * The articles of an analysis document, or the articles given.
 *
 * @param source The analysis document (anything with `articles`), or its articles.
 * @returns The articles.
 */
export function articlesOf<A>(source: readonly A[] | { articles: readonly A[] }): readonly A[] {
  return Array.isArray(source) ? source : (source as { articles: readonly A[] }).articles;
}

/** Refuses a voice that is not one, and a grouping field no article has. */
function checkComparable(articles: readonly ComparableArticle[], by: string, voice: string): void {
  if (!(Voice.options as readonly string[]).includes(voice)) {
    const present = unique(articles.flatMap((a) => a.sentences.map((x) => x.voice)));
    throw new RangeError(
      `Cannot compare voice "${voice}": expected one of ${Voice.options.join(", ")}` +
        (present.length > 0 ? ` (the articles have sentences in: ${present.join(", ")})` : ""),
    );
  }
  const has = (v: unknown) => v !== undefined && v !== null && v !== "";
  if (articles.length > 0 && !articles.some((a) => has((a.meta as Record<string, unknown>)[by]))) {
    const fields = unique(
      articles.flatMap((a) =>
        Object.entries(a.meta).filter(([k, v]) => k !== "inferred" && has(v)).map(([k]) => k)
      ),
    ).sort();
    throw new RangeError(
      `Cannot group by "${by}": no article has it; the fields that exist are: ${fields.join(", ")}`,
    );
  }
}
