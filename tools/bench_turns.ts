/**
 * `deno task bench:turns [--mb 10] [--chunk 100] [--dir DIR]`: VADER, the compact
 * analysis and the full analysis timed in turns on the same articles.
 *
 * Why: the host's speed drifts by a third within minutes, and `deno task
 * bench` times each stage whole (10–20 s), one after another, so a ratio of
 * two stages compares two moments as much as two programs (VADER alone took
 * 2.4–5.4 s for the same sentences in one series of runs). Here each stage
 * runs in a process of its own that loads its input and then waits; the
 * parent hands the processes the same chunk of articles in turn (`--chunk`
 * articles, a fraction of a second of work), the order of the stages
 * rotating from chunk to chunk so no stage always goes first. Every article is
 * read once by each stage, the first chunk (the processes' warm-up) included.
 * Each process times its own chunk with `performance.now()`; only one runs at
 * a time, so they do not compete for the machine.
 *
 * The stages are those of `deno task bench`: (b) npm `vader-sentiment` on the
 * sentences wink-nlp finds (split before timing), (d) the compact analysis as
 * a worker of `analyze --compact` does it (`articleRecord`, no intervals,
 * compact record), (c) the full analysis (`articleRecord` with the defaults).
 * The figure is a ratio of the summed seconds (VADER ÷ stage, which is
 * stage ÷ VADER in tokens per second), with a 95% percentile bootstrap
 * interval that resamples the chunks (2,000 draws, fixed seed), and each
 * chunk's own ratio (quartiles).
 *
 * Prints a line per stage and, last, one JSON object with the figures.
 *
 * @module
 */
import { parseArgs } from "node:util";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import vader from "vader-sentiment";
import type { Article } from "../lib/article.ts";
import { articleRecord } from "../lib/run/article_record.ts";
import { loadResources } from "../lib/resources.ts";
import { mulberry32 } from "../lib/stats/random.ts";
import type { BenchArticle } from "./bench_corpus.ts";
import { loadAverage, readBenchArticles, round, writeCorpus } from "./_bench_memory.ts";

/** The stages timed in turns: (b), (d) and (c) of `deno task bench`. */
export const TURN_STAGES = ["vader", "compact", "full"] as const;
export type TurnStage = typeof TURN_STAGES[number];

/** What timing in turns measured. */
export interface TurnsResult {
  /** Articles per chunk, and the number of chunks. */
  chunk: number;
  chunks: number;
  articles: number;
  /** Summed seconds per stage. */
  seconds: Record<TurnStage, number>;
  /** Per stage other than VADER: VADER's seconds ÷ the stage's, with its interval and quartiles. */
  overVader: Record<Exclude<TurnStage, "vader">, RatioFigure>;
  /** The machine's 1-minute load average at the start and at the end. */
  load: [number, number];
}

/** A ratio of sums with a bootstrap interval and the spread of the per-chunk ratios. */
export interface RatioFigure {
  ratio: number;
  /** 95% percentile bootstrap interval over chunks. */
  ci: [number, number];
  /** Quartiles of the chunks' own ratios. */
  chunkQuartiles: [number, number, number];
}

/**
 * The order of the stages for chunk `k`: the list rotated by `k`, so each
 * stage goes first, second and third equally often.
 *
 * @example
 * ```ts
 * import { turnOrder } from "./bench_turns.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(turnOrder(["a", "b", "c"], 0), ["a", "b", "c"]);
 * deepStrictEqual(turnOrder(["a", "b", "c"], 4), ["b", "c", "a"]);
 * ```
 */
export function turnOrder<T>(stages: readonly T[], k: number): T[] {
  const r = k % stages.length;
  return [...stages.slice(r), ...stages.slice(0, r)];
}

/**
 * `Σ numerators ÷ Σ denominators` over paired chunks, with a 95% percentile
 * bootstrap interval that resamples the pairs, and the quartiles of the
 * pairs' own ratios.
 *
 * @param numerators One value per chunk (e.g. VADER's seconds).
 * @param denominators The same chunks' values of the other stage.
 * @param resamples Bootstrap draws.
 * @param seed Seed of the draws.
 *
 * @example
 * ```ts
 * import { ratioOfSums } from "./bench_turns.ts";
 * import { ok, strictEqual } from "node:assert/strict";
 *
 * const r = ratioOfSums([2, 4, 6, 4], [1, 2, 3, 2]);
 * strictEqual(r.ratio, 2);
 * ok(r.ci[0] === 2 && r.ci[1] === 2);
 * ```
 */
