import { deepStrictEqual, ok, rejects, strictEqual } from "node:assert/strict";
import fc from "fast-check";
import { runLexicon } from "../lib/cli/lexicon.ts";
import { checkLexicon } from "../lib/lexicon/check.ts";
import { checkLexiconFile } from "../lib/lexicon/check_file.ts";
import { readLexiconFile } from "../lib/lexicon/import/import_lexicon.ts";
import { parseLexicon } from "../lib/lexicon/load.ts";
import { matchLexicon } from "../lib/lexicon/match.ts";
import { Lexicon } from "../lib/lexicon/schema.ts";
import { tokenizeText } from "../lib/tokenize.ts";
import { TEXT_VOICES, Voice } from "../lib/voice.ts";

const fixture = (name: string) =>
  new URL(`./fixtures/lexicon_import/${name}`, import.meta.url).pathname;
const corpus = [fixture("corpus")];

const META = {
  name: "t",
  version: "1.0.0",
  description: "d",
  source: "s",
  licence: "CC0-1.0",
  language: "en",
};

/** `entries[i]` → kinds reported for it. */
function kindsByEntry(problems: { kind: string; path: string }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of problems) (out[p.path] ??= []).push(p.kind);
  return out;
}

Deno.test("checkLexicon() reports shadowed, duplicate, overlapping, broad and multi-category entries", async () => {
  const { lexicon, lines } = await readLexiconFile(fixture("check_toolkit.yaml"));
  const report = checkLexicon(lexicon, { lines });
  strictEqual(report.valid, true);
  deepStrictEqual(kindsByEntry(report.problems), {
    "entries[1]": ["shadowed"],
    "entries[13]": ["shadowed"],
    "entries[5]": ["duplicate"],
    "entries[7]": ["duplicate"],
    "entries[9]": ["broad_wildcard"],
    "entries[14]": ["self_mismatch"],
    "entries[2]": ["overlap", "overlap"],
    "entries[10]": ["two_categories"],
  });
  const shadowed = report.problems.find((p) => p.path === "entries[1]")!;
  strictEqual(shadowed.line, 13);
  ok(shadowed.detail.includes('entries[0] "sanction*" (line 12)'), shadowed.detail);
  // Severities order the list: warnings before infos.
  deepStrictEqual(
    report.problems.map((p) => p.severity),
    [...report.problems.map((p) => p.severity)].sort((a, b) =>
      ["error", "warning", "info"].indexOf(a) - ["error", "warning", "info"].indexOf(b)
    ),
  );
});

Deno.test("checkLexicon() does not call a word shadowed because it starts a longer expression", () => {
  const lexicon = Lexicon.parse({
    ...META,
    entries: [{ term: "power plant" }, { term: "power" }, { term: "plant*" }, { term: "plants" }],
  });
  const report = checkLexicon(lexicon);
  deepStrictEqual(report.problems, []);
  // And indeed each matches somewhere.
  const text = "The power plant had power. Plants and planted trees.";
  const hits = matchLexicon(tokenizeText(text).tokens, lexicon, { text });
  deepStrictEqual([...new Set(hits.map((h) => h.entry))].sort(), [
    "plant*",
    "plants",
    "power",
    "power plant",
  ]);
});

Deno.test("checkLexicon() shadowing: a reported entry never matches (property)", () => {
  const words = ["ab", "abc", "abcd", "b", "bc"];
  const termToken = fc.tuple(fc.constantFrom(...words), fc.boolean()).map(([w, star]) =>
    star ? `${w}*` : w
  );
  const entry = fc.record({
    term: fc.array(termToken, { minLength: 1, maxLength: 2 }).map((t) => t.join(" ")),
    match: fc.constantFrom("form" as const, "lemma" as const),
  });
  const textWord = fc.constantFrom("ab", "abc", "abcd", "abcde", "b", "bc", "bcd", "x");
  fc.assert(
    fc.property(
      fc.uniqueArray(entry, {
        minLength: 1,
        maxLength: 6,
        selector: (e) => `${e.match} ${e.term}`,
      }),
      fc.array(fc.array(textWord, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }),
      (entries, sentences) => {
        const lexicon = Lexicon.parse({ ...META, entries });
        const report = checkLexicon(lexicon, { selfMatch: false });
        const shadowed = new Set(
          report.problems.filter((p) => p.kind === "shadowed").map((p) => p.path),
        );
        // Each entry written out (wildcards completed) gives the matcher a span it could match.
        const own = entries.map((e) => e.term.replace(/\*/g, "de"));
        const text = [...sentences.map((s) => s.join(" ")), ...own].map((s) => s + ".").join(" ");
        for (const hit of matchLexicon(tokenizeText(text).tokens, lexicon, { text })) {
          if (shadowed.has(`entries[${hit.entryIndex}]`)) return false;
        }
        return true;
      },
    ),
    { numRuns: 400, seed: 7 },
  );
});

Deno.test("checkLexicon() finds a shadowed entry in random lexicons (the property is not empty)", () => {
  const lexicon = Lexicon.parse({
    ...META,
    entries: [{ term: "ab* bc" }, { term: "abc* bc" }, { term: "abc bc" }],
  });
  const report = checkLexicon(lexicon, { selfMatch: false, minPrefix: 1 });
  deepStrictEqual(report.problems.map((p) => [p.kind, p.path]), [["shadowed", "entries[1]"]]);
});

