import { deepStrictEqual, ok, rejects, strictEqual } from "node:assert/strict";
import { InputError } from "../lib/errors.ts";
import { exportLexicon } from "../lib/lexicon/export.ts";
import {
  guessFormat,
  importLexicon,
  readLexiconFile,
} from "../lib/lexicon/import/import_lexicon.ts";
import type { ImportFormat } from "../lib/lexicon/import/import_types.ts";
import { parseLexicon } from "../lib/lexicon/load.ts";
import { Lexicon } from "../lib/lexicon/schema.ts";

const fixture = (name: string) =>
  new URL(`./fixtures/lexicon_import/${name}`, import.meta.url).pathname;

/** Imports a fixture expected to fail; checks file, line and message, returns the error. */
async function failure(name: string, line: number | undefined, expected: RegExp) {
  let error: unknown;
  try {
    await importLexicon(fixture(name));
  } catch (e) {
    error = e;
  }
  ok(error instanceof InputError, `${name}: expected an InputError, got ${error}`);
  ok(error.file.endsWith(name), `${name}: the error names ${error.file}`);
  strictEqual(error.line, line, `${name}: line in ${error.message}`);
  ok(error.message.includes(`"${fixture(name)}"`), error.message);
  if (line !== undefined) ok(error.message.includes(`line ${line}: `), error.message);
  ok(expected.test(error.expected), `${name}: ${error.expected}`);
  return error;
}

const table = (lex: Lexicon) => lex.entries.map((e) => [e.term, e.categories ?? [], e.weight]);

// ---------- LIWC ----------

Deno.test("importLexicon() reads a LIWC .dic with BOM, spaces, gaps, comments and wildcards", async () => {
  const { lexicon, lines, notes, format } = await readLexiconFile(fixture("liwc_valid.dic"));
  strictEqual(format, "liwc");
  strictEqual(lexicon.name, "liwc_valid");
  deepStrictEqual(Object.keys(lexicon.categories ?? {}), ["posemo", "negemo", "social"]);
  deepStrictEqual(lexicon.categories?.posemo, { label: "posemo", description: "Positive emotion" });
  deepStrictEqual(table(lexicon), [
    ["good", ["posemo", "social"], undefined],
    ["abandon*", ["negemo", "social"], undefined],
    ["friend*", ["social", "posemo"], undefined],
    ["kind of", ["social"], undefined],
    ["like", ["social"], undefined],
  ]);
  deepStrictEqual(lines, [8, 9, 10, 11, 12]);
  deepStrictEqual(notes.map((n) => [n.kind, n.line]), [["conditional_category", 12], [
    "duplicate",
    14,
  ]]);
  strictEqual(lexicon.version, "0.0.0");
  strictEqual(lexicon.licence, "unknown — state the licence of the original");
  ok(lexicon.source.includes("liwc_valid.dic") && lexicon.source.includes("LIWC"));
});

Deno.test("importLexicon() takes name, version, source and licence as options", async () => {
  const lexicon = await importLexicon(fixture("liwc_valid.dic"), {
    name: "moral",
    version: "2.1.0",
    source: "Someone (2020)",
    licence: "CC-BY-4.0",
  });
  deepStrictEqual(
    [lexicon.name, lexicon.version, lexicon.source, lexicon.licence],
    ["moral", "2.1.0", "Someone (2020)", "CC-BY-4.0"],
  );
  await rejects(
    () => importLexicon(fixture("liwc_valid.dic"), { name: "Not An Id" }),
    (e) => e instanceof InputError && e.path === "name",
  );
});

Deno.test("importLexicon() reads a Windows-1252 LIWC file with a note", async () => {
  const { lexicon, notes } = await readLexiconFile(fixture("liwc_cp1252.dic"));
  strictEqual(lexicon.entries[0].term, "café");
  deepStrictEqual(notes.map((n) => [n.kind, n.line]), [["encoding", 4]]);
});

Deno.test("importLexicon() names file, line and expectation for malformed LIWC files", async () => {
  await failure("liwc_no_header.dic", 1, /"%" opening the category header/);
  await failure("liwc_unclosed.dic", 1, /"%" closing the category header/);
  await failure(
    "liwc_unknown_category.dic",
    6,
    /category number declared in the header \(1, 2\), got 7/,
  );
  await failure("liwc_bad_wildcard.dic", 5, /wildcard/);
  await failure("liwc_bad_header.dic", 3, /category number and a name/);
  await failure("liwc_no_numbers.dic", 5, /followed by category numbers/);
});

// ---------- quanteda YAML ----------

Deno.test("importLexicon() reads a quanteda YAML dictionary with nested categories", async () => {
  const { lexicon, lines, format } = await readLexiconFile(fixture("quanteda_valid.yml"));
  strictEqual(format, "quanteda_yaml");
  deepStrictEqual(table(lexicon), [
    ["budget*", ["economy"], undefined],
    ["tax rate", ["economy"], undefined],
    ["family", ["society-family"], undefined],
    ["children", ["society-family"], undefined],
    ["crime*", ["society-crime_and_law"], undefined],
    ["police", ["society-crime_and_law"], undefined],
    ["2020", ["single"], undefined],
  ]);
  deepStrictEqual(lexicon.categories?.["society-crime_and_law"], {
    label: "Society.Crime and Law",
  });
  deepStrictEqual(lines, [3, 4, 6, 6, 8, 9, 10]);
});

