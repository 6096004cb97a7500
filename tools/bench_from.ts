/**
 * `deno task bench:from [--mb 10] [--large-mb 40] [--repeats 1] [--dir DIR] [--notebooks]`:
 * peak memory of `report --from` on the compact output of a corpus run, on
 * the small and on the large bench corpus (issue 21: the large run's peak at
 * most 1.3 × the small run's).
 *
 * Setup, not measured: the bench corpora (`bench_corpus.ts`) are written with
 * an `outlet` field, `Outlet A` and `Outlet B` by turns, so that the report
 * has two groups to compare, and `analyze CORPUS --jsonl RUN.jsonl --compact`
 * runs on each. With `--dir`, corpora and runs already in DIR are used as
 * they are (`bench-from-{mb}mb.jsonl`, `bench-from-{mb}mb.run.jsonl`).
 *
 * Measured: `report --from RUN.jsonl --by outlet --no-notebooks --out DIR`
 * in a fresh process, `--repeats` times on each corpus, alternately: the
 * process's own peak (VmHWM, the Deno process alone) and that plus the peaks
 * of every process it starts (Chromium, which exports the figures; sampled
 * every 50 ms; an upper bound of the whole), wall time and the load average.
 * The bar's ratio is of the peaks with Chromium, the median of the repeats.
 * With `--notebooks`, the same once more on each corpus without
 * `--no-notebooks` (notebook 01 runs on the run; its kernel counts among the
 * processes started), for information.
 *
 * Prints a table and, as its last line, one JSON object with every figure:
 * `peak_memory_from_40mb_over_10mb` and `bars`.
 *
 * @module
 */
import { parseArgs } from "node:util";
import {
  benchSizes,
  loadAverage,
  medianOf,
  mib,
  peakBytes,
  round,
  taskArgs,
  watchChildPeaks,
  writeCorpus,
} from "./_bench_memory.ts";

/** The bar of issue 21: the large run's peak at most this many times the small run's. */
export const FROM_PEAK_BAR = 1.3;

/** Options for {@linkcode benchFrom}. */
export interface BenchFromOptions {
  /** Folder for the corpora and runs (kept; reused when present). @default a temporary folder, removed */
  dir?: string;
  /** Size of the small corpus in MB. @default 10 */
  mb?: number;
  /** Size of the large corpus in MB. @default 40 */
  largeMb?: number;
  /** Measurements of each corpus without notebooks (the median gives the figure). @default 1 */
  repeats?: number;
  /** Also measure once with the notebooks (for information). @default false */
  notebooks?: boolean;
  /** Where progress goes. @default console.error */
  log?: (line: string) => void;
}

/** One measured `report --from`. */
export interface FromMeasure {
  /** Wall time of the report's process, its start included. */
  seconds: number;
  /** Peak of the report's Deno process alone (VmHWM). */
  denoPeakBytes: number;
  /** Peak of the Deno process plus the peaks of every process it started. */
  peakBytes: number;
  /** The machine's 1-minute load average when it started. */
  load: number;
  /** Size of report.html. */
  reportHtmlBytes: number;
}

/** What one measuring process prints as its last line. */
interface StageOutput {
  code: number;
  denoPeakBytes: number;
  childPeakBytes: number;
  reportHtmlBytes: number;
}

/** Runs `report --from` in this process and measures it (the measuring child's side). */
async function reportStage(run: string, out: string, notebooks: boolean): Promise<StageOutput> {
  const { main } = await import("./report.ts");
  const childPeaks = watchChildPeaks();
  const code = await main([
    "--from",
    run,
    "--by",
    "outlet",
    "--out",
    out,
    ...(notebooks ? [] : ["--no-notebooks"]),
  ]);
  const childPeakBytes = childPeaks();
  const denoPeakBytes = peakBytes();
  const reportHtmlBytes = (await Deno.stat(`${out}/report.html`).catch(() => ({ size: 0 }))).size;
  return { code, denoPeakBytes, childPeakBytes, reportHtmlBytes };
}

