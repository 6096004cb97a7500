/**
 * The notebook entry point: analyse articles from paths, compare them, and
 * show figures and tables in a Deno Jupyter notebook, one call each.
 *
 * @example A notebook cell's calls, outside a notebook
 * ```ts
 * import { analyse, compare, figure, table } from "@framing/toolkit/notebook";
 * import { ok } from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/a.txt`, "The dam will supply power to the region.");
 * const analysis = await analyse([dir], { resamples: 50 });
 * const compared = await compare(analysis);
 * ok(figure(analysis, "topics").length === 1 && table(compared, "comparison").length === 1);
 * ```
 *
 * @module
 */
export {
  analyse,
  type AnalyseOptions,
  type AnalysisTableKind,
  compare,
  type Compared,
  type CompareOptions,
  type ComparisonTableKind,
  figure,
  type FigureKind,
  type FigureOptions,
  headline,
  type HeadlineOptions,
  table,
  type TableOptions,
} from "./questions.ts";
export {
  TARGET_PARTS,
  validate,
  type ValidateOptions,
  type Validation,
  validationFigure,
  type ValidationFigureKind,
  validationJson,
  validationTable,
  type ValidationTableKind,
} from "./validation.ts";
export {
  type Displayable,
  displayable,
  displayFigure,
  displayJson,
  displayPlotlyLibrary,
  type DisplayPlotlyLibraryOptions,
  displayTable,
  type DisplayTableOptions,
  figureBundle,
  type FigureBundleOptions,
  JUPYTER_DISPLAY,
  type MimeBundle,
  PLOTLY_LIBRARY_ATTRIBUTE,
  plotlyLibraryBundle,
  type PlotlyLibraryOptions,
  show,
} from "./display.ts";
export { displayThemedFigure } from "./themed_figure.ts";
export {
  code,
  type Coded,
  type CodeOptions,
  codingFigure,
  codingHeadline,
  codingTable,
  type CodingTableKind,
  type Drawn,
  type NotebookSampleOptions,
  sample,
  sampleTable,
} from "./coding.ts";
export {
  comparedDisplay,
  comparisonHeadline,
  type ComparisonHeadlineOptions,
  comparisonRows,
  comparisonTable,
  evidenceDisplay,
  keynessOfPair,
  keynessTopTable,
  namedOnceTable,
} from "./comparison.ts";
export { type DataFrame, toDataFrame } from "../tables/dataframe.ts";
