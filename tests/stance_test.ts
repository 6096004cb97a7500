import { deepStrictEqual, ok, rejects, strictEqual, throws } from "node:assert/strict";
import { parse } from "yaml";
import { Lexicon } from "../lib/lexicon/schema.ts";
import { stanceRates } from "../lib/metrics/stance.ts";
import { countWords } from "../lib/metrics/word_count.ts";
import { disambiguateStance, type StanceRule } from "../lib/stance/disambiguate.ts";
import { findStance, stanceCategories } from "../lib/stance/find.ts";
import {
  loadStanceLexicons,
  REPORTING_LEXICON_PATH,
  STANCE_LEXICON_PATH,
} from "../lib/stance/lexicons.ts";
import { tokenizeSegments, tokenizeText } from "../lib/tokenize.ts";
import { parseCueSentences, scoreHedges, validateHedges } from "../lib/validate/hedges.ts";
import { matchLexicon } from "../lib/lexicon/match.ts";

const lexicons = await loadStanceLexicons();
const FIXTURES = new URL("./fixtures/stance/", import.meta.url);

/** [category, form] of every kept hit in `text`. */
function markers(text: string): [string, string][] {
  const ev = findStance({ text, tokens: tokenizeText(text).tokens }, lexicons);
  return ev.hits.map((h) => [h.category, h.form]);
}

function formsOf(text: string, category: string): string[] {
  return markers(text).filter(([c]) => c === category).map(([, f]) => f);
}

Deno.test("stance lexicons parse, declare Hyland's five categories and cite every entry", async () => {
  const stance = Lexicon.parse(parse(await Deno.readTextFile(STANCE_LEXICON_PATH)));
  const reporting = Lexicon.parse(parse(await Deno.readTextFile(REPORTING_LEXICON_PATH)));
  deepStrictEqual(Object.keys(stance.categories ?? {}), [
    "hedge",
    "booster",
    "attitude",
    "self_mention",
    "engagement",
  ]);
  // The stance entries were all written for the toolkit ("own"); the reporting verbs
  // name their source ("R") or are the toolkit's own.
  for (const [lex, source] of [[stance, /^own\b/], [reporting, /^(R|own)\b/]] as const) {
    for (const e of lex.entries) {
      ok(e.note && source.test(e.note), `entry "${e.term}" names no source`);
      strictEqual(e.categories?.length, 1, `entry "${e.term}" should have one category`);
    }
  }
  // A word in two categories of one lexicon would be counted in only one of them.
  const terms = stance.entries.map((e) => e.term.toLowerCase());
  strictEqual(new Set(terms).size, terms.length);
});

Deno.test("findStance() counts 'about five' as a hedge but not 'think about'", () => {
  deepStrictEqual(formsOf("It took about five days.", "hedge"), ["about"]);
  deepStrictEqual(formsOf("We must think about it.", "hedge"), []);
  deepStrictEqual(formsOf("Around the world, around 30 people died.", "hedge"), ["around"]);
  deepStrictEqual(formsOf("It cost about $5 and took around a third of the year.", "hedge"), [
    "about",
    "around",
  ]);
});

Deno.test("findStance() matches multi-word markers as one unit", () => {
  const found = markers("It is clear that at least 30 people came.");
  deepStrictEqual(found, [["booster", "It is clear that"], ["hedge", "at least"]]);
  // Lemma frame: the contracted and past forms match too.
  deepStrictEqual(formsOf("It's clear that he lost. It was obvious that he lied.", "booster"), [
    "It's clear that",
    "It was obvious that",
  ]);
  deepStrictEqual(formsOf("In my view, it tends to fail.", "hedge"), ["In my view", "tends to"]);
});

Deno.test("findStance() tells the month May from the modal may", () => {
  deepStrictEqual(formsOf("Prices may rise in May 2024.", "hedge"), ["may"]);
  deepStrictEqual(formsOf("On 9 May, troops marched.", "hedge"), []);
  deepStrictEqual(formsOf("May I ask a question?", "hedge"), ["May"]);
});

Deno.test("findStance() keeps 'rather' and 'quite' only in their hedging use", () => {
  deepStrictEqual(formsOf("The deal is rather weak.", "hedge"), ["rather"]);
  deepStrictEqual(formsOf("They chose talks rather than war.", "hedge"), []);
  // "would" is a hedge in Hyland's list; "rather" after it is not.
  deepStrictEqual(formsOf("I would rather stay.", "hedge"), ["would"]);
  deepStrictEqual(formsOf("The plan is quite good.", "hedge"), ["quite"]);
  deepStrictEqual(formsOf("He is quite right.", "booster"), ["quite"]);
  deepStrictEqual(formsOf("He is quite right.", "hedge"), []);
});

