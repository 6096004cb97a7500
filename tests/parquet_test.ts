/**
 * Issue 22: `analyze --tables DIR --format parquet` and the merge of such
 * shards. DuckDB (npm `@duckdb/node-api`) reads the Parquet files back: the
 * same rows and values as the CSV tables and the JSON tables, typed columns,
 * the toolkit's version and the lexicons' hashes in the metadata; merged
 * shards give the same bytes as one run.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { DuckDBInstance } from "@duckdb/node-api";
import { main as analyze } from "../lib/cli/analyze.ts";
import { main as merge } from "../lib/cli/merge.ts";
import { TIDY_TABLES } from "../lib/run/tidy_tables.ts";
import type { Provenance } from "../lib/provenance.ts";

async function quietly(fn: () => Promise<number>): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => lines.push(args.join(" "));
  try {
    return { code: await fn(), text: lines.join("\n") };
  } finally {
    console.error = original;
  }
}

/** The bundled articles, the fixtures, and articles whose fields need quoting in CSV. */
async function corpus(): Promise<string[]> {
  const dir = await Deno.makeTempDir();
  const text =
    "Gas deal\n\nPutin met Tokayev in Astana. Critics said the gas deal was a disaster.\n";
  await Deno.writeTextFile(
    `${dir}/odd.jsonl`,
    [
      { id: 'odd "one", with\na line break', title: 'A "quoted", title', author: "", text },
      { id: "odd-2", title: "Zwei\r\nZeilen", outlet: "Herald, Daily", text },
    ].map((a) => JSON.stringify(a)).join("\n") + "\n",
  );
  return ["data/corpus", `${dir}/odd.jsonl`, "tests/fixtures/your_articles"];
}

const FAST = ["--workers", "0", "--resamples", "50"];
/** `--compact` runs keep no actor intervals, so `--resamples` (which sets them) is not given. */
const fast = (more: readonly string[]) =>
  more.includes("--compact") && !more.includes("--intervals") ? ["--workers", "0"] : FAST;

async function duck() {
  const db = await DuckDBInstance.create(":memory:");
  const c = await db.connect();
  return {
    rows: async (sql: string) => (await c.runAndReadAll(sql)).getRowObjectsJson(),
    close: () => {
      c.closeSync();
      db.closeSync();
    },
  };
}

const csvOf = (dir: string, name: string) =>
  `read_csv('${dir}/${name}.csv', header = true, auto_detect = false, delim = ',', quote = '"', ` +
  `escape = '"', allow_quoted_nulls = false, columns = {${
    TIDY_TABLES[name].columns.map((c) => `'${c.name}': '${c.type}'`).join(", ")
  }})`;

