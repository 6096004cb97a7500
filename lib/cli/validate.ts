/**
 * `deno task validate sentences FILE.tsv`, `deno task validate targets FILE.jsonl`,
 * `deno task validate articles FILE.jsonl|FILE.csv` and `deno task validate hedges FILE.jsonl`:
 * agreement of the toolkit's sentiment with a hand-coded sample, beside the
 * reference scorers VADER and wink-nlp, printed as JSON.
 *
 * Options:
 *   --rows all|even-articles|odd-articles   sentences: keep rows by article-number parity
 *   --model trained|rules                   targets: the scorer of the top-level figures
 *                                           (default trained; the rule scorer is always
 *                                           reported beside it under "rules")
 *   --neutral-band X                        targets: half-width of the rule scorer's neutral band
 *   --no-domain / --no-general              switch a sentiment lexicon off
 *   --fitted yes|no                         the fitted word weights (default: yes for
 *                                           sentences, no for targets; see SentimentLexiconSwitch)
 *   --sentiment-lexicon FILE                a sentiment lexicon of your own (repeatable),
 *                                           looked up before the bundled ones
 *   --no-baselines                          skip VADER and wink-nlp
 *   --tune SPLIT                            articles: a split whose rows fit the thresholds
 *                                           (repeatable; default train, dev, tune, tuning, validation)
 *   --details                               articles: list every article's scores
 *
 * @module
 */
import { parseArgs } from "node:util";
import { InputError } from "../errors.ts";
import {
  filterRows,
  parseRatedTexts,
  RowFilter,
  validateSentences,
} from "../validate/sentences.ts";
import { parseTargets, TARGET_NEUTRAL_BAND, validateTargets } from "../validate/targets.ts";
import { validateHedges } from "../validate/hedges.ts";
import { parseLabelledArticles } from "../validate/labelled_articles.ts";
import { validateArticles } from "../validate/articles.ts";
import { loadResources } from "../resources.ts";
import { SentimentOptions, SpanSentimentOptions } from "../sentiment/options.ts";

const USAGE = `Usage:
  deno task validate sentences FILE.tsv [--rows all|even-articles|odd-articles]
  deno task validate targets FILE.jsonl [--model trained|rules] [--neutral-band 0.07]
  deno task validate articles FILE.jsonl|FILE.csv [--tune SPLIT]... [--details] [--model trained|rules]
    (columns: text, person or actor, label negative/neutral/positive; optional split, id, kind)
  deno task validate hedges FILE.jsonl
  Options for sentences and targets: --no-domain, --no-general, --fitted yes|no,
    --sentiment-lexicon FILE (repeatable: a lexicon of your own, looked up first), --no-baselines`;

/** Runs the command on `args`; returns the JSON-ready result. */
export async function runValidate(args: string[]): Promise<Record<string, unknown>> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      rows: { type: "string", default: "all" },
      "neutral-band": { type: "string" },
      model: { type: "string", default: "trained" },
      "no-domain": { type: "boolean", default: false },
      "no-general": { type: "boolean", default: false },
      fitted: { type: "string" },
      "sentiment-lexicon": { type: "string", multiple: true },
      "no-baselines": { type: "boolean", default: false },
      tune: { type: "string", multiple: true },
      details: { type: "boolean", default: false },
    },
  });
  const [kind, file] = positionals;
  if (
    !["sentences", "targets", "articles", "hedges"].includes(kind) || !file ||
    positionals.length > 2
  ) {
    throw new TypeError(
      `Expected "sentences FILE", "targets FILE", "articles FILE" or "hedges FILE", got "${
        positionals.join(" ")
      }"\n${USAGE}`,
    );
  }
  // Hedge cues against cue annotation (the SFU format: sentences with speculation cues).
  if (kind === "hedges") return { task: "hedges", ...(await validateHedges(file)) };
  if (values.fitted !== undefined && values.fitted !== "yes" && values.fitted !== "no") {
    throw new InputError(
      { file: "<arguments>", path: "--fitted" },
      `expected "yes" or "no", got "${values.fitted}"`,
    );
  }
  const switches = {
    general: !values["no-general"],
    domain: !values["no-domain"],
    ...(values.fitted === undefined ? {} : { fitted: values.fitted === "yes" }),
    extra: values["sentiment-lexicon"] ?? [],
  };
  const baselines = values["no-baselines"] ? [] : undefined;
  let text: string;
  try {
    text = await Deno.readTextFile(file);
  } catch (cause) {
    throw new InputError({ file }, "expected a readable file", { cause });
  }
  const model = values.model;
  if (model !== "trained" && model !== "rules") {
    throw new InputError(
      { file: "<arguments>", path: "--model" },
      `expected "trained" or "rules", got "${model}"`,
    );
  }
  if (kind === "articles") {
    const rows = parseLabelledArticles(text, file);
    const resources = await loadResources();
    const result = validateArticles(rows, resources, {
      tuning: values.tune,
      baseline: !values["no-baselines"],
      analysis: { sentimentLexicons: switches, spanModel: model },
    });
    const { articles, ...summary } = result;
    return {
      task: "articles",
      file,
      score: "stance toward the named actor in the author's voice (title and body), −1..+1",
      baseline: "VADER compound, mean over the author's sentences that name the actor",
      ...summary,
      ...(values.details ? { articles } : {}),
    };
  }
  const scale = "scores on -1..+1 (VADER normalisation of summed lexicon valences)";
  if (kind === "sentences") {
    const rows = RowFilter.safeParse(values.rows);
    if (!rows.success) {
      throw new InputError(
        { file: "<arguments>", path: "--rows" },
        `expected one of ${RowFilter.options.join(", ")}, got "${values.rows}"`,
      );
    }
    const data = filterRows(parseRatedTexts(text, file), rows.data, file);
    const lexicons = SentimentOptions.parse({ lexicons: switches }).lexicons;
    const result = validateSentences(data, { sentiment: { lexicons }, baselines });
    return { task: "sentences", file, rows: rows.data, lexicons, scale, ...result };
  }
  const band = values["neutral-band"] === undefined
    ? TARGET_NEUTRAL_BAND
    : Number(values["neutral-band"]);
  if (!Number.isFinite(band) || band < 0 || band >= 1) {
    throw new InputError(
      { file: "<arguments>", path: "--neutral-band" },
      `expected a number in 0..1, got "${values["neutral-band"]}"`,
    );
  }
  const targets = parseTargets(text, file);
  const lexicons = SpanSentimentOptions.parse({ lexicons: switches }).lexicons;
  const result = validateTargets(targets, {
    sentiment: { lexicons, model },
    neutralBand: band,
    baselines,
  });
  const targetScale = model === "trained"
    ? "trained model: p(positive) - p(negative) on -1..+1, labelled by its most probable class; " +
      `rules: ${scale}, labelled with the neutral band`
    : scale;
  return { task: "targets", file, lexicons, scale: targetScale, ...result };
}

if (import.meta.main) {
  try {
    console.log(JSON.stringify(await runValidate(Deno.args), null, 2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    Deno.exit(e instanceof InputError || e instanceof TypeError ? 2 : 1);
  }
}
