/**
 * Issue 22 on a real SLURM cluster (Debian's slurm-wlm and munge, one node):
 * `deno task slurm:submit` with 4 shards and the merge job gives the bytes of
 * one unsharded run; an array task cancelled with `scancel` mid-run and
 * submitted again resumes, and the merge is again the bytes of one run.
 *
 * The cluster is the one SLURM_CONF names, if it answers; otherwise, as root,
 * the test starts its own (`tools/slurm/local_cluster.sh`) and stops it after.
 * Not as root and without CI=true, the test is skipped with a message; with
 * CI=true it never is.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { main as analyze } from "../lib/cli/analyze.ts";
import { benchCorpus } from "../tools/bench_corpus.ts";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const CLUSTER_SCRIPT = `${REPO}tools/slurm/local_cluster.sh`;
const CI = Deno.env.get("CI") === "true";
const ROOT = Deno.uid() === 0;

async function command(
  cmd: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const out = await new Deno.Command(cmd, { args, env, cwd: REPO }).output();
    const d = new TextDecoder();
    return { code: out.code, stdout: d.decode(out.stdout), stderr: d.decode(out.stderr) };
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) {
      return { code: 127, stdout: "", stderr: `${cmd}: not found` };
    }
    throw e;
  }
}

const given = Deno.env.get("SLURM_CONF");
const reachable = given !== undefined && (await command("sinfo", ["-h"])).code === 0;
const ignore = !reachable && !ROOT && !CI;
if (ignore) {
  console.log(
    "slurm_test: skipped: no SLURM cluster answers (SLURM_CONF) and starting one needs root " +
      "(it is never skipped with CI=true; .ci/run starts one)",
  );
}

/** A cluster to submit to: the one SLURM_CONF names, or one started here (as root). */
async function cluster(): Promise<{ env: Record<string, string>; stop: () => Promise<void> }> {
  if (reachable) return { env: { SLURM_CONF: given! }, stop: () => Promise.resolve() };
  if (!ROOT) {
    throw new Error(
      "CI=true: the SLURM test needs a cluster (SLURM_CONF) or root to start one; run .ci/run as root",
    );
  }
  const install = await command("bash", [CLUSTER_SCRIPT, "install"]);
  strictEqual(install.code, 0, install.stderr);
  const dir = await Deno.makeTempDir({ prefix: "framing-slurm-" });
  const start = await command("bash", [CLUSTER_SCRIPT, "start", dir]);
  strictEqual(start.code, 0, start.stderr);
  return {
    env: { SLURM_CONF: `${dir}/slurm.conf` },
    stop: async () => {
      await command("bash", [CLUSTER_SCRIPT, "stop", dir]);
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    },
  };
}

const TERMINAL =
  /^(COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY|PREEMPTED|BOOT_FAIL|DEADLINE)/;

/** The states of a job (an array job gives one per task), from scontrol. */
async function states(env: Record<string, string>, job: string): Promise<string[]> {
  const r = await command("scontrol", ["show", "job", "-o", job], env);
  if (r.code !== 0) return [];
  return [...r.stdout.matchAll(/JobState=(\S+)/g)].map((m) => m[1]);
}

async function waitFor(
  env: Record<string, string>,
  job: string,
  seconds = 300,
): Promise<string[]> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    const s = await states(env, job);
    if (s.length > 0 && s.every((x) => TERMINAL.test(x))) return s;
    await new Promise((r) => setTimeout(r, 250));
  }
  const queue = await command("squeue", ["-l"], env);
  throw new Error(`Job ${job} did not end within ${seconds} s:\n${queue.stdout}`);
}

async function submit(
  env: Record<string, string>,
  corpus: string,
  out: string,
  ...more: string[]
): Promise<{ array: string; merge: string }> {
  const r = await command(Deno.execPath(), [
    "run",
    "-A",
    "tools/slurm/submit.ts",
    corpus,
    "--shards",
    "4",
    "--out",
    out,
    "--cpus",
    "1",
    "--workers",
    "1",
    "--resamples",
    "50",
    ...more,
  ], env);
  strictEqual(r.code, 0, r.stderr);
  return JSON.parse(r.stdout.trim().split("\n").at(-1)!);
}

const OUTPUTS = [
  "merged.jsonl",
  "merged.jsonl.provenance.json",
  "merged.tables.json",
  "merged.errors.jsonl",
];
const REFERENCE = [
  "whole.jsonl",
  "whole.jsonl.provenance.json",
  "whole.tables.json",
  "whole.errors.jsonl",
];
const read = (dir: string, files: string[]) =>
  Promise.all(files.map((f) => Deno.readFile(`${dir}/${f}`)));

