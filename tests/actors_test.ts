import { deepStrictEqual, ok, rejects, strictEqual, throws } from "node:assert/strict";
import { findActorMentions, findMentions } from "../lib/actors/find_mentions.ts";
import { loadActors, parseActors } from "../lib/actors/load.ts";
import { actorScores } from "../lib/actors/actor_scores.ts";
import { ActorScores, type Mention } from "../lib/actors/schema.ts";
import { tokenizeSegments, tokenizeText } from "../lib/tokenize.ts";

const root = new URL("../", import.meta.url);
const fixture = (name: string) => new URL(`tests/fixtures/actors/${name}`, root).pathname;
const lexicon = await loadActors(new URL("data/lexicons/actors.yaml", root).pathname);

/** `[actor, via, form]` of each mention in a text. */
function found(text: string, date?: string): [string, string, string][] {
  const { tokens } = tokenizeText(text);
  return findMentions(tokens, lexicon, { date }).map((m) => [m.actor, m.via, m.form]);
}
const actorsIn = (text: string, date?: string) => found(text, date).map(([a]) => a);

// --- the lexicon file -----------------------------------------------------------------

Deno.test("loadActors() reads the toolkit's actor lexicon with the actors the issue asks for", () => {
  const ids = new Set(lexicon.actors.map((a) => a.id));
  for (
    const id of [
      "putin",
      "tokayev",
      "nazarbayev",
      "macron",
      "erdogan",
      "russia",
      "kazakhstan",
      "france",
      "west",
      "turkey",
      "china",
      "rosatom",
      "likhachev",
    ]
  ) ok(ids.has(id), `missing actor ${id}`);
  ok(lexicon.source.length > 0 && lexicon.licence === "CC0-1.0");
  const likhachev = lexicon.actors.find((a) => a.id === "likhachev");
  deepStrictEqual(likhachev?.represents, ["rosatom"]);
});

Deno.test("loadActors() names file, line, path and what was expected for an unknown kind", async () => {
  await rejects(
    () => loadActors(fixture("bad_kind.yaml")),
    (e: Error & Record<string, unknown>) => {
      strictEqual(e.name, "InputError");
      strictEqual(e.file, fixture("bad_kind.yaml"));
      strictEqual(e.path, "actors[1].kind");
      strictEqual(e.line, 14);
      ok(/expected one of "person", "state"/.test(String(e.expected)), String(e.expected));
      ok(/"building"/.test(e.message), e.message);
      return true;
    },
  );
});

Deno.test("loadActors() reports the line of a YAML syntax error", async () => {
  await rejects(
    () => loadActors(fixture("bad_yaml.yaml")),
    (e: Error & Record<string, unknown>) => {
      strictEqual(e.name, "InputError");
      ok(typeof e.line === "number" && e.line >= 11, `line ${e.line}`);
      ok(/expected valid YAML/.test(e.message), e.message);
      return true;
    },
  );
});

Deno.test("loadActors() rejects two holders of one title at the same time", async () => {
  await rejects(
    () => loadActors(fixture("overlapping_titles.yaml")),
    (e: Error & Record<string, unknown>) => {
      strictEqual(e.path, "actors[1].titles[0]");
      ok(/not to overlap in time/.test(e.message), e.message);
      ok(/nazarbayev/.test(e.message), e.message);
      return true;
    },
  );
});

Deno.test("loadActors() rejects an alias that names two actors (JSON file)", async () => {
  await rejects(
    () => loadActors(fixture("shared_alias.json")),
    (e: Error & Record<string, unknown>) => {
      strictEqual(e.path, "actors[1].aliases[0]");
      ok(/already a form of "russia"/.test(e.message), e.message);
      return true;
    },
  );
});

