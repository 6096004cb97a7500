/**
 * Validation of the article-level stance toward a person or actor against
 * whole articles coded by people (negative / neutral / positive), e.g.
 * PerSenT (Bastan et al. 2020) or a researcher's own coding.
 *
 * For each article the coded name becomes an ad-hoc actor (full name and
 * surname as aliases; for a person, the pronouns he or she, whichever the
 * text uses more), the article goes through the toolkit's analysis as any
 * other, and the stance toward the actor in the author's voice (title and
 * body) is its score. Three-way thresholds are fitted on the rows marked for
 * tuning and applied to every other split, reported one by one. VADER on the
 * sentences that name the actor (mean compound score) is scored the same
 * way, thresholds fitted on the same rows, as the baseline.
 *
 * @module
 */
import { actorStance } from "../actors/actor_stance.ts";
import { ActorLexicon } from "../actors/schema.ts";
import { analyzeArticle, type AnalyzeOptions } from "../analyze.ts";
import type { AnalysisResources } from "../resources.ts";
import { accuracy, type Confusion, confusion, macroF1 } from "../stats/agreement.ts";
import type { Voice } from "../voice.ts";
import { baselineScore } from "./baselines.ts";
import type { LabelledArticle } from "./labelled_articles.ts";
import { classify, fitThresholds, THREE_WAY, type Thresholds } from "./thresholds.ts";

/** Split names whose rows are used to fit the thresholds, unless told otherwise. */
export const TUNING_SPLITS: readonly string[] = ["train", "dev", "tune", "tuning", "validation"];

/** The voices that are the author's own. */
const AUTHOR_VOICES: readonly Voice[] = ["title", "body"];

/** Options of {@linkcode validateArticles}. */
export interface ValidateArticlesOptions {
  /** Splits whose rows fit the thresholds. @default TUNING_SPLITS */
  tuning?: readonly string[];
  /** Analysis options (bootstrap resamples are set to 1: intervals are not needed here). */
  analysis?: AnalyzeOptions;
  /** Compute the VADER baseline. @default true */
  baseline?: boolean;
}

/** Agreement of one scorer with the coded labels. */
export interface ArticleAgreement {
  n: number;
  macroF1: number;
  accuracy: number;
  /** Rows gold, columns predicted, in the order negative, neutral, positive. */
  confusion: Confusion;
}

/** One article's scores. */
export interface ArticleScore {
  id: string;
  line: number;
  split?: string;
  label: LabelledArticle["label"];
  /** Author-voice mentions of the actor that were found. */
  mentions: number;
  /** Of them, the mentions that evaluate. */
  evaluating: number;
  /** The toolkit's stance toward the actor (author voice). */
  stance: number;
  /** Mean VADER compound score of the author-voice sentences naming the actor. */
  vader?: number;
}

/** The result of a validation of whole articles. */
export interface ArticleValidation {
  n: number;
  /** Articles in which the actor was found in the author's voice. */
  found: number;
  /** How thresholds were fitted: on which splits and how many rows. */
  tuning: { splits: string[]; n: number; inSample: boolean };
  thresholds: { stance: Thresholds; vader?: Thresholds };
  /** Per reporting split (or "all" without splits): the toolkit's stance and the baseline. */
  parts: { split: string; stance: ArticleAgreement; vader?: ArticleAgreement }[];
  articles: ArticleScore[];
}

/**
 * A one-actor lexicon for a coded name: the full name, and for a person of
 * two or more words also the surname (last word) and first-plus-last name.
 *
 * @example
 * ```ts
 * import { actorForName } from "./articles.ts";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const lex = actorForName("Mary Ann Smith", "person", "She met them. Her plan won.");
 * strictEqual(lex.actors[0].id, "mary-ann-smith");
 * deepStrictEqual(lex.actors[0].aliases, ["Mary Ann Smith", "Smith", "Mary Smith"]);
 * strictEqual(lex.actors[0].pronoun, "she");
 * ```
 */
export function actorForName(
  name: string,
  kind: LabelledArticle["kind"],
  text: string,
): ActorLexicon {
  const clean = name.replace(/\s+/g, " ").trim();
  const words = clean.split(" ");
  const aliases = [clean];
  if (kind === "person" && words.length > 1) {
    const surname = words[words.length - 1];
    if (surname.replace(/[^\p{L}]/gu, "").length >= 2) aliases.push(surname);
    if (words.length > 2) aliases.push(`${words[0]} ${surname}`);
  }
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  const he = count(/\b(he|him|his|himself)\b/gi);
  const she = count(/\b(she|her|hers|herself)\b/gi);
  const id = clean.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "") || "target";
  return ActorLexicon.parse({
    name: "coded-actor",
    version: "1.0.0",
    description: `The coded actor ${JSON.stringify(clean)}.`,
    source: "built from the name in the coded file",
    licence: "CC0-1.0",
    language: "en",
    actors: [{
      id: /^[a-z0-9]/.test(id) ? id : `a-${id}`,
      name: clean,
      kind,
      ...(kind === "person" && he + she > 0 ? { pronoun: he >= she ? "he" : "she" } : {}),
      aliases: [...new Set(aliases)],
    }],
  });
}

