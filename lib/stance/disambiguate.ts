/**
 * Context rules for stance markers whose words have a plain reading too:
 * "about five" is a hedge, "think about" is not; "May 9" is a month; "the
 * will of the people" is no modal. Each rule looks only at the hit's own
 * tokens and its neighbours in the same sentence, and each has an id, so a
 * researcher can see which rule removed or re-labelled a hit and switch it
 * off.
 *
 * Rules for the stance lexicon (hits whose `lexicon` is `stanceLexicon`):
 * - `approximator_quantity`: "about" and "around" are hedges only before a
 *   quantity: a number (type or tag), "a"/"an"/"some" + a quantity word, a
 *   quantity word (half, dozen, hundred, million ...), or a currency sign
 *   then a number ("about $5", "around a third", "around noon").
 * - `may_month`: "May" with a capital is the month unless it opens its
 *   sentence and no number or comma follows ("May I ask" stays a hedge).
 * - `modal_noun`: a modal tagged as a noun is not a modal ("the will", "a must").
 * - `numeral_i`: "I" right after a capitalised proper noun is a numeral
 *   ("World War I", "Peter I").
 * - `us_country`: "US" in capitals (or "U.S.") is the country, not "us".
 * - `quite_maximizer`: "quite" before a limit word (right, sure, certain,
 *   clear, true, wrong, different, impossible ...) is a booster, not a hedge
 *   (Quirk et al. 1985: maximizer vs compromiser "quite").
 * - `rather_connective`: "rather than", "would/'d rather", "or rather" and
 *   "Rather," are not hedges.
 * - `even_concessive`: "even if/though/so/as/when/while" is a connective,
 *   not an attitude marker.
 * - `expected_to`: "expected to" (a forecast) is not an attitude marker.
 * - `certain_attributive`: "certain" is a booster only as a predicate ("is
 *   certain", "certain that/of/to"); "certain countries" means "some".
 * - `kind_of_noun`: "kind of"/"sort of" after this, that, what, which, any,
 *   every, the ... names a type, not a hedge ("this kind of deal").
 * - `verb_complement`: the stance verbs (know, find, show, think, believe,
 *   prove, realize, demonstrate, establish; appear, argue, assume, claim,
 *   estimate, feel, guess, indicate, suggest, suppose, suspect, doubt) count
 *   only with a clause or infinitive after them ("found that", "appears to",
 *   "I think it is"), or, unless a preposition follows ("think about"),
 *   with a first- or second-person subject just before ("I think", "we
 *   know"), or (appear) after "it". "Police found a body",
 *   "appeared in court", "known as" are not markers. Their noun readings are
 *   dropped too, except Hyland's noun hedges claim, doubt, estimate, guess.
 * - `negated_booster`: a booster right after "not", "n't", "no", "never" or
 *   "hardly", or after one of these and a degree word (really, quite,
 *   entirely ...), becomes a hedge ("not sure", "not really sure", "don't
 *   think", "not always"); in "not really sure" the phrase is one hedge
 *   ("really"), and "sure" is dropped.
 * - `directive_imperative`: an engagement entry other than a reader pronoun,
 *   an aside or "?" is a directive (consider, note, see, let's ...) and
 *   counts only as an imperative, tagged as a verb: the first word of its
 *   sentence, or after "please" or a sentence-opening "do not"/"don't", in
 *   its base form.
 *
 * Rules for the reporting-verb lexicon (hits whose `lexicon` is
 * `reportingLexicon`):
 * - `reporting_verb_tag`: the first word must be tagged as a verb ("a note",
 *   "the claim", "charges" are not reports).
 * - `reporting_frame`: the verb must stand in a reporting frame, one of:
 *   a clause, colon or quote mark right after it ("said that", "said he",
 *   "said:"); "that" within four words ("told reporters that"); an object
 *   then "to" + verb ("urged Western countries to lift"); a subject then an
 *   auxiliary with no comma between ("claimed the vote was rigged"); a
 *   closing quote mark after a comma or full stop among the four tokens
 *   before it ("“…,” the expert emphasized"); a comma right before a finite
 *   form (", explained the minister"); or the end of a clause, not after a
 *   form of "be" ("as they say,", "he said."). So "to maintain the status
 *   quo", "explained by the collapse", "agreed on" are not reports; reports
 *   with a plain noun object ("announced the renaming", "pointed out the
 *   aspect") are missed.
 *
 * @module
 */
import { z } from "zod";
import { Hit } from "../lexicon/hit.ts";
import type { Token } from "../token.ts";