async function logs(out: string): Promise<string> {
  const parts = [];
  for await (const e of Deno.readDir(`${out}/logs`)) {
    parts.push(`== ${e.name}\n${await Deno.readTextFile(`${out}/logs/${e.name}`)}`);
  }
  return parts.join("\n");
}

Deno.test({
  name: "slurm:submit on a real cluster: 4 shards + merge = one run; a cancelled task resumes",
  ignore,
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async (t) => {
    const work = await Deno.makeTempDir({ prefix: "framing-slurm-run-" });
    // A news-like corpus of about 1.2 MB, one JSON line per article, and one line that fails.
    const corpus = `${work}/corpus.jsonl`;
    const lines = [];
    for await (const a of benchCorpus(1_200_000)) lines.push(JSON.stringify(a));
    lines.splice(7, 0, '{"id": "broken", "text": ""}');
    await Deno.writeTextFile(corpus, lines.join("\n") + "\n");
    const quiet = console.error;
    console.error = () => {};
    let code;
    try {
      code = await analyze([
        corpus,
        "--jsonl",
        `${work}/whole.jsonl`,
        "--tables",
        `${work}/whole.tables.json`,
        "--errors",
        `${work}/whole.errors.jsonl`,
        "--resamples",
        "50",
        "--workers",
        "2",
      ]);
    } finally {
      console.error = quiet;
    }
    strictEqual(code, 0);
    const expected = await read(work, REFERENCE);
    ok(new TextDecoder().decode(expected[3]).includes("corpus.jsonl:8"));

    const { env, stop } = await cluster();
    try {
      await t.step(
        "an array of 4 shards and the merge after it give the bytes of one run",
        async () => {
          const out = `${work}/clean`;
          const { array, merge } = await submit(env, corpus, out);
          const tasks = await waitFor(env, array);
          deepStrictEqual(
            tasks,
            ["COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED"],
            await logs(out),
          );
          deepStrictEqual(await waitFor(env, merge), ["COMPLETED"], await logs(out));
          deepStrictEqual(await read(out, OUTPUTS), expected);
        },
      );

      await t.step("a task cancelled with scancel and submitted again resumes", async () => {
        const out = `${work}/cancelled`;
        const { array, merge } = await submit(env, corpus, out);
        // Cancel task 2 once it has written lines and before it finishes.
        const jsonl = `${out}/shards/2.jsonl`;
        const record = `${jsonl}.shard.json`;
        const until = Date.now() + 240_000;
        let cancelled = false;
        while (Date.now() < until) {
          const size = await Deno.stat(jsonl).then((s) => s.size, () => 0);
          const done = await Deno.readTextFile(record).then(
            (t) => t.includes('"complete":true'),
            () => false,
          );
          ok(!done, "shard 2 finished before it could be cancelled: make the corpus larger");
          if (size > 0) {
            const r = await command("scancel", [`${array}_2`], env);
            strictEqual(r.code, 0, r.stderr);
            cancelled = true;
            break;
          }
          await new Promise((r) => setTimeout(r, 20));
        }
        ok(cancelled, `shard 2 wrote no line in 240 s:\n${await logs(out)}`);
        const tasks = await waitFor(env, array);
        ok(tasks.some((s) => s.startsWith("CANCELLED")), tasks.join(" "));
        // The merge never runs after a cancelled task (afterok, kill-on-invalid-dep).
        ok(!(await waitFor(env, merge)).includes("COMPLETED"));
        ok((await Deno.readTextFile(record)).includes('"complete":false'));
        await Deno.stat(`${out}/merged.jsonl`).then(
          () => Promise.reject(new Error("the merge ran after a cancelled task")),
          () => undefined,
        );

        const again = await submit(env, corpus, out, "--tasks", "2", "--after-array", array);
        deepStrictEqual(await waitFor(env, again.array), ["COMPLETED"], await logs(out));
        deepStrictEqual(await waitFor(env, again.merge), ["COMPLETED"], await logs(out));
        const log = await Deno.readTextFile(`${out}/logs/analyze-2.log`);
        const kept = /resume: kept (\d+) lines/g;
        const counts = [...log.matchAll(kept)].map((m) => Number(m[1]));
        strictEqual(counts.length, 2, log);
        ok(counts[1] > 0, `the resubmitted task kept no line:\n${log}`);
        deepStrictEqual(await read(out, OUTPUTS), expected);
      });
    } finally {
      await stop();
    }
    // Kept when a step failed, for its logs.
    await Deno.remove(work, { recursive: true });
  },
});
