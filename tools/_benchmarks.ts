/**
 * Where the benchmark data are: the `--benchmarks DIR` flag, else the
 * environment variable `FRAMING_BENCHMARKS`, else a folder
 * `shared/benchmarks` beside the repository's folder, if it exists.
 *
 * @module
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root folder. */
export const REPO_ROOT: string = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * The benchmarks folder, or `undefined` when none is given and the sibling
 * folder does not exist.
 *
 * @example
 * ```ts
 * import { benchmarksDir } from "./_benchmarks.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(benchmarksDir("some/dir"), "some/dir");
 * ```
 */
export function benchmarksDir(flag?: string): string | undefined {
  if (flag) return flag;
  const env = Deno.env.get("FRAMING_BENCHMARKS");
  if (env) return env;
  const sibling = join(REPO_ROOT, "..", "shared", "benchmarks");
  try {
    return Deno.statSync(sibling).isDirectory ? sibling : undefined;
  } catch {
    return undefined;
  }
}