export function ratioOfSums(
  numerators: readonly number[],
  denominators: readonly number[],
  resamples = 2000,
  seed = 21,
): RatioFigure {
  const n = numerators.length;
  if (n === 0 || denominators.length !== n) {
    throw new RangeError(`Cannot form a ratio of ${n} and ${denominators.length} chunks`);
  }
  const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
  const ratio = sum(numerators) / sum(denominators);
  const random = mulberry32(seed);
  const draws = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let top = 0;
    let bottom = 0;
    for (let i = 0; i < n; i++) {
      const k = Math.floor(random() * n);
      top += numerators[k];
      bottom += denominators[k];
    }
    draws[b] = top / bottom;
  }
  draws.sort();
  const at = (p: number) => draws[Math.min(resamples - 1, Math.floor(p * resamples))];
  const own = numerators.map((x, i) => x / denominators[i]).sort((a, b) => a - b);
  const q = (p: number) => own[Math.min(n - 1, Math.floor(p * (n - 1) + 0.5))];
  return { ratio, ci: [at(0.025), at(0.975)], chunkQuartiles: [q(0.25), q(0.5), q(0.75)] };
}

function toArticle(a: BenchArticle): Article {
  return {
    meta: { id: a.id, title: a.title, date: a.date, language: "en", inferred: [] },
    text: a.text,
    origin: a.id,
    warnings: [],
  };
}

/**
 * The work of stage (b), (c) or (d) of the bench on articles `[from, to)`,
 * once its input is ready: VADER's sentences are split, the analysis's
 * resources loaded. It returns a checksum (VADER's summed compound scores,
 * the analysis's JSON bytes), so that no work can be skipped. `deno task
 * bench` times it on every article at once, `bench:turns` a chunk at a time.
 *
 * @param stage The stage.
 * @param articles The bench corpus's articles.
 */
export async function stageRunner(
  stage: TurnStage,
  articles: readonly BenchArticle[],
): Promise<(from: number, to: number) => number> {
  if (stage === "vader") {
    const nlp = winkNLP(model, ["sbd"]);
    const sentences = articles.map((a) => nlp.readDoc(a.text).sentences().out() as string[]);
    return (from, to) => {
      let sum = 0;
      for (let i = from; i < to; i++) {
        for (const s of sentences[i]) {
          sum += vader.SentimentIntensityAnalyzer.polarity_scores(s).compound;
        }
      }
      return sum;
    };
  }
  const resources = await loadResources();
  const input = articles.map(toArticle);
  // (d): what a worker of `analyze --compact` does, without --intervals.
  const [options, record] = stage === "compact"
    ? [{ intervals: false }, { compact: true }]
    : [{}, {}];
  return (from, to) => {
    let bytes = 0;
    for (let i = from; i < to; i++) {
      bytes += articleRecord(input[i], resources, options, record).json.length;
    }
    return bytes;
  };
}

/**
 * Serves one stage: loads the corpus (and the stage's resources), says
 * `ready`, then for each line `FROM TO` of stdin runs the stage on articles
 * `[FROM, TO)` and answers with the milliseconds it took.
 */
async function serve(stage: TurnStage, corpus: string): Promise<void> {
  const articles = await readBenchArticles(corpus);
  const run = await stageRunner(stage, articles);
  const encoder = new TextEncoder();
  const say = (s: string) => Deno.stdout.writeSync(encoder.encode(`${s}\n`));
  say(`ready ${articles.length}`);
  for await (const line of readLines(Deno.stdin.readable)) {
    const [from, to] = line.split(" ").map(Number);
    const t0 = performance.now();
    const out = run(from, to);
    const ms = performance.now() - t0;
    if (!Number.isFinite(out)) throw new Error(`${stage} gave ${out}`);
    say(String(ms));
  }
}

/** The lines of a byte stream. */
async function* readLines(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  let rest = "";
  for await (const text of stream.pipeThrough(new TextDecoderStream())) {
    rest += text;
    let at = rest.indexOf("\n");
    while (at >= 0) {
      yield rest.slice(0, at);
      rest = rest.slice(at + 1);
      at = rest.indexOf("\n");
    }
  }
  if (rest !== "") yield rest;
}

/** A stage's process: send a request, read its answer. */
interface Server {
  ask(line: string): Promise<string>;
  close(): Promise<void>;
}