Deno.test("findStance() reads connectives and type nouns as such", () => {
  deepStrictEqual(formsOf("Even if it rains, we go. Even the army left.", "attitude"), ["Even"]);
  deepStrictEqual(formsOf("He is expected to win. As expected, he won.", "attitude"), [
    "expected",
  ]);
  deepStrictEqual(formsOf("Certain countries objected.", "booster"), []);
  deepStrictEqual(formsOf("I am certain of it.", "booster"), ["certain"]);
  deepStrictEqual(formsOf("This kind of deal is a kind of blackmail.", "hedge"), ["kind of"]);
  deepStrictEqual(formsOf("Prices will rise by about 5 percent.", "hedge"), ["about"]);
});

Deno.test("findStance() turns a negated booster into a hedge", () => {
  deepStrictEqual(formsOf("I don't think so.", "hedge"), ["think"]);
  deepStrictEqual(formsOf("I don't think so.", "booster"), []);
  deepStrictEqual(formsOf("It is not always true.", "hedge"), ["always"]);
  deepStrictEqual(formsOf("It is not always true.", "booster"), ["true"]);
  deepStrictEqual(formsOf("I am not really sure.", "hedge"), ["really"]);
  deepStrictEqual(formsOf("I am not really sure.", "booster"), []);
  deepStrictEqual(formsOf("I am not sure.", "hedge"), ["not sure"]);
});

Deno.test("findStance() counts stance verbs only with a clause", () => {
  deepStrictEqual(formsOf("Police found a body.", "booster"), []);
  deepStrictEqual(formsOf("The study found that prices fell.", "booster"), ["found"]);
  deepStrictEqual(formsOf("He is known as a hawk.", "booster"), []);
  deepStrictEqual(formsOf("We know.", "booster"), ["know"]);
  deepStrictEqual(formsOf("He appeared in court.", "hedge"), []);
  deepStrictEqual(formsOf("He appears to be tired.", "hedge"), ["appears"]);
  deepStrictEqual(formsOf("The show was long.", "booster"), []);
});

Deno.test("findStance() does not take numerals or the US for self-mentions", () => {
  deepStrictEqual(formsOf("After World War I, I left.", "self_mention"), ["I"]);
  deepStrictEqual(formsOf("US sanctions hit us.", "self_mention"), ["us"]);
});

Deno.test("findStance() counts directives only as imperatives", () => {
  deepStrictEqual(formsOf("Consider the facts.", "engagement"), ["Consider"]);
  deepStrictEqual(formsOf("They consider the facts.", "engagement"), []);
  deepStrictEqual(formsOf("Let's see what happens.", "engagement"), ["Let's"]);
  deepStrictEqual(formsOf("Who gains? You see, nobody.", "engagement"), ["?", "You see"]);
});

Deno.test("findStance() gives reporting verbs their stance and skips nouns", () => {
  const text =
    "He said it was over. She admitted that she lost. They claimed the vote was rigged. " +
    "The claim was false. “We stay,” the minister insisted.";
  const reporting = markers(text).filter(([c]) => c.startsWith("reporting_"));
  deepStrictEqual(reporting, [
    ["reporting_neutral", "said"],
    ["reporting_conceding", "admitted"],
    ["reporting_distancing", "claimed"],
    ["reporting_assertive", "insisted"],
  ]);
});

Deno.test("findStance() counts a reporting verb only in a reporting frame", () => {
  const reporting = (text: string) =>
    markers(text).filter(([c]) => c.startsWith("reporting_")).map(([, f]) => f);
  deepStrictEqual(reporting("They want to maintain the status quo."), []);
  deepStrictEqual(reporting("This is explained by the collapse of the USSR."), []);
  deepStrictEqual(reporting("The war claimed the lives of many."), []);
  deepStrictEqual(reporting("Tokayev called on Western countries to lift sanctions."), [
    "called on",
  ]);
  deepStrictEqual(reporting("As they say, God ordered it."), ["say"]);
  deepStrictEqual(reporting("As President Tokayev pointed out: trade grows."), ["pointed out"]);
});

Deno.test("findStance() records which rule dropped or re-labelled a hit", () => {
  const text = "Think about it; he is quite right.";
  const ev = findStance({ text, tokens: tokenizeText(text).tokens }, lexicons);
  ok(ev.dropped.some((d) => d.rule === "approximator_quantity" && d.hit.form === "about"));
  const quite = ev.hits.find((h) => h.form === "quite");
  strictEqual(quite?.rule, "quite_maximizer");
  strictEqual(quite?.lexiconCategory, "hedge");
});

