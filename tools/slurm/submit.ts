/**
 * `deno task slurm:submit CORPUS... --shards N --out DIR`: writes the two
 * SLURM job scripts of a sharded corpus run into `DIR/slurm/` (an array job
 * with one task per shard, each with `--resume`, and a merge job) from the
 * templates beside this file, and submits them with `sbatch`, the merge with
 * `--dependency=afterok` on the array. `--dry-run` prints the scripts and the
 * commands instead.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const USAGE = `Usage: deno task slurm:submit CORPUS... --shards N --out DIR [options]

Writes DIR/slurm/analyze_array.sbatch (one array task per shard, each running
\`analyze CORPUS --shard K/N --resume\` in the folder this command was given in,
so that relative corpus paths read the same) and DIR/slurm/merge.sbatch
(\`merge\`), then submits both: the merge with
--dependency=afterok:<array job>. Outputs go to DIR/shards/K.* (per shard),
DIR/merged.jsonl, DIR/merged.tables.json, DIR/merged.errors.jsonl; logs to
DIR/logs/. Prints one JSON line {"array": ID, "merge": ID} at the end.

Options:
  --shards N          shards, one array task each (required)
  --out DIR           the run's folder (required; made if missing)
  --cpus N            CPUs per array task (default 2)
  --workers N         analyze --workers per task (default: --cpus)
  --resamples N       analyze --resamples
  --format FORMAT     the tables: json (one file, the default), csv or parquet
                      (a folder of files each: OUT/shards/K.tables/,
                      OUT/merged.tables/)
  --compact           compact lines (then no tables: --resume cannot rebuild them);
                      no actor intervals over mentions unless --intervals
  --intervals         with --compact: keep the actor intervals (analyze --intervals)
  --partition NAME    #SBATCH --partition
  --time LIMIT        #SBATCH --time (e.g. 2:00:00)
  --mem SIZE          #SBATCH --mem per task (e.g. 4G)
  --module NAME       \`module load NAME\` before the job (repeatable, e.g. nodejs)
  --tasks LIST        submit only these array tasks (e.g. 2 or 2,4), to rerun
                      tasks that were cancelled or failed: they resume
  --after-array ID    with --tasks: the earlier array job whose other tasks
                      the new merge job waits for (afterok:ID_K for each K
                      not in LIST)
  --dry-run           print the scripts and the sbatch commands; submit nothing
  -h, --help          this text`;

/** What the two job scripts are made from. */
export interface SlurmRunOptions {
  /** The corpus paths, as given (relative to `workdir` or absolute). */
  corpus: string[];
  shards: number;
  /** The run's folder, absolute. */
  out: string;
  /** The repository (where deno.json is), absolute. */
  repo: string;
  /**
   * Where the jobs run, absolute: the folder the command was given in, so that
   * relative corpus paths (which the articles' \`origin\` records) read as they were given.
   */
  workdir: string;
  cpus: number;
  workers: number;
  resamples?: number;
  compact?: boolean;
  /** With `compact`: keep the actor intervals over mentions (`analyze --intervals`). */
  intervals?: boolean;
  /** The format of the tables. @default "json" */
  format?: "json" | "csv" | "parquet";
  partition?: string;
  time?: string;
  mem?: string;
  modules?: string[];
}

const TEMPLATES = dirname(fileURLToPath(import.meta.url));

