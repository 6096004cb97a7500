import { deepStrictEqual, ok, rejects, strictEqual, throws } from "node:assert/strict";
import {
  displayFigure,
  displayJson,
  displayTable,
  figureBundle,
  JUPYTER_DISPLAY,
  PLOTLY_LIBRARY_ATTRIBUTE,
  plotlyLibraryBundle,
  show,
} from "../lib/notebook/display.ts";
import type { PlotlyFigure } from "../lib/figures/figure.ts";

const figure: PlotlyFigure = {
  data: [{ type: "bar", name: "</script><b>x", x: ["body"], y: [3] }],
  layout: { title: { text: "Voices" } },
};

Deno.test("figureBundle() carries plotly JSON, a div with newPlot, and plain text", () => {
  const bundle = figureBundle(figure, { id: "f1", height: "300px" });
  deepStrictEqual(bundle["application/vnd.plotly.v1+json"], figure);
  const html = String(bundle["text/html"]);
  ok(html.includes('<div id="f1" style="width:100%;height:300px;"></div>'), html);
  ok(html.includes('Plotly.newPlot("f1", '), html);
  strictEqual(bundle["text/plain"], 'Plotly figure: 1 trace(s), "Voices"');
});

Deno.test("figureBundle() keeps </script> in the data from closing the script element", () => {
  const html = String(figureBundle(figure, { id: "f1" })["text/html"]);
  strictEqual(html.match(/<\/script>/g)?.length, 1);
  ok(html.includes("\\u003c/script>\\u003cb>x"), html);
  // The escaped JSON still means the same string.
  const data = JSON.parse(html.split('Plotly.newPlot("f1", ')[1].split(", {")[0]);
  strictEqual(data[0].name, "</script><b>x");
});

Deno.test("figureBundle() gives each figure its own div id by default", () => {
  const a = String(figureBundle(figure)["text/html"]).match(/id="([^"]+)"/)?.[1];
  const b = String(figureBundle(figure)["text/html"]).match(/id="([^"]+)"/)?.[1];
  ok(a && b && a !== b, `${a} ${b}`);
});

Deno.test("figureBundle() rejects something that is not a figure, naming it", () => {
  throws(
    () => figureBundle({ data: "bars" } as unknown as PlotlyFigure),
    (e: Error) => e instanceof TypeError && e.message.includes('"bars"'),
  );
});

Deno.test("displayFigure() returns what the Deno kernel displays", () => {
  const shown = displayFigure(figure, { id: "x" });
  deepStrictEqual(shown[JUPYTER_DISPLAY](), figureBundle(figure, { id: "x" }));
  // The symbol is the registry one the kernel looks up.
  strictEqual(JUPYTER_DISPLAY, Symbol.for("Jupyter.display"));
});

Deno.test("plotlyLibraryBundle() inlines the installed plotly.js in one marked script", async () => {
  const file = new URL(import.meta.resolve("plotly.js-dist-min"));
  const source = await Deno.readTextFile(file);
  const html = String(plotlyLibraryBundle()["text/html"]);
  strictEqual(html, `<script ${PLOTLY_LIBRARY_ATTRIBUTE}>\n${source}\n</script>`);
});

Deno.test("plotlyLibraryBundle() refuses a file that would close its script early", async () => {
  const path = await Deno.makeTempFile({ suffix: ".js" });
  try {
    await Deno.writeTextFile(path, 'var s = "</SCRIPT>";');
    throws(() => plotlyLibraryBundle({ path }), RangeError);
  } finally {
    await Deno.remove(path);
  }
});

Deno.test("displayTable() escapes cells, formats decimals and keeps integers", () => {
  const bundle = displayTable(
    { columns: ["a&b", "n"], values: [["<i>", 2], ["x", 0.12345]] },
    { digits: 2, caption: "Cap" },
  )[JUPYTER_DISPLAY]();
  const html = String(bundle["text/html"]);
  ok(html.includes("<caption>Cap</caption>"), html);
  ok(html.includes("<th>a&amp;b</th>") && html.includes("<td>&lt;i&gt;</td>"), html);
  ok(html.includes("<td>2</td>") && html.includes("<td>0.12</td>"), html);
  strictEqual(bundle["text/plain"], "Cap\na&b\tn\n<i>\t2\nx\t0.12");
});

Deno.test("displayJson() shows JSON and refuses a value JSON cannot hold", () => {
  deepStrictEqual(displayJson({ a: [1, 2] })[JUPYTER_DISPLAY](), {
    "application/json": { a: [1, 2] },
    "text/plain": '{\n  "a": [\n    1,\n    2\n  ]\n}',
  });
  throws(() => displayJson(undefined), TypeError);
});

Deno.test("show() needs the Jupyter kernel", async () => {
  await rejects(show(displayJson({ n: 1 })));
});

Deno.test("figureBundle() sizes the div from the figure's layout height unless told otherwise", () => {
  const figure = { data: [{ type: "bar", x: [1], y: [2] }], layout: { height: 612 } };
  const html = String(figureBundle(figure)["text/html"]);
  ok(html.includes("height:612px"), html.slice(0, 200));
  ok(String(figureBundle(figure, { height: "300px" })["text/html"]).includes("height:300px"));
  ok(String(figureBundle({ data: [], layout: {} })["text/html"]).includes("height:450px"));
});
