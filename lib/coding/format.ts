/**
 * The agreement and estimate reports as plain text, for the terminal.
 *
 * @module
 */
import { DASH, formatInterval, formatNumber, formatP } from "../tables/format.ts";
import { type AgreementReport, MODEL_CODER } from "./agreement.ts";
import type { EstimateReport } from "./estimate.ts";

/** Lays out rows as aligned columns. */
function columns(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, k) => Math.max(...rows.map((r) => r[k].length)));
  return rows.map((r) => r.map((c, k) => c.padEnd(widths[k])).join("  ").trimEnd()).join("\n");
}

/**
 * The agreement report as text.
 *
 * @example
 * ```ts
 * import { agreementReport } from "@framing/toolkit/coding";
 * import { formatAgreement } from "./format.ts";
 * import { ok } from "node:assert/strict";
 *
 * const codes = [["u1", 1, 1], ["u2", 0, 1], ["u3", -1, -1]].flatMap(([unit, a, b]) => [
 *   { unit: String(unit), coder: "ann", code: Number(a), note: "" },
 *   { unit: String(unit), coder: "bo", code: Number(b), note: "" },
 * ]);
 * ok(formatAgreement(agreementReport(codes, { resamples: 100 })).includes("Krippendorff's alpha"));
 * ```
 */
export function formatAgreement(r: AgreementReport): string {
  const lines = [
    "Krippendorff's alpha (Krippendorff 2011), 95% bootstrap intervals over units " +
    `(${r.resamples} resamples):`,
    columns([
      ["level", "alpha", "interval"],
      ...(["nominal", "ordinal", "interval"] as const).map((
        l,
      ) => [
        l,
        formatNumber(r.alpha[l], 3),
        formatInterval([r.intervals[l].low, r.intervals[l].high]),
      ]),
    ]),
    "",
    `Units coded: ${r.units}; pairable (two or more codes): ${r.pairableUnits}, ` +
    `with ${r.pairableValues} codes.`,
    `Percent agreement (equal pairs of codes within a unit): ${
      (100 * r.percentAgreement).toFixed(1)
    }%.`,
    "Codes per coder: " +
    Object.entries(r.valuesPerCoder).map(([c, n]) => `${c} ${n}`).join(", ") + ".",
  ];
  if (r.disagreements.length > 0) {
    lines.push("", "Units the coders disagree on most:");
    lines.push(columns([
      ["unit", "range", "codes"],
      ...r.disagreements.map((d) => [
        d.unit,
        String(d.range),
        Object.entries(d.codes).map(([c, v]) => `${c} ${v}`).join(", "),
      ]),
    ]));
  }
  if (r.model) {
    const m = r.model;
    lines.push(
      "",
      `The toolkit as one more coder ("${MODEL_CODER}", ${m.units} units; ${m.mapping}):`,
      `  alpha with the people: nominal ${formatNumber(m.alpha.nominal, 3)}, ordinal ${
        formatNumber(m.alpha.ordinal, 3)
      }, interval ${formatNumber(m.alpha.interval, 3)}`,
      `  Spearman's rho with the people's mean code: ${formatNumber(m.spearman, 3)}`,
      `  macro-F1 of the signs (negative, neutral, positive): ${formatNumber(m.macroF1, 3)}`,
    );
  }
  return lines.join("\n");
}

/**
 * The estimate report as text.
 *
 * @example
 * ```ts
 * import { estimateGroups } from "@framing/toolkit/coding";
 * import { formatEstimates } from "./format.ts";
 * import { ok } from "node:assert/strict";
 *
 * const units = ["A", "B"].map((outlet, i) => ({
 *   unit: `u${i}`, article: `a${i}`, actor: "x", meta: { outlet }, model: 0,
 *   sampled: true, inclusionProbability: 1,
 * }));
 * const codes = [{ unit: "u0", coder: "ann", code: 1, note: "" }, { unit: "u1", coder: "ann", code: -1, note: "" }];
 * ok(formatEstimates(estimateGroups(units, codes)).includes("corrected"));
 * ```
 */
export function formatEstimates(r: EstimateReport): string {
  const pct = Math.round(r.level * 100);
  const groups = estimateTable(r);
  const differences = differenceTable(r);
  const lines = [
    `Mean human code by ${r.by}${r.facet ? " and actor" : ""}, over every unit of the population ` +
    `(${pct}% intervals):`,
    columns([groups.columns, ...groups.rows]),
  ];
  if (differences.rows.length > 0) {
    lines.push("", "Differences (a − b):", columns([differences.columns, ...differences.rows]));
  }
  lines.push("", ...r.notes.map((n) => `note: ${n}`), `estimators: ${r.estimator}`);
  return lines.join("\n");
}

/** An estimate with its interval as text: `-0.58 [-0.88, -0.28]`, or "–" for none. */
export function formatEstimate(
  e: { estimate: number; low: number | null; high: number | null } | null,
): string {
  return e === null ? DASH : `${formatNumber(e.estimate)} ${formatInterval([e.low, e.high])}`;
}

/** A table as its column names and rows of text cells. */
export interface TextTable {
  columns: string[];
  rows: string[][];
}

/**
 * The group estimates as a table of text (the terminal, the notebook and the
 * report draw it their own way).
 *
 * @param r The estimates.
 * @param cell How an estimate is written. @default formatEstimate
 */
export function estimateTable(
  r: EstimateReport,
  cell: typeof formatEstimate = formatEstimate,
): TextTable {
  return {
    columns: [
      r.by,
      ...(r.facet ? ["actor"] : []),
      "units",
      "drawn",
      "coded",
      "human",
      "corrected",
      "model (own scale)",
    ],
    rows: r.groups.map((g) => [
      g.group,
      ...(r.facet ? [g.actor ?? ""] : []),
      String(g.units),
      String(g.sampled),
      String(g.coded),
      cell(g.human),
      cell(g.corrected),
      formatNumber(g.model.estimate),
    ]),
  };
}

/** The differences between groups as a table of text (see {@linkcode estimateTable}). */
export function differenceTable(
  r: EstimateReport,
  cell: typeof formatEstimate = formatEstimate,
): TextTable {
  return {
    columns: ["a", "b", ...(r.facet ? ["actor"] : []), "human a − b", "p", "corrected a − b", "p"],
    rows: r.differences.map((d) => [
      d.a,
      d.b,
      ...(r.facet ? [d.actor ?? ""] : []),
      cell(d.human),
      formatP(d.human?.p),
      cell(d.corrected),
      formatP(d.corrected?.p),
    ]),
  };
}
