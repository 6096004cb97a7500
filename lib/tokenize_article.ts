/**
 * The first step of the analysis: an article segmented into voices and split
 * into sentences and tokens.
 *
 * @module
 */
import type { VoiceSummary } from "./analysis.ts";
import type { Article } from "./article.ts";
import { isWord } from "./metrics/word_count.ts";
import type { Segment } from "./segment.ts";
import type { Sentence, Token } from "./token.ts";
import { tokenizeSegments } from "./tokenize.ts";
import { Voice } from "./voice.ts";
import { segmentVoices } from "./voices/segment_voices.ts";

/** An article with its voices, sentences and tokens: the input of every metric. */
export interface TokenizedArticle {
  article: Article;
  segments: Segment[];
  sentences: Sentence[];
  tokens: Token[];
}

/**
 * Segments an article into voices and splits it into sentences and tokens.
 *
 * @example
 * ```ts
 * import { tokenizeArticle } from "./tokenize_article.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const t = tokenizeArticle({
 *   meta: { id: "a", language: "en", inferred: [] },
 *   text: "Headline\n\nThe president spoke to the press about the new gas pipeline on Friday.",
 *   origin: "test",
 *   warnings: [],
 * });
 * strictEqual(t.segments[0].voice, "title");
 * strictEqual(t.sentences.length, 2);
 * ```
 */
export function tokenizeArticle(article: Article): TokenizedArticle {
  const segments = segmentVoices(article.text, { title: article.meta.title });
  const { sentences, tokens } = tokenizeSegments(article.text, segments);
  return { article, segments, sentences, tokens };
}

/** Characters, sentences and words per voice, every voice listed. */
export function voiceSummaries(t: TokenizedArticle): VoiceSummary[] {
  const rows = new Map<Voice, VoiceSummary>(
    Voice.options.map((voice) => [voice, { voice, chars: 0, sentences: 0, words: 0 }]),
  );
  for (const s of t.segments) rows.get(s.voice)!.chars += s.end - s.start;
  for (const s of t.sentences) rows.get(s.voice)!.sentences++;
  for (const k of t.tokens) if (isWord(k)) rows.get(k.voice)!.words++;
  return [...rows.values()];
}
