/**
 * `deno task analyze <paths...>`: analyses the articles found in the paths
 * (folders, text files, JSONL, CSV) on worker processes. Writes one JSON
 * document (`--out`, for small runs), or streams one JSON line per article
 * (`--jsonl`) with the aggregated tables (`--tables`) and the failures
 * (`--errors`), holding only the articles in flight.
 *
 * @module
 */
import { provenanceOf } from "../analyze.ts";
import { type AnalysedArticle, ANALYSIS_FORMAT, type AnalysisDocument } from "../analysis.ts";
import type { CorpusItem, Failure } from "../corpus/corpus.ts";
import { streamCorpus } from "../corpus/stream_corpus.ts";
import { InputError } from "../errors.ts";
import { analyzeStream, defaultWorkers } from "../run/analyze_stream.ts";
import { inputBytes } from "../run/input_bytes.ts";
import { LineWriter } from "../run/line_writer.ts";
import { type EncodedRecord, encodeRecord } from "../run/encoded_record.ts";
import { COMPACT_FORMAT } from "../run/compact_article.ts";
import { Progress } from "../run/progress.ts";
import { TablesWriter } from "../run/tables_writer.ts";
import { type TablesFormat, TidyTablesWriter } from "../run/tidy_tables.ts";
import {
  loadFilesOrExit,
  parseCommandLine,
  RESOURCE_FLAGS,
  resourceFilesOf,
  usageError,
} from "./_command_line.ts";
import { checkProvenance, type KeptOutput, resumeJsonl } from "../run/resume.ts";
import {
  parseShard,
  readShardRecord,
  SHARD_ASSIGNMENT,
  SHARD_FORMAT,
  type ShardRecord,
  shardRecordPath,
  type ShardSpec,
  ShardTracker,
} from "../run/shard.ts";
import { dirname, relative } from "node:path";

const USAGE = `Usage: deno task analyze <paths...> [options]

Reads articles from folders of .txt/.md files (with an optional manifest.json or
manifest.csv), single text files, JSONL files (one article a line) and CSV files
with a text column, and analyses them on worker processes.

Output:
  --out FILE          one JSON document with every article (default: stdout);
                      holds the whole corpus in memory: for small runs
  --jsonl FILE        stream instead: one JSON line per analysed article, in
                      input order whatever the number of workers; the run's
                      provenance record goes beside it, to FILE.provenance.json
  --compact           with --jsonl: one compact line per article (metadata,
                      voice sizes, actor rows, topic and stance rows with hits;
                      no text, tokens, hits, evidence or vocabulary), about a
                      tenth of the full line (schemas/compact_article.schema.json);
                      the actor rows carry no bootstrap intervals over mentions
                      (a corpus comparison resamples articles), unless
                      --intervals asks for them
  --intervals         with --compact: keep each actor row's intervals (ci,
                      stanceCi); full lines always have them
  --tables FILE       the topic, stance and actor rows of every article, with
                      the article id: {"provenance": {...}, "topics": [...],
                      "stance": [...], "actors": [...]}
  --tables DIR --format csv|parquet
                      the tidy tables as files in DIR: articles, voices, actors,
                      topics, stance and (without --compact) mentions, one CSV
                      file each (csv), or CSV and a typed Parquet file each
                      with the toolkit's version and the lexicons' hashes in
                      its metadata (parquet). Without --format, a PATH that
                      ends in / or is a folder gets csv, any other JSON
  --format json|csv|parquet
                      the format of --tables (default: see above)
  --errors FILE       one JSON line {"input", "reason"} per input that failed
  --resume            with --jsonl: keep the complete lines already in FILE (a
                      partial last line is dropped and redone), skip their
                      articles and append the rest; the outputs end as an
                      uninterrupted run's would. Needs the same lexicons and
                      options as the run that wrote FILE.
  --shard K/N         with --jsonl: analyse only shard K (1..N) of N: the
                      articles whose id hashes to K (1 + the first 48 bits of
                      SHA-256(id) mod N). Writes FILE.shard.json beside FILE
                      (corpus places of its lines, for \`deno task merge\`);
                      --resume works per shard
Lexicons (each file is checked before the first article is analysed):
  --actors FILE       an actor file that replaces the bundled actors
  --add-actors FILE   an actor file whose actors are added (repeatable); an id
                      that is already used is an error
  --topics FILE       a topic lexicon that replaces the bundled topics
  --lexicon FILE      a further topic-like lexicon, measured like the topics
                      (repeatable)
  --sentiment-lexicon FILE
                      a sentiment lexicon consulted before the bundled ones
                      (repeatable)
Options:
  --resamples N       bootstrap resamples of each actor interval (default: 2000);
                      fewer make a corpus run faster and wider-grained; the
                      number is recorded in the provenance (with --compact,
                      it needs --intervals)
  --workers N         workers (default: the number of cores, ${defaultWorkers()} here;
                      0 analyses on the main thread)
  --threads           workers are threads of this process, not processes of
                      their own (processes run faster; threads need no
                      permission to start a program)
  --text-column NAME  the text column of CSV input (default: text)
  --id-field NAME     the id column or JSONL field (default: id)
  --max-article-mb N  longest article read, in MiB (default: 8)
  -h, --help          this text

At the end it prints how many inputs were read, analysed and failed
(read = analysed + failed). A progress line is shown when standard error is a
terminal. The exit code is 0 when at least one article was analysed, 1 when
none was (with --shard, 0 also for a shard that holds no article), 2 for a
usage error.`;

