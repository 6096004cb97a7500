/**
 * The report's section of every article and voice (see
 * {@linkcode perArticleSection}).
 *
 * @module
 */
import type { AnalysedArticle, AnalysisDocument } from "../analysis.ts";
import type { HumanCoding } from "../coding/human_coding.ts";
import type { DifferenceRow } from "../compare/compare_groups.ts";
import type { Voice } from "../voice.ts";
import { escapeHtml as h } from "./html.ts";
import { DASH } from "../tables/format.ts";
import {
  ci,
  type Ctx,
  metaValue,
  metricGrid,
  num,
  sentenceItem,
  spansFor,
} from "./_report_parts.ts";

/**
 * The section "Per article, every voice": each article's actor, topic and
 * stance rows, each opening into the sentences that made it, an article at a
 * time.
 *
 * @param doc The analysis.
 * @param ctx The report's context.
 * @param coding People's codes, shown beside the model's stance.
 * @param shown The articles listed (`shownArticles`). @default every article
 * @param note The paragraph saying which articles are listed, when not all (`sampleNote`).
 * @returns The section's HTML in pieces.
 *
 * @example
 * ```ts
 * import { perArticleSection } from "./article_section.ts";
 * import { ok } from "node:assert/strict";
 *
 * const none = [...perArticleSection({ articles: [] } as never, {} as never)].join("");
 * ok(none.includes("No articles."));
 * ```
 */
export function* perArticleSection(
  doc: AnalysisDocument,
  ctx: Ctx,
  coding?: HumanCoding,
  shown: readonly AnalysedArticle[] = doc.articles,
  note = "",
): Generator<string> {
  const coded = new Map((coding?.cells ?? []).map((c) => [`${c.article}\u0000${c.actor}`, c]));
  const codeCell = (article: string, actor: string, voice: Voice) => {
    const c = voice === "body" ? coded.get(`${article}\u0000${actor}`) : undefined;
    if (!c) return `<span class="none">${DASH}</span>`;
    return c.code === null
      ? '<span class="none">cannot tell</span>'
      : `<strong>${num(c.code, 2)}</strong> (${c.coders})`;
  };
  if (doc.articles.length === 0) {
    yield '<p class="none">No articles.</p>';
    return;
  }
  yield "<p>Every actor, topic and stance row of every article and voice (rows with no hits " +
    "left out). Actor intervals resample mentions; rates are per 1,000 words of the voice.</p>";
  yield note;
  for (const [i, a] of shown.entries()) {
    yield (i > 0 ? "\n" : "") + articleRows(a);
  }
  function articleRows(a: AnalysedArticle): string {
    const sentencesOf = (
      pick: (s: number) => boolean,
    ) => [...new Set(a.sentences.map((s) => s.index).filter(pick))];
    const rowsFor = (
      table: DifferenceRow["table"],
      feature: string,
      voice: Voice,
      sentences: number[],
    ) => {
      const shown = sentences.slice(0, ctx.evidenceLimit);
      const items = shown.map((i) => {
        const { spans, note } = spansFor(a, table, feature, voice, i, ctx);
        return sentenceItem(a, i, spans, note);
      });
      return `<h4>${sentences.length} sentence(s)${
        shown.length < sentences.length ? `, first ${shown.length} shown` : ""
      }</h4><ol>${items.join("\n")}</ol>`;
    };
    const actors = metricGrid(
      [
        "actor",
        "voice",
        "mentions",
        ...(coding ? ["people's code (coders)", "model stance"] : ["stance"]),
        "interval",
        "evaluating + / −",
        "mean",
      ],
      a.actors.map((r) => ({
        cells: [
          h(r.actor),
          h(r.voice),
          String(r.mentions),
          ...(coding ? [codeCell(a.id, r.actor, r.voice)] : []),
          num(r.stance, 3),
          ci(r.stanceCi),
          `${r.positive} / ${r.negative}`,
          num(r.score, 3),
        ],
        body: () => {
          const idx = new Set(
            a.mentions.filter((m) => m.actor === r.actor && m.voice === r.voice)
              .map((m) => m.sentence),
          );
          return rowsFor("actors", r.actor, r.voice, sentencesOf((i) => idx.has(i)));
        },
      })),
      coding ? "art8" : "art",
    );
    const hitRows = (table: "topics" | "stance") => {
      const rows = table === "topics"
        ? a.topics.map((t) => ({
          feature: t.topic,
          voice: t.voice,
          hits: t.hits,
          per1k: t.per1k,
        }))
        : a.stance.map((t) => ({
          feature: t.category,
          voice: t.voice,
          hits: t.hits,
          per1k: t.per1k,
        }));
      return metricGrid(
        [table === "topics" ? "topic" : "category", "voice", "hits", "per 1,000 words"],
        rows.filter((r) => r.hits > 0).map((r) => ({
          cells: [h(r.feature), h(r.voice), String(r.hits), num(r.per1k)],
          body: () => {
            const idx = new Set(
              a.hits.filter((x) =>
                x.category === r.feature && x.voice === r.voice &&
                (table === "topics") === ctx.topicLexicons.has(x.lexicon)
              ).map((x) => x.sentence),
            );
            return rowsFor(table, r.feature, r.voice, sentencesOf((i) => idx.has(i)));
          },
        })),
        "art4",
      );
    };
    return `<h3><code>${h(a.id)}</code> ${metaValue(a, "title")}</h3>` +
      `<h4>Actors</h4>${actors}<h4>Topics</h4>${hitRows("topics")}<h4>Stance markers</h4>${
        hitRows("stance")
      }`;
  }
}
