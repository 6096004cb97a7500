/**
 * The tidy tables of a run as files (`analyze --tables DIR --format csv|parquet`):
 * one CSV file per table, and with `parquet` a Parquet file beside each,
 * written by DuckDB from the CSV with typed columns and the toolkit's version
 * and the lexicons' hashes in the file's key-value metadata. Every row starts
 * with the article id; rows come in corpus order.
 *
 * Tables: `articles` (one row per article), `voices` (one per voice with
 * text), `actors`, `topics`, `stance` (the rows of the JSON tables, flattened)
 * and, for full (not `--compact`) runs, `mentions` (one per scored mention).
 * {@linkcode TIDY_TABLES} is the schema: each column's name, SQL type and
 * meaning.
 *
 * @module
 */
import type { Provenance } from "../provenance.ts";
import type { EncodedRecord } from "./encoded_record.ts";
import { LineWriter } from "./line_writer.ts";

/** The SQL types the columns have (in Parquet: string, int64, double, boolean). */
export type ColumnType = "VARCHAR" | "BIGINT" | "DOUBLE" | "BOOLEAN";

/** One column of a tidy table. */
export interface TidyColumn {
  name: string;
  type: ColumnType;
  /** What it holds. */
  doc: string;
}

type Json = Record<string, unknown>;

interface TidyTable {
  columns: readonly TidyColumn[];
  /** The table's rows of one article: its line (parsed) and its JSON table rows. */
  rows: (line: Json, tables: Record<"topics" | "stance" | "actors", Json[]>) => unknown[][];
  /** Only in full (not compact) runs. */
  fullOnly?: boolean;
}

const col = (name: string, type: ColumnType, doc: string): TidyColumn => ({ name, type, doc });
const ARTICLE = col("article", "VARCHAR", "the article id");
const VOICE = col("voice", "VARCHAR", "title, body, quote, comment, chrome, ...");

/**
 * The tidy tables: their columns (name, SQL type, meaning), in order. The
 * same schema is published in the README ("Corpora beyond one machine").
 */
