import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { join } from "node:path";
import { main } from "../lib/cli/code.ts";
import {
  AgreementReport,
  CodingUnit,
  DEFAULT_CODEBOOK,
  EstimateReport,
  parseCodebook,
} from "../lib/coding/mod.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const CORPUS = join(ROOT, "data/corpus");
const CODES_A = join(ROOT, "data/codes/author_a.csv");
const CODES_B = join(ROOT, "data/codes/author_b.csv");
const OUTLETS = ["Military Review (topwar.ru)", "PolitNavigator"];

/** What one run of the command did. */
interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs `deno task code ARGS` in this process, capturing what it prints. */
async function code(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const { log, error, warn } = console;
  console.log = (...a: unknown[]) => void out.push(a.join(" "));
  console.error = (...a: unknown[]) => void err.push(a.join(" "));
  console.warn = console.error;
  try {
    const exit = await main(args);
    return { code: exit, out: out.join("\n"), err: err.join("\n") };
  } finally {
    Object.assign(console, { log, error, warn });
  }
}

/** The run, checked to have succeeded. */
async function succeeds(...args: string[]): Promise<Run> {
  const run = await code(...args);
  strictEqual(run.code, 0, `code ${args.join(" ")} exited ${run.code}:\n${run.err}`);
  return run;
}

async function readUnitsFile(dir: string): Promise<CodingUnit[]> {
  const text = await Deno.readTextFile(join(dir, "units.jsonl"));
  ok(text.endsWith("\n"));
  return text.trimEnd().split("\n").map((line) => CodingUnit.parse(JSON.parse(line)));
}

/** A census of the bundled corpus, drawn once for the tests that need one. */
let census: Promise<{ dir: string; run: Run }> | undefined;
function censusOnce(): Promise<{ dir: string; run: Run }> {
  census ??= (async () => {
    const dir = await Deno.makeTempDir({ prefix: "code_cli_census_" });
    const run = await code("sample", CORPUS, "--out", dir, "--all", "--workers", "0");
    return { dir, run };
  })();
  return census;
}

// ---- code sample

Deno.test("code sample --all writes every unit, the codebook and the coding page", async () => {
  const { dir, run } = await censusOnce();
  strictEqual(run.code, 0, run.err);
  ok(run.err.includes("analysed 2 articles (0 failed)"), run.err);
  const units = await readUnitsFile(dir);
  ok(units.length >= 30 && units.length <= 45, `${units.length} units`);
  ok(run.err.includes(`${units.length} units in 2 articles; ${units.length} drawn`), run.err);
  ok(units.every((u) => u.sampled && u.inclusionProbability === 1 && u.voice === "body"));
  ok(units.every((u) => u.unit === `${u.article}::${u.actor}`));
  deepStrictEqual([...new Set(units.map((u) => u.meta.outlet))].sort(), OUTLETS);
  strictEqual(new Set(units.map((u) => u.unit)).size, units.length);
  ok(units.every((u) => u.model === null || (u.model >= -1 && u.model <= 1)));
  ok(units.some((u) => (u.spans ?? []).length > 0));
  deepStrictEqual(
    parseCodebook(await Deno.readTextFile(join(dir, "codebook.yaml")), "codebook.yaml"),
    DEFAULT_CODEBOOK,
  );
  const html = await Deno.readTextFile(join(dir, "coding.html"));
  ok(html.startsWith("<!DOCTYPE html>") || html.startsWith("<!doctype html>"), html.slice(0, 40));
  for (const u of units) ok(html.includes(JSON.stringify(u.unit)), `${u.unit} not in the page`);
});

