/**
 * Manifests: a folder's metadata for its article files, as JSON or CSV.
 *
 * @module
 */
import { z } from "zod";
import { ArticleMeta } from "../article.ts";
import { InputError } from "../errors.ts";
import { parseCsv } from "./csv.ts";

/** One manifest row: an article's metadata plus the file that holds its text. */
export const ManifestEntry = ArticleMeta.extend({
  /** The text file, relative to the manifest's folder. */
  file: z.string().min(1),
});
/** One manifest row. */
export type ManifestEntry = z.infer<typeof ManifestEntry>;

/** A manifest row that was read, or the reason it could not be. */
export type ManifestRow =
  | { ok: true; entry: ManifestEntry; place: string }
  | { ok: false; place: string; reason: string };

/**
 * Parses a manifest. JSON: an array of rows, or `{ "articles": [...] }`. CSV:
 * a header with at least `id` and `file`; `inferred` holds field names
 * separated by `;`. A row that does not fit the schema is returned as failed,
 * so one bad row never stops the others.
 *
 * @throws {InputError} When the manifest as a whole cannot be read.
 *
 * @example A row without a file is reported with its place
 * ```ts
 * import { parseManifest } from "./manifest.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const rows = parseManifest('[{"id": "a", "file": "a.txt"}, {"id": "b"}]', "manifest.json");
 * strictEqual(rows[0].ok, true);
 * strictEqual(rows[1].ok ? "" : rows[1].reason, 'expected "file": a text file name');
 * ```
 */
export function parseManifest(text: string, file: string): ManifestRow[] {
  if (file.toLowerCase().endsWith(".csv")) {
    return parseCsv(text, file).map(({ line, fields }) => {
      const raw: Record<string, unknown> = { ...fields };
      for (const [k, v] of Object.entries(fields)) if (v === "") delete raw[k];
      if (typeof raw.inferred === "string") {
        raw.inferred = raw.inferred.split(";").map((s) => s.trim()).filter(Boolean);
      }
      return checkRow(raw, `${file}: line ${line}`);
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new InputError({ file }, `expected JSON (${(cause as Error).message})`, { cause });
  }
  const rows = Array.isArray(data) ? data : (data as { articles?: unknown })?.articles;
  if (!Array.isArray(rows)) {
    throw new InputError({ file }, 'expected an array of rows or an object with "articles": [...]');
  }
  return rows.map((row, i) => checkRow(row, `${file}: articles[${i}]`));
}

function checkRow(raw: unknown, place: string): ManifestRow {
  const parsed = ManifestEntry.safeParse(raw);
  if (parsed.success) return { ok: true, entry: parsed.data, place };
  const issue = parsed.error.issues[0];
  const field = issue.path.join(".");
  const reason = field === "file"
    ? 'expected "file": a text file name'
    : field === "id"
    ? 'expected "id": a non-empty string'
    : `${field ? `"${field}": ` : ""}${issue.message}`;
  return { ok: false, place, reason };
}
