/**
 * `analyze --jsonl OUT --resume`: an interrupted run (simulated by cutting a
 * finished output, mid-line and at a line break) is resumed to the same
 * bytes as an uninterrupted run, tables and provenance included.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { main } from "../lib/cli/analyze.ts";

const ARTICLES = "tests/fixtures/your_articles";

async function quietly(fn: () => Promise<number>): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => lines.push(args.join(" "));
  try {
    return { code: await fn(), lines };
  } finally {
    console.error = original;
  }
}

const run = (dir: string, ...more: string[]) =>
  quietly(() =>
    main([
      ARTICLES,
      "--jsonl",
      `${dir}/a.jsonl`,
      "--tables",
      `${dir}/t.json`,
      "--workers",
      "1",
      ...more,
    ])
  );

const outputs = async (dir: string) =>
  await Promise.all(
    ["a.jsonl", "a.jsonl.provenance.json", "t.json"].map((f) => Deno.readFile(`${dir}/${f}`)),
  );

Deno.test("analyze --resume after a cut gives the bytes of an uninterrupted run", async () => {
  const full = await Deno.makeTempDir();
  strictEqual((await run(full)).code, 0);
  const expected = await outputs(full);
  const jsonl = expected[0];
  const breaks = [...jsonl.keys()].filter((i) => jsonl[i] === 0x0a);
  strictEqual(breaks.length, 4);
  // Cut mid-line (inside the second and the last line), at a line break, and before the first line.
  const cuts = [
    { at: breaks[0] + 200, kept: 1 },
    { at: breaks[1] + 1, kept: 2 },
    { at: breaks[3] - 5, kept: 3 },
    { at: 0, kept: 0 },
  ];
  for (const { at, kept } of cuts) {
    const dir = await Deno.makeTempDir();
    await Deno.writeFile(`${dir}/a.jsonl`, jsonl.subarray(0, at));
    await Deno.writeFile(`${dir}/a.jsonl.provenance.json`, expected[1]);
    // The tables of the interrupted run were not closed: whatever is there is rewritten.
    await Deno.writeTextFile(`${dir}/t.json`, '{\n"provenance": {');
    const { code, lines } = await run(dir, "--resume");
    strictEqual(code, 0, lines.join("\n"));
    ok(lines.some((l) => l.startsWith(`resume: kept ${kept} lines`)), lines.join("\n"));
    deepStrictEqual(await outputs(dir), expected, `cut at byte ${at}`);
  }
});

Deno.test("analyze --resume on a finished output analyses nothing and changes nothing", async () => {
  const dir = await Deno.makeTempDir();
  strictEqual((await run(dir)).code, 0);
  const before = await outputs(dir);
  const { code, lines } = await run(dir, "--resume");
  strictEqual(code, 0);
  ok(
    lines.some((l) => l.includes("kept 4 articles") && l.includes("analysed 0")),
    lines.join("\n"),
  );
  deepStrictEqual(await outputs(dir), before);
});

Deno.test("analyze --resume refuses lines made with other lexicons, and needs --jsonl", async () => {
  const dir = await Deno.makeTempDir();
  strictEqual((await run(dir)).code, 0);
  const before = await outputs(dir);
  const actors = await Deno.makeTempFile({ suffix: ".yaml" });
  await Deno.writeTextFile(
    actors,
    "name: more\nversion: 1.0.0\ndescription: d\nsource: s\nlicence: CC0-1.0\nlanguage: en\n" +
      "actors:\n  - {id: ostria, name: Ostria, kind: state, aliases: [Ostria]}\n",
  );
  const { code, lines } = await run(dir, "--resume", "--add-actors", actors);
  strictEqual(code, 2);
  ok(lines.some((l) => l.includes("provenance") && l.includes("--resume")), lines.join("\n"));
  // No output was touched.
  deepStrictEqual(await outputs(dir), before);
  strictEqual((await quietly(() => main([ARTICLES, "--resume"]))).code, 2);
});

Deno.test("analyze --resume names a kept line that is not an analysed article", async () => {
  const dir = await Deno.makeTempDir();
  strictEqual((await run(dir)).code, 0);
  const text = await Deno.readTextFile(`${dir}/a.jsonl`);
  const [first, ...rest] = text.split("\n");
  await Deno.writeTextFile(`${dir}/a.jsonl`, [first, "not json", ...rest].join("\n"));
  const { code, lines } = await run(dir, "--resume");
  strictEqual(code, 2);
  ok(lines.some((l) => l.includes(`${dir}/a.jsonl`) && l.includes("line 2")), lines.join("\n"));
});
