/**
 * The analysis document as JSON text in pieces, one article at a time, so
 * that `analysis.json` of a large corpus is written without holding its text
 * whole.
 *
 * @module
 */
import type { AnalysisDocument } from "../analysis.ts";

/**
 * The text of `JSON.stringify(doc, null, 2) + "\n"`, in pieces: the document
 * around its articles, and each article.
 *
 * @param doc The analysis document.
 * @returns Pieces whose concatenation is that text, byte for byte.
 *
 * @example The pieces make the document's JSON
 * ```ts
 * import { documentJsonPieces } from "./document_json.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const doc = {
 *   format: "f", formatVersion: 1, provenance: {}, failures: [], notes: ["a\nb"],
 *   articles: [{ id: "a", topics: [{ hits: 1 }] }, { id: "b", topics: [] }],
 * } as never;
 * strictEqual([...documentJsonPieces(doc)].join(""), JSON.stringify(doc, null, 2) + "\n");
 * const empty = { format: "f", articles: [], notes: [] } as never;
 * strictEqual([...documentJsonPieces(empty)].join(""), JSON.stringify(empty, null, 2) + "\n");
 * ```
 */
export function* documentJsonPieces(doc: AnalysisDocument): Generator<string> {
  if (doc.articles.length === 0) {
    yield JSON.stringify(doc, null, 2) + "\n";
    return;
  }
  // The document with a marker in the articles' place, which keeps the order of its keys.
  const marker = `\u0000articles ${crypto.randomUUID()}`;
  const outer = JSON.stringify({ ...doc, articles: marker }, null, 2);
  const at = outer.indexOf(JSON.stringify(marker));
  yield outer.slice(0, at) + "[\n";
  for (const [i, article] of doc.articles.entries()) {
    // An article is an element of an array two levels down: indented by four spaces.
    yield (i > 0 ? ",\n    " : "    ") +
      JSON.stringify(article, null, 2).replaceAll("\n", "\n    ");
  }
  yield "\n  ]" + outer.slice(at + JSON.stringify(marker).length) + "\n";
}
