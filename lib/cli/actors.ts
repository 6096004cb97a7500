/**
 * `deno task actors suggest <paths...> [--min N] [--out FILE]`: lists the
 * names in the articles that no actor covers (the author's text first, then
 * the names only quotes and comments use), with counts per voice and
 * article, a guessed kind and an example sentence; `--out` writes them as a
 * draft actor file to pass with `--add-actors`.
 *
 * @module
 */
import { draftActorFile } from "../actors/draft.ts";
import { NameCounter, type SuggestedName } from "../actors/suggest.ts";
import { commonWords } from "../actors/uncovered.ts";
import { streamCorpus } from "../corpus/stream_corpus.ts";
import {
  loadFilesOrExit,
  parseCommandLine,
  RESOURCE_FLAGS,
  resourceFilesOf,
  usageError,
} from "./_command_line.ts";

const USAGE = `Usage: deno task actors suggest <paths...> [options]

Lists the names (runs of capitalised words with a proper noun) in the articles
at the paths (folders, text, JSONL or CSV files) that no actor covers: first
those in the author's text (title and body), then those only quotations and
comments use. Each with its count per voice and article, a guessed kind (and
the cue it rests on) and an example sentence.

Options:
  --min N             fewest occurrences a name needs to be listed (default: 2)
  --out FILE          also write the names as a draft actor file (YAML) that
                      passes the actor schema: check it, then pass it with
                      --add-actors FILE to analyze or report
  --actors FILE       the actors that count as covered, instead of the bundled ones
  --add-actors FILE   more actors that count as covered (repeatable)
  --json              print the names as JSON instead of a list
  --text-column NAME  the text column of CSV input (default: text)
  --id-field NAME     the id column or JSONL field (default: id)
  -h, --help          this text

Exit code: 0 when at least one article was read, 1 when none was, 2 for a
usage error or a bad actor file.`;

/** Runs the command with the given arguments; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const parsed = parseCommandLine(args, {
    min: { type: "string" },
    out: { type: "string", short: "o" },
    actors: RESOURCE_FLAGS.actors,
    "add-actors": RESOURCE_FLAGS["add-actors"],
    json: { type: "boolean" },
    "text-column": { type: "string" },
    "id-field": { type: "string" },
  }, USAGE);
  if (typeof parsed === "number") return parsed;
  const v = parsed.values;
  const usage = (problem: string) => usageError(problem, USAGE);
  const [command, ...paths] = parsed.positionals;
  if (command !== "suggest") {
    return usage(command === undefined ? "No command given." : `Unknown command "${command}".`);
  }
  if (paths.length === 0) return usage("No input given.");
  const min = v.min === undefined ? 2 : Number(v.min);
  if (!Number.isInteger(min) || min < 1) {
    return usage(`--min: expected a whole number >= 1, found "${v.min}".`);
  }
  const files = await loadFilesOrExit(resourceFilesOf(v));
  if (typeof files === "number") return files;
  const counter = new NameCounter(files.resources.actors);
  let read = 0;
  for await (
    const item of streamCorpus(paths, { textColumn: v["text-column"], idField: v["id-field"] })
  ) {
    if ("article" in item) {
      counter.add(item.article);
      read++;
    } else if ("failure" in item) {
      console.error(`failed: ${item.failure.input}: ${item.failure.reason}`);
    } else console.error(`note: ${item.note}`);
  }
  if (read === 0) {
    console.error("No article could be read.");
    return 1;
  }
  const names = counter.suggestions({ min, common: await commonWords() });
  if (v.json) console.log(JSON.stringify(names, null, 2));
  else console.log(listing(names, min, read));
  if (v.out !== undefined) {
    if (names.length === 0) {
      console.error(`No name to draft: ${v.out} not written.`);
    } else {
      const text = draftActorFile(names, {
        existing: files.resources.actors,
        from: paths.join(", "),
      });
      await Deno.writeTextFile(v.out, text);
      console.error(
        `Wrote ${names.length} draft actors to ${v.out}: check them, then pass --add-actors ${v.out}`,
      );
    }
  }
  return 0;
}

/** The names as a readable list, the author's first. */
function listing(names: readonly SuggestedName[], min: number, read: number): string {
  const author = names.filter((n) => (n.voices.author ?? 0) > 0);
  const others = names.filter((n) => (n.voices.author ?? 0) === 0);
  const block = (n: SuggestedName) => {
    const v = n.voices;
    const perArticle = n.articles.map((a) => `${a.article} ${a.voice} ${a.count}`).join(", ");
    return [
      `${String(n.count).padStart(5)}  ${n.name}` +
      (n.forms.length > 1 ? ` (also: ${n.forms.slice(1).join(", ")})` : ""),
      `       kind: ${n.kind}${n.pronoun ? ` (${n.pronoun})` : ""}; ${n.cue}`,
      `       voices: author ${v.author ?? 0}, quote ${v.quote ?? 0}, comment ${
        v.comment ?? 0
      }; ${perArticle}`,
      `       e.g. (${n.example.article}, ${n.example.voice}): ${shorten(n.example.text, 160)}`,
    ].join("\n");
  };
  return [
    `${read} article(s); names no actor covers, with at least ${min} occurrence(s).`,
    "",
    `In the author's text (${author.length}):`,
    ...(author.length > 0 ? author.map(block) : ["  none"]),
    "",
    `Only in quotations and comments (${others.length}):`,
    ...(others.length > 0 ? others.map(block) : ["  none"]),
  ].join("\n");
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
