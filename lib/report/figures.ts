/**
 * The report's figures and tables, built from the analysis and the
 * comparison: one list that feeds the HTML page, the static export
 * (SVG/PDF/PNG/CSV) and the CSV/LaTeX tables alike.
 *
 * @module
 */
import type { AnalysisDocument } from "../analysis.ts";
import type { Comparison } from "../compare/compare_groups.ts";
import type { TableToExport } from "../export/tables.ts";
import { actorSentimentFigure } from "../figures/actor_sentiment.ts";
import { cooccurrenceFigure } from "../figures/cooccurrence.ts";
import type { PlotlyFigure } from "../figures/figure.ts";
import { keynessFigure } from "../figures/keyness.ts";
import { sentimentArcFigure } from "../figures/sentiment_arc.ts";
import { stanceProfileFigure } from "../figures/stance_profile.ts";
import { applyTheme } from "../figures/theme.ts";
import { groupReportFigures, PER_ARTICLE_FIGURES_UP_TO } from "./group_figures.ts";
import { topicRatesFigure } from "../figures/topic_rates.ts";
import { voiceComposition, voiceCompositionFigure } from "../figures/voice_composition.ts";
import {
  actorTable,
  arcTable,
  cooccurrenceTable,
  stanceTable,
  tableViews,
  topicTable,
} from "../tables/tidy.ts";

/** A figure of the report with the records it was drawn from. */
export interface BuiltFigure {
  /** File name stem. */
  name: string;
  /** One-line description. */
  caption: string;
  /** Themed spec (two-column width). */
  figure: PlotlyFigure;
  /** The records behind it (written as `<name>.csv`). */
  data: readonly Record<string, unknown>[];
}

/** What {@linkcode reportFigures} gives: the figures, and why any were left out. */
export interface ReportFigures {
  figures: BuiltFigure[];
  /** One line per figure that could not be built (no data, or the builder refused it). */
  notes: string[];
}

/** Options for {@linkcode reportFigures}. */
export interface ReportFiguresOptions {
  /**
   * Display names of actors by id (e.g. from the actor lexicon: `CIS`, not `Cis`).
   * @default the figure builders' own labels (the id capitalised)
   */
  actorLabels?: Readonly<Record<string, string>>;
  /**
   * People's codes of article × actor cells, drawn beside the model in the actor chart.
   * @default none
   */
  codes?: readonly { article: string; actor: string; code: number | null }[];
  /**
   * Up to this many articles, figures draw one series per article; past it,
   * they show groups (`groupReportFigures`).
   * @default PER_ARTICLE_FIGURES_UP_TO
   */
  perArticleUpTo?: number;
}

/**
 * Every figure of the report: voice composition, actor sentiment, topic
 * rates, stance profile, keyness (one per compared pair), sentiment arcs and
 * actor × topic co-occurrence, each themed at two-column width. A figure
 * whose builder throws, or that has no records, is left out with a note.
 *
 * @param doc The analysis.
 * @param comparison The group comparison, for keyness.
 * @param options Actor display names.
 * @returns Figures with their data, and notes.
 *
 * @example
 * ```ts
 * import { reportFigures } from "./figures.ts";
 * import { analyzeCorpus, loadCorpus, loadResources } from "@framing/toolkit";
 * import { ok } from "node:assert/strict";
 *
 * const doc = analyzeCorpus(await loadCorpus(["data/corpus"]), await loadResources());
 * const { figures } = reportFigures(doc);
 * ok(figures.some((f) => f.name === "actor_sentiment"));
 * ok(figures.every((f) => f.figure.layout.width === 672));
 * ```
 */
