/**
 * The validation notebook's verbs: run every validation on the reporting
 * parts that are found, and show its tables, charts and headline numbers,
 * one call each. Parts that are missing are skipped and said so.
 *
 * @module
 */
import { agreementFigure } from "../figures/agreement.ts";
import { type BarCheck, checkBars, describeBars, VALIDATION_BARS } from "../validate/bars.ts";
import { benchmarkFile, type BenchmarksDir, benchmarksDir } from "../validate/benchmarks_dir.ts";
import { validationHeadline } from "../validate/headline.ts";
import { type HedgeValidation, validateHedges } from "../validate/hedges.ts";
import {
  type FoundPart,
  reportingParts,
  type SkippedValidations,
  skippedValidations,
} from "../validate/reporting_parts.ts";
import {
  filterRows,
  parseRatedTexts,
  type SentenceValidation,
  validateSentences,
} from "../validate/sentences.ts";
import { parseTargets, type TargetValidation, validateTargets } from "../validate/targets.ts";
import {
  parseRoleData,
  roleScorers,
  type RoleValidation,
  selectRoleData,
  validateRoles,
} from "../validate/roles.ts";
import { loadResources } from "../resources.ts";
import { type Displayable, displayable, displayJson, displayTable } from "./display.ts";
import { displayThemedFigure } from "./themed_figure.ts";

/** The scorers' display names. */
const SCORERS = { toolkit: "toolkit", vader: "VADER", wink: "wink-nlp" } as const;

/** The target-sentiment reporting parts. */
export const TARGET_PARTS = ["newsmtsc-rw-test", "newsmtsc-mt-test"] as const;

/** What {@linkcode validate} returns: every validation that ran, and what was skipped. */
export interface Validation {
  /** Where the benchmarks were looked for. */
  found: BenchmarksDir;
  /** The reporting parts, each with its file or the reason it is missing. */
  parts: Record<string, FoundPart>;
  /** What was skipped, and why. */
  skipped: SkippedValidations;
  /** Sentence sentiment on the NYT editorial sentences, or `null` when skipped. */
  nyt: SentenceValidation | null;
  /** Target sentiment by part id (the parts that ran). */
  targets: Partial<Record<string, TargetValidation>>;
  /** Hedge cues, or `null` when skipped. */
  hedges: HedgeValidation | null;
  /**
   * The author's stance toward the heroes and villains of whole articles
   * (narrative roles, even article IDs), or `null` when skipped.
   */
  roles: RoleValidation | null;
  /** The bar checks (none when a sentiment part is missing). */
  checks: BarCheck[];
  /** The bars in one sentence. */
  verdict: string;
}

/** Options for {@linkcode validate}. */
export interface ValidateOptions {
  /**
   * The benchmark folder; `null` looks for `FRAMING_BENCHMARKS`, then
   * `shared/benchmarks` beside the repository.
   * @default null
   */
  benchmarks?: string | null;
}

/**
 * Runs every validation whose reporting part is found (`benchmarks/SPLITS.md`):
 * sentence sentiment against the NYT ratings (even article numbers), target
 * sentiment against the NewsMTSC rw and mt test labels, hedge cues against
 * the SFU speculation sample, the author's stance toward the heroes and
 * villains of whole articles (Frermann et al. 2023, even article IDs); and
 * checks the bars.
 *
 * @param options Where the benchmarks are.
 * @returns The results; missing parts are `null` (or absent) and listed in `skipped`.
 *
 * @example Without the data every part is skipped, and said so
 * ```ts
 * import { validate } from "@framing/toolkit/notebook";
 * import { strictEqual } from "node:assert/strict";
 *
 * const v = await validate({ benchmarks: await Deno.makeTempDir() });
 * strictEqual(v.nyt, null);
 * strictEqual(v.skipped.skipped.length, 5);
 * strictEqual(v.checks.length, 0);
 * ```
 */
