/**
 * Private helpers shared by the figure builders: checking records, naming the
 * series a record belongs to, filtering by voice, and saying the voice in words.
 *
 * @module
 */
import { z } from "zod";
import { Voice } from "../voice.ts";

/** Fields every series-bearing record may carry: its article, or its group after grouping. */
export const SeriesFields = {
  /** The article's id. */
  article: z.string().optional(),
  /** A group of articles (an outlet, a side), after grouping. */
  group: z.string().optional(),
};

/** Voices in words, for titles. */
const VOICE_WORDS: Record<Voice, string> = {
  title: "headlines",
  meta: "bylines and metadata",
  body: "the author's text",
  quote: "quoted speech",
  comment: "reader comments",
  boilerplate: "site chrome",
};

/**
 * The voice in words for a title: `"the author's text (body)"`.
 */
export function voiceWords(voice: Voice): string {
  return `${VOICE_WORDS[voice]} (${voice})`;
}

/**
 * Checks records against a schema; on failure throws a TypeError that names
 * the figure, the record's index, the field and what was expected.
 */
export function checkRecords<S extends z.ZodType>(
  schema: S,
  records: readonly unknown[],
  figure: string,
): z.infer<S>[] {
  if (!Array.isArray(records)) {
    throw new TypeError(`${figure}: expected an array of records, got ${JSON.stringify(records)}`);
  }
  return records.map((record, i) => {
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue.path.length > 0 ? `.${issue.path.map(String).join(".")}` : "";
      throw new TypeError(
        `${figure}: record ${i}${path}: ${issue.message} (got ${
          JSON.stringify(record)?.slice(0, 120)
        })`,
      );
    }
    return parsed.data;
  });
}

/**
 * The series a record belongs to: its `group` if it has one, else its `article`.
 *
 * @throws {TypeError} If the record has neither.
 */
export function seriesOf(record: { article?: string; group?: string }, figure: string): string {
  const name = record.group ?? record.article;
  if (name === undefined) {
    throw new TypeError(
      `${figure}: expected each record to carry "article" or "group", got ${
        JSON.stringify(record)?.slice(0, 120)
      }`,
    );
  }
  return name;
}

/**
 * The series of a figure and the style index of each: in `order` first (a
 * series keeps its place in `order`, and so its colour, marker and pattern,
 * whether or not the series before it have rows in this figure), then any
 * others in first-seen order after them.
 *
 * @param found The series of the records, in first-seen order.
 * @param order The series of every figure of a document (e.g. every article id).
 * @returns Each series with the index to pass to `seriesStyle`.
 */
export function orderedSeries(
  found: readonly string[],
  order: readonly string[] = [],
): { series: string; style: number }[] {
  const known = order.filter((s) => found.includes(s));
  const rest = found.filter((s) => !order.includes(s));
  return [
    ...known.map((series) => ({ series, style: order.indexOf(series) })),
    ...rest.map((series, i) => ({ series, style: order.length + i })),
  ];
}

/** Distinct values in first-seen order. */
export function distinct<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** Checks a voice option and returns it. */
export function checkVoice(voice: unknown, figure: string): Voice {
  const parsed = Voice.safeParse(voice);
  if (!parsed.success) {
    throw new RangeError(
      `${figure}: voice must be one of ${Voice.options.join(", ")}, got ${JSON.stringify(voice)}`,
    );
  }
  return parsed.data;
}

/**
 * An id in words for an axis or legend: the label the caller gave, else the
 * id with `_` and `-` as spaces and the first letter capitalised
 * (`"sanctions_transit"` → `"Sanctions transit"`).
 */
export function labelOf(id: string, labels: Readonly<Record<string, string>> = {}): string {
  if (Object.hasOwn(labels, id)) return labels[id];
  const words = id.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The legend title for the series: "Group" once records are grouped, else "Article". */
export function seriesTitle(records: readonly { group?: string }[]): string {
  return records.some((r) => r.group !== undefined) ? "Group" : "Article";
}
