/**
 * Benchmark of the main job: runs `tools/report.ts` twice on the bundled
 * articles (cold, then warm: module cache, kernel and browser files already
 * read once) into a temporary folder, and prints each run's wall time, the
 * time per stage the report reports, the load average, and a final JSON line.
 * The bar is a warm run under 30 s.
 *
 * Usage: `deno task bench:report [--out DIR] [--no-notebooks]`
 * (default: a temporary folder, removed afterwards).
 *
 * @module
 */
import { parseArgs } from "node:util";
import { REPO_ROOT } from "./run_notebooks.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: { out: { type: "string" }, "no-notebooks": { type: "boolean" } },
});
const dir = values.out ?? await Deno.makeTempDir({ prefix: "bench_report_" });

async function loadavg(): Promise<string> {
  try {
    return (await Deno.readTextFile("/proc/loadavg")).trim();
  } catch {
    return "unknown";
  }
}

const runs: { run: string; seconds: number; stages: string; loadavg: string; ok: boolean }[] = [];
try {
  for (const run of ["cold", "warm"]) {
    const load = await loadavg();
    const start = performance.now();
    const result = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "-A",
        "tools/report.ts",
        "--out",
        dir,
        ...(values["no-notebooks"] ? ["--no-notebooks"] : []),
      ],
      cwd: REPO_ROOT,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const seconds = (performance.now() - start) / 1000;
    const stderr = new TextDecoder().decode(result.stderr);
    const stages = stderr.split("\n").find((l) => l.startsWith("Time: "))?.slice(6) ?? "";
    if (!result.success) console.error(stderr);
    runs.push({ run, seconds, stages, loadavg: load, ok: result.success });
    console.log(
      `${run}: ${seconds.toFixed(1)} s${result.success ? "" : " (FAILED)"}  [${stages}]  ` +
        `loadavg before: ${load}`,
    );
  }
} finally {
  if (values.out === undefined) await Deno.remove(dir, { recursive: true });
}
const warm = runs.find((r) => r.run === "warm");
console.log(JSON.stringify({
  bench: "report",
  notebooks: !values["no-notebooks"],
  cores: navigator.hardwareConcurrency,
  runs,
  warmSeconds: warm ? Number(warm.seconds.toFixed(2)) : null,
  underThirtySeconds: warm !== undefined && warm.ok && warm.seconds < 30,
}));
