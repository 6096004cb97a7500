/**
 * Reading bytes as article text, with clear errors for what is not text.
 *
 * @module
 */
import { InputError, type InputErrorPlace } from "../errors.ts";

/**
 * Decodes bytes as UTF-8 text and checks that they hold some text.
 *
 * A UTF-8 byte-order mark is dropped by the decoder; offsets count from the
 * first character after it.
 *
 * @param bytes The file's bytes.
 * @param file The file name, used in errors.
 * @returns The decoded text, unchanged otherwise.
 * @throws {InputError} For an empty file, whitespace only, binary data, or invalid UTF-8.
 *
 * @example Invalid UTF-8 is refused with its line
 * ```ts
 * import { decodeText } from "./read_text.ts";
 * import { throws } from "node:assert/strict";
 *
 * const bytes = new Uint8Array([0x61, 0x0a, 0x62, 0xff, 0x63]);
 * throws(() => decodeText(bytes, "a.txt"), /line 2: expected UTF-8 text, found byte 0xff/);
 * ```
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new InputError({ file }, "expected text, found an empty file");
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new InputError(
      { file, line: lineOfByte(bytes, nul) },
      "expected text, found a NUL byte (this looks like a binary file)",
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (cause) {
    const bad = firstInvalidUtf8(bytes);
    throw new InputError(
      { file, line: lineOfByte(bytes, bad) },
      `expected UTF-8 text, found byte 0x${bytes[bad].toString(16)} at byte offset ${bad}`,
      { cause },
    );
  }
  return checkText(text, { file });
}

/**
 * Checks that a string holds some text: not empty, not only whitespace, no NUL
 * and not mostly control characters (what binary data decoded as text looks like).
 *
 * @param text The text.
 * @param place Where it came from, used in errors.
 * @returns The text, unchanged.
 * @throws {InputError} For empty text, whitespace only, a NUL or many control characters.
 *
 * @example
 * ```ts
 * import { checkText } from "./read_text.ts";
 * import { strictEqual, throws } from "node:assert/strict";
 *
 * strictEqual(checkText("Hello.", { file: "a.jsonl", line: 2 }), "Hello.");
 * throws(() => checkText(" \u00a0\n", { file: "a.jsonl", line: 3 }), /line 3: expected text, found only whitespace/);
 * ```
 */
export function checkText(text: string, place: InputErrorPlace): string {
  const file = place.file;
  if (text.length === 0) throw new InputError(place, "expected text, found an empty string");
  const nul = text.indexOf("\0");
  if (nul >= 0) {
    throw new InputError(
      place.line === undefined ? { ...place, line: lineOfChar(text, nul) } : place,
      "expected text, found a NUL byte (this looks like a binary file)",
    );
  }
  if (text.trim() === "") {
    throw new InputError(place, "expected text, found only whitespace");
  }
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x01 && c <= 0x08) || (c >= 0x0e && c <= 0x1f)) controls++;
  }
  if (controls > Math.max(8, text.length * 0.01)) {
    throw new InputError(
      { ...place, file },
      `expected text, found ${controls} control characters (this looks like a binary file)`,
    );
  }
  return text;
}

/**
 * Reads a file as article text.
 *
 * @throws {InputError} As {@linkcode decodeText}, or when the file cannot be read.
 */
export async function readTextFile(path: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(path);
  } catch (cause) {
    throw new InputError({ file: path }, `expected a readable file (${errorText(cause)})`, {
      cause,
    });
  }
  return decodeText(bytes, path);
}

/** The short text of an unknown thrown value. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function lineOfChar(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < at; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

function lineOfByte(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Index of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80
      ? 0
      : b >= 0xc2 && b < 0xe0
      ? 1
      : b >= 0xe0 && b < 0xf0
      ? 2
      : b >= 0xf0 && b < 0xf5
      ? 3
      : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return Math.max(0, bytes.length - 1);
}
