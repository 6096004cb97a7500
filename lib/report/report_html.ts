/**
 * The standalone HTML report: one file that opens offline, with the
 * articles and their metadata, the provenance record, every figure (plotly.js
 * inlined once), the comparison tables with the statement of what was
 * resampled, keyness, per-article metrics, failures and notes. Every metric
 * row opens (`<details>`) into the sentences that produced it, with the
 * matched words marked. All article text is escaped; data for the figures is
 * embedded as JSON that cannot close its script element.
 *
 * @module
 */
import type { AnalysedArticle, AnalysisDocument } from "../analysis.ts";
import type { Comparison } from "../compare/compare_groups.ts";
import type { PlotlyFigure } from "../figures/figure.ts";
import type { Provenance } from "../provenance.ts";
import { escapeHtml as h, htmlTable, jsonForScript, scriptSource } from "./html.ts";
import type { HumanCoding } from "../coding/human_coding.ts";
import { humanCodingSection } from "./human_coding_html.ts";
import { REPORT_CSS } from "./_style.ts";
import { DASH } from "../tables/format.ts";
import { perArticleSection } from "./article_section.ts";
import { comparedStatement, comparisonSection, keynessSection } from "./comparison_section.ts";
import { type Ctx, metaValue } from "./_report_parts.ts";
import { sampleNote, shownArticles, shownItems } from "./shown_articles.ts";
import { articleRow } from "../tables/tidy.ts";

/** A figure of the report. */
export interface ReportFigure {
  /** Short name: letters, digits, `_` and `-` (also the exported file's name). */
  name: string;
  /** What the figure shows, one line. */
  caption: string;
  /** The plotly spec, as the figure builders return it. */
  figure: PlotlyFigure;
}

/** Everything the report shows. */
export interface ReportInput {
  /** The analysis of the articles. */
  doc: AnalysisDocument;
  /** The group comparison, if one could be made. */
  comparison?: Comparison;
  /**
   * What was compared with what (or why nothing was), and the fallbacks taken
   * (`compareCorpus`'s statement and notes); shown at the top of the comparison.
   * @default none
   */
  compared?: { statement: string; notes: readonly string[] };
  /** Figures, in the order shown. */
  figures: readonly ReportFigure[];
  /** What made the numbers. @default doc.provenance */
  provenance?: Provenance;
  /** Further provenance lines (name → value), e.g. the keyness prior's source. */
  extra?: Readonly<Record<string, string>>;
  /** Notes of this run (why a comparison was skipped, figures left out), listed with the failures. */
  notes?: readonly string[];
  /** Other files of the run, as paths relative to the report (linked from a "Files" section). */
  files?: readonly string[];
  /** People's codes matched to the analysis (`report --codes`): a "Human coding" section and a column of codes. */
  coding?: HumanCoding;
  /** Outputs of this run that could not be written (a figure's export), listed under failures. */
  outputFailures?: readonly string[];
}

/** Options for {@linkcode reportHtml}. */
export interface ReportHtmlOptions {
  /**
   * The plotly.js source to inline (see {@linkcode loadPlotlySource}). Without
   * it the figures are listed but not drawn.
   * @default undefined
   */
  plotly?: string;
  /**
   * The page title.
   * @default "Framing report"
   */
  title?: string;
  /**
   * Evidence sentences shown per metric row and side (the total is always stated).
   * @default 25
   */
  evidenceLimit?: number;
  /**
   * Articles the per-article listings (articles, voices, per article) show:
   * past it, that many spread evenly through the analysis (`shownArticles`);
   * `Infinity` for every article.
   * @default PER_ARTICLE_ROWS_UP_TO (500)
   */
  perArticle?: number;
  /**
   * Keyword-in-context lines shown per keyness term.
   * @default 12
   */
  kwicLimit?: number;
}

/**
 * The plotly.js bundle's source, read from the `plotly.js-dist-min` package.
 *
 * @returns The minified plotly.js source (about 5 MB).
 *
 * @example
 * ```ts
 * import { loadPlotlySource } from "./report_html.ts";
 * import { ok } from "node:assert/strict";
 *
 * ok((await loadPlotlySource()).length > 1_000_000);
 * ```
 */
export async function loadPlotlySource(): Promise<string> {
  return await Deno.readTextFile(new URL(import.meta.resolve("plotly.js-dist-min")));
}

