/**
 * `deno task eval [--benchmarks DIR] [--tuning-only]`: runs the bundled
 * benchmarks with the selection of `benchmarks/SPLITS.md` and prints tuning
 * and reporting figures separately (toolkit, VADER, wink-nlp), as JSON.
 * `--tuning-only` scores and prints the tuning part alone (the reporting
 * files are not read). The benchmarks folder is `--benchmarks DIR`, else
 * `FRAMING_BENCHMARKS`, else `shared/benchmarks` beside the repository.
 *
 * Target sentiment is reported for the trained model (`macroF1`,
 * `accuracy`: its most probable class) and the rule scorer beside it
 * (`rules`, labelled with the neutral band).
 *
 * Tuning: VADER tweets, movie and Amazon snippets, NYT rows with an odd
 * article number; NewsMTSC `paper-split/*-dev.jsonl`.
 * Reporting: NYT rows with an even article number; NewsMTSC
 * `paper-split/newsmtsc-{rw,mt}-test.jsonl`.
 *
 * The fitted word weights (`data/lexicons/sentiment_fitted.json`) were fitted
 * on the sentence tuning rows, so the sentence tuning figures are in-sample;
 * their out-of-sample estimate is the cross-validation of
 * `tools/fit_sentence_weights.ts`. Each sentence figure is also given with
 * the fitted weights off (`pearsonWithoutFitted`).
 *
 * @module
 */
import { parseArgs } from "node:util";
import { benchmarksOrExit } from "./_benchmarks.ts";
import {
  filterRows,
  parseRatedTexts,
  type RowFilter,
  validateSentences,
} from "../lib/validate/sentences.ts";
import { parseTargets, validateTargets } from "../lib/validate/targets.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    benchmarks: { type: "string" },
    "tuning-only": { type: "boolean", default: false },
  },
});
const dir = benchmarksOrExit(values.benchmarks, "eval");

function sentences(name: string, rows: RowFilter) {
  const file = `${dir}/vader/${name}_GroundTruth.txt`;
  const data = filterRows(parseRatedTexts(Deno.readTextFileSync(file), file), rows, file);
  const v = validateSentences(data);
  const off = validateSentences(data, {
    sentiment: { lexicons: { fitted: false } },
    baselines: [],
  });
  return {
    data: `${name} (${rows})`,
    n: v.n,
    pearson: v.pearson,
    pearsonWithoutFitted: off.pearson,
    vader: v.baselines.vader.pearson,
    wink: v.baselines.wink.pearson,
  };
}

function targets(name: string) {
  const file = `${dir}/newsmtsc/paper-split/${name}.jsonl`;
  const v = validateTargets(parseTargets(Deno.readTextFileSync(file), file));
  return {
    data: name,
    n: v.n,
    model: v.model,
    macroF1: v.macroF1,
    accuracy: v.accuracy,
    rules: { macroF1: v.rules.macroF1, accuracy: v.rules.accuracy, neutralBand: v.neutralBand },
    vader: { macroF1: v.baselines.vader.macroF1, accuracy: v.baselines.vader.accuracy },
    wink: { macroF1: v.baselines.wink.macroF1, accuracy: v.baselines.wink.accuracy },
    confusion: v.confusion,
  };
}

const out = {
  splits: "benchmarks/SPLITS.md",
  tuning: {
    sentences: [
      sentences("tweets", "all"),
      sentences("movieReviewSnippets", "all"),
      sentences("amazonReviewSnippets", "all"),
      sentences("nytEditorialSnippets", "odd-articles"),
    ],
    targets: [targets("newsmtsc-rw-dev"), targets("newsmtsc-mt-dev")],
  },
  reporting: values["tuning-only"] ? "not run (--tuning-only)" : {
    sentences: [sentences("nytEditorialSnippets", "even-articles")],
    targets: [targets("newsmtsc-rw-test"), targets("newsmtsc-mt-test")],
  },
};
console.log(JSON.stringify(out, null, 2));
