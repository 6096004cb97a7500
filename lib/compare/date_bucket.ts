/**
 * Grouping by time: `--by date:month` or `--by date:year` groups the
 * articles by the month or year of a date field (any field holding an ISO
 * date, `published:year` as well). The bucket is read from the date as
 * written (`2023-11-30T23:30:00-05:00` is November 2023, the publisher's
 * day), not converted to UTC.
 *
 * @module
 */
import { z } from "zod";

/** The time buckets `--by FIELD:BUCKET` accepts. */
export const DateBucket = z.enum(["month", "year"]);
/** A time bucket. */
export type DateBucket = z.infer<typeof DateBucket>;

/** A grouping: a metadata field, and a time bucket when the field holds dates. */
export interface Grouping {
  /** The metadata field read (`date` in `date:month`). */
  field: string;
  /** The time bucket, when the grouping is by time. */
  bucket?: DateBucket;
}

/**
 * Reads a grouping: `outlet` is a field, `date:month` a field and a bucket.
 *
 * @param by What `--by` was given.
 * @returns The field and the bucket.
 * @throws {RangeError} When the part after the colon is not a bucket.
 *
 * @example
 * ```ts
 * import { parseGrouping } from "./date_bucket.ts";
 * import { deepStrictEqual, throws } from "node:assert/strict";
 *
 * deepStrictEqual(parseGrouping("date:month"), { field: "date", bucket: "month" });
 * deepStrictEqual(parseGrouping("outlet"), { field: "outlet" });
 * throws(() => parseGrouping("date:week"), /"date:week": expected date:month or date:year/);
 * ```
 */
export function parseGrouping(by: string): Grouping {
  const colon = by.lastIndexOf(":");
  if (colon < 0) return { field: by };
  const field = by.slice(0, colon);
  const bucket = DateBucket.safeParse(by.slice(colon + 1));
  if (!bucket.success || field === "") {
    throw new RangeError(
      `Cannot group by "${by}": expected ${
        DateBucket.options.map((b) => `${field || "date"}:${b}`).join(" or ")
      } (a date field and a time bucket), or a metadata field`,
    );
  }
  return { field, bucket: bucket.data };
}

/**
 * The bucket of a date as written: `YYYY-MM` for a month, `YYYY` for a year.
 *
 * @param value The field's value.
 * @param bucket Month or year.
 * @returns The bucket, or `undefined` when the value is not an ISO date.
 *
 * @example
 * ```ts
 * import { dateBucket } from "./date_bucket.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(dateBucket("2023-11-30T23:30:00-05:00", "month"), "2023-11");
 * strictEqual(dateBucket("2023-11-30", "year"), "2023");
 * strictEqual(dateBucket("30/11/2023", "month"), undefined);
 * ```
 */
export function dateBucket(value: unknown, bucket: DateBucket): string | undefined {
  if (typeof value !== "string") return undefined;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:$|[T ])/.exec(value.trim());
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return undefined;
  return bucket === "year" ? m[1] : `${m[1]}-${m[2]}`;
}

/** What {@linkcode bucketByDate} gives. */
export interface Bucketed<A> {
  /** The articles, in time order, each with its bucket under the grouping's name. */
  articles: A[];
  /** Notes: articles whose date could not be read. */
  notes: string[];
}

/**
 * Sets each article's bucket as the metadata field named like the grouping
 * (`meta["date:month"] = "2023-11"`), so that any comparison can group by
 * it, and puts the articles in time order (so groups are listed from the
 * earliest). An article whose field is not an ISO date gets no bucket (it is
 * compared as `(no date:month)`) and a note names it.
 *
 * @param articles Articles with metadata.
 * @param by The grouping, e.g. `date:month`.
 * @returns The articles with their bucket, and notes.
 *
 * @example
 * ```ts
 * import { bucketByDate } from "./date_bucket.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const a = (id: string, date: string) => ({ id, meta: { id, date } as Record<string, unknown> });
 * const { articles, notes } = bucketByDate([a("x", "2024-02-01"), a("y", "2023-12-31"), a("z", "soon")], "date:month");
 * deepStrictEqual(articles.map((r) => r.meta["date:month"]), ["2023-12", "2024-02", undefined]);
 * deepStrictEqual(notes, ['1 article has a "date" that is not an ISO date (YYYY-MM-DD...) and no "date:month": z.']);
 * ```
 */
export function bucketByDate<A extends { id: string; meta: Readonly<Record<string, unknown>> }>(
  articles: readonly A[],
  by: string,
): Bucketed<A> {
  const { field, bucket } = parseGrouping(by);
  if (bucket === undefined) return { articles: [...articles], notes: [] };
  const unreadable: string[] = [];
  const withBucket = articles.map((a) => {
    const value = a.meta[field];
    const b = dateBucket(value, bucket);
    if (b === undefined && value !== undefined && value !== null && value !== "") {
      unreadable.push(a.id);
    }
    return { ...a, meta: { ...a.meta, [by]: b } };
  });
  const key = (a: A) => (a.meta[by] as string | undefined) ?? "\uffff";
  withBucket.sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
  const notes = unreadable.length === 0 ? [] : [
    `${unreadable.length} article${unreadable.length === 1 ? " has" : "s have"} a "${field}" ` +
    `that is not an ISO date (YYYY-MM-DD...) and no "${by}": ${unreadable.join(", ")}.`,
  ];
  return { articles: withBucket, notes };
}

/**
 * An article's group under a grouping: the field's value, or the bucket of
 * its date for `FIELD:month` and `FIELD:year`.
 *
 * @param meta The article's metadata.
 * @param by The grouping.
 * @returns The group as text, or `undefined` when the article has none.
 *
 * @example
 * ```ts
 * import { groupValue } from "./date_bucket.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(groupValue({ outlet: "X", date: "2024-05-02" }, "date:year"), "2024");
 * strictEqual(groupValue({ outlet: "X" }, "outlet"), "X");
 * strictEqual(groupValue({ outlet: "X" }, "date:month"), undefined);
 * ```
 */
export function groupValue(
  meta: Readonly<Record<string, unknown>>,
  by: string,
): string | undefined {
  const { field, bucket } = parseGrouping(by);
  if (bucket !== undefined) return dateBucket(meta[field], bucket);
  const value = meta[field];
  return value === undefined || value === null || value === "" ? undefined : String(value);
}