Deno.test("code sample --per-group 3 draws 3 per outlet and keeps an edited codebook.yaml", async () => {
  const { dir: censusDir } = await censusOnce();
  const dir = await Deno.makeTempDir({ prefix: "code_cli_pg_" });
  // The researcher's edited codebook, already in DIR: the run uses it and keeps it.
  const edited = (await Deno.readTextFile(join(censusDir, "codebook.yaml"))).replace(
    DEFAULT_CODEBOOK.question,
    "Is ACTOR portrayed as a partner?",
  );
  ok(edited.includes("Is ACTOR portrayed as a partner?"));
  await Deno.writeTextFile(join(dir, "codebook.yaml"), edited);
  const args = [
    "sample",
    CORPUS,
    "--out",
    dir,
    "--per-group",
    "3",
    "--seed",
    "5",
    "--workers",
    "0",
  ];
  const run = await succeeds(...args);
  ok(run.err.includes(`codebook: ${join(dir, "codebook.yaml")}`), run.err);
  strictEqual(await Deno.readTextFile(join(dir, "codebook.yaml")), edited);
  const units = await readUnitsFile(dir);
  const population = await readUnitsFile(censusDir);
  deepStrictEqual(units.map((u) => u.unit), population.map((u) => u.unit));
  for (const outlet of OUTLETS) {
    const group = units.filter((u) => u.meta.outlet === outlet);
    strictEqual(group.filter((u) => u.sampled).length, 3, outlet);
    ok(group.every((u) => u.stratum === outlet), outlet);
    ok(group.every((u) => Math.abs(u.inclusionProbability - 3 / group.length) < 1e-12), outlet);
  }
  const html = await Deno.readTextFile(join(dir, "coding.html"));
  ok(html.includes("Is ACTOR portrayed as a partner?"));
  for (const u of units) {
    strictEqual(html.includes(JSON.stringify(u.unit)), u.sampled, `${u.unit} in the page`);
  }
  // The same seed draws the same sample.
  const again = await Deno.makeTempDir({ prefix: "code_cli_pg_" });
  await succeeds(
    "sample",
    CORPUS,
    "--out",
    again,
    "--per-group",
    "3",
    "--seed",
    "5",
    "--workers",
    "0",
  );
  deepStrictEqual(
    (await readUnitsFile(again)).map((u) => u.sampled),
    units.map((u) => u.sampled),
  );
});

Deno.test("code sample refuses bad usage with exit code 2 and a message", async () => {
  const dir = await Deno.makeTempDir({ prefix: "code_cli_usage_" });
  const out = join(dir, "never");
  const cases: [string[], string][] = [
    [["sample", CORPUS, "--all"], "code sample: give --out DIR."],
    [["sample", CORPUS, "--out", out], "give exactly one of --n, --per-group and --all"],
    [["sample", CORPUS, "--out", out, "--all", "--n", "3"], "give exactly one of --n"],
    [["sample", CORPUS, "--out", out, "--n", "2", "--per-group", "1"], "give exactly one of"],
    [
      ["sample", CORPUS, "--out", out, "--all", "--unit", "bogus"],
      '--unit: expected actor or mention, found "bogus"',
    ],
    [
      ["sample", CORPUS, "--out", out, "--all", "--voice", "bogus"],
      "--voice: expected one of title, meta, body",
    ],
    [["sample", CORPUS, "--out", out, "--n", "two"], '--n: expected a whole number, found "two"'],
    [["sample", CORPUS, "--out", out, "--all", "--overlap", "2"], "--overlap 2: expected a share"],
    [
      ["sample", CORPUS, "--out", out, "--all", "--stratify", "actor"],
      "--stratify actor without --per-group",
    ],
    [["sample", CORPUS, "--out", out, "--all", "--bogus"], "bogus"],
    [["nonsense"], 'Unknown command "nonsense".'],
    [[], "No command given."],
  ];
  for (const [args, message] of cases) {
    const run = await code(...args);
    strictEqual(run.code, 2, `${args.join(" ")}: exit ${run.code}`);
    ok(run.err.includes(message), `${args.join(" ")}:\n${run.err}`);
    ok(run.err.includes("Usage: deno task code"), `${args.join(" ")}: no usage`);
  }
  // Nothing was written.
  deepStrictEqual([...Deno.readDirSync(dir)], []);
  const help = await code("--help");
  strictEqual(help.code, 0);
  ok(help.out.startsWith("Usage: deno task code"));
});