/** Characters a path may not hold here, because the scripts put it in double quotes. */
const UNSAFE = /["$`\\\n]/;

/**
 * The two job scripts of a sharded run, filled in from the templates
 * `tools/slurm/analyze_array.sbatch` and `tools/slurm/merge.sbatch`.
 *
 * @example
 * ```ts
 * import { slurmScripts } from "./submit.ts";
 * import { ok } from "node:assert/strict";
 *
 * const s = await slurmScripts({ corpus: ["/data/news"], shards: 4, out: "/scratch/run",
 *   repo: "/home/me/toolkit", workdir: "/home/me", cpus: 2, workers: 2 });
 * ok(s.array.includes("#SBATCH --array=1-4"));
 * ok(s.array.includes('--shard "${k}/4"') && s.array.includes("--resume"));
 * ok(s.merge.includes('"/scratch/run/shards/4.jsonl"'));
 * ```
 */
export async function slurmScripts(o: SlurmRunOptions): Promise<{ array: string; merge: string }> {
  for (const p of [...o.corpus, o.out, o.repo, o.workdir, ...(o.modules ?? [])]) {
    if (UNSAFE.test(p)) {
      throw new RangeError(
        `Cannot write a job script for "${p}": expected a path without ", $, \`, \\ or a line break`,
      );
    }
  }
  const sbatch = [
    o.partition && `#SBATCH --partition=${o.partition}`,
    o.time && `#SBATCH --time=${o.time}`,
    o.mem && `#SBATCH --mem=${o.mem}`,
  ].filter(Boolean).join("\n");
  const format = o.format ?? "json";
  const tablesName = format === "json" ? "tables.json" : "tables";
  const formatFlag = format === "json" ? "" : `--format ${format} `;
  const fields: Record<string, string> = {
    name: "framing",
    shards: String(o.shards),
    cpus: String(o.cpus),
    workers: String(o.workers),
    out: o.out,
    repo: `"${o.repo}"`,
    workdir: `"${o.workdir}"`,
    sbatch,
    modules: (o.modules ?? []).map((m) => `module load "${m}"`).join("\n"),
    corpus: o.corpus.map((p) => `"${p}"`).join(" "),
    tables: o.compact ? "" : `--tables "${o.out}/shards/\${k}.${tablesName}" \\\n  ${formatFlag}`,
    options: [
      o.resamples === undefined ? "" : ` --resamples ${o.resamples}`,
      o.compact ? " --compact" : "",
      o.compact && o.intervals ? " --intervals" : "",
    ].join(""),
    shard_outputs: Array.from({ length: o.shards }, (_, i) => `"${o.out}/shards/${i + 1}.jsonl"`)
      .join(" "),
    merged_tables: o.compact ? "" : `--tables "${o.out}/merged.${tablesName}" \\\n  `,
  };
  const fill = (template: string) =>
    template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      if (!(name in fields)) throw new RangeError(`Cannot fill the job script: no field "${name}"`);
      return fields[name];
    });
  return {
    array: fill(await Deno.readTextFile(join(TEMPLATES, "analyze_array.sbatch"))),
    merge: fill(await Deno.readTextFile(join(TEMPLATES, "merge.sbatch"))),
  };
}

/** Runs sbatch; returns the job id. */
async function sbatch(args: string[]): Promise<string> {
  const out = await new Deno.Command("sbatch", { args: ["--parsable", ...args] }).output();
  const text = new TextDecoder().decode(out.stdout).trim();
  if (!out.success) {
    throw new Error(
      `sbatch ${args.join(" ")} failed: ${new TextDecoder().decode(out.stderr).trim()}`,
    );
  }
  return text.split(";")[0];
}

function wholeNumber(name: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) {
    throw new RangeError(`--${name}: expected a whole number >= ${min}, found "${text}"`);
  }
  return n;
}

