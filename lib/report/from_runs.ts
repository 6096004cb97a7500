/**
 * The report's analysis document built from corpus runs (`report --from
 * RUN.jsonl ...`) instead of analysing the texts again.
 *
 * @module
 */
import { ANALYSIS_FORMAT, type AnalysisDocument } from "../analysis.ts";
import type { Corpus } from "../corpus/corpus.ts";
import type { Provenance } from "../provenance.ts";
import { compactArticle } from "../run/compact_article.ts";
import { fromCompact, readRuns } from "../run/read_runs.ts";

/** What {@linkcode runDocument} gives. */
export interface RunDocument {
  /** The analysis document of the runs' articles. */
  doc: AnalysisDocument;
  /** Whether the records hold their evidence (every line full) or not (any line compact). */
  mode: "full" | "compact";
  /** Notes for the report: files, evidence left out and how to get it, provenance. */
  notes: string[];
}

/**
 * Reads the runs and makes the analysis document the report is built from.
 * When any line is compact, every article is reduced to its compact record
 * (so that all are compared alike), and a note says that the evidence
 * sentences were left out and which command keeps them.
 *
 * @param paths The runs' JSONL files (shards in order).
 * @param fallback The provenance to use when the first file has none beside it.
 * @returns The document, its mode and notes.
 * @throws {InputError} As `readRuns` does.
 *
 * @example
 * ```ts
 * import { runDocument } from "./from_runs.ts";
 * import { rejects } from "node:assert/strict";
 *
 * await rejects(runDocument([], {} as never), /no file given/);
 * ```
 */
export async function runDocument(
  paths: readonly string[],
  fallback: Provenance,
): Promise<RunDocument> {
  const runs = await readRuns(paths);
  const notes = [
    `Built from ${runs.articles.length} analysed articles in ${paths.length} run file(s) ` +
    `(${
      runs.files.map(([f, full, compact]) =>
        `${f}: ${full > 0 ? `${full} full` : ""}${full > 0 && compact > 0 ? ", " : ""}${
          compact > 0 ? `${compact} compact` : ""
        }`
      ).join("; ")
    }), without analysing the texts again.`,
    ...runs.notes,
  ];
  if (runs.mode === "compact") {
    notes.push(
      "Evidence sentences were left out: the run is compact (analyze --compact keeps no text, " +
        "sentences, hits or mentions), so no row opens into its sentences and there is no " +
        "keyness, sentiment arc or co-occurrence. `deno task analyze PATHS --jsonl RUN.jsonl` " +
        "(without --compact) keeps them; `deno task report --from RUN.jsonl` then shows them.",
    );
  }
  const noIntervals = runs.articles.filter((a) => a.actors.some((r) => r.ci === undefined)).length;
  if (noIntervals > 0) {
    notes.push(
      `The actor rows of ${noIntervals} of ${runs.articles.length} articles carry no intervals ` +
        "over mentions (analyze --compact leaves them out: a comparison of groups resamples " +
        "articles and does not read them), so per-article actor figures and tables show none. " +
        "`deno task analyze ... --compact --intervals` keeps them.",
    );
  }
  if (runs.provenance === undefined) {
    notes.push("The provenance shown is this toolkit's, not a record of the run.");
  }
  const articles = runs.mode === "full"
    ? runs.articles
    : runs.articles.map((a) => a.sentences.length > 0 ? fromCompact(compactArticle(a)) : a);
  return {
    doc: {
      format: ANALYSIS_FORMAT.name,
      formatVersion: ANALYSIS_FORMAT.version,
      provenance: runs.provenance ?? fallback,
      articles,
      failures: [],
      notes: [],
    },
    mode: runs.mode,
    notes,
  };
}

/**
 * The texts a run's records hold, as a corpus (for the steps that read text,
 * such as suggesting actors): the full output holds them; compact records
 * hold none, and are left out with a note.
 *
 * @param doc A document from {@linkcode runDocument} (or `analyse` with `from`).
 * @returns The corpus of the records that hold their text.
 *
 * @example
 * ```ts
 * import { corpusOfRun } from "./from_runs.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const doc = { notes: [], articles: [
 *   { id: "a", meta: { id: "a", language: "en", inferred: [] }, origin: "x", warnings: [], text: "Hi.", length: 3 },
 *   { id: "b", meta: { id: "b", language: "en", inferred: [] }, origin: "y", warnings: [], text: "", length: 9 },
 * ] } as never;
 * const corpus = corpusOfRun(doc);
 * strictEqual(corpus.articles.length, 1);
 * strictEqual(corpus.notes.length, 1);
 * ```
 */
export function corpusOfRun(doc: AnalysisDocument): Corpus {
  const withText = doc.articles.filter((a) => a.text.length > 0 || a.length === 0);
  const left = doc.articles.length - withText.length;
  return {
    articles: withText.map((a) => ({
      meta: a.meta,
      text: a.text,
      origin: a.origin,
      warnings: a.warnings,
    })),
    failures: [],
    notes: left === 0 ? [] : [
      `${left} of ${doc.articles.length} records hold no text (a compact run): the steps that ` +
      "read text leave them out; analyze without --compact keeps the text.",
    ],
  };
}
