/** `analyze --resamples N`: fewer bootstrap resamples, stated in the provenance; the default stays 2000. */
import { ok, strictEqual } from "node:assert/strict";
import { main } from "../lib/cli/analyze.ts";

const ARTICLES = "tests/fixtures/compact/articles.jsonl";
// Written for this test: one actor named often, in sentences of differing tone.
const MANY_MENTIONS = [
  "Putin and the pipeline",
  "",
  "Putin praised the brave workers. Critics said Putin lied about the costs. " +
  "Putin opened the plant. Putin blamed the West for the terrible delays. " +
  "Analysts said Putin had won a great victory. Putin was accused of corruption.",
].join("\n");

async function quietly(fn: () => Promise<number>): Promise<number> {
  const original = console.error;
  console.error = () => {};
  try {
    return await fn();
  } finally {
    console.error = original;
  }
}

Deno.test("analyze --resamples is recorded in the provenance and used for the intervals", async () => {
  const dir = await Deno.makeTempDir();
  const input = `${dir}/putin.txt`;
  await Deno.writeTextFile(input, MANY_MENTIONS);
  const run = async (name: string, ...more: string[]) => {
    const jsonl = `${dir}/${name}.jsonl`;
    strictEqual(
      await quietly(() => main([input, "--jsonl", jsonl, "--workers", "0", ...more])),
      0,
    );
    const provenance = JSON.parse(await Deno.readTextFile(`${jsonl}.provenance.json`));
    const rows = (await Deno.readTextFile(jsonl)).trim().split("\n").flatMap((l) =>
      JSON.parse(l).actors
    );
    return { resamples: provenance.parameters.actorBootstrap.resamples, rows };
  };
  const plain = await run("plain");
  const few = await run("few", "--resamples", "50");
  strictEqual(plain.resamples, 2000);
  strictEqual(few.resamples, 50);
  // Same scores; some interval of an actor with several mentions moves.
  strictEqual(
    JSON.stringify(few.rows.map((r) => r.score)),
    JSON.stringify(plain.rows.map((r) => r.score)),
  );
  ok(few.rows.some((r, i) => r.ci[0] !== plain.rows[i].ci[0] || r.ci[1] !== plain.rows[i].ci[1]));
});

Deno.test("analyze --resamples refuses what is not a whole number >= 1", async () => {
  for (const bad of ["0", "1.5", "many"]) {
    strictEqual(await quietly(() => main([ARTICLES, "--resamples", bad])), 2);
  }
});
