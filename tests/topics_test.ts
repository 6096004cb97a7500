import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { loadLexicon } from "../lib/lexicon/load.ts";
import { matchLexicon } from "../lib/lexicon/match.ts";
import { Lexicon, lexiconCategories, type LexiconEntryInput } from "../lib/lexicon/schema.ts";
import { kwic, KwicRow } from "../lib/metrics/kwic.ts";
import { TopicRate, topicRates } from "../lib/metrics/topics.ts";
import { countWords, isWord } from "../lib/metrics/word_count.ts";
import { tokenizeSegments, tokenizeText } from "../lib/tokenize.ts";

const TOPICS = await loadLexicon(
  new URL("../data/lexicons/topics.yaml", import.meta.url).pathname,
);

/** Matched forms of one topic in a sentence. */
function topicForms(text: string, topic: string): string[] {
  return matchLexicon(tokenizeText(text).tokens, TOPICS, { text })
    .filter((h) => h.category === topic)
    .map((h) => h.form);
}

const REQUIRED = [
  "energy",
  "language_policy",
  "sanctions_transit",
  "trade_economy",
  "history_memory",
  "turkic_integration",
  "security_military",
  "education",
  "geopolitics",
];

Deno.test("topics.yaml declares the nine topics and uses each of them", () => {
  deepStrictEqual(lexiconCategories(TOPICS), REQUIRED);
  const used = new Set(TOPICS.entries.flatMap((e) => e.categories ?? []));
  for (const topic of REQUIRED) ok(used.has(topic), topic);
  strictEqual(TOPICS.licence, "CC0-1.0");
  ok(TOPICS.source.includes("Written for this toolkit"));
});

/** Per topic: [sentence, the forms that must be found], and sentences that must find nothing. */
const MUST: Record<string, { match: [string, string[]][]; not: string[] }> = {
  energy: {
    match: [
      ["Russia will build three coal-fired thermal power plants.", [
        "coal-fired",
        "thermal power plants",
      ]],
      ["Kazakhstan is number one in uranium mining.", ["uranium mining"]],
      ["The nuclear power plant may be built by Rosatom.", ["nuclear power plant", "Rosatom"]],
      ["Oil and gas supplies go through the pipeline.", ["Oil and gas", "pipeline"]],
    ],
    not: ["Political power shifted as volunteers plant trees.", "The president gave a speech."],
  },
  language_policy: {
    match: [
      ["The transition of writing from Cyrillic to Latin began.", ["Cyrillic", "Latin"]],
      ["Language patrols target Russian-speaking residents.", [
        "Language patrols",
        "Russian-speaking",
      ]],
      ["The state language and the Russian language have equal status.", [
        "state language",
        "Russian language",
      ]],
    ],
    not: ["Trade with Latin America grew.", "He spoke to the Kazakh president."],
  },
  sanctions_transit: {
    match: [
      ["Astana remains the main transit point for circumventing anti-Russian sanctions.", [
        "circumventing",
        "anti-Russian sanctions",
      ]],
      ["The gray re-export continues.", ["gray re-export"]],
      ["Parallel imports bring sanctioned goods into the country.", [
        "Parallel imports",
        "sanctioned goods",
      ]],
      ["Traders handle the transit of sanctioned goods to Russia.", [
        "transit of sanctioned goods",
      ]],
    ],
    not: [
      "The minister spoke sanctimoniously.",
      "Legal limits were eased.",
      // A route, corridor or pipeline without a sanctions angle is trade or energy.
      "The Trans-Caspian route bypasses Russia.",
      "The new gas pipeline will carry gas through the Caspian Pipeline Consortium.",
      "Freight on the Middle Corridor doubled as a new transit hub opened.",
    ],
  },
  trade_economy: {
    match: [
      ["The volume of trade turnover is growing.", ["volume of trade turnover"]],
      ["Kazakh companies export fertilizers.", ["companies", "export", "fertilizers"]],
      ["Freight on the Middle Corridor doubled.", ["Freight", "Middle Corridor"]],
      ["The Trans-Caspian route bypasses Russia.", ["Trans-Caspian route", "bypasses Russia"]],
    ],
    not: ["The sanctions were lifted.", "They met in Kostanay."],
  },
  history_memory: {
    match: [
      ["The revision of history counts the Holodomor from 1917.", [
        "revision of history",
        "Holodomor",
      ]],
      ["Victims of political repressions were rehabilitated.", [
        "Victims of political repressions",
        "rehabilitated",
      ]],
      ["They are renaming streets and erecting monuments.", ["renaming", "monuments"]],
    ],
    not: ["Putin's historic visit to Kazakhstan.", "The memorandum was signed."],
  },
  turkic_integration: {
    match: [
      ["The summit of the Organization of Turkic States (OTS) was held.", [
        "Organization of Turkic States",
        "OTS",
      ]],
      ["He flirted with pan-Turkic ideas.", ["pan-Turkic"]],
    ],
    not: ["The president of Turkey visited Ankara.", "Costs went up."],
  },
  security_military: {
    match: [
      [
        "They deepen cooperation in military personnel training and licensed production of weapons.",
        [
          "military personnel training",
          "licensed production",
          "weapons",
        ],
      ],
      ["The CSTO sent peacekeepers.", ["CSTO", "peacekeepers"]],
    ],
    not: ["This ensures global food security.", "Energy security matters."],
  },
  education: {
    match: [
      ["Branches of Russian technical universities will open.", ["technical universities"]],
      ["Three new Russian-language schools will be opened.", ["Russian-language schools"]],
      ["Teachers from Russia will teach Russian.", ["Teachers", "teach"]],
    ],
    not: ["The study found nothing.", "The training of troops began."],
  },
  geopolitics: {
    match: [
      ["Nazarbayev relied on the multi-vector approach.", ["multi-vector"]],
      ["This prevents the region from sliding towards the West.", ["the West"]],
      ["Russia is a strategic partner and ally.", ["strategic partner", "ally"]],
    ],
    not: ["They drove west of the city.", "The wind blew from the west."],
  },
};

