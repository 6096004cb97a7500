import { deepStrictEqual, ok } from "node:assert/strict";
import { join } from "node:path";
import { parse } from "yaml";
import { REPO_ROOT } from "../tools/run_notebooks.ts";

Deno.test("LICENSE gives the code's licence, and the README lists every shipped lexicon with its licence", () => {
  ok(Deno.readTextFileSync(join(REPO_ROOT, "LICENSE")).startsWith("MIT License"));
  const readme = Deno.readTextFileSync(join(REPO_ROOT, "README.md"));
  const section = readme.slice(readme.indexOf("## Licences"));
  const dir = join(REPO_ROOT, "data", "lexicons");
  const problems: string[] = [];
  for (const e of [...Deno.readDirSync(dir)].filter((e) => e.isFile)) {
    const text = Deno.readTextFileSync(join(dir, e.name));
    const { licence } = (e.name.endsWith(".json") ? JSON.parse(text) : parse(text)) as {
      licence?: string;
    };
    const row = section.split("\n").find((l) => l.includes(`\`data/lexicons/${e.name}\``));
    if (!licence) problems.push(`${e.name}: no licence field`);
    else if (!row) problems.push(`${e.name}: not listed under "Licences"`);
    else if (!row.includes(`| ${licence} `)) {
      problems.push(`${e.name}: README does not say ${licence}`);
    }
  }
  deepStrictEqual(problems, []);
});