Deno.test("importLexicon() names file, line and expectation for malformed quanteda YAML", async () => {
  await failure(
    "quanteda_bad_item.yml",
    3,
    /a term \(a string\) in the list of category "economy"/,
  );
  await failure("quanteda_not_mapping.yml", 1, /mapping of category names/);
  await failure("quanteda_bad_yaml.yml", 3, /valid YAML/);
  await failure("quanteda_empty_category.yml", 3, /list of terms or a mapping .* "society"/);
  await failure("quanteda_bad_wildcard.yml", 3, /wildcard/);
});

// ---------- Lexicoder ----------

Deno.test("importLexicon() reads Lexicoder .lc3 and Lexicoder-style .cat files", async () => {
  const { lexicon, lines, format } = await readLexiconFile(fixture("lexicoder_valid.lc3"));
  strictEqual(format, "lexicoder");
  deepStrictEqual(table(lexicon), [
    ["a lie", ["negative"], undefined],
    ["abandon*", ["negative"], undefined],
    ["ability*", ["positive"], undefined],
    ["a boon", ["positive"], undefined],
    ["not good", ["neg_positive"], undefined],
  ]);
  deepStrictEqual(lines, [2, 3, 6, 7, 9]);
  const cat = await readLexiconFile(fixture("lexicoder_like.cat"));
  strictEqual(cat.format, "lexicoder");
  deepStrictEqual(table(cat.lexicon).map((r) => r[0]), ["lie*", "good"]);
});

Deno.test("importLexicon() names file, line and expectation for malformed Lexicoder files", async () => {
  await failure(
    "lexicoder_no_category.lc3",
    2,
    /category line like "\+negative" before the first term/,
  );
  await failure("lexicoder_empty_category.lc3", 3, /category name after "\+"/);
  await failure("lexicoder_repeat_category.lc3", 5, /each category once.*first at line 1/);
});

// ---------- Wordstat ----------

Deno.test("importLexicon() reads a Wordstat .cat hierarchy", async () => {
  const { lexicon, lines, format } = await readLexiconFile(fixture("wordstat_valid.cat"));
  strictEqual(format, "wordstat");
  deepStrictEqual(table(lexicon), [
    ["accommodation", ["economy-state"], undefined],
    ["public service*", ["economy-state"], undefined],
    ["privatisation", ["economy-state_2"], undefined],
    ["arts", ["culture"], undefined],
    ["high culture", ["culture"], undefined],
  ]);
  deepStrictEqual(lexicon.categories?.["economy-state_2"], { label: "ECONOMY.-STATE-" });
  deepStrictEqual(lines, [3, 4, 6, 8, 9]);
});

Deno.test("importLexicon() keeps Wordstat weights only when some differ from 1", async () => {
  const lexicon = await importLexicon(fixture("wordstat_weights.cat"));
  deepStrictEqual(table(lexicon), [
    ["good", ["sentiment-positive"], 2],
    ["fine", ["sentiment-positive"], 1],
    ["bad", ["sentiment-negative"], -1.5],
  ]);
});

Deno.test("importLexicon() names file, line and expectation for malformed Wordstat files", async () => {
  await failure(
    "wordstat_term_with_children.cat",
    3,
    /no line indented under the term "TAX \(1\)"/,
  );
  await failure("wordstat_bad_weight.cat", 3, /optionally followed by a number in parentheses/);
  await failure("wordstat_bad_wildcard.cat", 3, /wildcard/);
});

// ---------- VADER ----------

Deno.test("importLexicon() reads a VADER-style TSV: weight = mean, stars literal", async () => {
  const { lexicon, lines, format } = await readLexiconFile(fixture("vader_valid.tsv"));
  strictEqual(format, "vader_tsv");
  deepStrictEqual(table(lexicon), [
    ["good", [], 1.9],
    [":\\*", [], 1.6],
    ["bad", [], -2.5],
    ["can't stand", [], -2],
  ]);
  deepStrictEqual(lines, [2, 3, 4, 6]);
});

Deno.test("importLexicon() names file, line and expectation for malformed VADER files", async () => {
  await failure("vader_bad_mean.tsv", 2, /mean rating \(a number\) in column 2, got "minus"/);
  await failure("vader_bad_ratings.tsv", 2, /bracketed list of numbers/);
  await failure("vader_one_column.tsv", 2, /term and its mean rating separated by a tab/);
  await failure("vader_too_many.tsv", 1, /at most 4 tab-separated columns/);
});

// ---------- word lists ----------

