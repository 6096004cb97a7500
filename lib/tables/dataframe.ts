/**
 * Tidy records to danfojs DataFrames, for tables in notebooks. This is the
 * only module that imports danfojs (about 0.8 s and 155 MB to load): the core
 * computes plain records, and only notebooks turn them into DataFrames.
 *
 * @module
 */
import * as dfd from "danfojs";

/** A danfojs DataFrame. */
export type DataFrame = InstanceType<typeof dfd.DataFrame>;

/** A tidy record: one row, column name to a string, number or boolean. */
export type TidyRecord = Record<string, string | number | boolean | null | undefined>;

/** Options for {@linkcode toDataFrame}. */
export interface ToDataFrameOptions {
  /**
   * Column names, in order. Needed to give an empty table its columns.
   * @default the keys of the first record, then any new keys of later records
   */
  columns?: readonly string[];
}

/**
 * Turns an array of tidy records into a danfojs DataFrame, one row per
 * record. A record that lacks a column gets `null` there.
 *
 * @param records The rows.
 * @param options Column order.
 * @returns The DataFrame.
 * @throws {TypeError} If a record is not a plain object, or a value is an object or array.
 *
 * @example
 * ```ts
 * import { toDataFrame } from "@framing/toolkit/notebook";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const df = toDataFrame([{ voice: "body", chars: 120 }, { voice: "quote", chars: 30 }]);
 * deepStrictEqual(df.columns, ["voice", "chars"]);
 * deepStrictEqual(df.shape, [2, 2]);
 * ```
 */
export function toDataFrame(
  records: readonly TidyRecord[],
  options: ToDataFrameOptions = {},
): DataFrame {
  const columns = options.columns ? [...options.columns] : columnsOf(records);
  const rows = records.map((record, i) => {
    if (record === null || typeof record !== "object" || Array.isArray(record)) {
      throw new TypeError(`Cannot make a table: record ${i} is ${JSON.stringify(record)}`);
    }
    return columns.map((column) => {
      const value = record[column];
      if (value !== null && typeof value === "object") {
        throw new TypeError(
          `Cannot make a table: record ${i} field "${column}" is ${JSON.stringify(value)}`,
        );
      }
      return value ?? null;
    });
  });
  return new dfd.DataFrame(rows, { columns });
}

function columnsOf(records: readonly TidyRecord[]): string[] {
  const seen = new Set<string>();
  for (const record of records) {
    if (record && typeof record === "object") Object.keys(record).forEach((k) => seen.add(k));
  }
  return [...seen];
}