Deno.test("loadActors() rejects reversed and malformed dates and unknown represented actors", async () => {
  await rejects(
    () => loadActors(fixture("bad_date.yaml")),
    (e: Error & Record<string, unknown>) => {
      strictEqual(e.name, "InputError");
      // All three problems are listed; the first one names its path.
      ok(/represents\[0\]|titles\[0\]|titles\[1\]/.test(String(e.path)), String(e.path));
      ok(/"kremlin"/.test(e.message), e.message);
      ok(/"to" after "from"/.test(e.message), e.message);
      ok(/YYYY-MM-DD/.test(e.message), e.message);
      return true;
    },
  );
});

Deno.test("loadActors() rejects broken JSON, a missing file and another extension", async () => {
  await rejects(() => loadActors(fixture("broken.json")), { name: "InputError", line: 1 });
  await rejects(() => loadActors(fixture("no_such_file.yaml")), { name: "InputError" });
  await rejects(() => loadActors(fixture("actors.txt")), /expected a file name ending in/);
});

Deno.test("parseActors() fills defaults and accepts a bare year as a date", () => {
  const lex = parseActors(
    "name: t\nversion: 1.0.0\ndescription: d\nsource: s\nlicence: CC0-1.0\nlanguage: en\n" +
      "actors:\n  - { id: a, name: A, kind: person, titles: [{ term: boss, from: 2001 }] }\n",
  );
  strictEqual(lex.actors[0].titles[0].from, "2001");
  deepStrictEqual(lex.actors[0].aliases, []);
  deepStrictEqual(lex.actingNouns, []);
});

// --- titles bound to time ----------------------------------------------------------------

Deno.test("findMentions() binds a title to the holder on the article date", () => {
  deepStrictEqual(found("The Kazakh president gave an interview.", "2023-11-10"), [
    ["tokayev", "title", "Kazakh president"],
  ]);
  deepStrictEqual(actorsIn("The Kazakh president gave an interview.", "2010-06-01"), [
    "nazarbayev",
  ]);
});

Deno.test("findMentions() binds a title to a year named in its sentence", () => {
  deepStrictEqual(actorsIn("Back in 1994, the Kazakh president spoke in Moscow.", "2023-11-11"), [
    "nazarbayev",
    "russia",
  ]);
  deepStrictEqual(actorsIn("In 1994 the Kazakh president spoke."), ["nazarbayev"]);
  // The year binds only its own sentence.
  deepStrictEqual(actorsIn("That was in 1994. The Kazakh president spoke.", "2023-11-11"), [
    "tokayev",
  ]);
});

Deno.test("findMentions() counts 'three decades ago' back from the article date", () => {
  const { tokens } = tokenizeText(
    "What the Kazakh president said almost three decades ago sounds right.",
  );
  const [m] = findMentions(tokens, lexicon, { date: "2023-11-11" });
  strictEqual(m.actor, "nazarbayev");
  ok(/1993/.test(m.basis ?? ""), String(m.basis));
});

Deno.test("findMentions() gives a year-only date to the holder who held the title longer that year", () => {
  // Nazarbayev held it until 20 March 2019, Tokayev for the rest of 2019.
  deepStrictEqual(actorsIn("The Kazakh president spoke.", "2019"), ["tokayev"]);
  deepStrictEqual(actorsIn("The Kazakh president spoke.", "2019-02"), ["nazarbayev"]);
  deepStrictEqual(actorsIn("The Russian president spoke.", "2010-01-01T12:00:00Z"), ["medvedev"]);
});

Deno.test("findActorMentions() reports a title it cannot bind, and its tokens stay taken", () => {
  const { tokens } = tokenizeText("The Kazakh president spoke.");
  const { mentions, unresolved } = findActorMentions(tokens, lexicon);
  deepStrictEqual(mentions, []);
  strictEqual(unresolved.length, 1);
  strictEqual(unresolved[0].form, "Kazakh president");
  deepStrictEqual([...unresolved[0].candidates].sort(), ["nazarbayev", "tokayev"]);
  ok(/no date/.test(unresolved[0].reason));
  // A title with one holder and no dates needs no date.
  deepStrictEqual(actorsIn("The first president of Kazakhstan spoke."), ["nazarbayev"]);
});

