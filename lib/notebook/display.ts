/**
 * Showing figures, tables and numbers in a Deno Jupyter notebook.
 *
 * The Deno kernel shows any value that has a `[Symbol.for("Jupyter.display")]`
 * method by calling it for a MIME bundle. nbconvert's HTML export drops
 * `application/vnd.plotly.v1+json` outputs, so a figure carries that MIME type
 * (for JupyterLab's plotly renderer) and also `text/html`: a div and a
 * `Plotly.newPlot` call, which runs wherever plotly.js has been loaded once by
 * {@linkcode displayPlotlyLibrary}.
 *
 * Show values with `await show(...)` (or as a cell's last value). The Deno
 * kernel (2.9.6) sometimes reports a cell idle a moment before it sends the
 * cell's last output, which a plain `jupyter nbconvert --execute` then drops
 * (measured here: 4 of 100 outputs lost); `tools/run_notebooks.ts` executes
 * notebooks with a preprocessor that keeps such late outputs (100 of 100).
 *
 * @module
 */
import { PlotlyFigure } from "../figures/figure.ts";
import { escapeHtml } from "../report/html.ts";

/** A MIME bundle: MIME type to content, as Jupyter's `display_data` carries it. */
export type MimeBundle = Record<string, unknown>;

/** The symbol the Deno kernel looks for on a displayed value: `Symbol.for("Jupyter.display")`. */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display");

/** A value the Deno kernel displays as a MIME bundle. */
export interface Displayable {
  /** Called by the Deno kernel; returns the MIME bundle. */
  [JUPYTER_DISPLAY](): MimeBundle;
}

/**
 * Displays values in the running Deno notebook, in order, each as its own
 * output, waiting until the kernel has taken each one. A list (as `figure`
 * and `table` return) is shown item by item.
 *
 * @param values Values made by {@linkcode displayFigure}, {@linkcode displayTable}, `figure`, `table`, ...
 * @throws {Error} Outside a Deno Jupyter kernel, where `Deno.jupyter` is not available.
 *
 * @example Outside a notebook it rejects
 * ```ts
 * import { displayJson, show } from "@framing/toolkit/notebook";
 * import { rejects } from "node:assert/strict";
 *
 * await rejects(show(displayJson({ n: 1 })));
 * ```
 */
export async function show(
  ...values: (Displayable | readonly Displayable[])[]
): Promise<void> {
  for (const value of values.flat()) {
    await Deno.jupyter.display(value[JUPYTER_DISPLAY](), { raw: true });
  }
}

/**
 * Wraps a MIME bundle in a value the Deno kernel displays.
 *
 * @param bundle MIME type to content.
 * @returns An object whose `[JUPYTER_DISPLAY]()` returns `bundle`.
 *
 * @example
 * ```ts
 * import { displayable, JUPYTER_DISPLAY } from "@framing/toolkit/notebook";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const shown = displayable({ "text/plain": "hi" });
 * deepStrictEqual(shown[JUPYTER_DISPLAY](), { "text/plain": "hi" });
 * ```
 */
export function displayable(bundle: MimeBundle): Displayable {
  return { [JUPYTER_DISPLAY]: () => bundle };
}

/**
 * A line of Markdown (the same text as plain text), e.g. why nothing is drawn.
 *
 * @example
 * ```ts
 * import { note } from "./display.ts";
 * import { ok } from "node:assert/strict";
 *
 * ok(Object.getOwnPropertySymbols(note("Nothing to draw.")).length === 1);
 * ```
 */
export function note(text: string): Displayable {
  return displayable({ "text/markdown": text, "text/plain": text });
}

/** Options for {@linkcode figureBundle} and {@linkcode displayFigure}. */
export interface FigureBundleOptions {
  /**
   * The id of the div the figure is drawn into. Must be unique on the page.
   * @default a random id `"plotly-<uuid>"`
   */
  id?: string;
  /**
   * CSS height of the div.
   * @default the figure's `layout.height` in px when it has one, else "450px"
   */
  height?: string;
}

/**
 * The MIME bundle for a plotly figure: `application/vnd.plotly.v1+json`,
 * `text/html` (a div and a `Plotly.newPlot` call) and a `text/plain` line.
 *
 * @param figure The figure spec.
 * @param options Div id and height.
 * @returns The bundle.
 * @throws {TypeError} If `figure` is not a `{data, layout, config?}` object.
 *
 * @example Both MIME types carry the same figure
 * ```ts
 * import { figureBundle } from "@framing/toolkit/notebook";
 * import { deepStrictEqual, ok } from "node:assert/strict";
 *
 * const figure = { data: [{ type: "bar", x: ["a"], y: [1] }], layout: { title: { text: "T" } } };
 * const bundle = figureBundle(figure, { id: "fig1" });
 * deepStrictEqual(bundle["application/vnd.plotly.v1+json"], figure);
 * ok(String(bundle["text/html"]).includes('Plotly.newPlot("fig1"'));
 * ```
 */