Deno.test("Parquet tables read back in DuckDB with the rows and values of the CSV and JSON tables", async () => {
  const inputs = await corpus();
  const dir = await Deno.makeTempDir();
  const r = await quietly(() =>
    analyze([
      ...inputs,
      "--jsonl",
      `${dir}/a.jsonl`,
      "--tables",
      `${dir}/t`,
      "--format",
      "parquet",
      ...FAST,
    ])
  );
  strictEqual(r.code, 0, r.text);
  // The JSON tables of the same run, for counts and values.
  strictEqual(
    (await quietly(() =>
      analyze([...inputs, "--out", `${dir}/doc.json`, "--tables", `${dir}/t.json`, ...FAST])
    )).code,
    0,
  );
  const json = JSON.parse(await Deno.readTextFile(`${dir}/t.json`));
  const lines = (await Deno.readTextFile(`${dir}/a.jsonl`)).trim().split("\n").map((l) =>
    JSON.parse(l)
  );
  const provenance: Provenance = JSON.parse(
    await Deno.readTextFile(`${dir}/a.jsonl.provenance.json`),
  );
  const expectedRows: Record<string, number> = {
    articles: lines.length,
    voices: lines.flatMap((l) => l.voices.filter((v: { chars: number }) => v.chars > 0)).length,
    actors: json.actors.length,
    topics: json.topics.length,
    stance: json.stance.length,
    mentions: lines.flatMap((l) => l.mentions).length,
  };
  strictEqual(lines.length, 8);
  ok(expectedRows.mentions > 100);

  const db = await duck();
  try {
    for (const [name, table] of Object.entries(TIDY_TABLES)) {
      const parquet = `read_parquet('${dir}/t/${name}.parquet')`;
      const [{ n }] = await db.rows(`SELECT count(*) AS n FROM ${parquet}`);
      strictEqual(Number(n), expectedRows[name], name);
      const [{ n: csvRows }] = await db.rows(
        `SELECT count(*) AS n FROM ${csvOf(`${dir}/t`, name)}`,
      );
      strictEqual(Number(csvRows), expectedRows[name], `${name}.csv`);
      // Row for row the same values, in the same order.
      const cols = table.columns.map((c) => `"${c.name}"`).join(", ");
      deepStrictEqual(
        await db.rows(`SELECT ${cols} FROM ${parquet}`),
        await db.rows(`SELECT ${cols} FROM ${csvOf(`${dir}/t`, name)}`),
        `${name}: Parquet and CSV rows differ`,
      );
      // Typed columns, as the schema says.
      const types = await db.rows(`DESCRIBE SELECT * FROM ${parquet}`);
      deepStrictEqual(
        types.map((t) => [t.column_name, t.column_type]),
        table.columns.map((c) => [c.name, c.type]),
      );
    }
    // Values against the JSON tables and lines.
    const actors = await db.rows(
      `SELECT article, actor, voice, stance, stance_ci_low, ci_high, evaluating_share FROM read_parquet('${dir}/t/actors.parquet')`,
    );
    deepStrictEqual(
      actors.map((a) => [
        a.article,
        a.actor,
        a.voice,
        a.stance,
        a.stance_ci_low,
        a.ci_high,
        a.evaluating_share,
      ]),
      json.actors.map((
        a: {
          article: string;
          actor: string;
          voice: string;
          stance: number;
          stanceCi: number[];
          ci: number[];
          evaluatingShare: number;
        },
      ) => [a.article, a.actor, a.voice, a.stance, a.stanceCi[0], a.ci[1], a.evaluatingShare]),
    );
    const articles = await db.rows(
      `SELECT article, title, outlet, author, length FROM read_parquet('${dir}/t/articles.parquet')`,
    );
    deepStrictEqual(
      articles.map((a) => [a.article, a.title, a.outlet, a.author, Number(a.length)]),
      lines.map((
        l,
      ) => [l.id, l.meta.title ?? null, l.meta.outlet ?? null, l.meta.author ?? null, l.length]),
    );
    ok(articles.some((a) => a.title === 'A "quoted", title' && a.author === ""));
    // The toolkit's version and the lexicons' hashes in every file's metadata.
    for (const name of Object.keys(TIDY_TABLES)) {
      const kv = await db.rows(
        `SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata('${dir}/t/${name}.parquet')`,
      );
      const meta = Object.fromEntries(kv.map((x) => [x.k, x.v]));
      strictEqual(meta["framing.toolkit"], `@framing/toolkit ${provenance.toolkit.version}`);
      deepStrictEqual(
        JSON.parse(meta["framing.lexicons"] as string).map((l: { sha256: string }) => l.sha256),
        provenance.lexicons.map((l) => l.sha256),
      );
      deepStrictEqual(JSON.parse(meta["framing.provenance"] as string), provenance);
    }
  } finally {
    db.close();
  }
});