export async function validate(options: ValidateOptions = {}): Promise<Validation> {
  const found = benchmarksDir({ given: options.benchmarks ?? undefined });
  const parts = reportingParts(found);
  const skipped = skippedValidations(parts, found);
  const nytFile = parts["nyt-even"].path;
  const nyt = nytFile === null ? null : validateSentences(filterRows(
    parseRatedTexts(await Deno.readTextFile(nytFile), nytFile),
    "even-articles",
    nytFile,
  ));
  const targets: Partial<Record<string, TargetValidation>> = {};
  for (const name of TARGET_PARTS) {
    const file = parts[name].path;
    if (file !== null) {
      targets[name] = validateTargets(parseTargets(await Deno.readTextFile(file), file));
    }
  }
  const hedgeFile = parts["sfu-hedges"].path;
  const hedges = hedgeFile === null ? null : await validateHedges(hedgeFile);
  const roles = await validateRolePart(parts["roles-even"], found);
  const records = sentimentRecords({ nyt, targets });
  const checks = records.length === 0
    ? []
    : checkBars(Object.fromEntries(records.map((r) => [r.key, r.toolkit])));
  const verdict = records.length === 0
    ? "The bars cannot be checked: a sentiment part is missing (see the first cell)."
    : describeBars(checks);
  return { found, parts, skipped, nyt, targets, hedges, roles, checks, verdict };
}

/** The narrative-roles part, scored with the whole analysis (as the actor chart is). */
async function validateRolePart(
  part: FoundPart,
  found: BenchmarksDir,
): Promise<RoleValidation | null> {
  if (part.path === null) return null;
  const files = { roles: part.path, articles: benchmarkFile(found, part.also![0]).path! };
  const data = parseRoleData(
    await Deno.readTextFile(files.articles),
    await Deno.readTextFile(files.roles),
    files,
  );
  return validateRoles(selectRoleData(data, "even"), { resources: await loadResources() });
}

/** One sentiment benchmark's figure for each scorer (empty unless all three parts ran). */
interface SentimentRecord {
  key: string;
  benchmark: string;
  toolkit: number;
  vader: number;
  wink: number;
}

function sentimentRecords(v: Pick<Validation, "nyt" | "targets">): SentimentRecord[] {
  const { nyt, targets } = v;
  if (nyt === null || !TARGET_PARTS.every((name) => targets[name])) return [];
  return [
    {
      key: "nyt-even",
      benchmark: "NYT editorials (even)<br>Pearson r",
      toolkit: nyt.pearson,
      vader: nyt.baselines.vader.pearson,
      wink: nyt.baselines.wink.pearson,
    },
    ...TARGET_PARTS.map((name) => ({
      key: name,
      benchmark: `NewsMTSC ${name.split("-")[1]} test<br>macro-F1`,
      toolkit: targets[name]!.macroF1,
      vader: targets[name]!.baselines.vader.macroF1,
      wink: targets[name]!.baselines.wink.macroF1,
    })),
  ];
}

/** The tables {@linkcode validationTable} shows. */
export type ValidationTableKind =
  | "skipped"
  | "sentences"
  | "targets"
  | "confusion"
  | "hedges"
  | "roles"
  | "bars";

/**
 * A validation's tables, ready to show: `"skipped"` (what was skipped and
 * why), `"sentences"` (Pearson r of each scorer), `"targets"` (macro-F1 and
 * accuracy of each scorer on each NewsMTSC part), `"confusion"` (the
 * toolkit's confusion matrix and per-label figures), `"hedges"` (precision,
 * recall and F1 of four scorings, the commonest false positives and misses),
 * `"roles"` (how often each scorer puts a hero above a villain of the same
 * corpus, and its sign agreement), `"bars"` (which bars are met, and against
 * VADER). A part that was skipped gives a line that says so.
 *
 * @param v The result of {@linkcode validate}.
 * @param kind Which table.
 * @returns Values the Deno kernel displays.
 *
 * @example
 * ```ts
 * import { JUPYTER_DISPLAY, validate, validationTable } from "@framing/toolkit/notebook";
 * import { ok } from "node:assert/strict";
 *
 * const v = await validate({ benchmarks: await Deno.makeTempDir() });
 * const [line] = validationTable(v, "sentences");
 * ok(String(line[JUPYTER_DISPLAY]()["text/plain"]).startsWith("Skipped:"));
 * ```
 */
