/**
 * The lexicons of frame evaluation: event frames (data/lexicons/event_frames.yaml),
 * political labels (data/lexicons/political_labels.yaml, read together with
 * the domain sentiment lexicon, which holds further labels), and lexicon
 * files of the user's own in the same format, read and checked so that a bad
 * entry is named with its file and line.
 *
 * @module
 */
import { z } from "zod";
import { formatPath, lineOfPath } from "../data_file.ts";
import { InputError } from "../errors.ts";
import { parseLexicon } from "../lexicon/load.ts";
import type { Lexicon } from "../lexicon/schema.ts";
import { fileVersion, SENTIMENT_LEXICON_FILES } from "./lexicons.ts";
import { type LexiconRecord, lexiconRecordSync } from "../provenance.ts";

/** The directions an event-frame entry may carry. */
export const FrameCategory = z.enum([
  "agent_positive",
  "agent_negative",
  "patient_positive",
  "patient_negative",
  "good_for",
  "bad_for",
  "away",
  "toward",
  "nominal",
]);
/** A direction of an event-frame entry. */
export type FrameCategory = z.infer<typeof FrameCategory>;

/** The category of a label entry. */
export const LABEL_CATEGORY = "label";

/** Switches of frame evaluation, and the user's own frame and label lexicons. */
export const FrameOptions = z.strictObject({
  /** Assign roles to mentions; off, every mention is `other` and only role-free evaluations remain. @default true */
  roles: z.boolean().default(true),
  /** Event frames: the view of agents and patients (kind `event`). @default true */
  events: z.boolean().default(true),
  /** Alignment predicates: away/toward the other party (kind `relation`). @default true */
  relations: z.boolean().default(true),
  /** Labels in apposition, predicate nominal or modifier (kind `label`). @default true */
  labels: z.boolean().default(true),
  /** Scare quotes around the actor or in its clause (kind `scare-quote`). @default true */
  scareQuotes: z.boolean().default(true),
  /** Paths of the user's own frame or label lexicons (JSON or YAML), looked up before the bundled ones. @default [] */
  extra: z.array(z.string()).default([]),
});
/** Frame options, defaults applied. */
export type FrameOptions = z.infer<typeof FrameOptions>;
/** Frame options as a caller writes them. */
export type FrameOptionsInput = z.input<typeof FrameOptions>;

/** The lexicons frame evaluation reads, in look-up order (the user's first). */
export interface FrameLexicons {
  /** Event-frame lexicons (entries with frame categories). */
  events: Lexicon[];
  /** Label lexicons (weights −4..+4). */
  labels: Lexicon[];
}

/** Where the bundled frame lexicons live. */
export const FRAME_LEXICON_FILES = {
  events: new URL("../../data/lexicons/event_frames.yaml", import.meta.url),
  labels: new URL("../../data/lexicons/political_labels.yaml", import.meta.url),
} as const;

const MAX_WEIGHT = 4;

/**
 * Parses and checks a frame or label lexicon. Every entry needs categories:
 * frame categories ({@linkcode FrameCategory}) with a strength `weight` in
 * (0, 4], or `label` alone with a valence `weight` on −4..+4 other than 0.
 *
 * @param text The file's text.
 * @param file The name errors give the input.
 * @returns The entries with frame categories and those with `label`, as two lexicons.
 * @throws {InputError} Naming the file, line and entry of the first bad entry.
 *
 * @example A label without a weight is named with its line
 * ```ts
 * import { parseFrameLexicon } from "./frame_lexicons.ts";
 * import { strictEqual, throws } from "node:assert/strict";
 *
 * const head = "name: mine\nversion: 1.0.0\ndescription: d\nsource: s\nlicence: CC0-1.0\nlanguage: en\nentries:\n";
 * const ok = parseFrameLexicon(head + "  - { term: stooge, categories: [label], weight: -3 }\n", "mine.yaml");
 * strictEqual(ok.labels?.entries.length, 1);
 * throws(
 *   () => parseFrameLexicon(head + "  - { term: a, categories: [label], weight: 1 }\n  - { term: stooge, categories: [label] }\n", "mine.yaml"),
 *   { name: "InputError", line: 9, path: "entries[1].weight" },
 * );
 * ```
 */
