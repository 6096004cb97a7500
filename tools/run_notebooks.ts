/**
 * Executes notebooks through the real Deno kernel (Jupyter's nbconvert, with
 * the kernelspec kept in `jupyter/`), writes the executed copies and,
 * optionally, their HTML exports, and reports every error output.
 *
 * ```sh
 * deno run -A tools/run_notebooks.ts                        # every notebooks/*.ipynb into out/notebooks
 * deno run -A tools/run_notebooks.ts --html --out out/nb notebooks/01_compare_articles.ipynb
 * deno run -A tools/run_notebooks.ts --param corpusPath=../data/corpus
 * ```
 *
 * @module
 */
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (this file is in `tools/`). */
export const REPO_ROOT: string = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** One output of a code cell, as nbformat stores it. */
export interface NotebookOutput {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
  traceback?: string[];
  metadata?: Record<string, unknown>;
}

/** One cell, as nbformat stores it. */
export interface NotebookCell {
  cell_type: string;
  source: string | string[];
  metadata: { tags?: string[]; [key: string]: unknown };
  outputs?: NotebookOutput[];
  [key: string]: unknown;
}

/** A notebook, as nbformat 4 stores it. */
export interface Notebook {
  cells: NotebookCell[];
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformat_minor: number;
}

/** Options for {@linkcode runNotebook}. */
export interface RunNotebookOptions {
  /** Folder for the executed notebook (and its HTML export). Created if missing. */
  outDir: string;
  /**
   * Also export the executed notebook to HTML.
   * @default false
   */
  html?: boolean;
  /**
   * Values for the variables of the cell tagged `parameters`; each replaces
   * the initialiser of `const NAME = ...;` there.
   * @default {}
   */
  parameters?: Record<string, unknown>;
  /**
   * Seconds a cell may run.
   * @default 600
   */
  cellTimeout?: number;
}

/** The result of executing one notebook. */
export interface NotebookRun {
  /** The notebook that was executed. */
  input: string;
  /** The executed copy. */
  output: string;
  /** The HTML export, when asked for. */
  html?: string;
  /** The executed notebook. */
  notebook: Notebook;
  /** Error outputs and error-like stderr, one line each; empty when all went well. */
  problems: string[];
}

/**
 * Executes one notebook with the repository's Deno kernelspec. The kernel
 * runs in the notebook's own folder, so relative paths in it work as they
 * do in JupyterLab. Errors in cells do not stop execution: they are
 * collected into `problems`.
 *
 * @param path The `.ipynb` file.
 * @param options Output folder, HTML export, parameters, timeout.
 * @returns The executed notebook and its problems.
 * @throws {Error} If nbconvert itself fails (kernel did not start, timeout).
 */
export async function runNotebook(path: string, options: RunNotebookOptions): Promise<NotebookRun> {
  const input = resolve(path);
  const outDir = resolve(options.outDir);
  await Deno.mkdir(outDir, { recursive: true });
  const source = JSON.parse(await Deno.readTextFile(input)) as Notebook;
  const notebook = withParameters(source, options.parameters ?? {}, input);
  const name = basename(input, ".ipynb");
  const output = join(outDir, `${name}.ipynb`);
  await nbconvert([
    "--stdin",
    "--to",
    "notebook",
    // Instead of --execute: nbclient drops outputs the Deno kernel sends a
    // moment after a cell's idle status; tools/nbconvert/deno_execute.py keeps them.
    '--Exporter.preprocessors=["deno_execute.DenoExecutePreprocessor"]',
    "--DenoExecutePreprocessor.allow_errors=True",
    `--DenoExecutePreprocessor.timeout=${options.cellTimeout ?? 600}`,
    "--DenoExecutePreprocessor.startup_timeout=180",
    "--output-dir",
    outDir,
    "--output",
    name,
  ], { cwd: dirname(input), stdin: JSON.stringify(notebook) });
  const executed = JSON.parse(await Deno.readTextFile(output)) as Notebook;
  let html: string | undefined;
  if (options.html) {
    await nbconvert(["--to", "html", "--output-dir", outDir, output], { cwd: outDir });
    html = join(outDir, `${name}.html`);
  }
  return {
    input,
    output,
    html,
    notebook: executed,
    problems: notebookProblems(executed),
  };
}

