import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { join } from "node:path";
import { benchmarkFile, benchmarksDir } from "../lib/validate/benchmarks_dir.ts";
import {
  REPORTING_PARTS,
  reportingParts,
  skippedValidations,
} from "../lib/validate/reporting_parts.ts";
import { REPO_ROOT } from "../tools/run_notebooks.ts";

/** A fake repository root with (or without) a sibling shared/benchmarks. */
function fakeRoot(withSibling: boolean): { base: string; root: string; sibling: string } {
  const base = Deno.makeTempDirSync({ prefix: "benchmarks_dir_test_" });
  const root = join(base, "repo");
  const sibling = join(base, "shared", "benchmarks");
  Deno.mkdirSync(root);
  if (withSibling) Deno.mkdirSync(sibling, { recursive: true });
  return { base, root, sibling };
}

Deno.test("benchmarksDir() takes the folder given, then the variable, then the sibling", () => {
  const { base, root, sibling } = fakeRoot(true);
  const other = join(base, "elsewhere");
  Deno.mkdirSync(other);
  try {
    deepStrictEqual(
      [benchmarksDir({ given: other, env: sibling, repoRoot: root })].map((f) => [f.dir, f.source]),
      [[other, "given"]],
    );
    const env = benchmarksDir({ env: other, repoRoot: root });
    deepStrictEqual([env.dir, env.source], [other, "env"]);
    const near = benchmarksDir({ env: null, repoRoot: root });
    deepStrictEqual([near.dir, near.source], [sibling, "sibling"]);
    // A relative folder is read against cwd.
    strictEqual(benchmarksDir({ given: "elsewhere", cwd: base, env: null }).dir, other);
  } finally {
    Deno.removeSync(base, { recursive: true });
  }
});

Deno.test("benchmarksDir() says why there is no folder, and never falls back past a named one", () => {
  const { base, root, sibling } = fakeRoot(false);
  try {
    const none = benchmarksDir({ env: null, repoRoot: root });
    strictEqual(none.dir, null);
    strictEqual(none.source, "none");
    ok(none.message.includes("FRAMING_BENCHMARKS is not set"), none.message);
    ok(none.message.includes(sibling), none.message);
    // A missing folder named by the variable is reported, not replaced by the sibling.
    Deno.mkdirSync(sibling, { recursive: true });
    const missing = benchmarksDir({ env: join(base, "nope"), repoRoot: root });
    strictEqual(missing.dir, null);
    strictEqual(missing.source, "env");
    ok(missing.message.includes(join(base, "nope")));
    const given = benchmarksDir({ given: join(base, "nope"), repoRoot: root });
    deepStrictEqual([given.dir, given.source], [null, "given"]);
  } finally {
    Deno.removeSync(base, { recursive: true });
  }
});

Deno.test("skippedValidations() lists each missing part with its file, or says nothing is skipped", () => {
  const base = Deno.makeTempDirSync({ prefix: "benchmarks_dir_test_" });
  try {
    const found = benchmarksDir({ given: base, env: null });
    const [first, ...rest] = REPORTING_PARTS;
    Deno.mkdirSync(join(base, first.file, ".."), { recursive: true });
    Deno.writeTextFileSync(join(base, first.file), "");
    strictEqual(benchmarkFile(found, first.file).path, join(base, first.file));
    const some = skippedValidations(reportingParts(found), found);
    deepStrictEqual(some.skipped, rest.map((p) => p.id));
    for (const p of rest) ok(some.markdown.includes(p.file) && some.text.includes(p.file), p.id);
    ok(!some.markdown.includes(first.file));
    for (const p of rest) {
      Deno.mkdirSync(join(base, p.file, ".."), { recursive: true });
      Deno.writeTextFileSync(join(base, p.file), "");
    }
    // A part whose own file is there but not the file it also reads is still skipped, naming that file.
    const partial = REPORTING_PARTS.find((p) => (p.also ?? []).length > 0)!;
    const waiting = skippedValidations(reportingParts(found), found);
    deepStrictEqual(waiting.skipped, [partial.id]);
    ok(waiting.text.includes(partial.also![0]));
    for (const file of partial.also!) Deno.writeTextFileSync(join(base, file), "");
    const all = skippedValidations(reportingParts(found), found);
    deepStrictEqual(all.skipped, []);
    ok(all.text.includes("nothing is skipped"));
  } finally {
    Deno.removeSync(base, { recursive: true });
  }
});

Deno.test("no machine path or sibling folder is written into lib, tools, notebooks, data or deno.json", () => {
  const banned = ["../shared", "/work/"];
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const e of Deno.readDirSync(dir)) {
      const path = join(dir, e.name);
      if (e.isDirectory) walk(path);
      else if (/\.(ts|ipynb|json|ya?ml|txt|md|csv)$/.test(e.name)) {
        const text = Deno.readTextFileSync(path);
        for (const b of banned) if (text.includes(b)) offenders.push(`${path}: ${b}`);
      }
    }
  };
  for (const dir of ["lib", "tools", "notebooks", "data"]) walk(join(REPO_ROOT, dir));
  const config = Deno.readTextFileSync(join(REPO_ROOT, "deno.json"));
  for (const b of banned) if (config.includes(b)) offenders.push(`deno.json: ${b}`);
  deepStrictEqual(offenders, []);
});
