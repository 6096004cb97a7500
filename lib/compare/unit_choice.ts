/**
 * Which unit a comparison resamples: sentences (a few articles) or articles
 * (a corpus), and the words that say so with every comparison.
 *
 * Sentences of one article share its author, topic and tone. Resampling them
 * in a corpus is pseudo-replication: intervals too narrow, p-values too
 * small. Articles are resampled once every compared group has at least
 * {@linkcode MIN_ARTICLES_PER_GROUP} of them; below that, the permutation of
 * articles cannot reach p < 0.05 often enough and the article bootstrap's
 * intervals are too short, so the sentence unit stays, with its statement
 * that the figures describe these texts.
 *
 * @module
 */
import { z } from "zod";
import { RESAMPLING_UNIT } from "./resample.ts";

/**
 * The fewest articles each compared group needs before articles are the
 * unit. Chosen from the null simulation in `tests/article_unit_test.ts`
 * (random halves of synthetic articles with an article-level random effect,
 * see the README's "Comparing corpora" section): from 10 articles a group
 * the article permutation's false-positive rate is within 0.02–0.08 and the
 * article bootstrap's 95 % interval of the difference covers 0 in at least
 * 90 % of the splits; with 5 or fewer the permutation has too few distinct
 * splits and the intervals cover about 85 %.
 */
export const MIN_ARTICLES_PER_GROUP = 10;

/** What the caller asked for: the automatic choice, or one unit. */
export const UnitRequest = z.enum(["auto", "sentence", "article"]);
/** What the caller asked for. */
export type UnitRequest = z.infer<typeof UnitRequest>;

/** The unit a comparison resampled, why, and any warning. */
export const ResamplingChoice = z.object({
  /** The unit resampled. */
  unit: z.enum(["sentence", "article"]),
  /** Why this unit, in one sentence. */
  reason: z.string(),
  /** What was asked for (`auto`, or a unit given with `--unit`). */
  requested: UnitRequest,
  /** The threshold of the automatic choice (articles per group). */
  minArticles: z.number().int().positive(),
  /** Warnings about the choice (a group with fewer than two articles resampled by article). */
  warnings: z.array(z.string()),
});
/** The unit a comparison resampled, why, and any warning. */
export type ResamplingChoice = z.infer<typeof ResamplingChoice>;

/** Options for {@linkcode chooseUnit}. */
export interface ChooseUnitOptions {
  /**
   * Whether the articles hold their sentences (false for compact records):
   * without them, articles are the only unit.
   * @default true
   */
  sentences?: boolean;
}

/** The statement a comparison carries when articles are resampled. */
export const ARTICLE_RESAMPLING_UNIT =
  "Intervals and p-values resample articles within each group (cluster bootstrap of articles; " +
  "permutation of articles between groups); rates are hits summed over words summed, actor " +
  "stance the mean over the articles that name the actor. They treat each group's articles as " +
  "a sample of articles like them, not its sentences as independent.";

/**
 * Chooses the unit of resampling from the groups' sizes.
 *
 * @param groups The compared groups and their articles.
 * @param requested `auto`, or the unit to use whatever the sizes.
 * @returns The unit, the reason in words, and warnings.
 * @param options Whether the articles hold sentences.
 * @throws {RangeError} When `requested` is not `auto`, `sentence` or `article`, or is
 * `sentence` for articles without sentences.
 *
 * @example
 * ```ts
 * import { chooseUnit } from "./unit_choice.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const many = (g: string, n: number) => ({ group: g, articles: Array.from({ length: n }, String) });
 * strictEqual(chooseUnit([many("A", 300), many("B", 280)]).unit, "article");
 * strictEqual(chooseUnit([many("A", 1), many("B", 1)]).unit, "sentence");
 * strictEqual(chooseUnit([many("A", 1), many("B", 1)], "article").warnings.length, 1);
 * ```
 */
