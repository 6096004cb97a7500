/**
 * The notebook entry point's verbs: analyse articles from paths, compare
 * them, and show a figure or a table in one call each. Each call returns
 * values the Deno kernel displays (`show(...)` takes one value or a list),
 * built from the library's own tables and figure builders, so a notebook
 * cell reads like the question it answers:
 *
 * ```ts ignore
 * const analysis = await analyse(["../data/corpus"]);
 * const compared = await compare(analysis, { by: "outlet" });
 * await show(figure(analysis, "topics"), table(compared, "topics"));
 * ```
 *
 * @module
 */
import { groupValue } from "../compare/date_bucket.ts";
import type { AnalysisDocument } from "../analysis.ts";
import { analyzeCorpus, provenanceOf } from "../analyze.ts";
import { runDocument } from "../report/from_runs.ts";
import { loadCorpus } from "../corpus/load_corpus.ts";
import { backgroundFrequencies } from "../compare/background.ts";
import { compareCorpus, type CorpusComparison } from "../compare/compare_corpus.ts";
import { loadResourceFiles, type ResourceFiles } from "../run/resource_files.ts";
import {
  actorTable,
  arcTable,
  cooccurrenceTable,
  kwicTable,
  stanceTable,
  topicTable,
  voiceTable,
} from "../tables/tidy.ts";
import type { Voice } from "../voice.ts";
import { actorSentimentFigure } from "../figures/actor_sentiment.ts";
import { cooccurrenceFigure } from "../figures/cooccurrence.ts";
import { keynessFigure } from "../figures/keyness.ts";
import { sentimentArcFigure } from "../figures/sentiment_arc.ts";
import { stanceProfileFigure } from "../figures/stance_profile.ts";
import { topicRatesFigure } from "../figures/topic_rates.ts";
import { voiceComposition, voiceCompositionFigure } from "../figures/voice_composition.ts";
import { DASH, formatNumber } from "../tables/format.ts";
import { topicChanges } from "../tables/topic_changes.ts";
import { type Displayable, displayJson, displayTable, note } from "./display.ts";
import { groupFigure, groupLabels } from "./group_figure.ts";
import { displayThemedFigure } from "./themed_figure.ts";
import { PER_ARTICLE_FIGURES_UP_TO } from "../report/group_figures.ts";
import {
  type Coded,
  codingFigure,
  codingHeadline,
  codingTable,
  type CodingTableKind,
  type Drawn,
  sampleTable,
} from "./coding.ts";
import {
  type Validation,
  validationFigure,
  type ValidationFigureKind,
  validationJson,
  validationTable,
  type ValidationTableKind,
} from "./validation.ts";
import {
  comparedDisplay,
  comparisonHeadline,
  comparisonRows,
  comparisonTable,
  evidenceDisplay,
  keynessOfPair,
  keynessTopTable,
  namedOnceTable,
} from "./comparison.ts";

/** Options for {@linkcode analyse}. */
export interface AnalyseOptions {
  /**
   * Your own lexicon files, as on the command line (`--actors`,
   * `--add-actors`, `--topics`, ...): read and checked first.
   * @default {} (the bundled lexicons)
   */
  resourceFiles?: ResourceFiles;
  /** Bootstrap rounds for the actor intervals. @default 2000 */
  resamples?: number;
  /**
   * The JSONL output of `analyze --jsonl` (full or `--compact`, shards in
   * order): when given, its records are read instead of analysing `paths`
   * (see `runDocument`), and the document's `notes` say what was read.
   * @default [] (analyse the paths)
   */
  from?: readonly string[];
}

