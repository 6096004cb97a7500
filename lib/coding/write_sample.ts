/**
 * Writing a sample to code into a folder: `units.jsonl` (every unit of the
 * population, drawn or not), `codebook.yaml` (kept when the folder has one:
 * the researcher may have edited it) and `coding.html` (the offline page).
 *
 * @module
 */
import { join, resolve } from "node:path";
import { codebookYaml, DEFAULT_CODEBOOK, loadCodebook } from "./codebook.ts";
import { codingPage } from "./page.ts";
import type { AnalysedArticle } from "../analysis.ts";
import {
  sampleAnalysis,
  sampleCorpus,
  type SampleCorpusOptions,
  type SampledCorpus,
} from "./sample_corpus.ts";
import type { Codebook } from "./schema.ts";

/** Options of {@linkcode writeSample}. */
export interface WriteSampleOptions extends SampleCorpusOptions {
  /** The codebook file. @default OUT/codebook.yaml when it exists, else the toolkit's default */
  codebook?: string;
  /** Show the articles' metadata while coding. @default false */
  showMeta?: boolean;
}

/** What {@linkcode writeSample} did. */
export interface WrittenSample extends SampledCorpus {
  /** The files written (the codebook only when it was new). */
  files: string[];
  /** The codebook used. */
  codebook: Codebook;
  /** Where the codebook came from: a file, or `"default"`. */
  codebookSource: string;
}

/** Whether a file is there (any error reading its status counts as no). */
const exists = (path: string) => Deno.stat(path).then(() => true, () => false);

/**
 * Analyses the corpus (or takes articles analysed before), draws the sample
 * and writes the three files.
 *
 * @param paths The corpus (folders, text files, JSONL, CSV), or its analysed
 *   articles (`sampleAnalysis`: nothing is analysed again).
 * @param out The folder to write into (made if missing).
 * @param options The units, the design, the codebook, how to analyse.
 * @returns The population and sample, and the files written.
 * @throws {InputError} When the codebook file is not a codebook.
 * @throws {RangeError} When the design is not one of `n`, `perGroup` and `all`.
 */
export async function writeSample(
  paths: readonly string[] | { articles: readonly AnalysedArticle[] },
  out: string,
  options: WriteSampleOptions,
): Promise<WrittenSample> {
  const bookPath = options.codebook ?? join(out, "codebook.yaml");
  const kept = await exists(bookPath);
  const codebook = options.codebook !== undefined || kept
    ? await loadCodebook(bookPath)
    : DEFAULT_CODEBOOK;
  const result = "articles" in paths
    ? sampleAnalysis(paths, options)
    : await sampleCorpus(paths, options);
  await Deno.mkdir(out, { recursive: true });
  const files: string[] = [];
  const units = join(out, "units.jsonl");
  const lines = result.units.map((u) => JSON.stringify(u)).join("\n");
  await Deno.writeTextFile(units, lines + (lines ? "\n" : ""));
  files.push(units);
  // The folder's codebook is the one the page asks: a codebook given as a file replaces it.
  const book = join(out, "codebook.yaml");
  if (options.codebook !== undefined && resolve(options.codebook) !== resolve(book)) {
    await Deno.copyFile(options.codebook, book);
    files.push(book);
  } else if (!(await exists(book))) {
    await Deno.writeTextFile(book, codebookYaml(codebook));
    files.push(book);
  }
  const drawn = result.units.filter((u) => u.sampled);
  const page = join(out, "coding.html");
  await Deno.writeTextFile(
    page,
    codingPage(drawn, result.articles, codebook, {
      coders: options.coders,
      showMeta: options.showMeta,
      title: `Coding: ${drawn.length} units`,
      seed: options.seed,
    }),
  );
  files.push(page);
  return {
    ...result,
    files,
    codebook,
    codebookSource: options.codebook !== undefined || kept ? bookPath : "default",
  };
}
