/**
 * Faster paths of the analysis, each against the plain code it replaced
 * (kept here as the reference): the outputs must not change by one byte.
 */
import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import fc from "fast-check";
import {
  COUNTED_UP_TO,
  countedIntervals,
  drawnIntervals,
} from "../lib/actors/_paired_intervals.ts";
import { foldHash, HASH_START, hashState, keyHash } from "../lib/lexicon/_key_filter.ts";
import { countsObject } from "../lib/metrics/_word_counts.ts";
import {
  countWords,
  countWordsByVoice,
  isWord,
  NON_WORD_TYPES,
} from "../lib/metrics/word_count.ts";
import { Voice } from "../lib/voice.ts";
import type { Token } from "../lib/token.ts";
import { analyzeArticle } from "../lib/analyze.ts";
import { loadResources } from "../lib/resources.ts";
import { analysedJson } from "../lib/run/article_record.ts";
import { SentimentOptions } from "../lib/sentiment/options.ts";
import {
  resolveSentimentOptions,
  sentenceScore,
  sentenceSentiment,
} from "../lib/sentiment/sentence_sentiment.ts";
import { activeLexicons, sentenceContributions, tokenRange } from "../lib/sentiment/valence.ts";
import { resolveSpanSentimentOptions } from "../lib/sentiment/span_sentiment.ts";
import { packWeights, targetFeatures } from "../lib/sentiment/target_features.ts";
import { loadTargetModel } from "../lib/sentiment/target_model.ts";
import { tokenizeSegments, tokenizeText } from "../lib/tokenize.ts";

Deno.test("countsObject() equals Object.fromEntries: keys, order, prototype and JSON", () => {
  const word = fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.constantFrom("__proto__", "constructor", "toString", "0", "01", "-1", "4294967295", "2023"),
    fc.nat({ max: 5000 }).map(String),
  );
  fc.assert(
    fc.property(
      fc.array(fc.tuple(word, fc.integer({ min: 1, max: 9 })), { maxLength: 60 }),
      (pairs) => {
        const words = new Map(pairs);
        const fast = countsObject(words);
        const plain = Object.fromEntries(words);
        deepStrictEqual(fast, plain);
        deepStrictEqual(Object.keys(fast), Object.keys(plain));
        strictEqual(Object.getPrototypeOf(fast), Object.prototype);
        strictEqual(JSON.stringify(fast), JSON.stringify(plain));
      },
    ),
    { numRuns: 500 },
  );
});

/** Words that exercise the sentence rules: lexicon words, boosters, negators, "but", caps, marks. */
const RULE_WORDS = [
  "good",
  "terrible",
  "GREAT",
  "corrupt",
  "brave",
  "not",
  "never",
  "very",
  "extremely",
  "slightly",
  "but",
  "least",
  "at",
  "kind",
  "of",
  "reduce",
  "unemployment",
  "the",
  "talks",
  "Smith",
  "said",
  "“historic”",
  '"loyalty"',
  "!",
  "!!",
  "?",
  ",",
  "blackmail",
  "witch",
  "hunt",
  "ally",
  "allies",
  "isn’t",
  "well-known",
  "hate",
  "love",
  "hardly",
  "no",
];

/** Random sentences of RULE_WORDS, ending in a full stop or exclamation marks. */
function ruleSentences(seed: number, count: number): string[] {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return Array.from({ length: count }, () => {
    const n = 3 + Math.floor(next() * 14);
    const words = Array.from(
      { length: n },
      () => RULE_WORDS[Math.floor(next() * RULE_WORDS.length)],
    );
    return `${words.join(" ")}${next() < 0.3 ? "!!" : "."}`;
  });
}

Deno.test("sentenceScore() is sentenceSentiment().score on random sentences and options", () => {
  const variants: SentimentOptions[] = [
    {},
    { negationScope: "model" },
    { negativeWeight: 1, scareQuoteFactor: 0.5 },
    { lexicons: { fitted: false } },
    { lexicons: { domain: false, general: true } },
  ];
  const text = ruleSentences(7, 400).join(" ");
  const { tokens, sentences } = tokenizeText(text);
  // The cases are there: exclamation marks counted, words negated, scare-quoted.
  const rules = sentences.flatMap((s) =>
    sentenceSentiment(tokens, s).evidence.flatMap((e) => e.rules)
  );
  for (const rule of ["exclamation", "negated", "boosted", "but-after", "scare-quoted"]) {
    ok(rules.includes(rule), rule);
  }
  for (const options of variants) {
    const resolved = resolveSentimentOptions(options);
    for (const s of sentences) {
      strictEqual(
        sentenceScore(tokens, s, resolved),
        sentenceSentiment(tokens, s, options).score,
        `${JSON.stringify(options)}: ${text.slice(s.start, s.end)}`,
      );
    }
  }
});

