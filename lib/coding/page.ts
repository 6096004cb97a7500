/**
 * The coding page: one offline HTML file in which a person codes the sampled
 * units, one unit per screen, by keyboard or mouse. It asks the coder's name
 * (and slot, when there are several), shuffles the units per coder, saves as
 * the coder works (localStorage) and exports the codes as CSV
 * (`unit,coder,code,note`), which it can also load back.
 *
 * The page makes no network request: its data is embedded as JSON, its
 * script and style inline, and a Content-Security-Policy admits only those
 * two (by hash). Article text is only ever set as text, never as markup.
 * While coding, the model's score and the sample design are not in the page
 * at all, and the metadata (outlet, ...) only with `showMeta`.
 *
 * Saved codes are keyed by the page's identity (a hash of its title, slot
 * count, codebook and unit ids) and the coder's name: a page rebuilt with the
 * same units resumes where each coder was; a different page starts afresh.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { escapeHtml, jsonForScript, scriptSource } from "../html.ts";
import {
  coderOrder,
  codingPageMain,
  csvText,
  hashString,
  type PageArticle,
  type PageData,
  type PageUnit,
  parseCsv,
} from "./_page_script.ts";
import { Codebook, type CodingUnit } from "./schema.ts";

/** One article as the coding page shows it. */
export interface CodingPageArticle {
  /** The article's id, as `CodingUnit.article` names it. */
  id: string;
  /** The headline, shown when no passage has the voice `title`. */
  title?: string;
  /** The raw text: passages and spans are UTF-16 offsets into it. */
  text: string;
  /**
   * The stretches of `text` to show, in order (`title` as the heading,
   * `body` as paragraphs, `quote` as quotations, any other voice labelled).
   * When empty, the whole text is shown as body.
   */
  passages: { start: number; end: number; voice: string }[];
}

/** Options for {@linkcode codingPage}. */
export interface CodingPageOptions {
  /**
   * K, the number of coder slots. With K > 1 the coder picks a slot 1..K and
   * gets the units whose `coders` include it; with 1, every unit.
   * @default 1
   */
  coders?: number;
  /**
   * Whether to show each article's metadata (`unit.meta`) beside it. The
   * model's score is never shown.
   * @default false
   */
  showMeta?: boolean;
  /**
   * The page's title.
   * @default "Coding"
   */
  title?: string;
  /**
   * Varies the order each coder sees the units in (with the coder's name).
   * @default 0
   */
  seed?: number;
}

/**
 * The coding page for the sampled units: one self-contained HTML file.
 *
 * Units with `sampled: false` are left out. Passages and spans that reach
 * past the text are clipped; spans that fall outside every passage are
 * counted under the article ("N mentions fall in parts of the page not
 * shown"); overlapping spans are marked as one.
 *
 * @param units The sampled units (`model`, `inclusionProbability` and `stratum` are never embedded; `meta` only with `showMeta`).
 * @param articles The articles the units name (others are left out of the page).
 * @param codebook The question, scale and instructions.
 * @param options Coder slots, metadata, title and seed.
 * @returns The HTML document.
 * @throws {RangeError} If a unit names an article not given, two units or two articles share an id, `coders` is not a positive integer, or with K > 1 a unit has no slot in 1..K.
 * @throws {z.ZodError} If the codebook is invalid (for example two points share a key).
 *
 * @example
 * ```ts
 * import { codingPage } from "./page.ts";
 * import { ok } from "node:assert/strict";
 *
 * const html = codingPage(
 *   [{
 *     unit: "a1::putin", article: "a1", actor: "putin", actorName: "Putin",
 *     meta: { outlet: "Daily Example" }, model: 0.4321, sampled: true, inclusionProbability: 1,
 *     spans: [{ start: 0, end: 5 }],
 *   }],
 *   [{ id: "a1", title: "Talks", text: "Putin met <b>envoys</b>.", passages: [{ start: 0, end: 23, voice: "body" }] }],
 *   {
 *     question: "How does the author's text evaluate ACTOR?",
 *     scale: [{ value: -1, label: "negative", key: "1" }, { value: 1, label: "positive", key: "2" }],
 *     cannotTell: { label: "cannot tell", key: "0" },
 *     instructions: "",
 *     level: "interval",
 *   },
 * );
 * ok(html.includes("\\u003cb\\u003eenvoys"));
 * ok(!html.includes("<b>") && !html.includes("Daily Example") && !html.includes("0.4321"));
 * ```
 */