export const TIDY_TABLES: Readonly<Record<string, TidyTable>> = {
  articles: {
    columns: [
      ARTICLE,
      col("title", "VARCHAR", "title (manifest or inferred)"),
      col("outlet", "VARCHAR", "outlet"),
      col("author", "VARCHAR", "author"),
      col("date", "VARCHAR", "ISO date or date-time as given (month: its first 7 characters)"),
      col("language", "VARCHAR", "BCP 47 language tag"),
      col("origin", "VARCHAR", "where the article was read from (file, or file:line)"),
      col("length", "BIGINT", "length of the text in UTF-16 code units"),
      col("warnings", "BIGINT", "warnings the article carries"),
    ],
    rows: (a) => {
      const m = a.meta as Json;
      return [[
        a.id,
        m.title,
        m.outlet,
        m.author,
        m.date,
        m.language,
        a.origin,
        a.length,
        (a.warnings as unknown[]).length,
      ]];
    },
  },
  voices: {
    columns: [
      ARTICLE,
      VOICE,
      col("chars", "BIGINT", "UTF-16 code units in the voice"),
      col("sentences", "BIGINT", "sentences"),
      col("words", "BIGINT", "word tokens (the denominator of per-1,000 rates)"),
    ],
    rows: (a) =>
      (a.voices as Json[]).filter((v) => (v.chars as number) > 0).map((
        v,
      ) => [a.id, v.voice, v.chars, v.sentences, v.words]),
  },
  actors: {
    columns: [
      ARTICLE,
      col("actor", "VARCHAR", "actor id"),
      VOICE,
      col("mentions", "BIGINT", "mentions scored"),
      col("stance", "DOUBLE", "stance toward the actor, -1..+1"),
      col(
        "stance_ci_low",
        "DOUBLE",
        "bootstrap interval of the stance, low end (empty: none computed)",
      ),
      col("stance_ci_high", "DOUBLE", "bootstrap interval of the stance, high end"),
      col("evaluating", "BIGINT", "mentions that evaluate the actor"),
      col("evaluating_share", "DOUBLE", "evaluating / mentions"),
      col("score", "DOUBLE", "mean score of all mentions, -1..+1"),
      col(
        "ci_low",
        "DOUBLE",
        "bootstrap interval of the mean score, low end (empty: none computed)",
      ),
      col("ci_high", "DOUBLE", "bootstrap interval of the mean score, high end"),
      col("positive", "BIGINT", "evaluating mentions with a positive score"),
      col("negative", "BIGINT", "evaluating mentions with a negative score"),
    ],
    rows: (_, t) =>
      t.actors.map((r) => {
        // A run without intervals over mentions (analyze --compact) leaves both empty.
        const s = (r.stanceCi ?? [null, null]) as (number | null)[];
        const c = (r.ci ?? [null, null]) as (number | null)[];
        return [
          r.article,
          r.actor,
          r.voice,
          r.mentions,
          r.stance,
          s[0],
          s[1],
          r.evaluating,
          r.evaluatingShare,
          r.score,
          c[0],
          c[1],
          r.positive,
          r.negative,
        ];
      }),
  },
  topics: {
    columns: [
      ARTICLE,
      col("lexicon", "VARCHAR", "the lexicon the topic comes from"),
      col("topic", "VARCHAR", "the topic (a lexicon category)"),
      VOICE,
      col("hits", "BIGINT", "hits of the topic in the voice"),
      col("per1k", "DOUBLE", "hits per 1,000 words of the voice"),
      col("sentence_share", "DOUBLE", "share of the voice's sentences with a hit"),
      col("words", "BIGINT", "words of the voice"),
      col("sentences", "BIGINT", "sentences of the voice"),
      col("sentences_with_topic", "BIGINT", "sentences of the voice with a hit"),
    ],
    rows: (_, t) =>
      t.topics.map((r) => [
        r.article,
        r.lexicon,
        r.topic,
        r.voice,
        r.hits,
        r.per1k,
        r.sentenceShare,
        r.words,
        r.sentences,
        r.sentencesWithTopic,
      ]),
  },
  stance: {
    columns: [
      ARTICLE,
      col("category", "VARCHAR", "hedge, booster, attitude, self_mention, engagement, ..."),
      VOICE,
      col("hits", "BIGINT", "markers of the category in the voice"),
      col("words", "BIGINT", "words of the voice"),
      col("per1k", "DOUBLE", "hits per 1,000 words"),
    ],
    rows: (_, t) => t.stance.map((r) => [r.article, r.category, r.voice, r.hits, r.words, r.per1k]),
  },
  mentions: {
    fullOnly: true,
    columns: [
      ARTICLE,
      col("actor", "VARCHAR", "actor id"),
      VOICE,
      col("sentence", "BIGINT", "the sentence's index in the article"),
      col("start", "BIGINT", "offset of the mention (UTF-16 code units)"),
      col("end", "BIGINT", "end offset of the mention"),
      col("form", "VARCHAR", "the mention as written"),
      col("via", "VARCHAR", "how it was found (alias, pattern, ...)"),
      col("role", "VARCHAR", "its role in the clause, when assigned"),
      col("score", "DOUBLE", "the scorer's score, -1..+1"),
      col("evaluates", "BOOLEAN", "the mention evaluates the actor (enters the stance)"),
    ],
    rows: (a) =>
      ((a.mentions ?? []) as Json[]).map((m) => [
        a.id,
        m.actor,
        m.voice,
        m.sentence,
        m.start,
        m.end,
        m.form,
        m.via,
        m.role,
        m.score,
        m.evaluates,
      ]),
  },
};

/** The formats of `--tables`: one JSON file, or a folder of CSV (and Parquet) files. */
export type TablesFormat = "json" | "csv" | "parquet";

