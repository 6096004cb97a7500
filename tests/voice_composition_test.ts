import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { voiceComposition, voiceCompositionFigure } from "../lib/figures/voice_composition.ts";
import { FIGURE_FONT, PlotlyFigure } from "../lib/figures/figure.ts";
import { barMarker, seriesStyle } from "../lib/figures/theme.ts";
import { Voice } from "../lib/voice.ts";

const analysis = {
  articles: [
    {
      id: "a",
      length: 100,
      voices: [
        { voice: "title" as const, chars: 10 },
        { voice: "body" as const, chars: 70 },
        { voice: "quote" as const, chars: 20 },
      ],
    },
    { id: "b", length: 40, voices: [{ voice: "body" as const, chars: 40 }] },
  ],
};

Deno.test("voiceComposition() reads the analysis's voice sizes, every voice listed", () => {
  const rows = voiceComposition(analysis);
  strictEqual(rows.length, 2 * Voice.options.length);
  const a = Object.fromEntries(
    rows.filter((r) => r.article === "a").map((r) => [r.voice, r.chars]),
  );
  deepStrictEqual(a, { title: 10, meta: 0, body: 70, quote: 20, comment: 0, boilerplate: 0 });
  for (const article of ["a", "b"]) {
    const shares = rows.filter((r) => r.article === article).map((r) => r.share);
    ok(Math.abs(shares.reduce((s, x) => s + x, 0) - 1) < 1e-12, `${article} shares sum to 1`);
  }
});

Deno.test("voiceComposition() gives an empty article zero shares, not NaN", () => {
  const rows = voiceComposition({ articles: [{ id: "e", length: 0, voices: [] }] });
  ok(rows.every((r) => r.chars === 0 && r.share === 0));
});

Deno.test("voiceComposition() agrees with voiceTable() on an analysed article", async () => {
  const { analyzeCorpus, loadResources, voiceTable } = await import("../lib/mod.ts");
  const doc = analyzeCorpus(
    {
      articles: [{
        meta: { id: "t", inferred: [] },
        text: 'Dam opens.\n\nThe minister said: "It is ready."',
        origin: "t.txt",
      }],
      failures: [],
    } as never,
    await loadResources(),
    { resamples: 20 },
  );
  const table = voiceTable(doc);
  for (const row of voiceComposition(doc)) {
    const t = table.find((r) => r.voice === row.voice);
    strictEqual(row.chars, t?.chars ?? 0, row.voice);
    strictEqual(row.share, t?.share ?? 0, row.voice);
  }
});

Deno.test("voiceCompositionFigure() draws one bar trace per article over the voices present", () => {
  const figure = voiceCompositionFigure(voiceComposition(analysis));
  ok(PlotlyFigure.safeParse(figure).success);
  deepStrictEqual(figure.data.map((t) => t.name), ["a", "b"]);
  deepStrictEqual(figure.data[0].x, ["title", "body", "quote"]);
  deepStrictEqual(figure.data[0].y, [10, 70, 20]);
  deepStrictEqual(figure.data[1].y, [0, 40, 0]);
  // The same colour and fill pattern per series as every other figure.
  deepStrictEqual(
    figure.data.map((t) => t.marker),
    [barMarker(0), barMarker(1)],
  );
  deepStrictEqual(
    figure.data.map((t) => (t.marker as { color: string }).color),
    [seriesStyle(0).color, seriesStyle(1).color],
  );
  ok(
    figure.data.every((t, i) =>
      (t.marker as { pattern: { shape: string } }).pattern.shape === seriesStyle(i).pattern
    ),
  );
  const layout = figure.layout as Record<string, { text?: string; family?: string } | string>;
  strictEqual(layout.barmode, "group");
  strictEqual((layout.font as { family: string }).family, FIGURE_FONT);
  strictEqual((layout.title as { text: string }).text, "Characters per voice, by article");
});

Deno.test("voiceCompositionFigure() can show shares and keep empty voices", () => {
  const figure = voiceCompositionFigure(voiceComposition(analysis), {
    value: "share",
    dropEmpty: false,
    title: "Shares",
  });
  deepStrictEqual(figure.data[0].x, Voice.options);
  deepStrictEqual(figure.data[1].y, [0, 0, 1, 0, 0, 0]);
  strictEqual((figure.layout.title as { text: string }).text, "Shares");
  strictEqual((figure.layout.yaxis as { tickformat: string }).tickformat, ".0%");
});