function startServer(stage: TurnStage, corpus: string): Server {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", new URL(import.meta.url).pathname, "--serve", stage, "--corpus", corpus],
    stdin: "piped",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const writer = child.stdin.getWriter();
  const answers = readLines(child.stdout);
  const encoder = new TextEncoder();
  return {
    async ask(line) {
      if (line !== "") await writer.write(encoder.encode(`${line}\n`));
      const next = await answers.next();
      if (next.done) throw new Error(`The ${stage} process ended early`);
      return next.value;
    },
    async close() {
      await writer.close();
      const status = await child.status;
      if (!status.success) throw new Error(`The ${stage} process exited with ${status.code}`);
    },
  };
}

/**
 * Times the stages in turns on a corpus (see the module documentation).
 *
 * @param corpus A bench corpus (JSONL of `BenchArticle`).
 * @param chunk Articles per chunk.
 * @param stages The stages, VADER first.
 */
export async function timeInTurns(
  corpus: string,
  chunk = 100,
  stages: readonly TurnStage[] = TURN_STAGES,
): Promise<TurnsResult> {
  if (!Number.isInteger(chunk) || chunk < 1) {
    throw new RangeError(`Cannot use --chunk ${chunk}: expected a whole number >= 1`);
  }
  const loadStart = loadAverage()[0];
  const servers = new Map(stages.map((s) => [s, startServer(s, corpus)] as const));
  // They load at once; the timing starts when every one is ready, so that no
  // process loads while another is timed.
  let articles = -1;
  for (const server of servers.values()) {
    const ready = await server.ask("");
    articles = Number(ready.split(" ")[1]);
  }
  const times = new Map(stages.map((s) => [s, [] as number[]]));
  const chunks = Math.ceil(articles / chunk);
  for (let k = 0; k < chunks; k++) {
    const range = `${k * chunk} ${Math.min(articles, (k + 1) * chunk)}`;
    for (const stage of turnOrder(stages, k)) {
      times.get(stage)!.push(Number(await servers.get(stage)!.ask(range)) / 1000);
    }
  }
  for (const server of servers.values()) await server.close();
  const vaderTimes = times.get("vader")!;
  const seconds = Object.fromEntries(
    stages.map((s) => [s, round(times.get(s)!.reduce((a, b) => a + b, 0), 3)]),
  ) as Record<TurnStage, number>;
  const overVader = Object.fromEntries(
    stages.filter((s) => s !== "vader").map((s) => [s, ratioOfSums(vaderTimes, times.get(s)!)]),
  ) as Record<Exclude<TurnStage, "vader">, RatioFigure>;
  return { chunk, chunks, articles, seconds, overVader, load: [loadStart, loadAverage()[0]] };
}

/** One line per stage of a {@linkcode TurnsResult}. */
export function turnsLines(r: TurnsResult): string[] {
  const f = (x: number) => x.toFixed(3);
  return [
    `in turns (${r.articles} articles, ${r.chunks} chunks of ${r.chunk}; load ${
      r.load.join(" → ")
    }): vader ${r.seconds.vader} s`,
    ...Object.entries(r.overVader).map(([stage, x]) =>
      `  ${stage} ${r.seconds[stage as TurnStage]} s: ${stage} / vader ${f(x.ratio)} (95% CI ${
        f(x.ci[0])
      }–${f(x.ci[1])}; chunks' own ratios: quartiles ${x.chunkQuartiles.map(f).join(", ")})`
    ),
  ];
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      serve: { type: "string" },
      corpus: { type: "string" },
      mb: { type: "string", default: "10" },
      chunk: { type: "string", default: "100" },
      dir: { type: "string" },
    },
  });
  if (values.serve !== undefined) {
    const stage = values.serve as TurnStage;
    if (!TURN_STAGES.includes(stage)) throw new RangeError(`Unknown stage "${values.serve}"`);
    await serve(stage, values.corpus!);
    Deno.exit(0);
  }
  const mb = Number(values.mb);
  if (!(mb > 0)) throw new RangeError(`Cannot use --mb ${values.mb}: expected a positive number`);
  const dir = values.dir ?? await Deno.makeTempDir({ prefix: "framing-turns-" });
  await Deno.mkdir(dir, { recursive: true });
  const corpus = `${dir}/bench-${mb}mb.jsonl`;
  console.error(`building the ${mb} MB corpus in ${dir} ...`);
  await writeCorpus(corpus, mb);
  console.error("timing in turns ...");
  const result = await timeInTurns(corpus, Number(values.chunk));
  if (values.dir === undefined) await Deno.remove(dir, { recursive: true });
  for (const line of turnsLines(result)) console.log(line);
  console.log(JSON.stringify(result));
}
