/**
 * A one-line progress bar on standard error: articles done, articles per
 * second and time left (from the bytes read against the input's size). It
 * draws only when standard error is a terminal; otherwise it stays quiet.
 *
 * @module
 */

/** Options for {@linkcode Progress}. */
export interface ProgressOptions {
  /** Total input bytes, for the bar and the time left; 0 when unknown. @default 0 */
  totalBytes?: number;
  /** Draw even when standard error is not a terminal (for tests), or never. @default whether stderr is a terminal */
  enabled?: boolean;
  /** Least time between two redraws, in ms. @default 200 */
  intervalMs?: number;
  /** Where to write. @default standard error */
  write?: (text: string) => void;
  /** The clock, in ms. @default performance.now */
  now?: () => number;
}

/**
 * Tracks a run and redraws its progress line now and then.
 *
 * @example
 * ```ts
 * import { Progress } from "./progress.ts";
 * import { ok } from "node:assert/strict";
 *
 * let out = "";
 * let t = 0;
 * const p = new Progress({ totalBytes: 1000, enabled: true, write: (s) => out += s, now: () => t });
 * t = 2000;
 * p.update(10, 500);
 * p.done();
 * ok(out.includes("10 articles") && out.includes("5.0/s") && out.includes("50%") && out.includes("0:02 left"));
 * ```
 */
export class Progress {
  #total: number;
  #enabled: boolean;
  #interval: number;
  #write: (text: string) => void;
  #now: () => number;
  #start: number;
  #last = -Infinity;
  #drawn = false;
  #encoder = new TextEncoder();

  /** Starts the clock. */
  constructor(options: ProgressOptions = {}) {
    this.#total = options.totalBytes ?? 0;
    this.#enabled = options.enabled ?? Deno.stderr.isTerminal();
    this.#interval = options.intervalMs ?? 200;
    this.#write = options.write ??
      ((text) => void Deno.stderr.writeSync(this.#encoder.encode(text)));
    this.#now = options.now ?? (() => performance.now());
    this.#start = this.#now();
  }

  /** Reports the articles done and bytes read so far; redraws if due. */
  update(articles: number, bytes: number): void {
    if (!this.#enabled) return;
    const now = this.#now();
    if (now - this.#last < this.#interval) return;
    this.#last = now;
    this.#drawn = true;
    this.#write(`\r\x1b[2K${this.line(articles, bytes, now)}`);
  }

  /** Clears the line, so that the summary that follows starts clean. */
  done(): void {
    if (this.#enabled && this.#drawn) this.#write("\r\x1b[2K");
  }

  /** The progress line (without control characters). */
  line(articles: number, bytes: number, now = this.#now()): string {
    const seconds = Math.max(1e-9, (now - this.#start) / 1000);
    const rate = articles / seconds;
    const parts = [`${articles} articles`, `${rate.toFixed(1)}/s`];
    if (this.#total > 0) {
      const share = Math.min(1, bytes / this.#total);
      const width = 24;
      const full = Math.round(share * width);
      parts.unshift(`[${"#".repeat(full)}${"-".repeat(width - full)}] ${Math.floor(share * 100)}%`);
      const left = share > 0 ? (seconds * (1 - share)) / share : NaN;
      parts.push(Number.isFinite(left) ? `${clock(left)} left` : "time left unknown");
    }
    return parts.join("  ");
  }
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}
