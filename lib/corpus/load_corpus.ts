/**
 * Loading a whole corpus into memory: {@linkcode streamCorpus} collected.
 * Every input is accounted for: it becomes an article or a listed failure.
 *
 * @module
 */
import type { Corpus } from "./corpus.ts";
import { streamCorpus, type StreamCorpusOptions } from "./stream_corpus.ts";

/** Options for {@linkcode loadCorpus}: those of `streamCorpus`. */
export type LoadCorpusOptions = StreamCorpusOptions;

/**
 * Loads articles from any mix of paths: a folder of `.txt`/`.md` files with
 * an optional `manifest.json` or `manifest.csv`, a single text file, a JSONL
 * file (one article a line) or a CSV file with a text column. For corpora too
 * large to hold, use `streamCorpus`.
 *
 * @param paths Files and folders to read.
 * @returns The articles, the failures with their reasons, and notes on defaults used, each in input order.
 *
 * @example One bad line never stops the others
 * ```ts
 * import { loadCorpus } from "@framing/toolkit";
 * import { strictEqual } from "node:assert/strict";
 *
 * const file = await Deno.makeTempFile({ suffix: ".jsonl" });
 * await Deno.writeTextFile(file, '{"id": "a", "text": "Hello."}\nnot json\n');
 * const corpus = await loadCorpus([file]);
 * strictEqual(corpus.articles.length, 1);
 * strictEqual(corpus.failures.length, 1);
 * ```
 */
export async function loadCorpus(
  paths: readonly string[],
  options: LoadCorpusOptions = {},
): Promise<Corpus> {
  const corpus: Corpus = { articles: [], failures: [], notes: [] };
  for await (const item of streamCorpus(paths, options)) {
    if ("article" in item) corpus.articles.push(item.article);
    else if ("failure" in item) corpus.failures.push(item.failure);
    else corpus.notes.push(item.note);
  }
  return corpus;
}
