/**
 * The per-article units of a comparison with articles as the unit, read
 * from the article's metric rows alone (voice sizes, topic, stance and actor
 * rows), so that the full and the compact output of `analyze` give the same
 * units, bit for bit: a rate's unit is the article's hits and the words of
 * the voice; an actor's unit is the article's stance toward it over 1, for
 * the articles that name the actor in the voice.
 *
 * @module
 */
import type { Voice } from "../voice.ts";
import type { Unit } from "./resample.ts";

/** The rows of an article that {@linkcode articleUnitTables} reads. */
export interface RowArticle {
  voices: readonly { voice: Voice; words: number }[];
  topics: readonly { topic: string; voice: Voice; hits: number }[];
  stance: readonly { category: string; voice: Voice; hits: number }[];
  actors: readonly { actor: string; voice: Voice; stance: number }[];
}

/** Per table: the features (in order of first appearance) and each article's unit. */
export interface ArticleUnitTables {
  /** feature → article index → unit; an article missing from a rate's map has 0 hits. */
  units: Record<"topics" | "stance" | "actors", Map<string, Map<number, Unit>>>;
  /** Features with at least one hit (rates) or one naming article (actors) in the voice. */
  features: Record<"topics" | "stance" | "actors", string[]>;
  /** Words of the voice per article. */
  words: number[];
}

/**
 * Reads every article's units once.
 *
 * @param articles The articles (full or compact records).
 * @param voice The voice compared.
 * @returns Units, features and words per article.
 *
 * @example
 * ```ts
 * import { articleUnitTables, unitsOf } from "./article_units.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const a = { voices: [{ voice: "body" as const, words: 400 }], stance: [], actors: [],
 *   topics: [{ topic: "energy", voice: "body" as const, hits: 2 }] };
 * const b = { ...a, topics: [] };
 * const t = articleUnitTables([a, b], "body");
 * deepStrictEqual(t.features.topics, ["energy"]);
 * deepStrictEqual(unitsOf(t, "topics", "energy", [0, 1]), [{ num: 2, den: 400 }, { num: 0, den: 400 }]);
 * ```
 */
export function articleUnitTables(
  articles: readonly RowArticle[],
  voice: Voice,
): ArticleUnitTables {
  const units = { topics: new Map(), stance: new Map(), actors: new Map() } as ArticleUnitTables[
    "units"
  ];
  const features = { topics: [], stance: [], actors: [] } as ArticleUnitTables["features"];
  const words = articles.map((a) => a.voices.find((v) => v.voice === voice)?.words ?? 0);
  const put = (table: keyof ArticleUnitTables["units"], feature: string, i: number, u: Unit) => {
    let m = units[table].get(feature);
    if (!m) {
      m = new Map();
      units[table].set(feature, m);
      features[table].push(feature);
    }
    m.set(i, u);
  };
  articles.forEach((a, i) => {
    for (const r of a.topics) {
      if (r.voice === voice && r.hits > 0) {
        put("topics", r.topic, i, { num: r.hits, den: words[i] });
      }
    }
    for (const r of a.stance) {
      if (r.voice === voice && r.hits > 0) {
        put("stance", r.category, i, { num: r.hits, den: words[i] });
      }
    }
    for (const r of a.actors) {
      if (r.voice === voice) put("actors", r.actor, i, { num: r.stance, den: 1 });
    }
  });
  return { units, features, words };
}

/**
 * The units of one feature over some articles: for a rate, every article
 * with words in the voice (0 hits where it has none); for an actor, the
 * articles that name it.
 *
 * @param t The tables from {@linkcode articleUnitTables}.
 * @param table Topics, stance or actors.
 * @param feature The feature.
 * @param indexes The articles (indexes into the articles given to `articleUnitTables`).
 * @returns The units, in the order of `indexes`.
 */
export function unitsOf(
  t: ArticleUnitTables,
  table: "topics" | "stance" | "actors",
  feature: string,
  indexes: readonly number[],
): Unit[] {
  const m = t.units[table].get(feature) ?? new Map<number, Unit>();
  const out: Unit[] = [];
  for (const i of indexes) {
    const u = m.get(i);
    if (table === "actors") {
      if (u) out.push(u);
    } else if (t.words[i] > 0) out.push(u ?? { num: 0, den: t.words[i] });
  }
  return out;
}
