/**
 * Writing output files whole or not at all: the bytes go to a temporary file
 * beside the target, which is renamed over it only once they are all
 * written. A run that fails half-way leaves no truncated or zero-byte file,
 * and a file from an earlier run is replaced in one step.
 *
 * @module
 */
import { basename, dirname, join } from "node:path";

/**
 * Writes `data` to `path` through a temporary file and a rename.
 *
 * @param path The target file.
 * @param data Text or bytes, or pieces of text written one after another (so
 * that a large file is never held whole); empty content is refused.
 * @throws {RangeError} When `data` is empty (an empty figure or table is a
 * failure to report, not a file to write).
 *
 * @example
 * ```ts
 * import { writeFileAtomic } from "./atomic_write.ts";
 * import { rejects, strictEqual } from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * await writeFileAtomic(`${dir}/a.txt`, "hello");
 * strictEqual(await Deno.readTextFile(`${dir}/a.txt`), "hello");
 * await rejects(writeFileAtomic(`${dir}/b.png`, new Uint8Array()), /empty/);
 * strictEqual([...Deno.readDirSync(dir)].length, 1);
 * await writeFileAtomic(`${dir}/c.txt`, ["hel", "lo"]);
 * strictEqual(await Deno.readTextFile(`${dir}/c.txt`), "hello");
 * await rejects(writeFileAtomic(`${dir}/d.txt`, ["", ""]), /empty/);
 * strictEqual([...Deno.readDirSync(dir)].length, 2);
 * ```
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array | Iterable<string>,
): Promise<void> {
  const bytes = typeof data === "string"
    ? new TextEncoder().encode(data)
    : data instanceof Uint8Array
    ? data
    : undefined;
  if (bytes?.length === 0) {
    throw new RangeError(`Cannot write "${path}": the content is empty`);
  }
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${crypto.randomUUID().slice(0, 8)}.partial`,
  );
  try {
    if (bytes) await Deno.writeFile(temporary, bytes);
    else if ((await writePieces(temporary, data as Iterable<string>)) === 0) {
      throw new RangeError(`Cannot write "${path}": the content is empty`);
    }
    await Deno.rename(temporary, path);
  } catch (error) {
    await Deno.remove(temporary).catch(() => undefined);
    throw error;
  }
}

/** Writes pieces of text to a new file, about 1 MiB at a time; returns the bytes written. */
async function writePieces(path: string, pieces: Iterable<string>): Promise<number> {
  using file = await Deno.open(path, { write: true, createNew: true });
  const encoder = new TextEncoder();
  let buffered: string[] = [];
  let length = 0;
  let written = 0;
  const flush = async () => {
    const bytes = encoder.encode(buffered.join(""));
    for (let at = 0; at < bytes.length;) at += await file.write(bytes.subarray(at));
    written += bytes.length;
    buffered = [];
    length = 0;
  };
  for (const piece of pieces) {
    buffered.push(piece);
    length += piece.length;
    if (length >= 1 << 20) await flush();
  }
  await flush();
  return written;
}

/**
 * Removes a file if it is there (a stale output of an earlier run whose
 * replacement failed), and ignores its absence.
 *
 * @param path The file.
 *
 * @example
 * ```ts
 * import { removeIfPresent } from "./atomic_write.ts";
 *
 * await removeIfPresent(`${await Deno.makeTempDir()}/never-written.svg`);
 * ```
 */
export async function removeIfPresent(path: string): Promise<void> {
  try {
    await Deno.remove(path);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
}
