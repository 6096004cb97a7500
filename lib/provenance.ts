/**
 * Provenance: what made the numbers of an output — the toolkit's version,
 * every lexicon (name, version, source, licence and a hash of its content),
 * the language model, and every parameter. Two runs on the same inputs give
 * the same record: nothing in it depends on the time or the machine.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import type { ActorLexicon } from "./actors/schema.ts";
import type { Lexicon } from "./lexicon/schema.ts";

/** One lexicon that took part in an analysis. */
export const LexiconRecord = z.object({
  /** What the lexicon is used for: topics, stance, reporting, actors, sentiment_general, ... */
  role: z.string(),
  name: z.string(),
  version: z.string(),
  source: z.string(),
  licence: z.string(),
  /** Entries (or actors, for an actor lexicon). */
  entries: z.number().int().nonnegative(),
  /** SHA-256 of the lexicon's content as validated (canonical JSON, keys sorted). */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
/** One lexicon that took part in an analysis. */
export type LexiconRecord = z.infer<typeof LexiconRecord>;

/** A fitted model that took part in an analysis (e.g. the trained target-sentiment model). */
export const ModelRecord = z.object({
  /** What the model is used for: `target_sentiment`. */
  role: z.string(),
  name: z.string(),
  version: z.string(),
  /** The weights file, relative to the repository root. */
  file: z.string(),
  /** SHA-256 of the weights file's bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Features with weights. */
  features: z.number().int().nonnegative(),
  /** The training data and the SHA-256 of its file. */
  training: z.object({ data: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
});
/** A fitted model that took part in an analysis. */
export type ModelRecord = z.infer<typeof ModelRecord>;

/** What made the numbers of an output. */
export const Provenance = z.object({
  toolkit: z.object({ name: z.string(), version: z.string() }),
  languageModel: z.object({
    name: z.string(),
    version: z.string(),
    library: z.string(),
    libraryVersion: z.string(),
  }),
  lexicons: z.array(LexiconRecord),
  /** Fitted models (weights files) that took part; absent in documents made before they existed. */
  models: z.array(ModelRecord).optional(),
  /** Every parameter of the run, defaults included. */
  parameters: z.record(z.string(), z.unknown()),
});
/** What made the numbers of an output. */
export type Provenance = z.infer<typeof Provenance>;

/**
 * JSON with object keys sorted at every level: the same value always gives
 * the same text.
 *
 * @example
 * ```ts
 * import { canonicalJson } from "./provenance.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }), '{"a":[{"c":3,"d":2}],"b":1}');
 * ```
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, v) =>
      v && typeof v === "object" && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v,
  );
}

/** Hex SHA-256 of a string's UTF-8 bytes. */
export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The provenance record of a lexicon.
 *
 * @example The hash changes when an entry changes
 * ```ts
 * import { lexiconRecord } from "./provenance.ts";
 * import { parseLexicon } from "@framing/toolkit/lexicon";
 * import { notStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const yaml = "name: demo\nversion: 1.0.0\ndescription: d\nsource: s\nlicence: CC0-1.0\nlanguage: en\nentries:\n  - term: gas\n";
 * const a = await lexiconRecord("topics", parseLexicon(yaml));
 * const b = await lexiconRecord("topics", parseLexicon(yaml.replace("gas", "oil")));
 * strictEqual(a.entries, 1);
 * notStrictEqual(a.sha256, b.sha256);
 * ```
 */
export function lexiconRecord(
  role: string,
  lexicon: Lexicon | ActorLexicon,
): Promise<LexiconRecord> {
  return Promise.resolve(lexiconRecordSync(role, lexicon));
}

/** {@linkcode lexiconRecord}, computed at once (for callers that cannot wait). */
export function lexiconRecordSync(role: string, lexicon: Lexicon | ActorLexicon): LexiconRecord {
  return {
    role,
    name: lexicon.name,
    version: lexicon.version,
    source: lexicon.source,
    licence: lexicon.licence,
    entries: "actors" in lexicon ? lexicon.actors.length : lexicon.entries.length,
    sha256: createHash("sha256").update(canonicalJson(lexicon)).digest("hex"),
  };
}
