/**
 * `deno task bench:shards [--mb 4] [--repeats 3]`: shards and merge on the
 * bench corpus (`tools/bench_corpus.ts`). Measures, as wall time of whole
 * processes started from here:
 *
 * - the two-process ceiling: two processes at once, each running the bench's
 *   one-thread analysis (`tools/bench.ts --stage full`) on one half of the
 *   corpus (the articles of shard 1/2 and of shard 2/2), from process start
 *   to exit;
 * - two shards at once: `analyze CORPUS --shard K/2 --workers 0` with
 *   `--jsonl`, `--tables` and `--errors`, each reading the whole corpus;
 * - the merge of the two shards (`merge OUT S1 S2 --tables --errors`), and
 *   that it gives the bytes of an unsharded run (checked with a byte compare).
 *
 * The ceiling and the shards run in `--repeats` adjacent pairs (the host's
 * speed drifts); the pair whose ratio is the median gives the figures, and
 * every pair is printed. The last line is one JSON object with the figures,
 * the ratios and whether the bars of issue 22 were met: shards ≤ 1.1 × the
 * ceiling, merge < 5% of the analysis time.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { benchCorpus } from "./bench_corpus.ts";
import { shardOf } from "../lib/run/shard.ts";

const REPO = fileURLToPath(new URL("..", import.meta.url));

/** GNU time, when the machine has it: it gives each process's CPU seconds. */
const GNU_TIME = await Deno.stat("/usr/bin/time").then(() => "/usr/bin/time", () => undefined);

/**
 * Runs the commands at once; returns the wall time until the last ended and
 * the CPU time (user + system) of all of them (NaN without GNU time). On a
 * host that other jobs share, the wall time measures them too; the CPU time
 * much less.
 */
async function timed(runs: { args: string[] }[]): Promise<{ wall: number; cpu: number }> {
  const t0 = performance.now();
  const outs = await Promise.all(
    runs.map((r) =>
      new Deno.Command(GNU_TIME ?? Deno.execPath(), {
        args: GNU_TIME ? ["-f", "cpu %U %S", Deno.execPath(), ...r.args] : r.args,
        cwd: REPO,
        stdout: "piped",
        stderr: "piped",
      }).output()
    ),
  );
  const wall = (performance.now() - t0) / 1000;
  let cpu = GNU_TIME ? 0 : NaN;
  for (const [i, o] of outs.entries()) {
    const err = new TextDecoder().decode(o.stderr);
    if (!o.success) throw new Error(`${runs[i].args.join(" ")} failed:\n${err}`);
    const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(err);
    cpu += m ? Number(m[1]) + Number(m[2]) : NaN;
  }
  return { wall, cpu };
}

