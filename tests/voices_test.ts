import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { loadCorpus, type Segment, segmentVoices } from "../lib/mod.ts";
import { quotedStretches } from "../lib/voices/quotes.ts";

/** Voice and rule of the segment holding the first visible character of each given line. */
function voiceAt(text: string, segments: Segment[], needle: string): Segment {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`fixture has no "${needle}"`);
  const seg = segments.find((s) => s.start <= at && at < s.end);
  if (!seg) throw new Error(`no segment at ${at}`);
  return seg;
}

function assertCovers(text: string, segments: Segment[]): void {
  strictEqual(segments[0].start, 0);
  strictEqual(segments.at(-1)!.end, text.length);
  for (let k = 1; k < segments.length; k++) strictEqual(segments[k].start, segments[k - 1].end);
  for (const s of segments) ok(s.end > s.start, `empty segment ${JSON.stringify(s)}`);
  strictEqual(segments.map((s) => text.slice(s.start, s.end)).join(""), text);
}

const PROSE = "The two governments signed a long list of agreements on energy and trade this week.";

Deno.test("segmentVoices() reads a header: title, byline, dateline, view count", () => {
  const text =
    `Leaders meet in the capital\n\nBy Anna Petrova\n12.03.2024 10:15\nViews: 1204\n\n${PROSE}\n`;
  const s = segmentVoices(text);
  assertCovers(text, s);
  strictEqual(voiceAt(text, s, "Leaders").voice, "title");
  strictEqual(voiceAt(text, s, "By Anna").voice, "meta");
  strictEqual(voiceAt(text, s, "12.03").voice, "meta");
  strictEqual(voiceAt(text, s, "Views").rule, "view-count");
  strictEqual(voiceAt(text, s, "The two").voice, "body");
});

Deno.test("segmentVoices() takes a colon-introduced block quote with its speaker and first-person continuation", () => {
  const text = [
    "Talks end",
    PROSE,
    "After the talks, Foreign Minister Ivan Sokolov told reporters:",
    "The agreements open a new chapter for both countries and their people.",
    "We will build the pipeline together, and our companies are ready to start.",
    "The pipeline would cost about two billion dollars, according to estimates by analysts.",
  ].join("\n\n");
  const s = segmentVoices(text);
  assertCovers(text, s);
  const quote = voiceAt(text, s, "The agreements");
  strictEqual(quote.voice, "quote");
  strictEqual(quote.speaker, "Foreign Minister Ivan Sokolov");
  strictEqual(voiceAt(text, s, "We will build").voice, "quote");
  strictEqual(voiceAt(text, s, "The pipeline would").voice, "body");
  strictEqual(voiceAt(text, s, "After the talks").voice, "body");
});

Deno.test("segmentVoices() takes an inline quote with a speech verb but leaves scare quotes in the body", () => {
  const text = `Talks end\n\n${PROSE} “The deal is done and trade will grow,” the analyst said. ` +
    `Critics call it a “historic” mistake, and the “Western partners” stayed silent.\n`;
  const s = segmentVoices(text);
  assertCovers(text, s);
  const q = voiceAt(text, s, "“The deal");
  strictEqual(q.voice, "quote");
  strictEqual(q.speaker, "the analyst");
  strictEqual(text.slice(q.start, q.end), "“The deal is done and trade will grow,”");
  strictEqual(voiceAt(text, s, "“historic”").voice, "body");
  strictEqual(voiceAt(text, s, "“Western").voice, "body");
});

Deno.test("segmentVoices() reads reader comments with score, timestamp, reply depth and article repeats", () => {
  const text = [
    "Talks end",
    "",
    PROSE,
    "3 comments",
    "Dear reader, to leave comments on the publication, you must sign in.",
    "  1. +5",
    "    02 May 2024 10: 01",
    "    signed a long list of agreements on energy and trade",
    "    Nothing will come of it.",
    "    1. -2",
    "      02 May 2024 11: 30",
    "      You are wrong.",
    "  2. 0",
    "    03 May 2024 09: 00",
    "    Good news.",
  ].join("\n");
  const s = segmentVoices(text);
  assertCovers(text, s);
  strictEqual(voiceAt(text, s, "3 comments").rule, "comment-counter");
  strictEqual(voiceAt(text, s, "Dear reader").voice, "boilerplate");
  strictEqual(voiceAt(text, s, "1. +5").voice, "meta");
  strictEqual(voiceAt(text, s, "02 May 2024 10").rule, "comment-timestamp");
  const repeat = voiceAt(text, s, "    signed a long");
  strictEqual(repeat.voice, "comment");
  strictEqual(repeat.comment?.repeatsArticle, true);
  const own = voiceAt(text, s, "Nothing will");
  deepStrictEqual(own.comment, {
    index: 1,
    score: 5,
    depth: 0,
    timestamp: "02 May 2024 10: 01",
    repeatsArticle: false,
  });
  const reply = voiceAt(text, s, "You are wrong");
  strictEqual(reply.comment?.depth, 1);
  strictEqual(reply.comment?.score, -2);
  strictEqual(voiceAt(text, s, "Good news").comment?.index, 3);
});

