/**
 * Private: what the commands (`analyze`, `actors`, `report`) share on the
 * command line: parsing with the usage text on a bad flag, `--help`, the
 * flags of a researcher's own lexicon files, and reading those files so that
 * a bad one stops the run before any article is read.
 *
 * @module
 */
import { parseArgs, type ParseArgsOptionsConfig } from "node:util";
import { InputError } from "../errors.ts";
import {
  type LoadedResourceFiles,
  loadResourceFiles,
  type ResourceFiles,
} from "../run/resource_files.ts";

/** The flags of a researcher's own lexicon files, as every command spells them. */
export const RESOURCE_FLAGS = {
  actors: { type: "string" },
  "add-actors": { type: "string", multiple: true },
  topics: { type: "string" },
  lexicon: { type: "string", multiple: true },
  "sentiment-lexicon": { type: "string", multiple: true },
} as const;

/** The values of {@linkcode RESOURCE_FLAGS} as `parseArgs` gives them. */
export interface ResourceFlagValues {
  actors?: string;
  "add-actors"?: string[];
  topics?: string;
  lexicon?: string[];
  "sentiment-lexicon"?: string[];
}

const HELP = { help: { type: "boolean", short: "h" } } as const;

/**
 * Parses `args` with `options` (and `-h`/`--help`), positionals allowed.
 * Returns the parsed values, or the exit code when the command should stop:
 * 0 after printing `usage` for `--help`, 2 after printing the problem and
 * `usage` for a flag it does not know or a missing value.
 */
export function parseCommandLine<const O extends ParseArgsOptionsConfig>(
  args: string[],
  options: O,
  usage: string,
) {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { ...options, ...HELP } });
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : e}\n\n${usage}`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    return 0;
  }
  return parsed;
}

/** Prints a usage problem and the usage text; returns the exit code 2. */
export function usageError(problem: string, usage: string): number {
  console.error(`${problem}\n\n${usage}`);
  return 2;
}

/**
 * The lexicon files named by the resource flags, each path passed through
 * `path` (e.g. resolved against the caller's folder).
 */
export function resourceFilesOf(
  v: ResourceFlagValues,
  path: (p: string) => string = (p) => p,
): ResourceFiles {
  return {
    actors: v.actors === undefined ? undefined : path(v.actors),
    addActors: v["add-actors"]?.map(path),
    topics: v.topics === undefined ? undefined : path(v.topics),
    lexicons: v.lexicon?.map(path),
    sentimentLexicons: v["sentiment-lexicon"]?.map(path),
  };
}

/**
 * Reads and checks the files; a bad file is reported (file, place, what was
 * expected) and gives the exit code 2 instead of the loaded files.
 */
export async function loadFilesOrExit(files: ResourceFiles): Promise<LoadedResourceFiles | number> {
  try {
    return await loadResourceFiles(files);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    console.error(e.message);
    return 2;
  }
}
