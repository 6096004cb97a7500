/**
 * Finding who speaks: speech verbs and the named person or role next to them.
 *
 * @module
 */

/** Verbs and phrases that report speech ("said", "pointed out", "made it clear"). */
export const SPEECH_VERBS: readonly string[] = [
  "said",
  "says",
  "say",
  "saying",
  "stated",
  "states",
  "emphasized",
  "emphasised",
  "emphasizes",
  "stressed",
  "stresses",
  "noted",
  "notes",
  "pointed out",
  "points out",
  "explained",
  "explains",
  "added",
  "adds",
  "declared",
  "declares",
  "told",
  "tells",
  "remarked",
  "announced",
  "announces",
  "asserted",
  "claimed",
  "claims",
  "argued",
  "argues",
  "insisted",
  "admitted",
  "recalled",
  "voiced",
  "made it clear",
  "makes it clear",
  "wrote",
  "writes",
  "continued",
  "concluded",
  "replied",
  "answered",
  "warned",
  "assured",
  "assures",
  "underlined",
  "observed",
  "commented",
  "according to",
];

const VERB_RE = new RegExp(
  `\\b(${
    [...SPEECH_VERBS].sort((a, b) => b.length - a.length).map((v) => v.replace(/ /g, "\\s+")).join(
      "|",
    )
  })\\b`,
  "gi",
);

/** Words that name a role or office; a capitalised name after one is a person. */
const TITLES = new Set([
  "president",
  "minister",
  "director",
  "general",
  "chairman",
  "chairwoman",
  "chair",
  "head",
  "prime",
  "premier",
  "ambassador",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "secretary",
  "governor",
  "mayor",
  "senator",
  "deputy",
  "expert",
  "analyst",
  "scientist",
  "economist",
  "professor",
  "official",
  "leader",
  "chief",
  "adviser",
  "advisor",
  "representative",
  "envoy",
  "commander",
  "colonel",
  "ceo",
  "founder",
  "editor",
  "correspondent",
  "researcher",
  "historian",
  "politician",
  "diplomat",
  "king",
  "queen",
  "emir",
  "sheikh",
]);

/** Capitalised words that begin sentences but are not names. */
const NOT_NAMES = new Set([
  "the",
  "a",
  "an",
  "at",
  "in",
  "on",
  "it",
  "this",
  "that",
  "these",
  "those",
  "as",
  "but",
  "and",
  "also",
  "then",
  "thus",
  "so",
  "when",
  "while",
  "however",
  "moreover",
  "first",
  "firstly",
  "secondly",
  "thirdly",
  "fourthly",
  "fifthly",
  "finally",
  "more",
  "most",
  "what",
  "why",
  "how",
  "who",
  "he",
  "she",
  "they",
  "we",
  "i",
  "our",
  "his",
  "her",
  "their",
  "there",
  "here",
  "oh",
  "after",
  "before",
  "during",
  "since",
  "although",
  "if",
]);

const CONNECTORS = new Set(["of", "the", "for", "and", "de", "von", "van", "al", "bin"]);

interface Word {
  text: string;
  start: number;
  end: number;
}

function wordsWithOffsets(text: string): Word[] {
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)].map((m) => ({
    text: m[0].replace(/[.]$/, ""),
    start: m.index!,
    end: m.index! + m[0].replace(/[.]$/, "").length,
  }));
}

const isCap = (w: Word) => /^\p{Lu}/u.test(w.text) && !NOT_NAMES.has(w.text.toLowerCase());
const isTitle = (w: Word) => TITLES.has(w.text.toLowerCase());

/** The speech verbs in a text, with offsets. */
export function findSpeechVerbs(text: string): { start: number; end: number; verb: string }[] {
  return [...text.matchAll(VERB_RE)].map((m) => ({
    start: m.index!,
    end: m.index! + m[0].length,
    verb: m[0].toLowerCase().replace(/\s+/g, " "),
  }));
}

/** True when only spaces stand between two words (no comma, colon or quote mark). */
function joined(text: string, a: Word, b: Word): boolean {
  return /^[\s-]+$/.test(text.slice(a.end, b.start));
}