/** Ids of the context rules. */
export const StanceRule = z.enum([
  "approximator_quantity",
  "may_month",
  "modal_noun",
  "numeral_i",
  "us_country",
  "quite_maximizer",
  "rather_connective",
  "even_concessive",
  "expected_to",
  "certain_attributive",
  "kind_of_noun",
  "verb_complement",
  "negated_booster",
  "directive_imperative",
  "reporting_verb_tag",
  "reporting_frame",
]);
/** Id of a context rule. */
export type StanceRule = z.infer<typeof StanceRule>;

/** A hit kept by the rules; `rule` names the rule that changed its category, if any. */
export const StanceHit = Hit.extend({
  /** The rule that re-labelled the hit (e.g. `negated_booster`), when one did. */
  rule: StanceRule.optional(),
  /** The category the lexicon gave, when a rule changed it. */
  lexiconCategory: z.string().optional(),
});
/** A hit kept by the rules. */
export type StanceHit = z.infer<typeof StanceHit>;

/** A hit the rules removed, and the rule that removed it. */
export const DroppedHit = z.object({ hit: Hit, rule: StanceRule });
/** A hit the rules removed. */
export type DroppedHit = z.infer<typeof DroppedHit>;

/** Options of {@link disambiguateStance}. */
export interface DisambiguateStanceOptions {
  /** Rules to switch off (all are on by default). @default [] */
  off?: Iterable<StanceRule>;
  /** Name of the stance lexicon whose hits the stance rules read. @default "stance" */
  stanceLexicon?: string;
  /** Name of the reporting-verb lexicon. @default "reporting_verbs" */
  reportingLexicon?: string;
}

/** What the rules made of a list of hits. */
export interface Disambiguated {
  kept: StanceHit[];
  dropped: DroppedHit[];
}

