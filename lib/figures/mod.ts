/**
 * Figures: plotly specs built from the analysis's tidy tables, and the paper
 * theme that gives every series one colour, marker, dash and fill pattern
 * in every figure.
 *
 * @example
 * ```ts
 * import { applyTheme, voiceComposition, voiceCompositionFigure } from "@framing/toolkit/figures";
 * import { strictEqual } from "node:assert/strict";
 *
 * const records = voiceComposition({ articles: [{ id: "a", length: 4, voices: [{ voice: "body", chars: 4 }] }] });
 * strictEqual(applyTheme(voiceCompositionFigure(records)).data.length, 1);
 * ```
 *
 * @module
 */
export { FIGURE_FONT, OKABE_ITO, PlotlyFigure } from "./figure.ts";
export {
  applyTheme,
  type ApplyThemeOptions,
  barMarker,
  FIGURE_WIDTH,
  type FigureWidth,
  FONT_SIZE,
  NEUTRAL_GREY,
  SERIES_COLORS,
  SERIES_DASHES,
  SERIES_PATTERNS,
  SERIES_SYMBOLS,
  type SeriesStyle,
  seriesStyle,
} from "./theme.ts";
export * from "./actor_sentiment.ts";
export * from "./agreement.ts";
export * from "./coded_estimates.ts";
export * from "./cooccurrence.ts";
export * from "./keyness.ts";
export * from "./sentiment_arc.ts";
export * from "./stance_profile.ts";
export * from "./topic_rates.ts";
export * from "./voice_composition.ts";
export * from "./time_series.ts";
export * from "./group_summary.ts";
