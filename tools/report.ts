/**
 * `deno task report [paths...] [--out DIR] [--by FIELD] [--benchmarks DIR]`: the main job.
 * Analyses the articles (default: the bundled `data/corpus`), compares the
 * groups, and writes into DIR (default `out/`):
 *
 * - `report.html`: the standalone offline report (plotly.js inlined, every
 *   metric opening into its evidence sentences);
 * - `analysis.json` and `comparison.json`: the interchange documents;
 * - `figures/<name>.{svg,pdf,png,csv}`: every figure and its data;
 * - `tables/<name>.{csv,tex}`: the tables as CSV and LaTeX;
 * - `notebooks/<name>.{ipynb,html}`: every notebook in `notebooks/`, executed
 *   with the Deno kernel, and its HTML export.
 *
 * One Chromium renders every figure; the notebooks (two at a time, each in
 * its own kernel) run while the figures and the HTML report are made.
 * Jupyter and Chromium are installed first if missing (see ensure_deps.ts).
 *
 * @module
 */
import { basename, isAbsolute, join, relative, resolve } from "node:path";
import { analyzeCorpus, provenanceOf } from "../lib/analyze.ts";
import { BACKGROUND_SOURCE, backgroundFrequencies } from "../lib/compare/background.ts";
import { checkGroupingField, compareCorpus } from "../lib/compare/compare_corpus.ts";
import { loadCorpus } from "../lib/corpus/load_corpus.ts";
import { launchFigureBrowser } from "../lib/export/browser.ts";
import { writeFileAtomic } from "../lib/export/atomic_write.ts";
import { exportFigures } from "../lib/export/figures.ts";
import { exportTables } from "../lib/export/tables.ts";
import { reportFigures, reportTables } from "../lib/report/figures.ts";
import {
  loadPlotlySource,
  type ReportFigure,
  reportHtmlPieces,
} from "../lib/report/report_html.ts";
import { documentJsonPieces } from "../lib/report/document_json.ts";
import { PER_ARTICLE_ROWS_UP_TO } from "../lib/report/shown_articles.ts";
import { hasResourceFiles } from "../lib/run/resource_files.ts";
import {
  loadFilesOrExit,
  parseCommandLine,
  RESOURCE_FLAGS,
  resourceFilesOf,
} from "../lib/cli/_command_line.ts";
import { parseUnitFlag } from "../lib/compare/unit_choice.ts";
import { InputError } from "../lib/errors.ts";
import { type RunDocument, runDocument } from "../lib/report/from_runs.ts";
import { ensureDependencies } from "./ensure_deps.ts";
import { type ReadCodes, readCodes, readUnits } from "../lib/coding/codes.ts";
import { humanCoding } from "../lib/coding/human_coding.ts";
import type { CodingUnit } from "../lib/coding/schema.ts";
import { type NotebookRun, parameterNames, REPO_ROOT, runNotebook } from "./run_notebooks.ts";

const USAGE = `Usage: deno task report [paths...] [options]

Runs the whole comparison on the articles at the paths given (folders of
.txt/.md with a manifest, JSONL or CSV files; default: data/corpus) and writes
the HTML report, figures, tables, JSON and executed notebooks.

Options:
  --out DIR          output folder (default: out)
  --by FIELD         metadata field to compare groups by (default: outlet)
  --unit UNIT        what the comparison resamples: sentence or article
                     (default: articles when every group has at least
                     MIN_ARTICLES_PER_GROUP = 10 of them, sentences otherwise)
  --benchmarks DIR   the benchmark folder for notebook 03 (default: the variable
                     FRAMING_BENCHMARKS, else shared/benchmarks beside the
                     repository; without one, 03 says which validations it skipped)
  --no-notebooks     skip executing the notebooks
  --from RUN.jsonl   build the report from the output of analyze --jsonl (full
                     or --compact; repeatable, for shards) instead of
                     analysing texts; only the notebooks with a "from"
                     parameter (01, 04) run, on the same files
  --notebook NAME    execute only this notebook (repeatable; a name's start,
                     e.g. 01 or 01_compare_articles)
  --cell-timeout S   seconds a notebook cell may run (default 600); a notebook
                     with a cell past it is listed as failed, the rest is written
  --per-article N    articles report.html lists one by one (articles, voices,
                     per article; default PER_ARTICLE_ROWS_UP_TO = 500): past
                     N, N of them spread evenly through the corpus, and a note;
                     "all" lists every one. The tables hold every article.
Human coding (see deno task code):
  --codes FILE       people's codes of article × actor units (repeatable; CSV
                     or JSONL, long format unit, coder, code[, note]; unit ids
                     ARTICLE::ACTOR, or article and actor columns): the actor
                     chart and tables show them beside the model, and a "Human
                     coding" section gives alpha, the model against the coders
                     and the corrected group estimates
  --units FILE       the units.jsonl of the sample the codes are of (from code
                     sample); without it the coded units are taken as a census
                     when all are coded, else as a simple random sample
Lexicons (each file is checked before the first article is analysed; the
notebooks with a resourceFiles parameter get them too):
  --actors FILE      an actor file that replaces the bundled actors
  --add-actors FILE  an actor file whose actors are added (repeatable)
  --topics FILE      a topic lexicon that replaces the bundled topics
  --lexicon FILE     a further topic-like lexicon (repeatable)
  --sentiment-lexicon FILE
                     a sentiment lexicon consulted first (repeatable)
  -h, --help         this text`;