/**
 * The report as one HTML document (no network requests: CSS inline, plotly.js
 * inlined when given, figures drawn from embedded JSON).
 *
 * @param input The analysis, comparison, figures and provenance.
 * @param options plotly.js source, title and evidence limits.
 * @returns The HTML text.
 *
 * @example Article text is escaped
 * ```ts
 * import { reportHtml } from "./report_html.ts";
 * import { analyzeCorpus, loadResources } from "@framing/toolkit";
 * import { ok } from "node:assert/strict";
 *
 * const doc = analyzeCorpus({
 *   articles: [{ meta: { id: "a", language: "en", inferred: [] }, origin: "a.txt", warnings: [],
 *     text: "<script>go(1)</script> Putin met Tokayev." }],
 *   failures: [], notes: [],
 * }, await loadResources());
 * const html = reportHtml({ doc, figures: [] });
 * ok(html.includes("&lt;script&gt;go(1)&lt;/script&gt;"));
 * ok(!html.includes("<script>go(1)"));
 * ```
 */
export function reportHtml(input: ReportInput, options: ReportHtmlOptions = {}): string {
  return [...reportHtmlPieces(input, options)].join("");
}

/**
 * The text of {@linkcode reportHtml} in pieces: the sections that list every
 * article come one article at a time, so that the report of a large corpus
 * can be written without holding its text whole.
 *
 * @param input The analysis, comparison, figures and provenance.
 * @param options plotly.js source, title and evidence limits.
 * @returns Pieces whose concatenation is the text of `reportHtml`.
 *
 * @example
 * ```ts
 * import { reportHtml, reportHtmlPieces } from "./report_html.ts";
 * import { analyzeCorpus, loadResources } from "@framing/toolkit";
 * import { strictEqual } from "node:assert/strict";
 *
 * const doc = analyzeCorpus({
 *   articles: [{ meta: { id: "a", language: "en", inferred: [] }, origin: "a.txt", warnings: [],
 *     text: "Putin met Tokayev." }],
 *   failures: [], notes: [],
 * }, await loadResources());
 * strictEqual([...reportHtmlPieces({ doc, figures: [] })].join(""), reportHtml({ doc, figures: [] }));
 * ```
 */
