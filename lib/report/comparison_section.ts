/**
 * The report's sections on the group comparison: the statement of what was
 * compared, the comparison tables whose rows open into the sentences on each
 * side, and the keyness tables whose terms open into the lines that hold
 * them.
 *
 * @module
 */
import type { Comparison, DifferenceRow, EvidenceRef } from "../compare/compare_groups.ts";
import type { KeynessRow } from "../compare/keyness.ts";
import { formatP } from "../tables/format.ts";
import { highlightText } from "./evidence.ts";
import { escapeHtml as h } from "./html.ts";
import { ci, type Ctx, metricGrid, num, sentenceItem, spansFor } from "./_report_parts.ts";

const pval = formatP;

const TABLE_NAMES: Record<DifferenceRow["table"], string> = {
  topics: "Topics",
  stance: "Stance markers",
  actors: "Actors",
};

function groupLabel(c: Comparison, group: string, ctx: Ctx): string {
  const g = c.groups.find((x) => x.group === group);
  if (!g) return h(group);
  const inferred = g.articles.some((id) => ctx.articles.get(id)?.meta.inferred.includes(c.by));
  return `${h(group)}${inferred ? ' <em class="inferred">(inferred)</em>' : ""}`;
}

function unitStatement(c: Comparison): string {
  return `<p class="unit"><b>What was resampled:</b> ${h(c.unit)} ${h(c.method.resamples)} ` +
    `resamples, seed ${h(c.method.seed)}, ${h(Math.round(c.method.level * 100))}% intervals; ` +
    `q-values are Benjamini–Hochberg within each table.</p>`;
}

