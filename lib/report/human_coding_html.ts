/**
 * The report's "Human coding" section: how the codes were sampled, how far
 * the coders agree (Krippendorff's alpha), how the model does against them,
 * and the group means estimated from the codes with the model as a
 * correction, beside the model alone.
 *
 * @module
 */
import type { HumanCoding } from "../coding/human_coding.ts";
import type { EstimateReport } from "../coding/estimate.ts";
import { DASH, formatInterval, formatNumber } from "../tables/format.ts";
import { differenceTable, estimateTable, type TextTable } from "../coding/format.ts";
import { escapeHtml as h, htmlTable } from "./html.ts";

const interval = (e: { estimate: number; low: number | null; high: number | null } | null) =>
  e === null
    ? `<span class="none">${DASH}</span>`
    : `${formatNumber(e.estimate)} <span class="ci">${formatInterval([e.low, e.high])}</span>`;

function estimatesTable(r: EstimateReport): string {
  const escaped = (t: TextTable, raw: readonly number[]) =>
    t.rows.map((row) => row.map((c, k) => (raw.includes(k) ? c : h(c))));
  const groups = estimateTable(r, interval);
  const differences = differenceTable(r, interval);
  // The interval cells are HTML already; every other cell is text.
  const first = r.facet ? 2 : 1;
  return htmlTable(groups.columns, escaped(groups, [first + 3, first + 4])) +
    (differences.rows.length === 0
      ? ""
      : htmlTable(differences.columns, escaped(differences, [first + 1, first + 3])));
}

/**
 * The section's HTML (all text escaped).
 *
 * @param coding The codes matched to the analysis.
 * @returns HTML.
 *
 * @example
 * ```ts
 * import { humanCoding } from "@framing/toolkit/coding";
 * import { humanCodingSection } from "./human_coding_html.ts";
 * import { ok } from "node:assert/strict";
 *
 * const articles = [{ id: "a", meta: { id: "a", outlet: "<X>" }, actors: [{ actor: "x", voice: "body", stance: 0.1 }], mentions: [] }];
 * // deno-lint-ignore no-explicit-any
 * const html = humanCodingSection(humanCoding(articles as any, [{ unit: "a::x", coder: "ann", code: 1, note: "" }]));
 * ok(html.includes("&lt;X&gt;") && html.includes("census"));
 * ```
 */
export function humanCodingSection(coding: HumanCoding): string {
  const parts: string[] = [];
  parts.push(
    `<p>${coding.cells.length} article × actor unit(s) in the author's text were coded by ${coding.coderIds.length} coder(s) (${
      coding.coderIds.map((c) => `<code>${h(c)}</code>`).join(", ")
    }), on the question of the codebook (by default: how does the author's text evaluate the actor, −2..+2). ${
      h(coding.design)
    }</p>`,
    "<p>The model's scores enter the findings only through the <strong>corrected</strong> " +
      "estimator (prediction-powered inference with power tuning: the model's mean over every unit, " +
      "corrected by its error measured on the coded units), which stays valid when the model is " +
      "wrong. The <em>model</em> column is the model alone, on its own −1..+1 scale: not comparable " +
      "with the codes' scale, and not a finding.</p>",
  );
  parts.push("<h3>Agreement among the coders</h3>");
  if (coding.agreement) {
    const a = coding.agreement;
    parts.push(
      htmlTable(
        ["level", "Krippendorff's alpha", `95% interval (${a.resamples} unit resamples)`],
        (["nominal", "ordinal", "interval"] as const).map((l) => [
          l,
          formatNumber(a.alpha[l], 3),
          formatInterval([a.intervals[l].low, a.intervals[l].high]),
        ]),
      ),
      `<p>${a.pairableUnits} pairable unit(s) (coded by two or more), ${a.pairableValues} codes in them; ` +
        `percent agreement ${(100 * a.percentAgreement).toFixed(1)}%. Codes per coder: ${
          Object.entries(a.valuesPerCoder).map(([c, n]) => `${h(c)} ${n}`).join(", ")
        }.</p>`,
    );
    if (a.disagreements.length > 0) {
      parts.push(
        "<p>Units the coders disagree on most:</p>",
        htmlTable(
          ["unit", "range", "codes"],
          a.disagreements.map((d) => [
            `<code>${h(d.unit)}</code>`,
            String(d.range),
            h(Object.entries(d.codes).map(([c, v]) => `${c} ${v}`).join(", ")),
          ]),
        ),
      );
    }
    if (a.model) {
      parts.push(
        "<h3>The model against the coders</h3>",
        htmlTable(["measure", "value"], [
          [
            "alpha with the model as one more coder (nominal)",
            formatNumber(a.model.alpha.nominal, 3),
          ],
          [
            "alpha with the model as one more coder (ordinal)",
            formatNumber(a.model.alpha.ordinal, 3),
          ],
          [
            "alpha with the model as one more coder (interval)",
            formatNumber(a.model.alpha.interval, 3),
          ],
          ["Spearman's rho, model score vs. the coders' mean", formatNumber(a.model.spearman, 3)],
          ["macro-F1 of the signs (negative, neutral, positive)", formatNumber(a.model.macroF1, 3)],
          ["units with both", String(a.model.units)],
        ]),
        `<p>${h(a.model.mapping)}.</p>`,
      );
    }
  } else {
    parts.push(
      `<p class="none">${h(coding.agreementNote ?? "No agreement could be measured.")}</p>`,
    );
  }
  parts.push(
    `<h3>Mean code by ${h(coding.estimates.by)}</h3>`,
    estimatesTable(coding.estimates),
    `<h3>Mean code by ${h(coding.byActor.by)} and actor</h3>`,
    estimatesTable(coding.byActor),
    `<p>${h(coding.estimates.estimator)}</p>`,
    `<ul>${coding.estimates.notes.map((n) => `<li>${h(n)}</li>`).join("")}</ul>`,
  );
  if (coding.unmatched.length > 0) {
    const units = [...new Set(coding.unmatched.map((c) => c.unit))];
    parts.push(
      `<p>${coding.unmatched.length} code(s) name ${units.length} unit(s) the analysis does not have ` +
        "(an actor the toolkit did not find in the author's text, or another article); they are " +
        `listed here and not used: ${units.map((u) => `<code>${h(u)}</code>`).join(", ")}.</p>`,
    );
  }
  return parts.join("\n");
}