export function codingPage(
  units: CodingUnit[],
  articles: CodingPageArticle[],
  codebook: Codebook,
  options: CodingPageOptions = {},
): string {
  const book = Codebook.parse(codebook);
  const slots = options.coders ?? 1;
  if (!Number.isInteger(slots) || slots < 1) {
    throw new RangeError(`Coder slots must be a positive integer, got ${slots}`);
  }
  const title = options.title ?? "Coding";
  const seed = options.seed ?? 0;
  const byId = new Map<string, CodingPageArticle>();
  for (const a of articles) {
    if (byId.has(a.id)) throw new RangeError(`Two articles have the id "${a.id}"`);
    byId.set(a.id, a);
  }
  const seen = new Set<string>();
  const pageUnits: PageUnit[] = [];
  const used = new Map<string, PageArticle>();
  for (const u of units) {
    if (u.sampled === false) continue;
    if (seen.has(u.unit)) throw new RangeError(`Two units have the id "${u.unit}"`);
    seen.add(u.unit);
    const article = byId.get(u.article);
    if (article === undefined) {
      throw new RangeError(
        `Cannot build the coding page: unit "${u.unit}" names article "${u.article}", which is not among the articles`,
      );
    }
    const coders = slots > 1 ? (u.coders ?? []).filter((s) => s >= 1 && s <= slots) : undefined;
    if (coders !== undefined && coders.length === 0) {
      throw new RangeError(
        `Unit "${u.unit}" is given to no coder slot in 1..${slots} (coders: ${
          JSON.stringify(u.coders ?? [])
        })`,
      );
    }
    if (!used.has(article.id)) used.set(article.id, pageArticle(article));
    pageUnits.push({
      unit: u.unit,
      article: u.article,
      name: u.actorName ?? u.actor,
      ...(coders ? { coders } : {}),
      spans: mergedSpans(u.spans ?? [], article.text.length),
      ...(options.showMeta ? { meta: u.meta } : {}),
    });
  }
  const codebookData = {
    question: book.question,
    instructions: book.instructions,
    scale: book.scale.map(({ value, label, key }) => ({ value, label, key })),
    cannotTell: { label: book.cannotTell.label, key: book.cannotTell.key },
  };
  const id = hashString(
    JSON.stringify([title, slots, codebookData, pageUnits.map((u) => u.unit)]),
    0,
  ).toString(36);
  const data: PageData = {
    id,
    title,
    seed,
    slots,
    codebook: codebookData,
    units: pageUnits,
    articles: [...used.values()],
  };
  const script = scriptSource(
    `"use strict";\n(() => {\n${
      [hashString, coderOrder, csvText, parseCsv, codingPageMain].map(String).join("\n")
    }\ncodingPageMain();\n})();\n`,
  );
  const sha = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;
  const csp = `default-src 'none'; script-src ${sha(script)}; style-src ${
    sha(PAGE_CSS)
  }; base-uri 'none'; form-action 'none'`;
  const h = escapeHtml;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${h(csp)}">
<meta name="referrer" content="no-referrer">
<title>${h(title)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<header class="bar">
<h1>${h(title)}</h1>
<p id="progress-box" hidden><span id="position"></span> · <span id="coded"></span>
<progress id="progress-bar" aria-label="Units coded"></progress> · coder <strong id="coder-label"></strong></p>
</header>
<main>
<section id="start" class="start" hidden aria-labelledby="start-heading">
<h2 id="start-heading">Before you start</h2>
<p id="start-count"></p>
<form id="start-form">
<p><label for="coder-name">Your name, as it will stand in the exported codes</label><br>
<input id="coder-name" type="text" autocomplete="name" spellcheck="false"></p>
<p id="slot-field" hidden><label for="coder-slot">Your coder slot (ask the lead which is yours)</label><br>
<select id="coder-slot"></select></p>
<p><button type="submit" class="primary">Start coding</button></p>
<p id="start-error" class="error" role="alert"></p>
</form>
</section>
<div id="coding" class="coding" hidden>
<article id="article" class="article" tabindex="-1" aria-labelledby="article-title">
<h2 id="article-title"></h2>
<dl id="meta" class="meta" hidden></dl>
<div id="article-body" class="text"></div>
<p id="outside-note" class="aside" hidden></p>
</article>
<section id="panel" class="panel" aria-label="Your code">
<p id="question" class="question"></p>
<details id="instructions-box" open><summary>Instructions</summary><p id="instructions"></p></details>
<div id="scale" class="scale" role="group" aria-labelledby="question"></div>
<p id="current-code" class="aside"></p>
<p id="done" class="done" hidden></p>
<p><label for="note">Note (optional)</label><br><textarea id="note" rows="3"></textarea></p>
<p class="nav"><button type="button" id="back">← Back</button> <button type="button" id="next">Next →</button></p>
<p id="status" class="status" role="status" aria-live="polite"></p>
<p class="files"><button type="button" id="export">Export codes (CSV)</button>
<label for="import">Load codes from a CSV file</label>
<input type="file" id="import" accept=".csv,text/csv"></p>
<p><button type="button" id="switch" class="quiet">Switch coder</button></p>
<p id="keys" class="aside"></p>
</section>
</div>
<noscript><p>This page needs JavaScript to run (it runs only here, offline).</p></noscript>
</main>
<script type="application/json" id="data">${jsonForScript(data)}</script>
<script>${script}</script>
</body>
</html>
`;
}

/** An article with its passages sorted by start and clipped to the text (empty ones dropped). */
function pageArticle(article: CodingPageArticle): PageArticle {
  const n = article.text.length;
  const passages = article.passages
    .map((p) => ({ start: clip(p.start, n), end: clip(p.end, n), voice: String(p.voice) }))
    .filter((p) => p.end > p.start)
    .sort((a, b) => a.start - b.start);
  return {
    id: article.id,
    ...(article.title !== undefined ? { title: article.title } : {}),
    text: article.text,
    passages,
  };
}

/** Spans clipped to `[0, length]`, sorted, overlapping ones merged, empty ones dropped. */
function mergedSpans(spans: { start: number; end: number }[], length: number) {
  const sorted = spans
    .map((s) => ({ start: clip(s.start, length), end: clip(s.end, length) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

function clip(x: number, n: number): number {
  return Number.isFinite(x) ? Math.min(Math.max(Math.trunc(x), 0), n) : 0;
}

/** The page's style: system fonts, large type, visible focus; article left, question right. */
const PAGE_CSS = `
:root { color-scheme: light; --ink: #1b1b1f; --muted: #55555c; --line: #c9c9d1; --band: #f3f3f6;
  --accent: #0b57a4; --mark: #ffe27a; --mark-line: #a07800; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html, body { margin: 0; }
body { font: 19px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans",
  "DejaVu Sans", Arial, sans-serif; color: var(--ink); background: #fff;
  display: flex; flex-direction: column; height: 100vh; }
header.bar { display: flex; flex-wrap: wrap; align-items: baseline; gap: .2rem 1.5rem;
  padding: .45rem 1.2rem; border-bottom: 1px solid var(--line); background: var(--band); }
h1 { font-size: 1.05rem; margin: 0; }
header p { margin: 0; color: var(--muted); font-variant-numeric: tabular-nums; }
progress { width: 8rem; vertical-align: middle; }
main { flex: 1; min-height: 0; }
.start { max-width: 36rem; margin: 2rem auto; padding: 0 1.2rem; }
.coding { display: grid; grid-template-columns: minmax(0, 1fr) minmax(19rem, 27rem); height: 100%; }
.article { overflow-y: auto; padding: 1rem 2rem 3rem; }
.article:focus { outline: none; }
.article:focus-visible { outline: 2px dashed #8fa9c6; outline-offset: -4px; }
.article h2 { font-size: 1.5rem; line-height: 1.3; margin: .6rem 0 1rem; max-width: 40rem; }
.text { max-width: 40rem; }
.text p, .text blockquote { white-space: pre-wrap; margin: 0 0 1em; }
.text blockquote { margin-left: 0; padding-left: 1rem; border-left: 4px solid var(--line); }
.voice-label { font-size: .8em; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
mark { background: var(--mark); color: inherit; border-bottom: 2px solid var(--mark-line);
  padding: 0 .08em; border-radius: 2px; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; font-size: .85rem;
  color: var(--muted); margin: 0 0 1rem; max-width: 40rem; }
.meta dt { font-weight: 600; } .meta dd { margin: 0; }
.panel { overflow-y: auto; padding: 1rem 1.2rem 2rem; border-left: 1px solid var(--line);
  background: var(--band); }
.question { font-size: 1.2rem; font-weight: 600; line-height: 1.4; margin: .4rem 0 .6rem; }
.question .actor { background: var(--mark); border-bottom: 2px solid var(--mark-line); padding: 0 .1em; }
details { font-size: .9rem; margin: 0 0 .8rem; }
details p { white-space: pre-wrap; margin: .3rem 0 0; }
summary { cursor: pointer; color: var(--muted); }
button, input, select, textarea { font: inherit; color: var(--ink); }
button { min-height: 2.6rem; padding: .3rem .9rem; border: 1px solid #8a8a93; border-radius: 6px;
  background: #fff; cursor: pointer; }
button:hover { border-color: var(--ink); }
button:disabled { color: #9a9aa2; border-color: var(--line); cursor: default; }
button.primary { background: var(--accent); color: #fff; border-color: var(--accent); }
button.quiet { font-size: .85rem; min-height: 2rem; }
.scale { display: flex; flex-direction: column; gap: .35rem; }
button.code { display: flex; align-items: center; gap: .7rem; width: 100%; text-align: left; }
button.code.cannot { margin-top: .4rem; border-style: dashed; }
button.code kbd { font: 600 .9em ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace;
  border: 1px solid #8a8a93; border-radius: 4px; padding: 0 .45em; background: var(--band); }
button.code[aria-pressed="true"] { background: var(--accent); border-color: var(--accent); color: #fff;
  font-weight: 600; }
button.code[aria-pressed="true"] kbd { color: var(--ink); }
:focus-visible { outline: 3px solid #e07000; outline-offset: 2px; }
textarea { width: 100%; padding: .4rem; border: 1px solid #8a8a93; border-radius: 6px; }
input[type="text"], select { padding: .35rem .5rem; border: 1px solid #8a8a93; border-radius: 6px;
  min-width: 18rem; }
.nav { display: flex; gap: .6rem; }
.nav button { flex: 1; }
.files { font-size: .9rem; display: flex; flex-direction: column; align-items: flex-start; gap: .35rem;
  border-top: 1px solid var(--line); padding-top: .8rem; }
.aside, .status { font-size: .9rem; color: var(--muted); }
.done { font-weight: 600; color: #1d6b2f; }
.error { color: #a01c1c; font-weight: 600; }
@media (max-width: 56rem) {
  body { height: auto; display: block; }
  .coding { display: block; height: auto; }
  .article { overflow: visible; padding: 1rem 1.2rem; }
  .panel { border-left: 0; border-top: 1px solid var(--line); }
}
`;
