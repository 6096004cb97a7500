import { ok, strictEqual, throws } from "node:assert/strict";
import { InputError } from "../lib/errors.ts";
import { loadLexicon } from "../lib/lexicon/load.ts";
import { sentimentOf } from "../lib/sentiment/sentiment_of.ts";

const DIR = new URL("../data/lexicons/", import.meta.url).pathname;

Deno.test("sentiment_general.json is a valid lexicon of VADER valences on -4..+4", async () => {
  const lex = await loadLexicon(DIR + "sentiment_general.json");
  strictEqual(lex.name, "sentiment_general");
  strictEqual(lex.licence, "MIT");
  ok(/Hutto/.test(lex.source) && /vader-sentiment/.test(lex.source));
  ok(/-4 .*\+4/.test(lex.description));
  ok(lex.entries.length > 7000);
  ok(lex.entries.every((e) => typeof e.weight === "number" && e.weight >= -4 && e.weight <= 4));
  strictEqual(lex.entries.find((e) => e.term === "good")?.weight, 1.9);
});

Deno.test("sentiment_domain.yaml is a valid lexicon with the domain's evaluative words", async () => {
  const lex = await loadLexicon(DIR + "sentiment_domain.yaml");
  strictEqual(lex.name, "sentiment_domain");
  strictEqual(lex.licence, "CC0-1.0");
  const terms = new Set(lex.entries.map((e) => e.term));
  for (const t of ["russophob*", "ethnocracy", "blackmail", "lackey", "witch hunt", "hostage"]) {
    ok(terms.has(t), `has ${t}`);
  }
  ok(lex.entries.every((e) => typeof e.weight === "number" && e.weight >= -4 && e.weight <= 4));
});

Deno.test("sentimentOf() takes a term's domain weight over its general weight while the domain is on", () => {
  const on = sentimentOf("It was a scandal.").evidence[0];
  const off = sentimentOf("It was a scandal.", { lexicons: { domain: false, fitted: false } })
    .evidence[0];
  strictEqual(on.lexicon, "sentiment_domain");
  strictEqual(off.lexicon, "sentiment_general");
  ok(on.base !== off.base);
});

Deno.test("sentiment_fitted.json is a valid MIT lexicon fitted on tuning rows only", async () => {
  const lex = await loadLexicon(DIR + "sentiment_fitted.json");
  strictEqual(lex.name, "sentiment_fitted");
  strictEqual(lex.licence, "MIT");
  ok(/odd article number/.test(lex.description) && /TUNING/.test(lex.description));
  ok(/Hutto/.test(lex.source));
  ok(lex.entries.every((e) => typeof e.weight === "number" && e.weight >= -4 && e.weight <= 4));
  const general = await loadLexicon(DIR + "sentiment_general.json");
  const vader = new Map(general.entries.map((e) => [e.term, e.weight]));
  for (const e of lex.entries) {
    // A replaced weight names a VADER term and moved; an added word is a lemma VADER lacks.
    if (e.match === "lemma") ok(!vader.has(e.term), `${e.term} is new`);
    else ok(vader.has(e.term) && Math.abs((vader.get(e.term) ?? 0) - (e.weight ?? 0)) >= 0.049);
  }
});

const FLIPPED = new URL("./fixtures/validate/flipped_sentiment.yaml", import.meta.url).pathname;

Deno.test("an extra sentiment lexicon is looked up before the bundled ones, and named in the evidence", () => {
  const text = "The corrupt minister lied.";
  const bundled = sentimentOf(text);
  const mine = sentimentOf(text, { lexicons: { extra: [FLIPPED] } });
  ok(bundled.score < 0 && mine.score > 0);
  strictEqual(
    mine.evidence.map((e) => `${e.form}:${e.lexicon}`).join(),
    "corrupt:flipped,lied:flipped",
  );
  // A word the extra lexicon lacks still comes from the bundled ones.
  const other = sentimentOf("A good plan.", { lexicons: { extra: [FLIPPED] } }).evidence[0];
  ok(other.lexicon !== "flipped" && other.weight > 0);
});

Deno.test("an extra sentiment lexicon that cannot be read, or lacks a weight, names the file and entry", () => {
  const missing = "/nonexistent/mine.yaml";
  throws(() => sentimentOf("x", { lexicons: { extra: [missing] } }), (e: unknown) => {
    ok(e instanceof InputError && e.file === missing && /readable/.test(e.message));
    return true;
  });
  const file = Deno.makeTempFileSync({ suffix: ".yaml" });
  Deno.writeTextFileSync(
    file,
    Deno.readTextFileSync(FLIPPED).replace(
      "{ term: corrupt, weight: 3 }",
      "{ term: corrupt, weight: 9 }",
    ),
  );
  throws(() => sentimentOf("x", { lexicons: { extra: [file] } }), (e: unknown) => {
    ok(e instanceof InputError && e.file === file);
    strictEqual(e.path, "entries[2].weight");
    strictEqual(e.line, 12);
    return true;
  });
});

Deno.test("an extra sentiment lexicon is read again after its file changes", () => {
  const file = Deno.makeTempFileSync({ suffix: ".yaml" });
  const text = Deno.readTextFileSync(FLIPPED);
  Deno.writeTextFileSync(file, text);
  const before = sentimentOf("The corrupt minister.", { lexicons: { extra: [file] } });
  ok(before.score > 0);
  Deno.writeTextFileSync(
    file,
    text.replace("{ term: corrupt, weight: 3 }", "{ term: corrupt, weight: -1 }"),
  );
  // A later modification time, whatever the file system's clock resolution.
  const later = new Date(Date.now() + 5_000);
  Deno.utimeSync(file, later, later);
  const after = sentimentOf("The corrupt minister.", { lexicons: { extra: [file] } });
  ok(after.score < 0);
  strictEqual(after.evidence[0].base, -1);
});
