import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import fc from "fast-check";
import { Hit } from "../lib/lexicon/hit.ts";
import { matchLexicon } from "../lib/lexicon/match.ts";
import { Lexicon, type LexiconEntryInput } from "../lib/lexicon/schema.ts";
import { tokenizeSegments, tokenizeText } from "../lib/tokenize.ts";

function lexicon(entries: LexiconEntryInput[], name = "test"): Lexicon {
  return Lexicon.parse({
    name,
    version: "1.0.0",
    description: "Test lexicon.",
    source: "written for this test",
    licence: "CC0-1.0",
    language: "en",
    entries,
  });
}

/** [entry, form] of each hit of `lex` in `text`. */
function found(text: string, lex: Lexicon): [string, string][] {
  const hits = matchLexicon(tokenizeText(text).tokens, lex, { text });
  return hits.map((h) => [h.entry, h.form]);
}

Deno.test("matchLexicon() counts a multi-word term once and the longer wins", () => {
  const lex = lexicon([
    { term: "power" },
    { term: "power plant" },
    { term: "thermal power plant" },
  ]);
  deepStrictEqual(found("A thermal power plant, a power plant and power.", lex), [
    ["thermal power plant", "thermal power plant"],
    ["power plant", "power plant"],
    ["power", "power"],
  ]);
});

Deno.test("matchLexicon() takes the leftmost match when two expressions overlap", () => {
  const lex = lexicon([{ term: "thermal power" }, { term: "power plant" }, { term: "plant" }]);
  deepStrictEqual(found("thermal power plant", lex), [
    ["thermal power", "thermal power"],
    ["plant", "plant"],
  ]);
});

Deno.test("matchLexicon() matches lemma entries against lemmas and forms", () => {
  const lex = lexicon([
    { term: "sanction", match: "lemma" },
    { term: "power plant", match: "lemma" },
    { term: "circumvent sanction", match: "lemma" },
  ]);
  deepStrictEqual(found("New sanctions hit power plants.", lex), [
    ["sanction", "sanctions"],
    ["power plant", "power plants"],
  ]);
  deepStrictEqual(found("Firms circumvent sanctions.", lex), [
    ["circumvent sanction", "circumvent sanctions"],
  ]);
});

Deno.test("matchLexicon() does not lemmatise form entries", () => {
  const lex = lexicon([{ term: "sanction" }]);
  deepStrictEqual(found("New sanctions. One sanction.", lex), [["sanction", "sanction"]]);
});

Deno.test("matchLexicon() expands trailing wildcards to prefixes", () => {
  const lex = lexicon([{ term: "sanction*" }, { term: "transit route*" }]);
  deepStrictEqual(
    found("Sanctioned firms, sanctimonious talk, sanction and sanctions. Transit routes!", lex),
    [
      ["sanction*", "Sanctioned"],
      ["sanction*", "sanction"],
      ["sanction*", "sanctions"],
      ["transit route*", "Transit routes"],
    ],
  );
});

Deno.test("matchLexicon() honours case-sensitive entries", () => {
  const lex = lexicon([
    { term: "US", caseSensitive: true, categories: ["country"] },
    { term: "us", categories: ["pronoun"] },
  ]);
  const text = "The US told us. Us too.";
  const hits = matchLexicon(tokenizeText(text).tokens, lex, { text });
  deepStrictEqual(hits.map((h) => [h.form, h.category]), [
    ["US", "country"],
    ["us", "pronoun"],
    ["Us", "pronoun"],
  ]);
  const only = lexicon([{ term: "US", caseSensitive: true }]);
  deepStrictEqual(found("The US told us.", only), [["US", "US"]]);
});

Deno.test("matchLexicon() matches hyphenated terms across touching tokens", () => {
  const lex = lexicon([
    { term: "coal-fired" },
    { term: "re-export" },
    { term: "don't" },
    { term: "coal-fire", match: "lemma", categories: ["lemma"] },
  ]);
  // wink splits "coal-fired" into three tokens but keeps "re-export" whole.
  deepStrictEqual(found("Coal-fired plants, gray re-export; we don’t know.", lex), [
    ["coal-fired", "Coal-fired"],
    ["re-export", "re-export"],
    ["don't", "don’t"],
  ]);
});

Deno.test("matchLexicon() lets a wildcard span a hyphenated word but not a full stop", () => {
  const lex = lexicon([{ term: "anti-russia*" }, { term: "coal*" }]);
  deepStrictEqual(found("Anti-Russian sanctions. Coal-fired plants use coal.", lex), [
    ["anti-russia*", "Anti-Russian"],
    ["coal*", "Coal-fired"],
    ["coal*", "coal"],
  ]);
});

Deno.test("matchLexicon() does not match across sentences", () => {
  const lex = lexicon([{ term: "power plant" }]);
  deepStrictEqual(found("They need power. Plant trees.", lex), []);
});

Deno.test("matchLexicon() matches emoticon terms", () => {
  const lex = lexicon([{ term: ":)", weight: 2 }, { term: "<3", weight: 1.9 }]);
  const text = "Nice :) <3";
  const hits = matchLexicon(tokenizeText(text).tokens, lex);
  deepStrictEqual(hits.map((h) => [h.form, h.weight]), [[":)", 2], ["<3", 1.9]]);
});

