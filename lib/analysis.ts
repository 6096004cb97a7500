/**
 * The interchange document: what `deno task analyze` writes, one JSON
 * document for a corpus. Designed to grow: later stages add fields to each
 * article; readers ignore fields they do not know.
 *
 * @module
 */
import { z } from "zod";
import { ArticleMeta } from "./article.ts";
import { ActorEvidence, ActorScoreRow } from "./actors/schema.ts";
import { Failure } from "./corpus/corpus.ts";
import { Hit } from "./lexicon/hit.ts";
import { Provenance } from "./provenance.ts";
import { StanceRate } from "./metrics/stance.ts";
import { TopicRate } from "./metrics/topics.ts";
import { Segment } from "./segment.ts";
import { Voice } from "./voice.ts";

/** Format name and version of the interchange document. */
export const ANALYSIS_FORMAT = { name: "framing-analysis", version: "1" } as const;

/** Size of one voice in one article. */
export const VoiceSummary = z.object({
  voice: Voice,
  /** UTF-16 code units in the voice's segments (line breaks included). */
  chars: z.number().int().nonnegative(),
  sentences: z.number().int().nonnegative(),
  /** Word tokens (punctuation excluded): the denominator of per-1,000 rates. */
  words: z.number().int().nonnegative(),
});
/** Size of one voice in one article. */
export type VoiceSummary = z.infer<typeof VoiceSummary>;

/** A sentence of the interchange document. */
export const SentenceRecord = z.object({
  index: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  voice: Voice,
  segment: z.number().int().nonnegative(),
  /** Word tokens in the sentence (punctuation excluded). */
  words: z.number().int().nonnegative(),
  /**
   * Sentence sentiment, −1..+1 (see `sentenceSentiment`). Sentences of `meta`
   * and `boilerplate` are not scored and carry 0.
   */
  sentiment: z.number().min(-1).max(1),
});
/** A sentence of the interchange document. */
export type SentenceRecord = z.infer<typeof SentenceRecord>;

/** A lexicon match as the document keeps it. */
export const HitRecord = Hit.pick({
  lexicon: true,
  category: true,
  entry: true,
  form: true,
  start: true,
  end: true,
  sentence: true,
  voice: true,
});
/** A lexicon match as the document keeps it. */
export type HitRecord = z.infer<typeof HitRecord>;

/** One analysed article. Offsets are UTF-16 code-unit indexes into the raw text as read. */
export const AnalysedArticle = z.looseObject({
  id: z.string(),
  meta: ArticleMeta,
  /** Where the text came from. */
  origin: z.string(),
  warnings: z.array(z.string()),
  /** The raw text as read, so that every offset can be opened into its words. */
  text: z.string(),
  /** Length of the raw text in UTF-16 code units; segments cover `[0, length)`. */
  length: z.number().int().nonnegative(),
  segments: z.array(Segment),
  sentences: z.array(SentenceRecord),
  voices: z.array(VoiceSummary),
  /** Every lexicon match (topics, stance markers, reporting verbs, scare quotes): the evidence of the rate tables. */
  hits: z.array(HitRecord),
  /** Every actor mention with its score and the words that made it: the evidence of `actors`. */
  mentions: z.array(ActorEvidence),
  /** Sentiment toward each actor per voice. */
  actors: z.array(ActorScoreRow),
  /** Topic rates per voice, every topic listed. */
  topics: z.array(TopicRate),
  /** Stance-marker rates per voice, every category listed. */
  stance: z.array(StanceRate),
  /** Word counts per voice (lower-cased word tokens), for keyness. */
  vocabulary: z.partialRecord(Voice, z.record(z.string(), z.number().int().positive())),
});
/** One analysed article. */
export type AnalysedArticle = z.infer<typeof AnalysedArticle>;

/** The whole document: every input given is in `articles` or in `failures`. */
export const AnalysisDocument = z.looseObject({
  format: z.literal(ANALYSIS_FORMAT.name),
  formatVersion: z.literal(ANALYSIS_FORMAT.version),
  /** What made the numbers: toolkit, lexicons with content hashes, model, parameters. */
  provenance: Provenance,
  articles: z.array(AnalysedArticle),
  failures: z.array(Failure),
  notes: z.array(z.string()),
});
/** The whole interchange document. */
export type AnalysisDocument = z.infer<typeof AnalysisDocument>;