Deno.test("findMentions() rejects an article date that is not ISO", () => {
  const { tokens } = tokenizeText("Putin spoke.");
  throws(() => findMentions(tokens, lexicon, { date: "10.11.2023" }), RangeError);
  throws(() => findMentions(tokens, lexicon, { date: "2023-13-01" }), /"2023-13-01"/);
});

// --- metonyms, adjectives, possessives -----------------------------------------------------

Deno.test("findMentions() reads metonyms as the state", () => {
  deepStrictEqual(found("This is a kind of blackmail of the Kremlin."), [[
    "russia",
    "metonym",
    "Kremlin",
  ]]);
  deepStrictEqual(found("Russians became hostages of Akorda."), [[
    "kazakhstan",
    "metonym",
    "Akorda",
  ]]);
  deepStrictEqual(
    actorsIn("Official Astana and official Paris agreed, Washington and Beijing too."),
    [
      "kazakhstan",
      "france",
      "west",
      "china",
    ],
  );
});

Deno.test("findMentions() counts an adjective only where the state acts", () => {
  deepStrictEqual(found("Despite Western sanctions, trade grew."), [[
    "west",
    "adjective",
    "Western",
  ]]);
  deepStrictEqual(found("They teach the Russian language to Russian-speaking people."), []);
  deepStrictEqual(found("Astana is a hub for circumventing anti-Russian sanctions."), [
    ["kazakhstan", "metonym", "Astana"],
  ]);
  deepStrictEqual(actorsIn("Long-standing Turkish and emerging French expansion worries Moscow."), [
    "turkey",
    "france",
    "russia",
  ]);
  deepStrictEqual(actorsIn("French and English teachers work with Russian products."), []);
  const [m] = findMentions(tokenizeText("The Russian side agreed.").tokens, lexicon);
  ok(/"side"/.test(m.basis ?? ""), String(m.basis));
});

Deno.test("findMentions() marks possessives and covers the 's", () => {
  const text = "Companies tied to Tokayev’s team and Russia's role grew; Moscow’s primacy waned.";
  deepStrictEqual(found(text), [
    ["tokayev", "possessive", "Tokayev’s"],
    ["russia", "possessive", "Russia's"],
    ["russia", "possessive", "Moscow’s"],
  ]);
  const { tokens } = tokenizeText(text);
  const [m] = findMentions(tokens, lexicon);
  strictEqual(text.slice(m.start, m.end), "Tokayev’s");
});

// --- pronouns ---------------------------------------------------------------------------

Deno.test("findMentions() binds he/his/him to the last person in the sentence or the one before", () => {
  deepStrictEqual(found("Emmanuel Macron visited Astana with his scientists."), [
    ["macron", "alias", "Emmanuel Macron"],
    ["kazakhstan", "metonym", "Astana"],
    ["macron", "pronoun", "his"],
  ]);
  // The last person named before the pronoun wins.
  deepStrictEqual(actorsIn("Tokayev met Putin and thanked him."), ["tokayev", "putin", "putin"]);
  // One sentence back, and on along a chain of pronouns.
  deepStrictEqual(actorsIn("Putin came to Astana. What did he achieve? He signed deals."), [
    "putin",
    "kazakhstan",
    "putin",
    "putin",
  ]);
  // Two sentences back is too far; a state is never a person.
  deepStrictEqual(actorsIn("Putin came. It rained a lot. He left."), ["putin"]);
  deepStrictEqual(actorsIn("Russia spoke. He left."), ["russia"]);
  // A she-pronoun does not go to a he-person.
  deepStrictEqual(actorsIn("Putin came and she left."), ["putin"]);
});

