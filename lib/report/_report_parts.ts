/**
 * Private: the pieces the report's sections share (the context of a report,
 * intervals and metadata values, the grids whose rows open into their
 * evidence, and marked evidence sentences).
 *
 * @module
 */
import type { AnalysedArticle } from "../analysis.ts";
import type { DifferenceRow } from "../compare/compare_groups.ts";
import type { Voice } from "../voice.ts";
import { cueSpans, highlightText, type MarkSpan } from "./evidence.ts";
import { escapeHtml as h } from "./html.ts";
import { DASH, formatInterval, formatNumber } from "../tables/format.ts";

/** What the report's sections share: the articles by id and the evidence limits. */
export interface Ctx {
  articles: Map<string, AnalysedArticle>;
  evidenceLimit: number;
  kwicLimit: number;
  topicLexicons: Set<string>;
}

/** A number as the report prints it. */
export const num = formatNumber;

/** An interval, or a dash where the run computed none (`analyze --compact` without `--intervals`). */
export function ci(c: readonly (number | null)[] | undefined): string {
  return `<span class="ci">${c === undefined ? DASH : formatInterval(c)}</span>`;
}

/** A metadata value, marked when the source says it was inferred. */
export function metaValue(a: { meta: AnalysedArticle["meta"] }, field: string): string {
  const v = (a.meta as Record<string, unknown>)[field];
  if (v === undefined || v === null || v === "") return `<span class="none">${DASH}</span>`;
  const inferred = a.meta.inferred.includes(field) ? ' <em class="inferred">(inferred)</em>' : "";
  return `${h(typeof v === "string" ? v : JSON.stringify(v))}${inferred}`;
}

/** A row of {@linkcode metricGrid}: its cells, and the evidence it opens into. */
export interface GridRow {
  cells: string[];
  body: () => string;
}

/** A table whose rows open (`<details>`) into their evidence. */
export function metricGrid(head: readonly string[], rows: readonly GridRow[], cls: string): string {
  const line = (cells: readonly string[]) => cells.map((c) => `<span>${c}</span>`).join("");
  return `<div class="grid ${cls}"><div class="head">${line(head.map((x) => h(x)))}</div>${
    rows.map((r) =>
      `<details class="metric"><summary>${
        line(r.cells)
      }</summary><div class="evidence">${r.body()}</div></details>`
    ).join("\n")
  }</div>`;
}

/** The spans that make a comparison row's (or an article row's) figure in one sentence. */
export function spansFor(
  article: AnalysedArticle,
  table: DifferenceRow["table"],
  feature: string,
  voice: Voice,
  sentence: number,
  ctx: Ctx,
): { spans: MarkSpan[]; note: string } {
  if (table === "actors") {
    const ms = article.mentions.filter((m) =>
      m.actor === feature && m.voice === voice && m.sentence === sentence
    );
    const spans = ms.flatMap((m) => [
      {
        start: m.start,
        end: m.end,
        kind: "actor",
        label: `${m.actor} (${m.via}), mention score ${num(m.score, 3)}`,
      },
      ...cueSpans(m.evidence),
    ]);
    return { spans, note: ms.map((m) => `score ${num(m.score, 3)}`).join(", ") };
  }
  const hits = article.hits.filter((x) =>
    x.category === feature && x.voice === voice && x.sentence === sentence &&
    (table === "topics") === ctx.topicLexicons.has(x.lexicon)
  );
  return {
    spans: hits.map((x) => ({
      start: x.start,
      end: x.end,
      kind: "hit",
      label: `${x.lexicon}: ${x.category} (entry "${x.entry}")`,
    })),
    note: `${hits.length} hit(s)`,
  };
}

/** A sentence of an article as a list item, its spans marked. */
export function sentenceItem(
  article: AnalysedArticle,
  index: number,
  spans: MarkSpan[],
  note: string,
): string {
  const s = article.sentences.find((x) => x.index === index);
  if (!s) return `<li>sentence ${index} of <code>${h(article.id)}</code> not found</li>`;
  return `<li><span class="where"><code>${h(article.id)}</code> · sentence ${s.index} · ${
    h(s.voice)
  } · ${h(note)}</span> ${highlightText(article.text, s, spans)}</li>`;
}
