/**
 * One headless Chromium page with plotly.js loaded, reused to render every
 * figure of a run to SVG, PNG and PDF. Plotly has no server-side renderer;
 * this drives the system's Chromium (Debian's `chromium` package) through
 * puppeteer-core, which never downloads a browser of its own.
 *
 * @module
 */
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { PlotlyFigure } from "../figures/figure.ts";

/** Where {@linkcode findChromium} looks, in order, after `$CHROMIUM_PATH`. */
export const CHROMIUM_PATHS: readonly string[] = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
];

/** Flags for a headless Chromium in a container or on CI: no sandbox, GPU, network chatter or updates. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
  "--font-render-hinting=none",
];

/**
 * The Chromium executable: `$CHROMIUM_PATH` if set, else the first of
 * {@linkcode CHROMIUM_PATHS} that exists.
 *
 * @returns The path, or `undefined` if there is none.
 *
 * @example
 * ```ts
 * import { findChromium } from "./browser.ts";
 * import { ok } from "node:assert/strict";
 *
 * const path = findChromium();
 * ok(path === undefined || path.length > 0);
 * ```
 */
export function findChromium(): string | undefined {
  const fromEnv = Deno.env.get("CHROMIUM_PATH");
  const candidates = fromEnv ? [fromEnv, ...CHROMIUM_PATHS] : CHROMIUM_PATHS;
  return candidates.find((path) => {
    try {
      return Deno.statSync(path).isFile;
    } catch {
      return false;
    }
  });
}

/** Options for {@linkcode launchFigureBrowser}. */
export interface LaunchFigureBrowserOptions {
  /**
   * The Chromium executable.
   * @default findChromium()
   */
  executablePath?: string;
  /**
   * The plotly.js bundle to load into the page.
   * @default the file `import.meta.resolve("plotly.js-dist-min")` names
   */
  plotlyPath?: string | URL;
  /**
   * Milliseconds allowed for the launch and for each render.
   * @default 30000
   */
  timeout?: number;
}

/** Size in CSS pixels. */
export interface FigureSize {
  width: number;
  height: number;
}

/**
 * The size a figure is rendered at: its `layout.width` and `layout.height`,
 * else plotly's defaults (700 × 450).
 *
 * @param figure The figure.
 * @returns Width and height in CSS pixels.
 *
 * @example
 * ```ts
 * import { figureSize } from "./browser.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(figureSize({ data: [], layout: { width: 336 } }), { width: 336, height: 450 });
 * ```
 */
export function figureSize(figure: PlotlyFigure): FigureSize {
  const pick = (value: unknown, fallback: number) =>
    typeof value === "number" && value > 0 && Number.isFinite(value) ? value : fallback;
  return { width: pick(figure.layout.width, 700), height: pick(figure.layout.height, 450) };
}

/**
 * A Chromium page with plotly.js loaded. Create it with
 * {@linkcode launchFigureBrowser}, render any number of figures, then
 * {@linkcode FigureBrowser.close} it (or use `await using`). Calls may
 * overlap: they run one after another on the one page.
 */
export class FigureBrowser {
  readonly #browser: Browser;
  readonly #page: Page;
  readonly #timeout: number;
  #queue: Promise<unknown> = Promise.resolve();

  /** Use {@linkcode launchFigureBrowser}. */
  constructor(browser: Browser, page: Page, timeout: number) {
    this.#browser = browser;
    this.#page = page;
    this.#timeout = timeout;
  }

  /**
   * The figure as an SVG document (text kept as `<text>` in the figure's font).
   *
   * @param figure The figure spec.
   * @returns The SVG source.
   * @throws {TypeError} If `figure` is not a `{data, layout}` object.
   * @throws {Error} If plotly cannot draw it.
   */
  async svg(figure: PlotlyFigure): Promise<string> {
    const url = await this.#serial(() => this.#toImage(figure, "svg", 1));
    const prefix = "data:image/svg+xml,";
    return url.startsWith(prefix) ? decodeURIComponent(url.slice(prefix.length)) : url;
  }

  /**
   * The figure as a PNG image, `scale` device pixels per CSS pixel.
   *
   * @param figure The figure spec.
   * @param scale Pixel density; 2 gives twice the figure's width in pixels.
   * @returns The PNG bytes.
   */
  async png(figure: PlotlyFigure, scale = 2): Promise<Uint8Array> {
    if (!(scale > 0 && scale <= 8)) {
      throw new RangeError(`PNG scale must be in (0, 8], got ${scale}`);
    }
    const url = await this.#serial(() => this.#toImage(figure, "png", scale));
    const comma = url.indexOf(",");
    return Uint8Array.from(atob(url.slice(comma + 1)), (c) => c.charCodeAt(0));
  }

  /**
   * A one-page vector PDF of an SVG (as {@linkcode FigureBrowser.svg} returns
   * it), the page sized to the figure. Chromium embeds the fonts the text
   * uses, as subsets.
   *
   * @param svg SVG source.
   * @param size The page size in CSS pixels: the figure's size.
   * @returns The PDF bytes.
   */
  pdf(svg: string, size: FigureSize): Promise<Uint8Array> {
    return this.#serial(() => this.#pdf(svg, size));
  }

