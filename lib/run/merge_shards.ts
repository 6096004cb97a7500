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
import { TABLES } from "./table_names.ts";
import { LineWriter } from "./line_writer.ts";
import { readShardRecord, type ShardRecord, shardRecordPath } from "./shard.ts";
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
  record: Required<Pick<ShardRecord, "corpus" | "lines" | "failures" | "sizes">> & ShardRecord;
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

  // JSONL: each shard's lines in its own order, interleaved by corpus place,
  // copied as blocks of the sizes the shard records give.
  const jsonl = await BlockWriter.create(out);
  const readers = await Promise.all(checked.map((s) => BlockReader.open(s.jsonl)));
  const at = checked.map(() => 0);
  let lines = 0;
  try {
    for (const i of lineOf) {
      if (i < 0) continue;
      const k = at[i]++;
      const last = await readers[i].copy(checked[i].record.sizes[k][0], jsonl);
      if (last !== 0x0a) {
        throw new InputError(
          { file: checked[i].jsonl, line: k + 1 },
          `expected a line of ${checked[i].record.sizes[k][0]} bytes, as its shard record says`,
        );
      }
      lines++;
    }
    for (const [i, r] of readers.entries()) {
      if (!(await r.atEnd())) {
        throw new InputError(
          { file: checked[i].jsonl },
          `expected ${checked[i].record.lines.length} lines (as its shard record says), found more`,
        );
      }
    }
  } finally {
    for (const r of readers) r.close();
    await jsonl.close();
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
    if (format === "json") await mergeJsonTables(options.tables, checked, lineOf);
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
    if (!record.complete || !record.corpus || !record.lines || !record.failures || !record.sizes) {
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
    if (record.sizes.length !== record.lines.length) {
      throw new InputError(
        { file: recordPath, path: "sizes" },
        `expected one size per line (${record.lines.length}), found ${record.sizes.length}`,
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

const encoder = new TextEncoder();

const TOPICS_HEADER = encoder.encode('\n"topics": [');

/**
 * Merges the shards' JSON tables by copying blocks: each article's rows in
 * each table are one run of bytes in its shard's file, of the size its shard
 * record gives. The merged file is laid out as `TablesWriter` lays it out.
 */
async function mergeJsonTables(out: string, shards: Shard[], lineOf: number[]): Promise<void> {
  const files = shards.map((s) => besideRecord(s, s.record.tables!.path));
  // The header (provenance and the start of the topics list), as in every shard.
  const headers = await Promise.all(files.map(tablesHeader));
  for (const [i, h] of headers.entries()) {
    if (!equalBytes(h, headers[0])) {
      throw new InputError(
        { file: files[i], line: 2 },
        `expected the provenance of ${shards[0].name}'s tables`,
      );
    }
  }
  // Where each table's list starts in each shard's file.
  const starts = shards.map((s, i) => {
    const offsets: number[] = [];
    let at = headers[i].length;
    TABLES.forEach((name, t) => {
      if (t > 0) at += encoder.encode(`,\n"${name}": [`).length;
      offsets.push(at);
      const blocks = s.record.sizes.map((z) => z[t + 1]).filter((n) => n > 0);
      at += blocks.length === 0
        ? 1
        : 1 + blocks.reduce((n, b) => n + b, 0) + 2 * (blocks.length - 1) + 2;
    });
    return offsets;
  });
  const writer = await BlockWriter.create(out);
  try {
    await writer.write(headers[0]);
    for (const [t, name] of TABLES.entries()) {
      if (t > 0) await writer.write(encoder.encode(`,\n"${name}": [`));
      const readers = await Promise.all(files.map((f, i) => BlockReader.open(f, starts[i][t])));
      try {
        const at = shards.map(() => 0);
        const first = shards.map(() => true);
        let any = false;
        for (const i of lineOf) {
          if (i < 0) continue;
          const size = shards[i].record.sizes[at[i]++][t + 1];
          if (size === 0) continue;
          await readers[i].expect(first[i] ? NEWLINE : COMMA_NEWLINE, name);
          first[i] = false;
          await writer.write(any ? COMMA_NEWLINE : NEWLINE);
          any = true;
          await readers[i].copy(size, writer);
        }
        for (const [i, r] of readers.entries()) {
          await r.expect(first[i] ? CLOSE : NEWLINE_CLOSE, name);
        }
        await writer.write(any ? NEWLINE_CLOSE : CLOSE);
      } finally {
        for (const r of readers) r.close();
      }
    }
    await writer.write(encoder.encode("\n}\n"));
  } finally {
    await writer.close();
  }
}

const COMMA_NEWLINE = encoder.encode(",\n");
const CLOSE = encoder.encode("]");
const NEWLINE_CLOSE = encoder.encode("\n]");

/** The bytes of a tables file up to and including `"topics": [`. */
async function tablesHeader(path: string): Promise<Uint8Array> {
  using f = await Deno.open(path, { read: true });
  let bytes = new Uint8Array(0);
  const chunk = new Uint8Array(64 * 1024);
  for (let n = await f.read(chunk); n !== null; n = await f.read(chunk)) {
    const next = new Uint8Array(bytes.length + n);
    next.set(bytes);
    next.set(chunk.subarray(0, n), bytes.length);
    bytes = next;
    const at = indexOfBytes(bytes, TOPICS_HEADER);
    if (at >= 0) return bytes.slice(0, at + TOPICS_HEADER.length);
    if (bytes.length > 64 * 1024 * 1024) break;
  }
  throw new InputError({ file: path }, 'expected the tables of an analyze run (no "topics" list)');
}

function indexOfBytes(bytes: Uint8Array, pattern: Uint8Array): number {
  for (let i = bytes.indexOf(pattern[0]); i >= 0; i = bytes.indexOf(pattern[0], i + 1)) {
    if (i + pattern.length > bytes.length) return -1;
    if (pattern.every((b, k) => bytes[i + k] === b)) return i;
  }
  return -1;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Writes a file through one reused buffer. */
class BlockWriter {
  #file: Deno.FsFile;
  #buffer = new Uint8Array(4 * 1024 * 1024);
  #size = 0;

  private constructor(file: Deno.FsFile) {
    this.#file = file;
  }

  static async create(path: string): Promise<BlockWriter> {
    const dir = dirname(path);
    if (dir !== "" && dir !== ".") await Deno.mkdir(dir, { recursive: true });
    return new BlockWriter(
      await Deno.open(path, { write: true, create: true, truncate: true }),
    );
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (bytes.length > this.#buffer.length - this.#size) {
      await this.flush();
      if (bytes.length >= this.#buffer.length) return await this.#writeAll(bytes);
    }
    this.#buffer.set(bytes, this.#size);
    this.#size += bytes.length;
  }

  async flush(): Promise<void> {
    await this.#writeAll(this.#buffer.subarray(0, this.#size));
    this.#size = 0;
  }

  async #writeAll(bytes: Uint8Array): Promise<void> {
    let at = 0;
    while (at < bytes.length) at += await this.#file.write(bytes.subarray(at));
  }

  async close(): Promise<void> {
    await this.flush();
    this.#file.close();
  }
}

/** Reads a file from an offset in blocks of given sizes, through one reused buffer. */
class BlockReader {
  #file: Deno.FsFile;
  #path: string;
  #buffer = new Uint8Array(1024 * 1024);
  #start = 0;
  #end = 0;

  private constructor(file: Deno.FsFile, path: string) {
    this.#file = file;
    this.#path = path;
  }

  static async open(path: string, offset = 0): Promise<BlockReader> {
    const file = await Deno.open(path, { read: true });
    if (offset > 0) await file.seek(offset, Deno.SeekMode.Start);
    return new BlockReader(file, path);
  }

  async #fill(): Promise<boolean> {
    if (this.#start < this.#end) return true;
    const n = await this.#file.read(this.#buffer);
    if (n === null) return false;
    this.#start = 0;
    this.#end = n;
    return true;
  }

  /** Copies the next `n` bytes to `out`; returns the last byte copied (-1 for none). */
  async copy(n: number, out: BlockWriter): Promise<number> {
    let last = -1;
    while (n > 0) {
      if (!(await this.#fill())) {
        throw new InputError(
          { file: this.#path },
          `expected ${n} more bytes, as its shard record says: the file is shorter`,
        );
      }
      const take = Math.min(n, this.#end - this.#start);
      const part = this.#buffer.subarray(this.#start, this.#start + take);
      await out.write(part);
      last = part[take - 1];
      this.#start += take;
      n -= take;
    }
    return last;
  }

  /** Reads the next bytes and checks that they are `bytes`. */
  async expect(bytes: Uint8Array, table: string): Promise<void> {
    for (const b of bytes) {
      if (!(await this.#fill()) || this.#buffer[this.#start++] !== b) {
        throw new InputError(
          { file: this.#path },
          `expected the rows of the "${table}" list in the sizes its shard record gives`,
        );
      }
    }
  }

  async atEnd(): Promise<boolean> {
    return !(await this.#fill());
  }

  close(): void {
    this.#file.close();
  }
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
