/**
 * quanteda-style YAML dictionaries: a mapping of category names to lists of
 * terms, or to mappings of sub-categories, as deep as needed.
 *
 * ```yaml
 * economy:
 *   - budget*
 *   - tax rate
 * society:
 *   family: [family, children]
 *   crime: [crime*, police]
 * ```
 *
 * A nested key becomes a category whose id joins the path with `-`
 * (`society-family`) and whose label keeps it as written, joined by `.`
 * (`society.family`). Multi-word terms are written with spaces; `*` ends a
 * word as a wildcard.
 *
 * @module
 */
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { LexiconDraft } from "./_draft.ts";
import type { ImportResult, ImportTextOptions } from "./import_types.ts";

/**
 * Parses a quanteda-style YAML dictionary into a validated lexicon.
 *
 * @param text The file's text.
 * @param options Metadata, file name for errors, and leniency.
 * @returns The lexicon (one declared category per key path), source lines and notes.
 * @throws {InputError} Naming the file, the line and what was expected.
 *
 * @example
 * ```ts
 * import { parseQuantedaYaml } from "./quanteda_yaml.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const { lexicon } = parseQuantedaYaml("economy: [budget*]\nsociety:\n  family: [children]\n", {
 *   file: "d.yml",
 * });
 * deepStrictEqual(lexicon.entries.map((e) => [e.term, e.categories]), [
 *   ["budget*", ["economy"]],
 *   ["children", ["society-family"]],
 * ]);
 * deepStrictEqual(lexicon.categories?.["society-family"], { label: "society.family" });
 * ```
 */
export function parseQuantedaYaml(text: string, options: ImportTextOptions = {}): ImportResult {
  const draft: LexiconDraft = new LexiconDraft("quanteda_yaml", options);
  const counter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ""), {
    lineCounter: counter,
    prettyErrors: false,
  });
  const error = doc.errors[0];
  if (error) {
    draft.fail(
      counter.linePos(error.pos[0]).line,
      `expected valid YAML (${error.message.split("\n")[0]})`,
    );
  }
  const lineOf = (node: unknown): number => {
    const range = (node as { range?: number[] } | null)?.range;
    return range ? counter.linePos(range[0]).line : 1;
  };
  const root = doc.contents;
  if (!isMap(root)) {
    draft.fail(
      root ? lineOf(root) : 1,
      "expected a mapping of category names to lists of terms (a quanteda YAML dictionary)",
    );
  }
  const walk = (node: Node | null, path: string[], line: number): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value ?? "") : "";
        if (key.trim() === "") {
          draft.fail(lineOf(pair.key ?? node), "expected a category name as the key");
        }
        walk(pair.value as Node | null, [...path, key], lineOf(pair.key));
      }
      return;
    }
    if (isSeq(node)) {
      const id = draft.category(path);
      for (const item of node.items) {
        if (!isScalar(item) || item.value === null || typeof item.value === "object") {
          draft.fail(
            lineOf(item ?? node),
            `expected a term (a string) in the list of category ${JSON.stringify(path.join("."))}`,
          );
        }
        draft.entry(String(item.value), lineOf(item), [id]);
      }
      return;
    }
    if (isScalar(node) && node.value !== null && typeof node.value !== "object") {
      draft.entry(String(node.value), lineOf(node), [draft.category(path)]);
      return;
    }
    draft.fail(
      node ? lineOf(node) : line,
      `expected a list of terms or a mapping of sub-categories under ${
        JSON.stringify(path.join("."))
      }`,
    );
  };
  walk(root, [], 1);
  return draft.build();
}