Deno.test("findMentions() does not carry a pronoun across segments when sentences are given", () => {
  const text = "Tokayev spoke.\nHe smiled.";
  const { tokens, sentences } = tokenizeSegments(text, [
    { voice: "comment", start: 0, end: 15, rule: "test" },
    { voice: "comment", start: 15, end: text.length, rule: "test" },
  ]);
  deepStrictEqual(findMentions(tokens, lexicon, { sentences }).map((m) => m.via), ["alias"]);
  deepStrictEqual(findMentions(tokens, lexicon).map((m) => m.via), ["alias", "pronoun"]);
  deepStrictEqual(findMentions(tokens, lexicon, { pronouns: false }).map((m) => m.via), ["alias"]);
});

// --- each actor: must and must-not ----------------------------------------------------------

const MUST: [string, string, string][] = [
  ["putin", "Vladimir Putin arrived.", "alias"],
  ["putin", "The Russian leader arrived.", "title"],
  ["tokayev", "KAsym-Jomart Tokayev called on Western countries.", "alias"],
  ["tokayev", "Kassym-Jomart Kemelevich supports the process.", "alias"],
  ["nazarbayev", "Nursultan Nazarbayev relied on multi-vector policy.", "alias"],
  ["macron", "The President of France signed documents.", "title"],
  ["erdogan", "At the call of Recep Erdogan, an alphabet was adopted.", "alias"],
  ["erdogan", "The Turkish president spoke.", "title"],
  ["russia", "FifthlyRussia intends to deepen cooperation.", "alias"],
  ["russia", "Talks went well andRussia agreed.", "alias"],
  ["russia", "It goes to the Russian Federation.", "alias"],
  ["kazakhstan", "Nuclear plans of the Republic of Kazakhstan remain vague.", "alias"],
  ["kazakhstan", "Kazakh officials used the same words.", "adjective"],
  ["france", "France’s foreign policy efforts grew.", "possessive"],
  ["west", "There is pressure from the US and the EU.", "alias"],
  ["west", "Room for maneuver with Western partners.", "alias"],
  ["turkey", "Ankara welcomed it.", "metonym"],
  ["china", "Oil goes to neighboring China.", "alias"],
  ["rosatom", "The contract will be signed with Rosatom.", "alias"],
  ["likhachev", "Rosatom General Director Alexey Likhachev made it clear.", "title"],
];

const MUST_NOT: [string, string][] = [
  ["russia", "He spoke at Moscow State University at 9:23 Moscow time."],
  ["russia", "Russians and Russian-speaking people became hostages."],
  ["russia", "Russian teachers will teach the Russian language."],
  ["kazakhstan", "Three days before, in the North Kazakhstan region, a trial began."],
  ["kazakhstan", "He gave an interview to Kazakhstanskaya Pravda."],
  ["turkey", "They opened a park and “Turkey” Avenue."],
  ["turkey", "An alphabet based on the Turkish language."],
  ["west", "Please help us, said the western wind."],
  ["west", "Despite promises on Western sites to respect the rules."],
  ["france", "There are French and English teachers."],
  ["china", "Chinese food is popular."],
  ["china", "PetroChina shares rose."],
  ["china", "They served fine china."],
  ["turkey", "We ate turkey for dinner."],
  ["kazakhstan", "The President of the Republic of Kazakhstan spoke."],
];

Deno.test("findMentions() finds each actor where it must", () => {
  for (const [actor, text, via] of MUST) {
    const hits = found(text, "2023-11-11").filter(([a]) => a === actor);
    ok(hits.length > 0, `${actor} not found in ${JSON.stringify(text)}`);
    strictEqual(hits[0][1], via, `${actor} in ${JSON.stringify(text)}`);
  }
});

Deno.test("findMentions() does not find an actor where it must not", () => {
  for (const [actor, text] of MUST_NOT) {
    const hits = found(text, "2023-11-11").filter(([a]) => a === actor);
    deepStrictEqual(hits, [], `${actor} wrongly found in ${JSON.stringify(text)}`);
  }
});