/**
 * Reads the articles at `paths` (folders, JSONL or CSV files) and analyses
 * them with the bundled lexicons or the files in `options.resourceFiles`.
 * Inputs that cannot be read are kept as the document's `failures`.
 *
 * @param paths Folders or files of articles.
 * @param options Your lexicon files and the bootstrap rounds.
 * @returns The analysis document.
 * @throws {InputError} If a lexicon file is broken (naming the file and the place in it).
 *
 * @example
 * ```ts
 * import { analyse } from "@framing/toolkit/notebook";
 * import { strictEqual } from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/a.txt`, "The minister opened a new dam. Farmers welcomed it.");
 * const analysis = await analyse([dir], { resamples: 50 });
 * strictEqual(analysis.articles.length, 1);
 * strictEqual(analysis.failures.length, 0);
 * ```
 */
export async function analyse(
  paths: readonly string[],
  options: AnalyseOptions = {},
): Promise<AnalysisDocument> {
  const files = await loadResourceFiles(options.resourceFiles ?? {});
  if (options.from !== undefined && options.from.length > 0) {
    const run = await runDocument(options.from, provenanceOf(files.resources, files.analyze));
    return { ...run.doc, notes: run.notes };
  }
  const corpus = await loadCorpus([...paths]);
  return analyzeCorpus(corpus, files.resources, {
    ...files.analyze,
    ...(options.resamples === undefined ? {} : { resamples: options.resamples }),
  });
}

/** Options for {@linkcode compare}. */
export interface CompareOptions {
  /** The metadata field that forms the groups. @default "outlet" */
  by?: string;
  /** The compared voice. @default "body" */
  voice?: Voice;
  /** Bootstrap and permutation rounds. @default 2000 */
  resamples?: number;
}

/** What {@linkcode compare} returns: the comparison, with the analysis it was made from. */
export interface Compared extends CorpusComparison {
  /** The analysis the comparison was made from (for evidence sentences). */
  analysis: AnalysisDocument;
  /** The compared voice. */
  voice: Voice;
}

/**
 * Compares the analysed articles grouped by a metadata field, in one voice,
 * with the bundled background word list as the keyness prior. With one
 * group the articles are compared one by one; with one article there is no
 * comparison (`comparison: null`), and the statement says so.
 *
 * @param analysis The analysis document.
 * @param options The grouping field, voice and resampling rounds.
 * @returns The comparison with its analysis.
 * @throws {RangeError} If `voice` is not a voice (naming the voices). A field no article
 * has is not an error here: as in `compareCorpus`, the articles are then compared one by
 * one, by id, and a note names the fields that exist.
 *
 * @example
 * ```ts
 * import { compare } from "@framing/toolkit/notebook";
 * import { strictEqual } from "node:assert/strict";
 *
 * const compared = await compare({ articles: [], failures: [] } as never);
 * strictEqual(compared.comparison, null);
 * ```
 */
export async function compare(
  analysis: AnalysisDocument,
  options: CompareOptions = {},
): Promise<Compared> {
  const voice = options.voice ?? "body";
  const compared = compareCorpus(analysis, {
    by: options.by ?? "outlet",
    voice,
    ...(options.resamples === undefined ? {} : { resamples: options.resamples }),
    prior: await backgroundFrequencies(),
  });
  return { ...compared, analysis, voice };
}

/** The figures {@linkcode figure} draws from an analysis. */
export type FigureKind =
  | "voices"
  | "voice shares"
  | "actors"
  | "topics"
  | "stance"
  | "arc"
  | "cooccurrence";

/** Options for {@linkcode figure}. */
export interface FigureOptions {
  /** The voice charted. @default "body" (the comparison's voice for keyness) */
  voice?: Voice;
  /** Display names of actors by id (actor figures). */
  labels?: Readonly<Record<string, string>>;
  /** Label each series with this metadata field beside the article id (actor figures). */
  by?: string;
  /** People's codes ({@linkcode code}): drawn beside the model in the actor figure. */
  coding?: Coded;
  /**
   * The comparison ({@linkcode compare}): past `PER_ARTICLE_FIGURES_UP_TO`
   * articles the figures show its groups, with its intervals where it
   * resampled articles (as the report's figures do).
   * @default the groups of `by`, else all articles as one group
   */
  compared?: Compared;
}