/** The names of the tidy tables a run writes: `mentions` only in full runs. */
export function tidyTableNames(compact: boolean): string[] {
  return Object.entries(TIDY_TABLES).filter(([, t]) => !compact || !t.fullOnly).map(([n]) => n);
}

/**
 * A CSV field (RFC 4180): quoted when it holds a comma, quote or line break,
 * or is an empty string (an empty unquoted field is a missing value).
 *
 * @example
 * ```ts
 * import { csvField } from "./tidy_tables.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(csvField('say "no"'), '"say ""no"""');
 * strictEqual(csvField(null), "");
 * strictEqual(csvField(""), '""');
 * strictEqual(csvField(0.25), "0.25");
 * ```
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return text === "" || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const decoder = new TextDecoder();

function parseRows(bytes: Uint8Array): Json[] {
  return bytes.length === 0 ? [] : JSON.parse(`[${decoder.decode(bytes)}]`);
}

/**
 * Writes the tidy tables of a run into a folder, as the records come.
 *
 * @example
 * ```ts
 * import { TidyTablesWriter } from "./tidy_tables.ts";
 * import { articleRecord } from "./article_record.ts";
 * import { encodeRecord } from "./encoded_record.ts";
 * import { loadResources } from "../resources.ts";
 * import { ok } from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * const w = await TidyTablesWriter.create(dir, { format: "csv" });
 * await w.add(encodeRecord(articleRecord({
 *   meta: { id: "a", outlet: "Herald", language: "en", inferred: [] },
 *   text: "Gas talks\n\nPutin met Tokayev to discuss a gas pipeline.",
 *   origin: "example",
 *   warnings: [],
 * }, await loadResources(), { resamples: 50 })));
 * await w.close();
 * ok((await Deno.readTextFile(`${dir}/articles.csv`)).startsWith("article,title,outlet"));
 * ```
 */
export class TidyTablesWriter {
  #dir: string;
  #format: TablesFormat;
  #provenance?: Provenance;
  #writers: Map<string, LineWriter>;

  private constructor(
    dir: string,
    format: TablesFormat,
    writers: Map<string, LineWriter>,
    provenance?: Provenance,
  ) {
    this.#dir = dir;
    this.#format = format;
    this.#writers = writers;
    this.#provenance = provenance;
  }

  /**
   * Creates the folder and one CSV file per table (with its header).
   *
   * @param dir The folder.
   * @param options `format`: `csv`, or `parquet` (CSV, then Parquet from it at
   *   the end); `compact`: the lines are compact (no `mentions` table);
   *   `provenance`: goes into the Parquet files' metadata.
   */
  static async create(
    dir: string,
    options: { format: "csv" | "parquet"; compact?: boolean; provenance?: Provenance },
  ): Promise<TidyTablesWriter> {
    await Deno.mkdir(dir, { recursive: true });
    const writers = new Map<string, LineWriter>();
    for (const name of tidyTableNames(options.compact ?? false)) {
      const w = await LineWriter.create(`${dir}/${name}.csv`);
      await w.line(TIDY_TABLES[name].columns.map((c) => csvField(c.name)).join(","));
      writers.set(name, w);
    }
    return new TidyTablesWriter(dir, options.format, writers, options.provenance);
  }

  /** Adds an article's rows. */
  async add(record: EncodedRecord): Promise<void> {
    const line = JSON.parse(decoder.decode(record.line)) as Json;
    const tables = {
      topics: parseRows(record.tables.topics),
      stance: parseRows(record.tables.stance),
      actors: parseRows(record.tables.actors),
    };
    for (const [name, w] of this.#writers) {
      const rows = TIDY_TABLES[name].rows(line, tables);
      if (rows.length === 0) continue;
      await w.text(rows.map((r) => r.map(csvField).join(",")).join("\n") + "\n");
    }
  }