/** Runs the command; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  let v, positionals;
  try {
    ({ values: v, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        shards: { type: "string" },
        out: { type: "string" },
        cpus: { type: "string" },
        workers: { type: "string" },
        resamples: { type: "string" },
        compact: { type: "boolean" },
        intervals: { type: "boolean" },
        format: { type: "string" },
        partition: { type: "string" },
        time: { type: "string" },
        mem: { type: "string" },
        module: { type: "string", multiple: true },
        tasks: { type: "string" },
        "after-array": { type: "string" },
        "dry-run": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : e}\n\n${USAGE}`);
    return 2;
  }
  if (v.help) {
    console.log(USAGE);
    return 0;
  }
  let options: SlurmRunOptions;
  let tasks: number[] | undefined;
  try {
    if (positionals.length === 0) throw new RangeError("No corpus given.");
    const shards = wholeNumber("shards", v.shards, 1);
    if (shards === undefined) throw new RangeError("--shards N is required.");
    if (v.out === undefined) throw new RangeError("--out DIR is required.");
    const cpus = wholeNumber("cpus", v.cpus, 1) ?? 2;
    if (v.format !== undefined && !["json", "csv", "parquet"].includes(v.format)) {
      throw new RangeError(`--format: expected json, csv or parquet, found "${v.format}"`);
    }
    if (v.tasks !== undefined) {
      tasks = v.tasks.split(",").map((t) => wholeNumber("tasks", t, 1)!);
      const bad = tasks.find((t) => t > shards);
      if (bad !== undefined) {
        throw new RangeError(`--tasks: task ${bad} is beyond --shards ${shards}`);
      }
    }
    // Refused here rather than by every array task.
    if (v.intervals && !v.compact) {
      throw new RangeError(
        "--intervals goes with --compact: full lines always hold the intervals.",
      );
    }
    if (v.compact && !v.intervals && v.resamples !== undefined) {
      throw new RangeError(
        "--resamples sets the actor intervals, which --compact leaves out: add --intervals.",
      );
    }
    if (v["after-array"] !== undefined && tasks === undefined) {
      throw new RangeError("--after-array goes with --tasks (the tasks submitted again).");
    }
    if (v["after-array"] !== undefined && !/^\d+$/.test(v["after-array"])) {
      throw new RangeError(`--after-array: expected a job id, found "${v["after-array"]}"`);
    }
    for (const p of positionals) {
      await Deno.stat(p).catch(() => {
        throw new RangeError(`Cannot find the corpus path "${p}"`);
      });
    }
    options = {
      corpus: positionals,
      shards,
      out: resolve(v.out),
      repo: resolve(TEMPLATES, "..", ".."),
      workdir: Deno.cwd(),
      cpus,
      workers: wholeNumber("workers", v.workers, 0) ?? cpus,
      resamples: wholeNumber("resamples", v.resamples, 1),
      compact: v.compact,
      intervals: v.intervals,
      format: v.format as SlurmRunOptions["format"],
      partition: v.partition,
      time: v.time,
      mem: v.mem,
      modules: v.module,
    };
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    console.error(`${e.message}\n\n${USAGE}`);
    return 2;
  }
  const scripts = await slurmScripts(options);
  const folder = join(options.out, "slurm");
  const arrayPath = join(folder, "analyze_array.sbatch");
  const mergePath = join(folder, "merge.sbatch");
  const arrayArgs = [...(tasks ? [`--array=${tasks.join(",")}`] : []), arrayPath];
  const others = v["after-array"] === undefined
    ? []
    : Array.from({ length: options.shards }, (_, i) => i + 1)
      .filter((k) => !tasks!.includes(k))
      .map((k) => `${v["after-array"]}_${k}`);
  const mergeArgs = (array: string) => [
    `--dependency=afterok:${[array, ...others].join(":")}`,
    "--kill-on-invalid-dep=yes",
    mergePath,
  ];
  if (v["dry-run"]) {
    console.log(`# ${arrayPath}\n${scripts.array}\n# ${mergePath}\n${scripts.merge}`);
    console.log(`# submitted with:\nsbatch --parsable ${arrayArgs.join(" ")}`);
    console.log(`sbatch --parsable ${mergeArgs("<array job id>").join(" ")}`);
    return 0;
  }
  for (const sub of ["slurm", "shards", "logs"]) {
    await Deno.mkdir(join(options.out, sub), { recursive: true });
  }
  await Deno.writeTextFile(arrayPath, scripts.array);
  await Deno.writeTextFile(mergePath, scripts.merge);
  let array: string, merge: string;
  try {
    array = await sbatch(arrayArgs);
    merge = await sbatch(mergeArgs(array));
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) {
      console.error("Cannot submit: sbatch is not on PATH (run this on a SLURM login node)");
      return 1;
    }
    console.error(e instanceof Error ? e.message : String(e));
    return 1;
  }
  console.error(
    `submitted array job ${array} (${
      tasks ? `tasks ${tasks.join(",")}` : `${options.shards} tasks`
    })` +
      ` and merge job ${merge} (after ${
        [array, ...others].join(", ")
      }); logs in ${options.out}/logs`,
  );
  console.log(JSON.stringify({ array, merge }));
  return 0;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
