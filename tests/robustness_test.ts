import fc from "fast-check";
import { ok, strictEqual, throws } from "node:assert/strict";
import { parseActors } from "../lib/actors/load.ts";
import { tokenizeArticle } from "../lib/analyze.ts";
import { parseCsv } from "../lib/corpus/csv.ts";
import { loadCorpus } from "../lib/corpus/load_corpus.ts";
import { parseManifest } from "../lib/corpus/manifest.ts";
import { decodeText } from "../lib/corpus/read_text.ts";
import { InputError } from "../lib/errors.ts";
import { parseLexicon } from "../lib/lexicon/load.ts";
import { matchLexicon } from "../lib/lexicon/match.ts";
import type { Lexicon } from "../lib/lexicon/schema.ts";
import { loadResources } from "../lib/resources.ts";
import { tokenizeText } from "../lib/tokenize.ts";
import { segmentVoices } from "../lib/voices/segment_voices.ts";

/** Pieces that steer the voice rules, the tokenizer and the matchers, mixed with any text. */
const PIECES = [
  "\n",
  "\n\n",
  "\r\n",
  " ",
  "\u00a0",
  "\u200b",
  '"',
  "\u201c",
  "\u201d",
  "«",
  "»",
  ":",
  ". ",
  "said",
  "Tokayev said:",
  "The Kremlin",
  "Putin",
  "gas pipeline",
  "thermal power plant",
  "sanctions",
  "it is clear that",
  "at least",
  "perhaps",
  "Reply",
  "Subscribe to our channel!",
  "11 November 2023 11:43",
  "+5",
  "Comments 12",
  "Военное обозрение",
  "<p>",
  "e\u0301",
  "\ud83d\ude00",
  "\ud800",
];

const text = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...PIECES) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
    { weight: 2, arbitrary: fc.constantFrom("the", "and", "Russia", "West", "energy", "x") },
  ),
  { maxLength: 60 },
).map((parts) => parts.join(""));

/** Anything the loaders may be handed: raw bytes, or text shaped like their formats. */
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  text.map((t) => new TextEncoder().encode(t)),
  fc.array(fc.oneof(fc.jsonValue(), text), { maxLength: 5 }).map((rows) =>
    new TextEncoder().encode(rows.map((r) => JSON.stringify(r)).join("\n"))
  ),
  fc.array(fc.array(fc.oneof(text, fc.constantFrom('"', ",", '""')), { maxLength: 4 }), {
    maxLength: 5,
  }).map((rows) => new TextEncoder().encode(rows.map((r) => r.join(",")).join("\r\n"))),
);

function onlyInputErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    ok(e.message.startsWith("Cannot read "), e.message);
  }
}

Deno.test("segmentVoices() covers the raw text exactly once, without overlap", () => {
  fc.assert(
    fc.property(text, (t) => {
      const segments = segmentVoices(t);
      let at = 0;
      for (const s of segments) {
        strictEqual(s.start, at, "each segment starts where the last ended");
        ok(s.end > s.start, "no empty segment");
        at = s.end;
      }
      strictEqual(at, t.length, "the last segment ends at the end of the text");
    }),
    { numRuns: 300 },
  );
});

Deno.test("tokenizeArticle() keeps sentences and tokens inside their segments, in order", () => {
  fc.assert(
    fc.property(text, (t) => {
      const r = tokenizeArticle({
        meta: { id: "p", language: "en", inferred: [] },
        text: t,
        origin: "property",
        warnings: [],
      });
      for (const s of r.sentences) {
        const seg = r.segments[s.segment];
        ok(seg.start <= s.start && s.start <= s.end && s.end <= seg.end);
      }
      let last = 0;
      for (const k of r.tokens) {
        ok(k.start >= last && k.end <= t.length, "tokens in order, inside the text");
        strictEqual(t.slice(k.start, k.end), k.text);
        last = k.end;
      }
    }),
    { numRuns: 150 },
  );
});

