import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import type { CorpusItem } from "../lib/corpus/corpus.ts";
import { readByteLines } from "../lib/corpus/lines.ts";
import { loadCorpus } from "../lib/corpus/load_corpus.ts";
import { streamCorpus } from "../lib/corpus/stream_corpus.ts";
import { main } from "../lib/cli/analyze.ts";
import { analyzeStream, type Isolation } from "../lib/run/analyze_stream.ts";
import { Progress } from "../lib/run/progress.ts";
import { AnalysedArticle } from "../lib/analysis.ts";

const TEXT = "A title\n\nThe minister said the gas pipeline to Kazakhstan will open next year.\n";

async function mixedCorpus(): Promise<{ dir: string; paths: string[] }> {
  const dir = await Deno.makeTempDir();
  await Deno.mkdir(`${dir}/folder`);
  await Deno.writeTextFile(`${dir}/folder/a.txt`, TEXT);
  await Deno.writeTextFile(`${dir}/folder/b.txt`, "");
  await Deno.writeTextFile(`${dir}/folder/c.txt`, TEXT.replace("gas", "oil"));
  await Deno.writeTextFile(
    `${dir}/c.jsonl`,
    [
      JSON.stringify({ id: "j1", text: TEXT }),
      "{broken",
      JSON.stringify({ id: "a", text: TEXT }),
      JSON.stringify({ id: "j2", text: "Second\n\nRussia and the West argued about sanctions." }),
    ].join("\n") + "\n",
  );
  await Deno.writeTextFile(
    `${dir}/c.csv`,
    `id,text\r\nv1,"${TEXT}"\r\nv2,x,y\r\nv3,"Short text."\r\n`,
  );
  return { dir, paths: [`${dir}/folder`, `${dir}/c.jsonl`, `${dir}/c.csv`, `${dir}/none.txt`] };
}

function label(item: CorpusItem): string {
  if ("article" in item) return `article ${item.article.meta.id}`;
  if ("failure" in item) return `failure ${item.failure.input.replace(/^.*\//, "")}`;
  return "note";
}

Deno.test("streamCorpus() yields every input in input order, failures in place", async () => {
  const { paths } = await mixedCorpus();
  const items = await Array.fromAsync(streamCorpus(paths));
  deepStrictEqual(items.map(label), [
    "article a",
    "failure b.txt",
    "article c",
    "article j1",
    "failure c.jsonl:2",
    "failure c.jsonl:3",
    "article j2",
    "article v1",
    "failure c.csv:6", // v1 spans lines 2-5
    "article v3",
    "failure none.txt",
  ]);
  const dup = items.find((i) => "failure" in i && i.failure.input.endsWith("c.jsonl:3"));
  ok(dup && "failure" in dup && dup.failure.reason.includes('found "a" already used by'));
  const row = items.find((i) => "failure" in i && i.failure.input.endsWith("c.csv:6"));
  ok(
    row && "failure" in row && row.failure.reason.includes("expected 2 fields (id, text), found 3"),
  );
});

Deno.test("loadCorpus() is streamCorpus() collected", async () => {
  const { paths } = await mixedCorpus();
  const items = await Array.fromAsync(streamCorpus(paths));
  const corpus = await loadCorpus(paths);
  deepStrictEqual(
    corpus.articles,
    items.flatMap((i) => "article" in i ? [i.article] : []),
  );
  deepStrictEqual(corpus.failures, items.flatMap((i) => "failure" in i ? [i.failure] : []));
});

Deno.test("readByteLines() splits lines across chunk boundaries and skips over-long lines", async () => {
  const file = await Deno.makeTempFile();
  const lines = ["short", "x".repeat(40), "", "a line that spans chunks", "last\r"];
  await Deno.writeTextFile(file, lines.join("\n"));
  const got = await Array.fromAsync(readByteLines(file, { chunkBytes: 7, maxLineBytes: 30 }));
  const decoder = new TextDecoder();
  deepStrictEqual(
    got.map((l) => "bytes" in l ? decoder.decode(l.bytes) : `too long: ${l.tooLong}`),
    ["short", "too long: 40", "", "a line that spans chunks", "last"],
  );
  deepStrictEqual(got.map((l) => l.line), [1, 2, 3, 4, 5]);
});