for (const [topic, { match, not }] of Object.entries(MUST)) {
  Deno.test(`topics.yaml ${topic} matches what it must and not what it must not`, () => {
    for (const [sentence, forms] of match) {
      deepStrictEqual(topicForms(sentence, topic), forms, sentence);
    }
    for (const sentence of not) deepStrictEqual(topicForms(sentence, topic), [], sentence);
  });
}

Deno.test("topics.yaml does not count evaluative or actor words as topics", () => {
  const text = "Putin’s historic visit to Turkey and China was a kind of blackmail of the Kremlin.";
  deepStrictEqual(matchLexicon(tokenizeText(text).tokens, TOPICS), []);
});

function lexicon(entries: LexiconEntryInput[]): Lexicon {
  return Lexicon.parse({
    name: "t",
    version: "1.0.0",
    description: "d",
    source: "s",
    licence: "CC0-1.0",
    language: "en",
    entries,
  });
}

/** A title and a body with a quote: the voices the rows are grouped by. */
function sample() {
  const text = "Coal plan\n\nThe power plant burns coal. Trade grows fast. " +
    "“Coal is cheap,” he said.";
  const quoteStart = text.indexOf("“");
  const quoteEnd = text.indexOf("”") + 1;
  const tokenized = tokenizeSegments(text, [
    { voice: "title", start: 0, end: 11, rule: "test" },
    { voice: "body", start: 11, end: quoteStart, rule: "test" },
    { voice: "quote", start: quoteStart, end: quoteEnd, rule: "test" },
    { voice: "body", start: quoteEnd, end: text.length, rule: "test" },
  ]);
  return { text, ...tokenized };
}

Deno.test("countWords() leaves out punctuation and counts per voice", () => {
  const { tokens } = sample();
  strictEqual(countWords(tokens, "title"), 2);
  strictEqual(countWords(tokens, "quote"), 3); // Coal is cheap
  strictEqual(countWords(tokens, "comment"), 0);
  strictEqual(countWords(tokens), tokens.filter(isWord).length);
  ok(countWords(tokens) < tokens.length);
});