/** Runs `report --from` in a fresh process and measures it. */
async function measure(run: string, dir: string, notebooks: boolean): Promise<FromMeasure> {
  const out = await Deno.makeTempDir({ dir, prefix: "report-" });
  const load = loadAverage()[0];
  const t0 = performance.now();
  const result = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      // With the V8 flags of `deno task report` (its heap settings).
      ...taskArgs("report").filter((a) => a.startsWith("--v8-flags")),
      new URL(import.meta.url).pathname,
      "--stage",
      "--run",
      run,
      "--out",
      out,
      ...(notebooks ? ["--notebooks"] : []),
    ],
    // As `deno task report` runs it: from the repository root.
    cwd: new URL("..", import.meta.url).pathname,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const seconds = (performance.now() - t0) / 1000;
  await Deno.remove(out, { recursive: true });
  const stderr = new TextDecoder().decode(result.stderr);
  const lines = new TextDecoder().decode(result.stdout).trim().split("\n");
  if (!result.success) throw new Error(`report --from ${run} failed:\n${stderr}`);
  const stage = JSON.parse(lines.at(-1)!) as StageOutput;
  if (stage.code !== 0) {
    throw new Error(`report --from ${run} exited with ${stage.code}:\n${stderr}`);
  }
  return {
    seconds,
    denoPeakBytes: stage.denoPeakBytes,
    peakBytes: stage.denoPeakBytes + stage.childPeakBytes,
    load,
    reportHtmlBytes: stage.reportHtmlBytes,
  };
}

/** Writes a bench corpus with an `outlet` field and its compact run, unless both are there. */
async function setUp(
  dir: string,
  mb: number,
  log: (line: string) => void,
): Promise<{ corpus: string; run: string; articles: number; runBytes: number }> {
  const corpus = `${dir}/bench-from-${mb}mb.jsonl`;
  const run = `${dir}/bench-from-${mb}mb.run.jsonl`;
  const exists = (p: string) => Deno.stat(p).then(() => true, () => false);
  if (!(await exists(corpus) && await exists(run))) {
    log(`writing the ${mb} MB corpus with an outlet field, and analyze --compact of it ...`);
    await writeCorpus(corpus, mb, {
      fields: (_, i) => ({ outlet: i % 2 === 0 ? "Outlet A" : "Outlet B" }),
    });
    const analyzed = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "lib/cli/analyze.ts", corpus, "--jsonl", run, "--compact"],
      cwd: new URL("..", import.meta.url).pathname,
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (!analyzed.success) {
      throw new Error(`analyze ${corpus} failed:\n${new TextDecoder().decode(analyzed.stderr)}`);
    }
  } else log(`using ${corpus} and ${run} as they are`);
  const text = await Deno.readTextFile(run);
  let articles = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) articles++;
  return { corpus, run, articles, runBytes: text.length };
}

/**
 * Measures `report --from` on the compact runs of the small and the large
 * bench corpus (see the module's documentation).
 *
 * @param options Sizes, repeats, folder, notebooks.
 * @returns The figures (with the bar) and the lines to print.
 */
