/**
 * Length-prefixed frames for talking to an analysis process over a pipe: a
 * frame is a 4-byte big-endian length, a JSON header of that many bytes, then
 * the byte blocks the header's `sizes` announce, one after another. Records
 * travel as the bytes the writer will write, so the parent neither parses nor
 * re-encodes them.
 *
 * @module
 */

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** A frame: a JSON header and byte blocks. */
export interface Frame {
  /** Anything JSON can carry; `sizes` is added on writing. */
  header: Record<string, unknown>;
  /** The byte blocks, in order. */
  blocks: Uint8Array[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * One frame as bytes.
 *
 * @example
 * ```ts
 * import { encodeFrame, FrameReader } from "./_frames.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const bytes = encodeFrame({ header: { seq: 3 }, blocks: [new Uint8Array([1, 2])] });
 * const reader = new FrameReader();
 * reader.push(bytes.subarray(0, 5));
 * deepStrictEqual(reader.next(), undefined);
 * reader.push(bytes.subarray(5));
 * deepStrictEqual(reader.next(), {
 *   header: { seq: 3, sizes: [2] },
 *   blocks: [new Uint8Array([1, 2])],
 * });
 * ```
 */
export function encodeFrame(frame: Frame): Uint8Array {
  const header = encoder.encode(
    JSON.stringify({ ...frame.header, sizes: frame.blocks.map((b) => b.length) }),
  );
  let total = 4 + header.length;
  for (const b of frame.blocks) total += b.length;
  const out = new Uint8Array(total);
  new DataView(out.buffer).setUint32(0, header.length);
  out.set(header, 4);
  let at = 4 + header.length;
  for (const b of frame.blocks) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

/**
 * Reassembles frames from chunks as a pipe delivers them (a frame may span
 * chunks, a chunk may hold several frames).
 */
export class FrameReader {
  #chunks: Uint8Array[] = [];
  #length = 0;
  /** The header of the frame being received, once its bytes are in. */
  #head: { header: Record<string, unknown>; offset: number; total: number } | undefined;

  /** Adds a chunk read from the pipe. */
  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.#chunks.push(chunk);
    this.#length += chunk.length;
  }

  /** Bytes received that are not yet part of a whole frame. */
  get pending(): number {
    return this.#length;
  }

  /**
   * The next whole frame, or `undefined` until its last byte has arrived.
   *
   * @throws {SyntaxError} When a header is not a JSON object with `sizes`.
   */
  next(): Frame | undefined {
    if (this.#head === undefined) {
      if (this.#length < 4) return undefined;
      const length = this.#peek(4);
      const headerLength = new DataView(length.buffer, length.byteOffset, 4).getUint32(0);
      if (this.#length < 4 + headerLength) return undefined;
      const head = this.#peek(4 + headerLength).subarray(4);
      const header = JSON.parse(decoder.decode(head));
      if (
        typeof header !== "object" || header === null || !Array.isArray(header.sizes) ||
        !header.sizes.every((n: unknown) => Number.isInteger(n) && (n as number) >= 0)
      ) {
        throw new SyntaxError(
          `Cannot read a frame header: expected "sizes", found ${head.length} bytes`,
        );
      }
      const sizes = header.sizes as number[];
      this.#head = { header, offset: 4 + headerLength, total: 4 + headerLength + sum(sizes) };
    }
    // The header is read once; the body may still be arriving.
    const { header, offset, total } = this.#head;
    if (this.#length < total) return undefined;
    this.#head = undefined;
    const all = this.#take(total);
    const blocks: Uint8Array[] = [];
    let at = offset;
    for (const n of header.sizes as number[]) {
      blocks.push(all.subarray(at, at + n));
      at += n;
    }
    return { header, blocks };
  }

  /**
   * The first `n` buffered bytes, without consuming them: a view of the
   * first chunk when it holds them, else a copy joined from the chunks.
   */
  #peek(n: number): Uint8Array {
    if (this.#chunks[0].length >= n) return this.#chunks[0].subarray(0, n);
    const out = new Uint8Array(n);
    let at = 0;
    for (const c of this.#chunks) {
      const part = c.subarray(0, n - at);
      out.set(part, at);
      at += part.length;
      if (at === n) break;
    }
    return out;
  }

  /** Removes and returns the first `n` buffered bytes. */
  #take(n: number): Uint8Array {
    const out = this.#peek(n);
    let left = n;
    while (left > 0) {
      const c = this.#chunks[0];
      if (c.length <= left) {
        this.#chunks.shift();
        left -= c.length;
      } else {
        this.#chunks[0] = c.subarray(left);
        left = 0;
      }
    }
    this.#length -= n;
    return out;
  }
}
