/**
 * Merging the outputs of `analyze --shard K/N` runs (`deno task merge`): the
 * JSONL lines, the errors and the tables of the N shards, put back in corpus
 * order, byte for byte as one unsharded run writes them. Before anything is
 * written, the shards are checked: all N present, none twice, all finished,
 * all from the same corpus, with the same provenance (lexicons, options) and
 * the same kind of line.
 *
 * @module
 */
import { dirname, join } from "node:path";
import { readByteLines } from "../corpus/lines.ts";
import { InputError } from "../errors.ts";
import { Provenance } from "../provenance.ts";
import { type TableName, TABLES } from "./article_record.ts";
import type { EncodedRecord } from "./encoded_record.ts";
import { LineWriter } from "./line_writer.ts";
import { readShardRecord, type ShardRecord, shardRecordPath } from "./shard.ts";
import { TablesWriter } from "./tables_writer.ts";
import {
  csvRecords,
  firstCsvField,
  TIDY_TABLES,
  tidyTableNames,
  writeParquet,
} from "./tidy_tables.ts";

/** Options for {@linkcode mergeShards}. */
export interface MergeShardsOptions {
  /** Where the merged tables go (every shard must have written tables). @default none */
  tables?: string;
  /** Where the merged errors go (every shard must have written `--errors`). @default none */
  errors?: string;
}

/** What a merge wrote. */
export interface MergeSummary {
  shards: number;
  lines: number;
  failures: number;
  /** Files written. */
  outputs: string[];
}

/** A shard's output as given to the merge, with its record. */
interface Shard {
  jsonl: string;
  record: Required<Pick<ShardRecord, "corpus" | "lines" | "failures">> & ShardRecord;
  provenance: string;
  name: string;
}

/**
 * Merges the outputs of the N shards of a run into one output, in corpus
 * order. The merged JSONL, its provenance file, the errors and the tables
 * are byte-identical to what one unsharded run writes.
 *
 * @param out The merged JSONL (its provenance goes to `<out>.provenance.json`).
 * @param shards The shards' JSONL outputs, in any order.
 * @param options Where the merged tables and errors go.
 * @returns How many shards, lines and failures were merged.
 * @throws {InputError} When a shard is missing, given twice, unfinished,
 *   from another corpus, or from other options or lexicons (naming the shard
 *   and its file); nothing is written then.
 *
 * @example A missing shard is named
 * ```ts
 * import { mergeShards } from "./merge_shards.ts";
 * import { main } from "../cli/analyze.ts";
 * import { rejects } from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * const err = console.error;
 * console.error = () => {};
 * for (const k of [1, 2]) {
 *   await main(["tests/fixtures/your_articles", "--shard", `${k}/3`, "--jsonl", `${dir}/${k}.jsonl`,
 *     "--workers", "0", "--resamples", "50"]);
 * }
 * console.error = err;
 * await rejects(mergeShards(`${dir}/all.jsonl`, [`${dir}/1.jsonl`, `${dir}/2.jsonl`]),
 *   /shard 3\/3 is missing/);
 * ```
 */
export async function mergeShards(
  out: string,
  shards: readonly string[],
  options: MergeShardsOptions = {},
): Promise<MergeSummary> {
  const checked = await checkShards(shards, options);
  // Where each corpus item went: [shard index, kind], by corpus place.
  const items = checked[0].record.corpus.items;
  const lineOf: number[] = new Array(items).fill(-1);
  const failureOf: number[] = new Array(items).fill(-1);
  checked.forEach((s, i) => {
    for (const [place] of s.record.lines) lineOf[place] = i;
    for (const place of s.record.failures) failureOf[place] = i;
  });
  const outputs = [out, `${out}.provenance.json`];

  // JSONL: each shard's lines in its own order, interleaved by corpus place.
  const readers = checked.map((s) => new Lines(s.jsonl));
  const jsonl = await LineWriter.create(out);
  let lines = 0;
  for (let place = 0; place < items; place++) {
    const i = lineOf[place];
    if (i < 0) continue;
    const line = await readers[i].next();
    if (line === undefined) {
      throw new InputError(
        { file: checked[i].jsonl },
        `expected ${checked[i].record.lines.length} lines (as its shard record says), found fewer`,
      );
    }
    await jsonl.bytes(line);
    await jsonl.bytes(NEWLINE);
    lines++;
  }
  await jsonl.close();
  for (const [i, r] of readers.entries()) {
    if (await r.next() !== undefined) {
      throw new InputError(
        { file: checked[i].jsonl },
        `expected ${checked[i].record.lines.length} lines (as its shard record says), found more`,
      );
    }
  }
  await Deno.writeTextFile(`${out}.provenance.json`, checked[0].provenance);

  let failures = 0;
  if (options.errors !== undefined) {
    const readers = checked.map((s) => new Lines(besideRecord(s, s.record.errors!)));
    const errors = await LineWriter.create(options.errors);
    for (let place = 0; place < items; place++) {
      const i = failureOf[place];
      if (i < 0) continue;
      const line = await readers[i].next();
      if (line === undefined) {
        throw new InputError(
          { file: besideRecord(checked[i], checked[i].record.errors!) },
          `expected ${
            checked[i].record.failures.length
          } lines (as its shard record says), found fewer`,
        );
      }
      await errors.bytes(line);
      await errors.bytes(NEWLINE);
      failures++;
    }
    await errors.close();
    outputs.push(options.errors);
  } else failures = checked.reduce((n, s) => n + s.record.failures.length, 0);

  if (options.tables !== undefined) {
    const provenance = Provenance.parse(JSON.parse(checked[0].provenance));
    const format = checked[0].record.tables!.format;
    for (const s of checked) {
      if (s.record.tables!.format !== format) {
        throw new InputError(
          { file: shardRecordPath(s.jsonl) },
          `expected ${format} tables as ${checked[0].name} wrote: ${s.name} wrote ${
            s.record.tables!.format
          }`,
        );
      }
    }
    if (format === "json") await mergeJsonTables(options.tables, checked, lineOf, provenance);
    else {
      await mergeTidyTables(options.tables, checked, lineOf, {
        parquet: format === "parquet",
        compact: checked[0].record.compact ?? false,
        provenance,
      });
    }
    outputs.push(options.tables);
  }
  return { shards: checked.length, lines, failures, outputs };
}