/**
 * A figure, themed and ready to show: from an analysis (`"voices"`,
 * `"voice shares"`, `"actors"`, `"topics"`, `"stance"`, `"arc"`,
 * `"cooccurrence"`: one heatmap per article) or from a comparison
 * (`"keyness"`: one chart per pair of groups). Where there is nothing to
 * draw, a line of Markdown says why.
 *
 * Past `PER_ARTICLE_FIGURES_UP_TO` (12) articles, the figures of the author's
 * text show groups, as the report's do (`groupReportFigures`): the groups of
 * `options.compared`, else of `options.by`, else all articles as one group;
 * `"voices"` then refers to `"voice shares"` and the voices table, and
 * `"cooccurrence"` draws one heatmap per group. One series per article of
 * 2,000 articles took minutes to draw and tens of megabytes to store.
 *
 * @param source The analysis, or the result of {@linkcode compare} for `"keyness"`.
 * @param kind Which figure.
 * @param options The voice, actor labels and series labels.
 * @returns Values the Deno kernel displays; pass them to `show`.
 *
 * @example
 * ```ts
 * import { figure, JUPYTER_DISPLAY } from "@framing/toolkit/notebook";
 * import { ok } from "node:assert/strict";
 *
 * const analysis = { articles: [{ id: "a", length: 10, meta: {}, actors: [], topics: [],
 *   voices: [{ voice: "body", chars: 10, sentences: 1, words: 2 }] }] } as never;
 * const [shown] = figure(analysis, "voices");
 * ok("application/vnd.plotly.v1+json" in shown[JUPYTER_DISPLAY]());
 * const [none] = figure(analysis, "actors");
 * ok("text/markdown" in none[JUPYTER_DISPLAY]());
 * ```
 */
export function figure(source: Compared, kind: "keyness", options?: FigureOptions): Displayable[];
export function figure(source: Coded, kind: "corrected", options?: FigureOptions): Displayable[];
export function figure(source: Validation, kind: ValidationFigureKind): Displayable[];
export function figure(
  source: AnalysisDocument,
  kind: FigureKind,
  options?: FigureOptions,
): Displayable[];
export function figure(
  source: AnalysisDocument | Compared | Validation | Coded,
  kind: FigureKind | "keyness" | ValidationFigureKind | "corrected",
  options: FigureOptions = {},
): Displayable[] {
  if (isValidation(source)) return validationFigure(source, kind as ValidationFigureKind);
  if (isCoded(source)) {
    if (kind !== "corrected") {
      throw new RangeError(`Unknown figure "${kind}" of the codes: expected corrected`);
    }
    return codingFigure(source, { labels: options.labels });
  }
  if (kind === "keyness") {
    const compared = source as Compared;
    const c = compared.comparison;
    if (c === null) return [note("No keyness: there is no comparison (see above).")];
    return c.pairs.map((pair) => keynessOfPair(c, pair)).filter((rows) => rows.length > 0)
      .map((rows) => displayThemedFigure(keynessFigure(rows, { voice: c.voice })));
  }
  const analysis = source as AnalysisDocument;
  const voice = options.voice ?? "body";
  if (analysis.articles.length > PER_ARTICLE_FIGURES_UP_TO && voice === "body") {
    const grouped = groupFigure(analysis, kind as FigureKind, options);
    if (grouped === undefined) {
      throw new RangeError(`Unknown figure "${String(kind)}": expected one of ${FIGURE_KINDS}`);
    }
    return grouped;
  }
  // Every article keeps its colour, marker and pattern in every figure.
  const seriesOrder = analysis.articles.map((a) => a.id);
  const themed = (f: Parameters<typeof displayThemedFigure>[0]) => [displayThemedFigure(f)];
  switch (kind) {
    case "voices":
    case "voice shares":
      return themed(voiceCompositionFigure(voiceComposition(analysis), {
        value: kind === "voices" ? "chars" : "share",
        seriesOrder,
      }));
    case "actors": {
      const group = options.by === undefined ? undefined : groupLabels(analysis, options.by);
      const label = (article: string) => group ? `${group.get(article)} · ${article}` : article;
      const rows = actorTable(analysis).filter((r) => r.voice === voice)
        .map((r) => group ? { ...r, group: label(r.article) } : r);
      if (rows.length === 0) {
        return [note(`No actor of the actor lexicon is named in the ${voice} voice.`)];
      }
      const codes = (options.coding?.coding?.cells ?? []).map((c) => ({
        ...c,
        article: label(c.article),
      }));
      return themed(actorSentimentFigure(rows, {
        voice,
        labels: options.labels,
        seriesOrder: seriesOrder.map(label),
        ...(codes.length > 0 ? { codes } : {}),
      }));
    }
    case "topics":
      return themed(topicRatesFigure(topicTable(analysis), { voice, seriesOrder }));
    case "stance":
      return themed(stanceProfileFigure(stanceTable(analysis), { voice, seriesOrder }));
    case "arc": {
      const arc = arcTable(analysis);
      if (arc.length === 0) {
        return [note("No sentences in the records (a compact run): no sentiment arc.")];
      }
      return themed(sentimentArcFigure(arc, { seriesOrder }));
    }
    case "cooccurrence": {
      const rows = cooccurrenceTable(analysis);
      return analysis.articles
        .filter((a) => rows.some((r) => r.article === a.id && r.voice === voice))
        .map((a) => displayThemedFigure(cooccurrenceFigure(rows, { series: a.id, voice })));
    }
  }
  throw new RangeError(`Unknown figure "${String(kind)}": expected one of ${FIGURE_KINDS}`);
}

