/**
 * Human coding in a notebook: read the codes a researcher gives, match them
 * to the analysis, and show agreement, the model against the coders and the
 * corrected estimates, one call each.
 *
 * @module
 */
import type { AnalysisDocument } from "../analysis.ts";
import { readCodes, readUnits } from "../coding/codes.ts";
import { type HumanCoding, humanCoding } from "../coding/human_coding.ts";
import type { Codebook, CodingUnit } from "../coding/schema.ts";
import { groupOf, type SampleOptions } from "../coding/sample.ts";
import { writeSample } from "../coding/write_sample.ts";
import { loadResourceFiles, type ResourceFiles } from "../run/resource_files.ts";
import { codedEstimatesFigure } from "../figures/coded_estimates.ts";
import { formatInterval, formatNumber } from "../tables/format.ts";
import { differenceTable, estimateTable } from "../coding/format.ts";
import { type Displayable, displayable, displayJson, displayTable } from "./display.ts";
import { displayThemedFigure } from "./themed_figure.ts";

/** Codes matched to an analysis, as {@linkcode code} returns them (`null` coding: no codes given). */
export interface Coded {
  kind: "coding";
  coding: HumanCoding | null;
  /** Where the codes came from. */
  files: string[];
}

/** Options of {@linkcode code}. */
export interface CodeOptions {
  /** The grouping field. @default "outlet" */
  by?: string;
  /** The `units.jsonl` of the sample (from `code sample`). @default none: census or simple random sample */
  units?: string;
  /** Bootstrap resamples of alpha's intervals. @default 1000 */
  resamples?: number;
}

/**
 * Reads the codes files and matches them to the analysis. With no files, the
 * result says so wherever it is shown.
 *
 * @param analysis The analysed articles.
 * @param files Codes files (CSV or JSONL, long format).
 * @param options Grouping field, the sample's units.
 * @returns The matched codes, for `figure` and `table`.
 * @throws {InputError} When a file is unreadable or a row is bad (naming the file and line).
 */
export async function code(
  analysis: AnalysisDocument,
  files: readonly string[],
  options: CodeOptions = {},
): Promise<Coded> {
  if (files.length === 0) return { kind: "coding", coding: null, files: [] };
  const { codes } = await readCodes(files);
  const units: CodingUnit[] | undefined = options.units === undefined
    ? undefined
    : await readUnits(options.units);
  return {
    kind: "coding",
    coding: humanCoding(analysis.articles, codes, {
      by: options.by,
      units,
      resamples: options.resamples,
    }),
    files: [...files],
  };
}

/** The tables of {@linkcode codingTable}. */
export type CodingTableKind = "design" | "agreement" | "model" | "estimates" | "actor estimates";

function note(text: string): Displayable {
  return displayable({ "text/markdown": text, "text/plain": text });
}

const NO_CODES = "No codes given: set the `codes` parameter to your codes files " +
  "(`deno task code sample` draws a sample and writes the coding page).";

/**
 * A table of the human coding: `"design"` (how the codes were sampled and
 * what the estimators do), `"agreement"` (Krippendorff's alpha at three
 * levels), `"model"` (the model as one more coder), `"estimates"` (the mean
 * code by group: human, corrected, model) and `"actor estimates"` (by group
 * and actor).
 *
 * @example
 * ```ts
 * import { codingTable } from "@framing/toolkit/notebook";
 * import { JUPYTER_DISPLAY } from "@framing/toolkit/notebook";
 * import { ok } from "node:assert/strict";
 *
 * const [shown] = codingTable({ kind: "coding", coding: null, files: [] }, "agreement");
 * ok(String(shown[JUPYTER_DISPLAY]()["text/markdown"]).startsWith("No codes given"));
 * ```
 */
export function codingTable(coded: Coded, kind: CodingTableKind): Displayable[] {
  const c = coded.coding;
  if (c === null) return [note(NO_CODES)];
  switch (kind) {
    case "design":
      return [note(`${c.design}\n\n${c.estimates.estimator}`)];
    case "agreement": {
      if (!c.agreement) return [note(c.agreementNote ?? "No agreement could be measured.")];
      const a = c.agreement;
      return [displayTable({
        columns: ["level", "alpha", "95% interval", "pairable units", "percent agreement"],
        values: (["nominal", "ordinal", "interval"] as const).map((l) => [
          l,
          formatNumber(a.alpha[l], 3),
          formatInterval([a.intervals[l].low, a.intervals[l].high]),
          a.pairableUnits,
          `${(100 * a.percentAgreement).toFixed(1)}%`,
        ]),
      }, { caption: `Krippendorff's alpha among ${c.coderIds.join(", ")}` })];
    }
    case "model": {
      const m = c.agreement?.model;
      if (!m) return [note(c.agreementNote ?? "No agreement could be measured.")];
      return [displayTable({
        columns: ["measure", "value"],
        values: [
          ["alpha, model as one more coder (interval)", formatNumber(m.alpha.interval, 3)],
          ["alpha, model as one more coder (ordinal)", formatNumber(m.alpha.ordinal, 3)],
          ["Spearman's rho with the coders' mean", formatNumber(m.spearman, 3)],
          ["macro-F1 of the signs", formatNumber(m.macroF1, 3)],
          ["units", m.units],
        ],
      }, { caption: `The toolkit against the coders (${m.mapping})` })];
    }
    case "estimates":
    case "actor estimates": {
      const r = kind === "estimates" ? c.estimates : c.byActor;
      const groups = estimateTable(r);
      const differences = differenceTable(r);
      return [
        displayTable(
          { columns: groups.columns, values: groups.rows },
          { caption: `Mean code by ${r.by}${r.facet ? " and actor" : ""} (95% intervals)` },
        ),
        ...(differences.rows.length === 0 ? [] : [
          displayTable(
            { columns: differences.columns, values: differences.rows },
            { caption: "Differences between groups" },
          ),
        ]),
      ];
    }
  }
  throw new RangeError(
    `Unknown coding table "${
      String(kind)
    }": expected design, agreement, model, estimates or actor estimates`,
  );
}

