/**
 * Shards of a corpus run (`analyze --shard K/N`): which articles a shard
 * analyses, and the record each shard leaves beside its JSONL output so that
 * `deno task merge` can put the shards back together in corpus order.
 *
 * The assignment is stable: an article goes to shard
 * `1 + (first 48 bits of SHA-256(id as UTF-8), as a big-endian integer) mod N`.
 * An input that failed to be read (it has no id) is assigned the same way by
 * its input name (`file`, or `file:line`). It depends on nothing but the id
 * and N, so the N shards together cover the corpus exactly once, on any
 * machine and in any order.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import type { CorpusItem } from "../corpus/corpus.ts";
import { InputError } from "../errors.ts";

/** The name of the assignment rule, recorded in every shard record. */
export const SHARD_ASSIGNMENT = "sha256-48bit-mod-n";

/** Which shard of how many: `K` from 1 to `N`. */
export const ShardSpec = z.object({
  shard: z.number().int().min(1),
  of: z.number().int().min(1),
}).refine((s) => s.shard <= s.of, { message: "expected the shard K to be at most N" });
/** Which shard of how many. */
export type ShardSpec = z.infer<typeof ShardSpec>;

/**
 * Reads `K/N` (as `--shard` takes it).
 *
 * @param text The flag's value, e.g. `"2/4"`.
 * @returns The shard, or `undefined` when the text is not `K/N` with 1 ≤ K ≤ N.
 *
 * @example
 * ```ts
 * import { parseShard } from "./shard.ts";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(parseShard("2/4"), { shard: 2, of: 4 });
 * strictEqual(parseShard("0/4"), undefined);
 * strictEqual(parseShard("5/4"), undefined);
 * ```
 */
export function parseShard(text: string): ShardSpec | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const r = ShardSpec.safeParse({ shard: Number(m[1]), of: Number(m[2]) });
  return r.success ? r.data : undefined;
}

/**
 * The shard (1..n) an article id (or a failed input's name) belongs to.
 *
 * @param key The article id.
 * @param n The number of shards.
 * @returns 1 + (the first 48 bits of SHA-256 of the key's UTF-8) mod n.
 *
 * @example Stable, and within 1..n
 * ```ts
 * import { shardOf } from "./shard.ts";
 * import { ok, strictEqual } from "node:assert/strict";
 *
 * strictEqual(shardOf("coastal-post-1", 1), 1);
 * strictEqual(shardOf("coastal-post-1", 3), shardOf("coastal-post-1", 3));
 * ok([1, 2, 3].includes(shardOf("harbour-herald-2", 3)));
 * ```
 */
export function shardOf(key: string, n: number): number {
  const hex = createHash("sha256").update(key, "utf8").digest("hex");
  return 1 + (parseInt(hex.slice(0, 12), 16) % n);
}

/** The key a corpus item is assigned by: the article id, or the failed input's name. */
export function shardKey(item: Exclude<CorpusItem, { note: string }>): string {
  return "article" in item ? item.article.meta.id : item.failure.input;
}

/** The `format` of every shard record. */
export const SHARD_FORMAT = "framing-shard";

/**
 * The record a shard run writes beside its JSONL output
 * (`<jsonl>.shard.json`). It is written with `complete: false` when the run
 * starts and rewritten with `complete: true` and the rest when it ends.
 */
