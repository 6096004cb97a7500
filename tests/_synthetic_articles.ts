/**
 * Synthetic articles for null simulations of the comparison: topic and
 * stance rates and the tone toward one actor vary from article to article
 * (an article-level random effect), sentences of one article share it, and
 * no group differs from another by construction.
 *
 * @module
 */
import type { ComparableArticle } from "../lib/compare/compare_groups.ts";
import { compareGroups } from "../lib/compare/compare_groups.ts";
import type { UnitRequest } from "../lib/compare/unit_choice.ts";
import { mulberry32 } from "../lib/stats/random.ts";

/** Base rates per 1,000 words of the synthetic topics and stance markers. */
const TOPICS = { energy: 6, trade: 3, memory: 1.5 } as const;
const STANCE = { hedges: 10, boosters: 5 } as const;

/** Options of {@linkcode syntheticArticles}. */
export interface SyntheticOptions {
  /** Standard deviation of the article effect on the log rate. @default 0.8 */
  rateSpread?: number;
  /** Standard deviation of the article's tone toward the actor. @default 0.35 */
  toneSpread?: number;
}

/**
 * `n` synthetic articles with one outlet ("all"), seeded.
 *
 * @param n Number of articles.
 * @param seed Seed of the generator.
 * @param options Spread of the article effects.
 * @returns Articles that `compareGroups` reads.
 */
export function syntheticArticles(
  n: number,
  seed: number,
  options: SyntheticOptions = {},
): ComparableArticle[] {
  const { rateSpread = 0.8, toneSpread = 0.35 } = options;
  const rand = mulberry32(seed);
  const normal = () => {
    const u = 1 - rand();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
  const poisson = (lambda: number) => {
    const l = Math.exp(-lambda);
    let k = 0;
    let p = rand();
    while (p > l) {
      k++;
      p *= rand();
    }
    return k;
  };
  return Array.from({ length: n }, (_, i) => {
    const id = `a${i}`;
    const effect = (base: number) =>
      base * Math.exp(rateSpread * normal() - (rateSpread * rateSpread) / 2);
    const rates = [
      ...Object.entries(TOPICS).map(([c, b]) => ({ c, lexicon: "topics", rate: effect(b) })),
      ...Object.entries(STANCE).map(([c, b]) => ({ c, lexicon: "stance", rate: effect(b) })),
    ];
    const tone = toneSpread * normal();
    const names = rand() < 0.7;
    const sentences: ComparableArticle["sentences"] = [];
    const hits: ComparableArticle["hits"] = [];
    const mentions: ComparableArticle["mentions"] = [];
    const count = 8 + Math.floor(rand() * 23);
    let offset = 0;
    for (let s = 0; s < count; s++) {
      const words = 10 + Math.floor(rand() * 21);
      sentences.push({
        index: s,
        start: offset,
        end: offset + words * 6,
        voice: "body",
        segment: 0,
        words,
        sentiment: 0,
      });
      for (const r of rates) {
        for (let k = poisson((r.rate * words) / 1000); k > 0; k--) {
          hits.push({
            lexicon: r.lexicon,
            category: r.c,
            entry: r.c,
            form: r.c,
            start: offset,
            end: offset + 1,
            sentence: s,
            voice: "body",
          });
        }
      }
      if (names && rand() < 0.3) {
        const score = Math.max(-1, Math.min(1, tone + 0.25 * normal()));
        mentions.push(
          {
            actor: "x",
            sentence: s,
            voice: "body",
            score,
            evaluates: Math.abs(score) > 0.1,
          } as ComparableArticle["mentions"][number],
        );
      }
      offset += words * 6 + 1;
    }
    // The metric rows the analysis would report (articles as the unit read these).
    const words = sentences.reduce((sum, x) => sum + x.words, 0);
    const hitsOf = (c: string) => hits.filter((h) => h.category === c).length;
    const evaluating = mentions.filter((m) => m.evaluates);
    return {
      id,
      meta: { id, outlet: "all", inferred: [] },
      sentences,
      hits,
      mentions,
      voices: [{ voice: "body", chars: offset, sentences: sentences.length, words }],
      topics: Object.keys(TOPICS).map((topic) => ({
        topic,
        lexicon: "topics",
        voice: "body",
        hits: hitsOf(topic),
        words,
      })),
      stance: Object.keys(STANCE).map((category) => ({
        category,
        voice: "body",
        hits: hitsOf(category),
        words,
      })),
      actors: mentions.length > 0
        ? [{
          actor: "x",
          voice: "body",
          mentions: mentions.length,
          stance: evaluating.reduce((sum, m) => sum + m.score, 0) / (evaluating.length + 1),
        }]
        : [],
      vocabulary: {},
    } as unknown as ComparableArticle;
  });
}

/** What {@linkcode nullRates} measured. */
export interface NullRates {
  /** Rows compared (splits × features). */
  rows: number;
  /** Share of rows with p < 0.05. */
  falsePositive: number;
  /** Share of rows whose 95 % interval of the difference holds 0. */
  coverage: number;
}

/**
 * Splits the articles at random into two halves, again and again, compares
 * the halves, and counts rows at p < 0.05: under this true null, a valid
 * test finds about 5 %.
 *
 * @param articles Synthetic articles.
 * @param splits Number of random splits.
 * @param unit Unit of resampling.
 * @param resamples Bootstrap and permutation rounds per row.
 * @param seed Seed of the splits.
 * @returns Rows, false-positive share and interval coverage.
 */
export function nullRates(
  articles: readonly ComparableArticle[],
  splits: number,
  unit: UnitRequest,
  resamples: number,
  seed: number,
): NullRates {
  const rand = mulberry32(seed);
  let rows = 0;
  let positive = 0;
  let covered = 0;
  for (let s = 0; s < splits; s++) {
    const order = articles.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const half = new Set(order.slice(0, Math.floor(order.length / 2)));
    const labelled = articles.map((a, i) => ({
      ...a,
      meta: { ...a.meta, outlet: half.has(i) ? "A" : "B" },
    }));
    const c = compareGroups(labelled, { unit, resamples, seed: s + 1 });
    for (const r of c.rows) {
      if (r.p === null || r.ci[0] === null || r.ci[1] === null) continue;
      rows++;
      if (r.p < 0.05) positive++;
      if (r.ci[0] <= 0 && r.ci[1] >= 0) covered++;
    }
  }
  return { rows, falsePositive: positive / rows, coverage: covered / rows };
}
