import { ok, strictEqual } from "node:assert/strict";
import { parseLexicon } from "../lib/lexicon/load.ts";
import { sentimentLexicon } from "../lib/sentiment/lexicons.ts";

const TOOL = new URL("../tools/wordnet_lexicon.ts", import.meta.url).pathname;

Deno.test("tools/wordnet_lexicon.ts writes a valid lexicon of words VADER lacks, signed by their neighbours", async () => {
  const out = Deno.makeTempFileSync({ suffix: ".json" });
  const run = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", TOOL, "--out", out, "--min", "1.5"],
    stdout: "piped",
    stderr: "piped",
  }).output();
  strictEqual(run.code, 0, new TextDecoder().decode(run.stderr));
  const lexicon = parseLexicon(Deno.readTextFileSync(out), { file: out, format: "json" });
  const weight = new Map(lexicon.entries.map((e) => [e.term, e.weight!]));
  const vader = sentimentLexicon("general").forms;
  ok(weight.size > 1000);
  ok(lexicon.entries.every((e) => !vader.has(e.term) && Math.abs(e.weight!) <= 4));
  // Synonyms and antonyms of rated words carry the sign over.
  ok(weight.get("heartening")! > 0, "heartening");
  ok(weight.get("revolting")! < 0, "revolting");
  ok(/WordNet 3\.1/.test(lexicon.source) && /VADER/.test(lexicon.source));
});