export function figureBundle(figure: PlotlyFigure, options: FigureBundleOptions = {}): MimeBundle {
  const parsed = PlotlyFigure.safeParse(figure);
  if (!parsed.success) {
    throw new TypeError(
      `Cannot display figure: expected {data: [...], layout: {...}, config?: {...}}, got ${
        JSON.stringify(figure)?.slice(0, 80)
      }`,
    );
  }
  const id = options.id ?? `plotly-${crypto.randomUUID()}`;
  const layoutHeight = figure.layout.height;
  const height = options.height ??
    (typeof layoutHeight === "number" && layoutHeight > 0 ? `${layoutHeight}px` : "450px");
  const config = { responsive: true, displaylogo: false, ...figure.config };
  // `<` only occurs inside JSON strings, where `\u003c` means the same.
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");
  const html = [
    `<div id="${escapeHtml(id)}" style="width:100%;height:${escapeHtml(height)};"></div>`,
    "<script>",
    "(function () {",
    `  var el = document.getElementById(${json(id)});`,
    '  if (typeof Plotly === "undefined") {',
    '    el.textContent = "plotly.js is not loaded: run displayPlotlyLibrary() in an earlier cell.";',
    "    return;",
    "  }",
    `  Plotly.newPlot(${json(id)}, ${json(figure.data)}, ${json(figure.layout)}, ${json(config)});`,
    "})();",
    "</script>",
  ].join("\n");
  return {
    "application/vnd.plotly.v1+json": figure,
    "text/html": html,
    "text/plain": `Plotly figure: ${figure.data.length} trace(s)${titleOf(figure)}`,
  };
}

/**
 * A plotly figure as a value the Deno kernel displays; make it a cell's last
 * expression.
 *
 * @example
 * ```ts
 * import { displayFigure, JUPYTER_DISPLAY } from "@framing/toolkit/notebook";
 * import { ok } from "node:assert/strict";
 *
 * const shown = displayFigure({ data: [], layout: {} });
 * ok("application/vnd.plotly.v1+json" in shown[JUPYTER_DISPLAY]());
 * ```
 */
export function displayFigure(
  figure: PlotlyFigure,
  options: FigureBundleOptions = {},
): Displayable {
  return displayable(figureBundle(figure, options));
}

/** Options for {@linkcode plotlyLibraryBundle} and {@linkcode displayPlotlyLibrary}. */
export interface PlotlyLibraryOptions {
  /**
   * The plotly.js file to inline.
   * @default the file `import.meta.resolve("plotly.js-dist-min")` names
   */
  path?: string | URL;
}

/** The attribute that marks the `<script>` element holding plotly.js. */
export const PLOTLY_LIBRARY_ATTRIBUTE = "data-framing-plotly-library";

/**
 * The one-time HTML bundle that inlines plotly.js (about 5 MB), so that the
 * `text/html` of later figures draws in the executed notebook and in its
 * nbconvert HTML export without a network.
 *
 * @param options Where plotly.js is.
 * @returns A `text/html` bundle with one `<script>` element.
 * @throws {RangeError} If the file contains `</script`, which would end the element early.
 *
 * @example
 * ```ts
 * import { plotlyLibraryBundle } from "@framing/toolkit/notebook";
 * import { ok } from "node:assert/strict";
 *
 * const html = String(plotlyLibraryBundle()["text/html"]);
 * ok(html.startsWith("<script data-framing-plotly-library>") && html.includes("window.Plotly"));
 * ```
 */
export function plotlyLibraryBundle(options: PlotlyLibraryOptions = {}): MimeBundle {
  const path = options.path ?? new URL(import.meta.resolve("plotly.js-dist-min"));
  const source = Deno.readTextFileSync(path);
  if (/<\/script/i.test(source)) {
    throw new RangeError(`Cannot inline "${String(path)}": it contains "</script"`);
  }
  return {
    "text/html": `<script ${PLOTLY_LIBRARY_ATTRIBUTE}>\n${source}\n</script>`,
    "text/plain": `plotly.js (${source.length} characters)`,
  };
}

