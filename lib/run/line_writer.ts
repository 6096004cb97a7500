/**
 * A buffered file writer: text and bytes are gathered into chunks of about
 * 1 MiB and written in order, so that a run holds one chunk, not its output.
 *
 * @module
 */

/**
 * Writes text to a file through a buffer.
 *
 * @example
 * ```ts
 * import { LineWriter } from "./line_writer.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const path = await Deno.makeTempFile();
 * const w = await LineWriter.create(path);
 * await w.line('{"a":1}');
 * await w.line('{"a":2}');
 * await w.close();
 * strictEqual(await Deno.readTextFile(path), '{"a":1}\n{"a":2}\n');
 * ```
 */
export class LineWriter {
  #file: Deno.FsFile;
  #parts: Uint8Array[] = [];
  #size = 0;
  #limit: number;
  #encoder = new TextEncoder();

  private constructor(file: Deno.FsFile, limit: number) {
    this.#file = file;
    this.#limit = limit;
  }

  /**
   * Creates (or empties) the file, and its folder if missing.
   *
   * @param path The file.
   * @param bufferBytes Bytes gathered before a write. @default 1 Mi
   */
  static async create(path: string, bufferBytes = 1024 * 1024): Promise<LineWriter> {
    const dir = path.replace(/[\\/][^\\/]*$/, "");
    if (dir !== path && dir !== "") await Deno.mkdir(dir, { recursive: true });
    const file = await Deno.open(path, { write: true, create: true, truncate: true });
    return new LineWriter(file, bufferBytes);
  }

  /**
   * Opens the file to add to its end (created if missing): a resumed run
   * appends to the lines it kept.
   *
   * @param path The file.
   * @param bufferBytes Bytes gathered before a write. @default 1 Mi
   */
  static async append(path: string, bufferBytes = 1024 * 1024): Promise<LineWriter> {
    const file = await Deno.open(path, { write: true, create: true, append: true });
    return new LineWriter(file, bufferBytes);
  }

  /** Adds text as it is (UTF-8). */
  async text(text: string): Promise<void> {
    await this.bytes(this.#encoder.encode(text));
  }

  /**
   * Adds bytes as they are (e.g. a line a worker encoded). The writer keeps
   * the array until it is written: do not change it.
   */
  async bytes(bytes: Uint8Array): Promise<void> {
    if (bytes.length === 0) return;
    this.#parts.push(bytes);
    this.#size += bytes.length;
    if (this.#size >= this.#limit) await this.flush();
  }

  /** Adds a line (a line break is appended). */
  async line(text: string): Promise<void> {
    await this.text(text + "\n");
  }

  /** Writes what is buffered. */
  async flush(): Promise<void> {
    if (this.#parts.length === 0) return;
    let bytes = this.#parts[0];
    if (this.#parts.length > 1) {
      bytes = new Uint8Array(this.#size);
      let n = 0;
      for (const part of this.#parts) {
        bytes.set(part, n);
        n += part.length;
      }
    }
    this.#parts = [];
    this.#size = 0;
    let at = 0;
    while (at < bytes.length) at += await this.#file.write(bytes.subarray(at));
  }

  /**
   * Appends a file's bytes as they are (after what is buffered), without
   * decoding them: the tables writer's spilled tables go in this way.
   */
  async append(path: string): Promise<void> {
    await this.flush();
    using from = await Deno.open(path, { read: true });
    const buffer = new Uint8Array(1024 * 1024);
    for (let n = await from.read(buffer); n !== null; n = await from.read(buffer)) {
      let at = 0;
      while (at < n) at += await this.#file.write(buffer.subarray(at, n));
    }
  }

  /** Writes what is buffered and closes the file. */
  async close(): Promise<void> {
    await this.flush();
    this.#file.close();
  }
}