Deno.test("checkLexiconFile() counts each entry's hits in a corpus and lists those never matched", async () => {
  // Every voice, so that the test does not depend on how the segmenter labels the first line.
  const report = await checkLexiconFile(fixture("check_toolkit.yaml"), {
    corpus,
    voices: Voice.options,
  });
  strictEqual(report.corpus?.articles, 2);
  const hits = new Map(report.usage!.map((u) => [u.index, u.hits]));
  // Counted once per match, not once per category.
  strictEqual(hits.get(10), 3, "gas");
  strictEqual(report.usage!.filter((u) => u.index === 10).length, 2);
  strictEqual(hits.get(2), 2, "sanctions (exact) beats sanction*");
  strictEqual(hits.get(0), 0);
  strictEqual(hits.get(4), 1, "power plant");
  strictEqual(hits.get(3), 1, "power alone");
  strictEqual(hits.get(7), 1, "US, case-sensitive");
  strictEqual(hits.get(12), 1, "coal plants");
  strictEqual(hits.get(1), 0, "shadowed");
  strictEqual(hits.get(13), 0, "shadowed");
  ok(report.neverMatched!.includes("sanctions*"));
  ok(report.neverMatched!.includes("coal* plants*"));
  ok(!report.neverMatched!.includes("gas"));
  strictEqual(report.corpus?.hits, [...hits.values()].reduce((a, b) => a + b, 0));
  const byDefault = await checkLexiconFile(fixture("check_toolkit.yaml"), { corpus });
  deepStrictEqual(byDefault.corpus?.voices, [...TEXT_VOICES]);
  ok(byDefault.corpus!.hits <= report.corpus!.hits);
});

Deno.test("checkLexiconFile() reports every malformed and repeated entry with its line", async () => {
  const report = await checkLexiconFile(fixture("check_lenient.yaml"), { selfMatch: false });
  strictEqual(report.valid, false);
  strictEqual(report.entries, 2);
  deepStrictEqual(report.problems.map((p) => [p.kind, p.severity, p.line, p.entry]), [
    ["malformed_wildcard", "error", 9, "co*al"],
    ["duplicate", "error", 11, "Coal"],
    ["malformed_wildcard", "error", 12, "*"],
  ]);
});

Deno.test("checkLexiconFile() warns of repeats merged on import without calling the file invalid", async () => {
  const report = await checkLexiconFile(fixture("energy_words.txt"), { selfMatch: false });
  strictEqual(report.valid, true);
  deepStrictEqual(report.problems.map((p) => [p.kind, p.severity, p.line]), [
    ["duplicate", "warning", 8],
  ]);
});

Deno.test("checkLexiconFile() reports a file that is not a lexicon as invalid", async () => {
  const report = await checkLexiconFile(fixture("check_missing_licence.yaml"));
  strictEqual(report.valid, false);
  strictEqual(report.problems.length, 1);
  const [p] = report.problems;
  deepStrictEqual([p.kind, p.path], ["invalid", "licence"]);
  ok(p.detail.includes("check_missing_licence.yaml"), p.detail);
  const wordstat = await checkLexiconFile(fixture("wordstat_bad_weight.cat"));
  deepStrictEqual(wordstat.problems.map((q) => [q.kind, q.line]), [["invalid", 3]]);
  ok(wordstat.problems[0].detail.includes("read as Wordstat .cat"));
});

Deno.test("runLexicon() check exits 0 for a valid lexicon and 1 for an invalid one", async () => {
  const good = await runLexicon(["check", fixture("check_toolkit.yaml"), "--corpus", ...corpus]);
  strictEqual(good.code, 0);
  ok(good.stdout.includes("— valid"), good.stdout);
  ok(good.stdout.includes("shadowed (line 13 entries[1])"), good.stdout);
  ok(good.stdout.includes("Corpus: 2 article(s)"), good.stdout);
  const bad = await runLexicon(["check", fixture("liwc_unknown_category.dic")]);
  strictEqual(bad.code, 1);
  ok(bad.stdout.includes("unknown_category (line 6)"), bad.stdout);
  const json = await runLexicon(["check", fixture("check_lenient.yaml"), "--json"]);
  strictEqual(json.code, 1);
  strictEqual(JSON.parse(json.stdout).problems.length, 3);
});

Deno.test("runLexicon() import writes the toolkit format and refuses to overwrite", async () => {
  const dir = await Deno.makeTempDir();
  const out = `${dir}/liwc.yaml`;
  const first = await runLexicon([
    "import",
    fixture("liwc_valid.dic"),
    "--out",
    out,
    "--name",
    "mini_liwc",
    "--licence",
    "CC0-1.0",
  ]);
  strictEqual(first.code, 0);
  ok(first.stderr.includes("duplicate"), first.stderr);
  const written = parseLexicon(await Deno.readTextFile(out), { file: out });
  strictEqual(written.name, "mini_liwc");
  strictEqual(written.entries.length, 5);
  await rejects(() => runLexicon(["import", fixture("liwc_valid.dic"), "--out", out]), TypeError);
  const json = await runLexicon(["import", fixture("csv_valid.csv"), "--out", `${dir}/x.json`]);
  strictEqual(json.code, 0);
  strictEqual(JSON.parse(await Deno.readTextFile(`${dir}/x.json`)).entries.length, 4);
  const broken = await runLexicon(["import", fixture("words_bad.txt"), "--out", `${dir}/y.yaml`]);
  strictEqual(broken.code, 1);
  ok(broken.stderr.includes("line 3"), broken.stderr);
  await rejects(
    () => runLexicon(["import", fixture("words_bad.txt"), "--format", "docx"]),
    TypeError,
  );
});
