/**
 * `deno task report`: the main job on the bundled articles (`data/corpus`).
 * For now it writes the analysis JSON (`out/analysis.json`) and executes
 * every notebook in `notebooks/` into `out/notebooks/`, with an HTML export
 * of each. Jupyter and Chromium are installed first if missing (see
 * ensure_deps.ts). For other articles, use `deno task analyze`.
 *
 * @module
 */
import { join, relative } from "node:path";
import { ensureDependencies } from "./ensure_deps.ts";
import { REPO_ROOT, runNotebook } from "./run_notebooks.ts";

async function main(args: string[]): Promise<number> {
  if (args.length > 0) {
    console.error("The report takes no arguments; for other articles use `deno task analyze`.");
    return 2;
  }
  // Relative paths, so that the JSON records the same origins on every machine.
  const inputs = ["data/corpus"];
  const out = join(REPO_ROOT, "out");
  if (!await ensureDependencies(["jupyter", "chromium"])) return 1;

  const analysis = join(out, "analysis.json");
  const analyze = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "lib/cli/analyze.ts", ...inputs, "--out", "out/analysis.json"],
    cwd: REPO_ROOT,
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  if (!analyze.success) {
    console.error(`The analysis failed (exit ${analyze.code}).`);
    return 1;
  }
  const written = [analysis];

  const notebooksDir = join(REPO_ROOT, "notebooks");
  const notebooks = [...Deno.readDirSync(notebooksDir)]
    .filter((e) => e.isFile && e.name.endsWith(".ipynb"))
    .map((e) => join(notebooksDir, e.name))
    .sort();
  let failed = 0;
  for (const notebook of notebooks) {
    const run = await runNotebook(notebook, { outDir: join(out, "notebooks"), html: true });
    written.push(run.output, ...(run.html ? [run.html] : []));
    for (const problem of run.problems) {
      console.error(`${relative(REPO_ROOT, notebook)}: ${problem}`);
    }
    if (run.problems.length > 0) failed++;
  }
  console.error(`Wrote:\n${written.map((f) => `  ${relative(REPO_ROOT, f)}`).join("\n")}`);
  if (failed > 0) console.error(`${failed} notebook(s) had errors.`);
  return failed === 0 ? 0 : 1;
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}