  /** Closes the CSV files; with `parquet`, writes the Parquet files from them. */
  async close(): Promise<void> {
    for (const w of this.#writers.values()) await w.close();
    if (this.#format === "parquet") {
      await writeParquet(this.#dir, [...this.#writers.keys()], this.#provenance);
    }
  }
}

const sql = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * The key-value metadata of every Parquet file: the toolkit, the lexicons
 * (role, name, version, SHA-256) and the whole provenance record, as JSON.
 */
export function parquetMetadata(provenance?: Provenance): Record<string, string> {
  if (!provenance) return {};
  return {
    "framing.toolkit": `${provenance.toolkit.name} ${provenance.toolkit.version}`,
    "framing.lexicons": JSON.stringify(
      provenance.lexicons.map((l) => ({
        role: l.role,
        name: l.name,
        version: l.version,
        sha256: l.sha256,
      })),
    ),
    "framing.provenance": JSON.stringify(provenance),
  };
}

/**
 * Writes `<table>.parquet` from `<table>.csv` for each table in the folder,
 * with DuckDB (one thread, so the same CSV always gives the same bytes).
 */
export async function writeParquet(
  dir: string,
  tables: readonly string[],
  provenance?: Provenance,
): Promise<void> {
  // Loaded here, not with the module: DuckDB's native library is large, and
  // only Parquet needs it.
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const db = await DuckDBInstance.create(":memory:", { threads: "1" });
  const c = await db.connect();
  try {
    const kv = Object.entries(parquetMetadata(provenance))
      .map(([k, v]) => `${sql(k)}: ${sql(v)}`).join(", ");
    for (const name of tables) {
      const columns = TIDY_TABLES[name].columns.map((x) => `${sql(x.name)}: ${sql(x.type)}`);
      await c.run(
        `COPY (SELECT * FROM read_csv(${sql(`${dir}/${name}.csv`)}, header = true, ` +
          `auto_detect = false, delim = ',', quote = '"', escape = '"', ` +
          `allow_quoted_nulls = false, columns = {${columns.join(", ")}})) ` +
          `TO ${sql(`${dir}/${name}.parquet`)} (FORMAT parquet, COMPRESSION zstd` +
          (kv ? `, KV_METADATA {${kv}}` : "") + `)`,
      );
    }
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

/**
 * The records of a CSV file as raw text, one at a time (a quoted field may
 * hold line breaks), without the line break that ends each.
 */
export async function* csvRecords(path: string): AsyncGenerator<string> {
  using file = await Deno.open(path, { read: true });
  const chunk = new Uint8Array(1024 * 1024);
  const textDecoder = new TextDecoder("utf-8", { fatal: true });
  let pending = "";
  let quotes = 0;
  for (let n = await file.read(chunk); n !== null; n = await file.read(chunk)) {
    pending += textDecoder.decode(chunk.subarray(0, n), { stream: true });
    let from = 0;
    let scan = 0;
    while (true) {
      const nl = pending.indexOf("\n", scan);
      if (nl < 0) break;
      for (let i = scan; i < nl; i++) if (pending.charCodeAt(i) === 0x22) quotes++;
      scan = nl + 1;
      if (quotes % 2 === 1) continue;
      yield pending.slice(from, nl);
      from = nl + 1;
      quotes = 0;
    }
    // Quotes of the unfinished record are counted again from `from`.
    pending = pending.slice(from);
    quotes = 0;
  }
  pending += textDecoder.decode();
  if (pending !== "") yield pending;
}

/**
 * The first field of a CSV record, unquoted.
 *
 * @example
 * ```ts
 * import { firstCsvField } from "./tidy_tables.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(firstCsvField('"a,""b""",c'), 'a,"b"');
 * strictEqual(firstCsvField("x,1"), "x");
 * ```
 */
export function firstCsvField(record: string): string {
  if (!record.startsWith('"')) {
    const comma = record.indexOf(",");
    return comma < 0 ? record : record.slice(0, comma);
  }
  let out = "";
  for (let i = 1; i < record.length; i++) {
    if (record[i] !== '"') out += record[i];
    else if (record[i + 1] === '"') {
      out += '"';
      i++;
    } else break;
  }
  return out;
}
