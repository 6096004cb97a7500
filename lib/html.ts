/**
 * Escaping for the toolkit's HTML pages (the report, the coding page): text, attribute values, JSON and scripts
 * embedded in `<script>` elements. Every string that comes from an article
 * (or any input) goes through one of these before it reaches the page.
 *
 * @module
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes text for an HTML element's content or a quoted attribute value:
 * `&`, `<`, `>`, `"` and `'` become character references. Any other value is
 * turned into a string first (`null` and `undefined` into "").
 *
 * @param value The text.
 * @returns The escaped text.
 *
 * @example
 * ```ts
 * import { escapeHtml } from "./html.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(escapeHtml(`<b onclick="x('y')">&</b>`), "&lt;b onclick=&quot;x(&#39;y&#39;)&quot;&gt;&amp;&lt;/b&gt;");
 * strictEqual(escapeHtml(undefined), "");
 * ```
 */
export function escapeHtml(value: unknown): string {
  if (value === undefined || value === null) return "";
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * An attribute `name="value"` with the value escaped. The name must be a
 * plain attribute name, and never an event handler (`on...`): the report
 * sets no handlers from data.
 *
 * @param name Attribute name.
 * @param value Attribute value.
 * @returns ` name="value"`, with a leading space.
 * @throws {RangeError} If the name is not a plain name or starts with "on".
 *
 * @example
 * ```ts
 * import { attr } from "./html.ts";
 * import { strictEqual, throws } from "node:assert/strict";
 *
 * strictEqual(attr("title", 'say "hi"'), ' title="say &quot;hi&quot;"');
 * throws(() => attr("onclick", "x"), RangeError);
 * ```
 */
export function attr(name: string, value: unknown): string {
  if (!/^[a-z][a-z0-9-]*$/.test(name) || name.startsWith("on")) {
    throw new RangeError(`Attribute name must be plain and not an event handler, got "${name}"`);
  }
  return ` ${name}="${escapeHtml(value)}"`;
}

/**
 * JSON that can stand inside a `<script>` element: `<`, `>`, `&`, U+2028 and
 * U+2029 are written as `\uXXXX` escapes, so the text can never close the
 * element or open a comment, and stays valid JavaScript.
 *
 * @param value Any JSON-serialisable value.
 * @returns JSON text safe to embed.
 *
 * @example
 * ```ts
 * import { jsonForScript } from "./html.ts";
 * import { deepStrictEqual, ok } from "node:assert/strict";
 *
 * const value = { text: "</script><script>alert(1)</script> & \u2028" };
 * const json = jsonForScript(value);
 * ok(!/[<>&\u2028\u2029]/.test(json));
 * deepStrictEqual(JSON.parse(json), value);
 * ```
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * JavaScript source (a library such as plotly.js) made safe to inline in a
 * `<script>` element: `</script` and `<!--` are broken up with a backslash,
 * which leaves strings and regular expressions meaning the same.
 *
 * @param source Trusted JavaScript source.
 * @returns The source, without sequences that end or confuse a script element.
 *
 * @example
 * ```ts
 * import { scriptSource } from "./html.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(scriptSource('var s = "</script><!--";'), 'var s = "<\\/script><\\!--";');
 * ```
 */
export function scriptSource(source: string): string {
  return source.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

/**
 * An HTML table: the head cells escaped, the body cells as given (already HTML).
 *
 * @example
 * ```ts
 * import { htmlTable } from "./html.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(htmlTable(["a<b"], [["1"]]), "<table><thead><tr><th>a&lt;b</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>");
 * ```
 */
export function htmlTable(head: readonly string[], rows: readonly string[][], cls = ""): string {
  return `<table${cls ? ` class="${cls}"` : ""}><thead><tr>${
    head.map((c) => `<th>${escapeHtml(c)}</th>`).join("")
  }</tr></thead><tbody>${
    rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("\n")
  }</tbody></table>`;
}
