/**
 * A corpus: the articles that were read, and every input that could not be.
 *
 * @module
 */
import { z } from "zod";
import { Article } from "../article.ts";

/** An input that could not be read as an article, and why. */
export const Failure = z.object({
  /** The file, or file and line (`corpus.jsonl:7`), that failed. */
  input: z.string(),
  reason: z.string(),
});
/** An input that could not be read. */
export type Failure = z.infer<typeof Failure>;

/**
 * What loading gave: every input is either in `articles` or in `failures`.
 * `notes` says what was assumed (defaults used, manifest rows without text).
 */
export const Corpus = z.object({
  articles: z.array(Article),
  failures: z.array(Failure),
  notes: z.array(z.string()),
});
/** A loaded corpus. */
export type Corpus = z.infer<typeof Corpus>;

/**
 * One item of a streamed corpus, in input order: an article (with the bytes
 * of input it took, for progress), an input that failed, or a note.
 */
export const CorpusItem = z.union([
  z.object({ article: Article, bytes: z.number().int().nonnegative() }),
  z.object({ failure: Failure }),
  z.object({ note: z.string() }),
]);
/** One item of a streamed corpus. */
export type CorpusItem = z.infer<typeof CorpusItem>;
