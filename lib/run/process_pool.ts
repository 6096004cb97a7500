/**
 * A pool of analysis processes: like `WorkerPool`, but each worker is a
 * `deno run` of `process_worker.ts` with its own V8 and heap, so that two
 * workers run as fast as two independent analyses (two threads of one
 * process slow each other down: the bench measured it). Articles go to the
 * process with the fewest in hand; records come back as the bytes to write.
 * A process that dies fails its articles with the reason and is replaced.
 *
 * The processes are started with the Deno that runs this code
 * (`Deno.execPath()`), the toolkit's `deno.json`, and read and environment
 * permissions only.
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import type { Article } from "../article.ts";
import { type TableName, TABLES } from "./article_record.ts";
import { encodeFrame, type Frame, FrameReader } from "./_frames.ts";
import type { EncodedRecord } from "./encoded_record.ts";
import type { WorkerPoolOptions } from "./worker_pool.ts";
import { ArticleQueue, failBusy, type PoolResult } from "./_article_queue.ts";

interface Slot {
  child: Deno.ChildProcess;
  stdin: WritableStreamDefaultWriter<Uint8Array>;
  /** Articles sent to this process and not yet answered. */
  busy: Map<number, (r: PoolResult) => void>;
  /** Set once the process has been stopped or has died. */
  gone: boolean;
}

const encoder = new TextEncoder();

/**
 * Whether analysis processes can be started from here: the toolkit is on disk
 * and this program may run Deno.
 */
export function canStartProcesses(): boolean {
  if (!import.meta.url.startsWith("file:")) return false;
  try {
    return Deno.permissions.querySync({ name: "run", command: Deno.execPath() }).state ===
      "granted";
  } catch {
    // Deno.execPath() itself needs a read permission.
    return false;
  }
}

/**
 * Runs articles through `size` analysis processes. Call
 * {@linkcode ProcessPool.close} when done, or the processes keep running.
 *
 * @example
 * ```ts
 * import { ProcessPool } from "./process_pool.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const pool = new ProcessPool(1, { analyze: { resamples: 50 } });
 * const result = await pool.analyze({
 *   meta: { id: "a", language: "en", inferred: [] },
 *   text: "Talks\n\nThe Kremlin spoke about gas.",
 *   origin: "example",
 *   warnings: [],
 * });
 * await pool.close();
 * strictEqual("record" in result && result.record.id, "a");
 * strictEqual("record" in result && result.record.line.at(-1), 0x0a);
 * ```
 */
export class ProcessPool {
  #slots: Slot[] = [];
  #waiting = new ArticleQueue();
  #fatal: string | undefined;
  #options: WorkerPoolOptions;
  #closed = false;
  #readers: Promise<void>[] = [];

  /**
   * Starts the processes.
   *
   * @param size Number of processes (at least 1).
   * @param options Lexicons and analysis options.
   * @throws {RangeError} When `size` is not a positive integer.
   * @throws {Error} When the toolkit is not on disk, so no process can load it.
   */
  constructor(size: number, options: WorkerPoolOptions = {}) {
    if (!Number.isInteger(size) || size < 1) {
      throw new RangeError(
        `Cannot start ${JSON.stringify(size)} processes: expected an integer >= 1`,
      );
    }
    if (!canStartProcesses()) {
      throw new Error(
        `Cannot start analysis processes from ${import.meta.url}: expected the toolkit on disk`,
      );
    }
    this.#options = options;
    for (let i = 0; i < size; i++) this.#slots.push(this.#start());
  }

  /** Number of processes. */
  get size(): number {
    return this.#slots.length;
  }

  /** The process ids of the workers now running (to watch their memory, or stop one). */
  get pids(): number[] {
    return this.#slots.filter((s) => !s.gone).map((s) => s.child.pid);
  }