Deno.test("code sample's usage error is the process's exit code", async () => {
  const run = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(ROOT, "lib/cli/code.ts"), "sample", "--out", "x", "--voice", "bogus"],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  strictEqual(run.code, 2);
  ok(new TextDecoder().decode(run.stderr).includes("--voice: expected one of"));
});

// ---- code agree

Deno.test("code agree --json prints the alphas of the two authors", async () => {
  const run = await succeeds("agree", CODES_A, CODES_B, "--json", "--resamples", "200");
  const report = AgreementReport.parse(JSON.parse(run.out));
  for (const level of ["nominal", "ordinal", "interval"] as const) {
    const a = report.alpha[level];
    ok(a !== null && a >= -1 && a <= 1, `${level} ${a}`);
    ok(report.intervals[level].low! <= a! && a! <= report.intervals[level].high!, level);
  }
  strictEqual(report.resamples, 200);
  deepStrictEqual(Object.keys(report.valuesPerCoder).sort(), ["author-a", "author-b"]);
  strictEqual(report.model, undefined);
  // Plain text by default.
  const text = await succeeds("agree", CODES_A, CODES_B, "--resamples", "100");
  ok(text.out.startsWith("Krippendorff's alpha"), text.out);
});

Deno.test("code agree --model adds the toolkit as one more coder", async () => {
  const { dir } = await censusOnce();
  const run = await succeeds(
    "agree",
    CODES_A,
    CODES_B,
    "--json",
    "--resamples",
    "100",
    "--model",
    join(dir, "units.jsonl"),
  );
  const report = AgreementReport.parse(JSON.parse(run.out));
  ok(report.model, "no model");
  ok(report.model.units > 0);
  for (const level of ["nominal", "ordinal", "interval"] as const) {
    const a: number | null = report.model.alpha[level];
    ok(a !== null && a >= -1 && a <= 1, `${level} ${a}`);
  }
  ok(report.model.spearman! >= -1 && report.model.spearman! <= 1);
  ok(report.model.macroF1! >= 0 && report.model.macroF1! <= 1);
});

Deno.test("code agree names the file and line of a malformed codes file (exit 2)", async () => {
  const dir = await Deno.makeTempDir({ prefix: "code_cli_bad_" });
  const bad = join(dir, "bad.csv");
  await Deno.writeTextFile(bad, "unit,coder,code\nu1,ann,1\nu2,ann,very negative\n");
  const run = await code("agree", bad);
  strictEqual(run.code, 2);
  ok(run.err.includes(`Cannot read "${bad}": line 3: code: expected a number`), run.err);
  const missing = await code("agree", join(dir, "none.csv"));
  strictEqual(missing.code, 2);
  ok(missing.err.includes("none.csv"), missing.err);
  const none = await code("agree");
  strictEqual(none.code, 2);
  ok(none.err.includes("code agree: give the codes files."));
});

Deno.test("code agree --json reproduces Krippendorff's (2011) worked example", async () => {
  // Krippendorff (2011), "C. Nominal data, any number of observers, missing data":
  // 4 observers × 12 units; "." is missing.
  const data = [
    "1 2 3 3 2 1 4 1 2 . . .",
    "1 2 3 3 2 2 4 1 2 5 . 3",
    ". 3 3 3 2 3 4 2 2 5 1 .",
    "1 2 3 3 2 4 4 1 2 5 1 .",
  ];
  const rows = ["unit,coder,code"];
  data.forEach((line, k) => {
    line.split(" ").forEach((v, u) => {
      const coder = "ABCD"[k];
      // Missing written both ways: empty for A and C, NA for B and D.
      const missing = k % 2 === 0 ? "" : "NA";
      rows.push(`unit${u + 1},${coder},${v === "." ? missing : v}`);
    });
  });
  const dir = await Deno.makeTempDir({ prefix: "code_cli_k2011_" });
  const file = join(dir, "reliability.csv");
  await Deno.writeTextFile(file, rows.join("\n") + "\n");
  const run = await succeeds("agree", file, "--json", "--resamples", "100");
  const report = AgreementReport.parse(JSON.parse(run.out));
  strictEqual(report.alpha.nominal!.toFixed(3), "0.743");
  strictEqual(report.alpha.ordinal!.toFixed(3), "0.815");
  strictEqual(report.alpha.interval!.toFixed(3), "0.849");
  strictEqual(report.pairableUnits, 11);
  strictEqual(report.pairableValues, 40);
});

