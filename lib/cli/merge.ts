/**
 * `deno task merge OUT SHARD_OUTPUTS...`: merges the outputs of
 * `analyze --shard K/N` runs into one output, in corpus order, byte-identical
 * to an unsharded run's.
 *
 * @module
 */
import { InputError } from "../errors.ts";
import { mergeShards } from "../run/merge_shards.ts";
import { parseCommandLine, usageError } from "./_command_line.ts";

const USAGE = `Usage: deno task merge OUT SHARD.jsonl... [--tables PATH] [--errors FILE]

Merges the JSONL outputs of the N runs of \`deno task analyze --shard K/N --jsonl
SHARD.jsonl\` (compact or full) into OUT, in corpus order: OUT,
OUT.provenance.json and the merged tables and errors are byte-identical to
what one unsharded run writes. Each shard's record (SHARD.jsonl.shard.json)
says which corpus items its lines are.

It refuses, with exit code 2 and nothing written, when a shard is missing or
given twice, did not finish, read another corpus, or was made with other
options or lexicons (its provenance differs).

Options:
  --tables PATH   merge the shards' tables (each shard must have been run with
                  --tables) into PATH, in the shards' format
  --errors FILE   merge the shards' --errors files into FILE
  -h, --help      this text`;

/** Runs the command with the given arguments; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const parsed = parseCommandLine(args, {
    tables: { type: "string" },
    errors: { type: "string" },
  }, USAGE);
  if (typeof parsed === "number") return parsed;
  const [out, ...shards] = parsed.positionals;
  if (out === undefined || shards.length === 0) {
    return usageError("Give the merged output and at least one shard output.", USAGE);
  }
  if (shards.includes(out)) {
    return usageError(`The merged output "${out}" is one of the shard outputs.`, USAGE);
  }
  try {
    const s = await mergeShards(out, shards, {
      tables: parsed.values.tables,
      errors: parsed.values.errors,
    });
    console.error(
      `merged ${s.shards} shards: ${s.lines} lines, ${s.failures} failures → ${
        s.outputs.join(", ")
      }`,
    );
    return 0;
  } catch (e) {
    if (!(e instanceof InputError) && !(e instanceof RangeError)) throw e;
    console.error(e.message);
    return 2;
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
