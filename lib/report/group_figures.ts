/**
 * The report's figures for a corpus: past {@linkcode PER_ARTICLE_FIGURES_UP_TO}
 * articles, one series per article is unreadable and slow to export (400
 * articles made a 1.4 MB SVG that timed out as PDF), so each figure shows
 * groups instead: the group's value with its article-bootstrap interval, and
 * a box of the articles' values. The per-article values stay in each
 * figure's CSV (rows with `level: "article"`) and in the tables.
 *
 * The interval is the comparison's where it resampled articles (topics,
 * stance markers, actors); else an article bootstrap of the group, or for a
 * group of more than `BOOTSTRAP_UP_TO` articles its normal
 * approximation.
 *
 * @module
 */
import type { AnalysisDocument } from "../analysis.ts";
import { ratioInterval } from "../compare/article_resample.ts";
import type { Comparison } from "../compare/compare_groups.ts";
import type { Unit } from "../compare/resample.ts";
import { groupSummaryFigure, type GroupSummaryRecord } from "../figures/group_summary.ts";
import { applyTheme } from "../figures/theme.ts";
import { seedFrom } from "../stats/random.ts";
import type { Voice } from "../voice.ts";
import type { BuiltFigure } from "./figures.ts";

/**
 * Up to this many articles the report draws one series per article (the
 * bars and arcs stay legible with up to twelve series, the colours and
 * patterns cycle after eight); past it, every per-article figure shows
 * groups.
 */
export const PER_ARTICLE_FIGURES_UP_TO = 12;

/** Options for {@linkcode groupReportFigures}. */
export interface GroupReportFiguresOptions {
  /** Display names of actors by id. @default the id in words */
  actorLabels?: Readonly<Record<string, string>>;
  /** Bootstrap rounds where the comparison did not resample articles. @default 1000 */
  resamples?: number;
  /** Base seed of those bootstraps. @default 1 */
  seed?: number;
  /**
   * The groups to show when there is no comparison of groups (a notebook's
   * figure before the comparison is made).
   * @default all articles as one group
   */
  groups?: readonly Group[];
}

/** A group of articles as a comparison lists it. */
export interface Group {
  group: string;
  articles: readonly string[];
}

/**
 * The groups a figure shows: the comparison's groups, or all articles as one
 * group when there is no comparison of groups (one outlet compared by id).
 *
 * @param doc The analysis.
 * @param comparison The comparison, if any.
 * @returns The groups.
 *
 * @example
 * ```ts
 * import { figureGroups } from "./group_figures.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(figureGroups({ articles: [{ id: "a" }, { id: "b" }] } as never), [
 *   { group: "all articles", articles: ["a", "b"] },
 * ]);
 * ```
 */
export function figureGroups(doc: Pick<AnalysisDocument, "articles">, comparison?: Comparison) {
  if (comparison && comparison.by !== "id") return comparison.groups as Group[];
  return [{ group: "all articles", articles: doc.articles.map((a) => a.id) }];
}

/**
 * The per-article figures of the report drawn as groups (see the module
 * documentation): voice composition, actor stance, topic rates, stance
 * markers and sentiment by position in the article.
 *
 * @param doc The analysis.
 * @param comparison The comparison: its groups, and its intervals where it
 * resampled articles.
 * @param options Actor names, and the bootstrap where the comparison's cannot be used.
 * @returns Themed figures with their records (article and group rows).
 *
 * @example
 * ```ts
 * import { groupReportFigures } from "./group_figures.ts";
 * import { analyzeCorpus, loadCorpus, loadResources } from "@framing/toolkit";
 * import { ok } from "node:assert/strict";
 *
 * const doc = analyzeCorpus(await loadCorpus(["data/corpus"]), await loadResources());
 * const figures = groupReportFigures(doc, undefined, { resamples: 100 });
 * ok(figures.some((f) => f.name === "topic_rates"));
 * ok(figures.every((f) => f.data.some((r) => r.level === "group")));
 * ```
 */
