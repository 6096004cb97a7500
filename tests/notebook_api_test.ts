import { deepStrictEqual, ok, rejects, strictEqual } from "node:assert/strict";
import { join } from "node:path";
import { analyse, compare, figure, JUPYTER_DISPLAY, table } from "../lib/notebook/mod.ts";

const dir = await Deno.makeTempDir({ prefix: "notebook_api_test_" });
// Two invented articles, one naming no actor at all.
await Deno.writeTextFile(
  join(dir, "articles.jsonl"),
  [
    {
      id: "north",
      outlet: "North Post",
      text: "The new dam will bring cheap power to the valley.",
    },
    { id: "south", outlet: "South Daily", text: "Farmers fear the dam will dry their fields." },
  ].map((a) => JSON.stringify(a)).join("\n") + "\n",
);
const analysis = await analyse([join(dir, "articles.jsonl")], { resamples: 50 });

const plain = (shown: { [JUPYTER_DISPLAY](): Record<string, unknown> }) =>
  String(shown[JUPYTER_DISPLAY]()["text/plain"] ?? "");

Deno.test("analyse() reads and analyses articles from paths", () => {
  deepStrictEqual(analysis.articles.map((a) => a.id).sort(), ["north", "south"]);
  strictEqual(analysis.failures.length, 0);
});

Deno.test('table(compared, "actors") shows no evidence, and does not fail, when no actor is compared', async () => {
  const compared = await compare(analysis, { by: "outlet", resamples: 50 });
  ok(compared.comparison !== null);
  const shown = table(compared, "actors");
  // The compared table and the named-once table, and no evidence table.
  strictEqual(shown.length, 2);
  ok(shown.every((s) => !plain(s).startsWith("Evidence for")));
  const [note] = figure(analysis, "actors");
  ok(plain(note).includes("No actor"), plain(note));
});

Deno.test("compare() refuses a voice that is not one, naming the voices", async () => {
  await rejects(
    compare(analysis, { voice: "author" as never, resamples: 10 }),
    (e: Error) => e instanceof RangeError && /"author"/.test(e.message) && /body/.test(e.message),
  );
});

Deno.test("table() writes the compared numbers as the report does", async () => {
  const compared = await compare(analysis, { by: "outlet", resamples: 50 });
  const [topics] = table(compared, "topics");
  const text = plain(topics);
  ok(text.startsWith("Compared: topic rates per 1,000 words."), text);
  // Two decimals and the en dash, never three decimals or an em dash.
  ok(!/\d\.\d{3}\]/.test(text) && !text.includes("—"), text);
});

Deno.test("lib/mod.ts, the core entry, exports at most 60 names", () => {
  const source = Deno.readTextFileSync(new URL("../lib/mod.ts", import.meta.url));
  const names = [...source.matchAll(/^export \{([^}]*)\}/gm)]
    .flatMap((m) => m[1].split(",")).map((n) => n.trim().replace(/^type /, "")).filter(Boolean);
  ok(names.length > 30 && names.length <= 60, `${names.length} names`);
  ok(!/^export \*/m.test(source), "no export * in the core");
});

Deno.test("notebook 01 imports at most 8 names and defines no function in a cell", () => {
  const nb = JSON.parse(
    Deno.readTextFileSync(new URL("../notebooks/01_compare_articles.ipynb", import.meta.url)),
  ) as { cells: { cell_type: string; source: string[] | string }[] };
  const code = nb.cells.filter((c) => c.cell_type === "code")
    .map((c) => Array.isArray(c.source) ? c.source.join("") : c.source);
  const imported = code.flatMap((c) =>
    [...c.matchAll(/import\s*\{([^}]*)\}/g)].flatMap((m) => m[1].split(",")).map((n) => n.trim())
      .filter(Boolean)
  );
  ok(imported.length > 0 && imported.length <= 8, imported.join(", "));
  for (const cell of code) {
    ok(!/\bfunction\b|=>/.test(cell), `a function in a cell:\n${cell}`);
  }
  ok(code.some((c) => c.includes("const resourceFiles = {};")), "no resourceFiles parameter");
});