Deno.test("activeLexicons() gives the same list for equal switches, resolved or not", () => {
  for (const domain of [true, false]) {
    for (const general of [true, false]) {
      for (const fitted of [true, false]) {
        const lexicons = { domain, general, fitted };
        const a = activeLexicons(SentimentOptions.parse({ lexicons }));
        strictEqual(activeLexicons(resolveSentimentOptions({ lexicons })), a);
        strictEqual(a.length, (domain ? 1 : 0) + (general ? 1 : 0) + (fitted ? 1 : 0));
      }
    }
  }
});

Deno.test("sentenceContributions() shared between options equals each computed alone", () => {
  const text = [...ruleSentences(11, 300), "They saw bullies and crises there."].join(" ");
  const { tokens, sentences } = tokenizeText(text);
  const variants = [
    resolveSentimentOptions(),
    resolveSpanSentimentOptions(),
    resolveSentimentOptions({ negationScope: "model", lexicons: { fitted: false } }),
  ];
  const seen = new Set<string>();
  for (const s of sentences) {
    const [from, to] = tokenRange(tokens, s.start, s.end);
    for (const options of s.index % 2 === 0 ? variants : [...variants].reverse()) {
      // Alone: a fresh copy of the tokens (nothing shared) and a fresh lexicon
      // list (no remembered matches), not kept for reuse.
      const alone = sentenceContributions(
        tokens.map((t) => ({ ...t })),
        from,
        to,
        options,
        [...activeLexicons(options)],
      );
      const shared = sentenceContributions(tokens, from, to, options);
      deepStrictEqual(shared, alone, text.slice(s.start, s.end));
      deepStrictEqual(sentenceContributions(tokens, from, to, options), alone);
      for (const c of alone) for (const r of c.rules) seen.add(r);
    }
  }
  for (const rule of ["dampened", "negated", "caps", "lemma", "shifted", "least", "but-before"]) {
    ok(seen.has(rule), rule);
  }
});

Deno.test("targetFeatures() with `only` is the full set filtered, sets alternating", () => {
  const text = [
    ...ruleSentences(5, 120),
    "Smith said the corrupt mayor lied, but Jones praised him.",
  ].join(" ");
  const { tokens, sentences } = tokenizeText(text);
  const options = resolveSpanSentimentOptions();
  const model = loadTargetModel().weights;
  const half = new Set([...model.keys()].filter((_, k) => k % 2 === 0));
  let contextKept = 0;
  for (const s of sentences) {
    const [from, to] = tokenRange(tokens, s.start, s.end);
    for (let spanFrom = from; spanFrom < to; spanFrom += 3) {
      const span: [number, number] = [spanFrom, Math.min(to, spanFrom + 1 + (spanFrom % 2))];
      const all = targetFeatures(tokens, span, options);
      for (const only of spanFrom % 2 === 0 ? [model, half, undefined] : [half, model]) {
        const f = targetFeatures(tokens, span, options, { only });
        if (only === model) {
          // The weights option keeps the same features and lists their weights.
          const packed = packWeights(model);
          const w = targetFeatures(tokens, span, options, { weights: packed });
          deepStrictEqual(w.values, f.values);
          deepStrictEqual(
            w.weightRows!.map((row) => [...packed.rows.subarray(3 * row, 3 * row + 3)]),
            [...f.values.keys()].map((name) => model.get(name)),
          );
        }
        const kept = (name: string) => only === undefined || only.has(name);
        deepStrictEqual(
          [...f.values],
          [...all.values].filter(([name]) => kept(name)),
          `${text.slice(s.start, s.end)} [${span}]`,
        );
        // The rule parts' origins are listed whatever `only` keeps.
        const triples = (o: (string | number)[]) =>
          Array.from({ length: o.length / 3 }, (_, k) => o.slice(3 * k, 3 * k + 3))
            .filter(([name]) => !/^(place|sentence):/.test(String(name)));
        deepStrictEqual(
          triples(f.origins),
          triples(all.origins).filter(([name]) => kept(String(name))),
        );
        contextKept += [...f.values.keys()].filter((n) => n.startsWith("ctx:")).length;
      }
    }
  }
  ok(contextKept > 100, `${contextKept} context features kept`);
  throws(
    () => targetFeatures(tokens, [0, 1], options, { only: half, weights: packWeights(model) }),
    TypeError,
  );
});

Deno.test("countedIntervals() equals drawnIntervals() for two to four mentions", () => {
  let state = 99;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let trial = 0; trial < 400; trial++) {
    const n = 2 + (trial % (COUNTED_UP_TO - 1));
    // Scores with ties, zeros and values whose sums depend on the order of addition.
    const pool = [0, 0.1, 0.2, 0.3, -0.7, 1, -1, 1 / 3, next() * 2 - 1];
    const values = Array.from({ length: n }, () => pool[Math.floor(next() * pool.length)]);
    const evaluating = values.map(() => next() < 0.6);
    const mentions = {
      xs: Float64Array.from(values),
      sums: Float64Array.from(values, (v, i) => evaluating[i] ? 0 + v : 0),
      counts: Int32Array.from(evaluating, (e) => e ? 1 : 0),
    };
    const draws = {
      resamples: [1, 2, 3, 7, 50, 2000][trial % 6],
      seed: Math.floor(next() * 2 ** 31),
      level: [0.95, 0.9, 0.5, 0.999][trial % 4],
      prior: [1, 0, 2.5][trial % 3],
    };
    deepStrictEqual(
      countedIntervals(mentions, draws),
      drawnIntervals(mentions, draws),
      JSON.stringify({ values, evaluating, draws }),
    );
  }
});

