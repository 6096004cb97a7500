import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { agreementFigure } from "../lib/figures/agreement.ts";

const records = [
  { benchmark: "NYT, Pearson r", scorer: "toolkit", value: 0.55 },
  { benchmark: "NYT, Pearson r", scorer: "VADER", value: 0.5 },
  { benchmark: "NYT, Pearson r", scorer: "wink-nlp", value: 0.46 },
  { benchmark: "rw, macro-F1", scorer: "toolkit", value: 0.57 },
  { benchmark: "rw, macro-F1", scorer: "VADER", value: 0.51 },
];

Deno.test("agreementFigure() draws one bar trace per scorer over the benchmarks in order", () => {
  const figure = agreementFigure(records);
  deepStrictEqual(figure.data.map((t) => t.name), ["toolkit", "VADER", "wink-nlp"]);
  for (const trace of figure.data) {
    deepStrictEqual(trace.y, ["NYT, Pearson r", "rw, macro-F1"]);
  }
  deepStrictEqual(figure.data[0].x, [0.55, 0.57]);
  // A scorer without a figure on a benchmark leaves a gap, not a zero bar.
  deepStrictEqual(figure.data[2].x, [0.46, null]);
  deepStrictEqual(figure.data[2].text, ["0.460", ""]);
  // Distinct fills, so that the bars also part in greyscale.
  const patterns = figure.data.map((t) =>
    (t.marker as { pattern: { shape: string } }).pattern.shape
  );
  strictEqual(new Set(patterns).size, 3);
  deepStrictEqual((figure.layout.xaxis as { range: number[] }).range, [0, 1.1]);
  deepStrictEqual(figure.layout.shapes, []);
});

Deno.test("agreementFigure() draws each target across its own benchmark's bars", () => {
  const figure = agreementFigure(records, {
    targets: [
      { benchmark: "NYT, Pearson r", min: 0.55 },
      { benchmark: "rw, macro-F1", min: 0.6 },
      { benchmark: "not charted", min: 0.9 },
    ],
    targetName: "Bar (issue 4)",
  });
  const shapes = figure.layout.shapes as { x0: number; x1: number; y0: number; y1: number }[];
  strictEqual(shapes.length, 2, "the target of a benchmark without records is left out");
  deepStrictEqual(shapes.map((s) => [s.x0, s.x1]), [[0.55, 0.55], [0.6, 0.6]]);
  // Category i sits at y = i: each line spans its own group only.
  ok(shapes[0].y0 < 0 && shapes[0].y1 > 0 && shapes[0].y1 < 0.5);
  ok(shapes[1].y0 > 0.5 && shapes[1].y0 < 1 && shapes[1].y1 > 1);
  const legend = figure.data.at(-1)!;
  strictEqual(legend.name, "Bar (issue 4)");
  strictEqual(legend.mode, "lines");
});

Deno.test("agreementFigure() widens the axis for a negative correlation", () => {
  const figure = agreementFigure([{ benchmark: "b", scorer: "s", value: -0.2 }]);
  deepStrictEqual((figure.layout.xaxis as { range: number[] }).range, [-1, 1.1]);
});

Deno.test("agreementFigure() rejects bad records, duplicates and two targets for one benchmark", () => {
  throws(
    () => agreementFigure([{ benchmark: "b", scorer: "s", value: 1.5 }]),
    (e: Error) => e instanceof TypeError && /record 0\.value/.test(e.message),
  );
  throws(
    () => agreementFigure([{ benchmark: "b", scorer: "s" } as never]),
    (e: Error) => e instanceof TypeError && /record 0\.value/.test(e.message),
  );
  throws(
    () => agreementFigure([records[0], { ...records[0], value: 0.1 }]),
    (e: Error) => e instanceof RangeError && /"NYT, Pearson r" and "toolkit"/.test(e.message),
  );
  throws(
    () =>
      agreementFigure(records, {
        targets: [{ benchmark: "rw, macro-F1", min: 0.6 }, { benchmark: "rw, macro-F1", min: 0.5 }],
      }),
    RangeError,
  );
});