const NEWLINE = new TextEncoder().encode("\n");

function besideRecord(s: Shard, relativePath: string): string {
  return join(dirname(s.jsonl), relativePath);
}

async function checkShards(
  paths: readonly string[],
  options: MergeShardsOptions,
): Promise<Shard[]> {
  if (paths.length === 0) throw new RangeError("Cannot merge: no shard output given");
  const shards: Shard[] = [];
  for (const jsonl of paths) {
    const recordPath = shardRecordPath(jsonl);
    const record = await readShardRecord(recordPath);
    const name = `shard ${record.shard}/${record.of} ("${jsonl}")`;
    if (!record.complete || !record.corpus || !record.lines || !record.failures) {
      throw new InputError(
        { file: recordPath },
        `expected a finished run: ${name} did not finish; run it again with --resume`,
      );
    }
    let provenance: string;
    try {
      provenance = await Deno.readTextFile(`${jsonl}.provenance.json`);
    } catch (cause) {
      throw new InputError(
        { file: `${jsonl}.provenance.json` },
        `expected the provenance record of ${name}`,
        { cause },
      );
    }
    shards.push({ jsonl, record: record as Shard["record"], provenance, name });
  }
  const first = shards[0];
  const n = first.record.of;
  for (const s of shards) {
    if (s.record.of !== n) {
      throw new InputError(
        { file: shardRecordPath(s.jsonl) },
        `expected a shard of ${n} (as ${first.name} is): ${s.name} is one of ${s.record.of}`,
      );
    }
  }
  const byShard = new Map<number, Shard>();
  for (const s of shards) {
    const other = byShard.get(s.record.shard);
    if (other) {
      throw new InputError(
        { file: s.jsonl },
        `expected each shard once: shard ${s.record.shard}/${n} is given twice ("${other.jsonl}" and "${s.jsonl}")`,
      );
    }
    byShard.set(s.record.shard, s);
  }
  const missing = [];
  for (let k = 1; k <= n; k++) if (!byShard.has(k)) missing.push(`${k}/${n}`);
  if (missing.length > 0) {
    throw new RangeError(
      `Cannot merge: shard ${missing.join(", shard ")} ${
        missing.length === 1 ? "is" : "are"
      } missing (${shards.length} of ${n} shards given); give the output of every shard`,
    );
  }
  for (const s of shards) {
    const corpusDiffers = s.record.corpus.sha256 !== first.record.corpus.sha256 ||
      s.record.corpus.items !== first.record.corpus.items;
    if (corpusDiffers) {
      throw new InputError(
        { file: shardRecordPath(s.jsonl) },
        `expected the corpus of ${first.name} (${first.record.corpus.items} items): ` +
          `${s.name} read another corpus (${s.record.corpus.items} items, other ids or order)`,
      );
    }
    if (s.provenance !== first.provenance) {
      throw new InputError(
        { file: `${s.jsonl}.provenance.json` },
        `expected the provenance of ${first.name}: ${s.name} was made with other options or lexicons`,
      );
    }
    if ((s.record.compact ?? false) !== (first.record.compact ?? false)) {
      throw new InputError(
        { file: shardRecordPath(s.jsonl) },
        `expected ${first.record.compact ? "compact" : "full"} lines as in ${first.name}: ` +
          `${s.name} was run ${s.record.compact ? "with" : "without"} --compact`,
      );
    }
    if (options.errors !== undefined && s.record.errors === undefined) {
      throw new InputError(
        { file: shardRecordPath(s.jsonl) },
        `expected an errors file to merge: ${s.name} was run without --errors`,
      );
    }
    if (options.tables !== undefined && s.record.tables === undefined) {
      throw new InputError(
        { file: shardRecordPath(s.jsonl) },
        `expected tables to merge: ${s.name} was run without --tables`,
      );
    }
  }
  // Together the shards must hold every corpus item exactly once.
  const seen = new Uint8Array(first.record.corpus.items);
  for (const s of shards) {
    for (const place of [...s.record.lines.map(([p]) => p), ...s.record.failures]) {
      if (place >= seen.length || seen[place]++ > 0) {
        throw new InputError(
          { file: shardRecordPath(s.jsonl) },
          `expected each corpus item in one shard: item ${place} of ${s.name} is ${
            place >= seen.length ? "beyond the corpus" : "also in another shard"
          }`,
        );
      }
    }
  }
  const lost = seen.indexOf(0);
  if (lost >= 0) {
    throw new RangeError(
      `Cannot merge: corpus item ${lost} is in no shard (the shards' records disagree with the corpus)`,
    );
  }
  return [...byShard.entries()].sort(([a], [b]) => a - b).map(([, s]) => s);
}