const FIGURE_KINDS = "voices, voice shares, actors, topics, stance, arc, cooccurrence, keyness";

/** The tables {@linkcode table} shows from an analysis. */
export type AnalysisTableKind = "articles" | "voices" | "topic changes" | "kwic";
/** The tables {@linkcode table} shows from a comparison. */
export type ComparisonTableKind = "comparison" | "actors" | "topics" | "stance" | "keyness";

/** Options for {@linkcode table}. */
export interface TableOptions {
  /** The metadata field shown beside each article (`"articles"`). @default "outlet" */
  by?: string;
  /** Evidence sentences shown per side of a compared row. @default 3 */
  evidencePerSide?: number;
  /** Compared rows whose evidence is shown (topics; actors and stance show one). @default 3 */
  evidenceRows?: number;
  /** Words per side in the keyness table. @default 10 */
  top?: number;
  /** The analysis `"topic changes"` compares with (required there). */
  before?: AnalysisDocument;
  /** Only rows of this voice (`"topic changes"`). @default every voice */
  voice?: Voice;
  /** Only hits of this lexicon (`"kwic"`). @default every lexicon */
  lexicon?: string;
  /** Characters of context on each side (`"kwic"`). @default 60 */
  window?: number;
}

/**
 * A table, ready to show. From an analysis: `"articles"` (with the inputs
 * that failed), `"voices"` (characters, sentences and words per voice),
 * `"topic changes"` (the topic rows that differ from `options.before`, as
 * after adding a lexicon) and `"kwic"` (every hit in its context).
 * From a comparison: `"comparison"` (what was compared with what, and what
 * was resampled), `"actors"`, `"topics"` and `"stance"` (the compared rows,
 * largest difference first, with their evidence sentences) and `"keyness"`
 * (the most distinctive words of each side). From people's codes ({@linkcode code}):
 * `"design"`, `"agreement"`, `"model"`, `"estimates"` and `"actor estimates"`
 * (see `codingTable`). Numbers are written as in the
 * HTML report (`formatNumber`: two decimals, "–" for none).
 *
 * @param source The analysis, or the result of {@linkcode compare}.
 * @param kind Which table.
 * @param options What to show beside the rows.
 * @returns Values the Deno kernel displays; pass them to `show`.
 *
 * @example
 * ```ts
 * import { JUPYTER_DISPLAY, table } from "@framing/toolkit/notebook";
 * import { ok } from "node:assert/strict";
 *
 * const analysis = { failures: [], articles: [{ id: "a", meta: { outlet: "X" }, origin: "a.txt",
 *   length: 10, segments: [], sentences: [], warnings: [], voices: [] }] } as never;
 * const [shown] = table(analysis, "articles");
 * const html = String(shown[JUPYTER_DISPLAY]()["text/html"]);
 * ok(html.includes("<td>X</td>") && html.includes("1 articles, 0 failures"));
 * ```
 */
