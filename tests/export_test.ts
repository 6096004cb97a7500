import { deepStrictEqual, ok, rejects, strictEqual } from "node:assert/strict";
import { figureSize, findChromium, launchFigureBrowser } from "../lib/export/browser.ts";
import { exportFigures } from "../lib/export/figures.ts";
import { applyTheme } from "../lib/figures/theme.ts";
import { topicRatesFigure } from "../lib/figures/topic_rates.ts";
import { actorSentimentFigure } from "../lib/figures/actor_sentiment.ts";

const chromium = findChromium();
const onCi = Deno.env.get("CI") === "true";
if (chromium === undefined && !onCi) {
  console.warn(
    "export_test.ts: Chromium not found ($CHROMIUM_PATH, /usr/bin/chromium, ...): " +
      "skipping the browser tests. Install it with: apt-get install -y chromium fonts-liberation",
  );
}
/** Browser tests run where Chromium is; on CI a missing Chromium fails them instead of skipping. */
const ignore = chromium === undefined && !onCi;

const topicRows = [
  { article: "a", topic: "energy", voice: "body" as const, hits: 2, per1k: 2, sentenceShare: 0.1 },
  { article: "b", topic: "energy", voice: "body" as const, hits: 1, per1k: 1, sentenceShare: 0.1 },
  { article: "a", topic: "trade", voice: "body" as const, hits: 4, per1k: 4, sentenceShare: 0.2 },
];
const actorRows = [
  {
    article: "a",
    actor: "kremlin",
    voice: "body" as const,
    mentions: 4,
    score: -0.4,
    ci: [-0.7, -0.1] as [number, number],
  },
  {
    article: "a",
    actor: "tokayev",
    voice: "body" as const,
    mentions: 6,
    score: 0.2,
    ci: [0, 0.4] as [number, number],
  },
];

/** The text of a PDF by poppler's `pdftotext`, or undefined where it is not installed. */
async function pdfText(pdf: Uint8Array): Promise<string | undefined> {
  const path = await Deno.makeTempFile({ suffix: ".pdf" });
  try {
    await Deno.writeFile(path, pdf);
    const out = await new Deno.Command("pdftotext", { args: [path, "-"], stderr: "null" }).output();
    return out.success ? new TextDecoder().decode(out.stdout) : undefined;
  } catch {
    return undefined;
  } finally {
    await Deno.remove(path);
  }
}

/** Width of a PNG from its IHDR chunk. */
function pngWidth(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(16);
}

