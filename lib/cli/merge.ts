/**
 * `deno task merge OUT SHARD_OUTPUTS...`: merges the outputs of
 * `analyze --shard K/N` runs into one output, in corpus order, byte-identical
 * to an unsharded run's.
 *
 * @module
 */
import { join } from "node:path";
import { InputError } from "../errors.ts";
import { mergeShards } from "../run/merge_shards.ts";
import { readShardRecord, shardRecordPath } from "../run/shard.ts";
import { parseArgs } from "node:util";

const USAGE = `Usage: deno task merge OUT SHARD.jsonl... [--tables PATH] [--errors FILE]

Merges the JSONL outputs of the N runs of \`deno task analyze --shard K/N --jsonl
SHARD.jsonl\` (compact or full) into OUT, in corpus order: OUT,
OUT.provenance.json and the merged tables and errors are byte-identical to
what one unsharded run writes. Each shard's record (SHARD.jsonl.shard.json)
says which corpus items its lines are. A shard output may also be given as the
folder that holds it (and no other shard output).

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
  // node:util directly, not the commands' shared parser: that one loads the
  // lexicon readers, and a merge should start in a moment.
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        tables: { type: "string" },
        errors: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    return usageError(e instanceof Error ? e.message : String(e), USAGE);
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  const [out, ...shards] = parsed.positionals;
  if (out === undefined || shards.length === 0) {
    return usageError("Give the merged output and at least one shard output.", USAGE);
  }
  if (shards.includes(out)) {
    return usageError(`The merged output "${out}" is one of the shard outputs.`, USAGE);
  }
  try {
    const jsonls = await Promise.all(shards.map(shardJsonl));
    const s = await mergeShards(out, jsonls, {
      tables: parsed.values.tables,
      errors: parsed.values.errors,
    });
    console.error(
      `merged ${s.shards} shards: ${s.lines} lines, ${s.failures} failures → ${
        s.outputs.join(", ")
      }`,
    );
    if (parsed.values.tables === undefined) {
      const first = await readShardRecord(shardRecordPath(jsonls[0]));
      if (first.tables) {
        console.error(
          `note: the shards wrote ${first.tables.format} tables; give --tables PATH to merge them too`,
        );
      }
    }
    return 0;
  } catch (e) {
    if (!(e instanceof InputError) && !(e instanceof RangeError)) throw e;
    console.error(e.message);
    return 2;
  }
}

/** A shard's JSONL output: the path itself, or the one shard output in a folder. */
async function shardJsonl(path: string): Promise<string> {
  const info = await Deno.stat(path).catch(() => undefined);
  if (!info?.isDirectory) return path;
  const found: string[] = [];
  for await (const e of Deno.readDir(path)) {
    if (e.isFile && e.name.endsWith(".jsonl.shard.json")) {
      found.push(join(path, e.name.slice(0, -".shard.json".length)));
    }
  }
  if (found.length !== 1) {
    throw new InputError(
      { file: path },
      `expected a folder with one shard output (a FILE.jsonl.shard.json), found ${found.length}`,
    );
  }
  return found[0];
}

function usageError(problem: string, usage: string): number {
  console.error(`${problem}\n\n${usage}`);
  return 2;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