Deno.test("sentenceContributions() finds words matched by prefix, lemma entry and lemma fallback", () => {
  // Each is outside the filter of form keys in some way: the shortcut must not drop it.
  const text = "Russophobic talk grew. Xenophobes shouted. The bullies left. Two crises came.";
  const { tokens, sentences } = tokenizeText(text);
  const found = sentences.map((s) => {
    const [from, to] = tokenRange(tokens, s.start, s.end);
    return sentenceContributions(tokens, from, to, resolveSpanSentimentOptions())
      .map((c) => `${c.entry.term}:${c.rules.includes("lemma") ? "lemma" : "form"}`);
  });
  deepStrictEqual(found.map((f) => f.length > 0), [true, true, true, true], JSON.stringify(found));
  ok(found[0].includes("russophob*:form") && found[1].includes("xenophob*:form"));
  ok(found.flat().some((f) => f.endsWith(":lemma")));
});

Deno.test("hashState() grown piece by piece gives the keyHash of the whole text", () => {
  fc.assert(
    fc.property(
      fc.array(fc.string({ maxLength: 8, unit: "binary" }), { maxLength: 6 }),
      (parts) => {
        let state = HASH_START;
        for (const part of parts) state = hashState(part, state);
        strictEqual(foldHash(state), keyHash(parts.join("")));
      },
    ),
    { numRuns: 500 },
  );
});

Deno.test("analysedJson() is JSON.stringify of the record, byte for byte", async () => {
  const resources = await loadResources();
  const texts = [
    "Gas talks\n\nIn 2023 Putin met Tokayev 3 times; the 2 sides signed 15 deals.",
    "Title\n\n“Historic” sanctions hit Russia. Critics said the corrupt mayor lied!",
    "Only a title",
  ];
  for (const [i, text] of texts.entries()) {
    const a = analyzeArticle(
      { meta: { id: `a${i}`, language: "en", inferred: [] }, text, origin: "test", warnings: [] },
      resources,
      { resamples: 50 },
    );
    strictEqual(analysedJson(a), JSON.stringify(a));
  }
  // Records of any shape: integer-like and odd keys, an undefined or missing vocabulary.
  const vocabulary = countsObject(new Map([["2023", 1], ["__proto__", 2], ["gas", 3], ["7", 1]]));
  const shapes = [
    { id: "x", n: [1.5, -0], vocabulary: { body: vocabulary } },
    { id: "x", vocabulary: undefined },
    { vocabulary: { body: vocabulary } },
    { vocabulary: { body: vocabulary }, id: "last" },
    { id: "x" },
  ];
  for (const shape of shapes) {
    strictEqual(analysedJson(shape as never), JSON.stringify(shape), JSON.stringify(shape));
  }
});

Deno.test("isWord() is the plain rule: a word type and a text that is not blank", () => {
  const texts = [
    "",
    " ",
    "\u00a0",
    "\t",
    "a",
    "!",
    "~",
    "\u007f",
    " x",
    "x ",
    "\u2003",
    "é",
    "\u200b",
    "Zz",
  ];
  for (const type of ["word", "punctuation", "number", "symbol", "emoji", "tabCRLF", "currency"]) {
    for (const text of texts) {
      const token = { text, type } as Token;
      strictEqual(
        isWord(token),
        !NON_WORD_TYPES.has(type) && text.trim() !== "",
        `${type} ${JSON.stringify(text)}`,
      );
    }
  }
  fc.assert(
    fc.property(fc.string({ maxLength: 4, unit: "binary" }), (text) => {
      strictEqual(isWord({ text, type: "word" } as Token), text.trim() !== "");
    }),
    { numRuns: 2000 },
  );
});

Deno.test("countWordsByVoice() gives countWords() of every voice", () => {
  const text = "Title\n\nThe “historic” deal, he said: “We won!” Readers wrote 5 comments :)";
  const { tokens } = tokenizeSegments(text, [
    { voice: "title", start: 0, end: 7, rule: "test" },
    { voice: "body", start: 7, end: 40, rule: "test" },
    { voice: "quote", start: 40, end: 49, rule: "test" },
    { voice: "comment", start: 49, end: text.length, rule: "test" },
  ]);
  const counted = countWordsByVoice(tokens);
  for (const voice of Voice.options) {
    strictEqual(counted.get(voice) ?? 0, countWords(tokens, voice), voice);
  }
  ok([...counted.values()].every((n) => n > 0));
});