/** Runs the report with command-line arguments; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const parsed = parseCommandLine(args, {
    out: { type: "string", short: "o" },
    by: { type: "string" },
    unit: { type: "string" },
    "no-notebooks": { type: "boolean" },
    ...RESOURCE_FLAGS,
    benchmarks: { type: "string" },
    notebook: { type: "string", multiple: true },
    "cell-timeout": { type: "string" },
    "per-article": { type: "string" },
    codes: { type: "string", multiple: true },
    units: { type: "string" },
    from: { type: "string", multiple: true },
  }, USAGE);
  if (typeof parsed === "number") return parsed;
  // `deno task` runs in the repository root; paths given are relative to where it was called.
  const base = Deno.env.get("INIT_CWD") ?? Deno.cwd();
  const given = parsed.positionals.length > 0;
  // Relative paths, so that the JSON records the same origins on every machine.
  const inputs = given
    ? parsed.positionals.map((p) => relative(Deno.cwd(), resolve(base, p)) || ".")
    : [relative(Deno.cwd(), join(REPO_ROOT, "data/corpus"))];
  const out = parsed.values.out === undefined
    ? join(REPO_ROOT, "out")
    : isAbsolute(parsed.values.out)
    ? parsed.values.out
    : resolve(base, parsed.values.out);
  const byGiven = parsed.values.by !== undefined;
  const by = parsed.values.by ?? "outlet";
  // `--from RUN.jsonl`: the runs' records instead of the texts (no notebooks yet).
  const from = (parsed.values.from ?? []).map((p) => relative(Deno.cwd(), resolve(base, p)));
  if (from.length > 0 && given) {
    console.error("Give either paths to analyse or --from RUN.jsonl, not both.");
    return 2;
  }
  const notebooks = !parsed.values["no-notebooks"];
  // The researcher's lexicon files, absolute (the notebooks run in their own folder).
  const resourceFiles = resourceFilesOf(parsed.values, (p) => resolve(base, p));
  const files = await loadFilesOrExit(resourceFiles);
  if (typeof files === "number") return files;
  const only = parsed.values.notebook ?? [];
  const cellTimeout = Number(parsed.values["cell-timeout"] ?? 600);
  if (!(cellTimeout > 0)) {
    console.error(
      `--cell-timeout: expected seconds > 0, found "${parsed.values["cell-timeout"]}".`,
    );
    return 2;
  }
  const perArticleGiven = parsePerArticle(parsed.values["per-article"]);
  if (perArticleGiven === undefined) {
    console.error(
      `--per-article: expected a positive whole number or "all", found "${
        parsed.values["per-article"]
      }".`,
    );
    return 2;
  }
  const perArticle: number = perArticleGiven;
  const benchmarks = parsed.values.benchmarks;
  // People's codes, read and checked before any article is analysed.
  const codePaths = (parsed.values.codes ?? []).map((p) => resolve(base, p));
  if (parsed.values.units !== undefined && codePaths.length === 0) {
    console.error("--units goes with --codes: give the codes of the sample.");
    return 2;
  }
  let codes: ReadCodes | undefined;
  let units: CodingUnit[] | undefined;
  try {
    codes = codePaths.length > 0 ? await readCodes(codePaths) : undefined;
    units = parsed.values.units === undefined
      ? undefined
      : await readUnits(resolve(base, parsed.values.units));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    console.error(e.message);
    return 2;
  }

  const unitFlag = parseUnitFlag(parsed.values.unit);
  if (unitFlag === 2) return 2;
  const unit = unitFlag;

  let run: RunDocument | undefined;
  try {
    if (from.length > 0) {
      run = await runDocument(from, provenanceOf(files.resources, files.analyze));
    }
  } catch (e) {
    if (!(e instanceof InputError || e instanceof RangeError)) throw e;
    console.error(e.message);
    return 2;
  }
  if (run?.mode === "compact" && unit === "sentence") {
    console.error(
      "--unit sentence: the compact records hold no sentences; run analyze without --compact, " +
        "or resample articles.",
    );
    return 2;
  }
  const corpus = run ? undefined : await loadCorpus(inputs);
  if (byGiven) {
    // A field that no article has is a mistake in the command, not a shape of the corpus.
    try {
      checkGroupingField(run?.doc.articles ?? corpus!.articles, by);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      console.error(e.message);
      return 2;
    }
  }

  if (!await ensureDependencies(notebooks ? ["jupyter", "chromium"] : ["chromium"])) return 1;
  const notebookDir = join(REPO_ROOT, "notebooks");
  const notebookPaths = notebooks
    ? [...Deno.readDirSync(notebookDir)]
      .filter((e) => e.isFile && e.name.endsWith(".ipynb"))
      .filter((e) => only.length === 0 || only.some((n) => e.name.startsWith(n)))
      .map((e) => join(notebookDir, e.name))
      // With --from, only the notebooks that take the runs (a `from` parameter).
      .filter((p) =>
        from.length === 0 || parameterNames(JSON.parse(Deno.readTextFileSync(p))).includes("from")
      )
      .sort()
    : [];
  const unmatched = only.filter((n) => !notebookPaths.some((p) => basename(p).startsWith(n)));
  if (unmatched.length > 0) {
    console.error(`--notebook ${unmatched.join(", ")}: no notebook in notebooks/ starts so.`);
    return 2;
  }
  // The notebooks that take the articles (`corpusPaths`) and the grouping
  // field (`by`) as parameters run on the report's; the others on their own.
  const parameters = new Map(notebookPaths.map((path) => {
    const names = parameterNames(JSON.parse(Deno.readTextFileSync(path)));
    const values: Record<string, unknown> = {
      ...(given && names.includes("corpusPaths")
        ? { corpusPaths: inputs.map((p) => resolve(Deno.cwd(), p)) }
        : {}),
      ...(byGiven && names.includes("by") ? { by } : {}),
      ...(from.length > 0 ? { from: from.map((p) => resolve(Deno.cwd(), p)) } : {}),
      ...(hasResourceFiles(resourceFiles) && names.includes("resourceFiles")
        ? { resourceFiles: JSON.parse(JSON.stringify(resourceFiles)) }
        : {}),
      ...(benchmarks !== undefined && names.includes("benchmarks")
        ? { benchmarks: resolve(base, benchmarks) }
        : {}),
      ...(codePaths.length > 0 && names.includes("codes") ? { codes: codePaths } : {}),
    };
    return [path, values];
  }));
  const startNotebooks = () => {
    const own = notebookPaths.filter((p) => given && !("corpusPaths" in parameters.get(p)!));
    if (own.length > 0) {
      console.error(
        `note: ${
          own.map((p) => basename(p)).join(", ")
        } run on their own data (no corpusPaths parameter).`,
      );
    }
    const bundled = notebookPaths.filter((p) =>
      hasResourceFiles(resourceFiles) && !("resourceFiles" in parameters.get(p)!)
    );
    if (bundled.length > 0) {
      console.error(
        `note: ${
          bundled.map((p) => basename(p)).join(", ")
        } use the bundled lexicons (no resourceFiles parameter).`,
      );
    }
    // Two at a time (this machine class has two cores).
    // A notebook that cannot be executed (a cell past its time limit, a
    // kernel that does not start) is listed with its reason; the others run.
    return mapLimit(
      notebookPaths,
      2,
      (p) =>
        runNotebook(p, {
          outDir: join(out, "notebooks"),
          html: true,
          parameters: parameters.get(p),
          cellTimeout,
        }).catch((e): Pick<NotebookRun, "input" | "problems"> & Partial<NotebookRun> => ({
          input: p,
          problems: [`could not be executed: ${executionFailure(e)}`],
        })),
    );
  };
  const timings: [string, number][] = [];
  const began = performance.now();
  let t = began;
  const lap = (name: string) => {
    const now = performance.now();
    timings.push([name, now - t]);
    t = now;
  };
  await Deno.mkdir(out, { recursive: true });
  const written: string[] = [];
  const write = async (path: string, text: string | Iterable<string>) => {
    await writeFileAtomic(path, text);
    written.push(path);
  };
  // Figures that could not be exported: listed in the report, the rest is written.
  const outputFailures: string[] = [];

  const resources = files.resources;
  const doc = run?.doc ?? analyzeCorpus(corpus!, resources, files.analyze);
  for (const f of doc.failures) console.error(`failed: ${f.input}: ${f.reason}`);
  if (doc.articles.length === 0) {
    console.error("No article could be analysed; nothing to report.");
    return 1;
  }
  // In pieces, an article at a time: the text of a large corpus's document is never held whole.
  await write(join(out, "analysis.json"), documentJsonPieces(doc));
  lap("analysis");
  // The notebooks (separate kernels, most of the time) run while the figures are made.
  const notebookRuns = notebooks ? startNotebooks() : undefined;
  try {
    await reportFiles();
  } catch (error) {
    await notebookRuns?.catch(() => undefined);
    throw error;
  }

  async function reportFiles() {
    const prior = await backgroundFrequencies();
    // One article: no comparison; one group: articles compared by id; each with a note.
    const compared = compareCorpus(doc.articles, { by, voice: "body", prior, unit });
    const comparison = compared.comparison ?? undefined;
    const runNotes: string[] = [
      compared.statement.replaceAll("**", ""),
      ...compared.notes,
      ...run?.notes ?? [],
    ];
    if (comparison) {
      await write(join(out, "comparison.json"), JSON.stringify(comparison, null, 2) + "\n");
    }
    lap("comparison");

    // Codes may name an actor by its name or an alias instead of its id.
    const actorForms = Object.fromEntries(
      resources.actors.actors.flatMap((a) =>
        [a.id, a.name, ...a.aliases.map((t) => typeof t === "string" ? t : t.term)]
          .map((form) => [form.toLowerCase(), a.id])
      ),
    );
    const coding = codes
      ? humanCoding(doc.articles, codes.codes, { by, units, actorForms })
      : undefined;
    if (coding) {
      await write(
        join(out, "human_coding.json"),
        JSON.stringify(
          {
            design: coding.design,
            coders: coding.coderIds,
            cells: coding.cells,
            agreement: coding.agreement,
            estimates: coding.estimates,
            byActor: coding.byActor,
            unmatched: coding.unmatched,
          },
          null,
          2,
        ) + "\n",
      );
      runNotes.push(`Human coding: ${coding.design}`);
      if (coding.unmatched.length > 0) {
        runNotes.push(
          `${coding.unmatched.length} code(s) name units the analysis does not have; listed under Human coding.`,
        );
      }
    }
    lap("human coding");
    const figures = await figureFiles();
    lap("figures");
    written.push(
      ...await exportTables(reportTables(doc, comparison, coding?.cells), join(out, "tables")),
    );
    lap("tables");

    const html = reportHtmlPieces({
      doc,
      comparison,
      compared,
      figures,
      extra: comparison ? { "keyness prior": BACKGROUND_SOURCE } : {},
      notes: runNotes,
      coding,
      outputFailures,
      files: [
        ...written.filter((f) => !f.endsWith("report.html")).map((f) => relative(out, f)),
        ...notebookPaths.flatMap((p) => {
          const name = basename(p, ".ipynb");
          return [`notebooks/${name}.html`, `notebooks/${name}.ipynb`];
        }),
      ],
    }, { plotly: await loadPlotlySource(), perArticle });
    if (doc.articles.length > perArticle) {
      runNotes.push(
        `report.html lists ${perArticle} of the ${doc.articles.length} articles one by one ` +
          "(spread evenly through the corpus); tables/ holds every article's rows, and " +
          "--per-article all lists every article in report.html.",
      );
    }
    // In pieces: the sections that list every article come one article at a time.
    await write(join(out, "report.html"), html);
    lap("report.html");
    for (const n of runNotes) console.error(`note: ${n}`);

    /**
     * Builds and exports the figures; returns their specs for the HTML. The
     * records behind them (every article's rows past a few articles) are in
     * the figures' CSVs by then, and are not held for the rest of the run.
     */
    async function figureFiles(): Promise<ReportFigure[]> {
      const { figures, notes: figureNotes } = reportFigures(doc, comparison, {
        actorLabels: Object.fromEntries(resources.actors.actors.map((a) => [a.id, a.name])),
        codes: coding?.cells,
      });
      runNotes.push(...figureNotes);
      const browser = await launchFigureBrowser();
      try {
        const exported = await exportFigures(figures, join(out, "figures"), {
          browser,
          onError: "skip",
        });
        for (const done of exported) {
          written.push(...done.files);
          outputFailures.push(...done.failures.map((f) => f.message));
        }
      } finally {
        await browser.close();
      }
      return figures.map(({ name, caption, figure }) => ({ name, caption, figure }));
    }
  }

  let failed = 0;
  if (notebookRuns) {
    for (const run of await notebookRuns) {
      written.push(...(run.output ? [run.output] : []), ...(run.html ? [run.html] : []));
      for (const problem of run.problems) {
        console.error(`${relative(REPO_ROOT, run.input)}: ${problem}`);
      }
      if (run.problems.length > 0) failed++;
    }
    lap("notebooks (rest)");
  }

  console.error(
    `Wrote ${written.length} files into ${relative(Deno.cwd(), out) || "."}:\n${
      written.map((f) => `  ${relative(Deno.cwd(), f)}`).join("\n")
    }`,
  );
  console.error(
    `Time: ${timings.map(([n, ms]) => `${n} ${(ms / 1000).toFixed(1)} s`).join(", ")}; total ${
      ((performance.now() - began) / 1000).toFixed(1)
    } s`,
  );
  if (failed > 0) console.error(`${failed} notebook(s) had errors.`);
  for (const f of outputFailures) console.error(`failed: ${f}`);
  return failed === 0 && outputFailures.length === 0 ? 0 : 1;
}

