import { strictEqual } from "node:assert/strict";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { tokenizeText } from "../lib/tokenize.ts";

/** A word no earlier test has read, so that wink-nlp has not learnt it yet. */
function freshWord(): string {
  const letters = "bcdfghjklmnpqrstvwxz";
  let w = "Q";
  for (let i = 0; i < 9; i++) w += letters[Math.floor(Math.random() * letters.length)];
  return w;
}

// Each pair: a text that teaches wink-nlp 2.4.0 a chunk as one word, and a
// text in which a fresh instance splits that chunk.
const cases = (w: string) => [
  {
    shape: "quote mark opening a word",
    teacher: `The end.'${w} said so`,
    probe: `He said '${w} today.`,
  },
  { shape: "possessive after a digit", teacher: `${w}7's.`, probe: `The ${w}7's plan.` },
  { shape: "HTML character reference", teacher: `${w}&amp;${w}&amp;*`, probe: `${w} &amp; co.` },
];

const words = (text: string) => tokenizeText(text).tokens.map((t) => t.text).join("|");

Deno.test("tokens do not depend on the texts read before: quote marks, possessives, HTML references", () => {
  const nlp = winkNLP(model, ["sbd"]);
  const raw = (text: string) => nlp.readDoc(text).tokens().out().join("|");
  for (const { shape, teacher, probe } of cases(freshWord())) {
    const before = words(probe);
    const rawBefore = raw(probe);
    words(teacher);
    strictEqual(words(probe), before, `${shape}: the toolkit's tokens changed`);
    // What the guard is for: wink-nlp itself reads the probe differently once it read the teacher.
    raw(teacher);
    if (shape !== "HTML character reference") {
      strictEqual(raw(probe) === rawBefore, false, `${shape}: wink-nlp no longer learns the chunk`);
    }
  }
});

Deno.test("the splits keep every token at its place in the raw text", () => {
  const text = "'We can't,' said the G7's chief of AT&amp;T's ‘green’ plan.";
  const { tokens } = tokenizeText(text);
  for (const t of tokens) strictEqual(text.slice(t.start, t.end), t.text);
  strictEqual(
    tokens.map((t) => t.text).join("|"),
    "'|We|ca|n't|,|'|said|the|G7|'s|chief|of|AT|&|amp|;|T|'s|‘|green|’|plan|.",
  );
});