export function* reportHtmlPieces(
  input: ReportInput,
  options: ReportHtmlOptions = {},
): Generator<string> {
  const title = options.title ?? "Framing report";
  const ctx: Ctx = {
    articles: new Map(input.doc.articles.map((a) => [a.id, a])),
    evidenceLimit: options.evidenceLimit ?? 25,
    kwicLimit: options.kwicLimit ?? 12,
    topicLexicons: new Set(
      input.doc.articles.flatMap((a) => a.topics.map((t) => t.lexicon ?? "topics")),
    ),
  };
  const { doc, comparison } = input;
  const { shown } = shownArticles(doc.articles, options.perArticle);
  const note = sampleNote(shown.length, doc.articles.length);
  const sections: [string, string, string | Iterable<string>][] = [
    ["articles", "Articles", articlesSection(shown, note)],
    [
      "failures",
      "Failures, warnings and notes",
      failuresSection(doc, input.notes ?? [], input.outputFailures ?? [], options.perArticle),
    ],
    ["voices", "Voices", voicesSection(doc, shown, note)],
    ["figures", "Figures", figuresSection(input.figures, options.plotly !== undefined)],
    ...(input.coding
      ? [["human-coding", "Human coding", humanCodingSection(input.coding)] as [
        string,
        string,
        string | Iterable<string>,
      ]]
      : []),
    [
      "comparison",
      "Comparison",
      comparedStatement(input.compared) +
      (comparison
        ? comparisonSection(comparison, ctx)
        : "<p>No comparison was made (see notes).</p>"),
    ],
    [
      "keyness",
      "Keyness",
      comparison ? keynessSection(comparison, ctx) : "<p>No comparison was made.</p>",
    ],
    [
      "per-article",
      "Per article, every voice",
      perArticleSection(doc, ctx, input.coding, shown, note),
    ],
    [
      "provenance",
      "Provenance",
      provenanceSection(input.provenance ?? doc.provenance, input.extra ?? {}, comparison),
    ],
    ...(input.files?.length
      ? [
        ["files", "Files", filesSection(input.files)] as [
          string,
          string,
          string | Iterable<string>,
        ],
      ]
      : []),
  ];
  const nav = sections.map(([id, name]) => `<a href="#${id}">${h(name)}</a>`).join(" · ");
  const plotly = options.plotly === undefined
    ? ""
    : `<script>${scriptSource(options.plotly)}</script>\n<script>${DRAW_FIGURES}</script>`;
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:">
<title>${h(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header><h1>${h(title)}</h1>
<p>${doc.articles.length} article(s) analysed, ${doc.failures.length} input(s) failed. Made by ${
    h(doc.provenance.toolkit.name)
  } ${
    h(doc.provenance.toolkit.version)
  }. Every metric row opens into the sentences it was counted from; marked words are the ones that counted: <mark class="actor">actor mention</mark> <mark class="cue">sentiment cue</mark> <mark class="hit">lexicon hit</mark> <mark class="term">keyness term</mark> (hover a mark for details).</p>
<nav>${nav}</nav></header>
<main>
`;
  for (const [i, [id, name, html]] of sections.entries()) {
    yield `${i > 0 ? "\n" : ""}<section id="${id}"><h2>${h(name)}</h2>\n`;
    if (typeof html === "string") yield html;
    else yield* html;
    yield "\n</section>";
  }
  yield `
</main>
${plotly}
</body>
</html>
`;
}

/** Draws every `.plot` element from the JSON in the script element that follows it. */
const DRAW_FIGURES = `
for (const div of document.querySelectorAll("div.plot")) {
  const spec = JSON.parse(document.getElementById(div.id + "-spec").textContent);
  Plotly.newPlot(div, spec.data, spec.layout, Object.assign({ displaylogo: false, responsive: false }, spec.config || {}));
}`;

const table = htmlTable;

// ---------------------------------------------------------------- sections

const KNOWN_META = ["id", "title", "outlet", "author", "date", "language", "source", "inferred"];

/** The pieces of `htmlTable(head, rows, cls)`, a row at a time. */
function* tablePieces(
  head: readonly string[],
  rows: Iterable<string[]>,
  cls = "",
): Generator<string> {
  const [open, close] = table(head, [["\u0000"]], cls).split("<tr><td>\u0000</td></tr>");
  yield open;
  let first = true;
  for (const r of rows) {
    yield `${first ? "" : "\n"}<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`;
    first = false;
  }
  yield close;
}

/** Each element of `xs`, mapped, when it is read. */
function* lazyMap<T, R>(xs: Iterable<T>, f: (x: T) => R): Generator<R> {
  for (const x of xs) yield f(x);
}

function* articlesSection(
  shown: readonly AnalysedArticle[],
  note: string,
): Generator<string> {
  yield note;
  const rows = lazyMap(shown, (a) => {
    const extra = Object.keys(a.meta).filter((k) => !KNOWN_META.includes(k))
      .map((k) => `${h(k)}: ${metaValue(a, k)}`).join("<br>");
    const size = articleRow(a);
    return [
      `<code>${h(a.id)}</code>`,
      metaValue(a, "title"),
      metaValue(a, "outlet"),
      metaValue(a, "author"),
      metaValue(a, "date"),
      metaValue(a, "language"),
      `<code>${h(a.origin)}</code>`,
      `${size.length} characters, ${size.sentences} sentences, ${size.words} words`,
      extra || `<span class="none">${DASH}</span>`,
    ];
  });
  const sources = shown.filter((a) => a.meta.source).map((a) =>
    `<li><code>${h(a.id)}</code>: ${metaValue(a, "source")}</li>`
  ).join("\n");
  yield* tablePieces(
    ["id", "title", "outlet", "author", "date", "language", "origin", "size", "other fields"],
    rows,
  );
  if (sources) yield `<h3>Where the texts come from</h3><ul>${sources}</ul>`;
}

function failuresSection(
  doc: AnalysisDocument,
  runNotes: readonly string[],
  outputFailures: readonly string[],
  limit?: number,
): string {
  const list = (items: string[]) =>
    items.length === 0
      ? '<p class="none">None.</p>'
      : `<ul>${items.map((i) => `<li>${i}</li>`).join("\n")}</ul>`;
  // A corpus can give a warning per article: past the listings' limit the
  // page shows the first ones, and the table `warnings` holds every one.
  const where = "the table <code>warnings</code> (<code>tables/warnings.csv</code>) and in " +
    "<code>analysis.json</code>";
  const capped = (items: string[], what: string) => {
    const { shown, note } = shownItems(items, limit, what, where);
    return note + list(shown);
  };
  const warnings = doc.articles.flatMap((a) =>
    a.warnings.map((w) => `<code>${h(a.id)}</code>: ${h(w)}`)
  );
  const outputs = outputFailures.length === 0
    ? ""
    : `<h3>Outputs that failed (${outputFailures.length})</h3>${list(outputFailures.map(h))}`;
  return `<h3>Inputs that failed (${doc.failures.length})</h3>${
    capped(
      doc.failures.map((f) => `<code>${h(f.input)}</code>: ${h(f.reason)}`),
      "inputs that failed",
    )
  }${outputs}<h3>Article warnings (${warnings.length})</h3>${
    capped(warnings, "article warnings")
  }<h3>Notes (${doc.notes.length + runNotes.length})</h3>${
    list([...doc.notes, ...runNotes].map((n) => h(n)))
  }`;
}

function* voicesSection(
  doc: AnalysisDocument,
  shown: readonly AnalysedArticle[],
  note: string,
): Generator<string> {
  const rows = function* () {
    for (const a of shown) {
      for (const v of a.voices) {
        yield [
          `<code>${h(a.id)}</code>`,
          h(v.voice),
          String(v.chars),
          a.length ? `${(100 * v.chars / a.length).toFixed(1)}%` : DASH,
          String(v.sentences),
          String(v.words),
        ];
      }
    }
  };
  yield "<p>Each character of a page belongs to one voice: the author's text (body), headlines " +
    "(title), quoted speech (quote), reader comments (comment), bylines and metadata (meta) and " +
    "site chrome (boilerplate). Metrics count only title, body, quote and comment.</p>";
  if (note !== "") {
    yield "<h3>All articles</h3>" + voiceTotals(doc) + "<h3>Per article</h3>" + note;
  }
  yield* tablePieces(
    ["article", "voice", "characters", "share", "sentences", "words"],
    rows(),
    "numeric",
  );
}

/** Characters, sentences and words per voice, summed over every article. */
function voiceTotals(doc: AnalysisDocument): string {
  const sums = new Map<string, { chars: number; sentences: number; words: number }>();
  let chars = 0;
  for (const a of doc.articles) {
    chars += a.length;
    for (const v of a.voices) {
      const s = sums.get(v.voice) ?? { chars: 0, sentences: 0, words: 0 };
      s.chars += v.chars;
      s.sentences += v.sentences;
      s.words += v.words;
      sums.set(v.voice, s);
    }
  }
  return table(
    ["voice", "characters", "share", "sentences", "words"],
    [...sums].map(([voice, s]) => [
      h(voice),
      String(s.chars),
      chars ? `${(100 * s.chars / chars).toFixed(1)}%` : DASH,
      String(s.sentences),
      String(s.words),
    ]),
    "numeric",
  );
}

function figuresSection(figures: readonly ReportFigure[], drawn: boolean): string {
  if (figures.length === 0) return '<p class="none">No figures.</p>';
  const note = drawn ? "" : '<p class="none">plotly.js was not inlined: figures are not drawn.</p>';
  return note + figures.map((f, i) => {
    const id = `fig-${i}-${f.name.replace(/[^A-Za-z0-9_-]/g, "_")}`;
    return `<figure><div class="plot" id="${id}"></div>` +
      `<script type="application/json" id="${id}-spec">${jsonForScript(f.figure)}</script>` +
      `<figcaption><b>${h(f.name)}</b>: ${h(f.caption)}</figcaption></figure>`;
  }).join("\n");
}

function provenanceSection(
  p: Provenance,
  extra: Readonly<Record<string, string>>,
  c: Comparison | undefined,
): string {
  const general = [
    ["toolkit", `${p.toolkit.name} ${p.toolkit.version}`],
    [
      "language model",
      `${p.languageModel.name} ${p.languageModel.version} (${p.languageModel.library} ${p.languageModel.libraryVersion})`,
    ],
    ...(c
      ? [
        ["comparison", `by ${c.by}, voice ${c.voice}; ${c.unit}`],
        [
          "comparison method",
          `${c.method.resamples} resamples, seed ${c.method.seed}, level ${c.method.level}`,
        ],
        ["keyness", c.method.keyness],
      ]
      : []),
    ...(p.models ?? []).map((m) => [
      `model (${m.role})`,
      `${m.name} ${m.version}, ${m.file}, SHA-256 ${m.sha256}`,
    ]),
    ...Object.entries(extra),
  ].map(([k, v]) => [h(k), h(v)]);
  const lexicons = p.lexicons.map((l) => [
    h(l.role),
    h(l.name),
    h(l.version),
    String(l.entries),
    h(l.licence),
    `<code title="${h(l.sha256)}">${h(l.sha256.slice(0, 12))}…</code>`,
    `<details><summary>source</summary>${h(l.source)}</details>`,
  ]);
  return table(["item", "value"], general) + "<h3>Lexicons</h3>" +
    table(["role", "name", "version", "entries", "licence", "SHA-256", "source"], lexicons) +
    `<h3>Parameters</h3><pre>${h(JSON.stringify(p.parameters, null, 2))}</pre>`;
}

function filesSection(files: readonly string[]): string {
  const items = files.map((f) => {
    // Only plain relative paths become links; anything with a scheme or leading slash stays text.
    const safe = !/^[a-z][a-z0-9+.-]*:|^[\\/]/i.test(f);
    const href = f.split("/").map(encodeURIComponent).join("/");
    return `<li>${
      safe ? `<a href="${h(href)}"><code>${h(f)}</code></a>` : `<code>${h(f)}</code>`
    }</li>`;
  });
  return `<p>Written next to this report by the same run.</p><ul class="files">${
    items.join("")
  }</ul>`;
}