/** A file's lines as bytes, one at a time, with a look at the next one. */
class Lines {
  #it: AsyncGenerator<{ line: number; bytes?: Uint8Array }>;
  #peeked: Uint8Array | undefined | null = null;

  constructor(path: string) {
    this.#it = readByteLines(path, { maxLineBytes: Number.MAX_SAFE_INTEGER }) as AsyncGenerator<
      { line: number; bytes?: Uint8Array }
    >;
  }

  async peek(): Promise<Uint8Array | undefined> {
    if (this.#peeked === null) {
      const r = await this.#it.next();
      this.#peeked = r.done ? undefined : r.value.bytes;
    }
    return this.#peeked;
  }

  async next(): Promise<Uint8Array | undefined> {
    const line = await this.peek();
    this.#peeked = null;
    return line;
  }
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();
const ROW_PREFIX = new TextEncoder().encode('{"article":');

/**
 * Splits a tables JSON file (as `TablesWriter` writes it: one row a line)
 * into one temporary file of rows per table.
 */
async function splitJsonTables(path: string): Promise<Record<TableName, string>> {
  const files = {} as Record<TableName, string>;
  const writers = new Map<string, LineWriter>();
  for (const name of TABLES) {
    files[name] = await Deno.makeTempFile({ prefix: `framing-merge-${name}-` });
    writers.set(name, await LineWriter.create(files[name]));
  }
  let table: LineWriter | undefined;
  let sections = 0;
  for await (const l of readByteLines(path, { maxLineBytes: Number.MAX_SAFE_INTEGER })) {
    if (!("bytes" in l)) continue;
    const bytes = l.bytes;
    if (startsWith(bytes, ROW_PREFIX)) {
      // A row: copied as bytes, without the comma that separates it from the next.
      if (!table) {
        throw new InputError({ file: path, line: l.line }, "expected a row inside a table's list");
      }
      await table.bytes(bytes[bytes.length - 1] === 0x2c ? bytes.subarray(0, -1) : bytes);
      await table.bytes(NEWLINE);
      continue;
    }
    const text = decoder.decode(bytes);
    const header = /^"(\w+)": \[(\]?),?$/.exec(text);
    if (header) {
      table = header[2] ? undefined : writers.get(header[1]);
      if (writers.has(header[1])) sections++;
    } else if (/^\],?$/.test(text)) table = undefined;
  }
  for (const w of writers.values()) await w.close();
  if (sections !== TABLES.length) {
    throw new InputError(
      { file: path },
      `expected the tables ${
        TABLES.join(", ")
      } of an analyze run (--tables FILE); found ${sections}`,
    );
  }
  return files;
}

