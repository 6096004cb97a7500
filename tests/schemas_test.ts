import { ok, strictEqual } from "node:assert/strict";
import { parse } from "yaml";
import { SCHEMAS, schemaText } from "../tools/schemas.ts";

const root = new URL("../", import.meta.url);

for (const { file, schema, io } of SCHEMAS) {
  Deno.test(`schemaText() matches the committed ${file}`, async () => {
    const committed = await Deno.readTextFile(new URL(file, root));
    strictEqual(committed, schemaText(schema, io), `${file} is stale: run \`deno task schemas\``);
  });
}

Deno.test("schemaText() publishes the term grammar for editors", async () => {
  const json = JSON.parse(
    await Deno.readTextFile(new URL("schemas/lexicon.schema.json", root)),
  );
  const pattern = new RegExp(json.properties.entries.items.properties.term.pattern);
  ok(pattern.test("thermal power plant*"));
  ok(!pattern.test("a*b"));
  ok(!pattern.test("*"));
  ok(json.required.includes("licence"));
});

Deno.test("data/lexicons/topics.yaml points editors at the lexicon schema", async () => {
  const text = await Deno.readTextFile(new URL("data/lexicons/topics.yaml", root));
  ok(text.startsWith("# yaml-language-server: $schema=../../schemas/lexicon.schema.json\n"));
  ok(parse(text).entries.length > 0);
});

Deno.test("schemas/analysis.schema.json accepts the document `deno task analyze` writes and refuses a broken one", async () => {
  const { Ajv2020 } = await import("ajv/dist/2020.js");
  const schema = JSON.parse(await Deno.readTextFile("schemas/analysis.schema.json"));
  const { analyzeCorpus, loadCorpus, loadResources } = await import("../lib/mod.ts");
  const doc = analyzeCorpus(await loadCorpus(["data/corpus"]), await loadResources(), {
    resamples: 50,
  });
  const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
  const json = JSON.parse(JSON.stringify(doc)) as typeof doc;
  ok(validate(json), JSON.stringify(validate.errors?.slice(0, 3)));
  (json.articles[0].segments[0] as { voice: string }).voice = "narrator";
  strictEqual(validate(json), false);
});
