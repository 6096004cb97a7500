import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { findScareQuotes, type QuoteRejection, ScareQuote } from "../lib/stance/scare_quotes.ts";
import { tokenizeSegments, tokenizeText } from "../lib/tokenize.ts";

function inner(text: string): string[] {
  return findScareQuotes(text, tokenizeText(text).tokens).map((q) => q.inner);
}

Deno.test("findScareQuotes() finds a scare-quoted evaluative word with its offsets", () => {
  const text = "Tokayev called the visit of Macron and then Putin “historic,” which shows little.";
  const quotes = findScareQuotes(text, tokenizeText(text).tokens);
  strictEqual(quotes.length, 1);
  const q = ScareQuote.parse(quotes[0]);
  strictEqual(q.inner, "historic,");
  strictEqual(q.words, 1);
  strictEqual(text.slice(q.start, q.end), "“historic,”");
  strictEqual(text.slice(q.innerStart, q.innerEnd), "historic,");
  strictEqual(q.mark, "“");
  strictEqual(q.voice, "body");
  strictEqual(q.soCalled, false);
  const { tokens } = tokenizeText(text);
  deepStrictEqual(tokens.slice(q.tokenStart, q.tokenEnd).map((t) => t.text), ["historic", ","]);
});

Deno.test("findScareQuotes() skips quoted speech next to a speech verb", () => {
  deepStrictEqual(inner("He said: “We will win.” The crowd left."), []);
  deepStrictEqual(inner("“We will win,” he said."), []);
  deepStrictEqual(inner("“Never,” said Putin."), []);
  deepStrictEqual(inner("Putin said “never” twice."), []);
  // A speech verb further away does not make the stretch speech.
  deepStrictEqual(inner("Putin said the reforms were “progress” for everyone."), ["progress"]);
});

Deno.test("findScareQuotes() takes exclamations and questions in quotes for speech", () => {
  deepStrictEqual(inner("They chanted the motto “Turkic era!” in the square."), []);
  deepStrictEqual(inner("The slogan “why not?” spread."), []);
  deepStrictEqual(inner("Some “they deceived the fool...” talk."), []);
});

Deno.test("findScareQuotes() keeps one to four words only", () => {
  deepStrictEqual(inner("It is the “politics of the possible” again."), [
    "politics of the possible",
  ]);
  deepStrictEqual(inner("It is the “politics of the art of possible” again."), []);
  throws(() => findScareQuotes("x", [], { maxWords: 0 }), RangeError);
  const text = "A “very long quoted phrase here” ends.";
  deepStrictEqual(
    findScareQuotes(text, tokenizeText(text).tokens, { maxWords: 5 }).map((q) => q.words),
    [5],
  );
});

Deno.test("findScareQuotes() skips names and titles unless 'so-called' marks them", () => {
  const rejected: QuoteRejection[] = [];
  const text = "Monuments to the “Kazakh Bandera” appeared. A park called “Freedom” opened.";
  const found = findScareQuotes(text, tokenizeText(text).tokens, {
    onRejected: (_, why) => rejected.push(why),
  });
  deepStrictEqual(found, []);
  deepStrictEqual(rejected, ["title_or_name", "title_or_name"]);
  const marked = "Monuments to the so-called “Kazakh Bandera” appeared.";
  const quotes = findScareQuotes(marked, tokenizeText(marked).tokens);
  deepStrictEqual(quotes.map((q) => [q.inner, q.soCalled]), [["Kazakh Bandera", true]]);
  // Lower-case words are not a name, even with a capital among them.
  deepStrictEqual(inner("Relations with “Western partners” cooled."), ["Western partners"]);
});

Deno.test("findScareQuotes() reads curly, straight, guillemet and single quote marks", () => {
  deepStrictEqual(inner('The "gray" re-export grew.'), ["gray"]);
  deepStrictEqual(inner("The «loyalty» of elites."), ["loyalty"]);
  deepStrictEqual(inner("The ‘reforms’ stalled."), ["reforms"]);
  deepStrictEqual(inner("The „democracy“ there."), ["democracy"]);
  // Apostrophes are not quote marks.
  deepStrictEqual(inner("Macron’s visit and Putin’s ‘historic’ trip."), ["historic"]);
  // Straight quotes pair within a line only.
  deepStrictEqual(inner('He wrote "one\nand" two.'), []);
});

Deno.test("findScareQuotes() takes voice and sentence from the words around the marks", () => {
  const text = "Title here\n\nThe “historic” deal. The bureaucrats “worked” against it.";
  const { tokens, sentences } = tokenizeSegments(text, [
    { voice: "title", start: 0, end: 12, rule: "test" },
    { voice: "body", start: 12, end: text.length, rule: "test" },
  ]);
  const quotes = findScareQuotes(text, tokens);
  deepStrictEqual(quotes.map((q) => [q.inner, q.voice]), [["historic", "body"], [
    "worked",
    "body",
  ]]);
  ok(quotes[1].sentence > quotes[0].sentence);
  const s = sentences[quotes[1].sentence];
  ok(s.start <= quotes[1].start && quotes[1].end <= s.end);
});

Deno.test("findScareQuotes() reads the quoted words of a real news passage", async () => {
  // A hand-labelled passage: each scare quote was marked by reading, before the code ran.
  const text = await Deno.readTextFile(
    new URL("./fixtures/stance/scare_passage.txt", import.meta.url),
  );
  const quotes = findScareQuotes(text, tokenizeText(text).tokens);
  deepStrictEqual(quotes.map((q) => q.inner.replace(/[,.]$/, "")), [
    "gray",
    "multi-vectorism",
    "witch hunt",
    "loyalty",
  ]);
});