Deno.test("matchLexicon() never counts a token twice in one lexicon", async () => {
  const resources = await loadResources();
  const lexicons: Lexicon[] = [resources.topics, resources.stance.stance];
  if (resources.stance.reporting) lexicons.push(resources.stance.reporting);
  const terms = lexicons.flatMap((l) => l.entries.map((e) => e.term.replace(/\*/g, "s")));
  const lexiconText = fc.array(
    fc.oneof(fc.constantFrom(...terms), fc.constantFrom(" ", ", ", ". ", " the ", "\n")),
    { maxLength: 40 },
  ).map((parts) => parts.join(" "));
  let multiWord = 0;
  fc.assert(
    fc.property(fc.oneof(lexiconText, text), (t) => {
      const { tokens } = tokenizeText(t);
      for (const lexicon of lexicons) {
        const spans = new Map<number, string>();
        for (const h of matchLexicon(tokens, lexicon, { text: t })) {
          if (h.tokenEnd - h.tokenStart > 1) multiWord++;
          const span = `${h.tokenStart}-${h.tokenEnd} ${h.entry}`;
          for (let i = h.tokenStart; i < h.tokenEnd; i++) {
            const seen = spans.get(i);
            ok(seen === undefined || seen === span, `token ${i} counted by ${seen} and ${span}`);
            spans.set(i, span);
          }
        }
      }
    }),
    { numRuns: 200 },
  );
  ok(multiWord > 50, `only ${multiWord} multi-word hits: the texts do not exercise the matcher`);
});

Deno.test("decodeText(), parseCsv() and parseManifest() throw nothing but InputError", () => {
  fc.assert(
    fc.property(bytes, (b) => {
      onlyInputErrors(() => decodeText(b, "x.txt"));
      const t = new TextDecoder().decode(b);
      onlyInputErrors(() => parseCsv(t, "x.csv"));
      onlyInputErrors(() => parseManifest(t, "manifest.json"));
      onlyInputErrors(() => parseManifest(t, "manifest.csv"));
    }),
    { numRuns: 400 },
  );
});

Deno.test("parseLexicon() and parseActors() throw nothing but InputError, whatever the text", () => {
  const head =
    "name: t\nversion: 1.0.0\ndescription: d\nsource: s\nlicence: CC0-1.0\nlanguage: en\n";
  // Found by this property: yaml threw a ReferenceError for an alias without its anchor.
  for (const parse of [parseLexicon, parseActors]) {
    throws(
      () => parse(head + "entries: *a\n", { file: "a.yaml" }),
      /"a.yaml": expected valid YAML/,
    );
  }
  // And parseActors() threw a TypeError while describing a missing value.
  throws(() => parseActors(head + "actors:\n  - term: \n", { file: "a.yaml" }), InputError);
  const yamlish = fc.array(
    fc.oneof(
      fc.constantFrom("entries:\n", "  - term: ", "    weight: ", "categories: [a]\n", "- ", ": "),
      fc.constantFrom("actors:\n", "  - { id: x, name: X, kind: person }\n", "[", "{", "&a", "*a"),
      text,
    ),
    { maxLength: 12 },
  ).map((parts) => head + parts.join(""));
  fc.assert(
    fc.property(fc.oneof(yamlish, text, fc.jsonValue().map((v) => JSON.stringify(v))), (t) => {
      onlyInputErrors(() => parseLexicon(t, { file: "l.yaml" }));
      onlyInputErrors(() => parseLexicon(t, { file: "l.json", format: "json" }));
      onlyInputErrors(() => parseActors(t, { file: "a.yaml" }));
    }),
    { numRuns: 300 },
  );
});

Deno.test("loadCorpus() never throws and accounts for every file, whatever bytes it gets", async () => {
  const dir = await Deno.makeTempDir();
  let n = 0;
  await fc.assert(
    fc.asyncProperty(bytes, bytes, async (a, m) => {
      const sub = `${dir}/${n++}`;
      await Deno.mkdir(`${sub}/folder`, { recursive: true });
      await Deno.writeFile(`${sub}/folder/a.txt`, a);
      await Deno.writeFile(`${sub}/folder/manifest.json`, m);
      for (const ext of ["txt", "jsonl", "csv"]) await Deno.writeFile(`${sub}/x.${ext}`, a);
      const paths = [`${sub}/folder`, `${sub}/x.txt`, `${sub}/x.jsonl`, `${sub}/x.csv`];
      const corpus = await loadCorpus(paths);
      for (const f of corpus.failures) {
        ok(!f.reason.startsWith("unexpected error"), `${f.input}: ${f.reason}`);
      }
      const fromTxt = corpus.articles.filter((x) => x.origin === `${sub}/x.txt`).length +
        corpus.failures.filter((f) => f.input === `${sub}/x.txt`).length;
      strictEqual(fromTxt, 1, "the text file is an article or a failure");
    }),
    { numRuns: 60 },
  );
  await Deno.remove(dir, { recursive: true });
});
