import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  barMarker,
  seriesStyle,
  stanceProfileFigure,
  topicRatesFigure,
  voiceComposition,
  voiceCompositionFigure,
} from "../lib/figures/mod.ts";

// Article "a" names no topic and no stance marker; "b" does. With the document's series
// order, "b" keeps the second style in every figure (issue 14: one colour and pattern per
// series across every figure).
const order = ["a", "b"];
const topics = [{
  article: "b",
  topic: "energy",
  voice: "body" as const,
  hits: 2,
  per1k: 4,
  sentenceShare: 0.5,
}];
const stance = [{ article: "b", category: "hedge", voice: "body" as const, hits: 1, per1k: 2 }];
const voices = voiceComposition({
  articles: [
    { id: "a", length: 10, voices: [{ voice: "body", chars: 10 }] },
    { id: "b", length: 10, voices: [{ voice: "body", chars: 10 }] },
  ],
});

Deno.test("figures give an article the same colour, marker and pattern, whatever rows the others have", () => {
  const voice = voiceCompositionFigure(voices, { seriesOrder: order });
  const topic = topicRatesFigure(topics, { seriesOrder: order });
  const stanceFigure = stanceProfileFigure(stance, { seriesOrder: order });
  const markerOf = (trace: Record<string, unknown>) => trace.marker as Record<string, unknown>;
  const b = voice.data.find((t) => t.name === "b")!;
  deepStrictEqual(markerOf(b), barMarker(1));
  deepStrictEqual(markerOf(topic.data[0]), barMarker(1));
  strictEqual(markerOf(stanceFigure.data[0]).color, seriesStyle(1).color);
  strictEqual(markerOf(stanceFigure.data[0]).symbol, seriesStyle(1).symbol);
});

Deno.test("without a series order, the series are styled in the order first seen", () => {
  deepStrictEqual(topicRatesFigure(topics).data[0].marker, barMarker(0));
});
