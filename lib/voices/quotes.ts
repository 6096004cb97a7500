/**
 * Quotations: inline quotes attributed by a speech verb, and block quotes
 * introduced by a line that ends in a colon.
 *
 * @module
 */
import { findSpeaker, findSpeechVerbs } from "./speakers.ts";

/** A quoted stretch `[start, end)` within a line (quote marks included). */
export interface QuoteSpan {
  start: number;
  end: number;
  speaker?: string;
}

const PAIRS: Record<string, string> = { "“": "”", "«": "»", '"': '"', "„": "“" };
/** Any opening mark of {@linkcode PAIRS}: jumping to the next one beats looking up every character. */
const OPENING = /[“«"„]/g;

/** Quoted stretches in a line: “…”, «…», „…“ and straight "…" pairs. */
export function quotedStretches(line: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  OPENING.lastIndex = 0;
  let open: RegExpExecArray | null;
  while ((open = OPENING.exec(line)) !== null) {
    const i = open.index;
    const j = line.indexOf(PAIRS[line[i]], i + 1);
    if (j < 0) continue;
    out.push({ start: i, end: j + 1 });
    OPENING.lastIndex = j + 1;
  }
  return out;
}

function sentenceAfter(line: string, from: number): string {
  const rest = line.slice(from, from + 160);
  const m = rest.match(/^.*?[.!?](?=\s|$)/s);
  return m ? m[0] : rest;
}

function sentenceBefore(line: string, to: number): string {
  const head = line.slice(Math.max(0, to - 200), to);
  const parts = head.split(/(?<=[.!?])\s+/);
  return parts.at(-1) ?? head;
}

/**
 * Inline quotations in a line: quoted stretches with a speech verb right
 * after ("…,” the expert emphasized") or right before ("she said: “…”").
 * Quoted stretches without one are left to the scare-quote rules.
 *
 * @example
 * ```ts
 * import { inlineQuotes } from "./quotes.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const line = "“Trade will continue,” the expert emphasized. It was “historic”.";
 * const q = inlineQuotes(line);
 * strictEqual(q.length, 1);
 * strictEqual(q[0].speaker, "the expert");
 * strictEqual(line.slice(q[0].start, q[0].end), "“Trade will continue,”");
 * ```
 */
export function inlineQuotes(line: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  for (const s of quotedStretches(line)) {
    const after = sentenceAfter(line, s.end);
    const verbAfter = findSpeechVerbs(after)[0];
    if (verbAfter && /^\s*[,.!?]?\s*\S/.test(after)) {
      const between = after.slice(0, verbAfter.start).replace(/^[\s,.!?]+/, "").trim();
      const words = between === "" ? 0 : between.split(/\s+/).length;
      // "…,” the expert said" (a speaker before the verb) or "…,” said the minister" (after it).
      const speaker = findSpeaker(after, "start");
      if ((words >= 1 && words <= 7 && speaker) || (words === 0 && speaker)) {
        out.push({ ...s, speaker });
        continue;
      }
    }
    const before = sentenceBefore(line, s.start);
    if (
      /(\b(said|says|stated|declared|noted|added|explained|emphasized|emphasised|stressed|wrote|told \w+|according to [^,]+)(\s+that)?)\s*[,:]?\s*$/i
        .test(before)
    ) {
      out.push({ ...s, speaker: findSpeaker(before, "end") });
    }
  }
  return out;
}

/** True when a line introduces a block quote: it ends in a colon. */
export function introducesBlockQuote(line: string): boolean {
  // `trimEnd()` strips what `\s*$` would match, and is cheaper on every body line.
  return line.trimEnd().endsWith(":") &&
    !/^\s*[\w\s]{0,20}:\s*$/.test(line.replace(/[“”"]/g, ""));
}

/** The speaker of a block quote, from the last sentence of its introducing line. */
export function blockQuoteSpeaker(intro: string): string | undefined {
  const sentences = intro.trim().split(/(?<=[.!?])\s+/);
  return findSpeaker(sentences.at(-1) ?? intro, "end");
}

/**
 * True when a paragraph right after a block quote goes on with it: it speaks
 * in the first person and does not introduce a quote of its own.
 */
export function continuesBlockQuote(line: string): boolean {
  return /\b([Ww]e|[Oo]ur|[Oo]urs|us|[Mm]y|[Mm]e|I)\b/.test(line) && !introducesBlockQuote(line);
}
