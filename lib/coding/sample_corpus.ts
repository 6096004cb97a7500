/**
 * From a corpus to a sample to code: analyse every article (on the workers,
 * as `analyze` does), build the population of coding units, draw the sample,
 * then read the texts of the sampled articles again for the coding page, so
 * that only the sampled texts are ever held in memory.
 *
 * @module
 */
import type { AnalyzeOptions } from "../analyze.ts";
import type { Failure } from "../corpus/corpus.ts";
import { streamCorpus, type StreamCorpusOptions } from "../corpus/stream_corpus.ts";
import type { LoadResourcesOptions } from "../resources.ts";
import { analyzeStream } from "../run/analyze_stream.ts";
import type { CodingRecord } from "../run/coding_record.ts";
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
      passages.set(
        article.id,
        article.segments.filter((s) => READ_VOICES.includes(s.voice)).map((s) => ({
          start: s.start,
          end: s.end,
          voice: s.voice,
        })),
      );
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
