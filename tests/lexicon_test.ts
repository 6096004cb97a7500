import { deepStrictEqual, ok, rejects, strictEqual, throws } from "node:assert/strict";
import { InputError } from "../lib/errors.ts";
import { loadLexicon, parseLexicon } from "../lib/lexicon/load.ts";
import { Lexicon, termProblem, termTokens } from "../lib/lexicon/schema.ts";

const fixture = (name: string) => new URL(`./fixtures/lexicon/${name}`, import.meta.url).pathname;

/** Loads a fixture expected to fail and returns the InputError. */
async function failure(name: string): Promise<InputError> {
  try {
    await loadLexicon(fixture(name));
  } catch (err) {
    ok(err instanceof InputError, `expected InputError, got ${err}`);
    return err;
  }
  throw new Error(`${name} loaded without error`);
}

Deno.test("loadLexicon() reads a YAML lexicon and applies defaults", async () => {
  const lex = await loadLexicon(fixture("valid.yaml"));
  strictEqual(lex.name, "fixture");
  strictEqual(lex.entries.length, 4);
  strictEqual(lex.entries[0].match, "lemma");
  strictEqual(lex.entries[1].match, "form");
  strictEqual(lex.entries[1].caseSensitive, false);
  strictEqual(lex.entries[3].caseSensitive, true);
  strictEqual(lex.entries[3].weight, -0.5);
  deepStrictEqual(lex.entries[3].categories, ["geo", "energy"]);
});

Deno.test("loadLexicon() reads a JSON lexicon with emoticon terms", async () => {
  const lex = await loadLexicon(fixture("valid.json"));
  deepStrictEqual(lex.entries.map((e) => e.term), ["good", ":)", "<3", ":\\*"]);
  deepStrictEqual(termTokens(lex.entries[3].term, false), [{ text: ":*", prefix: false }]);
});

Deno.test("loadLexicon() names file and line for bad YAML", async () => {
  const err = await failure("bad_yaml.yaml");
  ok(err.file.endsWith("bad_yaml.yaml"));
  strictEqual(err.line, 9);
  ok(err.expected.startsWith("expected valid YAML"), err.expected);
});

Deno.test("loadLexicon() names file and line for bad JSON", async () => {
  const err = await failure("bad_json.json");
  ok(err.expected.startsWith("expected valid JSON"), err.expected);
  strictEqual(err.line, 4);
});

Deno.test("loadLexicon() reports a missing licence", async () => {
  const err = await failure("missing_licence.yaml");
  strictEqual(err.path, "licence");
  strictEqual(err.expected, "expected a string, but the field is missing");
  ok(err.message.includes("missing_licence.yaml"));
});

Deno.test("loadLexicon() reports an entry without a term", async () => {
  const err = await failure("no_term.yaml");
  strictEqual(err.path, "entries[3].term");
  strictEqual(err.line, 11);
  ok(err.expected.includes("missing"), err.expected);
});

Deno.test("loadLexicon() reports a weight that is not a number", async () => {
  const err = await failure("weight_nan.yaml");
  strictEqual(err.path, "entries[3].weight");
  strictEqual(err.line, 14);
  strictEqual(err.expected, 'expected a number, got "very"');
  strictEqual(
    err.message,
    `Cannot read "${fixture("weight_nan.yaml")}": line 14: entries[3].weight: ` +
      'expected a number, got "very"',
  );
});

Deno.test("loadLexicon() rejects a lone wildcard", async () => {
  const err = await failure("lone_star.yaml");
  strictEqual(err.path, "entries[1].term");
  ok(err.expected.includes("expected a word before the wildcard"), err.expected);
});

Deno.test("loadLexicon() rejects a star inside a word", async () => {
  const err = await failure("inner_star.yaml");
  strictEqual(err.path, "entries[2].term");
  ok(err.expected.includes('expected "*" only at the end of a word'), err.expected);
  ok(err.expected.includes('"a*b"'), err.expected);
});

Deno.test("loadLexicon() rejects an undeclared category", async () => {
  const err = await failure("undeclared_category.yaml");
  strictEqual(err.path, "entries[0].categories[1]");
  ok(err.expected.includes('"enrgy"'), err.expected);
});

Deno.test("loadLexicon() rejects a duplicate term", async () => {
  const err = await failure("duplicate.yaml");
  strictEqual(err.path, "entries[1].term");
  ok(err.expected.includes("first at entries[0]"), err.expected);
});

Deno.test("loadLexicon() rejects an unknown field", async () => {
  const err = await failure("unknown_field.yaml");
  strictEqual(err.path, "entries[0]");
  ok(err.expected.includes('"wieght"'), err.expected);
});

Deno.test("loadLexicon() rejects other extensions and missing files", async () => {
  await rejects(() => loadLexicon("lexicon.txt"), { name: "InputError", file: "lexicon.txt" });
  await rejects(() => loadLexicon(fixture("nope.yaml")), {
    name: "InputError",
    expected: "expected a readable lexicon file",
  });
});

Deno.test("parseLexicon() counts further problems in the message", () => {
  const text = JSON.stringify({
    name: "Bad Name",
    version: "1",
    description: "d",
    source: "s",
    licence: "MIT",
    language: "en",
    entries: [{ term: "ok" }],
  });
  throws(() => parseLexicon(text, { file: "x.json", format: "json" }), (err: InputError) => {
    strictEqual(err.path, "name");
    ok(err.expected.includes("1 more: version: expected a version"), err.expected);
    return true;
  });
});

Deno.test("parseLexicon() rejects caseSensitive with lemma matching", () => {
  const text = "name: t\nversion: 1.0.0\ndescription: d\nsource: s\nlicence: MIT\nlanguage: en\n" +
    "entries:\n  - term: US\n    match: lemma\n    caseSensitive: true\n";
  throws(() => parseLexicon(text), { name: "InputError", path: "entries[0].caseSensitive" });
});

Deno.test("termProblem() accepts trailing wildcards and escaped stars only", () => {
  for (const good of ["coal", "sanction*", "thermal power plant*", ":)", "<3", "\\*)", ":\\*"]) {
    strictEqual(termProblem(good), undefined, good);
  }
  for (const bad of ["*", "a*b", "**", "coal *", "*coal", "", "  "]) {
    ok(termProblem(bad), bad);
  }
});

Deno.test("Lexicon rejects an empty entry list", () => {
  const base = {
    name: "t",
    version: "1.0.0",
    description: "d",
    source: "s",
    licence: "MIT",
    language: "en",
  };
  strictEqual(Lexicon.safeParse({ ...base, entries: [] }).success, false);
  strictEqual(Lexicon.safeParse({ ...base, entries: [{ term: "x" }] }).success, true);
});
