import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { tokenizeText } from "../lib/tokenize.ts";
import { InputError } from "../lib/errors.ts";
import { sentenceSentiment } from "../lib/sentiment/sentence_sentiment.ts";
import { spanSentiment } from "../lib/sentiment/span_sentiment.ts";
import { sentimentOf } from "../lib/sentiment/sentiment_of.ts";

function sentence(text: string, options?: Parameters<typeof sentenceSentiment>[2]) {
  const { tokens, sentences } = tokenizeText(text);
  return sentenceSentiment(tokens, sentences[0], options);
}

function spanOf(text: string, mention: string, options?: Parameters<typeof spanSentiment>[2]) {
  const { tokens } = tokenizeText(text);
  const start = text.indexOf(mention);
  ok(start >= 0, `fixture has "${mention}"`);
  return spanSentiment(tokens, { start, end: start + mention.length }, options);
}

Deno.test("sentenceSentiment() flips a negated word: not a reliable ally", () => {
  const plain = sentence("He is a reliable ally.");
  const negated = sentence("He is not a reliable ally.");
  ok(plain.score > 0);
  ok(negated.score < 0);
  const ally = negated.evidence.find((e) => e.form === "ally");
  ok(ally?.rules.includes("negated"));
  ok(ally && Math.sign(ally.weight) === -Math.sign(ally.base));
});

Deno.test("sentenceSentiment() weighs the clause after a contrastive but more", () => {
  const r = sentence("The plan is good, but the execution is bad.");
  const good = r.evidence.find((e) => e.form === "good");
  const bad = r.evidence.find((e) => e.form === "bad");
  ok(good && bad);
  strictEqual(good.weight, good.base * 0.5);
  deepStrictEqual(good.rules, ["but-before"]);
  ok(bad.rules.includes("but-after"));
  ok(Math.abs(bad.weight) > Math.abs(bad.base) * 1.5 - 1e-9);
  ok(r.score < 0);
  // Without "but" the same words balance closer to zero.
  const and = sentence("The plan is good, and the execution is bad.");
  ok(and.score > r.score);
});

Deno.test("spanSentiment() gives two actors in one sentence opposite signs", () => {
  const text = "The brave Smith praised the talks, while the corrupt Jones lied again.";
  const smith = spanOf(text, "Smith", { model: "rules" });
  const jones = spanOf(text, "Jones", { model: "rules" });
  ok(smith.score > 0, `Smith ${smith.score}`);
  ok(jones.score < 0, `Jones ${jones.score}`);
  // The whole sentence's sentiment lies between them.
  const whole = sentence(text).score;
  ok(smith.score > whole && whole > jones.score);
  // Words in the other clause are discounted and say so.
  const lied = smith.evidence.find((e) => e.form === "lied");
  ok(lied?.rules.includes("clause"));
});

Deno.test("spanSentiment() discounts a negative act toward its target", () => {
  const text = "The army attacked Kyiv.";
  const agent = spanOf(text, "army", { model: "rules" });
  const target = spanOf(text, "Kyiv", { model: "rules" });
  ok(agent.score < 0);
  ok(target.score > agent.score);
  ok(target.evidence[0].rules.includes("role-target"));
});

Deno.test("sentenceSentiment() does not take a scare-quoted word at face value", () => {
  const plain = sentence("They signed a historic treaty.");
  const quoted = sentence('They signed a "historic" treaty.');
  const word = quoted.evidence.find((e) => e.form === "historic");
  ok(word && word.rules.includes("scare-quoted"));
  ok(word.weight <= 0, `quoted weight ${word.weight}`);
  ok(plain.score > quoted.score);
  // Quoted speech is not a scare quote.
  const speech = sentence('"Historic," the minister said.');
  ok(!speech.evidence.some((e) => e.rules.includes("scare-quoted")));
});

Deno.test("sentimentOf() changes when the domain lexicon is switched off", () => {
  const text = "Moscow called the law Russophobic blackmail.";
  const on = sentimentOf(text);
  const off = sentimentOf(text, { lexicons: { domain: false } });
  ok(on.score < 0);
  ok(on.evidence.some((e) => e.lexicon === "sentiment_domain"));
  ok(!off.evidence.some((e) => e.lexicon === "sentiment_domain"));
  ok(off.score > on.score);
  const none = { domain: false, general: false, fitted: false };
  strictEqual(sentimentOf(text, { lexicons: none }).score, 0);
  const fittedOnly = sentimentOf(text, { lexicons: { ...none, fitted: true } });
  ok(fittedOnly.evidence.every((e) => e.lexicon === "sentiment_fitted"));
});

Deno.test("sentimentOf() scores are normalize(sum of evidence weights) on -1..+1", () => {
  for (
    const text of [
      "What a WONDERFUL and truly great day!!",
      "The war killed thousands, a horrible tragedy.",
      "Nothing happened.",
    ]
  ) {
    const r = sentimentOf(text);
    const sum = r.evidence.reduce((s, e) => s + e.weight, 0);
    const expected = sum === 0 ? 0 : sum / Math.sqrt(sum * sum + 15);
    ok(Math.abs(r.score - expected) < 1e-12);
    ok(r.score >= -1 && r.score <= 1);
    for (const e of r.evidence) strictEqual(text.slice(e.start, e.end), e.form);
  }
});

