/**
 * `deno run -A tools/fit_sentence_weights.ts [--write] [--benchmarks DIR]`:
 * fits per-word sentiment weights on the TUNING rows of the VADER ground-truth
 * files only (tweets, movie and Amazon snippets, NYT editorial rows with an
 * odd article number; `benchmarks/SPLITS.md`), chooses the regularisation by
 * 5-fold cross-validation over NYT-odd articles (grouped by article number),
 * and with `--write` stores the result as the lexicon
 * `data/lexicons/sentiment_fitted.json`.
 *
 * Model: a sentence's score is VADER's normalisation of the sum of its words'
 * contributions, each `weight × (rule factor)` (negation, boosters, "but",
 * scare quotes; negative contributions × `negativeWeight`). The weights of
 * the general lexicon's words and of frequent words outside every lexicon
 * (lemmas) are fitted by least squares of `a + b·score` against the mean
 * human rating, with an L2 penalty pulling each weight to its VADER weight
 * (0 for new words). Rows of the other tuning files weigh `otherWeight`.
 *
 * The reporting rows (NYT even articles) are never read.
 *
 * Without `--write` it prints the cross-validated Pearson r on NYT-odd for a
 * grid of settings (`--grid2`: iterations × lambda; `--quick`: the chosen
 * setting only; `--min-count N`: new words seen at least N times, default 5;
 * `--no-new`: fit only VADER's words; `--alpha A`: the normalisation constant,
 * default 15). With `--write` it fits the chosen setting on all tuning rows.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { benchmarksOrExit } from "./_benchmarks.ts";
import { filterRows, parseRatedTexts } from "../lib/validate/sentences.ts";
import { tokenizeText } from "../lib/tokenize.ts";
import { indexLexicon, sentimentLexicon } from "../lib/sentiment/lexicons.ts";
import { sentenceContributions, tokenRange } from "../lib/sentiment/valence.ts";
import { isWord } from "../lib/metrics/word_count.ts";
import { SentimentOptions } from "../lib/sentiment/options.ts";
import { BOOSTERS, EXCLAMATION_INCREMENT, NEGATORS } from "../lib/sentiment/rules.ts";
import { pearson } from "../lib/stats/agreement.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    benchmarks: { type: "string" },
    write: { type: "boolean", default: false },
    quick: { type: "boolean", default: false },
    "min-count": { type: "string", default: "5" },
    "no-new": { type: "boolean", default: false },
    grid2: { type: "boolean", default: false },
    alpha: { type: "string", default: "15" },
  },
});
const dir = benchmarksOrExit(values.benchmarks, "fit:sentiment");

interface Row {
  y: number;
  nyt: boolean;
  article: number;
  occ: { k: number; f: number }[];
  fixed: number;
  excl: number;
}

/** VADER's normalisation constant (score = s / √(s² + alpha)); 15 in the toolkit. */
const ALPHA = Number(values.alpha);
const OPTIONS = SentimentOptions.parse({ negativeWeight: 1 });
const NEGATIVE_WEIGHT = SentimentOptions.parse({}).negativeWeight;
const CONTENT = new Set(["NOUN", "VERB", "ADJ", "ADV"]);
const MIN_NEW_COUNT = Number(values["min-count"]);

function load(name: string, nytOdd: boolean) {
  const file = `${dir}/vader/${name}_GroundTruth.txt`;
  const rows = parseRatedTexts(Deno.readTextFileSync(file), file);
  return nytOdd ? filterRows(rows, "odd-articles", file) : rows;
}

const raw = [
  ...load("nytEditorialSnippets", true).map((r) => ({ ...r, nyt: true })),
  ...["tweets", "movieReviewSnippets", "amazonReviewSnippets"].flatMap((n) =>
    load(n, false).map((r) => ({ ...r, nyt: false }))
  ),
];
console.error(`tuning rows: ${raw.length} (${raw.filter((r) => r.nyt).length} NYT-odd)`);

// Pass 1: candidate lemmas outside every lexicon.
const general = sentimentLexicon("general");
const domain = sentimentLexicon("domain");
const known = (w: string) =>
  general.forms.has(w) || general.lemmas.has(w) || domain.forms.has(w) ||
  domain.lemmas.has(w) || NEGATORS.has(w) || BOOSTERS.has(w);
const tokenized = raw.map((r) => tokenizeText(r.text));
const counts = new Map<string, number>();
for (const { tokens } of tokenized) {
  for (const t of tokens) {
    if (!isWord(t) || !CONTENT.has(t.pos) || !/^[a-z][a-z-]+$/.test(t.lemma)) continue;
    if (t.lemma.length < 3 || known(t.lemma) || known(t.lower)) continue;
    counts.set(t.lemma, (counts.get(t.lemma) ?? 0) + 1);
  }
}
const candidates = values["no-new"]
  ? []
  : [...counts].filter(([, n]) => n >= MIN_NEW_COUNT).map(([w]) => w).sort();
