/**
 * The report's HTML escaping, from the core's `lib/html.ts` (the coding
 * page uses the same functions).
 *
 * @module
 */
export { attr, escapeHtml, htmlTable, jsonForScript, scriptSource } from "../html.ts";