/** The statement of what was compared, with its notes (its Markdown bold and code marks kept). */
export function comparedStatement(
  compared: { statement: string; notes: readonly string[] } | undefined,
): string {
  if (!compared) return "";
  const strong = (text: string) =>
    h(text).replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
      .replace(/`([^`]+)`/g, "<code>$1</code>");
  const notes = compared.notes.map((n) => `<li>${strong(n)}</li>`).join("");
  return `<p class="compared">${strong(compared.statement)}</p>${notes ? `<ul>${notes}</ul>` : ""}`;
}

/** The comparison tables, one per pair and table, each row opening into its evidence on both sides. */
export function comparisonSection(c: Comparison, ctx: Ctx): string {
  const groups = c.groups.map((g) =>
    `<li>${groupLabel(c, g.group, ctx)}: ${
      g.articles.map((a) => `<code>${h(a)}</code>`).join(", ")
    }</li>`
  ).join("");
  let html = `<p>Articles grouped by <code>${h(c.by)}</code>, voice <code>${
    h(c.voice)
  }</code>.</p><ul>${groups}</ul>`;
  for (const [ga, gb] of c.pairs) {
    for (const t of ["topics", "stance", "actors"] as const) {
      const rows = c.rows.filter((r) => r.table === t && r.groupA === ga && r.groupB === gb);
      if (rows.length === 0) continue;
      html += `<h3>${TABLE_NAMES[t]}: ${groupLabel(c, ga, ctx)} (A) vs ${
        groupLabel(c, gb, ctx)
      } (B)</h3><p>Values: ${h(rows[0].measure)}. Difference is A − B.</p>${unitStatement(c)}`;
      html += metricGrid(
        [
          t === "actors" ? "actor" : t === "topics" ? "topic" : "category",
          "A",
          "B",
          "A − B",
          "p",
          "q",
          "evidence A / B",
        ],
        rows.map((r) => ({
          cells: [
            h(r.feature),
            `${num(r.valueA)} ${ci(r.ciA)}`,
            `${num(r.valueB)} ${ci(r.ciB)}`,
            `${num(r.difference)} ${ci(r.ci)}`,
            pval(r.p),
            pval(r.q),
            `${r.evidenceCountA} / ${r.evidenceCountB}`,
          ],
          body: () =>
            evidenceSide(`A: ${groupLabel(c, ga, ctx)}`, r.evidenceA, r.evidenceCountA, r, ctx) +
            evidenceSide(`B: ${groupLabel(c, gb, ctx)}`, r.evidenceB, r.evidenceCountB, r, ctx),
        })),
        "cmp",
      );
    }
  }
  return html;
}

function evidenceSide(
  label: string,
  refs: readonly EvidenceRef[],
  total: number,
  row: DifferenceRow,
  ctx: Ctx,
): string {
  const shown = refs.slice(0, ctx.evidenceLimit);
  const items = shown.map((ref) => {
    const article = ctx.articles.get(ref.article);
    if (!article) return `<li>article <code>${h(ref.article)}</code> not in the document</li>`;
    const { spans, note } = spansFor(article, row.table, row.feature, row.voice, ref.sentence, ctx);
    return sentenceItem(article, ref.sentence, spans, note);
  });
  return `<h4>${label}: ${total} sentence(s)${
    shown.length < total ? `, first ${shown.length} shown` : ""
  }</h4>${items.length ? `<ol>${items.join("\n")}</ol>` : '<p class="none">None.</p>'}`;
}

/** The keyness tables, one per pair, each term opening into the lines that contain it. */
export function keynessSection(c: Comparison, ctx: Ctx): string {
  let html = `<p>${h(c.method.keyness)}. Positive z: more typical of A. Terms are lower-cased ` +
    `word tokens of the <code>${
      h(c.voice)
    }</code> voice; each row opens into lines that contain it.</p>`;
  for (const [ga, gb] of c.pairs) {
    const rows = c.keyness.filter((k) => k.groupA === ga && k.groupB === gb);
    html += `<h3>${groupLabel(c, ga, ctx)} (A) vs ${groupLabel(c, gb, ctx)} (B)</h3>${
      unitStatement(c)
    }`;
    html += metricGrid(
      ["term", "count A", "count B", "G²", "log-odds", "z"],
      rows.map((k) => ({
        cells: [h(k.term), String(k.countA), String(k.countB), num(k.g2), num(k.logOdds), num(k.z)],
        body: () => kwicLines(c, k, ctx),
      })),
      "kw",
    );
  }
  return html;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Lines of the compared voice that contain a keyness term, grouped by side. */
function kwicLines(c: Comparison, k: KeynessRow, ctx: Ctx): string {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(k.term)}(?![\\p{L}\\p{N}])`, "giu");
  const side = (group: string, exclude?: string) => {
    const ids = c.groups.filter((g) => exclude ? g.group !== exclude : g.group === group)
      .flatMap((g) => g.articles);
    const lines: string[] = [];
    let total = 0;
    for (const id of ids) {
      const a = ctx.articles.get(id);
      if (!a) continue;
      for (const s of a.sentences) {
        if (s.voice !== c.voice) continue;
        const piece = a.text.slice(s.start, s.end);
        for (const m of piece.matchAll(pattern)) {
          total++;
          if (lines.length >= ctx.kwicLimit) continue;
          const start = s.start + m.index!;
          const end = start + m[0].length;
          const from = Math.max(s.start, start - 70);
          const to = Math.min(s.end, end + 70);
          const span = { start, end, kind: "term", label: `keyness term "${k.term}"` };
          lines.push(
            `<li><span class="where"><code>${h(a.id)}</code> · sentence ${s.index}</span> ${
              from > s.start ? "… " : ""
            }${highlightText(a.text, { start: from, end: to }, [span])}${
              to < s.end ? " …" : ""
            }</li>`,
          );
        }
      }
    }
    return { lines, total };
  };
  const render = (label: string, r: { lines: string[]; total: number }) =>
    `<h4>${label}: ${r.total} occurrence(s)${
      r.lines.length < r.total ? `, first ${r.lines.length} shown` : ""
    }</h4>${r.lines.length ? `<ol>${r.lines.join("\n")}</ol>` : '<p class="none">None.</p>'}`;
  const a = side(k.groupA);
  const b = k.groupB === "rest" ? side("", k.groupA) : side(k.groupB);
  return render(`A: ${groupLabel(c, k.groupA, ctx)}`, a) +
    render(`B: ${groupLabel(c, k.groupB, ctx)}`, b);
}