console.error(`new-word candidates: ${candidates.length}`);
const candidateIndex = indexLexicon(
  {
    name: "candidates",
    version: "0.0.0",
    description: "fit",
    source: "fit",
    licence: "MIT",
    language: "en",
    categories: { candidates: { label: "c", description: "c" } },
    entries: candidates.map((term) => ({ term, weight: 1, match: "lemma" })),
  } as unknown as Parameters<typeof indexLexicon>[0],
);

// Pass 2: contributions per row.
const keys: string[] = [];
const keyIndex = new Map<string, number>();
const base: number[] = [];
const keyOf = (k: string, w0: number) => {
  let i = keyIndex.get(k);
  if (i === undefined) {
    i = keys.length;
    keys.push(k);
    keyIndex.set(k, i);
    base.push(w0);
  }
  return i;
};
// One list for every sentence, so the matcher's per-list lookups are built once.
const LEXICONS = [domain, general, candidateIndex];
const rows: Row[] = raw.map((r, i) => {
  const { tokens, sentences } = tokenized[i];
  const row: Row = {
    y: r.rating,
    nyt: r.nyt,
    article: Number(r.id.split("_")[0]),
    occ: [],
    fixed: 0,
    excl: 0,
  };
  for (const s of sentences) {
    const [from, to] = tokenRange(tokens, s.start, s.end);
    for (
      const c of sentenceContributions(tokens, from, to, OPTIONS, LEXICONS)
    ) {
      const lex = c.entry.lexicon;
      if (lex === "sentiment_domain") {
        row.fixed += c.weight;
        continue;
      }
      const k = lex === "candidates" ? `new:${c.entry.term}` : `gen:${c.entry.term}`;
      const w0 = lex === "candidates" ? 0 : c.entry.weight;
      const f = c.weight / c.entry.weight;
      row.occ.push({ k: keyOf(k, w0), f });
    }
  }
  let excl = 0;
  for (const t of tokens) {
    if (t.type === "punctuation") excl += [...t.text].filter((c) => c === "!").length;
  }
  row.excl = Math.min(4, excl) * EXCLAMATION_INCREMENT;
  return row;
});
console.error(`parameters: ${keys.length}`);

function scores(w: number[], rs: Row[]): { S: number[]; s: number[] } {
  const S = rs.map((r) => {
    let sum = 0;
    for (const o of r.occ) {
      const c = w[o.k] * o.f;
      sum += c < 0 ? c * NEGATIVE_WEIGHT : c;
    }
    if (r.fixed < 0) sum += r.fixed * NEGATIVE_WEIGHT;
    else sum += r.fixed;
    if (sum !== 0) sum += Math.sign(sum) * r.excl;
    return sum;
  });
  return { S, s: S.map((x) => (x === 0 ? 0 : x / Math.sqrt(x * x + ALPHA))) };
}

interface FitOptions {
  lambda: number;
  otherWeight: number;
  iterations: number;
}

/** Adam on the penalised weighted least squares; a, b refitted in closed form. */
function fit(train: Row[], opts: FitOptions): number[] {
  const w = [...base];
  const m = new Array(w.length).fill(0);
  const v = new Array(w.length).fill(0);
  const omega = train.map((r) => (r.nyt ? 1 : opts.otherWeight));
  const W = omega.reduce((a, b) => a + b, 0);
  const lr = 0.05;
  for (let it = 1; it <= opts.iterations; it++) {
    const { S, s } = scores(w, train);
    // weighted linear regression y ~ a + b s
    let ms = 0, my = 0;
    train.forEach((r, i) => {
      ms += omega[i] * s[i];
      my += omega[i] * r.y;
    });
    ms /= W;
    my /= W;
    let cov = 0, vs = 0;
    train.forEach((r, i) => {
      cov += omega[i] * (s[i] - ms) * (r.y - my);
      vs += omega[i] * (s[i] - ms) ** 2;
    });
    const b = vs > 0 ? cov / vs : 0;
    const a = my - b * ms;
    const g = w.map((wk, k) => 2 * opts.lambda * (wk - base[k]));
    train.forEach((r, i) => {
      const resid = a + b * s[i] - r.y;
      const dS = ALPHA / Math.pow(S[i] * S[i] + ALPHA, 1.5);
      const common = (2 * omega[i] * resid * b * dS) / W;
      for (const o of r.occ) {
        const c = w[o.k] * o.f;
        g[o.k] += common * o.f * (c < 0 ? NEGATIVE_WEIGHT : 1);
      }
    });
    for (let k = 0; k < w.length; k++) {
      m[k] = 0.9 * m[k] + 0.1 * g[k];
      v[k] = 0.999 * v[k] + 0.001 * g[k] * g[k];
      const mh = m[k] / (1 - 0.9 ** it);
      const vh = v[k] / (1 - 0.999 ** it);
      w[k] -= (lr * mh) / (Math.sqrt(vh) + 1e-8);
      w[k] = Math.max(-4, Math.min(4, w[k]));
    }
  }
  return w;
}

