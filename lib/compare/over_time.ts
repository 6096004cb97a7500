/**
 * Topic and stance-marker rates per month or year: for each period, the
 * ratio estimator over its articles (hits summed over words summed) with an
 * article-bootstrap interval, for a time-series figure.
 *
 * @module
 */
import { z } from "zod";
import { Voice } from "../voice.ts";
import { seedFrom } from "../stats/random.ts";
import { ratioInterval } from "./article_resample.ts";
import { groupValue, parseGrouping } from "./date_bucket.ts";
import type { Unit } from "./resample.ts";

/** One period's rate of one feature. */
export const PeriodRate = z.object({
  /** The month (`YYYY-MM`) or year (`YYYY`). */
  period: z.string(),
  /** The topic or stance category. */
  feature: z.string(),
  voice: Voice,
  /** Hits per 1,000 words over the period's articles. */
  value: z.number(),
  /** 95 % article-bootstrap interval. */
  low: z.number().nullable(),
  high: z.number().nullable(),
  /** Articles of the period. */
  articles: z.number().int().positive(),
});
/** One period's rate of one feature. */
export type PeriodRate = z.infer<typeof PeriodRate>;

/** The rows of an article that {@linkcode ratesOverTime} reads. */
export interface ArticleRates {
  id: string;
  meta: Readonly<Record<string, unknown>>;
  topics: readonly { topic: string; voice: Voice; hits: number; words: number }[];
  stance: readonly { category: string; voice: Voice; hits: number; words: number }[];
}

/** Options for {@linkcode ratesOverTime}. */
export interface RatesOverTimeOptions {
  /** The time bucket of a date field. @default "date:month" */
  by?: string;
  /** Topics or stance markers. @default "topics" */
  table?: "topics" | "stance";
  /** The voice. @default "body" */
  voice?: Voice;
  /** Bootstrap rounds. @default 1000 */
  resamples?: number;
  /** Base seed. @default 1 */
  seed?: number;
}

/**
 * Rates per period, earliest first; articles without a readable date are left out
 * and counted in `undated`.
 *
 * @param source The analysis (anything with `articles`).
 * @param options Bucket, table, voice and bootstrap.
 * @returns The rows, and how many articles had no readable date.
 * @throws {RangeError} When `by` is not a time bucket (`date:month`, `date:year`).
 *
 * @example
 * ```ts
 * import { ratesOverTime } from "./over_time.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const a = (id: string, date: string, hits: number) => ({ id, meta: { id, date }, stance: [],
 *   topics: [{ topic: "energy", voice: "body" as const, hits, words: 500 }] });
 * const { rows } = ratesOverTime({ articles: [a("x", "2024-02-03", 1), a("y", "2024-01-09", 3), a("z", "2024-01-20", 1)] }, { resamples: 50 });
 * deepStrictEqual(rows.map((r) => [r.period, r.value, r.articles]), [["2024-01", 4, 2], ["2024-02", 2, 1]]);
 * ```
 */
export function ratesOverTime(
  source: { articles: readonly ArticleRates[] },
  options: RatesOverTimeOptions = {},
): { rows: PeriodRate[]; undated: number } {
  const { by = "date:month", table = "topics", voice = "body", resamples = 1000, seed = 1 } =
    options;
  if (parseGrouping(by).bucket === undefined) {
    throw new RangeError(
      `Cannot draw rates over time by "${by}": expected a time bucket, date:month or date:year`,
    );
  }
  const units = new Map<string, Map<string, Unit[]>>();
  const periods = new Map<string, number>();
  let undated = 0;
  for (const a of source.articles) {
    const period = groupValue(a.meta, by);
    if (period === undefined) {
      undated++;
      continue;
    }
    periods.set(period, (periods.get(period) ?? 0) + 1);
    const rows = table === "topics"
      ? a.topics.map((t) => ({ feature: t.topic, voice: t.voice, hits: t.hits, words: t.words }))
      : a.stance.map((s) => ({
        feature: s.category,
        voice: s.voice,
        hits: s.hits,
        words: s.words,
      }));
    for (const r of rows) {
      if (r.voice !== voice) continue;
      const byPeriod = units.get(r.feature) ?? new Map<string, Unit[]>();
      const list = byPeriod.get(period) ?? [];
      list.push({ num: r.hits, den: r.words });
      byPeriod.set(period, list);
      units.set(r.feature, byPeriod);
    }
  }
  const rows: PeriodRate[] = [];
  for (const period of [...periods.keys()].sort()) {
    for (const [feature, byPeriod] of units) {
      const list = byPeriod.get(period);
      if (!list) continue;
      const r = ratioInterval(list, {
        scale: 1000,
        resamples,
        seed: seedFrom(`${feature}\u0000${period}`, seed),
      });
      if (r === undefined) continue;
      rows.push({ period, feature, voice, ...r, articles: periods.get(period)! });
    }
  }
  return { rows, undated };
}
