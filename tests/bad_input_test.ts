import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import type { AnalysedArticle } from "../lib/analysis.ts";
import { analyzeArticle } from "../lib/analyze.ts";
import type { Corpus } from "../lib/corpus/corpus.ts";
import { loadCorpus } from "../lib/corpus/load_corpus.ts";
import { type AnalysisResources, loadResources } from "../lib/resources.ts";

let resources: AnalysisResources | undefined;
async function analyse(corpus: Corpus): Promise<AnalysedArticle[]> {
  resources ??= await loadResources();
  return corpus.articles.map((a) => analyzeArticle(a, resources!, { resamples: 100 }));
}

async function load(name: string, content: string | Uint8Array): Promise<Corpus> {
  const dir = await Deno.makeTempDir();
  const path = `${dir}/${name}`;
  if (typeof content === "string") await Deno.writeTextFile(path, content);
  else await Deno.writeFile(path, content);
  return await loadCorpus([path]);
}

function failure(corpus: Corpus): string {
  strictEqual(corpus.articles.length, 0, "no article expected");
  strictEqual(corpus.failures.length, 1, "one failure expected");
  return corpus.failures[0].reason;
}

/** Offsets of every record must open into the raw text. */
function checkOffsets(a: AnalysedArticle, text: string): void {
  strictEqual(a.segments[0].start, 0);
  strictEqual(a.segments.at(-1)!.end, text.length);
  for (const h of a.hits) strictEqual(text.slice(h.start, h.end), h.form);
  for (const m of a.mentions) strictEqual(text.slice(m.start, m.end), m.form);
  for (const s of a.sentences) ok(s.start <= s.end && s.end <= text.length);
}

const NEWS = "Gas deal signed\n\nThe Kremlin and Kazakhstan signed a deal on a new gas pipeline. " +
  "Tokayev said the thermal power plant would open in 2025.\n";

Deno.test("loadCorpus() refuses an empty file", async () => {
  ok(failure(await load("e.txt", "")).includes("expected text, found an empty file"));
  ok(failure(await load("e.jsonl", "")).includes("expected text, found an empty file"));
  ok(failure(await load("e.csv", "")).includes("expected text, found an empty file"));
});

Deno.test("loadCorpus() refuses a file of whitespace only", async () => {
  const blank = " \n\t\u00a0\u200b\n";
  ok(failure(await load("w.txt", " \n\t\u00a0\n")).includes("found only whitespace"));
  ok(failure(await load("w.jsonl", blank.replace("\u200b", ""))).includes("found only whitespace"));
  ok(failure(await load("w.csv", " \n\n")).includes("found only whitespace"));
});

Deno.test("loadCorpus() refuses binary data", async () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
  ok(failure(await load("b.txt", png)).includes("NUL byte (this looks like a binary file)"));
  const controls = new Uint8Array(200).map((_, i) => 1 + (i % 7));
  ok(failure(await load("c.txt", controls)).includes("control characters"));
  const jsonl = await load("b.jsonl", png);
  ok(jsonl.failures.length >= 1 && jsonl.articles.length === 0);
  ok(failure(await load("b.csv", png)).includes("NUL byte"));
});

Deno.test("loadCorpus() refuses invalid UTF-8 with its line, and keeps the valid JSONL lines", async () => {
  const bytes = new TextEncoder().encode("First line\nSecond \u00e9 line\n");
  const latin1 = Uint8Array.from([...bytes.subarray(0, 18), 0xe9, 0x20, 0x6c]);
  const txt = failure(await load("l.txt", latin1));
  ok(/line 2: expected UTF-8 text, found byte 0xe9/.test(txt), txt);
  const good = new TextEncoder().encode(JSON.stringify({ id: "ok", text: NEWS }) + "\n");
  const jsonl = await load("l.jsonl", Uint8Array.from([...good, 0x7b, 0xff, 0x7d, 0x0a]));
  deepStrictEqual(jsonl.articles.map((a) => a.meta.id), ["ok"]);
  ok(/line 2: expected UTF-8 text, found byte 0xff/.test(jsonl.failures[0].reason));
  const csv = failure(await load("l.csv", Uint8Array.from([0x69, 0x64, 0x0a, 0x61, 0xc3, 0x28])));
  ok(/line 2: expected UTF-8 text, found byte 0xc3/.test(csv), csv);
});

Deno.test("loadCorpus() refuses a 50 MB file with no line break, without reading it whole", async () => {
  const dir = await Deno.makeTempDir();
  const big = new Uint8Array(50 * 1024 * 1024).fill(0x61);
  await Deno.writeFile(`${dir}/big.txt`, big);
  await Deno.writeFile(`${dir}/big.jsonl`, big);
  await Deno.writeTextFile(`${dir}/small.jsonl`, JSON.stringify({ id: "s", text: NEWS }));
  const corpus = await loadCorpus([`${dir}/big.txt`, `${dir}/big.jsonl`, `${dir}/small.jsonl`]);
  deepStrictEqual(corpus.articles.map((a) => a.meta.id), ["s"], "a last line without a break");
  ok(corpus.failures[0].reason.includes("expected an article of at most 8.0 MiB, found 50.0 MiB"));
  strictEqual(corpus.failures[1].input, `${dir}/big.jsonl:1`);
  ok(corpus.failures[1].reason.includes("expected a line of at most 8.0 MiB, found 50.0 MiB"));
  const raised = await loadCorpus([`${dir}/small.jsonl`], { maxArticleBytes: 100 });
  ok(raised.failures[0].reason.includes("at most 0.0 MiB"));
  await Deno.remove(dir, { recursive: true });
});