/** Options for {@linkcode displayPlotlyLibrary}. */
export interface DisplayPlotlyLibraryOptions extends PlotlyLibraryOptions {
  /**
   * Milliseconds to wait after sending the library, so that a live session
   * receives it before the cell ends (one second sufficed in 10 of 10 runs
   * here). `tools/run_notebooks.ts` does not need the wait.
   * @default 1000
   */
  settleMs?: number;
}

/**
 * Makes plotly.js available to the figures of the running Deno notebook:
 * call `await displayPlotlyLibrary()` once, before the first figure.
 *
 * The Deno kernel (2.9.6) sends a multi-megabyte output slowly and may report
 * the cell idle before it has gone out; a plain `jupyter nbconvert --execute`
 * then drops it (measured: lost in 3 of 5 runs without a pause), as can a
 * live front end. So this waits `settleMs` after sending.
 * `tools/run_notebooks.ts` executes notebooks with a preprocessor that keeps
 * late outputs, so there nothing is lost whatever the timing.
 *
 * @param options Where plotly.js is, and how long to wait.
 * @throws {Error} Outside a Deno Jupyter kernel, where `Deno.jupyter` is not available.
 *
 * @example Outside a notebook it rejects
 * ```ts
 * import { displayPlotlyLibrary } from "@framing/toolkit/notebook";
 * import { rejects } from "node:assert/strict";
 *
 * await rejects(displayPlotlyLibrary({ settleMs: 0 }));
 * ```
 */
export async function displayPlotlyLibrary(
  options: DisplayPlotlyLibraryOptions = {},
): Promise<void> {
  await Deno.jupyter.display(plotlyLibraryBundle(options), { raw: true });
  await new Promise((resolve) => setTimeout(resolve, options.settleMs ?? 1000));
}

/** Options for {@linkcode displayTable}. */
export interface DisplayTableOptions {
  /**
   * Digits after the decimal point for non-integer numbers.
   * @default 3
   */
  digits?: number;
  /** A caption shown above the table. */
  caption?: string;
}

/**
 * Shows a table: anything with `columns` and row-major `values`, such as a
 * danfojs DataFrame. Renders `text/html` and a `text/plain` fallback.
 *
 * @param table Column names and rows.
 * @param options Number format and caption.
 * @returns A value the Deno kernel displays.
 *
 * @example
 * ```ts
 * import { displayTable, JUPYTER_DISPLAY } from "@framing/toolkit/notebook";
 * import { ok } from "node:assert/strict";
 *
 * const shown = displayTable({ columns: ["voice", "chars"], values: [["body", 12], ["<q>", 0.5]] });
 * const html = String(shown[JUPYTER_DISPLAY]()["text/html"]);
 * ok(html.includes("<th>voice</th>") && html.includes("&lt;q&gt;") && html.includes("0.500"));
 * ```
 */
export function displayTable(
  table: { columns: readonly string[]; values: readonly (readonly unknown[])[] },
  options: DisplayTableOptions = {},
): Displayable {
  const digits = options.digits ?? 3;
  const format = (v: unknown) =>
    typeof v === "number" && !Number.isInteger(v) ? v.toFixed(digits) : String(v ?? "");
  const head = table.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("");
  const rows = table.values.map((row) =>
    `<tr>${row.map((v) => `<td>${escapeHtml(format(v))}</td>`).join("")}</tr>`
  );
  const caption = options.caption ? `<caption>${escapeHtml(options.caption)}</caption>` : "";
  const plain = [table.columns.join("\t"), ...table.values.map((r) => r.map(format).join("\t"))];
  return displayable({
    "text/html": `<table>${caption}<thead><tr>${head}</tr></thead><tbody>${
      rows.join("")
    }</tbody></table>`,
    "text/plain": [...(options.caption ? [options.caption] : []), ...plain].join("\n"),
  });
}

/**
 * Shows a JSON value as `application/json` (and indented `text/plain`): the
 * way a notebook records its headline numbers for tests to read.
 *
 * @example
 * ```ts
 * import { displayJson, JUPYTER_DISPLAY } from "@framing/toolkit/notebook";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const bundle = displayJson({ articles: 2 })[JUPYTER_DISPLAY]();
 * deepStrictEqual(bundle["application/json"], { articles: 2 });
 * ```
 */
export function displayJson(value: unknown): Displayable {
  const text = JSON.stringify(value, null, 2);
  if (text === undefined) {
    throw new TypeError(`Cannot display ${String(value)} as JSON`);
  }
  return displayable({ "application/json": JSON.parse(text), "text/plain": text });
}

function titleOf(figure: PlotlyFigure): string {
  const title = figure.layout.title;
  const text = typeof title === "string" ? title : (title as { text?: unknown } | undefined)?.text;
  return typeof text === "string" ? `, "${text}"` : "";
}
