import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { voiceComposition, voiceCompositionFigure } from "../lib/figures/voice_composition.ts";
import { FIGURE_FONT, OKABE_ITO, PlotlyFigure } from "../lib/figures/figure.ts";
import { Voice } from "../lib/voice.ts";

const analysis = {
  articles: [
    {
      id: "a",
      segments: [
        { voice: "title" as const, start: 0, end: 10 },
        { voice: "body" as const, start: 10, end: 70 },
        { voice: "quote" as const, start: 70, end: 90 },
        { voice: "body" as const, start: 90, end: 100 },
      ],
    },
    { id: "b", segments: [{ voice: "body" as const, start: 0, end: 40 }] },
  ],
};

Deno.test("voiceComposition() sums segment lengths per voice and article", () => {
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
  const rows = voiceComposition({ articles: [{ id: "e", segments: [] }] });
  ok(rows.every((r) => r.chars === 0 && r.share === 0));
});

Deno.test("voiceComposition() rejects a segment that ends before it starts", () => {
  throws(
    () =>
      voiceComposition({
        articles: [{ id: "x", segments: [{ voice: "body", start: 5, end: 2 }] }],
      }),
    (e: Error) =>
      e instanceof RangeError && e.message.includes('"x"') && e.message.includes("[5, 2)"),
  );
});

Deno.test("voiceCompositionFigure() draws one bar trace per article over the voices present", () => {
  const figure = voiceCompositionFigure(voiceComposition(analysis));
  ok(PlotlyFigure.safeParse(figure).success);
  deepStrictEqual(figure.data.map((t) => t.name), ["a", "b"]);
  deepStrictEqual(figure.data[0].x, ["title", "body", "quote"]);
  deepStrictEqual(figure.data[0].y, [10, 70, 20]);
  deepStrictEqual(figure.data[1].y, [0, 40, 0]);
  deepStrictEqual(
    figure.data.map((t) => (t.marker as { color: string }).color),
    OKABE_ITO.slice(0, 2),
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
