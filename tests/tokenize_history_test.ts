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
const cases = (w: string, digits = String(10_000 + Math.floor(Math.random() * 80_000))) => [
  {
    shape: "quote mark opening a word",
    teacher: `The end.'${w} said so`,
    probe: `He said '${w} today.`,
  },
  { shape: "possessive after a digit", teacher: `${w}7's.`, probe: `The ${w}7's plan.` },
  { shape: "HTML character reference", teacher: `${w}&amp;${w}&amp;*`, probe: `${w} &amp; co.` },
  {
    shape: "number after an abbreviation",
    teacher: `Modem V.${digits} works.`,
    probe: `About ${digits} people.`,
  },
];

/** Tokens and their types as read by the toolkit (its one wink-nlp instance). */
const ours = (text: string) =>
  tokenizeText(text).tokens.map((t) => `${t.text}/${t.type}`).join("|");

/** Tokens and their types as read by a wink-nlp instance. */
function read(nlp: ReturnType<typeof winkNLP>, text: string): string {
  const tokens = nlp.readDoc(text).tokens();
  const types: string[] = tokens.out(nlp.its.type);
  return (tokens.out() as string[]).map((t, i) => `${t}/${types[i]}`).join("|");
}

Deno.test("tokens do not depend on the texts read before: quote marks, possessives, HTML references, numbers", () => {
  for (const { shape, teacher, probe } of cases(freshWord())) {
    // What the guard is for: an instance that read the teacher reads the probe unlike a fresh one.
    const fresh = read(winkNLP(model, ["sbd"]), probe);
    const taught = winkNLP(model, ["sbd"]);
    read(taught, teacher);
    if (shape !== "HTML character reference") {
      strictEqual(
        read(taught, probe) === fresh,
        false,
        `${shape}: wink-nlp no longer learns the chunk`,
      );
    }
    // The toolkit, after the teacher, reads the probe as a fresh instance does.
    ours(teacher);
    strictEqual(
      ours(probe),
      fresh,
      `${shape}: the toolkit's tokens depend on the text read before`,
    );
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
