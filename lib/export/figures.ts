/**
 * Static export of figures: SVG, vector PDF, 2× PNG and the figure's data as
 * CSV, all through one Chromium page.
 *
 * @module
 */
import { join } from "node:path";
import type { PlotlyFigure } from "../figures/figure.ts";
import { type FigureBrowser, figureSize, launchFigureBrowser } from "./browser.ts";
import { removeIfPresent, writeFileAtomic } from "./atomic_write.ts";
import { toCsvPieces } from "./tables.ts";

/** A file format {@linkcode exportFigures} writes. */
export type ExportFormat = "svg" | "pdf" | "png" | "csv";

/** One figure to export. */
export interface FigureToExport {
  /** File name without extension: letters, digits, `.`, `_` and `-`. */
  name: string;
  /** The figure spec (themed, with width and height set, for paper-sized files). */
  figure: PlotlyFigure;
  /** The records the figure was built from, written as `<name>.csv`. */
  data: readonly Record<string, unknown>[];
}

/** Options for {@linkcode exportFigures}. */
export interface ExportFiguresOptions {
  /**
   * A browser to reuse; it stays open. Without one, a browser is launched and closed.
   * @default undefined
   */
  browser?: FigureBrowser;
  /**
   * Which files to write.
   * @default ["svg", "pdf", "png", "csv"]
   */
  formats?: readonly ExportFormat[];
  /**
   * PNG pixels per CSS pixel.
   * @default 2
   */
  scale?: number;
  /**
   * What a failed format does: `"throw"` stops the export with an error that
   * names the figure and format; `"skip"` records it in the figure's
   * `failures`, removes any stale file of that format, and goes on with the
   * other formats and figures.
   * @default "throw"
   */
  onError?: "throw" | "skip";
}

/** A format of a figure that could not be exported. */
export interface FigureExportFailure {
  /** The format. */
  format: ExportFormat;
  /** Why, in the words of the error. */
  message: string;
}

/** What was written for one figure, and how long it took. */
export interface ExportedFigure {
  /** The figure's name. */
  name: string;
  /** Paths written, in format order. */
  files: string[];
  /** Milliseconds for this figure (all its formats). */
  ms: number;
  /** Milliseconds per format (the SVG that the PDF is printed from counts under "svg"). */
  msByFormat: Partial<Record<ExportFormat, number>>;
  /** Formats that failed (only with `onError: "skip"`; no file is left for them). */
  failures: FigureExportFailure[];
}

/**
 * Writes each figure as `<name>.svg`, `<name>.pdf` (vector, fonts embedded,
 * the page sized to the figure), `<name>.png` (at `scale`) and `<name>.csv`
 * (its data, RFC 4180) into `dir`, which is created if needed. One browser
 * page renders every figure. Each file is written whole through a
 * temporary file and a rename, and empty output is refused, so a failure
 * never leaves a truncated or zero-byte file.
 *
 * @param figures Figures with names and data.
 * @param dir The output folder.
 * @param options A browser to reuse, formats and PNG scale.
 * @returns One entry per figure, in order.
 * @throws {RangeError} If a name is unsafe as a file name or repeats.
 * @throws {Error} With `onError: "throw"`, when a format of a figure cannot be exported.
 *
 * @example Only the CSV needs no browser
 * ```ts
 * import { exportFigures } from "./figures.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * const [done] = await exportFigures(
 *   [{ name: "rates", figure: { data: [], layout: {} }, data: [{ topic: "energy", per1k: 2.5 }] }],
 *   dir, { formats: ["csv"] },
 * );
 * strictEqual(await Deno.readTextFile(done.files[0]), "topic,per1k\r\nenergy,2.5\r\n");
 * ```
 */
export async function exportFigures(
  figures: readonly FigureToExport[],
  dir: string,
  options: ExportFiguresOptions = {},
): Promise<ExportedFigure[]> {
  const formats = options.formats ?? ["svg", "pdf", "png", "csv"];
  const scale = options.scale ?? 2;
  const names = new Set<string>();
  for (const { name } of figures) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
      throw new RangeError(
        `Figure name must be letters, digits, ".", "_" and "-" (not starting with a dot), got "${name}"`,
      );
    }
    if (names.has(name)) throw new RangeError(`Figure name "${name}" is used twice`);
    names.add(name);
  }
  await Deno.mkdir(dir, { recursive: true });
  const needsBrowser = formats.some((f) => f !== "csv") && figures.length > 0;
  const browser = options.browser ??
    (needsBrowser ? await launchFigureBrowser() : undefined);
  try {
    const done: ExportedFigure[] = [];
    for (const { name, figure, data } of figures) {
      const started = performance.now();
      const files: string[] = [];
      const msByFormat: Partial<Record<ExportFormat, number>> = {};
      const path = (ext: string) => join(dir, `${name}.${ext}`);
      const failures: FigureExportFailure[] = [];
      // One attempt at the SVG: when it fails, the PDF printed from it fails with it.
      let svg: { text: string } | { error: unknown } | undefined;
      const svgText = () => {
        if (svg !== undefined && "error" in svg) throw svg.error;
        return svg!.text;
      };
      for (const format of formats) {
        let formatStart = performance.now();
        try {
          if ((format === "svg" || format === "pdf") && svg === undefined) {
            try {
              svg = { text: await browser!.svg(figure) };
            } catch (error) {
              svg = { error };
            }
            msByFormat.svg = performance.now() - formatStart;
            formatStart = performance.now();
          }
          if (format === "svg") await writeFileAtomic(path("svg"), svgText());
          if (format === "pdf") {
            await writeFileAtomic(path("pdf"), await browser!.pdf(svgText(), figureSize(figure)));
          }
          if (format === "png") {
            await writeFileAtomic(path("png"), await browser!.png(figure, scale));
          }
          if (format === "csv") await writeFileAtomic(path("csv"), toCsvPieces(data));
        } catch (error) {
          const message = `Cannot export figure "${name}" as ${format}: ${String(error)}`;
          if (options.onError !== "skip") throw new Error(message, { cause: error });
          // A file of this format from an earlier run would not match this run's figure.
          await removeIfPresent(path(format));
          failures.push({ format, message });
          continue;
        }
        msByFormat[format] = (msByFormat[format] ?? 0) + performance.now() - formatStart;
        files.push(path(format));
      }
      done.push({ name, files, ms: performance.now() - started, msByFormat, failures });
    }
    return done;
  } finally {
    if (options.browser === undefined) await browser?.close();
  }
}
