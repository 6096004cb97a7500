/**
 * The sentences behind a compared figure, as text: a row of
 * `compareGroups()` names its evidence sentences by article and offsets; this
 * opens them into the sentence's words and the hits or mentions in it.
 *
 * @module
 */
import type { DifferenceRow } from "../compare/compare_groups.ts";
import type { HasArticles } from "./tidy.ts";

/** One evidence sentence of a compared figure. */
export interface EvidenceRow {
  /** `"A"` for the row's `groupA`, `"B"` for `groupB`. */
  side: "A" | "B";
  group: string;
  article: string;
  /** The sentence's index in the article. */
  sentence: number;
  start: number;
  end: number;
  /** The sentence's text, runs of whitespace as one space. */
  text: string;
  /**
   * What counted in the sentence: the matched words of the topic or stance
   * category, or the actor's mentions with their scores (`"Tokayev (+0.25)"`).
   */
  matches: string[];
}

/** Options for {@linkcode evidenceTable}. */
export interface EvidenceTableOptions {
  /**
   * Sentences listed per side, in the order of the row's evidence.
   * @default 5
   */
  perSide?: number;
}

/**
 * Opens a comparison row's evidence references into sentences and the
 * words that counted in each.
 *
 * @param doc The analysed articles the comparison was made from (the analysis document).
 * @param row A row of `compareGroups().rows`.
 * @param options How many sentences per side.
 * @returns Evidence rows, side A first.
 * @throws {RangeError} If a reference names an article or sentence that is not in `doc`.
 *
 * @example
 * ```ts
 * import { analyzeCorpus, compareGroups, evidenceTable, loadCorpus, loadResources } from "@framing/toolkit";
 * import { ok } from "node:assert/strict";
 *
 * const doc = analyzeCorpus(await loadCorpus(["data/corpus"]), await loadResources(), { resamples: 50 });
 * const comparison = compareGroups(doc, { resamples: 50 });
 * const row = comparison.rows.find((r) => r.table === "topics" && r.evidenceCountA > 0)!;
 * const rows = evidenceTable(doc, row, { perSide: 2 });
 * ok(rows.length > 0 && rows.every((r) => r.matches.length > 0 && r.text.length > 0));
 * ```
 */
export function evidenceTable(
  doc: HasArticles,
  row: Pick<DifferenceRow, "table" | "feature" | "voice" | "groupA" | "groupB"> & {
    evidenceA: readonly DifferenceRow["evidenceA"][number][];
    evidenceB: readonly DifferenceRow["evidenceB"][number][];
  },
  options: EvidenceTableOptions = {},
): EvidenceRow[] {
  const perSide = options.perSide ?? 5;
  if (!Number.isInteger(perSide) || perSide < 0) {
    throw new RangeError(`perSide must be a non-negative integer, got ${perSide}`);
  }
  const sides = [["A", row.groupA, row.evidenceA], ["B", row.groupB, row.evidenceB]] as const;
  return sides.flatMap(([side, group, refs]) =>
    refs.slice(0, perSide).map((ref) => {
      const article = doc.articles.find((a) => a.id === ref.article);
      const sentence = article?.sentences.find((s) => s.index === ref.sentence);
      if (!article || !sentence) {
        throw new RangeError(
          `Evidence "${ref.article}" sentence ${ref.sentence} is not in the analysed articles`,
        );
      }
      const topicLexicons = new Set(article.topics.map((t) => t.lexicon ?? "topics"));
      const inTable = (lexicon: string) =>
        row.table === "topics" ? topicLexicons.has(lexicon) : !topicLexicons.has(lexicon);
      const matches = row.table === "actors"
        ? article.mentions
          .filter((m) =>
            m.sentence === ref.sentence && m.voice === row.voice && m.actor === row.feature
          )
          .map((m) => `${m.form} (${m.score >= 0 ? "+" : ""}${m.score.toFixed(2)})`)
        : article.hits
          .filter((h) =>
            h.sentence === ref.sentence && h.voice === row.voice && h.category === row.feature &&
            inTable(h.lexicon)
          )
          .map((h) => h.form);
      return {
        side,
        group,
        article: article.id,
        sentence: ref.sentence,
        start: ref.start,
        end: ref.end,
        text: article.text.slice(ref.start, ref.end).replace(/\s+/g, " ").trim(),
        matches,
      };
    })
  );
}
