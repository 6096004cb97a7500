/**
 * A plotly figure as plain data: the one shape every figure builder returns
 * and every renderer (notebook display, HTML report, static export) takes.
 *
 * @module
 */
import { z } from "zod";

/**
 * A plotly figure spec: `data` (the traces), `layout` and an optional
 * `config`, exactly as `Plotly.newPlot(div, data, layout, config)` takes them.
 * Only the outer shape is checked; plotly itself validates the attributes.
 *
 * @example
 * ```ts
 * import { PlotlyFigure } from "@framing/toolkit/figures";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(PlotlyFigure.safeParse({ data: [{ type: "bar" }], layout: {} }).success, true);
 * strictEqual(PlotlyFigure.safeParse({ data: "bar", layout: {} }).success, false);
 * ```
 */
export const PlotlyFigure = z.object({
  data: z.array(z.record(z.string(), z.unknown())),
  layout: z.record(z.string(), z.unknown()),
  config: z.record(z.string(), z.unknown()).optional(),
});
/** A plotly figure spec. */
export type PlotlyFigure = z.infer<typeof PlotlyFigure>;

/**
 * The Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), which
 * stays distinguishable under the common colour-vision deficiencies. Black
 * is last so that it is used only when seven colours are not enough.
 *
 * @example Eight distinct colours
 * ```ts
 * import { OKABE_ITO } from "@framing/toolkit/figures";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(new Set(OKABE_ITO).size, 8);
 * ```
 */
export const OKABE_ITO: readonly string[] = [
  "#E69F00",
  "#56B4E9",
  "#009E73",
  "#F0E442",
  "#0072B2",
  "#D55E00",
  "#CC79A7",
  "#000000",
];

/** The font every figure asks for: installed with Debian's `fonts-liberation`. */
export const FIGURE_FONT = "Liberation Sans";
