import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { tokenizeText } from "../lib/mod.ts";

const words = (text: string) => tokenizeText(text).tokens.map((t) => t.text);

Deno.test("tokenizeText() gives the same tokens whatever was read before (possessives)", () => {
  const before = tokenizeText("The children's book and Russia’s role.");
  // wink-nlp 2.4.0 caches a possessive read before punctuation as one word.
  tokenizeText("He read the children's. Then Russia’s, and Germany's.");
  const after = tokenizeText("The children's book and Russia’s role.");
  deepStrictEqual(after, before);
  deepStrictEqual(words("The children's book."), ["The", "children", "'s", "book", "."]);
});

Deno.test("tokenizeText() keeps offsets exact when it splits a possessive", () => {
  const text = "Tokayev’s team met Macron's aides.";
  for (const t of tokenizeText(text).tokens) strictEqual(text.slice(t.start, t.end), t.text);
  deepStrictEqual(words(text).slice(0, 3), ["Tokayev", "’s", "team"]);
});

Deno.test("tokenizeText() leaves contractions to the model", () => {
  const lemmas = tokenizeText("It's clear that it's over.").tokens.map((t) => t.lemma);
  strictEqual(lemmas.filter((l) => l === "be").length, 2);
});
