/**
 * A draft actor file from suggested names: valid against the actor schema,
 * to be checked by a researcher and passed with `--add-actors`.
 *
 * @module
 */
import { stringify } from "yaml";
import { parseActors } from "./load.ts";
import type { ActorLexicon, ActorLexiconInput } from "./schema.ts";
import type { SuggestedName } from "./suggest.ts";

/** Options of {@linkcode draftActorFile}. */
export interface DraftActorFileOptions {
  /** Actors already in use: a drafted id never repeats one of theirs. @default none */
  existing?: ActorLexicon;
  /** Where the names were found, for the file's `source`. @default "the researcher's articles" */
  from?: string;
  /** The lexicon's name (an id). @default "draft_actors" */
  name?: string;
}

/**
 * Writes suggested names as an actor file (YAML): one actor per name, its
 * forms as aliases (all-capital forms case-sensitive), the guessed kind and
 * pronoun, and a note with the counts, the cue of the kind and an example
 * sentence. A name of unknown kind is drafted as an organisation, and its
 * note says so. The text is validated before it is returned.
 *
 * @param names Suggestions, e.g. from `suggestActors`.
 * @param options Actors already in use, where the names came from.
 * @returns The file's text.
 * @throws {RangeError} When there is no name to draft (an actor file needs one actor).
 *
 * @example
 * ```ts
 * import { draftActorFile } from "./draft.ts";
 * import { parseActors } from "@framing/toolkit/lexicon";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const yaml = draftActorFile([{
 *   name: "Tomas Okafor", forms: ["Tomas Okafor", "Okafor"], kind: "person", pronoun: "he",
 *   cue: 'title "Minister" before it', count: 3, voices: { author: 3, quote: 0, comment: 0 },
 *   articles: [{ article: "a", voice: "author", count: 3 }],
 *   example: { article: "a", voice: "author", sentence: 1, text: "Minister Tomas Okafor spoke." },
 * }]);
 * const lex = parseActors(yaml);
 * strictEqual(lex.actors[0].id, "tomas_okafor");
 * deepStrictEqual(lex.actors[0].aliases, ["Tomas Okafor", "Okafor"]);
 * ```
 */
export function draftActorFile(
  names: readonly SuggestedName[],
  options: DraftActorFileOptions = {},
): string {
  if (names.length === 0) throw new RangeError("Cannot draft an actor file without names");
  const used = new Set(options.existing?.actors.map((a) => a.id) ?? []);
  const actors: ActorLexiconInput["actors"] = names.map((n) => {
    const id = uniqueId(n.name, used);
    const counts = `${n.count} occurrence(s): author ${n.voices.author ?? 0}, quote ${
      n.voices.quote ?? 0
    }, comment ${n.voices.comment ?? 0}; in ${
      [...new Set(n.articles.map((a) => a.article))].join(", ")
    }`;
    const kindNote = n.kind === "unknown"
      ? "kind unknown (no cue): drafted as organisation, check"
      : `kind ${n.kind} guessed from: ${n.cue}`;
    return {
      id,
      name: n.name,
      kind: n.kind === "unknown" ? "organisation" : n.kind,
      ...(n.kind === "person" && n.pronoun ? { pronoun: n.pronoun } : {}),
      aliases: n.forms.map((f) => /^\p{Lu}{2,}$/u.test(f) ? { term: f, caseSensitive: true } : f),
      note: `Suggested: ${counts}. ${kindNote}. Example (${n.example.article}): ${n.example.text}`,
    };
  });
  const lexicon: ActorLexiconInput = {
    name: options.name ?? "draft_actors",
    version: "0.1.0",
    description: "Draft actor file written by `deno task actors suggest`: check every entry " +
      "(kind, aliases, titles, metonyms) before use.",
    source: `names found in ${options.from ?? "the researcher's articles"} that no actor covered`,
    licence: "CC0-1.0",
    language: "en",
    actors,
  };
  const text = "# Draft actor file: check each actor, then pass it with --add-actors FILE.\n" +
    "# Fields: see schemas/actors.schema.json.\n" + stringify(lexicon, { lineWidth: 100 });
  parseActors(text, { file: "<draft>" });
  return text;
}

function uniqueId(name: string, used: Set<string>): string {
  const base = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "") || "actor";
  let id = base;
  for (let i = 2; used.has(id); i++) id = `${base}_${i}`;
  used.add(id);
  return id;
}