/**
 * Error outputs (`output_type: "error"`) and stderr streams that mention
 * "Error", one line each with the cell's index.
 *
 * @example
 * ```ts
 * import { type NotebookOutput, notebookProblems } from "./run_notebooks.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const cell = (outputs: NotebookOutput[]) => ({ cell_type: "code", source: "", metadata: {}, outputs });
 * deepStrictEqual(notebookProblems({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [
 *   cell([{ output_type: "stream", name: "stderr", text: ["warning\n"] }]),
 *   cell([{ output_type: "error", ename: "TypeError", evalue: "x is undefined", traceback: [] }]),
 * ] }), ['cell 1: TypeError: x is undefined']);
 * ```
 */
export function notebookProblems(notebook: Notebook): string[] {
  const problems: string[] = [];
  notebook.cells.forEach((cell, index) => {
    for (const output of cell.outputs ?? []) {
      if (output.output_type === "error") {
        problems.push(`cell ${index}: ${output.ename}: ${output.evalue}`);
      } else if (output.output_type === "stream" && output.name === "stderr") {
        const text = joined(output.text);
        if (/error/i.test(text)) {
          problems.push(`cell ${index}: stderr: ${text.trim().slice(0, 500)}`);
        }
      }
    }
  });
  return problems;
}

/**
 * The outputs of a notebook that carry the given MIME type, with their
 * cell index and the content under that type.
 *
 * @example
 * ```ts
 * import { outputsWithMime } from "./run_notebooks.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const nb = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{
 *   cell_type: "code", source: "", metadata: {},
 *   outputs: [{ output_type: "display_data", data: { "application/json": { n: 2 } } }],
 * }] };
 * deepStrictEqual(outputsWithMime(nb, "application/json"), [{ cell: 0, content: { n: 2 } }]);
 * ```
 */
export function outputsWithMime(
  notebook: Notebook,
  mime: string,
): { cell: number; content: unknown }[] {
  return notebook.cells.flatMap((cell, index) =>
    (cell.outputs ?? [])
      .filter((o) => o.data !== undefined && mime in o.data)
      .map((o) => ({ cell: index, content: o.data![mime] }))
  );
}

/**
 * A copy of the notebook whose `parameters` cell gives each named variable
 * the new value (as a JSON literal), and whose metadata records them.
 *
 * @throws {RangeError} If a parameter is not declared in the parameters cell.
 */
export function withParameters(
  notebook: Notebook,
  parameters: Record<string, unknown>,
  name = "notebook",
): Notebook {
  const names = Object.keys(parameters);
  if (names.length === 0) return notebook;
  const index = notebook.cells.findIndex((c) => c.metadata.tags?.includes("parameters"));
  if (index < 0) throw new RangeError(`"${name}" has no cell tagged "parameters"`);
  let source = joined(notebook.cells[index].source);
  for (const key of names) {
    const pattern = new RegExp(
      `^(\\s*(?:export\\s+)?(?:const|let)\\s+${key}\\s*(?::[^=]+)?=\\s*)[^\\n]*$`,
      "m",
    );
    if (!pattern.test(source)) {
      throw new RangeError(`"${name}" has no parameter "${key}" in its parameters cell`);
    }
    source = source.replace(pattern, (_, head) => `${head}${JSON.stringify(parameters[key])};`);
  }
  const cells = notebook.cells.map((c, i) => i === index ? { ...c, source } : c);
  return { ...notebook, cells, metadata: { ...notebook.metadata, parameters } };
}

/**
 * The names the cell tagged `parameters` declares (`const NAME = ...`), in
 * order; none when the notebook has no such cell.
 *
 * @example
 * ```ts
 * import { parameterNames } from "./run_notebooks.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(parameterNames({
 *   cells: [{
 *     cell_type: "code",
 *     metadata: { tags: ["parameters"] },
 *     source: 'const corpusPaths = ["../data/corpus"];\nconst by: string = "outlet";',
 *   }],
 *   metadata: {},
 *   nbformat: 4,
 *   nbformat_minor: 5,
 * }), ["corpusPaths", "by"]);
 * ```
 */
export function parameterNames(notebook: Notebook): string[] {
  const cell = notebook.cells.find((c) => c.metadata.tags?.includes("parameters"));
  if (!cell) return [];
  const declared = /^\s*(?:export\s+)?(?:const|let)\s+([A-Za-z_$][\w$]*)/gm;
  return [...joined(cell.source).matchAll(declared)].map((m) => m[1]);
}