Deno.test("findMentions() lets the longest form win and never counts a token twice", () => {
  deepStrictEqual(found("The President of the Republic of Kazakhstan spoke.", "2023-11-10"), [
    ["tokayev", "title", "President of the Republic of Kazakhstan"],
  ]);
  deepStrictEqual(found("Rosatom General Director Alexey Likhachev spoke.", "2023-11-11"), [
    ["likhachev", "title", "Rosatom General Director"],
    ["likhachev", "alias", "Alexey Likhachev"],
  ]);
});

Deno.test("findMentions() on the two corpus articles: offsets match forms, no overlaps, key cases", async () => {
  const cases = [
    ["politnavigator-2023-11-10.txt", "2023-11-10"],
    ["topwar-2023-11-11.txt", "2023-11-11"],
  ];
  const byFile: Record<string, { text: string; mentions: Mention[] }> = {};
  for (const [file, date] of cases) {
    const text = await Deno.readTextFile(new URL(`data/corpus/${file}`, root));
    const { tokens } = tokenizeText(text);
    const mentions = findMentions(tokens, lexicon, { date });
    byFile[file] = { text, mentions };
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i];
      ok(m.start < m.end && m.tokenStart < m.tokenEnd);
      if (i > 0) ok(mentions[i - 1].tokenEnd <= m.tokenStart, `overlap at ${m.start}`);
      strictEqual(text.slice(m.start, m.end).replace(/\s+/g, " "), m.form);
    }
    ok(!mentions.some((m) => text.slice(m.start, m.end + 9) === "Russian language"));
  }
  const pn = byFile["politnavigator-2023-11-10.txt"];
  const pnTitle = pn.mentions.filter((m) => m.form === "Kazakh president");
  ok(pnTitle.length >= 1 && pnTitle.every((m) => m.actor === "tokayev"));
  ok(pn.mentions.some((m) => m.actor === "russia" && m.form === "Kremlin"));
  ok(pn.mentions.some((m) => m.actor === "kazakhstan" && m.form === "Akorda"));
  ok(pn.mentions.some((m) => m.actor === "tokayev" && m.via === "possessive"));
  ok(
    !pn.mentions.some((m) =>
      m.actor === "turkey" && pn.text.slice(m.end, m.end + 8).includes("Avenue")
    ),
  );
  const tw = byFile["topwar-2023-11-11.txt"];
  deepStrictEqual(tw.mentions.filter((m) => m.form === "Kazakh president").map((m) => m.actor), [
    "nazarbayev",
  ]);
  ok(
    tw.mentions.some((m) =>
      m.actor === "russia" && m.form === "Russia" &&
      tw.text.slice(m.start - 7, m.start) === "Fifthly"
    ),
  );
  ok(tw.mentions.some((m) => m.actor === "west" && m.via === "adjective" && m.form === "Western"));
  ok(!tw.mentions.some((m) => tw.text.slice(m.start, m.start + 23) === "Moscow State University"));
});

// --- aggregation --------------------------------------------------------------------------

Deno.test("actorScores() aggregates per actor and voice with a fake scorer, output matches its schema", () => {
  const text = "Putin praised Tokayev. Putin attacked the West.";
  const { tokens } = tokenizeText(text);
  const mentions = findMentions(tokens, lexicon);
  const quoteMention: Mention = { ...mentions[0], voice: "quote" };
  const fake = (m: Mention) => ({
    score: m.sentence === 0 ? 0.6 : -0.4,
    evidence: [{ sentence: m.sentence }],
  });
  const out = actorScores([...mentions, quoteMention], fake, { seed: 5, resamples: 500 });
  ActorScores.parse(out);
  deepStrictEqual(out.rows.map((r) => [r.actor, r.voice, r.mentions]), [
    ["putin", "body", 2],
    ["putin", "quote", 1],
    ["tokayev", "body", 1],
    ["west", "body", 1],
  ]);
  const putin = out.rows[0];
  ok(Math.abs(putin.score - 0.1) < 1e-12);
  deepStrictEqual([putin.positive, putin.negative], [1, 1]);
  ok(putin.ci![0] <= putin.score && putin.score <= putin.ci![1]);
  ok(putin.ci![0] >= -0.4 && putin.ci![1] <= 0.6);
  strictEqual(out.evidence.length, 5);
  deepStrictEqual(out.evidence[0].evidence, [{ sentence: 0 }]);
});