async function mergeJsonTables(
  out: string,
  shards: Shard[],
  lineOf: number[],
  provenance: Provenance,
): Promise<void> {
  const split = await Promise.all(
    shards.map((s) => splitJsonTables(besideRecord(s, s.record.tables!.path))),
  );
  try {
    const readers = split.map((files) =>
      Object.fromEntries(TABLES.map((t) => [t, new Lines(files[t])])) as Record<TableName, Lines>
    );
    const ids = shards.map((s) => s.record.lines.map(([, id]) => id));
    const at = shards.map(() => 0);
    const writer = await TablesWriter.create(out, provenance);
    for (const i of lineOf) {
      if (i < 0) continue;
      const id = ids[i][at[i]++];
      const record: EncodedRecord = {
        id,
        line: new Uint8Array(),
        tables: {} as Record<TableName, Uint8Array>,
        rows: {} as Record<TableName, number>,
        warnings: 0,
      };
      // Every row starts with its article id (ArticleRecord): a prefix, not a parse.
      const prefix = encoder.encode(`{"article":${JSON.stringify(id)},`);
      for (const t of TABLES) {
        const rows: Uint8Array[] = [];
        for (
          let row = await readers[i][t].peek();
          row !== undefined && startsWith(row, prefix);
          row = await readers[i][t].peek()
        ) {
          rows.push(row);
          await readers[i][t].next();
        }
        record.tables[t] = joinRows(rows);
        record.rows[t] = rows.length;
      }
      await writer.add(record);
    }
    await writer.close();
    for (const [i, r] of readers.entries()) {
      for (const t of TABLES) {
        if (await r[t].peek() !== undefined) {
          throw new InputError(
            { file: besideRecord(shards[i], shards[i].record.tables!.path) },
            `expected only rows of the articles in ${
              shards[i].name
            }'s JSONL; the "${t}" table has more`,
          );
        }
      }
    }
  } finally {
    for (const files of split) for (const f of Object.values(files)) await Deno.remove(f);
  }
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** Rows joined by `",\n"`, as `encodeRecord` joins them. */
function joinRows(rows: Uint8Array[]): Uint8Array {
  if (rows.length === 1) return rows[0];
  const size = rows.reduce((n, r) => n + r.length, 0) + 2 * Math.max(0, rows.length - 1);
  const out = new Uint8Array(size);
  let at = 0;
  rows.forEach((r, k) => {
    if (k > 0) {
      out[at++] = 0x2c;
      out[at++] = 0x0a;
    }
    out.set(r, at);
    at += r.length;
  });
  return out;
}

/** An async iterator with a look at its next value. */
class Peekable<T> {
  #it: AsyncIterator<T>;
  #peeked: { value: T | undefined } | undefined;

  constructor(it: AsyncIterable<T>) {
    this.#it = it[Symbol.asyncIterator]();
  }

  async peek(): Promise<T | undefined> {
    if (!this.#peeked) {
      const r = await this.#it.next();
      this.#peeked = { value: r.done ? undefined : r.value };
    }
    return this.#peeked.value;
  }

  async next(): Promise<T | undefined> {
    const value = await this.peek();
    this.#peeked = undefined;
    return value;
  }
}

/**
 * Merges the shards' tidy tables (a folder of CSV files each, and Parquet
 * files written from them): each table's rows in corpus order, then, for
 * Parquet, the Parquet files from the merged CSV, as one run writes them.
 */
async function mergeTidyTables(
  out: string,
  shards: Shard[],
  lineOf: number[],
  options: { parquet: boolean; compact: boolean; provenance: Provenance },
): Promise<void> {
  await Deno.mkdir(out, { recursive: true });
  const names = tidyTableNames(options.compact);
  const ids = shards.map((s) => s.record.lines.map(([, id]) => id));
  for (const name of names) {
    const header = TIDY_TABLES[name].columns.map((c) => c.name).join(",");
    const files = shards.map((s) => join(besideRecord(s, s.record.tables!.path), `${name}.csv`));
    const readers = files.map((f) => new Peekable(csvRecords(f)));
    for (const [i, r] of readers.entries()) {
      const first = await r.next().catch((cause) => {
        throw new InputError(
          { file: files[i] },
          `expected the ${name} table of ${shards[i].name}`,
          {
            cause,
          },
        );
      });
      if (first !== header) {
        throw new InputError(
          { file: files[i], line: 1 },
          `expected the header ${JSON.stringify(header)}, found ${JSON.stringify(first)}`,
        );
      }
    }
    const writer = await LineWriter.create(join(out, `${name}.csv`));
    await writer.line(header);
    const at = shards.map(() => 0);
    for (const i of lineOf) {
      if (i < 0) continue;
      const id = ids[i][at[i]++];
      for (let row = await readers[i].peek(); row !== undefined; row = await readers[i].peek()) {
        if (firstCsvField(row) !== id) break;
        await writer.line(row);
        await readers[i].next();
      }
    }
    await writer.close();
    for (const [i, r] of readers.entries()) {
      if (await r.peek() !== undefined) {
        throw new InputError(
          { file: files[i] },
          `expected only rows of the articles in ${
            shards[i].name
          }'s JSONL, in its order; found a row of "${firstCsvField((await r.peek())!)}" left over`,
        );
      }
    }
  }
  if (options.parquet) await writeParquet(out, names, options.provenance);
}
