import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { InputError, loadCorpus } from "../lib/mod.ts";
import { parseManifest } from "../lib/corpus/manifest.ts";
import { decodeText } from "../lib/corpus/read_text.ts";

async function tempDir(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await Deno.makeTempDir();
  for (const [name, content] of Object.entries(files)) {
    const path = `${dir}/${name}`;
    if (typeof content === "string") await Deno.writeTextFile(path, content);
    else await Deno.writeFile(path, content);
  }
  return dir;
}

const TEXT =
  "A title\n\nThe article body has a sentence that is long enough to count as prose here.\n";

Deno.test("loadCorpus() reads the bundled articles with their manifest metadata", async () => {
  const corpus = await loadCorpus(["data/corpus"]);
  deepStrictEqual(corpus.failures, []);
  deepStrictEqual(corpus.articles.map((a) => a.meta.id), [
    "politnavigator-2023-11-10",
    "topwar-2023-11-11",
  ]);
  const topwar = corpus.articles[1];
  deepStrictEqual(topwar.meta.inferred, ["outlet", "date"]);
  strictEqual(topwar.meta.author, undefined);
  const shared = await Deno.readFile("../shared/corpus/topwar-2023-11-11.txt").catch(() => null);
  if (shared) strictEqual(topwar.text, new TextDecoder().decode(shared));
});

Deno.test("decodeText() refuses empty, whitespace-only, binary and invalid UTF-8 input", () => {
  throws(
    () => decodeText(new Uint8Array(), "e.txt"),
    /"e.txt": expected text, found an empty file/,
  );
  throws(
    () => decodeText(new TextEncoder().encode(" \n\t\u00a0\n"), "w.txt"),
    /"w.txt": expected text, found only whitespace/,
  );
  throws(
    () => decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]), "b.txt"),
    /"b.txt": line 1: expected text, found a NUL byte/,
  );
  throws(
    () => decodeText(new Uint8Array([0x41, 0x0a, 0x0a, 0xc3, 0x28]), "u.txt"),
    (e: unknown) =>
      e instanceof InputError && e.line === 3 &&
      /expected UTF-8 text, found byte 0xc3/.test(e.message),
  );
});

Deno.test("loadCorpus() lists every bad file with its reason and reads the rest", async () => {
  const dir = await tempDir({
    "good.txt": TEXT,
    "empty.txt": "",
    "blank.md": "  \n\n",
    "binary.txt": new Uint8Array([1, 2, 0, 4]),
    "latin1.txt": new Uint8Array([0x63, 0x61, 0x66, 0xe9]),
  });
  const corpus = await loadCorpus([dir]);
  deepStrictEqual(corpus.articles.map((a) => a.meta.id), ["good"]);
  strictEqual(corpus.failures.length, 4);
  const reason = (name: string) =>
    corpus.failures.find((f) => f.input.endsWith(name))?.reason ?? "";
  ok(reason("empty.txt").includes("empty file"));
  ok(reason("blank.md").includes("only whitespace"));
  ok(reason("binary.txt").includes("NUL byte"));
  ok(reason("latin1.txt").includes("expected UTF-8 text"));
});

Deno.test("loadCorpus() reports a manifest row whose file is missing and a file without a row", async () => {
  const dir = await tempDir({
    "a.txt": TEXT,
    "b.txt": TEXT,
    "manifest.json": JSON.stringify([
      { id: "first", file: "a.txt", outlet: "Daily", region: "north" },
      { id: "ghost", file: "missing.txt" },
    ]),
  });
  const corpus = await loadCorpus([dir]);
  deepStrictEqual(corpus.articles.map((a) => a.meta.id), ["first", "b"]);
  strictEqual(corpus.articles[0].meta.region, "north", "extra metadata fields are kept");
  strictEqual(corpus.failures.length, 1);
  ok(corpus.failures[0].input.endsWith("manifest.json: articles[1]"));
  ok(corpus.failures[0].reason.includes('"missing.txt"'));
  ok(corpus.notes.some((n) => n.includes("b.txt has no manifest row")));
});

