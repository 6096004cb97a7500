/**
 * `deno task analyze <paths...> [--out FILE]`: writes the interchange JSON
 * for the articles found in the paths (folders, text files, JSONL, CSV).
 *
 * @module
 */
import { parseArgs } from "node:util";
import { analyzeCorpus } from "../analyze.ts";
import { loadCorpus } from "../corpus/load_corpus.ts";
import { loadResources } from "../resources.ts";

const USAGE =
  `Usage: deno task analyze <paths...> [--out FILE] [--text-column NAME] [--id-field NAME]

Reads articles from folders of .txt/.md files (with an optional manifest.json or
manifest.csv), single text files, JSONL files (one article a line) and CSV files
with a text column, and writes one JSON document (stdout by default).`;

/** Runs the command with the given arguments; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: "string", short: "o" },
        "text-column": { type: "string" },
        "id-field": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : e}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (parsed.positionals.length === 0) {
    console.error(`No input given.\n\n${USAGE}`);
    return 2;
  }
  const corpus = await loadCorpus(parsed.positionals, {
    textColumn: parsed.values["text-column"],
    idField: parsed.values["id-field"],
  });
  const doc = analyzeCorpus(corpus, await loadResources());
  const json = JSON.stringify(doc, null, 2) + "\n";
  if (parsed.values.out) {
    const out = parsed.values.out;
    const dir = out.replace(/[\\/][^\\/]*$/, "");
    if (dir !== out) await Deno.mkdir(dir, { recursive: true });
    await Deno.writeTextFile(out, json);
  } else {
    await Deno.stdout.write(new TextEncoder().encode(json));
  }
  for (const f of doc.failures) console.error(`failed: ${f.input}: ${f.reason}`);
  for (const n of doc.notes) console.error(`note: ${n}`);
  const read = doc.articles.length + doc.failures.length;
  console.error(
    `read ${read}, analysed ${doc.articles.length}, failed ${doc.failures.length}` +
      (parsed.values.out ? ` → ${parsed.values.out}` : ""),
  );
  return doc.articles.length === 0 ? 1 : 0;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