/** True when `jupyter nbconvert` runs on this machine. */
export async function hasJupyter(): Promise<boolean> {
  try {
    const out = await new Deno.Command("jupyter", {
      args: ["nbconvert", "--version"],
      stdout: "null",
      stderr: "null",
    }).output();
    return out.success;
  } catch {
    return false;
  }
}

/**
 * Signs that the kernel never started, as opposed to a notebook that failed:
 * jupyter_client picks free ports and releases them before the kernel binds
 * them, so two kernels started at the same moment can race for a port.
 */
const KERNEL_START_FAILURE =
  /AddrInUse|Address already in use|Kernel died before replying to kernel_info/;

/**
 * True when nbconvert's error output says the kernel never started (a port
 * race), so running the notebook again is safe.
 */
export function isKernelStartFailure(stderr: string): boolean {
  return KERNEL_START_FAILURE.test(stderr);
}

/** How many times a notebook is started when its kernel fails to start. */
const KERNEL_START_ATTEMPTS = 3;

/**
 * Runs `jupyter nbconvert`, starting it again (up to
 * {@link KERNEL_START_ATTEMPTS} times, with a short random pause) when the
 * kernel died before it answered; any other failure is thrown at once.
 */
async function nbconvert(args: string[], opts: { cwd: string; stdin?: string }): Promise<void> {
  for (let attempt = 1;; attempt++) {
    const failure = await nbconvertOnce(args, opts);
    if (failure === undefined) return;
    if (attempt >= KERNEL_START_ATTEMPTS || !isKernelStartFailure(failure.stderr)) {
      throw new Error(
        `jupyter nbconvert ${args.join(" ")} failed (exit ${failure.code}` +
          `${attempt > 1 ? `, attempt ${attempt}` : ""}):\n${failure.stderr}`,
      );
    }
    console.error(
      `note: the Deno kernel did not start (port already in use); starting it again (attempt ${
        attempt + 1
      } of ${KERNEL_START_ATTEMPTS}).`,
    );
    await new Promise((done) => setTimeout(done, 500 + Math.random() * 1500));
  }
}

async function nbconvertOnce(
  args: string[],
  opts: { cwd: string; stdin?: string },
): Promise<{ code: number; stderr: string } | undefined> {
  const path = (dir: string, variable: string) =>
    [dir, Deno.env.get(variable)].filter(Boolean).join(":");
  const child = new Deno.Command("jupyter", {
    args: ["nbconvert", ...args],
    cwd: opts.cwd,
    env: {
      JUPYTER_PATH: path(join(REPO_ROOT, "jupyter"), "JUPYTER_PATH"),
      PYTHONPATH: path(join(REPO_ROOT, "tools", "nbconvert"), "PYTHONPATH"),
    },
    stdin: opts.stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  if (opts.stdin !== undefined) {
    const writer = child.stdin.getWriter();
    await writer.write(new TextEncoder().encode(opts.stdin));
    await writer.close();
  }
  const out = await child.output();
  if (out.success) return undefined;
  return { code: out.code, stderr: new TextDecoder().decode(out.stderr) };
}

function joined(text: string | string[] | undefined): string {
  return Array.isArray(text) ? text.join("") : text ?? "";
}

async function main(args: string[]): Promise<number> {
  let outDir = join(REPO_ROOT, "out", "notebooks");
  let html = false;
  const parameters: Record<string, unknown> = {};
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--out") outDir = args[++i];
    else if (arg === "--html") html = true;
    else if (arg === "--param") {
      const [key, ...rest] = (args[++i] ?? "").split("=");
      parameters[key] = rest.join("=");
    } else if (arg.startsWith("--")) {
      console.error(`Unknown option "${arg}"; expected --out DIR, --html, --param NAME=VALUE`);
      return 2;
    } else paths.push(arg);
  }
  if (paths.length === 0) {
    for await (const entry of Deno.readDir(join(REPO_ROOT, "notebooks"))) {
      if (entry.isFile && entry.name.endsWith(".ipynb")) {
        paths.push(join(REPO_ROOT, "notebooks", entry.name));
      }
    }
    paths.sort();
  }
  let failed = 0;
  for (const path of paths) {
    const started = performance.now();
    const run = await runNotebook(path, { outDir, html, parameters });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.error(
      `${run.problems.length ? "FAILED" : "ok"} ${path} -> ${run.output} (${seconds} s)`,
    );
    if (run.html) console.error(`   html: ${run.html}`);
    for (const problem of run.problems) console.error(`   ${problem}`);
    if (run.problems.length) failed++;
  }
  return failed === 0 ? 0 : 1;
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}