/**
 * The corrected comparison as a chart (per group and actor), on the codebook's scale.
 *
 * @param coded The matched codes.
 * @param options Actor labels and the codebook (for the scale).
 */
export function codingFigure(
  coded: Coded,
  options: { labels?: Readonly<Record<string, string>>; codebook?: Codebook } = {},
): Displayable[] {
  const c = coded.coding;
  if (c === null) return [note(NO_CODES)];
  const values = options.codebook?.scale.map((p) => p.value) ?? [-2, 2];
  return [displayThemedFigure(codedEstimatesFigure(c.byActor.groups, {
    labels: options.labels,
    scale: [Math.min(...values), Math.max(...values)],
  }))];
}

/** A drawn sample, as {@linkcode sample} returns it. */
export interface Drawn {
  kind: "sample";
  /** Every unit of the population, drawn or not. */
  units: CodingUnit[];
  /** The files written: units.jsonl, codebook.yaml (when new), coding.html. */
  files: string[];
  /** The grouping field. */
  by: string;
}

/** Options of {@linkcode sample}: the design (`all`, `n` or `perGroup`), and your lexicons. */
export interface NotebookSampleOptions extends SampleOptions {
  /** Your own lexicon files, as for `analyse`. @default {} */
  resourceFiles?: ResourceFiles;
}

/**
 * Builds the coding units of the articles, draws the sample and writes
 * `units.jsonl`, `codebook.yaml` and `coding.html` into `out` (as
 * `deno task code sample` does).
 *
 * @param paths The articles, or their analysis from `analyse` (sampled
 *   without analysing them again; `resourceFiles` then gives only the
 *   actors' names).
 * @param out The folder for the three files.
 * @param options The design and your lexicons.
 * @returns The units and the files.
 */
export async function sample(
  paths: readonly string[] | AnalysisDocument,
  out: string,
  options: NotebookSampleOptions,
): Promise<Drawn> {
  const files = await loadResourceFiles(options.resourceFiles ?? {});
  const result = await writeSample(paths, out, {
    ...options,
    actorNames: Object.fromEntries(files.resources.actors.actors.map((a) => [a.id, a.name])),
    workers: 0,
    resources: files.load,
    analyze: files.analyze,
  });
  return { kind: "sample", units: result.units, files: result.files, by: options.by ?? "outlet" };
}

/**
 * The sample per group: units in the population, units drawn and their
 * inclusion probability, and the files written.
 *
 * @example
 * ```ts
 * import { JUPYTER_DISPLAY, sampleTable } from "@framing/toolkit/notebook";
 * import { ok } from "node:assert/strict";
 *
 * const units = [{ unit: "a::x", article: "a", actor: "x", meta: { outlet: "A" }, model: 0, sampled: true, inclusionProbability: 1 }];
 * const [shown] = sampleTable({ kind: "sample", units, files: ["out/units.jsonl"], by: "outlet" });
 * ok(String(shown[JUPYTER_DISPLAY]()["text/html"]).includes("<td>A</td>"));
 * ```
 */
export function sampleTable(drawn: Drawn): Displayable[] {
  const groups = new Map<string, CodingUnit[]>();
  for (const u of drawn.units) {
    const g = groupOf(u.meta, drawn.by);
    groups.set(g, [...groups.get(g) ?? [], u]);
  }
  return [
    displayTable({
      columns: [drawn.by, "articles", "units", "drawn", "inclusion probability"],
      values: [...groups].map(([g, us]) => [
        g,
        new Set(us.map((u) => u.article)).size,
        us.length,
        us.filter((u) => u.sampled).length,
        [...new Set(us.map((u) => formatNumber(u.inclusionProbability, 3)))].join(", "),
      ]),
    }, { caption: "Coding units (article × actor in the author's text) and the sample" }),
    note(`Written: ${drawn.files.map((f) => `\`${f}\``).join(", ")}.`),
  ];
}

/**
 * The headline numbers of the human coding as JSON (for tests and for the record).
 *
 * @example
 * ```ts
 * import { codingHeadline, JUPYTER_DISPLAY } from "@framing/toolkit/notebook";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const [shown] = codingHeadline({ kind: "coding", coding: null, files: [] });
 * deepStrictEqual(shown[JUPYTER_DISPLAY]()["application/json"], { coded: 0 });
 * ```
 */
export function codingHeadline(coded: Coded): Displayable[] {
  const c = coded.coding;
  if (c === null) return [displayJson({ coded: 0 })];
  return [displayJson({
    coded: c.cells.length,
    coders: c.coderIds,
    alpha: c.agreement?.alpha ?? null,
    model: c.agreement?.model
      ? { spearman: c.agreement.model.spearman, macroF1: c.agreement.model.macroF1 }
      : null,
    groups: c.estimates.groups.map((g) => ({
      group: g.group,
      coded: g.coded,
      human: g.human?.estimate ?? null,
      corrected: g.corrected?.estimate ?? null,
      width: g.corrected && g.corrected.high !== null && g.corrected.low !== null
        ? g.corrected.high - g.corrected.low
        : null,
    })),
    unmatched: c.unmatched.length,
  })];
}
