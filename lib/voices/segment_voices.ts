/**
 * Cutting a news page into voices: title, meta, body, quote, comment and
 * boilerplate. The segments cover every character of the raw text exactly
 * once, so nothing is lost and the text can be rebuilt from them.
 *
 * The page is read in three zones: the header (title, byline, dateline,
 * counters) up to the first line of prose; the article, up to a line that
 * ends it (tags, an error-report prompt, a comment counter, a sign-in
 * prompt); and the footer (reader comments and site chrome).
 *
 * @module
 */
import type { CommentInfo, Segment } from "../segment.ts";
import type { Voice } from "../voice.ts";
import { CommentTracker } from "./comments.ts";
import { isBlank, type Line, splitLines, wordsOf } from "./lines.ts";
import { isProse, matchLineRule, TIMESTAMP } from "./page_rules.ts";
import {
  blockQuoteSpeaker,
  continuesBlockQuote,
  inlineQuotes,
  introducesBlockQuote,
} from "./quotes.ts";

/** Options for {@linkcode segmentVoices}. */
export interface SegmentVoicesOptions {
  /** The article's title from its metadata: a first line that repeats it is the title. */
  title?: string;
}

interface Label {
  voice: Voice;
  rule: string;
  speaker?: string;
  comment?: CommentInfo;
}

interface Range extends Label {
  start: number;
  end: number;
}

/**
 * Cuts a raw page text into voice segments.
 *
 * @param text The raw text, as read.
 * @param options What else is known about the article.
 * @returns Segments in text order that cover `[0, text.length)` exactly once.
 *
 * @example Segments cover the text and name their rule
 * ```ts
 * import { segmentVoices } from "@framing/toolkit";
 * import { strictEqual } from "node:assert/strict";
 *
 * const text = "A headline\n\nThe minister spoke at length about the plans for the region today.\n\n" +
 *   "Subscribe to our channel!\n";
 * const segments = segmentVoices(text);
 * strictEqual(segments.map((s) => s.voice).join(","), "title,body,boilerplate");
 * strictEqual(segments.map((s) => text.slice(s.start, s.end)).join(""), text);
 * ```
 */
export function segmentVoices(text: string, options: SegmentVoicesOptions = {}): Segment[] {
  const lines = splitLines(text).filter((l) => !isBlank(l.text));
  if (lines.length === 0) {
    return text.length === 0
      ? []
      : [{ voice: "boilerplate", start: 0, end: text.length, rule: "blank" }];
  }
  const ranges: Range[] = [];
  const push = (line: Line, label: Label) =>
    ranges.push({ start: line.start, end: line.end, ...label });

  // Header: the title, then page furniture until the first line of prose.
  let i = 0;
  if (looksLikeTitle(lines[0].text, options.title)) {
    push(lines[i++], { voice: "title", rule: "first-line-title" });
  }
  const firstProse = lines.findIndex((l, k) => k >= i && isProse(l.text));
  const articleStart = firstProse < 0 ? i : firstProse;
  for (; i < articleStart; i++) {
    const rule = matchLineRule(lines[i].text, false);
    push(
      lines[i],
      rule ? { voice: rule.voice, rule: rule.name } : { voice: "meta", rule: "header" },
    );
  }

  // Article: body, quotes and mid-article chrome, until a line ends it.
  // The words of its paragraphs are worked out only when a teaser or a
  // comment is compared with them: most pages need none.
  const paragraphs: string[] = [];
  const words = memoize(wordsOf);
  let introSpeaker: string | undefined | null = null; // null: no block quote pending
  let inBlockQuote: { speaker?: string } | undefined;
  for (; i < lines.length; i++) {
    const line = lines[i];
    const rule = matchLineRule(line.text, false);
    if (rule?.endsArticle) break;
    if (rule) {
      push(line, { voice: rule.voice, rule: rule.name });
      continue;
    }
    if (isTeaser(line.text, paragraphs, words)) {
      push(line, { voice: "boilerplate", rule: "teaser-repeats-lead" });
      continue;
    }
    paragraphs.push(line.text);
    if (introSpeaker !== null && !isHeading(line.text)) {
      inBlockQuote = { speaker: introSpeaker };
      push(line, { voice: "quote", rule: "block-quote-after-colon", ...speakerOf(introSpeaker) });
      introSpeaker = null;
      continue;
    }
    if (inBlockQuote && continuesBlockQuote(line.text)) {
      push(line, {
        voice: "quote",
        rule: "block-quote-continued",
        ...speakerOf(inBlockQuote.speaker),
      });
      continue;
    }
    inBlockQuote = undefined;
    if (isHeading(line.text)) {
      push(line, { voice: "body", rule: "heading" });
      introSpeaker = null;
      continue;
    }
    pushBody(line, ranges);
    introSpeaker = introducesBlockQuote(line.text) ? blockQuoteSpeaker(line.text) : null;
  }

  // Footer: reader comments and site chrome.
  let articleText: string | undefined;
  const comments = new CommentTracker();
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (comments.open(line.text)) {
      push(line, { voice: "meta", rule: "comment-vote-score" });
      continue;
    }
    const current = comments.current;
    if (current && current.timestamp === undefined && TIMESTAMP.test(line.text.trim())) {
      comments.stamp(line.text);
      push(line, { voice: "meta", rule: "comment-timestamp" });
      continue;
    }
    const rule = matchLineRule(line.text, true);
    if (current && !(rule?.endsArticle || rule?.opensComments)) {
      const own = words(line.text);
      articleText ??= ` ${paragraphs.flatMap((p) => words(p)).join(" ")} `;
      const repeats = own.length >= 6 && articleText.includes(` ${own.join(" ")} `);
      push(line, {
        voice: "comment",
        rule: repeats ? "comment-repeats-article" : "comment",
        comment: { ...current, repeatsArticle: repeats },
      });
      continue;
    }
    comments.close();
    push(
      line,
      rule ? { voice: rule.voice, rule: rule.name } : { voice: "boilerplate", rule: "footer" },
    );
  }
  return assemble(ranges, text.length);
}