/** Scores one article: the stance toward its coded actor and the VADER baseline. */
function scoreArticle(
  row: LabelledArticle,
  resources: AnalysisResources,
  options: ValidateArticlesOptions,
): ArticleScore {
  const actors = actorForName(row.name, row.kind, row.text);
  const analysis = analyzeArticle(
    {
      meta: { id: row.id, language: "en", inferred: [] },
      text: row.text,
      origin: "",
      warnings: [],
    },
    { ...resources, actors },
    { ...options.analysis, resamples: 1 },
  );
  const mine = analysis.mentions.filter((m) => AUTHOR_VOICES.includes(m.voice));
  const evaluating = mine.filter((m) => m.evaluates);
  const out: ArticleScore = {
    id: row.id,
    line: row.line,
    ...(row.split === undefined ? {} : { split: row.split }),
    label: row.label,
    mentions: mine.length,
    evaluating: evaluating.length,
    // The stance over the title and body together (band 0: `evaluates` already applied it).
    stance: actorStance(evaluating.map((m) => m.score), { band: 0 }),
  };
  if (options.baseline !== false) {
    const sentences = [...new Set(mine.map((m) => m.sentence))].map((i) => analysis.sentences[i]);
    const values = sentences.map((s) => baselineScore("vader", row.text.slice(s.start, s.end)));
    out.vader = values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
  }
  return out;
}

function agreement(gold: string[], predicted: string[]): ArticleAgreement {
  const labels = [...THREE_WAY];
  return {
    n: gold.length,
    macroF1: macroF1(gold, predicted, labels),
    accuracy: accuracy(gold, predicted),
    confusion: confusion(gold, predicted, labels),
  };
}

/**
 * Scores every coded article, fits three-way thresholds on the tuning rows
 * and reports agreement per reporting split, for the toolkit's stance and for
 * VADER on the sentences naming the actor.
 *
 * Without a split column (or without tuning rows) the thresholds are fitted
 * on all rows and the figures are in-sample, which the result says.
 *
 * @example Four coded articles, two for tuning
 * ```ts
 * import { validateArticles } from "./articles.ts";
 * import { loadResources } from "../resources.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const row = (id: string, text: string, label: "negative" | "positive", split: string) =>
 *   ({ id, text, name: "Ann Lee", kind: "person" as const, label, split, line: Number(id) });
 * const v = validateArticles([
 *   row("1", "Ann Lee is a corrupt liar. Lee lied again.", "negative", "dev"),
 *   row("2", "Ann Lee is a wonderful, brave leader. Lee helped many.", "positive", "dev"),
 *   row("3", "Ann Lee is a dishonest crook.", "negative", "test"),
 *   row("4", "Ann Lee is a kind and generous hero.", "positive", "test"),
 * ], await loadResources());
 * strictEqual(v.tuning.n, 2);
 * strictEqual(v.parts[0].split, "test");
 * strictEqual(v.parts[0].stance.accuracy, 1);
 * ```
 */
export function validateArticles(
  rows: readonly LabelledArticle[],
  resources: AnalysisResources,
  options: ValidateArticlesOptions = {},
): ArticleValidation {
  const tuningSplits = options.tuning ?? TUNING_SPLITS;
  const scored = rows.map((r) => scoreArticle(r, resources, options));
  const isTuning = (a: ArticleScore) => a.split !== undefined && tuningSplits.includes(a.split);
  let tuning = scored.filter(isTuning);
  const inSample = tuning.length === 0;
  if (inSample) tuning = scored;
  const gold = tuning.map((a) => a.label);
  const stanceCut = fitThresholds(tuning.map((a) => a.stance), gold).thresholds;
  const vaderCut = options.baseline === false
    ? undefined
    : fitThresholds(tuning.map((a) => a.vader!), gold).thresholds;
  const reporting = inSample ? scored : scored.filter((a) => !isTuning(a));
  const splits = [...new Set(reporting.map((a) => a.split ?? "all"))];
  const parts = splits.map((split) => {
    const part = reporting.filter((a) => (a.split ?? "all") === split);
    const labels = part.map((a) => a.label);
    return {
      split,
      stance: agreement(labels, part.map((a) => classify(a.stance, stanceCut))),
      ...(vaderCut
        ? { vader: agreement(labels, part.map((a) => classify(a.vader!, vaderCut))) }
        : {}),
    };
  });
  return {
    n: scored.length,
    found: scored.filter((a) => a.mentions > 0).length,
    tuning: {
      splits: inSample ? [] : [...new Set(tuning.map((a) => a.split!))],
      n: tuning.length,
      inSample,
    },
    thresholds: { stance: stanceCut, ...(vaderCut ? { vader: vaderCut } : {}) },
    parts,
    articles: scored,
  };
}