Deno.test("segmentVoices() marks site chrome: teaser, subscription prompt, error prompt, notices, calendar", () => {
  const lead =
    "Before the summit in the capital, an intense media campaign took place in both countries, and the press followed it closely.";
  const text = [
    "Summit news",
    lead,
    "Before the summit in the capital, an intense media campaign took place in both countries...",
    "Subscribe to our news on Telegram and YouTube.",
    PROSE,
    "If you find an error, please select a piece of text and press Ctrl + Enter.",
    "Dear Readers, the rules for publishing comments are being tightened.",
    "  • May 2024",
    "    Mon Tues Wed Thurs Fri Sat Sun",
    "     12345",
    "  • Thank you!",
  ].join("\n\n");
  const s = segmentVoices(text);
  assertCovers(text, s);
  strictEqual(voiceAt(text, s, "Before the summit").voice, "body");
  strictEqual(voiceAt(text, s, "countries...").rule, "teaser-repeats-lead");
  strictEqual(voiceAt(text, s, "Subscribe").rule, "subscription-prompt");
  strictEqual(voiceAt(text, s, "The two").voice, "body");
  strictEqual(voiceAt(text, s, "If you find").rule, "error-report-prompt");
  strictEqual(voiceAt(text, s, "Dear Readers").rule, "moderation-notice");
  strictEqual(voiceAt(text, s, "May 2024").rule, "calendar");
  strictEqual(voiceAt(text, s, "12345").rule, "calendar");
  strictEqual(voiceAt(text, s, "Thank you").voice, "boilerplate");
});

Deno.test("segmentVoices() skips lines of spaces and zero-width characters, BOM included", () => {
  const text = `Title here\n\uFEFF\u200B\u2060 \n${PROSE}\n`;
  deepStrictEqual(segmentVoices(text).map((s) => [s.voice, s.start, s.end]), [
    ["title", 0, 16],
    ["body", 16, text.length],
  ]);
});

Deno.test("segmentVoices() keeps a section heading in the body and does not quote after it", () => {
  const text = `Title here\n\n${PROSE}\n\nImbalance\n\n${PROSE}\n`;
  const s = segmentVoices(text);
  strictEqual(voiceAt(text, s, "Imbalance").rule, "heading");
});

Deno.test("segmentVoices() covers odd texts exactly once", () => {
  for (
    const text of [
      "",
      " ",
      "\n\n",
      "word",
      "a\r\nb\rc\n",
      "\u00a0\n\u200b\nText.",
      "“unclosed quote",
      "\uFEFF\u2060\n\t\u200d \nText.",
    ]
  ) {
    const s = segmentVoices(text);
    if (text === "") strictEqual(s.length, 0);
    else assertCovers(text, s);
  }
});

for (const id of ["politnavigator-2023-11-10", "topwar-2023-11-11"]) {
  Deno.test(`segmentVoices() agrees with the hand-coded voices of every line of ${id}`, async () => {
    const corpus = await loadCorpus(["data/corpus"]);
    const article = corpus.articles.find((a) => a.meta.id === id)!;
    const text = article.text;
    const segments = segmentVoices(text, { title: article.meta.title });
    assertCovers(text, segments);
    const gold = (await Deno.readTextFile(`tests/fixtures/voices/${id}.gold.tsv`))
      .split("\n").filter((l) => l && !l.startsWith("#")).map((l) => l.split("\t"));
    const lines = text.split("\n");
    const lineStart = (n: number) => lines.slice(0, n - 1).reduce((a, l) => a + l.length + 1, 0);
    const wrong: string[] = [];
    for (const [line, voice] of gold) {
      const start = lineStart(Number(line));
      const first = start + lines[Number(line) - 1].search(/\S/);
      const end = start + lines[Number(line) - 1].length;
      const inLine = segments.filter((s) => s.start < end && s.end > first).map((s) => s.voice);
      const got = inLine.length > 1
        ? (inLine.includes("quote") ? "mixed" : inLine.join("+"))
        : inLine[0];
      if (got !== voice) wrong.push(`line ${line}: expected ${voice}, got ${got}`);
    }
    deepStrictEqual(wrong, []);
  });
}

Deno.test("segmentVoices() names the speakers of the bundled articles' quotes", async () => {
  const corpus = await loadCorpus(["data/corpus"]);
  const speakers = corpus.articles.flatMap((a) =>
    segmentVoices(a.text, { title: a.meta.title }).filter((s) => s.voice === "quote").map((s) =>
      s.speaker
    )
  );
  for (
    const who of [
      "the expert",
      "President Nazarbayev",
      "Rosatom General Director Alexey Likhachev",
      "President Tokayev",
      "President Putin",
      "the Minister of Education of the Republic of Kazakhstan",
    ]
  ) ok(speakers.includes(who), `missing speaker ${who}; found ${speakers.join(" | ")}`);
});

Deno.test("quotedStretches() skips an unclosed mark and pairs the marks after it", () => {
  const line = '“open «inner» and "straight" then „low“';
  deepStrictEqual(
    quotedStretches(line).map((q) => line.slice(q.start, q.end)),
    ["«inner»", '"straight"', "„low“"],
  );
});

Deno.test("segmentVoices() leaves a long paragraph that mentions a newsletter in the body", () => {
  const long = `${PROSE} ${PROSE} ${PROSE} The ministry will also publish a newsletter on it.`;
  const text = `Title here\n\n${PROSE}\n\n${long}\n\nSubscribe to our newsletter!\n`;
  const s = segmentVoices(text);
  strictEqual(voiceAt(text, s, "The ministry will").voice, "body");
  strictEqual(voiceAt(text, s, "Subscribe to").rule, "subscription-prompt");
});
