/**
 * Resuming an interrupted JSONL run: the complete lines already in the
 * output are kept, a partial last line is cut off, and the run goes on with
 * the articles that have no line yet.
 *
 * @module
 */
import { InputError } from "../errors.ts";
import { type ArticleRecord, recordOfLine } from "./article_record.ts";

/** What a resumed run keeps of its output. */
export interface KeptOutput {
  /** Ids of the articles whose lines were kept: these are not analysed again. */
  ids: Set<string>;
  /** Complete lines kept. */
  lines: number;
  /** Bytes of a partial last line that was cut off (0 when the file ended with a line break). */
  dropped: number;
}

/** Options for {@linkcode resumeJsonl}. */
export interface ResumeJsonlOptions {
  /**
   * The text the run's provenance file would get; the file beside the output
   * must hold the same, or the kept lines were made with other settings.
   */
  provenance: string;
  /** Where the earlier run wrote its provenance. */
  provenancePath: string;
  /** Called with each kept line's record, in order (e.g. to rebuild the tables). @default none */
  onRecord?: (record: ArticleRecord, line: number) => Promise<void> | void;
}

/**
 * Reads the JSONL output of an interrupted run, keeps its complete lines and
 * cuts off a partial last line (the file is truncated after the last line
 * break). A file that does not exist keeps nothing.
 *
 * @param path The JSONL output.
 * @param options The provenance to match and what to do with each kept line.
 * @returns The ids kept, and how many lines and bytes.
 * @throws {InputError} When the provenance beside the output is missing or
 *   differs (other lexicons or options made the kept lines), or a complete
 *   line is not an analysed article (naming the line).
 *
 * @example A partial last line is cut off
 * ```ts
 * import { resumeJsonl } from "./resume.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/p.json`, "{}\n");
 * const line = JSON.stringify({ id: "a", topics: [], stance: [], actors: [], warnings: [] });
 * await Deno.writeTextFile(`${dir}/out.jsonl`, line + '\n{"id": "b", "top');
 * const kept = await resumeJsonl(`${dir}/out.jsonl`, { provenance: "{}\n", provenancePath: `${dir}/p.json` });
 * strictEqual(kept.lines, 1);
 * strictEqual(kept.ids.has("a"), true);
 * strictEqual(await Deno.readTextFile(`${dir}/out.jsonl`), line + "\n");
 * ```
 */
export async function resumeJsonl(path: string, options: ResumeJsonlOptions): Promise<KeptOutput> {
  const kept: KeptOutput = { ids: new Set(), lines: 0, dropped: 0 };
  let file: Deno.FsFile;
  try {
    file = await Deno.open(path, { read: true, write: true });
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return kept;
    throw new InputError({ file: path }, "expected a readable JSONL output to resume", {
      cause: e,
    });
  }
  using f = file;
  await checkProvenance(path, options);
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const chunk = new Uint8Array(1024 * 1024);
  let parts: Uint8Array[] = [];
  let complete = 0; // bytes up to and including the last line break
  let offset = 0;
  for (let n = await f.read(chunk); n !== null; n = await f.read(chunk)) {
    let from = 0;
    for (let i = 0; i < n; i++) {
      if (chunk[i] !== 0x0a) continue;
      parts.push(chunk.slice(from, i));
      const bytes = concat(parts);
      parts = [];
      from = i + 1;
      complete = offset + i + 1;
      kept.lines++;
      let record: ArticleRecord;
      try {
        record = recordOfLine(decoder.decode(bytes));
        if (typeof record.id !== "string") throw new TypeError("no id");
      } catch (cause) {
        throw new InputError(
          { file: path, line: kept.lines },
          "expected one analysed article as JSON (a line the earlier run wrote)",
          { cause },
        );
      }
      kept.ids.add(record.id);
      await options.onRecord?.(record, kept.lines);
    }
    if (from < n) parts.push(chunk.slice(from, n));
    offset += n;
  }
  kept.dropped = offset - complete;
  if (kept.dropped > 0) await f.truncate(complete);
  return kept;
}

/**
 * Checks that the provenance beside a JSONL output is this run's, so that
 * the lines there may be kept (call it before any output is rewritten).
 *
 * @throws {InputError} When the provenance file is missing or differs.
 *
 * @example
 * ```ts
 * import { checkProvenance } from "./resume.ts";
 * import { rejects } from "node:assert/strict";
 *
 * const provenancePath = await Deno.makeTempFile();
 * await Deno.writeTextFile(provenancePath, '{"a": 1}\n');
 * await checkProvenance("out.jsonl", { provenance: '{"a": 1}\n', provenancePath });
 * await rejects(checkProvenance("out.jsonl", { provenance: '{"a": 2}\n', provenancePath }), {
 *   name: "InputError",
 *   file: provenancePath,
 * });
 * ```
 */
export async function checkProvenance(
  path: string,
  options: Pick<ResumeJsonlOptions, "provenance" | "provenancePath">,
): Promise<void> {
  let before: string | undefined;
  try {
    before = await Deno.readTextFile(options.provenancePath);
  } catch {
    before = undefined;
  }
  if (before === options.provenance) return;
  if (before === undefined) {
    throw new InputError(
      { file: options.provenancePath },
      `expected the provenance record of the run that wrote "${path}", to resume it`,
    );
  }
  const differ = differingFields(parseOrText(before), parseOrText(options.provenance));
  const intervals = differ.some((f) => f.startsWith("parameters.actorBootstrap"))
    ? "; analyze --compact leaves the actor intervals out unless --intervals is given"
    : "";
  throw new InputError(
    { file: options.provenancePath },
    `expected the same provenance as this run (the same lexicons and options), to resume "${path}"; ` +
      `the lines there were made with other settings (${
        differ.slice(0, 3).join(", ") || "the record's text"
      } ${differ.length === 1 ? "differs" : "differ"}${intervals}): run without --resume`,
  );
}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The dotted paths of the fields where two JSON values differ, outermost
 * first (a field that differs as a whole is not opened further).
 *
 * @example
 * ```ts
 * import { differingFields } from "./resume.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(
 *   differingFields({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { b: 2, c: [1, 3] }, d: 1, e: 0 }),
 *   ["a.b", "a.c.1", "e"],
 * );
 * ```
 */
export function differingFields(a: unknown, b: unknown, at = ""): string[] {
  const isObject = (x: unknown): x is Record<string, unknown> =>
    typeof x === "object" && x !== null;
  if (!isObject(a) || !isObject(b) || Array.isArray(a) !== Array.isArray(b)) {
    return JSON.stringify(a) === JSON.stringify(b) ? [] : [at];
  }
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.flatMap((k) => differingFields(a[k], b[k], at === "" ? k : `${at}.${k}`));
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