export function table(
  source: Compared,
  kind: ComparisonTableKind,
  options?: TableOptions,
): Displayable[];
export function table(
  source: AnalysisDocument,
  kind: AnalysisTableKind,
  options?: TableOptions,
): Displayable[];
export function table(source: Validation, kind: ValidationTableKind): Displayable[];
export function table(source: Coded, kind: CodingTableKind): Displayable[];
export function table(source: Drawn, kind: "sample"): Displayable[];
export function table(
  source: AnalysisDocument | Compared | Validation | Coded | Drawn,
  kind: AnalysisTableKind | ComparisonTableKind | ValidationTableKind | CodingTableKind | "sample",
  options: TableOptions = {},
): Displayable[] {
  if (isValidation(source)) return validationTable(source, kind as ValidationTableKind);
  if ((source as { kind?: unknown }).kind === "sample") return sampleTable(source as Drawn);
  if (isCoded(source)) return codingTable(source, kind as CodingTableKind);
  if (kind === "articles" || kind === "voices" || kind === "topic changes" || kind === "kwic") {
    return analysisTable(source as AnalysisDocument, kind, options);
  }
  const compared = source as Compared;
  const c = compared.comparison;
  if (
    kind !== "comparison" && kind !== "keyness" && kind !== "actors" && kind !== "topics" &&
    kind !== "stance"
  ) {
    throw new RangeError(
      `Unknown table "${kind}" of a comparison: expected comparison, actors, topics, stance or keyness`,
    );
  }
  if (kind === "comparison") return [comparedDisplay(compared)];
  if (c === null) return [];
  if (kind === "keyness") return [keynessTopTable(c, options.top ?? 10)];
  const perSide = options.evidencePerSide ?? 3;
  const evidence = (rows: typeof c.rows, n: number) =>
    rows.slice(0, n).map((r) => evidenceDisplay(compared.analysis, r, perSide));
  const rows = comparisonRows(c, kind);
  if (kind === "actors") {
    const both = rows.filter((r) => r.difference !== null);
    return [
      comparisonTable(
        both,
        c,
        "Compared: mean sentiment toward actors named on both sides (−1..+1).",
      ),
      namedOnceTable(rows.filter((r) => r.difference === null)),
      ...evidence(both, 1),
    ];
  }
  const caption = kind === "topics"
    ? "Compared: topic rates per 1,000 words."
    : "Compared: stance-marker rates per 1,000 words.";
  return [
    comparisonTable(rows, c, caption),
    ...evidence(rows, kind === "topics" ? options.evidenceRows ?? 3 : 1),
  ];
}

