/**
 * Issue 22: `analyze --shard K/N` and `merge`. Three shards merged give the
 * bytes of one unsharded run (JSONL full and compact, provenance, tables,
 * errors); a missing, duplicated, unfinished, foreign or differently made
 * shard is refused with its name; a shard resumes on its own.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { main as analyze } from "../lib/cli/analyze.ts";
import { main as merge } from "../lib/cli/merge.ts";
import { shardOf, ShardTracker } from "../lib/run/shard.ts";
import { streamCorpus } from "../lib/corpus/stream_corpus.ts";

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

/** A corpus of 6 articles in two folders, and one empty file that fails. */
async function corpus(): Promise<string[]> {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(`${dir}/empty.txt`, "");
  return ["tests/fixtures/your_articles", dir, "data/corpus"];
}

const FAST = ["--workers", "0", "--resamples", "50"];
/** `--compact` runs keep no actor intervals, so `--resamples` (which sets them) is not given. */
const fast = (more: readonly string[]) =>
  more.includes("--compact") && !more.includes("--intervals") ? ["--workers", "0"] : FAST;

function run(inputs: string[], out: string, ...more: string[]) {
  return quietly(() =>
    analyze([
      ...inputs,
      "--jsonl",
      `${out}.jsonl`,
      "--tables",
      `${out}.tables.json`,
      "--errors",
      `${out}.errors.jsonl`,
      ...fast(more),
      ...more,
    ])
  );
}

const FILES = [".jsonl", ".jsonl.provenance.json", ".tables.json", ".errors.jsonl"];
const read = (out: string) => Promise.all(FILES.map((f) => Deno.readFile(`${out}${f}`)));

function mergeOf(dir: string, out: string, shards: string[]) {
  return quietly(() =>
    merge([
      `${dir}/${out}.jsonl`,
      ...shards.map((s) => `${dir}/${s}.jsonl`),
      "--tables",
      `${dir}/${out}.tables.json`,
      "--errors",
      `${dir}/${out}.errors.jsonl`,
    ])
  );
}

Deno.test("shardOf() puts every item of a corpus in exactly one of N shards", async () => {
  const inputs = await corpus();
  const seen = new Map<string, number>();
  for (let k = 1; k <= 3; k++) {
    const t = new ShardTracker({ shard: k, of: 3 });
    for await (const item of t.filter(streamCorpus(inputs))) {
      if ("note" in item) continue;
      const key = "article" in item ? item.article.meta.id : item.failure.input;
      strictEqual(seen.has(key), false, `${key} in two shards`);
      seen.set(key, k);
      strictEqual(shardOf(key, 3), k);
    }
    strictEqual(t.items, 7);
  }
  strictEqual(seen.size, 7);
});

for (const compact of [false, true]) {
  Deno.test(`merge of 3 shards is byte-identical to one run${compact ? " (--compact)" : ""}`, async () => {
    const inputs = await corpus();
    const dir = await Deno.makeTempDir();
    const more = compact ? ["--compact"] : [];
    strictEqual((await run(inputs, `${dir}/whole`, ...more)).code, 0);
    for (const k of [1, 2, 3]) {
      const r = await run(inputs, `${dir}/s${k}`, "--shard", `${k}/3`, ...more);
      strictEqual(r.code, 0, r.text);
    }
    // Shards given in any order.
    const m = await mergeOf(dir, "merged", ["s3", "s1", "s2"]);
    strictEqual(m.code, 0, m.text);
    ok(m.text.includes("merged 3 shards: 6 lines, 1 failures"), m.text);
    deepStrictEqual(await read(`${dir}/merged`), await read(`${dir}/whole`));
  });
}

Deno.test("merge refuses a missing, a duplicated and an unfinished shard, naming it", async () => {
  const inputs = await corpus();
  const dir = await Deno.makeTempDir();
  for (const k of [1, 2, 3]) await run(inputs, `${dir}/s${k}`, "--shard", `${k}/3`);
  const missing = await mergeOf(dir, "m", ["s1", "s3"]);
  strictEqual(missing.code, 2);
  ok(missing.text.includes("shard 2/3 is missing"), missing.text);
  const twice = await mergeOf(dir, "m", ["s1", "s2", "s2", "s3"]);
  strictEqual(twice.code, 2);
  ok(twice.text.includes("shard 2/3 is given twice"), twice.text);
  // Nothing was written by the refused merges.
  strictEqual(await Deno.stat(`${dir}/m.jsonl`).then(() => true, () => false), false);

  // A shard output changed after its run: its lines are not the sizes its record gives.
  const s3 = await Deno.readTextFile(`${dir}/s3.jsonl`);
  ok(s3.length > 0);
  await Deno.writeTextFile(`${dir}/s3.jsonl`, s3 + s3.slice(0, s3.indexOf("\n") + 1));
  const changed = await mergeOf(dir, "m", ["s1", "s2", "s3"]);
  strictEqual(changed.code, 2);
  ok(changed.text.includes("s3.jsonl") && changed.text.includes("found more"), changed.text);
  await Deno.writeTextFile(`${dir}/s3.jsonl`, s3);

  const record = `${dir}/s3.jsonl.shard.json`;
  const finished = await Deno.readTextFile(record);
  await Deno.writeTextFile(record, finished.replace('"complete":true', '"complete":false'));
  const unfinished = await mergeOf(dir, "m", ["s1", "s2", "s3"]);
  strictEqual(unfinished.code, 2);
  ok(unfinished.text.includes("shard 3/3") && unfinished.text.includes("did not finish"));
});