export function reportFigures(
  doc: AnalysisDocument,
  comparison?: Comparison,
  options: ReportFiguresOptions = {},
): ReportFigures {
  const labels = options.actorLabels ?? {};
  const figures: BuiltFigure[] = [];
  const notes: string[] = [];
  const add = (
    name: string,
    caption: string,
    records: readonly object[],
    build: () => PlotlyFigure,
  ) => {
    const data = records as readonly Record<string, unknown>[];
    if (data.length === 0) {
      notes.push(`figure "${name}" left out: no records`);
      return;
    }
    try {
      figures.push({ name, caption, figure: applyTheme(build(), { width: "double" }), data });
    } catch (e) {
      notes.push(`figure "${name}" left out: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const upTo = options.perArticleUpTo ?? PER_ARTICLE_FIGURES_UP_TO;
  if (doc.articles.length > upTo) {
    notes.push(
      `${doc.articles.length} articles, more than ${upTo}: the figures show groups (value, ` +
        "interval and the spread of the articles); per-article values are in the figures' CSV " +
        "and the tables.",
    );
    const grouped = groupReportFigures(doc, comparison, { actorLabels: labels });
    const byName = new Map(grouped.map((f) => [f.name, f]));
    const keep = (name: string) => {
      const f = byName.get(name);
      if (f) figures.push(f);
      else notes.push(`figure "${name}" left out: no records`);
    };
    for (const name of ["voice_composition", "actor_sentiment", "topic_rates", "stance_profile"]) {
      keep(name);
    }
    keynessFigures(comparison, add);
    keep("sentiment_arc");
    addCooccurrence(doc, labels, add);
    return { figures, notes };
  }
  // Every article keeps its colour, marker and pattern in every figure.
  const seriesOrder = doc.articles.map((a) => a.id);
  const composition = voiceComposition(doc);
  add(
    "voice_composition",
    "Share of each page's characters per voice.",
    composition,
    () => voiceCompositionFigure(composition, { value: "share", seriesOrder }),
  );
  const actors = actorTable(doc);
  const codes = options.codes ?? [];
  add(
    "actor_sentiment",
    codes.length > 0
      ? "The author's stance toward each actor: people's codes (open diamonds, top axis) beside " +
        "the model's stance (dots, with mention-bootstrap intervals)."
      : "Mean sentiment toward each actor in the author's text, with mention-bootstrap intervals.",
    actors,
    () => actorSentimentFigure(actors, { labels, seriesOrder, codes }),
  );
  const topics = topicTable(doc);
  add(
    "topic_rates",
    "Topic hits per 1,000 words of the author's text.",
    topics,
    () => topicRatesFigure(topics, { seriesOrder }),
  );
  const stance = stanceTable(doc);
  add(
    "stance_profile",
    "Stance markers per 1,000 words of the author's text.",
    stance,
    () => stanceProfileFigure(stance, { seriesOrder }),
  );
  keynessFigures(comparison, add);
  const arc = arcTable(doc);
  add(
    "sentiment_arc",
    "Sentence sentiment through each article (moving average of 5 sentences).",
    arc,
    () => sentimentArcFigure(arc, { seriesOrder }),
  );
  addCooccurrence(doc, labels, add);
  return { figures, notes };
}

/** Adds a figure, or a note why it was left out. */
type AddFigure = (
  name: string,
  caption: string,
  records: readonly object[],
  build: () => PlotlyFigure,
) => void;

/** One keyness figure per compared pair (their size does not grow with the articles). */
function keynessFigures(comparison: Comparison | undefined, add: AddFigure): void {
  for (const [i, [ga, gb]] of (comparison?.pairs ?? []).entries()) {
    const rows = comparison!.keyness
      .filter((k) => k.groupA === ga && k.groupB === gb)
      .map((k) => ({ ...k, voice: comparison!.voice }));
    add(
      comparison!.pairs.length === 1 ? "keyness" : `keyness_${i + 1}`,
      `Words that set ${ga} apart from ${gb} (log-odds z with an informative prior).`,
      rows,
      () => keynessFigure(rows),
    );
  }
}

/** The actor × topic co-occurrence, summed over the articles (its size does not grow with them). */
function addCooccurrence(
  doc: AnalysisDocument,
  labels: Readonly<Record<string, string>>,
  add: AddFigure,
): void {
  const co = cooccurrenceTable(doc);
  add(
    "cooccurrence",
    "Sentences that name an actor and touch a topic, in the author's text.",
    co,
    () => cooccurrenceFigure(co, { labels: { actors: labels } }),
  );
}

/**
 * The report's tables for CSV and LaTeX: voices, actors, topics and stance
 * per article, and the comparison and keyness rows when there is a comparison
 * (evidence lists flattened to counts; the HTML report and the JSON keep them).
 *
 * @param doc The analysis.
 * @param comparison The group comparison.
 * @returns Tables for `exportTables`, each made when it is taken (the tables
 * per article and voice hold a row per article, so that only one of them
 * need be held at a time).
 *
 * @example
 * ```ts
 * import { reportTables } from "./figures.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const tables = [...reportTables({ articles: [] } as never)];
 * deepStrictEqual(tables.map((t) => t.name), ["articles", "voices", "actors", "warnings", "topics", "stance"]);
 * ```
 */
export function* reportTables(
  doc: AnalysisDocument,
  comparison?: Comparison,
  codes?: readonly { article: string; actor: string; code: number | null; coders: number }[],
): Generator<TableToExport> {
  // Views, not arrays: each row is made when the writer reads it.
  const views = tableViews(doc);
  yield {
    name: "articles",
    rows: views.articles,
    caption:
      "The articles analysed: metadata, origin, length, warnings, sentences and words (every voice)",
  };
  yield {
    name: "voices",
    rows: views.voices,
    caption: "Characters, sentences and words per voice",
  };
  const coded = new Map((codes ?? []).map((c) => [`${c.article}\u0000${c.actor}`, c]));
  yield {
    name: "actors",
    rows: codes === undefined ? views.actors : {
      *[Symbol.iterator]() {
        for (const r of views.actors) {
          // The people's code sits beside the model's stance in the author's voice.
          const c = r.voice === "body" ? coded.get(`${r.article}\u0000${r.actor}`) : undefined;
          yield { ...r, humanCode: c ? c.code : null, coders: c ? c.coders : 0 };
        }
      },
    },
    caption: codes
      ? "Sentiment toward actors per article and voice (the model's stance and mean score, −1..+1), " +
        "with the people's mean code (humanCode, the codebook's scale; empty: not coded or cannot tell)"
      : "Sentiment toward actors per article and voice (mean of mention scores, −1..+1)",
  };
  yield {
    name: "warnings",
    rows: warningRows(doc),
    columns: ["article", "input", "kind", "message"],
    caption: "Every article warning, and every input that failed (the report page lists the " +
      "first ones of a long list)",
  };
  yield { name: "topics", rows: views.topics, caption: "Topic rates per article and voice" };
  yield {
    name: "stance",
    rows: views.stance,
    caption: "Stance-marker rates per article and voice",
  };
  if (comparison) {
    yield {
      name: "comparison",
      rows: comparison.rows.map(({ evidenceA: _a, evidenceB: _b, ...r }) => r),
      caption:
        `Group comparison by ${comparison.by}, voice ${comparison.voice}. ${comparison.unit}`,
    };
    yield {
      name: "keyness",
      rows: comparison.keyness,
      caption:
        `Keyness, voice ${comparison.voice}. ${comparison.method.keyness}. ${comparison.unit}`,
    };
  }
}

/** A row of the table `warnings`: an article's warning, or an input that failed. */
export type WarningRow = {
  /** The article's id (empty for an input that failed). */
  article: string;
  /** The input that failed (empty for an article's warning). */
  input: string;
  kind: "warning" | "failed input";
  message: string;
};

/**
 * Every article warning, in the analysis's order, then every input that
 * failed; read again each time it is iterated (the table writers read it twice).
 */
function warningRows(doc: AnalysisDocument): Iterable<WarningRow> {
  return {
    *[Symbol.iterator](): Generator<WarningRow> {
      for (const a of doc.articles) {
        for (const w of a.warnings) yield { article: a.id, input: "", kind: "warning", message: w };
      }
      for (const f of doc.failures ?? []) {
        yield { article: "", input: f.input, kind: "failed input", message: f.reason };
      }
    },
  };
}