/** A capitalised run (name, or title + name) ending at word `i`, going left. */
function runLeft(text: string, words: Word[], i: number): [number, number] | undefined {
  if (i < 0 || !(isCap(words[i]) || isTitle(words[i]))) return undefined;
  let j = i;
  while (j > 0 && joined(text, words[j - 1], words[j])) {
    const prev = words[j - 1];
    if (isCap(prev) || isTitle(prev)) j--;
    else if (
      CONNECTORS.has(prev.text.toLowerCase()) && j - 2 >= 0 && isCap(words[j - 2]) &&
      joined(text, words[j - 2], prev)
    ) j -= 2;
    else break;
  }
  const run = words.slice(j, i + 1);
  return run.some(isCap) ? [j, i] : undefined;
}

/** A run going right from word `i`: "the Minister of Education of the Republic of Kazakhstan". */
function runRight(text: string, words: Word[], i: number): [number, number] | undefined {
  if (i >= words.length) return undefined;
  let j = i;
  if (/^(the|a|an)$/i.test(words[j].text)) j++;
  if (j >= words.length || !(isCap(words[j]) || isTitle(words[j]))) return undefined;
  let k = j;
  while (k + 1 < words.length && joined(text, words[k], words[k + 1])) {
    const next = words[k + 1];
    if (isCap(next) || isTitle(next)) k++;
    else if (
      CONNECTORS.has(next.text.toLowerCase()) && k + 2 < words.length &&
      (isCap(words[k + 2]) || CONNECTORS.has(words[k + 2].text.toLowerCase()))
    ) k++;
    else break;
  }
  while (k > j && CONNECTORS.has(words[k].text.toLowerCase())) k--;
  return [i, k];
}

/** "the expert", "a political scientist": a role noun phrase ending at word `i`. */
function roleLeft(words: Word[], i: number): [number, number] | undefined {
  for (let j = i; j >= Math.max(0, i - 3); j--) {
    if (/^(the|a|an)$/i.test(words[j].text)) {
      return words.slice(j + 1, i + 1).some(isTitle) ? [j, i] : undefined;
    }
  }
  return undefined;
}

/**
 * The speaker named in a sentence that introduces or follows a quotation: the
 * named person or role next to the speech verb, else the nearest title + name
 * in the sentence. Returns undefined when the sentence names none.
 *
 * @param sentence The introducing (or attributing) sentence.
 * @param near Where the quotation is: `"end"` when it follows the sentence, `"start"` when it precedes it.
 *
 * @example
 * ```ts
 * import { findSpeaker } from "./speakers.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * strictEqual(findSpeaker("Thirdly, trade is growing, as President Tokayev pointed out:", "end"), "President Tokayev");
 * strictEqual(findSpeaker(", the expert emphasized.", "start"), "the expert");
 * strictEqual(findSpeaker("Teachers will come, explained the Minister of Education of Kazakhstan:", "end"), "the Minister of Education of Kazakhstan");
 * ```
 */
export function findSpeaker(sentence: string, near: "start" | "end"): string | undefined {
  const words = wordsWithOffsets(sentence);
  const verbs = findSpeechVerbs(sentence);
  const verb = near === "end" ? verbs.at(-1) : verbs[0];
  const pick = (r: [number, number] | undefined) =>
    r ? sentence.slice(words[r[0]].start, words[r[1]].end) : undefined;
  if (verb) {
    const after = words.findIndex((w) => w.start >= verb.end);
    let before = -1;
    for (let i = 0; i < words.length && words[i].end <= verb.start; i++) before = i;
    // Skip "as", "also", "clearly" and similar between the name and the verb.
    while (
      before >= 0 &&
      /^(also|clearly|then|again|once|recently|further|has|had|have|who|which)$/i.test(
        words[before].text,
      )
    ) {
      if (/^(who|which)$/i.test(words[before].text)) {
        before = -2;
        break;
      }
      before--;
    }
    const adjacent = before >= 0 && /^[\s]*$/.test(sentence.slice(words[before].end, verb.start));
    const found = adjacent
      ? pick(runLeft(sentence, words, before)) ?? pick(roleLeft(words, before))
      : undefined;
    if (found) return found;
    if (after >= 0) {
      const right = pick(runRight(sentence, words, after));
      if (right) return right;
    }
  }
  // No name next to a verb: the nearest title + name in the sentence.
  const order = words.map((_, i) => i);
  if (near === "end") order.reverse();
  for (const i of order) {
    if (isTitle(words[i]) && i + 1 < words.length && isCap(words[i + 1])) {
      const r = runRight(sentence, words, i);
      if (r) {
        const left = runLeft(sentence, words, r[1]);
        return pick(left ?? r);
      }
    }
  }
  return undefined;
}
