/**
 * From a corpus to a sample to code: analyse every article (on the workers,
 * as `analyze` does), build the population of coding units, draw the sample,
 * then read the texts of the sampled articles again for the coding page, so
 * that only the sampled texts are ever held in memory.
 *
 * @module
 */
import type { AnalysedArticle } from "../analysis.ts";
import type { AnalyzeOptions } from "../analyze.ts";
import type { Failure } from "../corpus/corpus.ts";
import { streamCorpus, type StreamCorpusOptions } from "../corpus/stream_corpus.ts";
import type { LoadResourcesOptions } from "../resources.ts";
import { analyzeStream } from "../run/analyze_stream.ts";
import { type CodingRecord, codingRecord } from "../run/coding_record.ts";
import type { Voice } from "../voice.ts";
import { drawSample, type SampleOptions } from "./sample.ts";
import type { CodingUnit, UnitKind } from "./schema.ts";
import { articleUnits } from "./units.ts";

/** The voices a coder reads: the headline and the author's text with its quotations. */
export const READ_VOICES: readonly Voice[] = ["title", "body", "quote"];

/** An article as the coding page shows it. */
export interface PageArticle {
  id: string;
  title?: string;
  text: string;
  /** The stretches of `text` the coder reads, in order (the voices of {@linkcode READ_VOICES}). */
  passages: { start: number; end: number; voice: string }[];
}

/** Options of {@linkcode sampleCorpus}. */
export interface SampleCorpusOptions extends SampleOptions {
  /** The voice whose actors are coded. @default "body" */
  voice?: Voice;
  /** One unit per article × actor, or per mention. @default "actor" */
  unit?: UnitKind;
  /** Display names by actor id. */
  actorNames?: Readonly<Record<string, string>>;
  /** Workers that analyse (0: this thread). */
  workers?: number;
  /** Lexicon files. */
  resources?: LoadResourcesOptions;
  /** Analysis options. */
  analyze?: AnalyzeOptions;
  /** How the corpus is read (CSV text column, id field, longest article). */
  read?: StreamCorpusOptions;
}

/** The population with its sample, the sampled articles, and what failed. */
export interface SampledCorpus {
  units: CodingUnit[];
  articles: PageArticle[];
  failures: Failure[];
  notes: string[];
  /** Articles analysed. */
  analysed: number;
}

/**
 * Analyses the corpus, builds its coding units and draws the sample.
 *
 * @param paths What the report takes: folders, text files, JSONL, CSV.
 * @param options The units, the design and how to analyse.
 * @returns Every unit (sampled or not) and the sampled articles' texts.
 */
export async function sampleCorpus(
  paths: readonly string[],
  options: SampleCorpusOptions,
): Promise<SampledCorpus> {
  const units: CodingUnit[] = [];
  const failures: Failure[] = [];
  const notes: string[] = [];
  const passages = new Map<string, PageArticle["passages"]>();
  const decoder = new TextDecoder();
  let analysed = 0;
  for await (
    const item of analyzeStream(streamCorpus(paths, options.read), {
      workers: options.workers,
      resources: options.resources,
      analyze: options.analyze,
      coding: true,
    })
  ) {
    if ("note" in item) notes.push(item.note);
    else if ("failure" in item) failures.push(item.failure);
    else {
      analysed++;
      const article = JSON.parse(decoder.decode(item.record.line)) as CodingRecord;
      const own = articleUnits(article, options);
      if (own.length === 0) continue;
      units.push(...own);
      passages.set(article.id, passagesOf(article));
    }
  }
  const drawn = drawSample(units, options);
  const wanted = new Set(drawn.filter((u) => u.sampled).map((u) => u.article));
  const articles: PageArticle[] = [];
  if (wanted.size > 0) {
    for await (const item of streamCorpus(paths, options.read)) {
      if (!("article" in item)) continue;
      const id = item.article.meta.id;
      if (!wanted.has(id)) continue;
      articles.push({
        id,
        title: item.article.meta.title,
        text: item.article.text,
        passages: passages.get(id) ?? [],
      });
      wanted.delete(id);
      if (wanted.size === 0) break;
    }
  }
  return { units: drawn, articles, failures, notes, analysed };
}

/** The stretches of an article a coder reads (the voices of {@linkcode READ_VOICES}). */
function passagesOf(article: Pick<CodingRecord, "segments">): PageArticle["passages"] {
  return article.segments.filter((s) => READ_VOICES.includes(s.voice)).map((s) => ({
    start: s.start,
    end: s.end,
    voice: s.voice,
  }));
}

/**
 * Builds the coding units of articles analysed before (e.g. by `analyse` in
 * a notebook) and draws the sample, without analysing them again: the same
 * units and sample as {@linkcode sampleCorpus} on their texts with the same
 * settings (tested).
 *
 * @param doc The analysed articles: full records, which hold the texts and
 *   mentions (not the compact records of `analyze --compact`).
 * @param options The units and the design (`workers`, `resources`,
 *   `analyze` and `read` are not used: nothing is analysed or read).
 * @returns Every unit (sampled or not) and the sampled articles' texts.
 * @throws {RangeError} When an article holds no text (a compact record).
 *
 * @example
 * ```ts
 * import { sampleAnalysis } from "./sample_corpus.ts";
 * import { analyzeCorpus, loadCorpus, loadResources } from "@framing/toolkit";
 * import { ok } from "node:assert/strict";
 *
 * const doc = analyzeCorpus(await loadCorpus(["data/corpus"]), await loadResources(), { resamples: 50 });
 * const r = sampleAnalysis(doc, { all: true, by: "outlet", seed: 1 });
 * ok(r.units.length > 0 && r.units.every((u) => u.sampled));
 * ok(r.articles.every((a) => a.text.length > 0 && a.passages.length > 0));
 * ```
 */
export function sampleAnalysis(
  doc: { articles: readonly AnalysedArticle[]; failures?: readonly Failure[] },
  options: SampleCorpusOptions,
): SampledCorpus {
  const units: CodingUnit[] = [];
  for (const a of doc.articles) {
    if (a.text === "" && a.length > 0) {
      throw new RangeError(
        `Cannot sample from article "${a.id}": its record holds no text or mentions (a compact ` +
          "record of analyze --compact); sample from the texts, or from a full run",
      );
    }
    units.push(...articleUnits(codingRecord(a), options));
  }
  const drawn = drawSample(units, options);
  const wanted = new Set(drawn.filter((u) => u.sampled).map((u) => u.article));
  const articles: PageArticle[] = doc.articles.filter((a) => wanted.has(a.id)).map((a) => ({
    id: a.id,
    title: a.meta.title,
    text: a.text,
    passages: passagesOf(a),
  }));
  return {
    units: drawn,
    articles,
    failures: [...doc.failures ?? []],
    notes: [],
    analysed: doc.articles.length,
  };
}
