/**
 * A pool of analysis workers (Deno Web Workers), each loading the lexicons
 * once. Articles go to whichever worker is free; a worker that dies fails
 * its articles with the reason and is replaced.
 *
 * @module
 */
import type { Article } from "../article.ts";
import type { AnalyzeOptions } from "../analyze.ts";
import type { LoadResourcesOptions } from "../resources.ts";
import type { WorkerReply, WorkerRequest } from "./worker.ts";
import { ArticleQueue, failBusy, type PoolResult } from "./_article_queue.ts";

export type { PoolResult } from "./_article_queue.ts";

/** Options for {@linkcode WorkerPool}. */
export interface WorkerPoolOptions {
  /** Lexicon files for the workers to load. @default the toolkit's own */
  resources?: LoadResourcesOptions;
  /** Analysis options. @default {} */
  analyze?: AnalyzeOptions;
  /** Compact JSON lines (`CompactArticle`) instead of full ones. @default false */
  compact?: boolean;
  /** Coding lines (`codingRecord`) instead of full ones. @default false */
  coding?: boolean;
}

interface Slot {
  worker: Worker;
  /** Articles sent to this worker and not yet answered. */
  busy: Map<number, (r: PoolResult) => void>;
}

/**
 * Runs articles through `size` workers. Call {@linkcode WorkerPool.close}
 * when done, or the workers keep the process alive.
 *
 * @example
 * ```ts
 * import { WorkerPool } from "./worker_pool.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const pool = new WorkerPool(1, { analyze: { resamples: 50 } });
 * const result = await pool.analyze({
 *   meta: { id: "a", language: "en", inferred: [] },
 *   text: "Talks\n\nThe Kremlin spoke about gas.",
 *   origin: "example",
 *   warnings: [],
 * });
 * pool.close();
 * strictEqual("record" in result && result.record.id, "a");
 * strictEqual("record" in result && result.record.line.at(-1), 0x0a);
 * ```
 */
export class WorkerPool {
  #slots: Slot[] = [];
  #waiting = new ArticleQueue();
  #fatal: string | undefined;
  #options: WorkerPoolOptions;
  #closed = false;

  /**
   * Starts the workers.
   *
   * @param size Number of workers (at least 1).
   * @param options Lexicons and analysis options.
   * @throws {RangeError} When `size` is not a positive integer.
   */
  constructor(size: number, options: WorkerPoolOptions = {}) {
    if (!Number.isInteger(size) || size < 1) {
      throw new RangeError(
        `Cannot start ${JSON.stringify(size)} workers: expected an integer >= 1`,
      );
    }
    this.#options = options;
    for (let i = 0; i < size; i++) this.#slots.push(this.#start());
  }

  /** Number of workers. */
  get size(): number {
    return this.#slots.length;
  }

  /** Analyses one article on the first free worker. */
  analyze(article: Article): Promise<PoolResult> {
    if (this.#closed) return Promise.resolve({ reason: "the worker pool is closed" });
    if (this.#fatal !== undefined) return Promise.resolve({ reason: this.#fatal });
    const result = this.#waiting.add(article);
    this.#dispatch();
    return result;
  }

  /** Stops every worker; articles not yet answered fail. */
  close(): void {
    this.#closed = true;
    for (const slot of this.#slots) {
      slot.worker.terminate();
      failBusy(slot, "the worker pool was closed");
    }
    this.#waiting.failAll("the worker pool was closed");
  }

  #start(): Slot {
    const worker = new Worker(new URL("./worker.ts", import.meta.url).href, { type: "module" });
    const slot: Slot = { worker, busy: new Map() };
    worker.onmessage = (e: MessageEvent<WorkerReply>) => this.#reply(slot, e.data);
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.#crash(slot, `the analysis worker stopped: ${e.message}`);
    };
    const init: WorkerRequest = {
      type: "init",
      resources: this.#options.resources ?? {},
      analyze: this.#options.analyze ?? {},
      compact: this.#options.compact ?? false,
      coding: this.#options.coding ?? false,
    };
    worker.postMessage(init);
    return slot;
  }

  #reply(slot: Slot, msg: WorkerReply): void {
    if (msg.type === "ready") return;
    if (msg.type === "fatal") {
      this.#fatal = `the analysis worker could not start: ${msg.reason}`;
      failBusy(slot, this.#fatal);
      this.#waiting.failAll(this.#fatal);
      return;
    }
    const resolve = slot.busy.get(msg.seq);
    slot.busy.delete(msg.seq);
    resolve?.(msg.type === "done" ? { record: msg.record } : { reason: msg.reason });
    this.#dispatch();
  }

  #crash(slot: Slot, reason: string): void {
    slot.worker.terminate();
    failBusy(slot, reason);
    if (this.#closed) return;
    const i = this.#slots.indexOf(slot);
    if (i >= 0) this.#slots[i] = this.#start();
    this.#dispatch();
  }

  #dispatch(): void {
    if (this.#fatal !== undefined) return;
    this.#waiting.dispatch(this.#slots, (slot, seq, article) => {
      const msg: WorkerRequest = { type: "article", seq, article };
      slot.worker.postMessage(msg);
    });
  }
}