export async function benchFrom(options: BenchFromOptions = {}) {
  const mb = options.mb ?? 10;
  const largeMb = options.largeMb ?? 40;
  const repeats = options.repeats ?? 1;
  const log = options.log ?? ((s: string) => console.error(s));
  const dir = options.dir ?? await Deno.makeTempDir({ prefix: "framing-bench-from-" });
  await Deno.mkdir(dir, { recursive: true });
  try {
    const small = await setUp(dir, mb, log);
    const large = await setUp(dir, largeMb, log);
    // Each figure is logged when it is measured (a run with notebooks takes long).
    const measured = async (run: string, size: number, notebooks: boolean) => {
      const m = await measure(run, dir, notebooks);
      log(
        `  ${size} MB${notebooks ? ", notebooks" : ""}: peak ${mib(m.peakBytes)} MiB ` +
          `(Deno alone ${mib(m.denoPeakBytes)} MiB), ${round(m.seconds)} s, load ${m.load}`,
      );
      return m;
    };
    const measures: { small: FromMeasure; large: FromMeasure }[] = [];
    for (let i = 1; i <= repeats; i++) {
      // The order alternates, so that a drift of the host favours neither.
      const largeFirst = i % 2 === 0;
      log(`report --from --no-notebooks, ${mb} MB and ${largeMb} MB (${i} of ${repeats}) ...`);
      const first = await measured(
        largeFirst ? large.run : small.run,
        largeFirst ? largeMb : mb,
        false,
      );
      const second = await measured(
        largeFirst ? small.run : large.run,
        largeFirst ? mb : largeMb,
        false,
      );
      measures.push(largeFirst ? { small: second, large: first } : { small: first, large: second });
    }
    let withNotebooks: { small: FromMeasure; large: FromMeasure } | undefined;
    if (options.notebooks) {
      log(`report --from with notebooks, ${mb} MB and ${largeMb} MB ...`);
      withNotebooks = {
        small: await measured(small.run, mb, true),
        large: await measured(large.run, largeMb, true),
      };
    }
    const median = (f: (m: { small: FromMeasure; large: FromMeasure }) => number) =>
      medianOf(measures.map(f));
    const smallPeak = median((m) => m.small.peakBytes);
    const largePeak = median((m) => m.large.peakBytes);
    const smallDeno = median((m) => m.small.denoPeakBytes);
    const largeDeno = median((m) => m.large.denoPeakBytes);
    const ratio = largePeak / smallPeak;
    const row = (m: FromMeasure) => ({
      peakMiB: mib(m.peakBytes),
      denoPeakMiB: mib(m.denoPeakBytes),
      seconds: round(m.seconds),
      load: m.load,
      reportHtmlMiB: mib(m.reportHtmlBytes),
    });
    const figures = {
      command: "report --from RUN.jsonl --by outlet --no-notebooks --out DIR",
      corpus: {
        mb,
        articles: small.articles,
        runMiB: mib(small.runBytes),
        largeMb,
        largeArticles: large.articles,
        largeRunMiB: mib(large.runBytes),
      },
      measures: measures.map((m) => ({ small: row(m.small), large: row(m.large) })),
      peakMiB: { small: mib(smallPeak), large: mib(largePeak) },
      denoPeakMiB: { small: mib(smallDeno), large: mib(largeDeno) },
      withNotebooks: withNotebooks && {
        small: row(withNotebooks.small),
        large: row(withNotebooks.large),
        ratio: round(withNotebooks.large.peakBytes / withNotebooks.small.peakBytes, 3),
      },
      ratios: {
        peak_memory_from_40mb_over_10mb: round(ratio, 3),
        deno_peak_memory_from_40mb_over_10mb: round(largeDeno / smallDeno, 3),
      },
      bars: { peak_memory_from_40mb_over_10mb_at_most_1_3: ratio <= FROM_PEAK_BAR },
    };
    const line = (name: string, m: FromMeasure) =>
      `| ${name} | ${mib(m.peakBytes).toFixed(1)} | ${mib(m.denoPeakBytes).toFixed(1)} | ` +
      `${m.seconds.toFixed(2)} | ${mib(m.reportHtmlBytes).toFixed(1)} | ${m.load} |`;
    const lines = [
      `\nreport --from on the compact run (${mb} MB: ${small.articles} articles, ` +
      `${mib(small.runBytes)} MiB; ${largeMb} MB: ${large.articles} articles, ` +
      `${mib(large.runBytes)} MiB), --by outlet (two outlets by turns), fresh process each:\n`,
      "| run | peak MiB (with Chromium) | peak MiB (Deno alone) | seconds | report.html MiB | " +
      "load at start |",
      "| --- | ---: | ---: | ---: | ---: | ---: |",
      ...measures.flatMap((m, i) => [
        line(`${mb} MB, --no-notebooks (${i + 1})`, m.small),
        line(`${largeMb} MB, --no-notebooks (${i + 1})`, m.large),
      ]),
      ...(withNotebooks
        ? [
          line(`${mb} MB, notebooks`, withNotebooks.small),
          line(`${largeMb} MB, notebooks`, withNotebooks.large),
        ]
        : []),
      `\npeak ${largeMb} MB / ${mb} MB ${figures.ratios.peak_memory_from_40mb_over_10mb} ` +
      `(with Chromium, median of ${repeats}; bar <= ${FROM_PEAK_BAR}); Deno alone ` +
      `${figures.ratios.deno_peak_memory_from_40mb_over_10mb}` +
      (withNotebooks ? `; with notebooks ${figures.withNotebooks!.ratio}` : ""),
    ];
    return { figures, lines };
  } finally {
    if (options.dir === undefined) await Deno.remove(dir, { recursive: true });
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      stage: { type: "boolean", default: false },
      run: { type: "string" },
      out: { type: "string" },
      notebooks: { type: "boolean", default: false },
      mb: { type: "string", default: "10" },
      "large-mb": { type: "string", default: "40" },
      repeats: { type: "string", default: "1" },
      dir: { type: "string" },
    },
  });
  if (values.stage) {
    console.log(JSON.stringify(await reportStage(values.run!, values.out!, values.notebooks)));
    Deno.exit(0);
  }
  const { mb, largeMb, repeats } = benchSizes(values);
  const loadAtStart = loadAverage();
  const { figures, lines } = await benchFrom({
    dir: values.dir,
    mb,
    largeMb,
    repeats,
    notebooks: values.notebooks,
  });
  for (const line of lines) console.log(line);
  const loadAtEnd = loadAverage();
  console.log(
    `load average at start ${loadAtStart.join(" ")}, at end ${loadAtEnd.join(" ")}; ` +
      `${navigator.hardwareConcurrency} cores\n`,
  );
  console.log(JSON.stringify({
    from: figures,
    machine: {
      cores: navigator.hardwareConcurrency,
      loadAtStart,
      loadAtEnd,
      deno: Deno.version.deno,
    },
  }));
}