const MAX_NOTES_SHOWN = 20;

/** Runs the command with the given arguments; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const parsed = parseCommandLine(args, {
    out: { type: "string", short: "o" },
    jsonl: { type: "string" },
    tables: { type: "string" },
    errors: { type: "string" },
    resume: { type: "boolean" },
    compact: { type: "boolean" },
    intervals: { type: "boolean" },
    shard: { type: "string" },
    format: { type: "string" },
    ...RESOURCE_FLAGS,
    workers: { type: "string" },
    threads: { type: "boolean" },
    resamples: { type: "string" },
    "text-column": { type: "string" },
    "id-field": { type: "string" },
    "max-article-mb": { type: "string" },
  }, USAGE);
  if (typeof parsed === "number") return parsed;
  const v = parsed.values;
  const usage = (problem: string) => usageError(problem, USAGE);
  if (parsed.positionals.length === 0) return usage("No input given.");
  if (v.out !== undefined && v.jsonl !== undefined) {
    return usage("Give --out (one document) or --jsonl (a stream), not both.");
  }
  if (v.resume && v.jsonl === undefined) {
    return usage("--resume continues a --jsonl output: give --jsonl FILE.");
  }
  if (v.compact && v.jsonl === undefined) {
    return usage("--compact writes a --jsonl stream: give --jsonl FILE.");
  }
  if (v.intervals && !v.compact) {
    return usage("--intervals goes with --compact: full lines always hold the actor intervals.");
  }
  if (v.compact && !v.intervals && v.resamples !== undefined) {
    return usage(
      "--resamples sets the actor intervals, which --compact leaves out: add --intervals to keep them.",
    );
  }
  if (v.compact && v.resume && v.tables !== undefined) {
    return usage(
      "--resume cannot rebuild --tables from compact lines (they leave out rows without hits): " +
        "resume without --tables, or run without --resume.",
    );
  }
  let shard: ShardSpec | undefined;
  if (v.shard !== undefined) {
    shard = parseShard(v.shard);
    if (!shard) {
      return usage(`--shard: expected K/N with 1 <= K <= N (e.g. 2/4), found "${v.shard}".`);
    }
    if (v.jsonl === undefined) return usage("--shard writes a --jsonl stream: give --jsonl FILE.");
  }
  if (v.format !== undefined && v.tables === undefined) {
    return usage("--format is the format of --tables: give --tables PATH.");
  }
  if (v.format !== undefined && !["json", "csv", "parquet"].includes(v.format)) {
    return usage(`--format: expected json, csv or parquet, found "${v.format}".`);
  }
  const tablesFormat: TablesFormat | undefined = v.tables === undefined
    ? undefined
    : (v.format as TablesFormat | undefined) ??
      (v.tables.endsWith("/") || await isFolder(v.tables) ? "csv" : "json");
  const workers = v.workers === undefined ? defaultWorkers() : Number(v.workers);
  if (!Number.isInteger(workers) || workers < 0) {
    return usage(`--workers: expected a whole number >= 0, found "${v.workers}".`);
  }
  const resamples = v.resamples === undefined ? undefined : Number(v.resamples);
  if (resamples !== undefined && (!Number.isInteger(resamples) || resamples < 1)) {
    return usage(`--resamples: expected a whole number >= 1, found "${v.resamples}".`);
  }
  const maxMb = v["max-article-mb"] === undefined ? 8 : Number(v["max-article-mb"]);
  if (!(maxMb > 0)) {
    return usage(`--max-article-mb: expected a positive number, found "${v["max-article-mb"]}".`);
  }

  // The lexicons first: a bad file stops the run before any article is read.
  const files = await loadFilesOrExit(resourceFilesOf(v));
  if (typeof files === "number") return files;
  const analyze = {
    ...files.analyze,
    ...(resamples === undefined ? {} : { resamples }),
    // A compact run leaves out the intervals over mentions unless asked.
    ...(v.compact && !v.intervals ? { intervals: false } : {}),
  };
  const paths = parsed.positionals;
  const progress = new Progress({ totalBytes: await inputBytes(paths) });
  // What made the numbers: the same record the workers' settings give.
  const provenance = provenanceOf(files.resources, analyze);
  const provenanceText = JSON.stringify(provenance, null, 2) + "\n";
  if (v.resume && v.jsonl !== undefined && await exists(v.jsonl)) {
    // Before any output is rewritten: the kept lines must come from the same settings.
    try {
      await checkProvenance(v.jsonl, {
        provenance: provenanceText,
        provenancePath: provenancePath(v.jsonl),
      });
      await checkShardOnResume(v.jsonl, shard);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      console.error(e.message);
      return 2;
    }
  }
  if (shard && v.jsonl !== undefined) {
    await writeShardRecord(v.jsonl, { ...shardStart(shard), complete: false });
  } else if (v.jsonl !== undefined) {
    // An unsharded run leaves no shard record of an earlier run beside its output.
    await Deno.remove(shardRecordPath(v.jsonl)).catch(() => {});
  }
  const tables = v.tables === undefined
    ? undefined
    : tablesFormat === "json"
    ? await TablesWriter.create(v.tables, provenance)
    : await TidyTablesWriter.create(v.tables, {
      format: tablesFormat as "csv" | "parquet",
      compact: v.compact,
      provenance,
    });
  let kept: KeptOutput | undefined;
  // With --shard: the bytes of each line and of its table rows, for the merge.
  const keptSizes: [number, number, number, number][] = [];
  const sizes: [number, number, number, number][] = [];
  if (v.resume && v.jsonl !== undefined) {
    try {
      kept = await resumeJsonl(v.jsonl, {
        provenance: provenanceText,
        provenancePath: provenancePath(v.jsonl),
        onRecord: (record, line) => {
          if (record.json.startsWith(`{"format":"${COMPACT_FORMAT}"`) !== (v.compact ?? false)) {
            throw new InputError(
              { file: v.jsonl!, line },
              v.compact
                ? "expected a compact line (the earlier run was not --compact: resume without --compact)"
                : "expected a full line (the earlier run was --compact: resume with --compact)",
            );
          }
          const encoded = encodeRecord(record);
          if (shard) keptSizes.push(sizesOf(encoded));
          return tables?.add(encoded);
        },
      });
    } catch (e) {
      await tables?.close();
      if (!(e instanceof InputError)) throw e;
      console.error(e.message);
      return 2;
    }
    console.error(
      `resume: kept ${kept.lines} lines of ${v.jsonl}` +
        (kept.dropped > 0 ? `, dropped a partial last line (${kept.dropped} bytes)` : ""),
    );
  }
  const skip = kept?.ids;
  const corpus = streamCorpus(paths, {
    textColumn: v["text-column"],
    idField: v["id-field"],
    maxArticleBytes: Math.round(maxMb * 1024 * 1024),
  });
  const tracker = shard ? new ShardTracker(shard) : undefined;
  const items = tracker ? tracker.filter(corpus, skip) : skipArticles(corpus, skip);
  const lineIds: [number, string][] = [];
  const failedAt: number[] = [];
  const jsonl = v.jsonl === undefined
    ? undefined
    : kept
    ? await LineWriter.append(v.jsonl)
    : await LineWriter.create(v.jsonl);
  if (v.jsonl !== undefined) await Deno.writeTextFile(provenancePath(v.jsonl), provenanceText);
  const errors = v.errors === undefined ? undefined : await LineWriter.create(v.errors);
  const articles: AnalysedArticle[] = [];
  const failures: Failure[] = [];
  const notes: string[] = [];
  let analysed = 0;
  let failed = 0;
  let warned = 0;
  let bytes = 0;
  const decoder = new TextDecoder();
  for await (
    const item of analyzeStream(items, {
      workers,
      isolation: v.threads ? "thread" : undefined,
      resources: files.load,
      preloaded: files.resources,
      analyze,
      compact: v.compact,
    })
  ) {
    if ("note" in item) {
      notes.push(item.note);
      continue;
    }
    bytes += item.bytes;
    if ("record" in item) {
      analysed++;
      if (item.record.warnings > 0) warned++;
      if (tracker) {
        lineIds.push([tracker.next(), item.record.id]);
        sizes.push(sizesOf(item.record));
      }
      if (jsonl) await jsonl.bytes(item.record.line);
      else articles.push(JSON.parse(decoder.decode(item.record.line)));
      await tables?.add(item.record);
    } else {
      failed++;
      if (tracker) failedAt.push(tracker.next());
      if (errors) await errors.line(JSON.stringify(item.failure));
      if (!jsonl || !errors) failures.push(item.failure);
    }
    progress.update(analysed + failed, bytes);
  }
  progress.done();
  await jsonl?.close();
  await tables?.close();
  await errors?.close();
  if (!jsonl) {
    const doc: AnalysisDocument = {
      format: ANALYSIS_FORMAT.name,
      formatVersion: ANALYSIS_FORMAT.version,
      provenance,
      articles,
      failures,
      notes,
    };
    const json = JSON.stringify(doc, null, 2) + "\n";
    if (v.out) {
      const out = await LineWriter.create(v.out);
      await out.text(json);
      await out.close();
    } else await Deno.stdout.write(new TextEncoder().encode(json));
  }
  if (tracker && v.jsonl !== undefined) {
    // The kept lines must be this shard's first lines, in corpus order.
    const keptIds = [...(kept?.ids ?? [])];
    if (
      tracker.kept.length !== keptIds.length || tracker.kept.some(([, id], i) => id !== keptIds[i])
    ) {
      console.error(
        new InputError(
          { file: v.jsonl },
          `expected the kept lines to be the first articles of shard ${shard!.shard}/${
            shard!.of
          } of this corpus, in corpus order; ` +
            "they come from another corpus or shard: run without --resume",
        ).message,
      );
      return 2;
    }
    await writeShardRecord(v.jsonl, {
      ...shardStart(shard!),
      complete: true,
      corpus: tracker.corpus(),
      compact: v.compact ?? false,
      lines: [...tracker.kept, ...lineIds],
      sizes: [...keptSizes, ...sizes],
      failures: failedAt,
      ...(v.errors === undefined ? {} : { errors: relative(dirname(v.jsonl), v.errors) }),
      ...(v.tables === undefined
        ? {}
        : { tables: { path: relative(dirname(v.jsonl), v.tables), format: tablesFormat! } }),
    });
  }
  report({ analysed, failed, warned, failures, notes, errorsFile: v.errors });
  const keptLines = kept?.lines ?? 0;
  const outputs = [
    v.out,
    v.jsonl,
    v.jsonl === undefined ? undefined : provenancePath(v.jsonl),
    shard && v.jsonl !== undefined ? shardRecordPath(v.jsonl) : undefined,
    v.tables,
  ].filter((x) => x !== undefined);
  console.error(
    (keptLines > 0 ? `kept ${keptLines} articles from the earlier run; ` : "") +
      `read ${analysed + failed}, analysed ${analysed}, failed ${failed}` +
      (outputs.length > 0 ? ` → ${outputs.join(", ")}` : ""),
  );
  // A shard may hold no article of a small corpus: that is not a failed run.
  return analysed + keptLines === 0 && !shard ? 1 : 0;
}

function sizesOf(r: EncodedRecord): [number, number, number, number] {
  return [r.line.length, r.tables.topics.length, r.tables.stance.length, r.tables.actors.length];
}

function shardStart(spec: ShardSpec) {
  return { format: SHARD_FORMAT, assignment: SHARD_ASSIGNMENT, ...spec } as const;
}

async function writeShardRecord(jsonl: string, record: ShardRecord): Promise<void> {
  // Written whole to a temporary file, then renamed: a reader never sees half a record.
  const path = shardRecordPath(jsonl);
  await Deno.mkdir(dirname(path), { recursive: true });
  await Deno.writeTextFile(`${path}.tmp`, JSON.stringify(record) + "\n");
  await Deno.rename(`${path}.tmp`, path);
}

/**
 * A resumed run must be the same shard as the run that wrote the output (or
 * both unsharded): other articles would be kept and analysed.
 */
