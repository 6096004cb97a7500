import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { tokenizeText } from "../lib/mod.ts";
import { splitPossessives } from "../lib/tokenize.ts";

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

Deno.test("splitPossessives() splits exactly where the plain possessive pattern matches", () => {
  // The plain pattern of what splitPossessives() does (a word of letters and
  // digits, "G7's" too); the faster scan must agree with it.
  const byPattern = (text: string) =>
    text.replace(
      /([\p{L}\p{N}]+)(['’][sS])(?![\p{L}\p{N}])/gu,
      (whole, word: string, clitic: string) =>
        ["it", "that", "he", "who", "let"].includes(word.toLowerCase())
          ? whole
          : `${word} ${clitic}`,
    );
  for (
    const text of [
      "Russia's, Russia’S. It's IT's let's Who's",
      "'s x's's 3's a'sb a's1 é's 𝐀's \uD835's \uDC00's a\uDC00's",
      "",
      "no clitic here",
      "Tokayev’s team met Macron's aides; the children's.",
    ]
  ) strictEqual(splitPossessives(text), byPattern(text), JSON.stringify(text));
});
