/**
 * `deno run -A tools/fit_span_model.ts [MODE] [--no-fitted] [--benchmarks DIR]`:
 * cross-validation of span-sentiment variants on the TUNING part of NewsMTSC
 * only (`paper-split/newsmtsc-rw-dev.jsonl` and `newsmtsc-mt-dev.jsonl`;
 * `benchmarks/SPLITS.md`): 5 folds grouped by sentence, repeated, macro-F1
 * pooled over both files and per file. The reporting files (`*-test.jsonl`)
 * are never read. `--no-fitted` extracts the words without the fitted lexicon
 * (`sentiment_fitted.json`); `--no-added` keeps only its replaced VADER weights.
 *
 * Modes (each prints one JSON line per setting):
 * - `--rules`: the rule model of `spanSentiment` (distance, clause and role
 *   factors as in `SpanSentimentOptions`), neutral band chosen for macro-F1
 *   inside each training fold, for several `negativeWeight`s.
 * - `--nested`: the same with every rule factor and the band chosen by grid
 *   search inside each training fold (an honest estimate of fitting them).
 * - `--p5`: an ordinal logit over five place sums (in the span, same clause,
 *   target of a negative verb, across a comma, across a strong boundary),
 *   optionally with the whole-sentence sum; class-balanced likelihood, L2.
 * - `--two`: the rule sum with and without the fitted lexicon as two features.
 * - no mode: ordinal logits over sign-split place sums (12 features).
 *
 * These runs decided that `spanSentiment` keeps its rule model with the
 * fitted lexicon off (see `SpanSentimentOptions.lexicons`).
 *
 * @module
 */
import { parseArgs } from "node:util";
import { benchmarksOrExit } from "./_benchmarks.ts";
import { type LabelledTarget, parseTargets } from "../lib/validate/targets.ts";
import { tokenizeText } from "../lib/tokenize.ts";
import { fittedLexicons } from "../lib/sentiment/lexicons.ts";
import { SpanSentimentOptions } from "../lib/sentiment/options.ts";
import { spanContext, tokenRange } from "../lib/sentiment/span_context.ts";
import { macroF1 } from "../lib/stats/agreement.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    benchmarks: { type: "string" },
    quick: { type: "boolean", default: false },
    "no-fitted": { type: "boolean", default: false },
    rules: { type: "boolean", default: false },
    two: { type: "boolean", default: false },
    p5: { type: "boolean", default: false },
    nested: { type: "boolean", default: false },
    "no-added": { type: "boolean", default: false },
  },
});
const dir = benchmarksOrExit(values.benchmarks, "fit_span_model");

export const PLACES = ["span", "clause", "target", "comma", "strong", "sentence"] as const;
const LABELS = ["negative", "neutral", "positive"] as const;

interface Item {
  data: string;
  group: string;
  y: number; // 0 neg, 1 neu, 2 pos
  words: { place: number; v: number; d: number }[];
  /** The same with the fitted lexicon switched the other way. */
  other: { place: number; v: number; d: number }[];
}

if (values["no-added"]) fittedLexicons().added.lemmas.clear();
const items: Item[] = [];
for (const name of ["newsmtsc-rw-dev", "newsmtsc-mt-dev"]) {
  const file = `${dir}/newsmtsc/paper-split/${name}.jsonl`;
  const targets: LabelledTarget[] = parseTargets(Deno.readTextFileSync(file), file);
  const optsFor = (fitted: boolean) =>
    SpanSentimentOptions.parse({ negativeWeight: 1, lexicons: { fitted } });
  const cache = new Map<string, ReturnType<typeof tokenizeText>>();
  for (const t of targets) {
    let tok = cache.get(t.sentence);
    if (!tok) cache.set(t.sentence, tok = tokenizeText(t.sentence));
    const range = tokenRange(tok.tokens, t.start, t.end);
    const placed = (fitted: boolean) => {
      const words: Item["words"] = [];
      if (range[0] >= range[1]) return words;
      for (const w of spanContext(tok.tokens, range, optsFor(fitted)).words) {
        const place = w.inSpan ? 0 : w.strong > 0 ? 4 : w.weak > 0 ? 3 : w.roleTarget ? 2 : 1;
        words.push({ place, v: w.contribution.weight, d: w.distance });
      }
      return words;
    };
    const fitted = !values["no-fitted"];
    items.push({
      data: name,
      group: t.sentence,
      y: LABELS.indexOf(t.label),
      words: placed(fitted),
      other: placed(!fitted),
    });
  }
}
console.error(`targets: ${items.length}`);

