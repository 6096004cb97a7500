/**
 * Analysing a streamed corpus on worker processes or threads, with results in
 * input order.
 *
 * @module
 */
import type { AnalyzeOptions } from "../analyze.ts";
import type { CorpusItem, Failure } from "../corpus/corpus.ts";
import { type AnalysisResources, loadResources, type LoadResourcesOptions } from "../resources.ts";
import { articleRecord } from "./article_record.ts";
import { type EncodedRecord, encodeRecord } from "./encoded_record.ts";
import { canStartProcesses, ProcessPool } from "./process_pool.ts";
import { type PoolResult, WorkerPool } from "./worker_pool.ts";

/** One result of a run, in input order. `bytes` is the input the item took. */
export type RunItem =
  | { record: EncodedRecord; bytes: number }
  | { failure: Failure; bytes: number }
  | { note: string };

/** Options for {@linkcode analyzeStream}. */
export interface AnalyzeStreamOptions {
  /** Workers; 0 analyses on the calling thread. @default navigator.hardwareConcurrency */
  workers?: number;
  /**
   * What a worker is: a process of its own (`deno run`, which needs the
   * permission to run it; two processes run at the machine's full speed) or
   * a thread of this process (no extra permission; threads slow each other).
   * @default "process" where the toolkit is on disk, else "thread"
   */
  isolation?: Isolation;
  /**
   * Articles sent to workers and not yet written, at most.
   * @default 4 × workers for processes, 2 × workers for threads (2 for 0 workers)
   */
  inFlight?: number;
  /** Lexicon files. @default the toolkit's own */
  resources?: LoadResourcesOptions;
  /**
   * The lexicons of `resources`, when the caller has loaded them already (to
   * check them before the run): with 0 workers they are used as they are, not
   * read and validated a second time. @default none
   */
  preloaded?: AnalysisResources;
  /** Analysis options. @default {} */
  analyze?: AnalyzeOptions;
  /** Compact JSON lines (`CompactArticle`) instead of full ones. @default false */
  compact?: boolean;
  /** Coding lines (`codingRecord`: what `code sample` reads) instead of full ones. @default false */
  coding?: boolean;
}

/** What a worker is: its own process, or a thread of this one. */
export type Isolation = "process" | "thread";

/** The default worker count: the machine's logical cores. */
export function defaultWorkers(): number {
  return Math.max(1, navigator.hardwareConcurrency || 1);
}

/**
 * Analyses the articles of a corpus stream on `workers` threads and yields
 * every item in input order, whatever order the workers finish in. At most
 * `inFlight` articles are held at a time (sent, being analysed, or finished
 * and waiting for an earlier one), so memory does not grow with the corpus.
 * An article whose analysis fails becomes a failure with the reason.
 *
 * @param items The corpus, e.g. from `streamCorpus`.
 * @returns Records, failures and notes, in the order the items came.
 *
 * @example The same order on one thread and on two workers
 * ```ts
 * import { analyzeStream } from "./analyze_stream.ts";
 * import { streamCorpus } from "../corpus/stream_corpus.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const ids = async (workers: number) => {
 *   const out = [];
 *   const items = streamCorpus(["data/corpus"]);
 *   for await (const r of analyzeStream(items, { workers, analyze: { resamples: 50 } })) {
 *     if ("record" in r) out.push(new TextDecoder().decode(r.record.line));
 *   }
 *   return out;
 * };
 * deepStrictEqual(await ids(0), await ids(2));
 * ```
 */
export async function* analyzeStream(
  items: AsyncIterable<CorpusItem>,
  options: AnalyzeStreamOptions = {},
): AsyncGenerator<RunItem> {
  const workers = options.workers ?? defaultWorkers();
  if (!Number.isInteger(workers) || workers < 0) {
    throw new RangeError(`Cannot use ${JSON.stringify(workers)} workers: expected an integer >= 0`);
  }
  const isolation = options.isolation ?? (canStartProcesses() ? "process" : "thread");
  // Processes hand records over through a pipe, more slowly than threads: a
  // wider window keeps them busy while the caller writes.
  const limit = options.inFlight ??
    Math.max(2, (workers > 0 && isolation === "process" ? 4 : 2) * workers);
  const analyze = options.analyze ?? {};
  const compact = options.compact ?? false;
  const coding = options.coding ?? false;
  let run: (item: Extract<CorpusItem, { article: unknown }>) => Promise<PoolResult>;
  let pool: WorkerPool | ProcessPool | undefined;
  if (workers === 0) {
    const resources = options.preloaded ?? await loadResources(options.resources);
    run = (item) => {
      try {
        const record = articleRecord(item.article, resources, analyze, { compact, coding });
        return Promise.resolve({ record: encodeRecord(record) });
      } catch (e) {
        const reason = `analysis failed: ${e instanceof Error ? e.message : String(e)}`;
        return Promise.resolve({ reason });
      }
    };
  } else {
    const poolOptions = { resources: options.resources, analyze, compact, coding };
    const p = isolation === "process"
      ? new ProcessPool(workers, poolOptions)
      : new WorkerPool(workers, poolOptions);
    pool = p;
    run = (item) => p.analyze(item.article);
  }
  // Input order is kept by a queue of promises: the head is awaited first.
  const queue: { item: CorpusItem; result?: Promise<PoolResult> }[] = [];
  let articles = 0;
  const settle = async (): Promise<RunItem> => {
    const { item, result } = queue.shift()!;
    if ("note" in item) return { note: item.note };
    if ("failure" in item) return { failure: item.failure, bytes: 0 };
    articles--;
    const r = await result!;
    return "record" in r
      ? { record: r.record, bytes: item.bytes }
      : { failure: { input: item.article.origin, reason: r.reason }, bytes: item.bytes };
  };
  try {
    for await (const item of items) {
      if ("article" in item) {
        while (articles >= limit) yield await settle();
        articles++;
        queue.push({ item, result: run(item) });
      } else queue.push({ item });
      // Failures and notes at the head need not wait for the next article.
      while (queue.length > 0 && !("article" in queue[0].item)) yield await settle();
    }
    while (queue.length > 0) yield await settle();
  } finally {
    await pool?.close();
  }
}
