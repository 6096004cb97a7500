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

/**
 * The category of a theme entry: a state of affairs with the valence of
 * having more of it (pollution −, jobs +), read in the object of a good-for
 * or bad-for act ("cut pollution").
 */
export const THEME_CATEGORY = "theme";

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
  /**
   * Themes: an agent that raises or lowers a state of affairs shares its
   * valence ("cut pollution", "destroyed jobs"; kind `event`, rule `theme`).
   * Needs `events`. @default true
   */
  themes: z.boolean().default(true),
  /** Paths of the user's own frame, label or theme lexicons (JSON or YAML), looked up before the bundled ones. @default [] */
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
  /** Theme lexicons (weights −4..+4: the valence of having more of it). */
  themes: Lexicon[];
}

/** Where the bundled frame lexicons live. */
export const FRAME_LEXICON_FILES = {
  events: new URL("../../data/lexicons/event_frames.yaml", import.meta.url),
  labels: new URL("../../data/lexicons/political_labels.yaml", import.meta.url),
  themes: new URL("../../data/lexicons/themes.yaml", import.meta.url),
} as const;

const MAX_WEIGHT = 4;

/**
 * Parses and checks a frame, label or theme lexicon. Every entry needs
 * categories: frame categories ({@linkcode FrameCategory}) with a strength
 * `weight` in (0, 4], or `label` or `theme` alone with a valence `weight` on
 * −4..+4 other than 0.
 *
 * @param text The file's text.
 * @param file The name errors give the input.
 * @returns The entries with frame categories, those with `label` and those with `theme`, as up to three lexicons.
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
): { events?: Lexicon; labels?: Lexicon; themes?: Lexicon } {
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
  const themes: Lexicon["entries"] = [];
  lexicon.entries.forEach((entry, i) => {
    const categories = entry.categories;
    if (!categories) {
      return fail(
        ["entries", i],
        `expected "categories": "${LABEL_CATEGORY}", "${THEME_CATEGORY}" or some of ${
          FrameCategory.options.join(", ")
        }`,
      );
    }
    // A label or a theme stands alone; frame categories combine.
    const single = categories.includes(LABEL_CATEGORY)
      ? LABEL_CATEGORY
      : categories.includes(THEME_CATEGORY)
      ? THEME_CATEGORY
      : undefined;
    categories.forEach((c, j) => {
      if (single ? c !== single : !frameNames.has(c)) {
        fail(
          ["entries", i, "categories", j],
          single
            ? `expected "${single}" alone (a ${single} is not also an event frame or another kind), got ${
              JSON.stringify(c)
            }`
            : `expected one of ${
              FrameCategory.options.join(", ")
            }, "${LABEL_CATEGORY}" or "${THEME_CATEGORY}", got ${JSON.stringify(c)}`,
        );
      }
    });
    const w = entry.weight;
    if (single) {
      if (w === undefined || !(Math.abs(w) <= MAX_WEIGHT) || w === 0) {
        fail(["entries", i, "weight"], `expected a ${single}'s valence from -4 to 4, other than 0`);
      }
      (single === LABEL_CATEGORY ? labels : themes).push(entry);
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
  return { events: part(events), labels: part(labels), themes: part(themes) };
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

/** The bundled lexicons of frame evaluation. */
interface BundledFrameLexicons {
  events: Lexicon;
  labels: Lexicon;
  domain: Lexicon;
  themes: Lexicon;
}

let bundled: BundledFrameLexicons | undefined;

/**
 * The bundled frame lexicons, read once: event frames, political labels,
 * the domain sentiment lexicon as a second label source, and themes.
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
 * ok(b.themes.entries.every((e) => e.categories?.join() === "theme"));
 * ```
 */
export function bundledFrameLexicons(): BundledFrameLexicons {
  if (bundled) return bundled;
  const read = (url: URL) => parseLexicon(Deno.readTextFileSync(url), { file: url.pathname });
  bundled = {
    events: read(FRAME_LEXICON_FILES.events),
    labels: read(FRAME_LEXICON_FILES.labels),
    domain: domainAsLabels(),
    themes: read(FRAME_LEXICON_FILES.themes),
  };
  return bundled;
}

/** A user's frame lexicon file: its parts, and the whole file for provenance. */
interface FrameLexiconFile {
  events?: Lexicon;
  labels?: Lexicon;
  themes?: Lexicon;
  lexicon: Lexicon;
}

const fileCache = new Map<string, FrameLexiconFile>();

/**
 * Reads a frame, label or theme lexicon file of the user's (cached until the file changes).
 *
 * @throws {InputError} When the file cannot be read or an entry is bad (see {@linkcode parseFrameLexicon}).
 */
export function frameLexiconFile(path: string): FrameLexiconFile {
  const key = `${fileVersion(path)} ${path}`;
  const cached = fileCache.get(key);
  if (cached) return cached;
  let text: string;
  try {
    text = Deno.readTextFileSync(path);
  } catch (cause) {
    throw new InputError({ file: path }, "expected a readable frame, label or theme lexicon file", {
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
 * The provenance record of a frame, label or theme lexicon file of the user's (role
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
 * sentiment lexicon; theme sources: the user's, then the bundled themes.
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
 * deepStrictEqual(l.themes.map((x) => x.name), ["themes"]);
 * ```
 */
export function frameLexicons(options: { extra?: readonly string[] } = {}): FrameLexicons {
  const b = bundledFrameLexicons();
  const events: Lexicon[] = [];
  const labels: Lexicon[] = [];
  const themes: Lexicon[] = [];
  for (const path of options.extra ?? []) {
    const read = frameLexiconFile(path);
    if (read.events) events.push(read.events);
    if (read.labels) labels.push(read.labels);
    if (read.themes) themes.push(read.themes);
  }
  return {
    events: [...events, b.events],
    labels: [...labels, b.labels, b.domain],
    themes: [...themes, b.themes],
  };
}
