/**
 * The lexicons an analysis uses, loaded and validated once per run.
 *
 * @module
 */
import { mergeActorFiles } from "./actors/merge.ts";
import type { ActorLexicon } from "./actors/schema.ts";
import { InputError } from "./errors.ts";
import { loadLexicon } from "./lexicon/load.ts";
import type { Lexicon } from "./lexicon/schema.ts";
import { type LexiconRecord, lexiconRecord } from "./provenance.ts";
import { SENTIMENT_LEXICON_FILES } from "./sentiment/lexicons.ts";
import {
  bundledFrameLexicons,
  type FrameLexicons,
  frameLexicons,
} from "./sentiment/frame_lexicons.ts";
import { loadStanceLexicons } from "./stance/lexicons.ts";
import type { StanceLexicons } from "./stance/lexicons.ts";
import { resolveSentimentOptions } from "./sentiment/sentence_sentiment.ts";
import { resolveSpanSentimentOptions } from "./sentiment/span_sentiment.ts";
import { packWeights } from "./sentiment/target_features.ts";
import { loadTargetModel } from "./sentiment/target_model.ts";
import { activeLexicons } from "./sentiment/valence.ts";
import { loadLanguageModel } from "./tokenize.ts";

/** Paths of the toolkit's own lexicons. */
export const DEFAULT_LEXICONS = {
  topics: new URL("../data/lexicons/topics.yaml", import.meta.url).pathname,
  actors: new URL("../data/lexicons/actors.yaml", import.meta.url).pathname,
} as const;

/** The validated lexicons of one run. */
export interface AnalysisResources {
  /** The topic lexicon. */
  topics: Lexicon;
  /** Further topic-like lexicons a researcher added; each gives rows in `topics`. */
  extra: Lexicon[];
  stance: StanceLexicons;
  actors: ActorLexicon;
  /** The bundled event-frame and label lexicons (`frameLexicons()`; a user's own are added per run). */
  frames: FrameLexicons;
  /** Provenance of every lexicon above and of the sentiment lexicons, in a fixed order. */
  lexicons: LexiconRecord[];
}

/** Other lexicon files to use instead of the toolkit's own. */
export interface LoadResourcesOptions {
  /** Topic lexicon. @default DEFAULT_LEXICONS.topics */
  topics?: string;
  /** Further topic-like lexicons (any categories), measured like topics. @default [] */
  extra?: readonly string[];
  /** Actor lexicon. @default DEFAULT_LEXICONS.actors */
  actors?: string;
  /**
   * Actor files whose actors are added to `actors` (an id already in use is
   * an error naming both files). @default []
   */
  addActors?: readonly string[];
  /** Stance lexicon. @default the toolkit's stance.yaml */
  stance?: string;
  /** Reporting-verb lexicon, or false for none. @default the toolkit's reporting_verbs.yaml */
  reporting?: string | false;
  /**
   * Load the language model and the target model now (true), or when the
   * first article needs them (false: for a process that only checks the
   * files, e.g. while workers analyse). @default true
   */
  models?: boolean;
}

/**
 * Loads and validates the lexicons of a run.
 *
 * @throws {InputError} When a lexicon file is missing or breaks its schema.
 *
 * @example
 * ```ts
 * import { loadResources } from "@framing/toolkit";
 * import { strictEqual } from "node:assert/strict";
 *
 * const r = await loadResources();
 * strictEqual(r.topics.name, "topics");
 * ```
 */
export async function loadResources(
  options: LoadResourcesOptions = {},
): Promise<AnalysisResources> {
  const [topics, actorFiles, stance, extra] = await Promise.all([
    loadLexicon(options.topics ?? DEFAULT_LEXICONS.topics),
    mergeActorFiles(options.actors ?? DEFAULT_LEXICONS.actors, options.addActors ?? []),
    loadStanceLexicons({ stance: options.stance, reporting: options.reporting }),
    Promise.all((options.extra ?? []).map((path) => loadLexicon(path))),
  ]);
  const actors = actorFiles.lexicon;
  const names = [topics.name, stance.stance.name, stance.reporting?.name];
  for (const [i, lexicon] of extra.entries()) {
    if (names.includes(lexicon.name)) {
      throw new InputError(
        { file: options.extra![i], path: "name" },
        `expected a lexicon name not already in use, found "${lexicon.name}"`,
      );
    }
    names.push(lexicon.name);
  }
  const records = [
    lexiconRecord("topics", topics),
    ...extra.map((lexicon) => lexiconRecord("extra", lexicon)),
    lexiconRecord("stance", stance.stance),
    ...(stance.reporting ? [lexiconRecord("reporting", stance.reporting)] : []),
    // Each actor file with its own hash: the bundled (or replacing) one, then the added ones.
    ...actorFiles.files.map((f, i) =>
      lexiconRecord(i === 0 ? "actors" : "actors_added", f.lexicon)
    ),
    ...Object.entries(SENTIMENT_LEXICON_FILES).map(async ([which, url]) =>
      lexiconRecord(`sentiment_${which}`, await loadLexicon(url.pathname))
    ),
    lexiconRecord("frames_events", bundledFrameLexicons().events),
    lexiconRecord("frames_labels", bundledFrameLexicons().labels),
    lexiconRecord("frames_themes", bundledFrameLexicons().themes),
  ];
  const resources = {
    topics,
    extra,
    actors,
    stance,
    frames: frameLexicons(),
    lexicons: await Promise.all(records),
  };
  if (options.models !== false) preloadModels();
  return resources;
}

/**
 * Loads what every analysis reads besides the lexicons above, so that the
 * first article does not pay for it (about 0.15 s, 4% of analysing 2 MB):
 * the language model, the sentiment lexicons' indexes for sentences and for
 * spans, and the trained target model with its packed weights.
 */
function preloadModels(): void {
  loadLanguageModel();
  activeLexicons(resolveSentimentOptions());
  activeLexicons(resolveSpanSentimentOptions());
  packWeights(loadTargetModel().weights);
}
