/**
 * Evidence sentences for the HTML report: a stretch of the raw text with the
 * words that produced a number wrapped in `<mark>`, everything else escaped.
 *
 * @module
 */
import { escapeHtml } from "./html.ts";

/** A span to highlight: UTF-16 offsets into the raw text, and what it is. */
export interface MarkSpan {
  start: number;
  end: number;
  /** CSS class of the mark: `hit`, `actor`, `cue`, `term`. */
  kind: string;
  /** What the span counts as (shown as the mark's tooltip). */
  label: string;
}

/** Options for {@linkcode highlightText}. */
export interface HighlightTextOptions {
  /**
   * Collapse runs of whitespace (line breaks included) to one space.
   * @default true
   */
  collapseWhitespace?: boolean;
}

/**
 * The text between `start` and `end` as HTML, with each span that falls in
 * it wrapped in `<mark class="KIND" title="LABEL">`. Overlapping spans are
 * split at their boundaries: each stretch covered by one or more spans gets
 * one mark whose classes and labels are those of every span covering it, so
 * marks never nest or cross. Spans are clipped to `[start, end)`; empty ones
 * are dropped. All text, classes and labels are escaped.
 *
 * @param text The raw text the offsets point into.
 * @param range The stretch to show (a sentence's `start` and `end`).
 * @param spans Spans to mark, in any order.
 * @param options Whitespace handling.
 * @returns HTML for the stretch.
 * @throws {RangeError} If the range lies outside the text or ends before it starts.
 *
 * @example Overlapping spans
 * ```ts
 * import { highlightText } from "./evidence.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const text = "Putin's <visit> to Astana";
 * const html = highlightText(text, { start: 0, end: text.length }, [
 *   { start: 0, end: 7, kind: "actor", label: "putin" },
 *   { start: 5, end: 15, kind: "hit", label: "topic: visit" },
 * ]);
 * strictEqual(
 *   html,
 *   '<mark class="actor" title="putin">Putin</mark>' +
 *     '<mark class="actor hit" title="putin; topic: visit">&#39;s</mark>' +
 *     '<mark class="hit" title="topic: visit"> &lt;visit&gt;</mark> to Astana',
 * );
 * ```
 */
export function highlightText(
  text: string,
  range: { start: number; end: number },
  spans: readonly MarkSpan[],
  options: HighlightTextOptions = {},
): string {
  const { start, end } = range;
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end)) {
    throw new RangeError(`Evidence range must be 0 <= start <= end, got [${start}, ${end})`);
  }
  if (end > text.length) {
    throw new RangeError(
      `Evidence range [${start}, ${end}) lies outside the text (length ${text.length})`,
    );
  }
  const collapse = options.collapseWhitespace ?? true;
  const clipped = spans
    .map((s) => ({ ...s, start: Math.max(s.start, start), end: Math.min(s.end, end) }))
    .filter((s) => s.start < s.end);
  const cuts = new Set<number>([start, end]);
  for (const s of clipped) cuts.add(s.start).add(s.end);
  const points = [...cuts].sort((a, b) => a - b);
  const show = (s: string) => escapeHtml(collapse ? s.replace(/\s+/g, " ") : s);
  let html = "";
  let pending: { from: number; to: number; key: string; cover: MarkSpan[] } | undefined;
  const flush = () => {
    if (!pending) return;
    const piece = text.slice(pending.from, pending.to);
    if (pending.cover.length === 0) html += show(piece);
    else {
      const kinds = [...new Set(pending.cover.map((s) => s.kind))].join(" ");
      const labels = [...new Set(pending.cover.map((s) => s.label))].join("; ");
      html += `<mark class="${escapeHtml(kinds)}" title="${escapeHtml(labels)}">${
        show(piece)
      }</mark>`;
    }
    pending = undefined;
  };
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const to = points[i + 1];
    const cover = clipped.filter((s) => s.start <= from && to <= s.end);
    const key = cover.map((s) => `${s.kind}\u0000${s.label}`).sort().join("\u0001");
    if (pending && pending.key === key && pending.to === from) pending.to = to;
    else {
      flush();
      pending = { from, to, key, cover };
    }
  }
  flush();
  return collapse ? html.trim() : html;
}

/**
 * Offsets and labels of the contributing words an actor mention carries in
 * its `evidence` (as the span-sentiment scorer reports them: `start`, `end`,
 * `form`, `weight`). Entries without numeric offsets are skipped.
 *
 * @param evidence A mention's `evidence` array.
 * @returns Spans of kind `cue`, labelled with the word's signed weight.
 *
 * @example
 * ```ts
 * import { cueSpans } from "./evidence.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(cueSpans([{ start: 4, end: 10, form: "praise", weight: 0.8 }, "noise"]), [
 *   { start: 4, end: 10, kind: "cue", label: "sentiment cue \"praise\" (weight +0.8)" },
 * ]);
 * ```
 */
export function cueSpans(evidence: readonly unknown[]): MarkSpan[] {
  const spans: MarkSpan[] = [];
  for (const e of evidence) {
    if (typeof e !== "object" || e === null) continue;
    const { start, end, form, weight } = e as Record<string, unknown>;
    if (typeof start !== "number" || typeof end !== "number") continue;
    const w = typeof weight === "number"
      ? ` (weight ${weight >= 0 ? "+" : ""}${Number(weight.toPrecision(2))})`
      : "";
    spans.push({
      start,
      end,
      kind: "cue",
      label: `sentiment cue ${JSON.stringify(String(form ?? ""))}${w}`,
    });
  }
  return spans;
}