Deno.test("actorScores() is deterministic for a seed and does not depend on mention order", () => {
  const text = Array.from({ length: 15 }, (_, i) => `Putin spoke ${i} times. Russia agreed.`).join(
    " ",
  );
  const { tokens } = tokenizeText(text);
  const mentions = findMentions(tokens, lexicon);
  const fake = (m: Mention) => ({ score: Math.sin(m.start) * 0.8, evidence: [] });
  const a = actorScores(mentions, fake, { seed: 11 });
  const b = actorScores([...mentions].reverse(), fake, { seed: 11 });
  deepStrictEqual(a.rows, b.rows);
  const c = actorScores(mentions, fake, { seed: 12 });
  ok(a.rows.some((r, i) => r.ci![0] !== c.rows[i].ci![0] || r.ci![1] !== c.rows[i].ci![1]));
});

Deno.test("actorScores() treats the neutral band as neither positive nor negative", () => {
  const { tokens } = tokenizeText("Putin spoke. Putin left. Putin came. Putin went.");
  const mentions = findMentions(tokens, lexicon);
  const values = [0.05, -0.05, 0.0501, -0.2];
  const out = actorScores(mentions, (m) => ({ score: values[m.sentence], evidence: [] }), {
    neutral: 0.05,
  });
  deepStrictEqual([out.rows[0].positive, out.rows[0].negative], [1, 1]);
  // Only the two mentions outside the band evaluate, and only they make the stance.
  strictEqual(out.rows[0].evaluating, 2);
  strictEqual(out.rows[0].evaluatingShare, 0.5);
  strictEqual(out.rows[0].stance, (0.0501 - 0.2) / 3);
  const wide = actorScores(mentions, (m) => ({ score: values[m.sentence], evidence: [] }), {
    neutral: 0.3,
  });
  deepStrictEqual([wide.rows[0].positive, wide.rows[0].negative], [0, 0]);
  deepStrictEqual([wide.rows[0].stance, ...wide.rows[0].stanceCi!], [0, 0, 0]);
});

Deno.test("actorScores() keeps three strong judgements among twenty neutral mentions", () => {
  const text = Array.from({ length: 23 }, () => "Putin spoke.").join(" ");
  const mentions = findMentions(tokenizeText(text).tokens, lexicon);
  const score = (m: Mention) => ({ score: m.sentence % 8 === 0 ? -0.8 : 0.01, evidence: [] });
  const row = actorScores(mentions, score).rows[0];
  strictEqual(row.mentions, 23);
  strictEqual(row.evaluating, 3);
  // The mean drowns the judgements; the stance keeps them (−2.4 / (3 + 1)).
  ok(Math.abs(row.score) < 0.1);
  strictEqual(Math.round(row.stance * 1000) / 1000, -0.6);
  ok(row.stanceCi![0] < row.stance && row.stanceCi![1] <= 0);
});

Deno.test("actorScores() resamples whole sentences when asked", () => {
  const { tokens } = tokenizeText("Putin met Putin and Putin. Putin left.");
  const mentions = findMentions(tokens, lexicon);
  const fake = (m: Mention) => ({ score: m.sentence === 0 ? 1 : -1, evidence: [] });
  const out = actorScores(mentions, fake, { unit: "sentence", seed: 2 });
  strictEqual(out.method.unit, "sentence");
  // Two sentences: resampled means are 1, -1 or (3 - 1) / 4 = 0.5: never 0.
  ok(out.rows[0].ci![0] === -1 && out.rows[0].ci![1] === 1);
  strictEqual(out.rows[0].score, 0.5);
});

