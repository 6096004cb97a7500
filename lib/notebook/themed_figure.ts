/**
 * A figure in the paper theme, shown in a notebook in a div as tall as the
 * figure (`displayFigure` alone gives every div 450 px, which crops taller
 * figures and leaves white space under shorter ones).
 *
 * @module
 */
import type { PlotlyFigure } from "../figures/figure.ts";
import { applyTheme, type ApplyThemeOptions } from "../figures/theme.ts";
import { type Displayable, displayFigure } from "./display.ts";

/**
 * Applies the paper theme to a figure and wraps it for display, with the
 * div's height set to the themed figure's height.
 *
 * @param figure A figure from any builder.
 * @param options Width, height and font, as `applyTheme` takes them.
 * @returns A value the Deno kernel displays; pass it to `show`.
 * @throws {RangeError} If `applyTheme` refuses the options.
 *
 * @example
 * ```ts
 * import { displayThemedFigure } from "@framing/toolkit/notebook";
 * import { JUPYTER_DISPLAY } from "@framing/toolkit/notebook";
 * import { ok } from "node:assert/strict";
 *
 * const shown = displayThemedFigure({ data: [{ type: "bar", x: ["a"], y: [1] }], layout: { height: 610 } });
 * ok(String(shown[JUPYTER_DISPLAY]()["text/html"]).includes("height:610px"));
 * ```
 */
export function displayThemedFigure(
  figure: PlotlyFigure,
  options: ApplyThemeOptions = {},
): Displayable {
  return displayFigure(applyTheme(figure, options));
}