Deno.test("analyzeArticle() reads CRLF text with offsets into the raw text", async () => {
  const text = NEWS.replaceAll("\n", "\r\n");
  const corpus = await load("crlf.txt", text);
  strictEqual(corpus.articles[0].text, text, "the raw text is kept as read");
  const [a] = await analyse(corpus);
  checkOffsets(a, text);
  strictEqual(a.segments[0].voice, "title");
  ok(a.sentences.every((s) => !text.slice(s.start, s.end).includes("\r")));
  const lf =
    (await analyse({ articles: [{ ...corpus.articles[0], text: NEWS }], failures: [], notes: [] }))[
      0
    ];
  deepStrictEqual(a.hits.map((h) => h.entry), lf.hits.map((h) => h.entry), "same matches as LF");
  const csv = await load("crlf.csv", `id,text\r\nx,"${text}"\r\n`);
  strictEqual(csv.articles[0].text, text);
});

Deno.test("analyzeArticle() reads non-breaking and zero-width spaces", async () => {
  const text = NEWS.replace("gas pipeline", "gas\u00a0pipeline").replace("Tokayev", "\u200bTokayev")
    .replace("thermal power", "thermal\u2009power").replace("deal on", "deal\u202fon");
  const [a] = await analyse(await load("spaces.txt", text));
  checkOffsets(a, text);
  ok(a.hits.some((h) => h.entry === "gas pipeline"), "a term across a non-breaking space");
  ok(a.mentions.some((m) => m.actor === "tokayev"), "a name after a zero-width space");
  ok(a.sentences.filter((s) => s.voice === "body").length >= 2);
});

Deno.test("analyzeArticle() reads Cyrillic text, with a warning that the model is English", async () => {
  const text = "Путин в Казахстане\n\nПрезидент России Владимир Путин прибыл в Астану. " +
    "Стороны обсудили поставки газа и строительство электростанции.\n";
  const corpus = await load("ru.txt", text);
  const [a] = await analyse(corpus);
  checkOffsets(a, text);
  ok(a.sentences.length >= 2);
  strictEqual(a.warnings.length, 1);
  ok(
    /100% of the letters are Cyrillic: the language model \(wink-eng-lite-web-model\) is English/
      .test(a.warnings[0]),
    a.warnings[0],
  );
  const tagged = await load("m.jsonl", JSON.stringify({ id: "x", text: NEWS, language: "ru" }));
  ok(tagged.articles[0].warnings[0].includes('language is "ru"'));
  strictEqual((await load("en.txt", NEWS)).articles[0].warnings.length, 0);
});

Deno.test("loadCorpus() refuses an HTML page clearly and warns about a few stray tags", async () => {
  const page = "<!DOCTYPE html>\n<html><head><title>Gas</title></head>\n<body><p>" + NEWS +
    "</p></body></html>\n";
  const reason = failure(await load("page.txt", page));
  ok(reason.includes("expected plain text, found HTML (an HTML document"), reason);
  ok(reason.includes("save the page as text"));
  const tagSoup = `<div>${NEWS}</div>`.repeat(6);
  ok(
    failure(await load("soup.jsonl", JSON.stringify({ id: "h", text: tagSoup }))).includes(
      "found HTML",
    ),
  );
  const stray = await load("stray.txt", NEWS.replace("signed a", "signed <b>a</b>"));
  deepStrictEqual(stray.articles[0].warnings, ["found 2 HTML tags: analysed as text"]);
});

Deno.test("loadCorpus() reports a manifest row with no file and a file with no manifest row", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(`${dir}/a.txt`, NEWS);
  await Deno.writeTextFile(`${dir}/orphan.txt`, NEWS);
  await Deno.writeTextFile(
    `${dir}/manifest.json`,
    JSON.stringify([
      { id: "first", file: "a.txt" },
      { id: "no-file-field" },
      { id: "ghost", file: "ghost.txt" },
    ]),
  );
  const corpus = await loadCorpus([dir]);
  deepStrictEqual(corpus.articles.map((a) => a.meta.id), ["first", "orphan"]);
  deepStrictEqual(corpus.failures.map((f) => f.input), [
    `${dir}/manifest.json: articles[1]`,
    `${dir}/manifest.json: articles[2]`,
  ]);
  strictEqual(corpus.failures[0].reason, 'expected "file": a text file name');
  ok(corpus.failures[1].reason.includes('expected the file "ghost.txt"'));
  deepStrictEqual(corpus.notes, [
    `${dir}/orphan.txt has no manifest row: id "orphan" and defaults used`,
  ]);
});