Deno.test("topicRates() gives a complete table with zeros", () => {
  const t = sample();
  const lex = lexicon([
    { term: "coal", categories: ["energy"] },
    { term: "power plant", categories: ["energy"] },
    { term: "trade", categories: ["trade"] },
    { term: "school", categories: ["education"] },
  ]);
  const hits = matchLexicon(t.tokens, lex);
  const rows = topicRates(hits, t, { topics: ["energy", "trade", "education"], article: "a1" });
  for (const row of rows) TopicRate.parse(row);
  deepStrictEqual(rows.map((r) => [r.topic, r.voice, r.hits]), [
    ["energy", "title", 1],
    ["energy", "body", 2],
    ["energy", "quote", 1],
    ["trade", "title", 0],
    ["trade", "body", 1],
    ["trade", "quote", 0],
    ["education", "title", 0],
    ["education", "body", 0],
    ["education", "quote", 0],
  ]);
  ok(rows.every((r) => r.article === "a1"));
  const body = rows[1];
  strictEqual(body.words, countWords(t.tokens, "body"));
  strictEqual(body.per1k, (2 / body.words) * 1000);
  strictEqual(body.sentences, t.sentences.filter((s) => s.voice === "body").length);
  strictEqual(body.sentencesWithTopic, 1);
  strictEqual(body.sentenceShare, 1 / body.sentences);
  strictEqual(rows[6].per1k, 0);
  strictEqual(rows[6].sentenceShare, 0);
});

Deno.test("topicRates() counts a multi-word term once", () => {
  const t = tokenizeText("A thermal power plant.");
  const lex = lexicon([
    { term: "thermal power plant", categories: ["energy"] },
    { term: "power plant", categories: ["energy"] },
    { term: "power", categories: ["energy"] },
  ]);
  const [row] = topicRates(matchLexicon(t.tokens, lex), t);
  strictEqual(row.hits, 1);
  strictEqual(row.per1k, 250);
});

Deno.test("topicRates() filters by lexicon and voice", () => {
  const t = sample();
  const a = lexicon([{ term: "coal", categories: ["energy"] }]);
  const b = { ...lexicon([{ term: "coal", categories: ["energy"] }]), name: "other" };
  const hits = [...matchLexicon(t.tokens, a), ...matchLexicon(t.tokens, b)];
  const rows = topicRates(hits, t, { lexicon: "t", voices: ["body", "comment"] });
  deepStrictEqual(rows.map((r) => [r.topic, r.voice, r.hits]), [["energy", "body", 1]]);
});

Deno.test("kwic() gives the words around each hit", () => {
  const t = sample();
  const lex = lexicon([{ term: "coal", categories: ["energy"] }]);
  const hits = matchLexicon(t.tokens, lex, { article: "a1" });
  const rows = kwic(t.text, hits, { window: 12 });
  for (const row of rows) KwicRow.parse(row);
  deepStrictEqual(rows.map((r) => [r.voice, r.left, r.match, r.right]), [
    ["title", "", "Coal", "plan The"],
    ["body", "plant burns", "coal", ". Trade"],
    ["quote", "fast. “", "Coal", "is cheap,”"],
  ]);
  ok(rows.every((r) => r.article === "a1" && r.lexicon === "t" && r.category === "energy"));
  strictEqual(t.text.slice(rows[1].start, rows[1].end), "coal");
});

Deno.test("kwic() rejects a bad window and hits outside the text", () => {
  const hits = matchLexicon(tokenizeText("coal").tokens, lexicon([{ term: "coal" }]));
  throws(() => kwic("coal", hits, { window: -1 }), RangeError);
  throws(() => kwic("co", hits), RangeError);
  deepStrictEqual(kwic("coal", hits, { window: 0 }).map((r) => [r.left, r.right]), [["", ""]]);
});