Deno.test("loadCorpus() reads a CSV manifest and splits its inferred field", async () => {
  const dir = await tempDir({
    "a.txt": TEXT,
    "manifest.csv": "id,file,outlet,inferred\nx1,a.txt,Weekly,outlet;date\n",
  });
  const corpus = await loadCorpus([dir]);
  deepStrictEqual(corpus.articles[0].meta.inferred, ["outlet", "date"]);
  strictEqual(corpus.articles[0].meta.outlet, "Weekly");
});

Deno.test("loadCorpus() refuses duplicate ids after the first", async () => {
  const dir = await tempDir({ "a.jsonl": '{"id":"x","text":"One."}\n{"id":"x","text":"Two."}\n' });
  const corpus = await loadCorpus([`${dir}/a.jsonl`]);
  strictEqual(corpus.articles.length, 1);
  strictEqual(corpus.failures.length, 1);
  ok(/expected a unique id, found "x" already used by .*a.jsonl:1/.test(corpus.failures[0].reason));
  strictEqual(corpus.failures[0].input, `${dir}/a.jsonl:2`);
});

Deno.test("loadCorpus() reports a JSONL line that is not JSON or has no text, with its line", async () => {
  const dir = await tempDir({
    "c.jsonl":
      '{"id":"a","text":"Fine.","outlet":"X"}\n{oops\n\n{"id":"c"}\n["x"]\n{"text":"No id."}\n',
  });
  const corpus = await loadCorpus([`${dir}/c.jsonl`]);
  deepStrictEqual(corpus.articles.map((a) => a.meta.id), ["a", "c-6"]);
  strictEqual(corpus.articles[0].meta.outlet, "X");
  deepStrictEqual(corpus.failures.map((f) => f.input.split(":").pop()), ["2", "4", "5"]);
  ok(corpus.failures[0].reason.includes("line 2: expected a JSON object"));
  ok(corpus.failures[1].reason.includes("line 4: text: expected the article text as a string"));
});

Deno.test("loadCorpus() reads a CSV corpus and refuses one without the text column", async () => {
  const dir = await tempDir({
    "ok.csv": 'id,outlet,text\n1,A,"Hello, world."\n2,B,"Line one\nline two"\n',
    "bad.csv": "id,body\n1,Hello\n",
  });
  const good = await loadCorpus([`${dir}/ok.csv`]);
  deepStrictEqual(good.articles.map((a) => [a.meta.id, a.meta.outlet, a.origin.split(":").pop()]), [
    ["1", "A", "2"],
    ["2", "B", "3"],
  ]);
  const bad = await loadCorpus([`${dir}/bad.csv`]);
  strictEqual(bad.articles.length, 0);
  ok(/bad.csv": line 1: expected a "text" column, found id, body/.test(bad.failures[0].reason));
  const named = await loadCorpus([`${dir}/bad.csv`], { textColumn: "body" });
  strictEqual(named.articles.length, 1);
});

Deno.test("loadCorpus() lists a path that does not exist or has an unknown type", async () => {
  const dir = await tempDir({ "x.pdf": "%PDF" });
  const corpus = await loadCorpus([`${dir}/nope`, `${dir}/x.pdf`]);
  strictEqual(corpus.failures.length, 2);
  ok(corpus.failures[1].reason.includes("expected a folder, or a .txt, .md, .jsonl or .csv file"));
});

Deno.test("parseManifest() refuses JSON that is not a list of rows", () => {
  throws(() => parseManifest("{}", "m.json"), /"m.json": expected an array of rows/);
  throws(() => parseManifest("{", "m.json"), /"m.json": expected JSON/);
});

Deno.test("loadCorpus() skips a folder's README with a note unless the manifest names it", async () => {
  const dir = await tempDir({ "a.txt": TEXT, "README.md": "# About these files\n" });
  const plain = await loadCorpus([dir]);
  deepStrictEqual(plain.articles.map((a) => a.meta.id), ["a"]);
  ok(plain.notes.some((n) => n.includes("README.md skipped")));
  await Deno.writeTextFile(
    `${dir}/manifest.json`,
    JSON.stringify([{ id: "a", file: "a.txt" }, { id: "readme", file: "README.md" }]),
  );
  const named = await loadCorpus([dir]);
  deepStrictEqual(named.articles.map((a) => a.meta.id), ["readme", "a"], "file-name order");
});