Deno.test("spanSentiment() rejects bad spans and bad options", () => {
  const { tokens } = tokenizeText("Smith won.");
  throws(() => spanSentiment(tokens, { start: 3, end: 3 }), RangeError);
  throws(() => spanSentiment(tokens, { start: 40, end: 45 }), RangeError);
  throws(
    () => spanSentiment(tokens, { start: 0, end: 5 }, { clauseFactor: 2 }),
    (e) => e instanceof InputError && /clauseFactor/.test(e.message),
  );
  throws(
    // deno-lint-ignore no-explicit-any
    () => sentimentOf("x", { lexicon: {} } as any),
    InputError,
  );
});

Deno.test("sentenceSentiment() reads a curly-apostrophe negation (aren’t)", () => {
  const r = sentence("The new rules aren’t helpful.");
  ok(r.score < 0);
  ok(r.evidence.some((e) => e.form === "helpful" && e.rules.includes("negated")));
});

Deno.test("spanSentiment() looks past a verbless aside to the span's predicate", () => {
  const text = "Gardner, in a series of tweets, threatened to retaliate.";
  const withAside = spanOf(text, "Gardner");
  const threatened = withAside.evidence.find((e) => e.form === "threatened");
  ok(threatened);
  // Only the distance discount applies, not two comma boundaries.
  ok(!threatened.rules.includes("clause"), threatened.rules.join());
  ok(withAside.score < 0);
});

Deno.test("sentenceSentiment() reads quoted words after an attribution as someone's words", () => {
  const r = sentence("On Comey's comment that Trump is “unethical”, the group countered.");
  const word = r.evidence.find((e) => e.form === "unethical");
  ok(word && !word.rules.includes("scare-quoted"));
  ok(r.score < 0);
  // A capitalised quote is a title or name, not a scare quote.
  const title = sentence('They played the "Great Game" again.');
  ok(!title.evidence.some((e) => e.rules.includes("scare-quoted")));
});

Deno.test("sentenceSentiment() flips what a shifter verb acts on: reduce unemployment", () => {
  const r = sentence("The plan will reduce unemployment.");
  ok(r.score > 0, `score ${r.score}`);
  ok(r.evidence.some((e) => e.form === "unemployment" && e.rules.includes("shifted")));
  ok(sentence("The plan will bring unemployment.").score < 0);
});

Deno.test("sentimentOf() reads no as a negator, not a negative word", () => {
  const r = sentimentOf("There is no corruption here.");
  ok(r.score > 0, `score ${r.score}`);
  ok(!r.evidence.some((e) => e.form.toLowerCase() === "no"));
});

Deno.test("sentimentOf() neutralises institutional senses only while the domain lexicon is on", () => {
  const text = "The party asked the United Nations for health care funds.";
  strictEqual(sentimentOf(text).score, 0);
  ok(sentimentOf(text, { lexicons: { domain: false } }).score > 0);
});

const FITTED = JSON.parse(
  Deno.readTextFileSync(new URL("../data/lexicons/sentiment_fitted.json", import.meta.url)),
) as { entries: { term: string; weight: number; match?: string }[] };

Deno.test("sentimentOf() scores a fitted word VADER lacks, with its offsets, only while fitted is on", () => {
  const added = FITTED.entries.find((e) =>
    e.match === "lemma" && Math.abs(e.weight) >= 0.5 && /^[a-z]+$/.test(e.term)
  );
  ok(added, "the fitted lexicon adds at least one word with |weight| >= 0.5");
  const text = `It was ${added.term}.`;
  const on = sentimentOf(text);
  const hit = on.evidence.find((e) => e.start === text.indexOf(added.term));
  ok(hit, `"${added.term}" has evidence: ${JSON.stringify(on.evidence)}`);
  strictEqual(hit.lexicon, "sentiment_fitted");
  strictEqual(text.slice(hit.start, hit.end), added.term);
  strictEqual(hit.base, added.weight);
  const off = sentimentOf(text, { lexicons: { fitted: false } });
  ok(!off.evidence.some((e) => e.start === hit.start));
});

Deno.test("sentenceSentiment() uses the fitted weight in place of VADER's for the same word", () => {
  const replaced = FITTED.entries.find((e) => !e.match && /^[a-z]{4,}$/.test(e.term));
  ok(replaced, "the fitted lexicon replaces at least one plain word");
  const text = `Everyone saw the ${replaced.term} there.`;
  const on = sentence(text).evidence.find((e) => e.form === replaced.term);
  const off = sentence(text, { lexicons: { fitted: false } }).evidence.find((e) =>
    e.form === replaced.term
  );
  ok(on && off);
  strictEqual(on.lexicon, "sentiment_fitted");
  strictEqual(on.base, replaced.weight);
  strictEqual(off.lexicon, "sentiment_general");
  ok(on.base !== off.base);
});

Deno.test("spanSentiment() leaves the fitted weights off unless asked", () => {
  const text = "Smith spoke about the economy, taxes and the coming election campaign.";
  const plain = spanOf(text, "Smith", { model: "rules" });
  ok(plain.evidence.every((e) => e.lexicon !== "sentiment_fitted"));
  const withFitted = spanOf(text, "Smith", { model: "rules", lexicons: { fitted: true } });
  const fittedWords = withFitted.evidence.filter((e) => e.lexicon === "sentiment_fitted");
  ok(fittedWords.length > 0, "some word of the sentence is in the fitted lexicon");
  const sum = withFitted.evidence.reduce((s, e) => s + e.weight, 0);
  ok(Math.abs(withFitted.score - sum / Math.sqrt(sum * sum + 15)) < 1e-12);
});