  async #pdf(svg: string, size: FigureSize): Promise<Uint8Array> {
    const { width, height } = size;
    await this.#page.evaluate(
      (markup: string, w: number, h: number) => {
        const doc = (globalThis as unknown as { document: DomDocument }).document;
        const style = doc.getElementById("page-size") ?? doc.createElement("style");
        style.id = "page-size";
        style.textContent = `@page { size: ${w}px ${h}px; margin: 0 }` +
          ` html, body { margin: 0; padding: 0 }` +
          ` #figure { width: ${w}px; height: ${h}px; overflow: hidden }`;
        doc.head.appendChild(style);
        const holder = doc.getElementById("figure") ?? doc.createElement("div");
        holder.id = "figure";
        holder.innerHTML = markup;
        doc.body.appendChild(holder);
      },
      svg,
      width,
      height,
    );
    try {
      return await this.#page.pdf({
        width: `${width}px`,
        height: `${height}px`,
        printBackground: true,
        pageRanges: "1",
        margin: { top: 0, right: 0, bottom: 0, left: 0 },
        timeout: this.#timeout,
      });
    } finally {
      await this.#page.evaluate(() => {
        const doc = (globalThis as unknown as { document: DomDocument }).document;
        const holder = doc.getElementById("figure");
        if (holder) holder.innerHTML = "";
      });
    }
  }

  /** Closes the browser. */
  async close(): Promise<void> {
    await this.#browser.close();
  }

  /** Closes the browser at the end of an `await using` block. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  /** Runs `task` after every task queued before it. */
  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #toImage(figure: PlotlyFigure, format: "svg" | "png", scale: number): Promise<string> {
    const parsed = PlotlyFigure.safeParse(figure);
    if (!parsed.success) {
      throw new TypeError(
        `Cannot render figure: expected {data: [...], layout: {...}}, got ${
          JSON.stringify(figure)?.slice(0, 80)
        }`,
      );
    }
    const { width, height } = figureSize(figure);
    return await this.#page.evaluate(
      async (fig: PlotlyFigure, fmt: string, w: number, h: number, s: number) => {
        const plotly = (globalThis as unknown as { Plotly: PlotlyGlobal }).Plotly;
        return await plotly.toImage(
          { data: fig.data, layout: fig.layout, config: { ...fig.config, staticPlot: true } },
          { format: fmt, width: w, height: h, scale: s },
        );
      },
      figure,
      format,
      width,
      height,
      scale,
    );
  }
}

/** The little of the DOM the page scripts use (Deno's type checker has no DOM types here). */
interface DomElement {
  id: string;
  innerHTML: string;
  textContent: string | null;
}
interface DomDocument {
  head: { appendChild(node: DomElement): unknown };
  body: { appendChild(node: DomElement): unknown };
  getElementById(id: string): DomElement | null;
  createElement(tag: string): DomElement;
}
interface PlotlyGlobal {
  toImage(figure: unknown, options: Record<string, unknown>): Promise<string>;
}

/**
 * Launches headless Chromium, opens one page and loads plotly.js into it
 * (about 0.5 s for the browser and 2–3 s for plotly.js).
 *
 * @param options Executable, plotly.js file and timeout.
 * @returns The browser, ready to render.
 * @throws {Error} If no Chromium is found (install Debian's `chromium`) or it fails to start.
 *
 * @example Render a figure to SVG (skipped where there is no Chromium)
 * ```ts
 * import { findChromium, launchFigureBrowser } from "./browser.ts";
 * import { ok } from "node:assert/strict";
 *
 * if (findChromium()) {
 *   await using browser = await launchFigureBrowser();
 *   const svg = await browser.svg({ data: [{ type: "bar", x: ["a"], y: [1] }], layout: { width: 300, height: 200 } });
 *   ok(svg.startsWith("<svg"));
 * }
 * ```
 */
export async function launchFigureBrowser(
  options: LaunchFigureBrowserOptions = {},
): Promise<FigureBrowser> {
  const executablePath = options.executablePath ?? findChromium();
  if (executablePath === undefined) {
    throw new Error(
      `Cannot find Chromium: looked at $CHROMIUM_PATH and ${
        CHROMIUM_PATHS.join(", ")
      }; install it with "apt-get install -y chromium fonts-liberation"`,
    );
  }
  const timeout = options.timeout ?? 30_000;
  const plotlyPath = options.plotlyPath ?? new URL(import.meta.resolve("plotly.js-dist-min"));
  const source = await Deno.readTextFile(plotlyPath);
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS],
    timeout,
  });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(timeout);
    await page.setContent(
      '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>',
    );
    await page.addScriptTag({ content: source });
    const loaded = await page.evaluate(() => typeof (globalThis as { Plotly?: unknown }).Plotly);
    if (loaded !== "object") {
      throw new Error(`plotly.js from "${String(plotlyPath)}" did not load (Plotly is ${loaded})`);
    }
    return new FigureBrowser(browser, page, timeout);
  } catch (error) {
    await browser.close();
    throw error;
  }
}