Deno.test("merge refuses shards from another corpus or other options", async () => {
  const inputs = await corpus();
  const dir = await Deno.makeTempDir();
  await run(inputs, `${dir}/s1`, "--shard", "1/2");
  await run(inputs, `${dir}/s2`, "--shard", "2/2");
  // Shard 2 of a smaller corpus (without data/corpus).
  await run(inputs.slice(0, 2), `${dir}/other2`, "--shard", "2/2");
  const other = await mergeOf(dir, "m", ["s1", "other2"]);
  strictEqual(other.code, 2);
  ok(other.text.includes("shard 2/2") && other.text.includes("another corpus"), other.text);
  // Shard 2 with another number of resamples: other provenance.
  await run(inputs, `${dir}/r2`, "--shard", "2/2", "--resamples", "60");
  const options = await mergeOf(dir, "m", ["s1", "r2"]);
  strictEqual(options.code, 2);
  ok(options.text.includes("shard 2/2") && options.text.includes("other options"), options.text);
  // A shard of another split.
  await run(inputs, `${dir}/t3`, "--shard", "3/3");
  const split = await mergeOf(dir, "m", ["s1", "s2", "t3"]);
  strictEqual(split.code, 2);
  ok(split.text.includes("shard 3/3") && split.text.includes("one of 3"), split.text);
});

Deno.test("analyze --shard --resume after a cut: the merge is the bytes of one run", async () => {
  const inputs = await corpus();
  const dir = await Deno.makeTempDir();
  await run(inputs, `${dir}/whole`);
  for (const k of [1, 2]) await run(inputs, `${dir}/s${k}`, "--shard", `${k}/2`);
  // Shard 2 is interrupted in its second line; its record says it did not finish.
  const jsonl = await Deno.readFile(`${dir}/s2.jsonl`);
  const second = jsonl.indexOf(0x0a) + 1;
  ok(second > 0 && second < jsonl.length);
  await Deno.writeFile(`${dir}/s2.jsonl`, jsonl.subarray(0, second + 100));
  const record = `${dir}/s2.jsonl.shard.json`;
  await Deno.writeTextFile(
    record,
    JSON.stringify({ ...JSON.parse(await Deno.readTextFile(record)), complete: false }),
  );
  strictEqual((await mergeOf(dir, "m", ["s1", "s2"])).code, 2);
  // Resumed as another shard: refused.
  const wrong = await run(inputs, `${dir}/s2`, "--shard", "1/2", "--resume");
  strictEqual(wrong.code, 2);
  ok(wrong.text.includes("expected --shard 2/2"), wrong.text);
  const resumed = await run(inputs, `${dir}/s2`, "--shard", "2/2", "--resume");
  strictEqual(resumed.code, 0, resumed.text);
  ok(resumed.text.includes("resume: kept 1 lines"), resumed.text);
  const m = await mergeOf(dir, "m", ["s1", "s2"]);
  strictEqual(m.code, 0, m.text);
  deepStrictEqual(await read(`${dir}/m`), await read(`${dir}/whole`));
});

Deno.test("analyze --shard needs K/N with 1 <= K <= N and --jsonl", async () => {
  for (const bad of ["0/3", "4/3", "2", "a/b"]) {
    const r = await quietly(() => analyze(["data/corpus", "--shard", bad, "--jsonl", "x.jsonl"]));
    strictEqual(r.code, 2);
    ok(r.text.includes(`found "${bad}"`), r.text);
  }
  const r = await quietly(() => analyze(["data/corpus", "--shard", "1/2"]));
  strictEqual(r.code, 2);
  ok(r.text.includes("--shard writes a --jsonl stream"));
});

Deno.test("merge takes the folders that hold the shard outputs", async () => {
  const inputs = await corpus();
  const dir = await Deno.makeTempDir();
  await run(inputs, `${dir}/whole`);
  for (const k of [1, 2]) await run(inputs, `${dir}/shard${k}/out`, "--shard", `${k}/2`);
  const m = await quietly(() =>
    merge([
      `${dir}/merged.jsonl`,
      `${dir}/shard2`,
      `${dir}/shard1`,
      "--tables",
      `${dir}/merged.tables.json`,
      "--errors",
      `${dir}/merged.errors.jsonl`,
    ])
  );
  strictEqual(m.code, 0, m.text);
  deepStrictEqual(await read(`${dir}/merged`), await read(`${dir}/whole`));
  const none = await quietly(() => merge([`${dir}/m.jsonl`, dir]));
  strictEqual(none.code, 2);
  ok(none.text.includes("expected a folder with one shard output"), none.text);
});
