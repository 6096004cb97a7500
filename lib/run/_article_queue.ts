/**
 * The articles waiting for a worker of a pool (threads or processes), in
 * order, and the rule that hands them out: each to the worker with the
 * fewest articles in hand, at most two each, so that none waits idle for its
 * next one.
 *
 * @module
 */
import type { Article } from "../article.ts";
import type { EncodedRecord } from "./encoded_record.ts";

/** What became of one article: its record, or the reason it failed. */
export type PoolResult = { record: EncodedRecord } | { reason: string };

/** A worker's articles sent and not yet answered, by sequence number. */
export interface Busy {
  busy: Map<number, (r: PoolResult) => void>;
}

/** Fails every article a worker holds with the reason, and empties its hands. */
export function failBusy(slot: Busy, reason: string): void {
  for (const resolve of slot.busy.values()) resolve({ reason });
  slot.busy.clear();
}

/** Articles a worker holds at most. */
const PER_WORKER = 2;

/**
 * Waiting articles of a pool.
 *
 * @example Two workers, three articles: the third waits for an answer
 * ```ts
 * import { ArticleQueue, type Busy } from "./_article_queue.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const queue = new ArticleQueue();
 * const slots: Busy[] = [{ busy: new Map() }, { busy: new Map() }];
 * const sent: number[] = [];
 * const article = (id: string) => ({ meta: { id, language: "en", inferred: [] }, text: id, origin: id, warnings: [] });
 * for (const id of ["a", "b", "c", "d", "e"]) queue.add(article(id));
 * queue.dispatch(slots, (_slot, seq) => sent.push(seq));
 * deepStrictEqual(sent, [0, 1, 2, 3]);
 * ```
 */
export class ArticleQueue {
  #waiting: { seq: number; article: Article; resolve: (r: PoolResult) => void }[] = [];
  #seq = 0;

  /** Queues an article; the promise settles when a worker answers or the article fails. */
  add(article: Article): Promise<PoolResult> {
    return new Promise((resolve) => this.#waiting.push({ seq: this.#seq++, article, resolve }));
  }

  /**
   * Hands waiting articles to the workers with room, each to the one with
   * the fewest in hand; `send` delivers it (the article is already in the
   * worker's `busy`).
   */
  dispatch<S extends Busy>(
    slots: readonly S[],
    send: (slot: S, seq: number, article: Article) => void,
  ): void {
    while (this.#waiting.length > 0) {
      let free: S | undefined;
      for (const s of slots) if (!free || s.busy.size < free.busy.size) free = s;
      if (!free || free.busy.size >= PER_WORKER) return;
      const task = this.#waiting.shift()!;
      free.busy.set(task.seq, task.resolve);
      send(free, task.seq, task.article);
    }
  }

  /** Fails every waiting article with the reason. */
  failAll(reason: string): void {
    for (const q of this.#waiting.splice(0)) q.resolve({ reason });
  }
}