async function same(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([Deno.readFile(a), Deno.readFile(b)]);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      mb: { type: "string", default: "4" },
      repeats: { type: "string", default: "3" },
      dir: { type: "string" },
    },
  });
  const mb = Number(values.mb);
  const repeats = Number(values.repeats);
  if (!(mb > 0) || !Number.isInteger(repeats) || repeats < 1) {
    throw new RangeError("--mb must be positive and --repeats a whole number >= 1");
  }
  const dir = values.dir ?? await Deno.makeTempDir({ prefix: "framing-bench-shards-" });
  await Deno.mkdir(dir, { recursive: true });
  const log = (s: string) => console.error(s);
  log(`building a ${mb} MB corpus and its two halves in ${dir} ...`);
  const corpus = `${dir}/corpus.jsonl`;
  const halves = [`${dir}/half1.jsonl`, `${dir}/half2.jsonl`];
  const parts: string[][] = [[], [], []];
  let articles = 0;
  for await (const a of benchCorpus(mb * 1024 * 1024)) {
    const line = JSON.stringify(a);
    parts[0].push(line);
    parts[shardOf(a.id, 2)].push(line);
    articles++;
  }
  await Deno.writeTextFile(corpus, parts[0].join("\n") + "\n");
  await Deno.writeTextFile(halves[0], parts[1].join("\n") + "\n");
  await Deno.writeTextFile(halves[1], parts[2].join("\n") + "\n");

  const shardArgs = (k: number) => [
    "run",
    "-A",
    "lib/cli/analyze.ts",
    corpus,
    "--shard",
    `${k}/2`,
    "--jsonl",
    `${dir}/s${k}.jsonl`,
    "--tables",
    `${dir}/s${k}.tables.json`,
    "--errors",
    `${dir}/s${k}.errors.jsonl`,
    "--workers",
    "0",
  ];
  type Timing = { wall: number; cpu: number };
  const pairs: { ceiling: Timing; shards: Timing; ratio: number }[] = [];
  for (let i = 1; i <= repeats; i++) {
    log(`two processes at once, one half each (pair ${i} of ${repeats}) ...`);
    const ceiling = await timed(halves.map((h) => ({
      args: ["run", "-A", "tools/bench.ts", "--stage", "full", "--corpus", h],
    })));
    log(`two shards at once (pair ${i} of ${repeats}) ...`);
    const shards = await timed([1, 2].map((k) => ({ args: shardArgs(k) })));
    pairs.push({ ceiling, shards, ratio: shards.wall / ceiling.wall });
    log(
      `  ceiling ${ceiling.wall.toFixed(2)} s (CPU ${ceiling.cpu.toFixed(2)} s), ` +
        `shards ${shards.wall.toFixed(2)} s (CPU ${shards.cpu.toFixed(2)} s), load ${
          Deno.loadavg()[0]
        }`,
    );
  }
  const median = [...pairs].sort((a, b) => a.ratio - b.ratio)[(pairs.length - 1) >> 1];
  log("merge ...");
  const merge = await timed([{
    args: [
      "run",
      "-A",
      "lib/cli/merge.ts",
      `${dir}/merged.jsonl`,
      `${dir}/s1.jsonl`,
      `${dir}/s2.jsonl`,
      "--tables",
      `${dir}/merged.tables.json`,
      "--errors",
      `${dir}/merged.errors.jsonl`,
    ],
  }]);
  log("one unsharded run (2 workers), to compare the bytes ...");
  await timed([{
    args: [
      "run",
      "-A",
      "lib/cli/analyze.ts",
      corpus,
      "--jsonl",
      `${dir}/whole.jsonl`,
      "--tables",
      `${dir}/whole.tables.json`,
      "--errors",
      `${dir}/whole.errors.jsonl`,
      "--workers",
      "2",
    ],
  }]);
  const identical = await same(`${dir}/merged.jsonl`, `${dir}/whole.jsonl`) &&
    await same(`${dir}/merged.tables.json`, `${dir}/whole.tables.json`) &&
    await same(`${dir}/merged.errors.jsonl`, `${dir}/whole.errors.jsonl`) &&
    await same(`${dir}/merged.jsonl.provenance.json`, `${dir}/whole.jsonl.provenance.json`);
  const outputMiB = (await Deno.stat(`${dir}/merged.jsonl`)).size / 1024 / 1024;
  const figures = {
    corpus: { mb, articles, halves: [parts[1].length, parts[2].length] },
    pairs: pairs.map((p) => ({
      ceiling: round(p.ceiling.wall, 2),
      shards: round(p.shards.wall, 2),
      ratio: round(p.ratio),
      ceilingCpu: round(p.ceiling.cpu, 2),
      shardsCpu: round(p.shards.cpu, 2),
      cpuRatio: round(p.shards.cpu / p.ceiling.cpu),
    })),
    seconds: {
      ceiling: round(median.ceiling.wall, 2),
      shards: round(median.shards.wall, 2),
      merge: round(merge.wall, 2),
    },
    cpuSeconds: {
      ceiling: round(median.ceiling.cpu, 2),
      shards: round(median.shards.cpu, 2),
      merge: round(merge.cpu, 2),
    },
    loadAtEnd: Deno.loadavg(),
    mergedJsonlMiB: round(outputMiB, 1),
    ratios: {
      shards_over_ceiling: round(median.ratio),
      merge_over_analysis: round(merge.wall / median.shards.wall),
      shards_over_ceiling_cpu: round(median.shards.cpu / median.ceiling.cpu),
      merge_over_analysis_cpu: round(merge.cpu / median.shards.cpu),
    },
    bars: {
      shards_over_ceiling_at_most_1_1: median.ratio <= 1.1,
      merge_under_5_percent_of_analysis: merge.wall / median.shards.wall < 0.05,
      merged_bytes_identical_to_one_run: identical,
    },
  };
  console.log(JSON.stringify(figures));
  if (values.dir === undefined) await Deno.remove(dir, { recursive: true });
}
