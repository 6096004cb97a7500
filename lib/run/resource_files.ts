/**
 * A researcher's own lexicon files, as the command-line flags and the
 * notebooks' `resourceFiles` parameter give them: read and validated before
 * any article is analysed.
 *
 * @module
 */
import type { AnalyzeOptions } from "../analyze.ts";
import { type AnalysisResources, loadResources, type LoadResourcesOptions } from "../resources.ts";
import { sentimentLexiconFile } from "../sentiment/lexicons.ts";

/** Lexicon files of the researcher's, each optional. */
export interface ResourceFiles {
  /** Actor file that replaces the bundled actors (`--actors`). @default the bundled actors.yaml */
  actors?: string;
  /** Actor files added to the actors (`--add-actors`, repeatable). @default [] */
  addActors?: readonly string[];
  /** Topic lexicon that replaces the bundled topics (`--topics`). @default the bundled topics.yaml */
  topics?: string;
  /** Further topic-like lexicons (`--lexicon`, repeatable). @default [] */
  lexicons?: readonly string[];
  /** Sentiment lexicons consulted before the bundled ones (`--sentiment-lexicon`, repeatable). @default [] */
  sentimentLexicons?: readonly string[];
}

/** The loaded files: the resources, and the options that load them again (e.g. in a worker). */
export interface LoadedResourceFiles {
  resources: AnalysisResources;
  /** For `loadResources`, e.g. in every worker of a pool. */
  load: LoadResourcesOptions;
  /** The analysis options the sentiment files need (`sentimentLexicons.extra`). */
  analyze: Pick<AnalyzeOptions, "sentimentLexicons">;
}

/**
 * Reads and validates the files, the sentiment lexicons included, so that a
 * bad file stops a run before its first article.
 *
 * @param files The files (paths as given).
 * @returns The resources and the options to pass on.
 * @throws {InputError} Naming the file, the line and what was expected, when
 *   a file is missing or invalid.
 *
 * @example A missing actor file is named
 * ```ts
 * import { loadResourceFiles } from "./resource_files.ts";
 * import { ok, rejects, strictEqual } from "node:assert/strict";
 *
 * const { resources, analyze } = await loadResourceFiles({});
 * ok(resources.actors.actors.length > 0);
 * strictEqual(analyze.sentimentLexicons, undefined);
 * await rejects(loadResourceFiles({ addActors: ["no/such/actors.yaml"] }), {
 *   name: "InputError",
 *   file: "no/such/actors.yaml",
 * });
 * ```
 */
export async function loadResourceFiles(files: ResourceFiles = {}): Promise<LoadedResourceFiles> {
  const load: LoadResourcesOptions = {
    ...(files.topics !== undefined ? { topics: files.topics } : {}),
    ...(files.actors !== undefined ? { actors: files.actors } : {}),
    ...(files.addActors?.length ? { addActors: [...files.addActors] } : {}),
    ...(files.lexicons?.length ? { extra: [...files.lexicons] } : {}),
  };
  // The models are loaded by whoever analyses (a worker, or the first article).
  const resources = await loadResources({ ...load, models: false });
  const extra = [...(files.sentimentLexicons ?? [])];
  for (const path of extra) sentimentLexiconFile(path);
  return {
    resources,
    load,
    analyze: extra.length > 0 ? { sentimentLexicons: { extra } } : {},
  };
}

/**
 * Whether any file is given: a run with none uses the toolkit's own lexicons.
 *
 * @example
 * ```ts
 * import { hasResourceFiles } from "./resource_files.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(hasResourceFiles({ lexicons: [] }), false);
 * strictEqual(hasResourceFiles({ addActors: ["mine.yaml"] }), true);
 * ```
 */
export function hasResourceFiles(files: ResourceFiles): boolean {
  return files.actors !== undefined || files.topics !== undefined ||
    (files.addActors?.length ?? 0) > 0 || (files.lexicons?.length ?? 0) > 0 ||
    (files.sentimentLexicons?.length ?? 0) > 0;
}