async function checkShardOnResume(jsonl: string, shard: ShardSpec | undefined): Promise<void> {
  const path = shardRecordPath(jsonl);
  const before = await exists(path) ? await readShardRecord(path) : undefined;
  const was = before ? `${before.shard}/${before.of}` : undefined;
  const now = shard ? `${shard.shard}/${shard.of}` : undefined;
  if (was === now) return;
  throw new InputError(
    { file: before ? path : jsonl },
    was === undefined
      ? `expected a shard output to resume with --shard ${now}; "${jsonl}" is an unsharded run's: resume without --shard`
      : `expected --shard ${was} to resume "${jsonl}" (the shard that wrote it), found ${
        now === undefined ? "no --shard" : `--shard ${now}`
      }`,
  );
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isDirectory;
  } catch {
    return false;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}

/** The corpus without the articles whose ids are in `skip` (kept from an earlier run). */
async function* skipArticles(
  items: AsyncIterable<CorpusItem>,
  skip: ReadonlySet<string> | undefined,
): AsyncGenerator<CorpusItem> {
  for await (const item of items) {
    if (skip && "article" in item && skip.has(item.article.meta.id)) continue;
    yield item;
  }
}

function report(r: {
  analysed: number;
  failed: number;
  warned: number;
  failures: Failure[];
  notes: string[];
  errorsFile?: string;
}): void {
  if (r.errorsFile !== undefined) {
    if (r.failed > 0) console.error(`failed: ${r.failed} inputs, listed in ${r.errorsFile}`);
  } else for (const f of r.failures) console.error(`failed: ${f.input}: ${f.reason}`);
  for (const n of r.notes.slice(0, MAX_NOTES_SHOWN)) console.error(`note: ${n}`);
  if (r.notes.length > MAX_NOTES_SHOWN) {
    console.error(`note: ... and ${r.notes.length - MAX_NOTES_SHOWN} more`);
  }
  if (r.warned > 0) {
    console.error(`warning: ${r.warned} articles carry warnings (see their "warnings" field)`);
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));

/** Where the provenance record of a JSONL run goes: beside it, `<file>.provenance.json`. */
export function provenancePath(jsonl: string): string {
  return `${jsonl}.provenance.json`;
}