export function validationTable(v: Validation, kind: ValidationTableKind): Displayable[] {
  switch (kind) {
    case "skipped":
      return [markdown(v.skipped.markdown, v.skipped.text)];
    case "sentences": {
      const nyt = v.nyt;
      if (nyt === null) return [skippedLine(v, "nyt-even")];
      return [displayTable({
        columns: ["scorer", "sentences", "Pearson r"],
        values: [
          [SCORERS.toolkit, nyt.n, nyt.pearson],
          [SCORERS.vader, nyt.n, nyt.baselines.vader.pearson],
          [SCORERS.wink, nyt.n, nyt.baselines.wink.pearson],
        ],
      }, {
        caption: "NYT editorial sentences (even article numbers): correlation with human ratings",
      })];
    }
    case "targets": {
      const rows = TARGET_PARTS.flatMap((name) => {
        const t = v.targets[name];
        return t === undefined ? [] : [
          [name, SCORERS.toolkit, t.n, t.macroF1, t.accuracy, t.neutralBand],
          ...(["vader", "wink"] as const).map((b) => {
            const s = t.baselines[b];
            return [name, SCORERS[b], s.n, s.macroF1, s.accuracy, s.neutralBand];
          }),
        ];
      });
      const skipped = TARGET_PARTS.filter((name) => v.targets[name] === undefined)
        .map((name) => skippedLine(v, name));
      if (rows.length === 0) return skipped;
      return [
        displayTable({
          columns: ["data", "scorer", "targets", "macro-F1", "accuracy", "neutral band"],
          values: rows,
        }, { caption: "NewsMTSC test files: agreement with the target labels" }),
        ...skipped,
      ];
    }
    case "confusion":
      return TARGET_PARTS.flatMap((name) => {
        const t = v.targets[name];
        if (t === undefined) return [];
        const { labels, matrix } = t.confusion;
        return [
          displayTable({
            columns: ["gold \\ toolkit", ...labels, "total"],
            values: matrix.map((row, i) => [labels[i], ...row, row.reduce((s, x) => s + x, 0)]),
          }, { caption: `${name}: confusion matrix of the toolkit (${t.n} targets)` }),
          displayTable({
            columns: ["label", "precision", "recall", "F1", "support"],
            values: t.perLabel.map((l) => [l.label, l.precision, l.recall, l.f1, l.support]),
          }, { caption: `${name}: the toolkit per label` }),
        ];
      });
    case "hedges": {
      const h = v.hedges;
      if (h === null) return [skippedLine(v, "sfu-hedges")];
      return [
        displayTable({
          columns: [
            "scoring",
            "hits",
            "hits on a cue",
            "cues",
            "cues found",
            "precision",
            "recall",
            "F1",
          ],
          values: hedgeScorings(h).map(([name, s]) => [
            name,
            s.hits,
            s.hitsMatched,
            s.cues,
            s.cuesMatched,
            s.precision,
            s.recall,
            s.f1,
          ]),
        }, { caption: `SFU Review speculation sample: ${h.n} sentences` }),
        displayTable({
          columns: ["hedge entry", "hits on no cue"],
          values: h.topFalsePositives.slice(0, 8),
        }, { caption: "Hedge entries most often found where the annotators marked no cue" }),
        displayTable({
          columns: ["cue", "times missed"],
          values: h.topMissed.slice(0, 8),
        }, { caption: "Annotated cues the toolkit most often missed" }),
      ];
    }
    case "roles": {
      const r = v.roles;
      if (r === null) return [skippedLine(v, "roles-even")];
      return [displayTable({
        columns: ["scorer", "heroes and villains", "rank agreement", "sign agreement", "neutral"],
        values: roleScorers(r).map(([name, a]) => [
          ROLE_SCORERS[name] ?? name,
          a.n,
          a.rankAgreement,
          a.signAgreement,
          a.neutral,
        ]),
      }, {
        caption: `Narrative roles, even article IDs (${r.articles} articles): rank agreement is ` +
          "the chance that a hero scores above a villain (0.5 is chance)",
      })];
    }
    case "bars": {
      const beats = sentimentRecords(v).map((r) =>
        `${r.key}: ${r.toolkit > r.vader ? "above" : "not above"} VADER`
      );
      return [markdown(
        `**${v.verdict}**\n\nAgainst the reference scorers: ${beats.join("; ") || "not scored"}.`,
        `${v.verdict}\n${beats.join("; ")}`,
      )];
    }
  }
  throw new RangeError(
    `Unknown validation table "${
      String(kind)
    }": expected skipped, sentences, targets, confusion, hedges, roles or bars`,
  );
}

/** The charts {@linkcode validationFigure} draws. */
export type ValidationFigureKind = "sentiment" | "hedges";

