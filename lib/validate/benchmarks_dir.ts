/**
 * Where the public benchmark data sets are. They are not shipped with the
 * toolkit (they are not ours to ship; the README says where each comes from
 * and under which licence), so the notebooks, tests and the `validate`/`eval`
 * tasks look for them in one order:
 *
 * 1. a folder given on the command line (`--benchmarks DIR`) or as a
 *    notebook parameter;
 * 2. the environment variable `FRAMING_BENCHMARKS`;
 * 3. `shared/benchmarks` beside the repository root, where it exists.
 *
 * When none is found, the lookup says so in a plain sentence, and whatever
 * needs the data is skipped with that sentence.
 *
 * @module
 */
import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The environment variable that names the benchmark folder. */
export const BENCHMARKS_ENV = "FRAMING_BENCHMARKS";

/** Options for {@linkcode benchmarksDir}. */
export interface BenchmarksDirOptions {
  /**
   * A folder given explicitly (`--benchmarks DIR`, a notebook parameter);
   * `null` or `undefined` to look further.
   * @default undefined
   */
  given?: string | null;
  /**
   * The value of `FRAMING_BENCHMARKS`; pass `null` to ignore the environment.
   * @default Deno.env.get("FRAMING_BENCHMARKS")
   */
  env?: string | null;
  /**
   * The repository root whose sibling `shared/benchmarks` is tried last;
   * `null` to skip that step.
   * @default the root of the toolkit's own checkout
   */
  repoRoot?: string | null;
  /**
   * The folder relative paths are resolved against.
   * @default Deno.cwd()
   */
  cwd?: string;
}

/** The result of {@linkcode benchmarksDir}. */
export interface BenchmarksDir {
  /** The benchmark folder (absolute), or `null` when none was found. */
  dir: string | null;
  /** Which step found it (`"none"` when nothing was found). */
  source: "given" | "env" | "sibling" | "none";
  /** Where the folder came from, or why there is none, in one sentence. */
  message: string;
}

/**
 * The benchmark folder: the one given, else `FRAMING_BENCHMARKS`, else the
 * sibling `shared/benchmarks` of the repository root. A folder that was
 * given (or named by the variable) but does not exist is not replaced by a
 * later step: the result is `dir: null` with a message naming it.
 *
 * @param options The folder given, the environment value, the repository root.
 * @returns The folder (or `null`), the step that found it, and a sentence.
 *
 * @example
 * ```ts
 * import { benchmarksDir } from "@framing/toolkit/validate";
 * import { strictEqual } from "node:assert/strict";
 *
 * const tmp = Deno.makeTempDirSync();
 * const found = benchmarksDir({ given: tmp, env: null });
 * strictEqual(found.source, "given");
 * strictEqual(found.dir, tmp);
 * const none = benchmarksDir({ env: null, repoRoot: null });
 * strictEqual(none.dir, null);
 * strictEqual(none.source, "none");
 * Deno.removeSync(tmp);
 * ```
 */
export function benchmarksDir(options: BenchmarksDirOptions = {}): BenchmarksDir {
  const cwd = options.cwd ?? Deno.cwd();
  if (options.given) {
    const dir = resolve(cwd, options.given);
    return isDir(dir) ? { dir, source: "given", message: `Benchmarks from ${dir} (given).` } : {
      dir: null,
      source: "given",
      message: `The benchmark folder given, ${dir}, does not exist.`,
    };
  }
  const env = options.env === undefined ? readEnv() : options.env;
  if (env) {
    const dir = resolve(cwd, env);
    return isDir(dir)
      ? { dir, source: "env", message: `Benchmarks from ${dir} (${BENCHMARKS_ENV}).` }
      : {
        dir: null,
        source: "env",
        message: `${BENCHMARKS_ENV} names ${dir}, which does not exist.`,
      };
  }
  const root = options.repoRoot === undefined ? toolkitRoot() : options.repoRoot;
  const sibling = root === null ? null : join(root, "..", "shared", "benchmarks");
  if (sibling !== null && isDir(sibling)) {
    return {
      dir: resolve(sibling),
      source: "sibling",
      message: `Benchmarks from ${resolve(sibling)}.`,
    };
  }
  return {
    dir: null,
    source: "none",
    message: `No benchmark folder: none was given (--benchmarks DIR), ${BENCHMARKS_ENV} is not ` +
      `set${sibling === null ? "" : `, and ${resolve(sibling)} does not exist`}. The README ` +
      `(section "Benchmarks") says where each data set comes from.`,
  };
}

/** The file one benchmark needs, and whether it is there. */
export interface BenchmarkFile {
  /** The file's path inside the benchmark folder, e.g. `vader/tweets_GroundTruth.txt`. */
  name: string;
  /** The absolute path, or `null` when the folder or the file is missing. */
  path: string | null;
  /** Why the file cannot be used (empty when it can). */
  reason: string;
}

/**
 * A file inside the benchmark folder found by {@linkcode benchmarksDir}.
 *
 * @param found The lookup's result.
 * @param name The path inside the benchmark folder.
 * @returns The path when the file exists, else `null` and the reason.
 *
 * @example
 * ```ts
 * import { benchmarkFile, benchmarksDir } from "@framing/toolkit/validate";
 * import { strictEqual } from "node:assert/strict";
 *
 * const tmp = Deno.makeTempDirSync();
 * Deno.writeTextFileSync(`${tmp}/a.txt`, "x");
 * const found = benchmarksDir({ given: tmp, env: null });
 * strictEqual(benchmarkFile(found, "a.txt").path, `${tmp}/a.txt`);
 * strictEqual(benchmarkFile(found, "b.txt").path, null);
 * strictEqual(benchmarkFile(benchmarksDir({ env: null, repoRoot: null }), "a.txt").path, null);
 * Deno.removeSync(tmp, { recursive: true });
 * ```
 */
export function benchmarkFile(found: BenchmarksDir, name: string): BenchmarkFile {
  if (found.dir === null) return { name, path: null, reason: found.message };
  const path = join(found.dir, name);
  return existsSync(path)
    ? { name, path, reason: "" }
    : { name, path: null, reason: `${name} is not in ${found.dir}.` };
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function readEnv(): string | null {
  try {
    return Deno.env.get(BENCHMARKS_ENV) || null;
  } catch {
    // No --allow-env: treat as unset.
    return null;
  }
}

/** The root of the toolkit's checkout, when it is read from files (`lib/validate/` is two below). */
function toolkitRoot(): string | null {
  const url = new URL(import.meta.url);
  return url.protocol === "file:" ? dirname(dirname(dirname(fileURLToPath(url)))) : null;
}