Deno.test("disambiguateStance() lets a rule be switched off", () => {
  const text = "Think about it.";
  const { tokens } = tokenizeText(text);
  const hits = matchLexicon(tokens, lexicons.stance, { text });
  strictEqual(disambiguateStance(hits, tokens).kept.length, 0);
  const off = disambiguateStance(hits, tokens, { off: ["approximator_quantity"] });
  deepStrictEqual(off.kept.map((h) => h.form), ["about"]);
  throws(() => disambiguateStance(hits, tokens, { off: ["no_such_rule" as StanceRule] }));
});

Deno.test("disambiguateStance() passes other lexicons' hits through", () => {
  const topics = Lexicon.parse({
    name: "topics",
    version: "1.0.0",
    description: "d",
    source: "s",
    licence: "CC0-1.0",
    language: "en",
    entries: [{ term: "about" }],
  });
  const { tokens } = tokenizeText("Think about it.");
  strictEqual(disambiguateStance(matchLexicon(tokens, topics), tokens).kept.length, 1);
});

Deno.test("stanceRates() gives a complete table per voice with rates per 1,000 words", async () => {
  const text = await Deno.readTextFile(new URL("sample.txt", FIXTURES));
  const cut = text.indexOf("\n\n") + 2;
  const { tokens } = tokenizeSegments(text, [
    { voice: "title", start: 0, end: cut, rule: "test" },
    { voice: "body", start: cut, end: text.length, rule: "test" },
  ]);
  const ev = findStance({ text, tokens }, lexicons);
  const rows = stanceRates(ev, tokens, { article: "a1" });
  const categories = stanceCategories(lexicons);
  strictEqual(rows.length, categories.length * 4);
  const row = (category: string, voice: string) =>
    rows.find((r) => r.category === category && r.voice === voice);
  const bodyWords = countWords(tokens, "body");
  // Body: "It is clear that" (booster); "at least", "about" (hedges); "We" (self-mention);
  // "think" before "about" is no booster; "historic" in scare quotes.
  deepStrictEqual(row("hedge", "body"), {
    article: "a1",
    category: "hedge",
    voice: "body",
    hits: 2,
    words: bodyWords,
    per1k: 2 / bodyWords * 1000,
  });
  strictEqual(row("booster", "body")?.hits, 1);
  strictEqual(row("self_mention", "body")?.hits, 1);
  strictEqual(row("scare_quote", "body")?.hits, 1);
  strictEqual(row("hedge", "title")?.hits, 1);
  strictEqual(row("engagement", "body")?.hits, 0);
  strictEqual(row("hedge", "comment")?.per1k, 0);
  strictEqual(row("hedge", "comment")?.words, 0);
  // Each count traces back to evidence of that category and voice.
  const evidenceCount = ev.hits.filter((h) => h.category === "hedge" && h.voice === "body").length;
  strictEqual(evidenceCount, row("hedge", "body")?.hits);
});

Deno.test("scoreHedges() scores hits against cues, in category and without rules", async () => {
  const text = await Deno.readTextFile(new URL("cues.jsonl", FIXTURES));
  const v = scoreHedges(parseCueSentences(text, "cues.jsonl"), lexicons);
  strictEqual(v.n, 5);
  // Hits: about (s1), often (s2), Perhaps (s4); cues: about, think, if, perhaps.
  deepStrictEqual([v.hits, v.hitsMatched, v.cues, v.cuesMatched], [3, 2, 4, 2]);
  strictEqual(v.precision, 2 / 3);
  strictEqual(v.recall, 0.5);
  strictEqual(v.f1, 2 * (2 / 3) * 0.5 / (2 / 3 + 0.5));
  // Only "about" and "perhaps" are words of the hedge category.
  deepStrictEqual([v.inCategory.cues, v.inCategory.recall], [2, 1]);
  // Without rules, "about" in "think about" and "rather than" are hits too.
  deepStrictEqual([v.noRules.hits, v.noRules.hitsMatched], [5, 2]);
  deepStrictEqual(v.topFalsePositives, [["often", 1]]);
  deepStrictEqual(v.topMissed.map(([t]) => t).sort(), ["if", "think"]);
});

Deno.test("validateHedges() names the file and line of a bad row", async () => {
  await rejects(
    validateHedges(new URL("bad_line.jsonl", FIXTURES).pathname),
    (e: Error) => e.name === "InputError" && /bad_line\.jsonl": line 2/.test(e.message),
  );
  await rejects(validateHedges("/no/such/file.jsonl"), { name: "InputError" });
});
