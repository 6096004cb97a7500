/**
 * The lexicons an analysis uses, loaded and validated once per run.
 *
 * @module
 */
import { loadActors } from "./actors/load.ts";
import type { ActorLexicon } from "./actors/schema.ts";
import { loadLexicon } from "./lexicon/load.ts";
import type { Lexicon } from "./lexicon/schema.ts";
import { type LexiconRecord, lexiconRecord } from "./provenance.ts";
import { SENTIMENT_LEXICON_FILES } from "./sentiment/lexicons.ts";
import { loadStanceLexicons } from "./stance/lexicons.ts";
import type { StanceLexicons } from "./stance/lexicons.ts";

/** Paths of the toolkit's own lexicons. */
export const DEFAULT_LEXICONS = {
  topics: new URL("../data/lexicons/topics.yaml", import.meta.url).pathname,
  actors: new URL("../data/lexicons/actors.yaml", import.meta.url).pathname,
} as const;

/** The validated lexicons of one run. */
export interface AnalysisResources {
  topics: Lexicon;
  stance: StanceLexicons;
  actors: ActorLexicon;
  /** Provenance of every lexicon above and of the sentiment lexicons, in a fixed order. */
  lexicons: LexiconRecord[];
}

/** Other lexicon files to use instead of the toolkit's own. */
export interface LoadResourcesOptions {
  /** Topic lexicon. @default DEFAULT_LEXICONS.topics */
  topics?: string;
  /** Actor lexicon. @default DEFAULT_LEXICONS.actors */
  actors?: string;
  /** Stance lexicon. @default the toolkit's stance.yaml */
  stance?: string;
  /** Reporting-verb lexicon, or false for none. @default the toolkit's reporting_verbs.yaml */
  reporting?: string | false;
}

/**
 * Loads and validates the lexicons of a run.
 *
 * @throws {InputError} When a lexicon file is missing or breaks its schema.
 *
 * @example
 * ```ts
 * import { loadResources } from "../lib/mod.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const r = await loadResources();
 * strictEqual(r.topics.name, "topics");
 * ```
 */
export async function loadResources(
  options: LoadResourcesOptions = {},
): Promise<AnalysisResources> {
  const [topics, actors, stance] = await Promise.all([
    loadLexicon(options.topics ?? DEFAULT_LEXICONS.topics),
    loadActors(options.actors ?? DEFAULT_LEXICONS.actors),
    loadStanceLexicons({ stance: options.stance, reporting: options.reporting }),
  ]);
  const records = [
    lexiconRecord("topics", topics),
    lexiconRecord("stance", stance.stance),
    ...(stance.reporting ? [lexiconRecord("reporting", stance.reporting)] : []),
    lexiconRecord("actors", actors),
    ...Object.entries(SENTIMENT_LEXICON_FILES).map(async ([which, url]) =>
      lexiconRecord(`sentiment_${which}`, await loadLexicon(url.pathname))
    ),
  ];
  return { topics, actors, stance, lexicons: await Promise.all(records) };
}
