/**
 * Actor discovery: names no actor covers, merged, counted per voice, with a
 * guessed kind; the draft actor file loads and adds the actors.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { draftActorFile } from "../lib/actors/draft.ts";
import { parseActors } from "../lib/actors/load.ts";
import { findMentions } from "../lib/actors/find_mentions.ts";
import { NameCounter, suggestActors } from "../lib/actors/suggest.ts";
import { commonWords, uncoveredNames } from "../lib/actors/uncovered.ts";
import { termKey, termOf } from "../lib/actors/schema.ts";
import { main } from "../lib/cli/actors.ts";
import { loadCorpus, loadResources, tokenizeText } from "../lib/mod.ts";
import type { Article } from "../lib/article.ts";

const ARTICLES = "tests/fixtures/your_articles";

const article = (id: string, text: string, date?: string): Article => ({
  meta: { id, language: "en", inferred: [], ...(date ? { date } : {}) },
  text,
  origin: "test",
  warnings: [],
});

async function quietly<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const [log, error] = [console.log, console.error];
  console.log = (...a: unknown[]) => out.push(a.join(" "));
  console.error = (...a: unknown[]) => err.push(a.join(" "));
  try {
    return { value: await fn(), out, err };
  } finally {
    [console.log, console.error] = [log, error];
  }
}

Deno.test("suggestActors() finds the invented event's people, state and organisations, with their kinds", async () => {
  const corpus = await loadCorpus([ARTICLES]);
  const names = suggestActors(corpus.articles, (await loadResources()).actors, {
    common: await commonWords(),
  });
  const by = new Map(names.map((n) => [n.name, n]));
  const okafor = by.get("Tomas Okafor");
  ok(okafor, names.map((n) => n.name).join(", "));
  strictEqual(okafor.kind, "person");
  strictEqual(okafor.pronoun, "he");
  // Full name, surname and possessive ("Okafor's ministry") are one name.
  deepStrictEqual(okafor.forms, ["Tomas Okafor", "Okafor"]);
  strictEqual(by.get("Mara Lindqvist")?.pronoun, "she");
  strictEqual(by.get("Elena Sorvik")?.kind, "person");
  strictEqual(by.get("Halden Shipping Group")?.kind, "organisation");
  ok(by.get("Halden Shipping Group")!.forms.includes("Halden"));
  strictEqual(by.get("Velmora Dockworkers Union")?.kind, "organisation");
  strictEqual(by.get("Ostria")?.kind, "state");
  // Sentence-initial common words, weekdays and titles are not names.
  for (
    const word of [
      "Critics",
      "Farmers",
      "Thousands",
      "Economists",
      "Port",
      "Monday",
      "Transport",
      "Minister",
    ]
  ) {
    ok(!names.some((n) => n.forms.includes(word)), `${word} suggested`);
  }
  // Counts add up across articles and voices.
  for (const n of names) {
    strictEqual(n.articles.reduce((s, a) => s + a.count, 0), n.count);
  }
});

Deno.test("suggestActors() keeps the author's names apart from those of quotes", async () => {
  const text = "Harbour talks\n\nThe mediator Ilse Marwen met the strikers on Friday. " +
    'Marwen said: "Doran Kell has let the workers down, and Doran Kell knows it." ' +
    "She left the harbour at noon.";
  const names = suggestActors([article("q", text)], (await loadResources()).actors);
  const marwen = names.find((n) => n.name === "Ilse Marwen")!;
  strictEqual(marwen.voices.author, 2);
  strictEqual(marwen.voices.quote, 0);
  strictEqual(marwen.pronoun, "she");
  const kell = names.find((n) => n.name === "Doran Kell")!;
  strictEqual(kell.voices.quote, 2);
  strictEqual(kell.voices.author, 0);
  strictEqual(kell.example.voice, "quote");
});

Deno.test("actors suggest data/corpus lists no name the bundled actor file covers, and its draft loads", async () => {
  const resources = await loadResources();
  const corpus = await loadCorpus(["data/corpus"]);
  const names = await uncoveredNames(corpus, resources, { limit: 1000, min: 1 });
  ok(names.length > 0);
  const terms = new Set(
    resources.actors.actors.flatMap((a) =>
      [...a.aliases, ...a.metonyms, ...a.adjectives, ...a.titles, ...a.exclude].map((t) =>
        termKey(termOf(t).term)
      )
    ),
  );
  for (const n of names) {
    for (const form of n.forms) {
      ok(!terms.has(termKey(form)), `${form} is a term of the actor file`);
      const { tokens } = tokenizeText(`${form} spoke.`);
      deepStrictEqual(findMentions(tokens, resources.actors, { date: "2023-11-10" }), [], form);
    }
  }
  const dir = await Deno.makeTempDir();
  const { value: code, out } = await quietly(() =>
    main(["suggest", "data/corpus", "--min", "1", "--out", `${dir}/draft.yaml`])
  );
  strictEqual(code, 0);
  ok(out.join("\n").includes("In the author's text"));
  const withDraft = await loadResources({ addActors: [`${dir}/draft.yaml`] });
  strictEqual(withDraft.actors.actors.length, resources.actors.actors.length + names.length);
});

Deno.test("actors suggest --out drafts an actor file whose actors the analysis then finds", async () => {
  const dir = await Deno.makeTempDir();
  const { value: code, out } = await quietly(() =>
    main(["suggest", ARTICLES, "--out", `${dir}/draft.yaml`])
  );
  strictEqual(code, 0);
  ok(out.join("\n").includes("Tomas Okafor"));
  const resources = await loadResources({ addActors: [`${dir}/draft.yaml`] });
  const okafor = resources.actors.actors.find((a) => a.name === "Tomas Okafor")!;
  strictEqual(okafor.kind, "person");
  strictEqual(okafor.pronoun, "he");
  // With the draft added, the names are covered: nothing is suggested again.
  const again = await uncoveredNames(await loadCorpus([ARTICLES]), resources, { limit: 100 });
  ok(
    !again.some((n) => n.name === "Tomas Okafor" || n.name === "Ostria"),
    again.map((n) => n.name).join(),
  );
  // Bad use.
  strictEqual((await quietly(() => main(["suggest"]))).value, 2);
  strictEqual((await quietly(() => main(["list", ARTICLES]))).value, 2);
  strictEqual((await quietly(() => main(["suggest", ARTICLES, "--min", "0"]))).value, 2);
});

Deno.test("draftActorFile() gives unique ids, keeps clear of the ids in use, and refuses no names", async () => {
  const resources = await loadResources();
  const counter = new NameCounter(resources.actors);
  counter.add(article("a", "Talks\n\nAnalyst Vera Kolm met Tokayev. Kolm said so."));
  const [kolm] = counter.suggestions();
  strictEqual(kolm.name, "Vera Kolm");
  strictEqual(kolm.kind, "person");
  // A name whose id is taken ("tokayev") gets another; two names never share an id.
  const yaml = draftActorFile(
    [kolm, { ...kolm, name: "Tokayev", forms: ["Tokayev Street Fund"] }, {
      ...kolm,
      name: "Vera  Kolm!",
      forms: ["Kolm Trust"],
    }],
    { existing: resources.actors },
  );
  const lex = parseActors(yaml);
  deepStrictEqual(lex.actors.map((a) => a.id), ["vera_kolm", "tokayev_2", "vera_kolm_2"]);
  let threw = false;
  try {
    draftActorFile([]);
  } catch (e) {
    threw = e instanceof RangeError;
  }
  ok(threw);
});