Deno.test("matchLexicon() records where each hit is and yields one hit per category", () => {
  const lex = lexicon([{ term: "gray re-export", categories: ["trade", "sanctions"] }]);
  const text = "Title here\n\nThey keep the gray re-export going.";
  const { tokens } = tokenizeSegments(text, [
    { voice: "title", start: 0, end: 12, rule: "test" },
    { voice: "body", start: 12, end: text.length, rule: "test" },
  ]);
  const hits = matchLexicon(tokens, lex, { article: "a1", text });
  strictEqual(hits.length, 2);
  for (const hit of hits) Hit.parse(hit);
  const [a, b] = hits;
  deepStrictEqual([a.category, b.category], ["trade", "sanctions"]);
  strictEqual(a.article, "a1");
  strictEqual(a.voice, "body");
  strictEqual(a.sentence, 1);
  strictEqual(a.form, "gray re-export");
  strictEqual(text.slice(a.start, a.end), "gray re-export");
  strictEqual(a.tokenEnd - a.tokenStart, 2);
  strictEqual(a.entryIndex, 0);
  deepStrictEqual({ ...a, category: "sanctions" }, b);
});

Deno.test("matchLexicon() joins token texts for the form when no text is given", () => {
  const lex = lexicon([{ term: "power plant" }]);
  const hits = matchLexicon(tokenizeText("a power   plant").tokens, lex);
  strictEqual(hits[0].form, "power plant");
});

Deno.test("matchLexicon() gives non-overlapping hits whose form is the text span", () => {
  const words = ["power", "plant", "plants", "thermal", "coal", "-", "fired", "US", "us", "."];
  const lex = lexicon([
    { term: "power plant", match: "lemma" },
    { term: "thermal power plant*" },
    { term: "plant" },
    { term: "coal-fired" },
    { term: "coal*" },
    { term: "US", caseSensitive: true },
    { term: "us" },
    { term: "power" },
  ]);
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(" ", "", "  ", "\n")), {
        maxLength: 30,
      }),
      (parts) => {
        const text = parts.map(([w, sep]) => w + sep).join("");
        const { tokens } = tokenizeText(text);
        const hits = matchLexicon(tokens, lex, { text });
        let lastEnd = 0;
        for (const hit of hits) {
          ok(hit.tokenStart >= lastEnd, "hits overlap");
          ok(hit.tokenEnd > hit.tokenStart);
          lastEnd = hit.tokenEnd;
          strictEqual(hit.form, text.slice(hit.start, hit.end));
          strictEqual(hit.start, tokens[hit.tokenStart].start);
          strictEqual(hit.end, tokens[hit.tokenEnd - 1].end);
        }
      },
    ),
    { numRuns: 200 },
  );
});

Deno.test("matchLexicon() lemmatises capitalised words the model leaves alone", () => {
  const lex = lexicon([
    { term: "sanction", match: "lemma" },
    { term: "power plant", match: "lemma" },
    { term: "rename", match: "lemma" },
    { term: "country", match: "lemma" },
  ]);
  deepStrictEqual(
    found("Sanctions Hit Power Plants. Renaming Streets. Countries. Sanctioned.", lex),
    [
      ["sanction", "Sanctions"],
      ["power plant", "Power Plants"],
      ["rename", "Renaming"],
      ["country", "Countries"],
      ["sanction", "Sanctioned"],
    ],
  );
  // Lower-case words keep the model's lemma only: "news" is not "new".
  deepStrictEqual(found("the news", lexicon([{ term: "new", match: "lemma" }])), []);
});

Deno.test("matchLexicon() lets the last of touching tokens match by lemma", () => {
  const lex = lexicon([{ term: "coal-fire", match: "lemma" }]);
  deepStrictEqual(found("Two coal-fired plants.", lex), [["coal-fire", "coal-fired"]]);
  deepStrictEqual(found("Two coal-fired plants.", lexicon([{ term: "coal-fire" }])), []);
});

Deno.test("matchLexicon() gives the same hits when several lexicons read one token array", () => {
  const text = "Sanctions on coal-fired power plants. Don’t lift the sanctions-related bans.";
  const a = lexicon([{ term: "sanction*" }, { term: "power plant", match: "lemma" }], "a");
  const b = lexicon([
    { term: "coal-fire", match: "lemma" },
    { term: "don't" },
    { term: "ban", match: "lemma" },
  ], "b");
  const { tokens } = tokenizeText(text);
  const fresh = (lex: Lexicon) => matchLexicon(tokenizeText(text).tokens, lex, { text });
  for (const lex of [a, b, a]) deepStrictEqual(matchLexicon(tokens, lex, { text }), fresh(lex));
  deepStrictEqual(fresh(a).map((h) => h.form), ["Sanctions", "power plants", "sanctions-related"]);
  deepStrictEqual(fresh(b).map((h) => h.form), ["coal-fired", "Don’t", "bans"]);
});

Deno.test("matchLexicon() grows a run of touching tokens from a token with empty text", () => {
  const text = "the Kremlin, when";
  const tokens = tokenizeText(text).tokens.map((t, i) =>
    i === 1 ? { ...t, text: "", lower: "", lemma: "" } : t
  );
  const lex = lexicon([{ term: "the" }, { term: "the ," }]);
  deepStrictEqual(matchLexicon(tokens, lex, { text }).map((h) => [h.entry, h.form]), [
    ["the ,", "the Kremlin,"],
  ]);
});