function analysisTable(
  analysis: AnalysisDocument,
  kind: AnalysisTableKind,
  options: TableOptions,
): Displayable[] {
  const by = options.by ?? "outlet";
  if (kind === "topic changes") {
    if (options.before === undefined) {
      throw new TypeError(
        'table(analysis, "topic changes") needs options.before: the analysis to compare with',
      );
    }
    return [
      displayTable({
        columns: [
          "article",
          "lexicon",
          "category",
          "hits before",
          "hits after",
          "per 1,000 words",
          "sentence share",
        ],
        values: topicChanges(analysis, options.before, { voice: options.voice }).map((r) => [
          r.article,
          r.lexicon,
          r.topic,
          r.hitsBefore ?? DASH,
          r.hitsAfter,
          formatNumber(r.per1k),
          formatNumber(r.sentenceShare),
        ]),
      }, { caption: `Rows that changed${options.voice ? ` in the ${options.voice} voice` : ""}` }),
    ];
  }
  if (kind === "kwic") {
    return [
      displayTable({
        columns: ["article", "voice", "category", "left", "match", "right"],
        values: kwicTable(analysis, { lexicon: options.lexicon, window: options.window })
          .map((k) => [k.article ?? "", k.voice, k.category, k.left, k.match, k.right]),
      }, {
        caption: options.lexicon
          ? `The hits of "${options.lexicon}" in context`
          : "Every hit in context",
      }),
    ];
  }
  if (kind === "voices") {
    return [
      displayTable({
        columns: ["article", "voice", "characters", "share", "sentences", "words"],
        values: voiceTable(analysis).filter((r) => r.chars > 0)
          .map((r) => [r.article, r.voice, r.chars, formatNumber(r.share), r.sentences, r.words]),
      }, { caption: "Characters, sentences and words per voice per article" }),
    ];
  }
  const articles = displayTable({
    columns: ["article", by, "origin", "characters", "segments", "sentences", "warnings"],
    values: analysis.articles.map((a) => [
      a.id,
      groupValue(a.meta, by) ?? "",
      a.origin,
      a.length,
      a.segments.length,
      a.sentences.length,
      a.warnings.length,
    ]),
  }, {
    caption: `${analysis.articles.length} articles, ${analysis.failures.length} failures`,
  });
  // The document's notes (e.g. what a corpus run read, and what it left out).
  const notes = (analysis.notes ?? []).map((n) => note(`*Note:* ${n}`));
  if (analysis.failures.length === 0) return [articles, ...notes];
  return [
    articles,
    displayTable({
      columns: ["input", "reason"],
      values: analysis.failures.map((f) => [f.input, f.reason]),
    }, { caption: "Inputs that could not be read" }),
    ...notes,
  ];
}

/** Options for {@linkcode headline}. */
export interface HeadlineOptions {
  /** Evidence sentences shown per side. @default 3 */
  evidencePerSide?: number;
}

/**
 * The headline numbers of a comparison, as JSON (which the notebook tests
 * read): the articles, failures, each article's share of author's text,
 * what was compared, and, for the first pair of groups, the three topics
 * that differ most and the most distinctive word of each side. Given the
 * result of `validate`, the validation's headline numbers.
 *
 * @param compared The result of {@linkcode compare} (or of `validate`).
 * @param options The evidence shown per side.
 * @returns A value the Deno kernel displays.
 *
 * @example
 * ```ts
 * import { headline, JUPYTER_DISPLAY } from "@framing/toolkit/notebook";
 * import { strictEqual } from "node:assert/strict";
 *
 * const compared = { comparison: null, requested: "outlet", by: "outlet", statement: "Nothing.",
 *   notes: [], voice: "body", analysis: { articles: [], failures: [] } } as never;
 * const bundle = headline(compared)[JUPYTER_DISPLAY]();
 * strictEqual((bundle["application/json"] as { articles: number }).articles, 0);
 * ```
 */
export function headline(
  compared: Compared | Validation | Coded,
  options: HeadlineOptions = {},
): Displayable {
  if (isValidation(compared)) return validationJson(compared);
  if (isCoded(compared)) return codingHeadline(compared)[0];
  return displayJson(comparisonHeadline(compared.analysis, compared, {
    voice: compared.voice,
    evidencePerSide: options.evidencePerSide ?? 3,
  }));
}

function isCoded(source: object): source is Coded {
  return (source as { kind?: unknown }).kind === "coding";
}

function isValidation(source: object): source is Validation {
  return "verdict" in source && "parts" in source;
}