export function parseFrameLexicon(
  text: string,
  file: string,
): { events?: Lexicon; labels?: Lexicon } {
  const lexicon = parseLexicon(text, { file, format: file.endsWith(".json") ? "json" : "yaml" });
  const fail = (path: (string | number)[], expected: string): never => {
    throw new InputError(
      { file, line: lineOfPath(text, path), path: formatPath(path) },
      expected,
    );
  };
  const frameNames = new Set<string>(FrameCategory.options);
  const events: Lexicon["entries"] = [];
  const labels: Lexicon["entries"] = [];
  lexicon.entries.forEach((entry, i) => {
    const categories = entry.categories;
    if (!categories) {
      return fail(
        ["entries", i],
        `expected "categories": "${LABEL_CATEGORY}" or some of ${FrameCategory.options.join(", ")}`,
      );
    }
    const isLabel = categories.includes(LABEL_CATEGORY);
    categories.forEach((c, j) => {
      if (isLabel ? c !== LABEL_CATEGORY : !frameNames.has(c)) {
        fail(
          ["entries", i, "categories", j],
          isLabel
            ? `expected "${LABEL_CATEGORY}" alone (a label is not also an event frame), got ${
              JSON.stringify(c)
            }`
            : `expected one of ${FrameCategory.options.join(", ")} or "${LABEL_CATEGORY}", got ${
              JSON.stringify(c)
            }`,
        );
      }
    });
    const w = entry.weight;
    if (isLabel) {
      if (w === undefined || !(Math.abs(w) <= MAX_WEIGHT) || w === 0) {
        fail(["entries", i, "weight"], "expected a label's valence from -4 to 4, other than 0");
      }
      labels.push(entry);
    } else {
      if (w === undefined || !(w > 0 && w <= MAX_WEIGHT)) {
        fail(
          ["entries", i, "weight"],
          "expected a frame's strength above 0 and at most 4 (the category gives the direction)",
        );
      }
      if (categories.every((c) => c === "nominal")) {
        fail(["entries", i, "categories"], 'expected a direction besides "nominal"');
      }
      events.push(entry);
    }
  });
  const part = (entries: Lexicon["entries"]): Lexicon | undefined =>
    entries.length > 0 ? { ...lexicon, entries } : undefined;
  return { events: part(events), labels: part(labels) };
}

/**
 * The lexicon of the domain sentiment file read as labels: its entries with
 * a weight other than 0, in category `label`.
 */
function domainAsLabels(): Lexicon {
  const url = SENTIMENT_LEXICON_FILES.domain;
  const lexicon = parseLexicon(Deno.readTextFileSync(url), { file: url.pathname });
  return {
    ...lexicon,
    categories: { label: { label: "Domain evaluative word used as a label" } },
    entries: lexicon.entries
      .filter((e) => e.weight !== undefined && e.weight !== 0)
      .map((e) => ({ ...e, categories: [LABEL_CATEGORY] })),
  };
}

let bundled: { events: Lexicon; labels: Lexicon; domain: Lexicon } | undefined;

/**
 * The bundled frame lexicons, read once: event frames, political labels,
 * and the domain sentiment lexicon as a second label source.
 *
 * @example
 * ```ts
 * import { bundledFrameLexicons } from "./frame_lexicons.ts";
 * import { ok, strictEqual } from "node:assert/strict";
 *
 * const b = bundledFrameLexicons();
 * strictEqual(b.events.name, "event_frames");
 * ok(b.events.entries.length > 200);
 * strictEqual(b.labels.name, "political_labels");
 * ```
 */
export function bundledFrameLexicons(): { events: Lexicon; labels: Lexicon; domain: Lexicon } {
  if (bundled) return bundled;
  const read = (url: URL) => parseLexicon(Deno.readTextFileSync(url), { file: url.pathname });
  bundled = {
    events: read(FRAME_LEXICON_FILES.events),
    labels: read(FRAME_LEXICON_FILES.labels),
    domain: domainAsLabels(),
  };
  return bundled;
}

const fileCache = new Map<string, { events?: Lexicon; labels?: Lexicon; lexicon: Lexicon }>();

/**
 * Reads a frame or label lexicon file of the user's (cached until the file changes).
 *
 * @throws {InputError} When the file cannot be read or an entry is bad (see {@linkcode parseFrameLexicon}).
 */
export function frameLexiconFile(
  path: string,
): { events?: Lexicon; labels?: Lexicon; lexicon: Lexicon } {
  const key = `${fileVersion(path)} ${path}`;
  const cached = fileCache.get(key);
  if (cached) return cached;
  let text: string;
  try {
    text = Deno.readTextFileSync(path);
  } catch (cause) {
    throw new InputError({ file: path }, "expected a readable frame or label lexicon file", {
      cause,
    });
  }
  const parts = parseFrameLexicon(text, path);
  const read = {
    ...parts,
    lexicon: parseLexicon(text, { file: path, format: path.endsWith(".json") ? "json" : "yaml" }),
  };
  fileCache.set(key, read);
  return read;
}

/**
 * The provenance record of a frame or label lexicon file of the user's (role
 * `frames_extra`), with the SHA-256 of its validated content.
 *
 * @throws {InputError} As {@linkcode frameLexiconFile}.
 */
export function frameLexiconFileRecord(path: string): LexiconRecord {
  return lexiconRecordSync("frames_extra", frameLexiconFile(path).lexicon);
}

/**
 * The lexicons of a run: the user's files first (in the order given), then
 * the bundled ones. Label sources: the user's, political labels, the domain
 * sentiment lexicon.
 *
 * @throws {InputError} When a user's file cannot be read or has a bad entry.
 *
 * @example
 * ```ts
 * import { frameLexicons } from "./frame_lexicons.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const l = frameLexicons();
 * deepStrictEqual(l.labels.map((x) => x.name), ["political_labels", "sentiment_domain"]);
 * ```
 */
export function frameLexicons(options: { extra?: readonly string[] } = {}): FrameLexicons {
  const b = bundledFrameLexicons();
  const events: Lexicon[] = [];
  const labels: Lexicon[] = [];
  for (const path of options.extra ?? []) {
    const read = frameLexiconFile(path);
    if (read.events) events.push(read.events);
    if (read.labels) labels.push(read.labels);
  }
  return { events: [...events, b.events], labels: [...labels, b.labels, b.domain] };
}