Deno.test({
  name: "exportFigures() writes SVG, vector PDF with embedded fonts, 2× PNG and CSV",
  ignore,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    ok(chromium, "Chromium is required on CI (CI=true) but was not found");
    const dir = await Deno.makeTempDir({ prefix: "export_test_" });
    const browser = await launchFigureBrowser();
    try {
      const figures = [
        {
          name: "topic_rates",
          figure: applyTheme(topicRatesFigure(topicRows), { width: "single" }),
          data: topicRows,
        },
        {
          name: "actor_sentiment",
          figure: applyTheme(actorSentimentFigure(actorRows, { measure: "mean" }), {
            width: "double",
          }),
          data: actorRows,
        },
      ];
      const done = await exportFigures(figures, dir, { browser });
      deepStrictEqual(done.map((d) => d.name), ["topic_rates", "actor_sentiment"]);
      for (const [i, { name, figure }] of figures.entries()) {
        deepStrictEqual(
          done[i].files,
          ["svg", "pdf", "png", "csv"].map((ext) => `${dir}/${name}.${ext}`),
        );
        const svg = await Deno.readTextFile(`${dir}/${name}.svg`);
        ok(svg.startsWith("<svg"), svg.slice(0, 40));
        ok(svg.includes("Liberation Sans"));
        ok(svg.includes((figure.layout.title as { text: string }).text.split("<br>")[0]));

        const pdf = await Deno.readFile(`${dir}/${name}.pdf`);
        const pdfText = new TextDecoder("latin1").decode(pdf);
        ok(pdfText.startsWith("%PDF-"));
        ok(/\/FontFile2?\b/.test(pdfText), "the PDF embeds a font file");
        ok(/LiberationSans/.test(pdfText), "the embedded font is Liberation Sans");
        // Vector: the page is the figure's size in points (96 px = 72 pt), with no full-page image.
        const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdfText);
        ok(box, "the PDF has a MediaBox");
        strictEqual(Math.round(Number(box[1])), Math.round((figure.layout.width as number) * 0.75));
        if (name === "actor_sentiment") {
          // (Bar fill patterns become small image tiles inside PDF tiling patterns.)
          ok(!/\/Subtype\s*\/Image/.test(pdfText), "no raster image in the PDF");
        }

        const png = await Deno.readFile(`${dir}/${name}.png`);
        deepStrictEqual([...png.slice(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
        strictEqual(pngWidth(png), 2 * (figure.layout.width as number));

        const csv = await Deno.readTextFile(`${dir}/${name}.csv`);
        strictEqual(
          csv.split("\r\n")[0],
          Object.keys(figures[i].data[0]).flatMap((k) => k === "ci" ? ["ci_1", "ci_2"] : [k]).join(
            ",",
          ),
        );
      }
      // The browser passed in stays open for the next figures, and overlapping calls queue.
      const [a, b] = figures.map((f) => f.figure);
      const [svgA, pngB, pdfA, pdfB] = await Promise.all([
        browser.svg(a),
        browser.png(b, 1),
        browser.svg(a).then((svg) => browser.pdf(svg, figureSize(a))),
        browser.svg(b).then((svg) => browser.pdf(svg, figureSize(b))),
      ]);
      ok(svgA.startsWith("<svg"));
      strictEqual(pngWidth(pngB), b.layout.width);
      const mediaWidth = (pdf: Uint8Array) =>
        Number(/\/MediaBox\s*\[\s*0 0 ([\d.]+)/.exec(new TextDecoder("latin1").decode(pdf))![1]);
      strictEqual(Math.round(mediaWidth(pdfA)), (a.layout.width as number) * 0.75);
      strictEqual(Math.round(mediaWidth(pdfB)), (b.layout.width as number) * 0.75);
      // Each PDF holds its own figure (checked where poppler's pdftotext is installed).
      const [textA, textB] = [await pdfText(pdfA), await pdfText(pdfB)];
      if (textA !== undefined && textB !== undefined) {
        ok(textA.includes("How often topics") && !textA.includes("Sentiment toward"), textA);
        ok(textB.includes("Sentiment toward") && !textB.includes("How often topics"), textB);
      }
    } finally {
      await browser.close();
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "exportFigures() reports pdffonts' embedded font when poppler-utils is installed",
  ignore,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    let hasPdffonts = true;
    try {
      await new Deno.Command("pdffonts", { args: ["-v"], stderr: "null", stdout: "null" }).output();
    } catch {
      hasPdffonts = false;
    }
    if (!hasPdffonts) {
      console.warn("pdffonts not installed (apt-get install -y poppler-utils): check skipped");
      return;
    }
    const dir = await Deno.makeTempDir({ prefix: "export_test_" });
    try {
      const figure = applyTheme(topicRatesFigure(topicRows), { width: "single" });
      await exportFigures([{ name: "fig", figure, data: topicRows }], dir, { formats: ["pdf"] });
      const out = await new Deno.Command("pdffonts", { args: [`${dir}/fig.pdf`] }).output();
      const lines = new TextDecoder().decode(out.stdout).trim().split("\n").slice(2);
      ok(lines.length > 0, "pdffonts lists a font");
      for (const line of lines) {
        // Columns: name type encoding emb sub uni object ID; emb must be "yes".
        ok(/\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.test(line), line);
      }
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test("exportFigures() rejects unsafe and repeated names before starting a browser", async () => {
  const figure = { data: [], layout: {} };
  await rejects(
    exportFigures([{ name: "../x", figure, data: [] }], "/nonexistent/never"),
    RangeError,
  );
  await rejects(
    exportFigures([{ name: "a", figure, data: [] }, { name: "a", figure, data: [] }], "/never"),
    /used twice/,
  );
});

Deno.test("exportFigures() writes only CSV without a browser", async () => {
  const dir = await Deno.makeTempDir({ prefix: "export_test_" });
  try {
    const done = await exportFigures(
      [{ name: "rows", figure: { data: [], layout: {} }, data: topicRows }],
      dir,
      { formats: ["csv"] },
    );
    deepStrictEqual(done[0].files, [`${dir}/rows.csv`]);
    strictEqual((await Deno.readTextFile(`${dir}/rows.csv`)).split("\r\n").length, 5);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
