import { ok } from "node:assert/strict";
import { dirname, join, relative, resolve } from "node:path";

const LIB = resolve(dirname(new URL(import.meta.url).pathname), "..", "lib");

/** The presentation layers: charts, notebooks, exports, the HTML report and danfojs tables. */
const PRESENTATION = ["figures/", "notebook/", "export/", "report/", "tables/dataframe.ts"];
/** Packages only presentation may use. */
const PRESENTATION_PACKAGES = ["danfojs", "plotly.js-dist-min", "puppeteer-core"];

const isPresentation = (path: string) => PRESENTATION.some((p) => path.startsWith(p));

function* tsFiles(dir: string): Generator<string> {
  for (const entry of Deno.readDirSync(dir)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory) yield* tsFiles(path);
    else if (entry.name.endsWith(".ts")) yield path;
  }
}

Deno.test("the core (lib/ outside figures, notebook, export, report, tables/dataframe.ts) imports no chart, notebook or danfojs code", () => {
  const offending: string[] = [];
  let files = 0;
  for (const file of tsFiles(LIB)) {
    const path = relative(LIB, file);
    if (isPresentation(path)) continue;
    files++;
    const source = Deno.readTextFileSync(file);
    // Code lines only (JSDoc examples start with " * ").
    const specifiers = [...source.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/gms)]
      .map((m) => m[1]);
    for (const specifier of specifiers) {
      const target = specifier.startsWith(".")
        ? relative(LIB, join(dirname(file), specifier))
        : specifier.replace(/^npm:/, "").replace(/@[^/]*$/, "");
      if (
        (specifier.startsWith(".") && isPresentation(target)) ||
        PRESENTATION_PACKAGES.includes(target)
      ) offending.push(`${path} imports ${specifier}`);
    }
  }
  ok(files > 50, `only ${files} core files found`);
  ok(offending.length === 0, offending.join("\n"));
});