export const ShardRecord = z.object({
  format: z.literal(SHARD_FORMAT),
  /** The assignment rule ({@linkcode SHARD_ASSIGNMENT}). */
  assignment: z.literal(SHARD_ASSIGNMENT),
  shard: z.number().int().min(1),
  of: z.number().int().min(1),
  /** Whether the run finished; a merge refuses a shard that did not. */
  complete: z.boolean(),
  /** The whole corpus as every shard read it: items (articles and failed inputs) and a hash of their keys in order. */
  corpus: z.object({
    items: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }).optional(),
  /** Compact lines (`--compact`) or full ones. */
  compact: z.boolean().optional(),
  /** For each line of the JSONL output, in order: its item's 0-based place in the corpus and its id. */
  lines: z.array(z.tuple([z.number().int().nonnegative(), z.string()])).optional(),
  /**
   * For each line, in order: its bytes in the JSONL output (line break
   * included) and the bytes of its rows in the JSON tables' topics, stance
   * and actors lists (rows joined by ",\n"; 0 without rows): the merge copies
   * blocks of bytes instead of parsing lines and rows.
   */
  sizes: z.array(z.tuple([
    z.number().int().positive(),
    z.number().int().nonnegative(),
    z.number().int().nonnegative(),
    z.number().int().nonnegative(),
  ])).optional(),
  /** For each failed input of this shard, in order: its 0-based place in the corpus. */
  failures: z.array(z.number().int().nonnegative()).optional(),
  /** The errors file (`--errors`), relative to the record's folder. */
  errors: z.string().optional(),
  /** The tables (`--tables`), relative to the record's folder, and their format. */
  tables: z.object({ path: z.string(), format: z.enum(["json", "csv", "parquet"]) }).optional(),
});
/** The record a shard run writes beside its JSONL output. */
export type ShardRecord = z.infer<typeof ShardRecord>;

/** Where a shard's record goes: beside its JSONL output, `<file>.shard.json`. */
export function shardRecordPath(jsonl: string): string {
  return `${jsonl}.shard.json`;
}

/**
 * Reads a shard record.
 *
 * @throws {InputError} When the file is missing or is not a shard record
 *   (naming the field that is wrong).
 */
export async function readShardRecord(path: string): Promise<ShardRecord> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (cause) {
    throw new InputError(
      { file: path },
      "expected the shard record that `analyze --shard K/N --jsonl FILE` writes beside FILE",
      { cause },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new InputError({ file: path }, "expected a shard record (JSON)", { cause });
  }
  const r = ShardRecord.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new InputError(
      { file: path, path: issue.path.join(".") || undefined },
      `expected a shard record: ${issue.message}`,
    );
  }
  return r.data;
}

/**
 * Follows a shard through the corpus stream: it sees every item, hashes the
 * keys of all of them (the corpus fingerprint every shard must share), passes
 * on only this shard's items (less those kept by a resumed run), and
 * remembers the corpus place of each, so that the outputs can be put back in
 * corpus order.
 *
 * @example
 * ```ts
 * import { ShardTracker } from "./shard.ts";
 * import { streamCorpus } from "../corpus/stream_corpus.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * let total = 0;
 * for (let k = 1; k <= 3; k++) {
 *   const t = new ShardTracker({ shard: k, of: 3 });
 *   for await (const item of t.filter(streamCorpus(["tests/fixtures/your_articles"]))) {
 *     if ("article" in item) total++;
 *   }
 *   strictEqual(t.items, 4);
 * }
 * strictEqual(total, 4);
 * ```
 */
export class ShardTracker {
  readonly spec: ShardSpec;
  /** Items of the whole corpus seen so far. */
  items = 0;
  /** Corpus places and ids of the kept articles, in the order met. */
  readonly kept: [number, string][] = [];
  #hash = createHash("sha256");
  #pending: number[] = [];

  constructor(spec: ShardSpec) {
    this.spec = spec;
  }

  /**
   * This shard's items of a corpus stream, without those whose ids are in
   * `skip` (notes are passed on as they are).
   */
  async *filter(
    items: AsyncIterable<CorpusItem>,
    skip?: ReadonlySet<string>,
  ): AsyncGenerator<CorpusItem> {
    for await (const item of items) {
      if ("note" in item) {
        yield item;
        continue;
      }
      const key = shardKey(item);
      const place = this.items++;
      this.#hash.update(`${"article" in item ? "a" : "f"}:${key}\n`, "utf8");
      if (shardOf(key, this.spec.of) !== this.spec.shard) continue;
      if (skip && "article" in item && skip.has(key)) {
        this.kept.push([place, key]);
        continue;
      }
      this.#pending.push(place);
      yield item;
    }
  }

  /** The corpus place of the next result (record or failure) of the analysis, in order. */
  next(): number {
    const place = this.#pending.shift();
    if (place === undefined) throw new RangeError("Cannot take a corpus place: none is pending");
    return place;
  }

  /** The fingerprint of the whole corpus, once the stream has ended. */
  corpus(): { items: number; sha256: string } {
    return { items: this.items, sha256: this.#hash.copy().digest("hex") };
  }
}