/**
 * The value of `--per-article`: the default when not given, `Infinity` for
 * "all", else a positive whole number; undefined for anything else.
 *
 * @example
 * ```ts
 * import { parsePerArticle } from "./report.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(parsePerArticle(undefined), 500);
 * strictEqual(parsePerArticle("all"), Infinity);
 * strictEqual(parsePerArticle("250"), 250);
 * strictEqual(parsePerArticle("0"), undefined);
 * strictEqual(parsePerArticle("2.5"), undefined);
 * strictEqual(parsePerArticle("many"), undefined);
 * ```
 */
export function parsePerArticle(value: string | undefined): number | undefined {
  if (value === undefined) return PER_ARTICLE_ROWS_UP_TO;
  if (value === "all") return Infinity;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/**
 * The reason nbconvert gave up, in a line: the last line of its output that
 * names an error (e.g. `CellTimeoutError: A cell timed out ...`), else the
 * first line of the message.
 *
 * @example
 * ```ts
 * import { executionFailure } from "./report.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const e = new Error("jupyter nbconvert ... failed (exit 1):\nTraceback\n  ...\n" +
 *   "nbclient.exceptions.CellTimeoutError: A cell timed out while it was being executed, after 600 seconds.\n");
 * strictEqual(executionFailure(e), "nbclient.exceptions.CellTimeoutError: A cell timed out while it was being executed, after 600 seconds.");
 * ```
 */
export function executionFailure(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const lines = text.split("\n").map((l) => l.trim()).filter((l) => l !== "");
  return lines.findLast((l) => /\w*(Error|Exception)\b/.test(l)) ?? lines[0] ?? "unknown error";
}

/** Maps with at most `limit` calls running at once; results in input order. */
async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}
