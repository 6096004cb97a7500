/**
 * Converts VADER's lexicon (`vader_lexicon.txt`, shipped in the npm package
 * `vader-sentiment@1.1.3`) into the toolkit's lexicon format, written to
 * `data/lexicons/sentiment_general.json`.
 *
 * Run: `npx -y deno@2.9.6 run -A tools/vader_lexicon.ts [path/to/vader_lexicon.txt]`
 *
 * A literal `*` in a term (emoticons such as `:*`) is written `\*`, since a
 * trailing `*` means a prefix wildcard in the lexicon format. Terms with
 * spaces ("fed up") are multi-word expressions in both formats.
 *
 * @module
 */

const DEFAULT_SOURCE = "node_modules/vader-sentiment/vader_lexicon.txt";

interface Entry {
  term: string;
  weight: number;
  caseSensitive?: boolean;
}

function convert(text: string): { entries: Entry[]; lines: number } {
  const rows = text.split("\n").filter((line) => line.trim() !== "").map((line, i) => {
    const [term, mean] = line.split("\t");
    const weight = Number(mean);
    if (term === undefined || !Number.isFinite(weight)) {
      throw new SyntaxError(`Cannot parse VADER lexicon: line ${i + 1}: "${line}"`);
    }
    return { term, weight };
  });
  // VADER's file repeats 10 terms (":-p", "lol", ...); as in VADER's own
  // dictionary loading, the last occurrence wins.
  const last = new Map(rows.map((r, i) => [r.term, i]));
  const unique = rows.filter((r, i) => last.get(r.term) === i);
  const lowerCount = new Map<string, number>();
  for (const r of unique) {
    lowerCount.set(r.term.toLowerCase(), (lowerCount.get(r.term.toLowerCase()) ?? 0) + 1);
  }
  const entries: Entry[] = [];
  for (const r of unique) {
    const entry: Entry = { term: r.term.replaceAll("*", "\\*"), weight: r.weight };
    if (r.term !== r.term.toLowerCase() || (lowerCount.get(r.term.toLowerCase()) ?? 0) > 1) {
      entry.caseSensitive = true;
    }
    entries.push(entry);
  }
  return { entries, lines: rows.length };
}

if (import.meta.main) {
  const path = Deno.args[0] ?? DEFAULT_SOURCE;
  const { entries, lines } = convert(await Deno.readTextFile(path));
  const lexicon = {
    name: "sentiment_general",
    version: "1.0.0",
    description:
      "General-purpose sentiment valence of words, emoticons and slang: VADER's lexicon " +
      `(${lines} lines, ${entries.length} distinct terms). ` +
      "Each entry's weight is VADER's mean human valence rating on its -4 (extremely negative) .. +4 " +
      "(extremely positive) scale. Converted by tools/vader_lexicon.ts from vader_lexicon.txt of the npm " +
      `package vader-sentiment 1.1.3; a repeated term keeps its last weight, as in VADER; ` +
      "a literal '*' in an emoticon is written '\\*'.",
    source:
      "Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment Analysis " +
      "of Social Media Text. ICWSM-14. Lexicon file vader_lexicon.txt from github.com/cjhutto/vaderSentiment " +
      "(MIT), as shipped in the npm package vader-sentiment@1.1.3 (vaderSentiment-js, Apache-2.0).",
    licence: "MIT",
    language: "en",
    categories: {
      sentiment_general: {
        label: "General sentiment",
        description: "Valence -4..+4 (VADER mean rating).",
      },
    },
    entries,
  };
  // One entry per line keeps the file readable and its diffs small.
  const head = JSON.stringify({ ...lexicon, entries: [] }, null, 2).replace(/\[\]\n\}$/, "[\n");
  const body = entries.map((e) => "    " + JSON.stringify(e)).join(",\n");
  await Deno.writeTextFile("data/lexicons/sentiment_general.json", head + body + "\n  ]\n}\n");
  console.log(`wrote ${entries.length} entries`);
}
