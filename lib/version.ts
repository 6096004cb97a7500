/**
 * The toolkit's name and version, recorded in every output.
 *
 * @module
 */

/** Name and version of this toolkit (kept equal to `deno.json`'s by a test). */
export const TOOLKIT = { name: "@framing/toolkit", version: "0.1.0" } as const;