for (const compact of [false, true]) {
  Deno.test(`merge of Parquet shards gives the bytes of one run${compact ? " (--compact)" : ""}`, async () => {
    const inputs = await corpus();
    const dir = await Deno.makeTempDir();
    const more = compact ? ["--compact"] : [];
    const run = (name: string, ...args: string[]) =>
      quietly(() =>
        analyze([
          ...inputs,
          "--jsonl",
          `${dir}/${name}.jsonl`,
          "--tables",
          `${dir}/${name}`,
          "--format",
          "parquet",
          ...fast(more),
          ...more,
          ...args,
        ])
      );
    strictEqual((await run("whole")).code, 0);
    for (const k of [1, 2, 3]) strictEqual((await run(`s${k}`, "--shard", `${k}/3`)).code, 0);
    const m = await quietly(() =>
      merge([
        `${dir}/m.jsonl`,
        `${dir}/s2.jsonl`,
        `${dir}/s3.jsonl`,
        `${dir}/s1.jsonl`,
        "--tables",
        `${dir}/m`,
      ])
    );
    strictEqual(m.code, 0, m.text);
    const files = (await Array.fromAsync(Deno.readDir(`${dir}/whole`))).map((e) => e.name).sort();
    deepStrictEqual(
      files,
      Object.keys(TIDY_TABLES).filter((t) => !(compact && t === "mentions"))
        .flatMap((t) => [`${t}.csv`, `${t}.parquet`]).sort(),
    );
    for (const f of files) {
      deepStrictEqual(
        await Deno.readFile(`${dir}/m/${f}`),
        await Deno.readFile(`${dir}/whole/${f}`),
        f,
      );
    }
    deepStrictEqual(
      await Deno.readFile(`${dir}/m.jsonl`),
      await Deno.readFile(`${dir}/whole.jsonl`),
    );
  });
}

Deno.test("analyze --format: needs --tables, knows json, csv and parquet; a folder gets CSV", async () => {
  const none = await quietly(() => analyze(["data/corpus", "--format", "csv"]));
  strictEqual(none.code, 2);
  ok(none.text.includes("--format is the format of --tables"));
  const bad = await quietly(() => analyze(["data/corpus", "--tables", "x", "--format", "xml"]));
  strictEqual(bad.code, 2);
  ok(bad.text.includes('found "xml"'));
  const dir = await Deno.makeTempDir();
  strictEqual(
    (await quietly(() =>
      analyze(["data/corpus", "--out", `${dir}.json`, "--tables", dir, ...FAST])
    )).code,
    0,
  );
  ok((await Deno.readTextFile(`${dir}/articles.csv`)).startsWith("article,title,"));
});

Deno.test("a Parquet shard resumed after a cut rebuilds its tables: the merge is one run's bytes", async () => {
  const inputs = await corpus();
  const dir = await Deno.makeTempDir();
  const run = (name: string, ...args: string[]) =>
    quietly(() =>
      analyze([
        ...inputs,
        "--jsonl",
        `${dir}/${name}.jsonl`,
        "--tables",
        `${dir}/${name}`,
        "--format",
        "parquet",
        ...FAST,
        ...args,
      ])
    );
  strictEqual((await run("whole")).code, 0);
  for (const k of [1, 2]) strictEqual((await run(`s${k}`, "--shard", `${k}/2`)).code, 0);
  // Shard 2 stopped inside its second line; its tables were never closed.
  const jsonl = await Deno.readFile(`${dir}/s2.jsonl`);
  const second = jsonl.indexOf(0x0a) + 1;
  ok(second > 0 && second < jsonl.length);
  await Deno.writeFile(`${dir}/s2.jsonl`, jsonl.subarray(0, second + 50));
  await Deno.remove(`${dir}/s2`, { recursive: true });
  const resumed = await run("s2", "--shard", "2/2", "--resume");
  strictEqual(resumed.code, 0, resumed.text);
  ok(resumed.text.includes("resume: kept 1 lines"), resumed.text);
  const m = await quietly(() =>
    merge([`${dir}/m.jsonl`, `${dir}/s1.jsonl`, `${dir}/s2.jsonl`, "--tables", `${dir}/m`])
  );
  strictEqual(m.code, 0, m.text);
  for (const e of Deno.readDirSync(`${dir}/whole`)) {
    deepStrictEqual(
      await Deno.readFile(`${dir}/m/${e.name}`),
      await Deno.readFile(`${dir}/whole/${e.name}`),
      e.name,
    );
  }
});
