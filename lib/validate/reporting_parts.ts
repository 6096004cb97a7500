/**
 * The reporting parts of the benchmarks (`SPLITS.md` of the benchmark
 * folder) that notebook 03 scores, where each file lies inside the benchmark
 * folder, and a plain statement of which validations are skipped and why
 * when files are missing.
 *
 * @module
 */
import { type BenchmarkFile, benchmarkFile, type BenchmarksDir } from "./benchmarks_dir.ts";

/** One reporting part: the validation it serves and its file in the benchmark folder. */
export interface ReportingPart {
  /** Short id, as in the validation bars (`"nyt-even"`). */
  id: string;
  /** What is validated on it, in words. */
  validation: string;
  /** The file inside the benchmark folder. */
  file: string;
  /** Further files the validation reads, beside `file`. @default [] */
  also?: readonly string[];
}

/**
 * The reporting parts notebook 03 scores, in its order.
 *
 * @example
 * ```ts
 * import { REPORTING_PARTS } from "./reporting_parts.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * deepStrictEqual(REPORTING_PARTS.map((p) => p.id), [
 *   "nyt-even", "newsmtsc-rw-test", "newsmtsc-mt-test", "sfu-hedges", "roles-even",
 * ]);
 * ```
 */
export const REPORTING_PARTS: readonly ReportingPart[] = [
  {
    id: "nyt-even",
    validation: "sentence sentiment (NYT editorial sentences, even article numbers)",
    file: "vader/nytEditorialSnippets_GroundTruth.txt",
  },
  {
    id: "newsmtsc-rw-test",
    validation: "sentiment toward a target (NewsMTSC rw test)",
    file: "newsmtsc/paper-split/newsmtsc-rw-test.jsonl",
  },
  {
    id: "newsmtsc-mt-test",
    validation: "sentiment toward a target (NewsMTSC mt test)",
    file: "newsmtsc/paper-split/newsmtsc-mt-test.jsonl",
  },
  {
    id: "sfu-hedges",
    validation: "hedge cues (SFU Review speculation sample)",
    file: "stance/sfu_review_speculation/sentences_speculation.jsonl",
  },
  {
    id: "roles-even",
    validation:
      "the author's stance toward heroes and villains of whole articles (narrative roles, even article IDs)",
    file: "framing/narrative_frames_frermann2023/role_and_frame_annoations.tsv",
    also: ["framing/narrative_frames_frermann2023/articles_metadata.tsv"],
  },
];

/** A reporting part with its file looked up. */
export type FoundPart = ReportingPart & BenchmarkFile;

/**
 * Each reporting part with its file in the benchmark folder (or `path: null`
 * and the reason), keyed by id.
 *
 * @param found The benchmark folder lookup (`benchmarksDir()`).
 * @returns The parts by id.
 *
 * @example
 * ```ts
 * import { benchmarksDir } from "@framing/toolkit/validate";
 * import { reportingParts } from "@framing/toolkit/validate";
 * import { strictEqual } from "node:assert/strict";
 *
 * const parts = reportingParts(benchmarksDir({ env: null, repoRoot: null }));
 * strictEqual(parts["nyt-even"].path, null);
 * strictEqual(parts["sfu-hedges"].file, "stance/sfu_review_speculation/sentences_speculation.jsonl");
 * ```
 */
export function reportingParts(found: BenchmarksDir): Record<string, FoundPart> {
  return Object.fromEntries(REPORTING_PARTS.map((part) => {
    const main = benchmarkFile(found, part.file);
    const missing = main.path === null
      ? undefined
      : (part.also ?? []).map((name) => benchmarkFile(found, name)).find((f) => f.path === null);
    return [part.id, {
      ...part,
      ...main,
      ...(missing ? { path: null, reason: missing.reason } : {}),
    }];
  }));
}

/** The result of {@linkcode skippedValidations}. */
export interface SkippedValidations {
  /** Ids of the parts that are skipped. */
  skipped: string[];
  /** The statement as Markdown (a list of what is skipped and why). */
  markdown: string;
  /** The same statement as plain text. */
  text: string;
}

/**
 * Which validations are skipped, and why, in words; or that every part was found.
 *
 * @param parts The parts from {@linkcode reportingParts}.
 * @param found The benchmark folder lookup, for the statement's first line.
 * @returns The ids skipped and the statement in Markdown and plain text.
 *
 * @example
 * ```ts
 * import { benchmarksDir } from "@framing/toolkit/validate";
 * import { reportingParts, skippedValidations } from "@framing/toolkit/validate";
 * import { ok, strictEqual } from "node:assert/strict";
 *
 * const found = benchmarksDir({ env: null, repoRoot: null });
 * const s = skippedValidations(reportingParts(found), found);
 * strictEqual(s.skipped.length, 5);
 * ok(s.markdown.includes("Skipped: sentence sentiment"));
 * ```
 */
export function skippedValidations(
  parts: Readonly<Record<string, FoundPart>>,
  found: BenchmarksDir,
): SkippedValidations {
  const missing = Object.values(parts).filter((p) => p.path === null);
  if (missing.length === 0) {
    const text = `${found.message} Every reporting part was found; nothing is skipped.`;
    return { skipped: [], markdown: text, text };
  }
  const lines = missing.map((p) =>
    `Skipped: ${p.validation}, which needs ${
      [p.file, ...p.also ?? []].map((f) => `\`${f}\``).join(" and ")
    }.`
  );
  const why = found.dir === null ? found.message : `These files are not in ${found.dir}.`;
  const run = "Give the folder with `--benchmarks DIR` (`deno task report`), the " +
    "environment variable `FRAMING_BENCHMARKS`, or this notebook's `benchmarks` parameter.";
  return {
    skipped: missing.map((p) => p.id),
    markdown: `**${missing.length} of ${
      Object.keys(parts).length
    } validations skipped.** ${why}\n\n${lines.map((l) => `- ${l}`).join("\n")}\n\n${run}`,
    text: `${missing.length} of ${Object.keys(parts).length} validations skipped. ${why}\n${
      lines.join("\n")
    }\n${run.replaceAll("`", "")}`,
  };
}