// ---- code estimate

Deno.test("code estimate of the census gives every outlet the codes' mean, no interval width", async () => {
  const { dir } = await censusOnce();
  const units = join(dir, "units.jsonl");
  const run = await succeeds(
    "estimate",
    "--units",
    units,
    "--codes",
    CODES_A,
    CODES_B,
    "--by",
    "outlet",
    "--json",
  );
  const report = EstimateReport.parse(JSON.parse(run.out));
  strictEqual(report.by, "outlet");
  deepStrictEqual(report.groups.map((g) => g.group).sort(), OUTLETS);
  for (const g of report.groups) {
    ok(g.coded > 0, g.group);
    for (const e of [g.human!, g.corrected!]) {
      strictEqual(e.low, e.estimate, g.group);
      strictEqual(e.high, e.estimate, g.group);
    }
    strictEqual(g.corrected!.estimate, g.human!.estimate);
    strictEqual(g.actor, undefined);
  }
  strictEqual(report.differences.length, 1);
  // The census mean by hand: each unit's coders averaged, "cannot tell" left out.
  const population = await readUnitsFile(dir);
  const codes = new Map<string, number[]>();
  for (const file of [CODES_A, CODES_B]) {
    const lines = (await Deno.readTextFile(file)).split("\n").slice(1).filter((l) => l.trim());
    for (const line of lines) {
      const [unit, , value] = line.split(",");
      if (value !== "NA" && value !== "") codes.set(unit, [...(codes.get(unit) ?? []), +value]);
    }
  }
  for (const g of report.groups) {
    const means = population.filter((u) => u.meta.outlet === g.group && codes.has(u.unit))
      .map((u) => codes.get(u.unit)!.reduce((s, c) => s + c, 0) / codes.get(u.unit)!.length);
    const mean = means.reduce((s, m) => s + m, 0) / means.length;
    ok(Math.abs(g.human!.estimate - mean) < 1e-12, `${g.group}: ${g.human!.estimate} vs ${mean}`);
  }
  // Plain text by default.
  const text = await succeeds("estimate", "--units", units, "--codes", CODES_A, CODES_B);
  ok(text.out.startsWith("Mean human code by outlet"), text.out);
});

Deno.test("code estimate --facet actor gives a row per outlet × actor", async () => {
  const { dir } = await censusOnce();
  const args = ["estimate", "--units", join(dir, "units.jsonl"), "--codes", CODES_A, CODES_B];
  const run = await succeeds(...args, "--facet", "actor", "--json");
  const report = EstimateReport.parse(JSON.parse(run.out));
  strictEqual(report.facet, "actor");
  ok(report.groups.length > 2);
  ok(report.groups.every((g) => typeof g.actor === "string" && OUTLETS.includes(g.group)));
  ok(report.differences.every((d) => typeof d.actor === "string" && d.a !== d.b));
  const bad = await code(...args, "--facet", "outlet");
  strictEqual(bad.code, 2);
  ok(bad.err.includes('--facet: expected actor, found "outlet"'));
  const noUnits = await code("estimate", "--codes", CODES_A);
  strictEqual(noUnits.code, 2);
  ok(noUnits.err.includes("give --units UNITS.jsonl and --codes FILE"));
});

Deno.test("code estimate names the codes file and line of a unit not in units.jsonl (exit 2)", async () => {
  const { dir } = await censusOnce();
  const extra = join(dir, "extra.csv");
  await Deno.writeTextFile(extra, "unit,coder,code\nnowhere::nobody,ann,1\n");
  const run = await code(
    "estimate",
    "--units",
    join(dir, "units.jsonl"),
    "--codes",
    CODES_A,
    extra,
  );
  strictEqual(run.code, 2);
  ok(
    run.err.includes(`Cannot read "${extra}": line 2: unit: expected a unit of the population`),
    run.err,
  );
});
