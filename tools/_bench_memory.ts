/**
 * What the benchmarks share: peak memory from /proc (a process's own VmHWM,
 * and the peaks of the processes it starts, sampled while they run), the load
 * average, and writing the bench corpus to a JSONL file.
 *
 * Copies of the helpers of `bench.ts`, which does not import them yet.
 *
 * @module
 */
import type { BenchArticle } from "./bench_corpus.ts";

/** Peak resident memory (VmHWM) of a process, or undefined once it has gone. */
export function peakOf(pid: number | "self"): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(Deno.readTextFileSync(`/proc/${pid}/status`));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Peak resident memory of this process (all its threads), from /proc. */
export function peakBytes(): number {
  return peakOf("self") ?? NaN;
}

/** The processes started by a process, and theirs, from /proc. */
export function descendants(pid: number): number[] {
  const found: number[] = [];
  const visit = (p: number) => {
    try {
      for (const task of Deno.readDirSync(`/proc/${p}/task`)) {
        const text = Deno.readTextFileSync(`/proc/${p}/task/${task.name}/children`);
        for (const c of text.split(" ").filter((x) => x !== "").map(Number)) {
          found.push(c);
          visit(c);
        }
      }
    } catch {
      // The process ended while it was read.
    }
  };
  visit(pid);
  return found;
}

/**
 * Watches the peaks of the processes this one starts, and theirs: samples
 * each one's VmHWM every 50 ms until it ends. Their sum plus this process's
 * own peak bounds the peak of the whole from above (each process's peak
 * counts, whenever it was reached, and pages shared between processes count
 * in each).
 *
 * @returns A function that stops the watch and gives the sum of the peaks.
 */
export function watchChildPeaks(): () => number {
  const last = new Map<number, number>();
  const sample = () => {
    for (const pid of descendants(Deno.pid)) {
      const peak = peakOf(pid);
      if (peak !== undefined) last.set(pid, peak);
    }
  };
  const timer = setInterval(sample, 50);
  return () => {
    clearInterval(timer);
    sample();
    let sum = 0;
    for (const peak of last.values()) sum += peak;
    return sum;
  };
}

/** The 1-, 5- and 15-minute load averages. */
export function loadAverage(): number[] {
  return Deno.readTextFileSync("/proc/loadavg").split(" ").slice(0, 3).map(Number);
}

/** Options for {@linkcode writeCorpus}. */
export interface WriteCorpusOptions {
  /**
   * Extra fields of each article (e.g. a grouping field), from the article and
   * its place (0-based) in the corpus.
   * @default none
   */
  fields?: (article: BenchArticle, index: number) => Record<string, string>;
}

/**
 * Writes the bench corpus (`bench_corpus.ts`) of about `mb` MB of text as
 * JSONL.
 *
 * @param path The file to write (replaced).
 * @param mb Size of the texts in MiB.
 * @param options Extra fields of each article.
 * @returns The number of articles.
 */
export async function writeCorpus(
  path: string,
  mb: number,
  options: WriteCorpusOptions = {},
): Promise<number> {
  // Imported here: the corpus module loads the language model, which a
  // measured process that only imports these helpers should not hold.
  const { benchCorpus } = await import("./bench_corpus.ts");
  using file = await Deno.open(path, { write: true, create: true, truncate: true });
  const encoder = new TextEncoder();
  let count = 0;
  for await (const a of benchCorpus(mb * 1024 * 1024)) {
    const record = options.fields ? { ...a, ...options.fields(a, count) } : a;
    await file.write(encoder.encode(JSON.stringify(record) + "\n"));
    count++;
  }
  return count;
}

/** The articles of a bench corpus (JSONL of `BenchArticle`). */
export async function readBenchArticles(path: string): Promise<BenchArticle[]> {
  const text = await Deno.readTextFile(path);
  return text.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l));
}

/** Bytes as MiB, one decimal. */
export const mib = (b: number): number => Math.round((b / 1024 / 1024) * 10) / 10;

/** A number rounded to `d` decimals. */
export const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

/** The median (the lower middle one for an even count). */
export const medianOf = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];

/**
 * The corpus sizes and the repeats of a bench command, checked.
 *
 * @param values The parsed `--mb`, `--large-mb` and `--repeats`.
 * @throws {RangeError} On a size that is not positive or repeats that are not a whole number >= 1.
 */
export function benchSizes(
  values: { mb?: string; "large-mb"?: string; repeats?: string },
): { mb: number; largeMb: number; repeats: number } {
  const mb = Number(values.mb);
  const largeMb = Number(values["large-mb"]);
  if (!(mb > 0) || !(largeMb > 0)) throw new RangeError("--mb and --large-mb must be positive");
  const repeats = Number(values.repeats);
  if (!Number.isInteger(repeats) || repeats < 1) {
    throw new RangeError(`Cannot use --repeats ${values.repeats}: expected a whole number >= 1`);
  }
  return { mb, largeMb, repeats };
}

/** The arguments of `deno task NAME` after `deno` (e.g. `run -A ... lib/cli/code.ts`). */
export function taskArgs(name: string): string[] {
  const config = JSON.parse(
    Deno.readTextFileSync(new URL("../deno.json", import.meta.url)),
  ) as { tasks: Record<string, string> };
  const [deno, ...rest] = config.tasks[name].split(" ");
  if (deno !== "deno") throw new Error(`deno task ${name} does not start with deno`);
  return rest;
}