export function chooseUnit(
  groups: readonly { group: string; articles: readonly string[] }[],
  requested: UnitRequest = "auto",
  options: ChooseUnitOptions = {},
): ResamplingChoice {
  const sentences = options.sentences ?? true;
  const asked = UnitRequest.safeParse(requested);
  if (!asked.success) {
    throw new RangeError(
      `Cannot resample by "${requested}": expected one of ${UnitRequest.options.join(", ")}`,
    );
  }
  const min = MIN_ARTICLES_PER_GROUP;
  const smallest = groups.reduce(
    (s, g) => (s === undefined || g.articles.length < s.articles.length ? g : s),
    undefined as { group: string; articles: readonly string[] } | undefined,
  );
  const sizes = groups.map((g) => `${g.group} ${g.articles.length}`).join(", ");
  const warnings: string[] = [];
  if (requested === "article") {
    const tiny = groups.filter((g) => g.articles.length < 2);
    if (tiny.length > 0) {
      warnings.push(
        `Articles are resampled as asked, but ${tiny.map((g) => `"${g.group}"`).join(", ")} ha${
          tiny.length === 1 ? "s" : "ve"
        } fewer than two articles: its interval has no ` +
          "width and the p-value cannot be small; the sentence unit describes such groups better.",
      );
    }
    return {
      unit: "article",
      reason:
        `Articles were resampled because --unit article was given (articles per group: ${sizes}).`,
      requested,
      minArticles: min,
      warnings,
    };
  }
  if (!sentences && requested === "sentence") {
    throw new RangeError(
      "Cannot resample sentences: the records hold none (the compact output of analyze); " +
        "run analyze without --compact, or resample articles",
    );
  }
  if (!sentences && requested === "auto") {
    const small = groups.filter((g) => g.articles.length < min);
    if (small.length > 0) {
      warnings.push(
        `Articles are resampled although ${
          small.map((g) => `"${g.group}" (${g.articles.length})`).join(", ")
        } ha${small.length === 1 ? "s" : "ve"} fewer than ${min} articles: the records hold ` +
          "no sentences to resample, and below that the intervals come out too short.",
      );
    }
    return {
      unit: "article",
      reason: "Articles were resampled because the records hold no sentences (the compact " +
        `output of analyze; articles per group: ${sizes}).`,
      requested,
      minArticles: min,
      warnings,
    };
  }
  if (requested === "sentence") {
    return {
      unit: "sentence",
      reason:
        `Sentences were resampled because --unit sentence was given (articles per group: ${sizes}).`,
      requested,
      minArticles: min,
      warnings,
    };
  }
  if (smallest !== undefined && smallest.articles.length >= min) {
    return {
      unit: "article",
      reason: `Articles were resampled because every group has at least ${min} articles ` +
        `(${sizes}).`,
      requested,
      minArticles: min,
      warnings,
    };
  }
  return {
    unit: "sentence",
    reason: `Sentences were resampled because ${
      smallest === undefined ? "there are no groups" : `group "${smallest.group}" has ` +
        `${smallest.articles.length} article${smallest.articles.length === 1 ? "" : "s"}`
    }, fewer than the ${min} a group needs for articles to be the unit.`,
    requested,
    minArticles: min,
    warnings,
  };
}

/**
 * The statement printed with a comparison: what was resampled, what the
 * figures then describe, and why this unit.
 *
 * @param choice The choice from {@linkcode chooseUnit}.
 * @returns The statement (plain text).
 *
 * @example
 * ```ts
 * import { chooseUnit, unitStatement } from "./unit_choice.ts";
 * import { ok } from "node:assert/strict";
 *
 * const one = (g: string) => ({ group: g, articles: [g] });
 * ok(unitStatement(chooseUnit([one("A"), one("B")])).startsWith("Intervals and p-values resample sentences"));
 * ```
 */
export function unitStatement(choice: ResamplingChoice): string {
  return `${
    choice.unit === "article" ? ARTICLE_RESAMPLING_UNIT : RESAMPLING_UNIT
  } ${choice.reason}`;
}

/**
 * Reads the `--unit` flag of a command: absent means `auto`.
 *
 * @param value The flag's value, if given.
 * @returns The request, or exit code 2 after printing what was expected.
 *
 * @example
 * ```ts
 * import { parseUnitFlag } from "./unit_choice.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(parseUnitFlag(undefined), "auto");
 * strictEqual(parseUnitFlag("article"), "article");
 * ```
 */
export function parseUnitFlag(value: string | undefined): UnitRequest | 2 {
  if (value === undefined) return "auto";
  if (value === "sentence" || value === "article") return value;
  console.error(`--unit "${value}": expected sentence or article`);
  return 2;
}