function speakerOf(speaker: string | undefined): { speaker?: string } {
  return speaker === undefined ? {} : { speaker };
}

function looksLikeTitle(line: string, title?: string): boolean {
  if (title && wordsOf(title).join(" ") === wordsOf(line).join(" ")) return true;
  const words = line.trim().split(/\s+/).length;
  return words <= 25 && !/[.;,]\s*$/.test(line.trim());
}

/** A short line with no sentence end: a section heading. */
function isHeading(line: string): boolean {
  const t = line.trim();
  // The end test first: it settles most lines without splitting them.
  return !/[.!?:;,…]["”»]?$/.test(t) && t.split(/\s+/).length <= 8;
}

/** A line ending in an ellipsis whose words begin an earlier paragraph: a teaser. */
function isTeaser(
  line: string,
  earlier: readonly string[],
  words: (text: string) => string[],
): boolean {
  const end = line.trimEnd();
  if (!(end.endsWith("...") || end.endsWith("…"))) return false;
  const own = words(line);
  if (own.length < 8) return false;
  return earlier.some((text) => {
    const e = words(text);
    return e.length > own.length && own.every((w, k) => e[k] === w);
  });
}

/** `f` with its results kept per argument. */
function memoize<T>(f: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (!known.has(text)) known.set(text, f(text));
    return known.get(text)!;
  };
}

function pushBody(line: Line, ranges: Range[]): void {
  let at = line.start;
  for (const q of inlineQuotes(line.text)) {
    const qs = line.start + q.start;
    if (qs > at) ranges.push({ start: at, end: qs, voice: "body", rule: "body" });
    ranges.push({
      start: qs,
      end: line.start + q.end,
      voice: "quote",
      rule: "inline-quote-with-speech-verb",
      ...speakerOf(q.speaker),
    });
    at = line.start + q.end;
  }
  if (at < line.end) ranges.push({ start: at, end: line.end, voice: "body", rule: "body" });
}

/** Attaches the gaps between ranges (line breaks, blank lines) to the range before, then merges. */
function assemble(ranges: Range[], length: number): Segment[] {
  const out: Segment[] = [];
  ranges.forEach((r, k) => {
    const start = k === 0 ? 0 : r.start;
    const end = k + 1 < ranges.length ? ranges[k + 1].start : length;
    const prev = out.at(-1);
    if (prev && sameLabel(prev, r)) {
      prev.end = end;
      return;
    }
    const seg: Segment = { voice: r.voice, start, end, rule: r.rule };
    if (r.speaker !== undefined) seg.speaker = r.speaker;
    if (r.comment !== undefined) seg.comment = r.comment;
    out.push(seg);
  });
  return out;
}

function sameLabel(a: Segment, b: Label): boolean {
  return a.voice === b.voice && a.rule === b.rule && a.speaker === b.speaker &&
    JSON.stringify(a.comment) === JSON.stringify(b.comment);
}