Deno.test("importLexicon() reads a word list: comments, CRLF, hashtags, category from the file name", async () => {
  const { lexicon, lines, notes } = await readLexiconFile(fixture("energy_words.txt"));
  strictEqual(lexicon.name, "energy_words");
  deepStrictEqual(table(lexicon), [
    ["coal", [], undefined],
    ["power plant", [], undefined],
    ["pipeline*", [], undefined],
    ["#opec", [], undefined],
  ]);
  deepStrictEqual(lines, [3, 4, 6, 7]);
  deepStrictEqual(notes.map((n) => [n.kind, n.line]), [["duplicate", 8]]);
  const renamed = await importLexicon(fixture("energy_words.txt"), { name: "energy" });
  deepStrictEqual(renamed.entries[0].categories, ["energy_words"]);
});

Deno.test("importLexicon() names file, line and expectation for a malformed word list", async () => {
  await failure("words_bad.txt", 3, /"\*" only at the end of a word, got "co\*al"/);
});

// ---------- CSV ----------

Deno.test("importLexicon() reads a CSV lexicon: several categories, merged rows, empty cells", async () => {
  const { lexicon, lines, notes } = await readLexiconFile(fixture("csv_valid.csv"));
  deepStrictEqual(table(lexicon), [
    ["coal", ["energy", "trade"], undefined],
    ["sanction*", ["trade", "geo_politics"], -0.5],
    ["oil, crude", ["energy"], 0.25],
    ["gas", ["csv_valid"], undefined],
  ]);
  deepStrictEqual(lexicon.categories?.geo_politics, { label: "Geo Politics" });
  deepStrictEqual(lines, [2, 3, 4, 5]);
  deepStrictEqual(notes.map((n) => [n.kind, n.line]), [["duplicate", 6]]);
  const termOnly = await importLexicon(fixture("csv_term_only.csv"));
  deepStrictEqual(table(termOnly), [["coal", [], undefined], ["gas", [], undefined]]);
});

Deno.test("importLexicon() names file, line and expectation for malformed CSV lexicons", async () => {
  await failure("csv_bad_header.csv", 1, /columns among term, category, weight/);
  await failure("csv_bad_weight.csv", 3, /weight to be a number, got "lots"/);
  await failure("csv_weight_conflict.csv", 4, /one weight per term, got 3 .* and 1 at line 2/);
  await failure("csv_wrong_fields.csv", 2, /expected 3 fields/);
});

// ---------- formats, leniency, export ----------

Deno.test("guessFormat() follows the extension and tells shared extensions apart", () => {
  const cases: [string, string, ImportFormat][] = [
    ["a.dic", "", "liwc"],
    ["a.lc3", "", "lexicoder"],
    ["a.lcd", "", "lexicoder"],
    ["a.cat", "+neg\nlie\n", "lexicoder"],
    ["a.cat", "NEG\n\tLIE (1)\n", "wordstat"],
    ["a.yaml", "economy: [tax]\n", "quanteda_yaml"],
    ["a.yml", "name: x\nentries: []\n", "toolkit"],
    ["a.tsv", "", "vader_tsv"],
    ["A.TXT", "", "word_list"],
    ["a.csv", "", "csv"],
    ["a.json", "", "toolkit"],
  ];
  for (const [path, text, format] of cases) strictEqual(guessFormat(path, text), format, path);
  let error: unknown;
  try {
    guessFormat("a.docx", "");
  } catch (e) {
    error = e;
  }
  ok(error instanceof InputError && /\.dic, \.yml/.test(error.expected));
});

Deno.test("importLexicon() reads a file in a named format whatever its extension", async () => {
  const text = await Deno.readTextFile(fixture("lexicoder_valid.lc3"));
  const file = await Deno.makeTempFile({ suffix: ".dat" });
  await Deno.writeTextFile(file, text);
  await rejects(() => importLexicon(file), InputError);
  strictEqual((await importLexicon(file, { format: "lexicoder" })).entries.length, 5);
});

Deno.test("readLexiconFile() with lenient leaves out bad entries and notes each with its line", async () => {
  const { lexicon, notes } = await readLexiconFile(fixture("liwc_unknown_category.dic"), {
    lenient: true,
  });
  deepStrictEqual(lexicon.entries.map((e) => e.term), ["good"]);
  deepStrictEqual(notes.map((n) => [n.kind, n.line, n.term]), [["unknown_category", 6, "bad"]]);
});

Deno.test("exportLexicon() writes YAML and JSON that parseLexicon reads back equal", async () => {
  const names = [
    "liwc_valid.dic",
    "quanteda_valid.yml",
    "lexicoder_valid.lc3",
    "wordstat_weights.cat",
    "vader_valid.tsv",
    "energy_words.txt",
    "csv_valid.csv",
  ];
  for (const name of names) {
    const lexicon = await importLexicon(fixture(name));
    const yaml = exportLexicon(lexicon, { comment: ["from the tests"] });
    ok(yaml.startsWith("# from the tests\nname: "), name);
    deepStrictEqual(parseLexicon(yaml, { file: name }), lexicon, name);
    const json = exportLexicon(lexicon, { format: "json" });
    deepStrictEqual(parseLexicon(json, { file: name, format: "json" }), lexicon, name);
    ok(Lexicon.safeParse(JSON.parse(json)).success, name);
  }
});
