/**
 * Every shape of corpus a researcher may have goes through the main job
 * (`deno task report`, notebooks 01 and 02 executed through the real Deno
 * kernel) with exit code 0, no error output in any notebook, and a plain
 * statement of what was compared with what: one article; two files without
 * a manifest; several articles of one outlet; many groups; a `--by` field
 * that some articles lack. A `--by` field that no article has is an error
 * that lists the fields that exist.
 *
 * The articles (tests/fixtures/shapes/) were written for this test, about an
 * invented event. Without Jupyter the test is skipped with a message, except
 * when `CI=true`.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { join } from "node:path";
import {
  hasJupyter,
  type Notebook,
  notebookProblems,
  outputsWithMime,
  REPO_ROOT,
} from "../tools/run_notebooks.ts";

const SHAPES = join(REPO_ROOT, "tests", "fixtures", "shapes");
const ci = Deno.env.get("CI") === "true";
const jupyter = await hasJupyter();
if (!jupyter && !ci) {
  console.warn("Skipping the corpus-shape reports: `jupyter nbconvert` is missing.");
}

/** Runs `tools/report.ts` in a subprocess; returns its exit code and output. */
async function report(args: string[]): Promise<{ code: number; stderr: string }> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(REPO_ROOT, "tools", "report.ts"), ...args],
    cwd: REPO_ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stderr) + new TextDecoder().decode(out.stdout);
  return { code: out.code, stderr: text };
}

/** A folder with copies of some fixture articles and, optionally, a manifest of them. */
function folder(files: string[], manifest?: Record<string, unknown>[]): string {
  const dir = Deno.makeTempDirSync({ prefix: "report_shapes_" });
  for (const f of files) Deno.copyFileSync(join(SHAPES, f), join(dir, f));
  if (manifest) Deno.writeTextFileSync(join(dir, "manifest.json"), JSON.stringify(manifest));
  return dir;
}

/** The headline numbers of executed notebook 01. */
interface Headline {
  articles: number;
  by: string;
  requested: string;
  statement: string;
  notes: string[];
  groups: string[];
  pairs: [string, string][];
  unit: string | null;
}

/** Runs the report on `paths` (notebooks 01 and 02); checks exit 0 and clean notebooks. */
async function cleanRun(paths: string[], extra: string[] = []): Promise<{
  headline: Headline;
  html: string;
  notebook: Notebook;
}> {
  const out = Deno.makeTempDirSync({ prefix: "report_shapes_out_" });
  try {
    const run = await report([
      ...paths,
      ...extra,
      "--out",
      out,
      "--notebook",
      "01",
      "--notebook",
      "02",
    ]);
    strictEqual(run.code, 0, run.stderr);
    const problems: string[] = [];
    for (const name of ["01_compare_articles", "02_extend_with_a_lexicon"]) {
      const nb = JSON.parse(
        Deno.readTextFileSync(join(out, "notebooks", `${name}.ipynb`)),
      ) as Notebook;
      problems.push(...notebookProblems(nb).map((p) => `${name}: ${p}`));
    }
    deepStrictEqual(problems, []);
    const notebook = JSON.parse(
      Deno.readTextFileSync(join(out, "notebooks", "01_compare_articles.ipynb")),
    ) as Notebook;
    const [json] = outputsWithMime(notebook, "application/json").slice(-1);
    const headline = json.content as Headline;
    // The statement of what was compared is shown in the notebook and in the report.
    const markdown = outputsWithMime(notebook, "text/markdown").map((o) => String(o.content));
    ok(markdown.some((m) => m.includes(headline.statement)), "statement not shown");
    const html = Deno.readTextFileSync(join(out, "report.html"));
    return { headline, html, notebook };
  } finally {
    Deno.removeSync(out, { recursive: true });
  }
}

const test = (name: string, fn: () => Promise<void>) =>
  Deno.test({
    name,
    ignore: !jupyter && !ci,
    sanitizeResources: false,
    sanitizeOps: false,
    fn: async () => {
      ok(jupyter, "CI=true and `jupyter nbconvert` is missing");
      await fn();
    },
  });

test("report: one article is shown without a comparison, and says so", async () => {
  const { headline, html } = await cleanRun([join(SHAPES, "valley-herald-dam.txt")]);
  strictEqual(headline.articles, 1);
  deepStrictEqual(headline.groups, []);
  strictEqual(headline.unit, null);
  ok(/nothing to compare/.test(headline.statement), headline.statement);
  ok(html.includes("nothing to compare"));
});

