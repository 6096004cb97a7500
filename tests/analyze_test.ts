import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { AnalysisDocument, analyzeCorpus, loadCorpus, TOOLKIT } from "../lib/mod.ts";
import { main } from "../lib/cli/analyze.ts";

Deno.test("analyzeCorpus() gives a document that fits its schema, with sentences inside segments", async () => {
  const doc = analyzeCorpus(await loadCorpus(["data/corpus"]));
  AnalysisDocument.parse(doc);
  strictEqual(doc.articles.length, 2);
  for (const a of doc.articles) {
    strictEqual(a.segments.at(-1)!.end, a.length);
    for (const s of a.sentences) {
      const seg = a.segments[s.segment];
      ok(seg.start <= s.start && s.end <= seg.end, `sentence ${s.index} outside its segment`);
      strictEqual(s.voice, seg.voice);
    }
    const chars = a.voices.reduce((n, v) => n + v.chars, 0);
    strictEqual(chars, a.length);
  }
});

Deno.test("analyzeCorpus() keeps the voices apart: comments and quotes are not body", async () => {
  const doc = analyzeCorpus(await loadCorpus(["data/corpus"]));
  const topwar = doc.articles.find((a) => a.id === "topwar-2023-11-11")!;
  const voice = (v: string) => topwar.voices.find((x) => x.voice === v)!;
  ok(voice("comment").sentences > 20);
  ok(voice("quote").sentences > 10);
  ok(voice("body").words > voice("quote").words);
});

Deno.test("TOOLKIT version equals deno.json's", async () => {
  const config = JSON.parse(await Deno.readTextFile("deno.json"));
  strictEqual(TOOLKIT.version, config.version);
  strictEqual(TOOLKIT.name, config.name);
});

Deno.test("analyze CLI writes the document and accounts for every input", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(`${dir}/c.jsonl`, '{"id":"a","text":"Fine text here."}\nbroken\n');
  const out = `${dir}/sub/out.json`;
  const code = await main([`${dir}/c.jsonl`, "data/corpus", `${dir}/none.txt`, "--out", out]);
  strictEqual(code, 0);
  const doc = AnalysisDocument.parse(JSON.parse(await Deno.readTextFile(out)));
  deepStrictEqual(doc.articles.map((a) => a.id), [
    "a",
    "politnavigator-2023-11-10",
    "topwar-2023-11-11",
  ]);
  deepStrictEqual(doc.failures.map((f) => f.input), [`${dir}/c.jsonl:2`, `${dir}/none.txt`]);
});

Deno.test("analyze CLI exits 2 with usage when no path is given and 1 when nothing was analysed", async () => {
  strictEqual(await main([]), 2);
  strictEqual(await main(["--bogus"]), 2);
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(`${dir}/e.txt`, "");
  strictEqual(await main([`${dir}/e.txt`, "--out", `${dir}/o.json`]), 1);
});
