/**
 * Private: what the commands (`analyze`, `actors`, `report`) share on the
 * command line: parsing with the usage text on a bad flag, `--help`, the
 * flags of a researcher's own lexicon files, and reading those files so that
 * a bad one stops the run before any article is read.
 *
 * @module
 */
import { InputError } from "../errors.ts";
import type { ResourceFlagValues } from "./_parse.ts";

export { parseCommandLine, RESOURCE_FLAGS, type ResourceFlagValues, usageError } from "./_parse.ts";
import {
  type LoadedResourceFiles,
  loadResourceFiles,
  type ResourceFiles,
} from "../run/resource_files.ts";

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
