/**
 * `deno task null:check [--benchmarks DIR] [--splits N] [--report] [--out DIR]`:
 * the held-out check of the comparison's false-positive rate on real news.
 *
 * The 428 climate-change news articles of the Narrative Frames Corpus
 * (`framing/narrative_frames_frermann2023/articles_metadata.tsv` in the
 * benchmark folder) get random outlet labels, so no true difference exists
 * between the two "outlets". The articles are analysed once, then compared
 * under `--splits` fresh random labellings with articles and with
 * sentences as the unit; the share of topic and stance rows at p < 0.05 is
 * printed for both (a valid test gives about 0.05). With `--report`, the
 * labelled articles also go through `deno task report --no-notebooks`, and
 * that run's share and exit code are printed.
 *
 * @module
 */
import { splitTsv } from "../lib/corpus/tsv.ts";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { analyzeCorpus } from "../lib/analyze.ts";
import { compareGroups } from "../lib/compare/compare_groups.ts";
import { loadCorpus } from "../lib/corpus/load_corpus.ts";
import { loadResources } from "../lib/resources.ts";
import { mulberry32 } from "../lib/stats/random.ts";
import { benchmarksOrExit } from "./_benchmarks.ts";
import { REPO_ROOT } from "./run_notebooks.ts";

/** The corpus file inside the benchmark folder. */
export const NULL_CHECK_CORPUS = "framing/narrative_frames_frermann2023/articles_metadata.tsv";

/**
 * Rows of a tab-separated file with a header; fields may be quoted (`"`,
 * doubled inside). Rows whose field count differs from the header's are
 * returned apart, with their line numbers.
 *
 * @param text The file's text.
 * @param file The name errors give the input (an unclosed quote is an error).
 * @returns The rows as records, and the line numbers of malformed rows.
 *
 * @example
 * ```ts
 * import { parseTsv } from "./null_check.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const { rows, malformed } = parseTsv('ID\ttext\n1\t"a ""b""\tc"\n2\n');
 * deepStrictEqual(rows, [{ ID: "1", text: 'a "b"\tc' }]);
 * deepStrictEqual(malformed, [3]);
 * ```
 */
export function parseTsv(
  text: string,
  file = "<string>",
): { rows: Record<string, string>[]; malformed: number[] } {
  const records = splitTsv(text, file);
  const [header, ...body] = records;
  const rows: Record<string, string>[] = [];
  const malformed: number[] = [];
  for (const r of body) {
    if (r.cells.length === header.cells.length) {
      rows.push(Object.fromEntries(header.cells.map((h, k) => [h, r.cells[k]])));
    } else malformed.push(r.line);
  }
  return { rows, malformed };
}

/** Share of topic and stance rows at p < 0.05 in a comparison's rows. */
function share(rows: readonly { table: string; p: number | null }[]): [number, number] {
  const tested = rows.filter((r) => r.table !== "actors" && r.p !== null);
  return [tested.filter((r) => r.p! < 0.05).length, tested.length];
}

/** Runs the check with command-line arguments; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      benchmarks: { type: "string" },
      splits: { type: "string", default: "100" },
      resamples: { type: "string", default: "500" },
      report: { type: "boolean", default: false },
      out: { type: "string", default: join(REPO_ROOT, "out/null_check") },
    },
  });
  const splits = Number(values.splits);
  const resamples = Number(values.resamples);
  if (!Number.isInteger(splits) || splits < 1 || !Number.isInteger(resamples) || resamples < 1) {
    console.error(`--splits and --resamples must be positive integers`);
    return 2;
  }
  const dir = benchmarksOrExit(values.benchmarks, "null:check");
  const file = join(dir, NULL_CHECK_CORPUS);
  const { rows, malformed } = parseTsv(await Deno.readTextFile(file), file);
  const rand = mulberry32(21);
  const articles = rows.map((r) => ({
    id: `nfc-${r.ID}`,
    outlet: rand() < 0.5 ? "X" : "Y",
    date: r.date,
    source: `Narrative Frames Corpus, ${r.source}`,
    text: r.text,
  }));
  const out = resolve(values.out!);
  await Deno.mkdir(out, { recursive: true });
  const jsonl = join(out, "articles.jsonl");
  await Deno.writeTextFile(jsonl, articles.map((a) => JSON.stringify(a)).join("\n") + "\n");
  console.log(
    `${articles.length} articles from ${NULL_CHECK_CORPUS} (${malformed.length} malformed row(s) ` +
      `left out, line ${malformed.join(", ")}), random outlets X and Y: ${
        relative(Deno.cwd(), jsonl)
      }`,
  );

  if (values.report) {
    const started = performance.now();
    const run = await new Deno.Command(Deno.execPath(), {
      args: ["task", "report", jsonl, "--no-notebooks", "--out", join(out, "report")],
      cwd: REPO_ROOT,
      stdout: "inherit",
      stderr: "piped",
    }).output();
    const stderr = new TextDecoder().decode(run.stderr);
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    const comparison = JSON.parse(
      await Deno.readTextFile(join(out, "report/comparison.json")).catch(() => '{"rows": []}'),
    );
    const [hits, tested] = share(comparison.rows);
    console.log(
      `report --no-notebooks: exit ${run.code} in ${seconds} s; unit ${comparison.resampling?.unit}; ` +
        `p < 0.05 in ${hits} of ${tested} topic and stance rows (${(hits / tested).toFixed(3)})`,
    );
    if (run.code !== 0) console.error(stderr.split("\n").slice(-15).join("\n"));
  }

  const started = performance.now();
  const doc = analyzeCorpus(await loadCorpus([jsonl]), await loadResources(), { resamples: 50 });
  console.log(`analysed in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  for (const unit of ["article", "sentence"] as const) {
    let hits = 0;
    let tested = 0;
    const relabel = mulberry32(unit === "article" ? 1 : 2);
    const n = unit === "article" ? splits : Math.max(1, Math.round(splits / 5));
    for (let s = 0; s < n; s++) {
      const labelled = doc.articles.map((a) => ({
        ...a,
        meta: { ...a.meta, outlet: relabel() < 0.5 ? "X" : "Y" },
      }));
      const c = compareGroups(labelled, { unit, resamples, seed: s + 1, stopwords: false });
      const [h, t] = share(c.rows);
      hits += h;
      tested += t;
    }
    console.log(
      `${unit} unit, ${n} random labellings: p < 0.05 in ${hits} of ${tested} topic and stance ` +
        `rows (${(hits / tested).toFixed(3)})`,
    );
  }
  return 0;
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}