const MODALS = new Set([
  "may",
  "might",
  "must",
  "will",
  "can",
  "could",
  "would",
  "should",
  "ought",
]);
const QUANTITY_WORDS = new Set([
  "half",
  "third",
  "quarter",
  "dozen",
  "dozens",
  "hundred",
  "hundreds",
  "thousand",
  "thousands",
  "million",
  "millions",
  "billion",
  "billions",
  "trillion",
  "percent",
  "per",
  "noon",
  "midnight",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "fifteen",
  "twenty",
  "thirty",
  "forty",
  "fifty",
  "sixty",
  "seventy",
  "eighty",
  "ninety",
  "few",
  "several",
]); // deno-fmt-ignore
const CURRENCY = /^[$€£¥₽₸%]$/;
const LIMIT_WORDS = new Set([
  "right",
  "sure",
  "certain",
  "clear",
  "true",
  "wrong",
  "different",
  "impossible",
  "possible",
  "correct",
  "obvious",
  "unique",
  "enough",
  "useless",
  "certainly",
  "clearly",
  "simply",
  "frankly",
  "otherwise",
  "opposite",
  "contrary",
  "convinced",
  "sufficient",
  "complete",
  "full",
  "alone",
]); // deno-fmt-ignore
const CONCESSIVE_AFTER_EVEN = new Set(["if", "though", "so", "as", "when", "while"]);
const TYPE_DETERMINERS = new Set([
  "this",
  "that",
  "these",
  "those",
  "what",
  "which",
  "any",
  "every",
  "each",
  "the",
  "same",
  "some",
  "another",
  "no",
  "one",
  "all",
  "whatever",
]); // deno-fmt-ignore
const COMPLEMENT_VERBS = new Set([
  "know", "find", "show", "think", "believe", "prove", "realize", "realise", "demonstrate",
  "establish", "appear", "argue", "assume", "claim", "estimate", "feel", "guess", "indicate",
  "suggest", "suppose", "suspect", "doubt", "postulate",
]); // deno-fmt-ignore
const NOUN_HEDGES = new Set(["claim", "doubt", "estimate", "guess"]);
const COMPLEMENT_STARTERS = new Set([
  "that",
  "so",
  "not",
  "n't",
  "to",
  "how",
  "what",
  "whether",
  "if",
  "why",
  "who",
  "when",
  "where",
  "like",
  "i",
  "you",
  "he",
  "she",
  "it",
  "we",
  "they",
  "this",
  "there",
  "these",
  "those",
]); // deno-fmt-ignore
const PERSONAL_SUBJECTS = new Set(["i", "we", "you"]);
const NEGATORS = new Set(["not", "n't", "no", "never", "hardly"]);
/** Words that may stand between a negator and the booster it negates ("not really sure"). */
const DEGREE_WORDS = new Set([
  "really",
  "quite",
  "entirely",
  "completely",
  "totally",
  "so",
  "very",
  "that",
  "too",
  "fully",
  "necessarily",
  "exactly",
  "altogether",
]); // deno-fmt-ignore
const PUNCT_TYPES = new Set(["punctuation", "symbol", "tabCRLF"]);
/** Engagement entries that are reader pronouns, asides or questions; every other one is a directive. */
const NOT_DIRECTIVES = new Set([
  "you",
  "your",
  "yours",
  "yourself",
  "yourselves",
  "reader",
  "readers",
  "the reader 's",
  "one 's",
  "by the way",
  "incidentally",
  "you see",
  "you know",
  "as you know",
  "as you can see",
  "?",
]); // deno-fmt-ignore
const QUOTE_MARKS = /^[“”«»„"]$/;
const CLOSING_MARKS = /^[”»"]$/;
const SUBJECT_TAGS = new Set(["DET", "NOUN", "PROPN", "PRON", "ADJ", "NUM"]);
const BE_FORMS = new Set(["be", "is", "are", "was", "were", "been", "being", "'s", "'re", "am"]);
const CLAUSE_STARTERS = new Set([
  "that",
  "it",
  "he",
  "she",
  "they",
  "we",
  "i",
  "you",
  "this",
  "there",
  "how",
  "what",
  "whether",
  "why",
  "if",
  "when",
  "who",
]); // deno-fmt-ignore

/**
 * Applies the context rules to stance and reporting-verb hits. Hits of other
 * lexicons pass through unchanged.
 *
 * @param hits Hits from `matchLexicon` on `tokens`.
 * @param tokens The tokens the hits index.
 * @param options Rules to switch off and the lexicon names.
 * @returns The kept hits (some re-labelled, with `rule` set) and the dropped ones with the rule.
 *
 * @example "about five" is a hedge, "think about" is not
 * ```ts
 * import { disambiguateStance } from "./disambiguate.ts";
 * import { matchLexicon } from "@framing/toolkit/lexicon";
 * import { Lexicon } from "@framing/toolkit/lexicon";
 * import { tokenizeText } from "@framing/toolkit";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const lexicon = Lexicon.parse({
 *   name: "stance", version: "1.0.0", description: "d", source: "s", licence: "CC0-1.0",
 *   language: "en", entries: [{ term: "about", categories: ["hedge"] }],
 * });
 * const { tokens } = tokenizeText("We think about it. It took about five days.");
 * const { kept, dropped } = disambiguateStance(matchLexicon(tokens, lexicon), tokens);
 * deepStrictEqual(kept.map((h) => h.form), ["about"]);
 * deepStrictEqual(kept.map((h) => h.tokenStart), [7]);
 * deepStrictEqual(dropped.map((d) => d.rule), ["approximator_quantity"]);
 * ```
 */
export function disambiguateStance(
  hits: readonly Hit[],
  tokens: readonly Token[],
  options: DisambiguateStanceOptions = {},
): Disambiguated {
  const off = new Set(options.off ?? []);
  for (const rule of off) StanceRule.parse(rule);
  const stanceName = options.stanceLexicon ?? "stance";
  const reportingName = options.reportingLexicon ?? "reporting_verbs";
  const kept: StanceHit[] = [];
  const dropped: DroppedHit[] = [];
  const boosterStarts = new Set(
    hits.filter((h) => h.lexicon === stanceName && h.category === "booster").map((h) =>
      h.tokenStart
    ),
  );
  for (const hit of hits) {
    const verdict = hit.lexicon === stanceName
      ? judgeStance(hit, tokens, boosterStarts)
      : hit.lexicon === reportingName
      ? judgeReporting(hit, tokens)
      : undefined;
    if (!verdict || off.has(verdict.rule)) kept.push({ ...hit });
    else if (verdict.category === undefined) dropped.push({ hit, rule: verdict.rule });
    else {
      kept.push({
        ...hit,
        category: verdict.category,
        lexiconCategory: hit.category,
        rule: verdict.rule,
      });
    }
  }
  return { kept, dropped };
}

/** A rule's verdict: drop the hit (no category) or give it another category. */
interface Verdict {
  rule: StanceRule;
  category?: string;
}

/** Neighbouring tokens of a hit within its sentence. */
class Context {
  constructor(readonly tokens: readonly Token[], readonly hit: Hit) {}
  /** The k-th token after the hit (k >= 1), same sentence, or undefined. */
  next(k = 1): Token | undefined {
    const t = this.tokens[this.hit.tokenEnd + k - 1];
    return t && t.sentence === this.hit.sentence ? t : undefined;
  }
  /** The k-th token before the hit (k >= 1), same sentence, or undefined. */
  prev(k = 1): Token | undefined {
    const t = this.tokens[this.hit.tokenStart - k];
    return t && t.sentence === this.hit.sentence ? t : undefined;
  }
  get first(): Token {
    return this.tokens[this.hit.tokenStart];
  }
  /** True when no word token precedes the hit (or the `skip` words before it) in its sentence. */
  opensSentence(skip = 0): boolean {
    for (let k = 1 + skip;; k++) {
      const p = this.prev(k);
      if (!p) return true;
      if (!PUNCT_TYPES.has(p.type)) return false;
    }
  }
}

function isNumber(t: Token | undefined): boolean {
  return t !== undefined && (t.type === "number" || t.pos === "NUM" || /^\d/.test(t.text));
}

function isQuantity(t: Token | undefined): boolean {
  return t !== undefined && (isNumber(t) || QUANTITY_WORDS.has(t.lower));
}

function judgeStance(
  hit: Hit,
  tokens: readonly Token[],
  boosterStarts: ReadonlySet<number>,
): Verdict | undefined {
  const c = new Context(tokens, hit);
  const entry = hit.entry.toLowerCase();
  const first = c.first;
  const single = hit.tokenEnd - hit.tokenStart === 1;

  if (entry === "about" || entry === "around") {
    const n1 = c.next(1);
    const n2 = c.next(2);
    const ok = isQuantity(n1) ||
      (n1 !== undefined && CURRENCY.test(n1.text) && isNumber(n2)) ||
      (n1 !== undefined && ["a", "an", "some"].includes(n1.lower) && isQuantity(n2));
    return ok ? undefined : { rule: "approximator_quantity" };
  }
  if (entry === "may" && first.text === "May") {
    const n1 = c.next(1);
    if (!c.opensSentence() || isNumber(n1) || n1?.text === ",") return { rule: "may_month" };
    if (n1?.pos === "PRON") return undefined; // "May I ask", whatever the tag of "May"
  }
  if (single && MODALS.has(entry) && (first.pos === "NOUN" || first.pos === "PROPN")) {
    return { rule: "modal_noun" };
  }
  if (entry === "i" && first.text === "I") {
    const p = c.prev(1);
    if (p && p.end === first.start - 1 && p.pos === "PROPN" && /^\p{Lu}/u.test(p.text)) {
      return { rule: "numeral_i" };
    }
  }
  if (entry === "us" && /^U\.?S\.?$/.test(first.text)) return { rule: "us_country" };
  if (entry === "quite" && hit.category === "hedge") {
    const n1 = c.next(1);
    if (n1 && LIMIT_WORDS.has(n1.lower)) return { rule: "quite_maximizer", category: "booster" };
  }
  if (entry === "rather") {
    const n1 = c.next(1);
    const p1 = c.prev(1);
    if (
      n1?.lower === "than" || (p1 && ["would", "'d", "or", "had"].includes(p1.lower)) ||
      (c.opensSentence() && n1?.text === ",")
    ) return { rule: "rather_connective" };
  }
  if (entry === "even") {
    const n1 = c.next(1);
    if (n1 && CONCESSIVE_AFTER_EVEN.has(n1.lower)) return { rule: "even_concessive" };
  }
  if (entry === "expected" && c.next(1)?.lower === "to") return { rule: "expected_to" };
  if (entry === "certain") {
    const p1 = c.prev(1);
    const n1 = c.next(1);
    const predicative =
      (p1 && ["be", "seem", "appear", "feel", "remain", "become", "make", "look", "sound"]
        .includes(p1.lemma)) ||
      (n1 && ["that", "of", "to", "about", "whether"].includes(n1.lower)) ||
      (n1 !== undefined && PUNCT_TYPES.has(n1.type)) || n1 === undefined;
    if (!predicative) return { rule: "certain_attributive" };
  }
  if (
    (entry === "kind of" || entry === "sort of") && TYPE_DETERMINERS.has(c.prev(1)?.lower ?? "")
  ) {
    return { rule: "kind_of_noun" };
  }
  if (single && COMPLEMENT_VERBS.has(first.lemma) && COMPLEMENT_VERBS.has(entry)) {
    const verdict = judgeComplementVerb(c, first);
    if (verdict) return verdict;
  }
  if (hit.category === "booster") {
    const p1 = c.prev(1);
    const p2 = c.prev(2);
    if (p1 && NEGATORS.has(p1.lower)) return { rule: "negated_booster", category: "hedge" };
    if (p1 && p2 && NEGATORS.has(p2.lower) && DEGREE_WORDS.has(p1.lower)) {
      // "not really sure": the negated "really" already stands for the phrase.
      return boosterStarts.has(hit.tokenStart - 1)
        ? { rule: "negated_booster" }
        : { rule: "negated_booster", category: "hedge" };
    }
  }
  if (hit.category === "engagement" && isDirective(entry)) {
    if (!isImperative(c, first)) return { rule: "directive_imperative" };
  }
  return undefined;
}

function judgeComplementVerb(c: Context, first: Token): Verdict | undefined {
  if (first.pos === "NOUN" || first.pos === "PROPN") {
    return NOUN_HEDGES.has(first.lemma) ? undefined : { rule: "verb_complement" };
  }
  const n1 = c.next(1);
  if (n1 && first.lemma === "know" && n1.lower === "as") return { rule: "verb_complement" };
  if (n1 && (COMPLEMENT_STARTERS.has(n1.lower) || n1.pos === "ADJ")) return undefined;
  // "think about", "know of", "feel for": a prepositional object, not a clause.
  if (n1 && n1.pos === "ADP") return { rule: "verb_complement" };
  for (let k = 1; k <= 3; k++) {
    const p = c.prev(k);
    if (!p || PUNCT_TYPES.has(p.type)) break;
    if (PERSONAL_SUBJECTS.has(p.lower)) return undefined;
  }
  if (first.lemma === "appear" && c.prev(1)?.lower === "it") return undefined;
  return { rule: "verb_complement" };
}

function isDirective(entry: string): boolean {
  return !NOT_DIRECTIVES.has(entry);
}

function isImperative(c: Context, first: Token): boolean {
  if (first.pos !== "VERB" && first.pos !== "AUX") return false;
  if (first.lower !== first.lemma && first.lower !== "do") return false;
  if (c.opensSentence()) return true;
  const p1 = c.prev(1)?.lower;
  const p2 = c.prev(2)?.lower;
  if (p1 === "please") return true;
  // "don't forget", "do not use", opening the sentence ("let's see" is one hit already).
  return (p1 === "n't" || p1 === "not") && p2 === "do" && c.opensSentence(2);
}

function judgeReporting(hit: Hit, tokens: readonly Token[]): Verdict | undefined {
  const c = new Context(tokens, hit);
  const first = c.first;
  if (first.pos !== "VERB") return { rule: "reporting_verb_tag" };
  const n1 = c.next(1);
  // (a) A clause, a quotation or a colon follows: "said that", "said he", "said: “…”".
  if (n1 && (CLAUSE_STARTERS.has(n1.lower) || n1.text === ":" || QUOTE_MARKS.test(n1.text))) {
    return undefined;
  }
  // (b) "that" within four words; an object then "to" + verb ("told reporters that",
  // "urged X to act"); or a subject then an auxiliary, no comma between ("claimed the
  // vote was rigged").
  const subjectStart = n1 !== undefined && SUBJECT_TAGS.has(n1.pos);
  for (let k = 1; k <= 4; k++) {
    const t = c.next(k);
    if (!t || PUNCT_TYPES.has(t.type)) break;
    if (t.lower === "that") return undefined;
    if (k > 1 && subjectStart && t.pos === "AUX") return undefined;
    if (t.lower === "to" && k > 1 && c.next(k + 1)?.pos === "VERB") return undefined;
  }
  // (c) After a quotation: "“…,” the expert emphasized", or an inverted ", explained the minister".
  for (let k = 1; k <= 4; k++) {
    const t = c.prev(k);
    if (!t) break;
    const inside = c.prev(k + 1);
    if (CLOSING_MARKS.test(t.text) && inside && /^[,.!?…]$/.test(inside.text)) return undefined;
  }
  const p1 = c.prev(1);
  if (p1?.text === "," && !first.lower.endsWith("ing")) return undefined;
  // (d) Closing a clause after its subject, not a passive: "as they say,", "he said."
  if (!n1 || PUNCT_TYPES.has(n1.type)) {
    const passive = [c.prev(1), c.prev(2)].some((t) => t && BE_FORMS.has(t.lower));
    if (!passive) return undefined;
  }
  return { rule: "reporting_frame" };
}