test("report: two files without a manifest are compared one by one, with a note", async () => {
  const dir = folder(["valley-herald-dam.txt", "steppe-wire-loan.txt"]);
  try {
    const { headline, html } = await cleanRun([dir]);
    strictEqual(headline.articles, 2);
    strictEqual(headline.requested, "outlet");
    strictEqual(headline.by, "id");
    deepStrictEqual(headline.groups.sort(), ["steppe-wire-loan", "valley-herald-dam"]);
    ok(headline.notes.some((n) => /No article has "outlet"/.test(n)), headline.notes.join());
    ok(html.includes("compared one by one, by id"));
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

test("report: several articles of one outlet are compared by id, with a note", async () => {
  const files = ["dawn-courier-dam.txt", "dawn-courier-farmers.txt", "valley-herald-dam.txt"];
  const dir = folder(
    files,
    files.map((file) => ({
      id: file.replace(".txt", ""),
      file,
      outlet: "Dawn Courier",
      language: "en",
    })),
  );
  try {
    const { headline } = await cleanRun([dir]);
    strictEqual(headline.articles, 3);
    strictEqual(headline.by, "id");
    strictEqual(headline.groups.length, 3);
    // Three groups: each against the rest.
    deepStrictEqual(headline.pairs.map((p) => p[1]), ["rest", "rest", "rest"]);
    ok(headline.notes.some((n) => /gives one group \("Dawn Courier", 3 articles\)/.test(n)));
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

test("report: many outlets are compared each against the rest", async () => {
  const { headline, html } = await cleanRun([SHAPES]);
  strictEqual(headline.articles, 5);
  strictEqual(headline.by, "outlet");
  deepStrictEqual(headline.groups.sort(), [
    "Dawn Courier",
    "River Post",
    "Steppe Wire",
    "Valley Herald",
  ]);
  strictEqual(headline.pairs.length, 4);
  ok(/each of 4 groups against the rest/.test(headline.statement), headline.statement);
  ok(html.includes("each of 4 groups against the rest"));
});

test("report: articles without the --by field form a group of their own, named", async () => {
  const { headline } = await cleanRun([SHAPES], ["--by", "region"]);
  strictEqual(headline.by, "region");
  deepStrictEqual(headline.groups.sort(), ["(no region)", "Kyrgyzstan", "Uzbekistan"]);
  const note = headline.notes.find((n) => n.includes('"(no region)"'));
  ok(note && note.includes("steppe-wire-loan") && note.includes("river-post-ceremony"));
});

Deno.test("report: --by naming a field no article has is an error listing the fields", async () => {
  // The field is checked when the articles are read, before anything is analysed or written.
  const run = await report([SHAPES, "--by", "regoin", "--no-notebooks"]);
  strictEqual(run.code, 2, run.stderr);
  ok(run.stderr.includes('Cannot group by "regoin"'), run.stderr);
  ok(/fields that exist are: .*outlet.*region/.test(run.stderr), run.stderr);
});

test("report: a notebook with a cell past --cell-timeout is listed as failed, and everything else is written", async () => {
  const out = Deno.makeTempDirSync({ prefix: "report_shapes_timeout_" });
  try {
    // Notebook 01 analyses the articles in a cell: more than a second.
    const run = await report([
      join(SHAPES, "valley-herald-dam.txt"),
      "--out",
      out,
      "--notebook",
      "01",
      "--cell-timeout",
      "1",
    ]);
    strictEqual(run.code, 1, run.stderr);
    ok(
      /01_compare_articles\.ipynb: could not be executed: .*(Timeout|timed out)/.test(run.stderr),
      run.stderr,
    );
    ok(/^Time: .*notebooks \(rest\)/m.test(run.stderr), run.stderr);
    ok(/1 notebook\(s\) had errors/.test(run.stderr), run.stderr);
    for (const file of ["report.html", "analysis.json"]) {
      ok(Deno.statSync(join(out, file)).size > 0, file);
    }
    const bad = await report(["--cell-timeout", "0", "--no-notebooks", "--out", out]);
    strictEqual(bad.code, 2);
    ok(bad.stderr.includes("--cell-timeout"), bad.stderr);
  } finally {
    Deno.removeSync(out, { recursive: true });
  }
});