const nyt = rows.filter((r) => r.nyt);
const others = rows.filter((r) => !r.nyt);
const FOLDS = 5;
const foldOf = (r: Row) => (r.article * 7919) % FOLDS;

function cv(opts: FitOptions): { r: number; foldR: number[] } {
  const pred: number[] = [];
  const gold: number[] = [];
  const foldR: number[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const test = nyt.filter((r) => foldOf(r) === f);
    const train = [...nyt.filter((r) => foldOf(r) !== f), ...(opts.otherWeight > 0 ? others : [])];
    const w = fit(train, opts);
    const { s } = scores(w, test);
    pred.push(...s);
    gold.push(...test.map((r) => r.y));
    foldR.push(pearson(s, test.map((r) => r.y)));
  }
  return { r: pearson(pred, gold), foldR };
}

const { s: s0 } = scores(base, nyt);
console.error(
  `NYT-odd r with lexicon weights (no fit): ${pearson(s0, nyt.map((r) => r.y)).toFixed(4)}`,
);

/** The procedure chosen by the cross-validation below (see the module doc). */
const CHOSEN: FitOptions = { lambda: 1e-3, otherWeight: 0.1, iterations: 200 };

if (values.write) {
  const w = fit([...nyt, ...others], CHOSEN);
  const { s } = scores(w, nyt);
  console.error(
    `NYT-odd r in-sample with fitted weights: ${pearson(s, nyt.map((r) => r.y)).toFixed(4)}`,
  );
  const entries: { term: string; weight: number; match?: string }[] = [];
  keys.forEach((k, i) => {
    const weight = Math.round(w[i] * 100) / 100;
    if (Math.abs(weight - base[i]) < 0.05) return;
    const [kind, term] = [k.slice(0, 3), k.slice(4)];
    entries.push(kind === "new" ? { term, weight, match: "lemma" } : { term, weight });
  });
  entries.sort((a, b) => a.term.localeCompare(b.term));
  const lexicon = {
    name: "sentiment_fitted",
    version: "1.0.0",
    description:
      "Word weights fitted to human sentence ratings, on VADER's -4 (extremely negative) .. " +
      "+4 (extremely positive) scale. Entries without `match` replace the weight of the same " +
      "term in sentiment_general (VADER); entries with `match: lemma` are words outside every " +
      "lexicon that occur at least " + MIN_NEW_COUNT + " times in the tuning rows. Fitted by " +
      "tools/fit_sentence_weights.ts on the TUNING rows of benchmarks/SPLITS.md only: the VADER " +
      "ground-truth files of tweets, movie and Amazon review snippets (each row weighted " +
      CHOSEN.otherWeight + ") and NYT editorial rows with an odd article number (weight 1); " +
      "least squares of a + b * score against the mean rating, score as computed by " +
      "sentenceSentiment, with an L2 penalty (lambda " + CHOSEN.lambda + ") pulling each " +
      "weight to its VADER weight (0 for new words), " + CHOSEN.iterations + " Adam steps. " +
      "Lambda and the other files' weight were chosen by 5-fold cross-validation over NYT-odd " +
      "articles. Only weights that moved by 0.05 or more are listed. Switch off with " +
      "`lexicons: { fitted: false }`.",
    source: "Derived from VADER (Hutto & Gilbert 2014, ICWSM-14): its lexicon (MIT) and its " +
      "ground-truth rating files (github.com/cjhutto/vaderSentiment, MIT), tuning rows only.",
    licence: "MIT",
    language: "en",
    categories: {
      sentiment_fitted: {
        label: "Fitted sentiment",
        description: "Valence -4..+4 fitted to ratings.",
      },
    },
    entries,
  };
  const out = new URL("../data/lexicons/sentiment_fitted.json", import.meta.url);
  const body = JSON.stringify({ ...lexicon, entries: [] }, null, 2).replace(
    '"entries": []',
    '"entries": [\n' + entries.map((e) => "    " + JSON.stringify(e)).join(",\n") + "\n  ]",
  );
  Deno.writeTextFileSync(out, body + "\n");
  console.error(`wrote ${entries.length} entries to ${out.pathname}`);
} else {
  const grid: FitOptions[] = [];
  if (values.grid2) {
    for (const iterations of [100, 200, 400]) {
      for (const lambda of [1e-3, 2e-3]) grid.push({ lambda, otherWeight: 0.1, iterations });
    }
  } else {
    for (const otherWeight of values.quick ? [0.1] : [0, 0.1, 0.3]) {
      for (const lambda of values.quick ? [1e-3] : [3e-4, 1e-3, 3e-3, 1e-2]) {
        grid.push({ lambda, otherWeight, iterations: 200 });
      }
    }
  }
  const results = grid.map((g) => {
    const res = cv(g);
    console.error(
      `lambda=${g.lambda} otherWeight=${g.otherWeight}: CV r=${res.r.toFixed(4)} folds=${
        res.foldR.map((x) => x.toFixed(3)).join(",")
      }`,
    );
    return { ...g, ...res };
  });
  console.log(JSON.stringify(results));
}
