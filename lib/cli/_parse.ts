/**
 * Private: the command line as every command parses it (the usage text on a
 * bad flag, `--help`) and the flags of a researcher's own lexicon files.
 * Nothing here loads the analysis, so a command that does not analyse starts
 * fast.
 *
 * @module
 */
import { parseArgs, type ParseArgsOptionsConfig } from "node:util";

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
