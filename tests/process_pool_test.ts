import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import fc from "fast-check";
import { encodeFrame, type Frame, FrameReader } from "../lib/run/_frames.ts";
import { ProcessPool } from "../lib/run/process_pool.ts";
import type { Article } from "../lib/article.ts";

const article = (id: string, text: string): Article => ({
  meta: { id, language: "en", inferred: [] },
  text,
  origin: `test ${id}`,
  warnings: [],
});

Deno.test("FrameReader gives back every frame, however the bytes are cut into chunks", () => {
  const frame = fc.record({
    header: fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.integer(), fc.string()), {
      maxKeys: 3,
    }).filter((h) => !("sizes" in h)),
    blocks: fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 4 }),
  });
  fc.assert(
    fc.property(fc.array(frame, { maxLength: 6 }), fc.array(fc.nat(60)), (frames, cuts) => {
      const bytes = new Uint8Array(frames.flatMap((f) => [...encodeFrame(f)]));
      const reader = new FrameReader();
      const got: Frame[] = [];
      let at = 0;
      for (const cut of [...cuts, bytes.length]) {
        reader.push(bytes.subarray(at, Math.min(bytes.length, at + cut)));
        at = Math.min(bytes.length, at + cut);
        for (let f = reader.next(); f !== undefined; f = reader.next()) got.push(f);
      }
      strictEqual(reader.pending, 0);
      deepStrictEqual(
        got.map((f) => ({ header: f.header, blocks: f.blocks.map((b) => [...b]) })),
        frames.map((f) => ({
          header: { ...f.header, sizes: f.blocks.map((b) => b.length) },
          blocks: f.blocks.map((b) => [...b]),
        })),
      );
    }),
  );
});

Deno.test("FrameReader refuses a header without block sizes", () => {
  const header = new TextEncoder().encode('{"type":"done"}');
  const bytes = new Uint8Array(4 + header.length);
  new DataView(bytes.buffer).setUint32(0, header.length);
  bytes.set(header, 4);
  const reader = new FrameReader();
  reader.push(bytes);
  let error: unknown;
  try {
    reader.next();
  } catch (e) {
    error = e;
  }
  ok(error instanceof SyntaxError && /sizes/.test(error.message));
});

Deno.test("ProcessPool: text with lone surrogates, quotes and line breaks survives the pipe both ways", async () => {
  const pool = new ProcessPool(2, { analyze: { resamples: 20 } });
  const text =
    'Headline \ud800\n\nThe "minister" said\r\nthe gas \u2028pipeline will open. \udc00 Ünïcödé ✓';
  const results = await Promise.all(["x", "y", "z"].map((id) => pool.analyze(article(id, text))));
  await pool.close();
  for (const [i, r] of results.entries()) {
    ok("record" in r, JSON.stringify(r));
    const parsed = JSON.parse(new TextDecoder().decode(r.record.line));
    strictEqual(parsed.id, ["x", "y", "z"][i]);
    strictEqual(parsed.text, text);
  }
});

Deno.test("ProcessPool: lexicons that cannot be loaded fail every article with the file's problem", async () => {
  const pool = new ProcessPool(1, { resources: { topics: "no/such/topics.yaml" } });
  const results = await Promise.all([
    pool.analyze(article("a", "Gas.")),
    pool.analyze(article("b", "Oil.")),
  ]);
  await pool.close();
  for (const r of results) {
    ok(
      "reason" in r && /could not start/.test(r.reason) && /no\/such\/topics\.yaml/.test(r.reason),
      JSON.stringify(r),
    );
  }
  const after = await pool.analyze(article("c", "Coal."));
  ok("reason" in after);
});

Deno.test("ProcessPool refuses a worker count that is not a positive integer", () => {
  for (const n of [0, -1, 1.5]) {
    let error: unknown;
    try {
      new ProcessPool(n);
    } catch (e) {
      error = e;
    }
    ok(error instanceof RangeError);
  }
});

Deno.test("ProcessPool: a worker that dies fails its articles with the reason and is replaced", async () => {
  const pool = new ProcessPool(1, { analyze: { resamples: 20 } });
  const [pid] = pool.pids;
  const long = "Headline\n\n" +
    "The minister said the gas pipeline will open next year. ".repeat(4000);
  const lost = pool.analyze(article("lost", long));
  Deno.kill(pid, "SIGKILL");
  const r = await lost;
  ok(
    "reason" in r && /the analysis process stopped \(signal SIGKILL\)/.test(r.reason),
    JSON.stringify(r),
  );
  const [replacement] = pool.pids;
  ok(replacement !== undefined && replacement !== pid);
  const next = await pool.analyze(article("next", "Talks\n\nThe Kremlin spoke about gas."));
  await pool.close();
  ok("record" in next && next.record.id === "next", JSON.stringify(next));
});
