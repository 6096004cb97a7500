// Issue 21: a figure that fails to export is listed, the rest is written, and no file is left empty.
import { deepStrictEqual, ok, rejects, strictEqual } from "node:assert/strict";
import type { FigureBrowser } from "../lib/export/browser.ts";
import { exportFigures } from "../lib/export/figures.ts";
import { exportTables } from "../lib/export/tables.ts";

/** A stand-in for Chromium: figures titled "slow" time out, "blank" renders a PNG of no bytes. */
function fakeBrowser(): FigureBrowser {
  const title = (f: { layout: Record<string, unknown> }) => String(f.layout.title ?? "");
  return {
    svg: (f: { layout: Record<string, unknown> }) =>
      title(f) === "slow"
        ? Promise.reject(new Error("TimeoutError: Timed out after waiting 30000ms"))
        : Promise.resolve(`<svg>${title(f)}</svg>`),
    png: (f: { layout: Record<string, unknown> }) =>
      Promise.resolve(title(f) === "blank" ? new Uint8Array() : new Uint8Array([137, 80, 78, 71])),
    pdf: () => Promise.resolve(new TextEncoder().encode("%PDF-1.4")),
    close: () => Promise.resolve(),
  } as unknown as FigureBrowser;
}

const figure = (title: string) => ({
  name: title,
  figure: { data: [], layout: { title } },
  data: [{ x: 1 }],
});

Deno.test("exportFigures() with onError skip lists a timed-out figure and writes every other one", async () => {
  const dir = await Deno.makeTempDir({ prefix: "export_failures_" });
  try {
    // Files of an earlier run that this run cannot replace must not survive as if current.
    await Deno.writeTextFile(`${dir}/slow.svg`, "<svg>old</svg>");
    const done = await exportFigures([figure("first"), figure("slow"), figure("blank")], dir, {
      browser: fakeBrowser(),
      onError: "skip",
    });
    deepStrictEqual(done.map((d) => d.failures.map((f) => f.format)), [[], ["svg", "pdf"], [
      "png",
    ]]);
    ok(/"slow" as svg: Error: TimeoutError/.test(done[1].failures[0].message));
    ok(/"blank" as png: .*empty/.test(done[2].failures[0].message));
    const files = [...Deno.readDirSync(dir)].map((e) => e.name).sort();
    deepStrictEqual(files, [
      "blank.csv",
      "blank.pdf",
      "blank.svg",
      "first.csv",
      "first.pdf",
      "first.png",
      "first.svg",
      "slow.csv",
      "slow.png",
    ]);
    for (const name of files) ok(Deno.statSync(`${dir}/${name}`).size > 0, `${name} is empty`);
    deepStrictEqual(done[1].files.map((f) => f.slice(dir.length + 1)), ["slow.png", "slow.csv"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("exportFigures() by default stops at the first failure, naming figure and format, and leaves no empty file", async () => {
  const dir = await Deno.makeTempDir({ prefix: "export_failures_" });
  try {
    await rejects(
      exportFigures([figure("blank")], dir, { browser: fakeBrowser(), formats: ["png"] }),
      /Cannot export figure "blank" as png: RangeError: Cannot write .*the content is empty/,
    );
    deepStrictEqual([...Deno.readDirSync(dir)], []);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("exportTables() replaces a table whole and leaves no temporary file", async () => {
  const dir = await Deno.makeTempDir({ prefix: "export_failures_" });
  try {
    await Deno.writeTextFile(`${dir}/t.csv`, "old\r\n");
    await exportTables([{ name: "t", rows: [{ a: 1 }], caption: "T" }], dir);
    strictEqual(await Deno.readTextFile(`${dir}/t.csv`), "a\r\n1\r\n");
    deepStrictEqual([...Deno.readDirSync(dir)].map((e) => e.name).sort(), ["t.csv", "t.tex"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("reportHtml() lists outputs that failed under failures, and only when there are some", async () => {
  const { reportHtml } = await import("../lib/report/report_html.ts");
  const { analyzeCorpus, loadResources } = await import("../lib/mod.ts");
  const doc = analyzeCorpus({
    articles: [{
      meta: { id: "a", language: "en", inferred: [] },
      origin: "a.txt",
      warnings: [],
      text: "Putin met Tokayev.",
    }],
    failures: [],
    notes: [],
  }, await loadResources());
  const failed = 'Cannot export figure "topic_rates" as pdf: TimeoutError';
  const html = reportHtml({ doc, figures: [], outputFailures: [failed] });
  ok(html.includes("Outputs that failed (1)"));
  ok(html.includes("Cannot export figure &quot;topic_rates&quot; as pdf") || html.includes(failed));
  ok(!reportHtml({ doc, figures: [] }).includes("Outputs that failed"));
});