export function groupReportFigures(
  doc: AnalysisDocument,
  comparison?: Comparison,
  options: GroupReportFiguresOptions = {},
): BuiltFigure[] {
  const groups = comparison && comparison.by !== "id"
    ? figureGroups(doc, comparison)
    : options.groups ?? figureGroups(doc, comparison);
  const groupOf = new Map<string, string>();
  for (const g of groups) for (const id of g.articles) groupOf.set(id, g.group);
  const resamples = options.resamples ?? 1000;
  const seed = options.seed ?? 1;
  const voice: Voice = "body";
  const byArticle = comparison?.resampling.unit === "article" && comparison.by !== "id";
  const groupOrder = groups.map((g) => g.group);

  /** Group rows from per-article units: the comparison's interval where it has one. */
  const summarise = (
    name: string,
    units: Map<string, Map<string, Unit>>,
    scale: number,
    table?: "topics" | "stance" | "actors",
    fill?: (id: string) => Unit | undefined,
  ): GroupSummaryRecord[] => {
    const records: GroupSummaryRecord[] = [];
    for (const [feature, perArticle] of units) {
      for (const g of groups) {
        const list: Unit[] = [];
        for (const id of g.articles) {
          const u = perArticle.get(id) ?? fill?.(id);
          if (u === undefined) continue;
          list.push(u);
          records.push({
            level: "article",
            feature,
            group: g.group,
            article: id,
            value: u.den === 0 ? 0 : (u.num / u.den) * scale,
          });
        }
        if (list.length === 0) continue;
        const row = byArticle && table
          ? comparison!.rows.find((r) =>
            r.table === table && r.feature === feature &&
            (r.groupA === g.group || r.groupB === g.group)
          )
          : undefined;
        if (row) {
          const a = row.groupA === g.group;
          const value = a ? row.valueA : row.valueB;
          const [low, high] = a ? row.ciA : row.ciB;
          if (value !== null) {
            records.push({ level: "group", feature, group: g.group, value, low, high });
            continue;
          }
        }
        const r = ratioInterval(list, {
          scale,
          resamples,
          seed: seedFrom(`${name}\u0000${feature}\u0000${g.group}`, seed),
        });
        if (r === undefined) continue;
        records.push({ level: "group", feature, group: g.group, ...r });
      }
    }
    return records;
  };
  const put = (m: Map<string, Map<string, Unit>>, feature: string, article: string, u: Unit) => {
    const perArticle = m.get(feature) ?? new Map<string, Unit>();
    perArticle.set(article, u);
    m.set(feature, perArticle);
  };

  const voices = new Map<string, Map<string, Unit>>();
  const topics = new Map<string, Map<string, Unit>>();
  const stance = new Map<string, Map<string, Unit>>();
  const actors = new Map<string, Map<string, Unit>>();
  const arc = new Map<string, Map<string, Unit>>();
  const FIFTHS = ["1st fifth", "2nd fifth", "3rd fifth", "4th fifth", "5th fifth"];
  // Only what occurs is a row (a compact record lists no empty voice and no
  // rate without hits); an article without a row has 0 there.
  const lengthOf = new Map<string, number>();
  const wordsOf = new Map<string, number>();
  for (const a of doc.articles) {
    if (!groupOf.has(a.id)) continue;
    lengthOf.set(a.id, a.length);
    const words = a.voices.find((v) => v.voice === voice)?.words ?? 0;
    wordsOf.set(a.id, words);
    for (const v of a.voices) {
      if (v.chars > 0) put(voices, v.voice, a.id, { num: v.chars, den: a.length });
    }
    for (const t of a.topics) {
      if (t.voice === voice && t.hits > 0) put(topics, t.topic, a.id, { num: t.hits, den: words });
    }
    for (const s of a.stance) {
      if (s.voice === voice && s.hits > 0) {
        put(stance, s.category, a.id, { num: s.hits, den: words });
      }
    }
    for (const r of a.actors) {
      if (r.voice === voice) put(actors, r.actor, a.id, { num: r.stance, den: 1 });
    }
    // Sentiment by position: the article's mean sentence sentiment in each fifth of it.
    const ss = a.sentences.filter((s) =>
      s.voice === "title" || s.voice === "body" || s.voice === "quote"
    );
    const sums = FIFTHS.map(() => ({ num: 0, den: 0 }));
    ss.forEach((s, i) => {
      const k = Math.min(4, Math.floor((5 * i) / Math.max(1, ss.length)));
      sums[k].num += s.sentiment;
      sums[k].den += 1;
    });
    sums.forEach((u, k) => {
      if (u.den > 0) put(arc, FIFTHS[k], a.id, { num: u.num / u.den, den: 1 });
    });
  }
  const noHits = (
    id: string,
  ) => (wordsOf.get(id)! > 0 ? { num: 0, den: wordsOf.get(id)! } : undefined);
  const interval = "95 % article-bootstrap interval";
  const theme = (f: ReturnType<typeof groupSummaryFigure>) => applyTheme(f, { width: "double" });
  const figures: BuiltFigure[] = [];
  const add = (
    name: string,
    caption: string,
    data: GroupSummaryRecord[],
    build: (d: GroupSummaryRecord[]) => ReturnType<typeof groupSummaryFigure>,
  ) => {
    if (data.length > 0) figures.push({ name, caption, figure: theme(build(data)), data });
  };
  const boxes = " Box: the articles' quartiles, whiskers at the 5th and 95th percentiles; " +
    "marker: the group's value with its 95 % article-bootstrap interval.";
  add(
    "voice_composition",
    "Share of the pages' characters per voice, by group." + boxes,
    summarise("voices", voices, 1, undefined, (id) => ({ num: 0, den: lengthOf.get(id)! })),
    (d) =>
      groupSummaryFigure(d, {
        title: "How the pages divide between voices",
        axis: "Share of characters",
        interval,
        groupOrder,
        format: ".1%",
      }),
  );
  add(
    "actor_sentiment",
    "Stance toward each actor in the author's text: the mean over the articles that name the " +
      "actor, by group." + boxes,
    summarise("actors", actors, 1, "actors"),
    (d) =>
      groupSummaryFigure(d, {
        title: "Stance toward actors in the author's text",
        axis: "Stance (−1..+1)",
        interval,
        groupOrder,
        labels: options.actorLabels,
      }),
  );
  add(
    "topic_rates",
    "Topic hits per 1,000 words of the author's text (hits summed over words summed), by group." +
      boxes,
    summarise("topics", topics, 1000, "topics", noHits),
    (d) =>
      groupSummaryFigure(d, {
        title: "How often topics come up in the author's text",
        axis: "Mentions per 1,000 words",
        interval,
        groupOrder,
      }),
  );
  add(
    "stance_profile",
    "Stance markers per 1,000 words of the author's text, by group." + boxes,
    summarise("stance", stance, 1000, "stance", noHits),
    (d) =>
      groupSummaryFigure(d, {
        title: "Stance markers in the author's text",
        axis: "Markers per 1,000 words",
        interval,
        groupOrder,
      }),
  );
  add(
    "sentiment_arc",
    "Mean sentence sentiment in each fifth of the articles (headline, author's text and " +
      "quotes), by group." + boxes,
    summarise("arc", arc, 1),
    (d) =>
      groupSummaryFigure(d, {
        title: "Sentence sentiment through the articles",
        axis: "Mean sentence sentiment",
        interval,
        groupOrder,
        featureOrder: FIFTHS,
      }),
  );
  return figures;
}
