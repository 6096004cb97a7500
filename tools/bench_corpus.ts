/**
 * A news-like benchmark corpus made from the articles the toolkit ships
 * (`data/corpus`): the sentences of their title, body and quote voices,
 * recombined by a seeded shuffle into articles of two to six paragraphs under
 * a headline. Nothing is downloaded; the same seed and size give the same
 * corpus, byte for byte.
 *
 * @module
 */
import { tokenizeArticle } from "../lib/analyze.ts";
import { loadCorpus } from "../lib/corpus/load_corpus.ts";
import { mulberry32 } from "../lib/stats/random.ts";

/** One article of the benchmark corpus, as a JSONL record holds it. */
export interface BenchArticle {
  id: string;
  title: string;
  date: string;
  text: string;
}

/** Options for {@linkcode benchCorpus}. */
export interface BenchCorpusOptions {
  /** Seed of the shuffle. @default 1 */
  seed?: number;
  /** Folder of the source articles. @default the toolkit's data/corpus */
  source?: string;
}

const SOURCE = new URL("../data/corpus", import.meta.url).pathname;

/** Sentences of the shipped articles, split into headline-like and body sentences. */
async function sourceSentences(source: string): Promise<{ titles: string[]; body: string[] }> {
  const corpus = await loadCorpus([source]);
  const titles: string[] = [];
  const body: string[] = [];
  for (const article of corpus.articles) {
    const t = tokenizeArticle(article);
    for (const s of t.sentences) {
      const text = article.text.slice(s.start, s.end).replace(/\s+/g, " ").trim();
      const words = text.split(" ").length;
      if (s.voice === "title") titles.push(text);
      else if ((s.voice === "body" || s.voice === "quote") && words >= 4) body.push(text);
    }
  }
  if (body.length === 0) {
    throw new RangeError(`Cannot build a corpus from "${source}": no sentences`);
  }
  for (const s of body) if (s.split(" ").length <= 14 && !/[.!?:]$/.test(s)) titles.push(s);
  return { titles, body };
}

/**
 * Yields about `bytes` bytes (UTF-8 of the texts) of news-like articles.
 *
 * @param bytes Target size of the texts together.
 * @returns Articles with ids `bench-000001`, ... in a fixed order.
 *
 * @example The same seed gives the same articles
 * ```ts
 * import { benchCorpus } from "./bench_corpus.ts";
 * import { deepStrictEqual, ok } from "node:assert/strict";
 *
 * const a = await Array.fromAsync(benchCorpus(20_000));
 * const b = await Array.fromAsync(benchCorpus(20_000));
 * deepStrictEqual(a, b);
 * ok(a.length > 2);
 * ```
 */
export async function* benchCorpus(
  bytes: number,
  options: BenchCorpusOptions = {},
): AsyncGenerator<BenchArticle> {
  const { titles, body } = await sourceSentences(options.source ?? SOURCE);
  const random = mulberry32(options.seed ?? 1);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const encoder = new TextEncoder();
  let total = 0;
  for (let n = 1; total < bytes; n++) {
    const paragraphs: string[] = [];
    const count = 2 + Math.floor(random() * 5);
    for (let p = 0; p < count; p++) {
      const sentences: string[] = [];
      const length = 2 + Math.floor(random() * 4);
      for (let s = 0; s < length; s++) sentences.push(pick(body));
      paragraphs.push(sentences.join(" "));
    }
    const title = pick(titles);
    const text = `${title}\n\n${paragraphs.join("\n\n")}\n`;
    total += encoder.encode(text).length;
    const day = 1 + (n % 28);
    yield {
      id: `bench-${String(n).padStart(6, "0")}`,
      title,
      date: `2023-11-${String(day).padStart(2, "0")}`,
      text,
    };
  }
}
