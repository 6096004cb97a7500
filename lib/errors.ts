/**
 * The toolkit's one error class for bad input: it names the file, the place in
 * it and what was expected, so a researcher can fix the input without reading
 * the code.
 *
 * @module
 */

/** Where in an input the problem is: a line (1-based), a field path, or both. */
export interface InputErrorPlace {
  /** The file, or another name for the input (`"<stdin>"`, `"<string>"`). */
  file: string;
  /** 1-based line number, when the input is line-oriented. */
  line?: number;
  /** A path inside a structured record, e.g. `entries[3].term`. */
  path?: string;
}

/**
 * Bad input: a file, a line or a field that is not what the toolkit expected.
 *
 * @example Message names the file, the line and what was expected
 * ```ts
 * import { InputError } from "@framing/toolkit";
 * import { strictEqual } from "node:assert/strict";
 *
 * const err = new InputError({ file: "a.jsonl", line: 3 }, "expected a JSON object");
 * strictEqual(err.message, 'Cannot read "a.jsonl": line 3: expected a JSON object');
 * ```
 */
export class InputError extends Error {
  /** The file or input name. */
  readonly file: string;
  /** 1-based line, if known. */
  readonly line?: number;
  /** Field path, if known. */
  readonly path?: string;
  /** What was expected, in words. */
  readonly expected: string;

  /** Builds the error from the place and what was expected there. */
  constructor(place: InputErrorPlace, expected: string, options?: ErrorOptions) {
    const where = [
      place.line !== undefined ? `line ${place.line}` : undefined,
      place.path ? `${place.path}` : undefined,
    ].filter((s) => s !== undefined);
    super(`Cannot read "${place.file}": ${[...where, expected].join(": ")}`, options);
    this.name = "InputError";
    this.file = place.file;
    this.line = place.line;
    this.path = place.path;
    this.expected = expected;
  }
}
