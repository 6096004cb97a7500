/**
 * An {@linkcode ArticleRecord} as bytes: the JSON line and each table's rows
 * UTF-8 encoded in the worker that analysed the article, and handed to the
 * main thread as transferable buffers, so that the main thread neither copies
 * nor encodes the output, only writes it.
 *
 * @module
 */
import { type ArticleRecord, type TableName, TABLES } from "./article_record.ts";

/** An article record, encoded. */
export interface EncodedRecord {
  id: string;
  /** The JSON line with its line break, UTF-8. */
  line: Uint8Array;
  /** Each table's rows joined by `",\n"`, UTF-8 (empty when the article has none). */
  tables: Record<TableName, Uint8Array>;
  /** Each table's number of rows. */
  rows: Record<TableName, number>;
  /** How many warnings the article carries. */
  warnings: number;
}

const encoder = new TextEncoder();

/**
 * Encodes a record for writing.
 *
 * @param record The record.
 * @returns Its line and table rows as bytes.
 *
 * @example
 * ```ts
 * import { encodeRecord } from "./encoded_record.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const e = encodeRecord({
 *   id: "a",
 *   json: '{"id":"a"}',
 *   tables: { topics: ['{"article":"a"}', '{"article":"a"}'], stance: [], actors: [] },
 *   warnings: 0,
 * });
 * strictEqual(new TextDecoder().decode(e.line), '{"id":"a"}\n');
 * strictEqual(new TextDecoder().decode(e.tables.topics), '{"article":"a"},\n{"article":"a"}');
 * strictEqual(e.rows.topics, 2);
 * ```
 */
export function encodeRecord(record: ArticleRecord): EncodedRecord {
  const tables = {} as Record<TableName, Uint8Array>;
  const rows = {} as Record<TableName, number>;
  for (const name of TABLES) {
    tables[name] = encoder.encode(record.tables[name].join(",\n"));
    rows[name] = record.tables[name].length;
  }
  return {
    id: record.id,
    line: encoder.encode(record.json + "\n"),
    tables,
    rows,
    warnings: record.warnings,
  };
}

/** The buffers of an encoded record, to transfer with `postMessage` instead of copying them. */
export function transferablesOf(record: EncodedRecord): ArrayBuffer[] {
  return [record.line, ...TABLES.map((name) => record.tables[name])]
    .map((b) => b.buffer as ArrayBuffer);
}