Deno.test("actorScores() rejects a non-finite score, naming the mention", () => {
  const { tokens } = tokenizeText("Putin spoke.");
  const mentions = findMentions(tokens, lexicon);
  throws(() => actorScores(mentions, () => ({ score: NaN, evidence: [] })), /"Putin" of "putin"/);
  throws(
    () => actorScores(mentions, () => ({ score: 0, evidence: [] }), { neutral: -1 }),
    RangeError,
  );
});

Deno.test("findMentions() never overlaps mentions or crosses sentences, on random texts", async () => {
  const fc = (await import("fast-check")).default;
  const pool = [
    "Putin",
    "Tokayev",
    "’s",
    "the",
    "Kazakh",
    "president",
    "Russian",
    "sanctions",
    "language",
    "Moscow",
    "State",
    "University",
    "he",
    "his",
    "she",
    "and",
    "in",
    "1994",
    "“",
    "”",
    "Western",
    "partners",
    "US",
    "us",
    "of",
    "Republic",
    "Kazakhstan",
    "President",
    "FifthlyRussia",
    "-",
    ".",
    ",",
  ];
  const persons = new Set(lexicon.actors.filter((a) => a.kind === "person").map((a) => a.id));
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...pool), { maxLength: 40 }),
      fc.boolean(),
      (words, dated) => {
        const text = words.join(" ");
        const { tokens } = tokenizeText(text);
        const mentions = findMentions(tokens, lexicon, { date: dated ? "2023-11-10" : undefined });
        mentions.forEach((m, i) => {
          ok(m.start < m.end && m.tokenStart < m.tokenEnd && m.end <= text.length);
          strictEqual(tokens[m.tokenStart].sentence, tokens[m.tokenEnd - 1].sentence);
          if (i > 0) ok(mentions[i - 1].tokenEnd <= m.tokenStart);
          if (m.via === "pronoun") ok(persons.has(m.actor));
        });
      },
    ),
    { numRuns: 300, seed: 20231110 },
  );
});

Deno.test("findMentions() keys tokens with white space or a capital sigma as a whole stretch", () => {
  const lex = parseActors(`
name: demo
version: 1.0.0
description: Demo.
source: written for this test
licence: CC0-1.0
language: en
actors:
  - { id: envoy, name: Envoy, kind: person, aliases: [so called envoy] }
  - { id: odosa, name: Odosa, kind: state, aliases: [ΟΔΟΣΑ] }
`);
  const text = "The so called envoy met ΟΔΟΣΑ.";
  const base = tokenizeText(text).tokens;
  // One token holding a space ("so called"), and "ΟΔΟΣ" + "Α" touching: lower-cased
  // whole, the sigma is not final ("οδοσα"); token by token it would be ("οδος" + "α").
  const so = base.findIndex((t) => t.text === "so");
  const greek = base.findIndex((t) => t.text === "ΟΔΟΣΑ");
  const tokens = [
    ...base.slice(0, so),
    { ...base[so], text: "so called", lower: "so called", end: base[so + 1].end },
    ...base.slice(so + 2, greek),
    { ...base[greek], text: "ΟΔΟΣ", lower: "οδος", end: base[greek].start + 4 },
    { ...base[greek], text: "Α", lower: "α", start: base[greek].start + 4 },
    ...base.slice(greek + 1),
  ];
  deepStrictEqual(findMentions(tokens, lex).map((m) => [m.actor, m.form]), [
    ["envoy", "so called envoy"],
    ["odosa", "ΟΔΟΣΑ"],
  ]);
});

Deno.test("findMentions() reads 'constructor' and other object keys as no pronoun", () => {
  const lex = parseActors(`
name: demo
version: 1.0.0
description: Demo.
source: written for this test
licence: CC0-1.0
language: en
actors:
  - { id: tokayev, name: Tokayev, kind: person, pronoun: he, aliases: [Tokayev] }
`);
  const { tokens } = tokenizeText("Tokayev spoke. constructor toString he");
  deepStrictEqual(findMentions(tokens, lex).map((m) => [m.via, m.form]), [
    ["alias", "Tokayev"],
    ["pronoun", "he"],
  ]);
});