const NF = PLACES.length * 2;
/** The rule-based span sum with the earlier hand-fitted factors (one feature). */
function rulesSum(it: Item, words = it.words): number {
  let s = 0;
  for (const w of words) {
    let f = Math.pow(0.5, w.d / 12);
    if (w.place === 4) f *= 0.1; // at least one strong boundary (approximation)
    if (w.place === 3) f *= 0.1;
    if (w.place === 2) f *= 0.5;
    s += w.v * (w.v < 0 ? negativeWeight : 1) * f;
  }
  return s;
}

let mode = "places";
let negativeWeight = 2;
function features(it: Item, half: number): number[] {
  const x = new Array(NF).fill(0);
  if (mode === "rules") {
    x[0] = rulesSum(it);
    return x;
  }
  if (mode === "p5" || mode === "p5s") {
    for (const w of it.words) {
      const c = w.v * (w.v < 0 ? negativeWeight : 1) * Math.pow(0.5, w.d / half);
      x[w.place] += c;
      if (mode === "p5s") x[5] += w.v * (w.v < 0 ? negativeWeight : 1);
    }
    return x;
  }
  if (mode === "two") {
    x[0] = rulesSum(it);
    x[1] = rulesSum(it, it.other);
    return x;
  }
  if (mode === "twosign") {
    const a = rulesSum(it), b = rulesSum(it, it.other);
    x[a < 0 ? 1 : 0] = a;
    x[b < 0 ? 3 : 2] = b;
    return x;
  }
  for (const w of it.words) {
    const sign = w.v < 0 ? 1 : 0;
    x[w.place * 2 + sign] += w.v * Math.pow(0.5, w.d / half);
    x[5 * 2 + sign] += w.v;
  }
  return x;
}

const sig = (z: number) => 1 / (1 + Math.exp(-z));

interface Model {
  beta: number[];
  t: number;
}

function fit(X: number[][], y: number[], lambda: number, balanced: boolean): Model {
  const counts = [0, 0, 0];
  for (const c of y) counts[c]++;
  const cw = counts.map((c) => (balanced ? y.length / (3 * Math.max(1, c)) : 1));
  const beta = new Array(NF).fill(0.3);
  let t = 0.5;
  const p = [...beta, t];
  const m = new Array(p.length).fill(0);
  const v = new Array(p.length).fill(0);
  for (let it = 1; it <= 1500; it++) {
    for (let k = 0; k < NF; k++) beta[k] = p[k];
    t = p[NF];
    const g = new Array(p.length).fill(0);
    for (let i = 0; i < X.length; i++) {
      let eta = 0;
      for (let k = 0; k < NF; k++) eta += beta[k] * X[i][k];
      // cumulative: P(y<=0) = sig(-t - eta), P(y<=1) = sig(t - eta)
      const a = sig(-t - eta);
      const b = sig(t - eta);
      let dEta = 0, dT = 0;
      const w = cw[y[i]] / X.length;
      if (y[i] === 0) {
        // log a
        dEta = -(1 - a);
        dT = -(1 - a);
      } else if (y[i] === 2) {
        // log(1-b)
        dEta = b;
        dT = -b;
      } else {
        // log(b - a)
        const pa = a * (1 - a), pb = b * (1 - b);
        const den = Math.max(1e-12, b - a);
        dEta = (-pb + pa) / den;
        dT = (pb + pa) / den;
      }
      // gradient of negative log-likelihood
      for (let k = 0; k < NF; k++) g[k] -= w * dEta * X[i][k];
      g[NF] -= w * dT;
    }
    for (let k = 0; k < NF; k++) g[k] += 2 * lambda * p[k];
    for (let k = 0; k < p.length; k++) {
      m[k] = 0.9 * m[k] + 0.1 * g[k];
      v[k] = 0.999 * v[k] + 0.001 * g[k] * g[k];
      p[k] -= 0.02 * (m[k] / (1 - 0.9 ** it)) / (Math.sqrt(v[k] / (1 - 0.999 ** it)) + 1e-8);
    }
    p[NF] = Math.max(0.01, p[NF]);
  }
  return { beta: p.slice(0, NF), t: p[NF] };
}