/**
 * A validation's charts: `"sentiment"` (the toolkit beside VADER and
 * wink-nlp on the three sentiment parts, with the bars drawn; only when all
 * three ran) and `"hedges"` (precision, recall and F1 of the hedge
 * scorings). Where a part is missing, a line says why.
 *
 * @param v The result of {@linkcode validate}.
 * @param kind Which chart.
 * @returns Values the Deno kernel displays.
 *
 * @example
 * ```ts
 * import { JUPYTER_DISPLAY, validate, validationFigure } from "@framing/toolkit/notebook";
 * import { ok } from "node:assert/strict";
 *
 * const v = await validate({ benchmarks: await Deno.makeTempDir() });
 * const [line] = validationFigure(v, "sentiment");
 * ok(String(line[JUPYTER_DISPLAY]()["text/plain"]).startsWith("Skipped the sentiment chart"));
 * ```
 */
export function validationFigure(v: Validation, kind: ValidationFigureKind): Displayable[] {
  if (kind === "sentiment") {
    const records = sentimentRecords(v);
    if (records.length === 0) {
      return [markdown("Skipped the sentiment chart: it needs all three sentiment parts.")];
    }
    return [displayThemedFigure(agreementFigure(
      records.flatMap((r) =>
        (["toolkit", "vader", "wink"] as const).map((s) => ({
          benchmark: r.benchmark,
          scorer: SCORERS[s],
          value: r[s],
        }))
      ),
      {
        targets: VALIDATION_BARS.map((b) => ({
          benchmark: records.find((r) => r.key === b.benchmark)!.benchmark,
          min: b.min,
        })),
        targetName: "Bar set for the reporting part",
        axisTitle: "Agreement with human coding (r or macro-F1)",
        title: "Sentiment: the toolkit beside VADER and wink-nlp on the reporting parts",
      },
    ))];
  }
  const h = v.hedges;
  if (h === null) return [skippedLine(v, "sfu-hedges")];
  return [displayThemedFigure(agreementFigure(
    hedgeScorings(h).flatMap(([scorer, s]) => [
      { benchmark: "Precision", scorer, value: s.precision },
      { benchmark: "Recall", scorer, value: s.recall },
      { benchmark: "F1", scorer, value: s.f1 },
    ]),
    {
      axisTitle: "Agreement with the annotated speculation cues",
      title: `Hedge cues: SFU Review speculation sample (${h.n} sentences)`,
    },
  ))];
}

/**
 * A validation's headline numbers as JSON (which the notebook test reads).
 *
 * @param v The result of {@linkcode validate}.
 * @returns A value the Deno kernel displays.
 *
 * @example
 * ```ts
 * import { JUPYTER_DISPLAY, validate, validationJson } from "@framing/toolkit/notebook";
 * import { strictEqual } from "node:assert/strict";
 *
 * const v = await validate({ benchmarks: await Deno.makeTempDir() });
 * const json = validationJson(v)[JUPYTER_DISPLAY]()["application/json"] as { sentences: unknown };
 * strictEqual(json.sentences, null);
 * ```
 */
export function validationJson(v: Validation): Displayable {
  return displayJson(validationHeadline({
    skipped: v.skipped.skipped,
    nyt: v.nyt,
    targets: v.targets,
    hedges: v.hedges,
    roles: v.roles,
    checks: v.checks,
    verdict: v.verdict,
  }));
}

function hedgeScorings(h: HedgeValidation) {
  return [
    ["toolkit, all cues", h],
    ["toolkit, cues in the hedge category", h.inCategory],
    ["toolkit, same tokens as the cue", h.exact],
    ["word list, no context rules", h.noRules],
  ] as const;
}

/** Display names of the role scorers (`roleScorers`). */
const ROLE_SCORERS: Record<string, string> = {
  stance: "toolkit: the author's stance (the actor chart)",
  span: "toolkit: mean target score of the mentions",
  sentence: "toolkit: whole sentences that name the entity",
  vader: "VADER: whole sentences that name the entity",
  wink: "wink-nlp: whole sentences that name the entity",
};

function skippedLine(v: Validation, part: string): Displayable {
  return markdown(`Skipped: ${v.parts[part].reason}`);
}

function markdown(text: string, plain = text): Displayable {
  return displayable({ "text/markdown": text, "text/plain": plain });
}
