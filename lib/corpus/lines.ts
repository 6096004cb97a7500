/**
 * Reading a file line by line as bytes, holding one line at a time.
 *
 * @module
 */

/** A line of a file: its bytes (without the line break), or only its length when too long. */
export type ByteLine =
  | { line: number; bytes: Uint8Array }
  | { line: number; tooLong: number };

/** Options for {@linkcode readByteLines}. */
export interface ReadByteLinesOptions {
  /** Lines longer than this are skipped and reported by length. @default 8 MiB */
  maxLineBytes?: number;
  /** Bytes read at a time. @default 1 MiB */
  chunkBytes?: number;
}

/** Default longest line (and article) in bytes: 8 MiB. */
export const MAX_ARTICLE_BYTES = 8 * 1024 * 1024;

/**
 * Yields the lines of a file, split at `\n` with a trailing `\r` dropped.
 * Memory holds one chunk plus the current line; a line over `maxLineBytes`
 * is not kept, only counted. A last line without a line break is yielded
 * too; an empty file yields nothing.
 *
 * @param path The file.
 * @returns The lines, numbered from 1.
 *
 * @example
 * ```ts
 * import { readByteLines } from "./lines.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const file = await Deno.makeTempFile();
 * await Deno.writeTextFile(file, "a\r\nbbbbbbbb\nc");
 * const lines = await Array.fromAsync(readByteLines(file, { maxLineBytes: 4 }));
 * deepStrictEqual(lines, [
 *   { line: 1, bytes: new TextEncoder().encode("a") },
 *   { line: 2, tooLong: 8 },
 *   { line: 3, bytes: new TextEncoder().encode("c") },
 * ]);
 * ```
 */
export async function* readByteLines(
  path: string,
  options: ReadByteLinesOptions = {},
): AsyncGenerator<ByteLine> {
  const max = options.maxLineBytes ?? MAX_ARTICLE_BYTES;
  const chunk = new Uint8Array(options.chunkBytes ?? 1024 * 1024);
  using file = await Deno.open(path, { read: true });
  let parts: Uint8Array[] = [];
  let length = 0;
  let line = 1;
  let tooLong = false;
  const finish = (): ByteLine => {
    let out: ByteLine;
    if (tooLong) out = { line, tooLong: length };
    else {
      let bytes = concat(parts, length);
      if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, -1);
      out = { line, bytes };
    }
    parts = [];
    length = 0;
    tooLong = false;
    line++;
    return out;
  };
  while (true) {
    const n = await file.read(chunk);
    if (n === null) break;
    let from = 0;
    while (from < n) {
      const nl = chunk.subarray(from, n).indexOf(0x0a);
      const to = nl < 0 ? n : from + nl;
      length += to - from;
      if (length > max) {
        tooLong = true;
        parts = [];
      } else parts.push(chunk.slice(from, to));
      if (nl < 0) break;
      yield finish();
      from = to + 1;
    }
  }
  if (length > 0 || parts.length > 0) yield finish();
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
