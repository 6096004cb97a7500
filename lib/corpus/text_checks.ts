/**
 * Checks on an article's text that the decoder cannot make: a web page saved
 * as HTML instead of text, and a script the English language model does not read.
 *
 * @module
 */
import { InputError, type InputErrorPlace } from "../errors.ts";
import { LANGUAGE_MODEL } from "../tokenize.ts";

const HTML_ROOT = /^\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i;
const HTML_TAG =
  /<\/?(?:a|b|i|p|br|hr|div|span|em|strong|li|ul|ol|table|tr|td|th|img|script|style|meta|link|h[1-6]|section|article|header|footer|nav|form|input|iframe)\b[^<>]{0,500}>/gi;
/** Tags that make a text a web page rather than text with a few stray tags. */
const MAX_TAGS = 10;

/**
 * Looks at an article's text and returns warnings for what the analysis can
 * read but may read badly. Refuses an HTML page, since its markup would be
 * counted as words and its offsets would not be those of the text a reader sees.
 *
 * @param text The article's raw text.
 * @param place Where it came from, used in the refusal.
 * @returns Warnings (none for plain English text).
 * @throws {InputError} When the text is an HTML document or carries many HTML tags.
 *
 * @example Cyrillic text is read with a warning; a web page is refused
 * ```ts
 * import { inspectText } from "./text_checks.ts";
 * import { ok, strictEqual, throws } from "node:assert/strict";
 *
 * strictEqual(inspectText("Plain English news.", { file: "a.txt" }).length, 0);
 * ok(inspectText("Президент выступил в Астане.", { file: "b.txt" })[0].includes("Cyrillic"));
 * throws(() => inspectText("<!DOCTYPE html><html><body>x</body></html>", { file: "c.txt" }), /found HTML/);
 * ```
 */
export function inspectText(text: string, place: InputErrorPlace): string[] {
  const warnings: string[] = [];
  const root = HTML_ROOT.test(text);
  const tags = text.match(HTML_TAG)?.length ?? 0;
  if (root || tags >= MAX_TAGS) {
    throw new InputError(
      place,
      `expected plain text, found HTML (${root ? "an HTML document, " : ""}${tags} tags): ` +
        "save the page as text (a browser's save-as-text, or an HTML-to-text converter) and read that",
    );
  }
  if (tags > 0) {
    warnings.push(`found ${tags} HTML tag${tags === 1 ? "" : "s"}: analysed as text`);
  }
  const script = scriptShares(text);
  if (script.letters > 0 && script.latin / script.letters < 0.8) {
    const share = (n: number) => Math.round((100 * n) / script.letters);
    const what = script.cyrillic / script.letters >= 0.2
      ? `${share(script.cyrillic)}% of the letters are Cyrillic`
      : `${share(script.letters - script.latin)}% of the letters are not Latin`;
    warnings.push(
      `${what}: the language model (${LANGUAGE_MODEL.name}) is English, so sentences, ` +
        "lemmas, lexicon matches and sentiment may be wrong or missing",
    );
  }
  return warnings;
}

/** A letter of any script but Latin. */
const NON_LATIN_LETTER = /[^\P{L}\p{Script=Latin}]/u;

function scriptShares(text: string): { letters: number; latin: number; cyrillic: number } {
  let letters = 0;
  let latin = 0;
  let cyrillic = 0;
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  // Fast path: no letter outside the Latin script (typographic quotes and
  // dashes are no letters), so no other script to report.
  if (!NON_LATIN_LETTER.test(sample)) return { letters: 0, latin: 0, cyrillic: 0 };
  for (const m of sample.matchAll(/\p{L}+/gu)) {
    const word = m[0];
    letters += word.length;
    latin += word.match(/\p{Script=Latin}/gu)?.length ?? 0;
    cyrillic += word.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  }
  return { letters, latin, cyrillic };
}