/** Re-chooses t to maximise macro-F1 on the training rows. */
function tuneT(model: Model, X: number[][], y: number[]): Model {
  const etas = X.map((x) => x.reduce((s, xi, k) => s + xi * model.beta[k], 0));
  let best = { t: model.t, f: -1 };
  for (const t of etas.map(Math.abs).filter((e) => e > 0).sort((a, b) => a - b)) {
    const pred = etas.map((e) => LABELS[e < -t ? 0 : e > t ? 2 : 1]);
    const f = macroF1(y.map((c) => LABELS[c]), pred, [...LABELS]);
    if (f > best.f) best = { t, f };
  }
  return { beta: model.beta, t: best.t };
}

function predict(model: Model, x: number[]): number {
  let eta = 0;
  for (let k = 0; k < NF; k++) eta += model.beta[k] * x[k];
  return eta < -model.t ? 0 : eta > model.t ? 2 : 1;
}

function hash(s: string, seed: number): number {
  let h = 2166136261 ^ seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0);
}

let tuneThreshold = false;
function cv(half: number, lambda: number, balanced: boolean, repeats = 3) {
  const X = items.map((it) => features(it, half));
  const out: Record<string, number[]> = { all: [], "newsmtsc-rw-dev": [], "newsmtsc-mt-dev": [] };
  for (let rep = 0; rep < repeats; rep++) {
    const pred = new Array(items.length).fill(1);
    for (let f = 0; f < 5; f++) {
      const tr = items.map((_, i) => i).filter((i) => hash(items[i].group, rep) % 5 !== f);
      const te = items.map((_, i) => i).filter((i) => hash(items[i].group, rep) % 5 === f);
      let model = fit(tr.map((i) => X[i]), tr.map((i) => items[i].y), lambda, balanced);
      if (tuneThreshold) model = tuneT(model, tr.map((i) => X[i]), tr.map((i) => items[i].y));
      for (const i of te) pred[i] = predict(model, X[i]);
    }
    const lab = (i: number) => LABELS[i];
    for (const key of Object.keys(out)) {
      const idx = items.map((_, i) => i).filter((i) => key === "all" || items[i].data === key);
      out[key].push(
        macroF1(idx.map((i) => lab(items[i].y)), idx.map((i) => lab(pred[i])), [...LABELS]),
      );
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return Object.fromEntries(Object.entries(out).map(([k, xs]) => [k, mean(xs)]));
}

const grid = values.quick
  ? [{ half: 12, lambda: 1e-3, balanced: true }]
  : [6, 12, 24].flatMap((half) =>
    [1e-4, 1e-3, 1e-2].flatMap((lambda) =>
      [true, false].map((balanced) => ({ half, lambda, balanced }))
    )
  );
interface RuleParams {
  half: number;
  clause: number;
  comma: number;
  role: number;
  nw: number;
}
function ruleSum(it: Item, p: RuleParams): number {
  let s = 0;
  for (const w of it.words) {
    let f = Math.pow(0.5, w.d / p.half);
    if (w.place === 4) f *= p.clause;
    if (w.place === 3) f *= p.comma;
    if (w.place === 2) f *= p.role;
    s += w.v * (w.v < 0 ? p.nw : 1) * f;
  }
  return s;
}
/** Best threshold on scores for macro-F1 (labels 0..2). */
function bestBand(sc: number[], y: number[]): { t: number; f: number } {
  let best = { t: 0, f: -1 };
  const cands = [...new Set(sc.map((x) => Math.abs(x)))].sort((a, b) => a - b);
  for (let ci = 0; ci < cands.length; ci += Math.max(1, Math.floor(cands.length / 150))) {
    const t = cands[ci];
    const pred = sc.map((e) => LABELS[e < -t ? 0 : e > t ? 2 : 1]);
    const f = macroF1(y.map((c) => LABELS[c]), pred, [...LABELS]);
    if (f > best.f) best = { t, f };
  }
  return best;
}
if (values.nested) {
  const grid: RuleParams[] = [];
  for (const half of [6, 12, 24]) {
    for (const clause of [0.05, 0.1, 0.3]) {
      for (const comma of [0.1, 0.3]) {
        for (const role of [0.5, 1]) {
          for (const nw of [1.5, 2, 2.5]) grid.push({ half, clause, comma, role, nw });
        }
      }
    }
  }
  const out: Record<string, number[]> = { all: [], "newsmtsc-rw-dev": [], "newsmtsc-mt-dev": [] };
  const chosen: string[] = [];
  for (let rep = 0; rep < 3; rep++) {
    const pred = new Array(items.length).fill(1);
    for (let f = 0; f < 5; f++) {
      const tr = items.filter((it) => hash(it.group, rep) % 5 !== f);
      const te = items.map((_, i) => i).filter((i) => hash(items[i].group, rep) % 5 === f);
      let best = { p: grid[0], t: 0, f: -1 };
      for (const p of grid) {
        const b = bestBand(tr.map((it) => ruleSum(it, p)), tr.map((it) => it.y));
        if (b.f > best.f) best = { p, t: b.t, f: b.f };
      }
      chosen.push(JSON.stringify(best.p));
      for (const i of te) {
        const e = ruleSum(items[i], best.p);
        pred[i] = e < -best.t ? 0 : e > best.t ? 2 : 1;
      }
    }
    for (const key of Object.keys(out)) {
      const idx = items.map((_, i) => i).filter((i) => key === "all" || items[i].data === key);
      out[key].push(
        macroF1(idx.map((i) => LABELS[items[i].y]), idx.map((i) => LABELS[pred[i]]), [...LABELS]),
      );
    }
  }
  console.log(
    JSON.stringify({
      nested: Object.fromEntries(
        Object.entries(out).map(([k, xs]) => [
          k,
          xs.reduce((a, b) => a + b, 0) / xs.length,
        ]),
      ),
    }),
  );
  console.log(chosen.join("\n"));
  Deno.exit(0);
}
if (values.p5) {
  tuneThreshold = true;
  for (const m of ["p5", "p5s"]) {
    mode = m;
    for (const half of [6, 12, 24]) {
      for (const lambda of [1e-3, 1e-2]) {
        const r = cv(half, lambda, true, 5);
        console.log(JSON.stringify({ mode, half, lambda, cv: r }));
      }
    }
  }
  Deno.exit(0);
}
if (values.two) {
  tuneThreshold = true;
  for (const m of ["rules", "two", "twosign"]) {
    mode = m;
    for (const lambda of [1e-3, 1e-2]) {
      const r = cv(12, lambda, true, 5);
      console.log(JSON.stringify({ mode, lambda, cv: r }));
    }
  }
  Deno.exit(0);
}
if (values.rules) {
  mode = "rules";
  tuneThreshold = true;
  for (const nw of [1, 1.5, 2, 2.5]) {
    negativeWeight = nw;
    const r = cv(12, 0, false, 5);
    console.log(JSON.stringify({ fitted: !values["no-fitted"], negativeWeight: nw, cv: r }));
  }
  Deno.exit(0);
}
for (const m of ["rules", "places"]) {
  mode = m;
  for (const tt of [false, true]) {
    tuneThreshold = tt;
    for (const g of grid) {
      const r = cv(g.half, g.lambda, g.balanced);
      console.log(JSON.stringify({ mode, tuneThreshold, ...g, cv: r }));
    }
  }
}