Deno.test("analyzeStream() gives the same records in input order on 0, 1 and 2 workers, processes or threads", async () => {
  const { paths } = await mixedCorpus();
  const run = async (workers: number, isolation: Isolation = "process") => {
    const out: string[] = [];
    const stream = analyzeStream(streamCorpus(paths), {
      workers,
      isolation,
      analyze: { resamples: 100 },
    });
    for await (const item of stream) {
      out.push(
        "record" in item ? new TextDecoder().decode(item.record.line) : JSON.stringify(item),
      );
    }
    return out;
  };
  const one = await run(1);
  strictEqual(one.length, 11);
  deepStrictEqual(await run(0), one);
  deepStrictEqual(await run(2), one);
  deepStrictEqual(await run(2, "thread"), one);
  AnalysedArticle.parse(JSON.parse(one[0]));
});

Deno.test("analyzeStream() holds at most inFlight articles: it pulls input only as output drains", async () => {
  let pulled = 0;
  async function* items(): AsyncGenerator<CorpusItem> {
    for (let i = 0; i < 30; i++) {
      pulled++;
      yield {
        article: {
          meta: { id: `a${i}`, language: "en", inferred: [] },
          text: `Title ${i}\n\nThe Kremlin said something about gas on day ${i}.`,
          origin: `a${i}`,
          warnings: [],
        },
        bytes: 10,
      };
    }
  }
  let done = 0;
  let most = 0;
  for await (const _ of analyzeStream(items(), { workers: 2, inFlight: 4 })) {
    done++;
    most = Math.max(most, pulled - done);
  }
  strictEqual(done, 30);
  ok(most <= 4, `held ${most} articles at once`);
});

async function captureStderr(
  fn: () => Promise<number>,
): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => lines.push(args.join(" "));
  try {
    return { code: await fn(), lines };
  } finally {
    console.error = original;
  }
}

Deno.test("analyze CLI streams JSONL, tables and errors byte-identically on 1 and 2 workers", async () => {
  const { dir, paths } = await mixedCorpus();
  const outputs: string[][] = [];
  for (const workers of ["1", "2"]) {
    const o = `${dir}/out${workers}`;
    const { code, lines } = await captureStderr(() =>
      main([
        ...paths,
        "--jsonl",
        `${o}/a.jsonl`,
        "--tables",
        `${o}/t.json`,
        "--errors",
        `${o}/e.jsonl`,
        "--workers",
        workers,
      ])
    );
    strictEqual(code, 0);
    ok(
      lines.includes(
        `read 11, analysed 6, failed 5 → ${o}/a.jsonl, ${o}/a.jsonl.provenance.json, ${o}/t.json`,
      ),
      lines.join("\n"),
    );
    outputs.push(
      await Promise.all(
        ["a.jsonl", "t.json", "e.jsonl"].map((f) => Deno.readTextFile(`${o}/${f}`)),
      ),
    );
  }
  deepStrictEqual(outputs[0], outputs[1]);
  const [jsonl, tables, errors] = outputs[0];
  const ids = jsonl.trim().split("\n").map((l) => AnalysedArticle.parse(JSON.parse(l)).id);
  deepStrictEqual(ids, ["a", "c", "j1", "j2", "v1", "v3"]);
  const t = JSON.parse(tables);
  deepStrictEqual(Object.keys(t), ["provenance", "topics", "stance", "actors"]);
  ok(t.topics.length > 0 && t.actors.length > 0);
  deepStrictEqual(new Set(t.topics.map((r: { article: string }) => r.article)), new Set(ids));
  ok(t.actors.every((r: { article: string }) => ids.includes(r.article)));
  const failed = errors.trim().split("\n").map((l) => JSON.parse(l).input.replace(/^.*\//, ""));
  deepStrictEqual(failed, ["b.txt", "c.jsonl:2", "c.jsonl:3", "c.csv:6", "none.txt"]);
});

Deno.test("analyze CLI refuses --out with --jsonl and a bad --workers", async () => {
  const { code } = await captureStderr(() => main(["data/corpus", "--out", "a", "--jsonl", "b"]));
  strictEqual(code, 2);
  strictEqual((await captureStderr(() => main(["data/corpus", "--workers", "two"]))).code, 2);
});

Deno.test("Progress shows done, rate and time left only when enabled", () => {
  let out = "";
  let t = 0;
  const write = (s: string) => out += s;
  const quiet = new Progress({ totalBytes: 100, enabled: false, write, now: () => t });
  t = 1000;
  quiet.update(5, 50);
  strictEqual(out, "");
  const bar = new Progress({ totalBytes: 100, enabled: true, write, now: () => t, intervalMs: 0 });
  t = 3000;
  bar.update(4, 25);
  ok(out.includes("25%") && out.includes("4 articles") && out.includes("2.0/s"), out);
  ok(out.includes("0:06 left"), out);
});
