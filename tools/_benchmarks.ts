/**
 * The benchmark folder for the tools that need it (`eval`, `eval:roles`,
 * `fit:sentiment`, the span model fit): `--benchmarks DIR` (relative to the
 * folder the task was called from), else `FRAMING_BENCHMARKS`, else
 * `shared/benchmarks` beside the repository root. Without one, the tool
 * stops with the lookup's sentence and exit code 2.
 *
 * @module
 */
import { benchmarksDir } from "../lib/validate/benchmarks_dir.ts";

/**
 * The benchmark folder, or exits with a message saying why there is none.
 *
 * @param given The `--benchmarks` value, if any.
 * @param tool The tool's name, for the message.
 * @returns The absolute folder.
 *
 * @example
 * ```ts
 * import { benchmarksOrExit } from "./_benchmarks.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const tmp = Deno.makeTempDirSync();
 * strictEqual(benchmarksOrExit(tmp, "example"), tmp);
 * Deno.removeSync(tmp);
 * ```
 */
export function benchmarksOrExit(given: string | undefined, tool: string): string {
  // `deno task` runs in the repository root; a relative path is the caller's.
  const found = benchmarksDir({ given, cwd: Deno.env.get("INIT_CWD") ?? Deno.cwd() });
  if (found.dir === null) {
    console.error(`${tool}: ${found.message}`);
    Deno.exit(2);
  }
  return found.dir;
}
