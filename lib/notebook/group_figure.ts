/**
 * The notebooks' figures past `PER_ARTICLE_FIGURES_UP_TO` articles: groups,
 * as the report's figures show them (`groupReportFigures`), instead of one
 * series per article.
 *
 * @module
 */
import type { AnalysisDocument } from "../analysis.ts";
import { groupValue } from "../compare/date_bucket.ts";
import { cooccurrenceFigure } from "../figures/cooccurrence.ts";
import { groupReportFigures, PER_ARTICLE_FIGURES_UP_TO } from "../report/group_figures.ts";
import { cooccurrenceTable } from "../tables/tidy.ts";
import { type Displayable, note } from "./display.ts";
import type { FigureKind, FigureOptions } from "./questions.ts";
import { displayThemedFigure } from "./themed_figure.ts";

/** Figure names of the report's group figures, by the notebook's figure kind. */
const GROUP_FIGURE_NAMES: Partial<Record<FigureKind, string>> = {
  "voice shares": "voice_composition",
  actors: "actor_sentiment",
  topics: "topic_rates",
  stance: "stance_profile",
  arc: "sentiment_arc",
};

/**
 * `figure()` of the author's text past `PER_ARTICLE_FIGURES_UP_TO` articles:
 * the report's group figures (see `figure` in `questions.ts`).
 *
 * @returns What to display, or undefined for a kind that has no group figure.
 */
export function groupFigure(
  analysis: AnalysisDocument,
  kind: FigureKind,
  options: FigureOptions,
): Displayable[] | undefined {
  const comparison = options.compared?.comparison ?? undefined;
  const labels = options.by === undefined ? undefined : groupLabels(analysis, options.by);
  const groups = labels === undefined ? undefined : [
    ...Map.groupBy(analysis.articles, (a) => labels.get(a.id)!).entries(),
  ].map(([group, articles]) => ({ group, articles: articles.map((a) => a.id) }));
  const why = `${analysis.articles.length} articles, more than ${PER_ARTICLE_FIGURES_UP_TO}: ` +
    "the figure shows groups; the articles' values are in the tables.";
  if (kind === "voices") {
    return [
      note(
        `${why} Characters per voice: \`table(analysis, "voices")\`; shares by group: ` +
          `\`figure(analysis, "voice shares")\`.`,
      ),
    ];
  }
  if (kind === "cooccurrence") {
    const groupOf = comparison && comparison.by !== "id"
      ? new Map(comparison.groups.flatMap((g) => g.articles.map((id) => [id, g.group] as const)))
      : labels;
    const rows = cooccurrenceTable(analysis).filter((r) => r.voice === "body")
      .map((r) => ({ ...r, group: groupOf?.get(r.article) ?? "all articles" }));
    const shown = [...new Set(rows.map((r) => r.group))].map((series) =>
      displayThemedFigure(cooccurrenceFigure(rows, { series, labels: { actors: options.labels } }))
    );
    return rows.length === 0
      ? [note("No sentence in the author's text names an actor and touches a topic.")]
      : [...shown, note(why)];
  }
  const name = GROUP_FIGURE_NAMES[kind];
  if (name === undefined) return undefined;
  const built = groupReportFigures(analysis, comparison, {
    actorLabels: options.labels,
    groups,
  }).find((f) => f.name === name);
  if (built === undefined) {
    return [note(
      kind === "arc"
        ? "No sentences in the records (a compact run): no sentiment arc."
        : `No ${kind} in the author's text of these articles.`,
    )];
  }
  const coded = kind === "actors" && (options.coding?.coding?.cells.length ?? 0) > 0
    ? " People's codes are drawn per article only: see the coding tables."
    : "";
  return [
    displayThemedFigure(built.figure, { width: "double" }),
    note(`${built.caption} ${why}${coded}`),
  ];
}

/** Each article's group: its value of `by`, or `(no BY)`. */
export function groupLabels(analysis: AnalysisDocument, by: string): Map<string, string> {
  return new Map(
    analysis.articles.map((a) => [
      a.id,
      groupValue(a.meta, by) ?? `(no ${by})`,
    ]),
  );
}
