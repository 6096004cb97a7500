/**
 * Adding a researcher's actor files to an actor lexicon: the actors of every
 * file in one lexicon, checked as one (an id, alias or metonym may belong to
 * one actor only), with errors that name the files involved.
 *
 * @module
 */
import { formatPath, lineOfPath } from "../data_file.ts";
import { InputError } from "../errors.ts";
import { loadActors } from "./load.ts";
import { type ActorLexicon, ActorLexicon as ActorLexiconSchema } from "./schema.ts";

/** One actor file and what it holds. */
export interface ActorFile {
  /** The path as given. */
  file: string;
  lexicon: ActorLexicon;
}

/**
 * Reads an actor lexicon and the files that add to it, and merges them:
 * the first file's name and metadata, every file's actors in order, and the
 * union of their `actingNouns`.
 *
 * @param base The actor lexicon added to.
 * @param added Files whose actors are added.
 * @returns The merged lexicon and each file as read.
 * @throws {InputError} When a file cannot be read or breaks the schema
 *   (naming that file and line); when an added actor's id is already used
 *   (naming both files); when the actors together break the lexicon's
 *   rules, e.g. an alias of two actors (naming the added file).
 *
 * @example An id that is already there names both files
 * ```ts
 * import { mergeActorFiles } from "./merge.ts";
 * import { ok, rejects, strictEqual } from "node:assert/strict";
 *
 * const head = "name: mine\nversion: 1.0.0\ndescription: d\nsource: s\nlicence: CC0-1.0\nlanguage: en\n";
 * const base = await Deno.makeTempFile({ suffix: ".yaml" });
 * await Deno.writeTextFile(base, head + "actors:\n  - {id: vela, name: Vela, kind: state, aliases: [Vela]}\n");
 * const more = await Deno.makeTempFile({ suffix: ".yaml" });
 * await Deno.writeTextFile(more, head + "actors:\n  - {id: oran, name: Oran Tessaly, kind: person}\n");
 * const { lexicon } = await mergeActorFiles(base, [more]);
 * strictEqual(lexicon.actors.length, 2);
 * await Deno.writeTextFile(more, head + "actors:\n  - {id: vela, name: Vela, kind: state}\n");
 * await rejects(mergeActorFiles(base, [more]), (e: Error) => {
 *   ok(e.message.includes(more) && e.message.includes(base));
 *   return true;
 * });
 * ```
 */
export async function mergeActorFiles(
  base: string,
  added: readonly string[],
): Promise<{ lexicon: ActorLexicon; files: ActorFile[] }> {
  const files: ActorFile[] = await Promise.all(
    [base, ...added].map(async (file) => ({ file, lexicon: await loadActors(file) })),
  );
  if (added.length === 0) return { lexicon: files[0].lexicon, files };
  // Where each actor of the merged lexicon came from.
  const origin: { file: string; index: number }[] = [];
  const ids = new Map<string, { file: string; index: number }>();
  for (const { file, lexicon } of files) {
    for (const [index, actor] of lexicon.actors.entries()) {
      const prior = ids.get(actor.id);
      if (prior) {
        const path = ["actors", index, "id"];
        throw new InputError(
          { file, line: await lineIn(file, path), path: formatPath(path) },
          `expected an actor id not already in use, found "${actor.id}", already the id of ` +
            `actors[${prior.index}] in "${prior.file}"`,
        );
      }
      ids.set(actor.id, { file, index });
      origin.push({ file, index });
    }
  }
  const first = files[0].lexicon;
  const merged = {
    ...first,
    actingNouns: [...new Set(files.flatMap((f) => f.lexicon.actingNouns))],
    actors: files.flatMap((f) => f.lexicon.actors),
  };
  const result = ActorLexiconSchema.safeParse(merged);
  if (result.success) return { lexicon: result.data, files };
  const issue = result.error.issues[0];
  const at = typeof issue.path[1] === "number" ? origin[issue.path[1]] : undefined;
  const file = at?.file ?? added[0];
  const path = at ? ["actors", at.index, ...issue.path.slice(2)] : issue.path;
  throw new InputError(
    { file, line: await lineIn(file, path), path: formatPath(path) || undefined },
    `${issue.message} (the actors of ${
      files.map((f) => `"${f.file}"`).join(", ")
    } taken together; positions count across the files in that order)`,
  );
}

async function lineIn(file: string, path: readonly PropertyKey[]): Promise<number | undefined> {
  try {
    return lineOfPath(await Deno.readTextFile(file), path);
  } catch {
    return undefined;
  }
}