  /** Analyses one article on the process with the fewest articles in hand. */
  analyze(article: Article): Promise<PoolResult> {
    if (this.#closed) return Promise.resolve({ reason: "the process pool is closed" });
    if (this.#fatal !== undefined) return Promise.resolve({ reason: this.#fatal });
    const result = this.#waiting.add(article);
    this.#dispatch();
    return result;
  }

  /**
   * Ends every process (their input is closed, so they exit) and waits for
   * them; articles not yet answered fail.
   */
  async close(): Promise<void> {
    this.#closed = true;
    for (const slot of this.#slots) this.#stop(slot, "the process pool was closed");
    this.#waiting.failAll("the process pool was closed");
    await Promise.all(this.#readers);
  }

  #start(): Slot {
    const args = [
      "run",
      "--no-prompt",
      "--allow-read",
      "--allow-env",
      `--config=${fileURLToPath(new URL("../../deno.json", import.meta.url))}`,
      fileURLToPath(new URL("./process_worker.ts", import.meta.url)),
    ];
    const child = new Deno.Command(Deno.execPath(), {
      args,
      stdin: "piped",
      stdout: "piped",
      stderr: "inherit",
    }).spawn();
    const slot: Slot = { child, stdin: child.stdin.getWriter(), busy: new Map(), gone: false };
    this.#readers.push(this.#read(slot));
    this.#send(slot, {
      header: {
        type: "init",
        resources: this.#options.resources ?? {},
        analyze: this.#options.analyze ?? {},
        compact: this.#options.compact ?? false,
        coding: this.#options.coding ?? false,
      },
      blocks: [],
    });
    return slot;
  }

  /** Reads the process's frames until its stdout ends, then handles its end. */
  async #read(slot: Slot): Promise<void> {
    const reader = new FrameReader();
    let broken: string | undefined;
    try {
      for await (const chunk of slot.child.stdout) {
        reader.push(chunk);
        for (let f = reader.next(); f !== undefined; f = reader.next()) this.#reply(slot, f);
      }
    } catch (err) {
      broken = err instanceof Error ? err.message : String(err);
    }
    const status = await slot.child.status;
    if (slot.gone) return;
    const why = broken ??
      (reader.pending > 0 ? "its output ended inside a record" : undefined) ??
      (status.signal ? `signal ${status.signal}` : `exit code ${status.code}`);
    this.#crash(slot, `the analysis process stopped (${why})`);
  }

  #reply(slot: Slot, frame: Frame): void {
    const h = frame.header;
    if (h.type === "ready") return;
    if (h.type === "fatal") {
      this.#fatal = `the analysis process could not start: ${h.reason}`;
      failBusy(slot, this.#fatal);
      this.#waiting.failAll(this.#fatal);
      return;
    }
    const seq = h.seq as number;
    const resolve = slot.busy.get(seq);
    slot.busy.delete(seq);
    if (h.type === "done") {
      const tables = {} as Record<TableName, Uint8Array>;
      TABLES.forEach((name, i) => tables[name] = frame.blocks[i + 1]);
      const record: EncodedRecord = {
        id: h.id as string,
        line: frame.blocks[0],
        tables,
        rows: h.rows as Record<TableName, number>,
        warnings: h.warnings as number,
      };
      resolve?.({ record });
    } else resolve?.({ reason: String(h.reason) });
    this.#dispatch();
  }

  #send(slot: Slot, frame: Frame): void {
    slot.stdin.write(encodeFrame(frame)).catch(() => {
      // The process is gone: #read reports why and fails its articles.
    });
  }

  /** Closes the process's input and fails what it still holds. */
  #stop(slot: Slot, reason: string): void {
    if (slot.gone) return;
    slot.gone = true;
    slot.stdin.close().catch(() => {});
    failBusy(slot, reason);
  }

  #crash(slot: Slot, reason: string): void {
    this.#stop(slot, reason);
    try {
      slot.child.kill();
    } catch {
      // It has already exited.
    }
    if (this.#closed || this.#fatal !== undefined) return;
    const i = this.#slots.indexOf(slot);
    if (i >= 0) this.#slots[i] = this.#start();
    this.#dispatch();
  }

  #dispatch(): void {
    if (this.#fatal !== undefined) return;
    this.#waiting.dispatch(this.#slots, (slot, seq, article) => {
      const bytes = encoder.encode(JSON.stringify(article));
      this.#send(slot, { header: { type: "article", seq }, blocks: [bytes] });
    });
  }
}
