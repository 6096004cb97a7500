/**
 * Features of one target span (an actor's mention) for the trained target
 * model (`target_model.ts`): sparse, named so a researcher can read them, and
 * traced back to the words they come from.
 *
 * Groups (each name starts with its group's prefix):
 * - `rules` — the rule scorer's score (`rule:score`) and its parts: the
 *   sentence-level contributions (`valence.ts`) summed by where the word
 *   stands toward the span (`place:{span,clause,target,comma,strong}:{pos,neg}`,
 *   distance-weighted as the rule scorer does) and over the whole sentence
 *   (`sentence:{pos,neg}`); sums enter as `log(1 + sum)`.
 * - `lex` — each sentiment word by lexicon term and place: `lex:near:<term>`
 *   (inside the span or in its clause) or `lex:far:<term>`, with `:not` when
 *   a rule flipped the word (negation, shifter, scare quotes).
 * - `speech` — the span as the speaker of a reporting verb
 *   (`speech:speaker`, "Smith said"), inside a quotation (`speech:quoted`),
 *   in a sentence with a quotation (`speech:quote-in-sentence`).
 * - `position` — the span opens the sentence (`position:first`), stands
 *   before its clause's first verb (`position:subject`), the third of the
 *   sentence it stands in (`position:third:{1,2,3}`), a possessive
 *   (`position:possessive`), the sentence's length (`position:length:{short,mid,long}`).
 * - `negation` — a negated word in the span's clause (`negation:clause`).
 * - `context` — lemmas of the span's clause by side and distance:
 *   `ctx:L1:<lemma>` (the word just before), `ctx:L2:` (2–4 words before),
 *   `ctx:L3:` (further, same clause), `R1`..`R3` after; lemmas outside the
 *   clause as `ctx:out:<lemma>`. A lemma in a negation's scope is written
 *   `not_<lemma>`.
 * - `target` — the span's own words (`target:<lower-cased word>`; a name,
 *   i.e. a proper noun or capitalised word, as `target:name`) and whether it
 *   is a pronoun (`target:pronoun`). Names in the context are `NAME` too.
 * - `names` — the span's names themselves (`names:<lower-cased name>`). Off
 *   in the committed model: a weight per person would carry the training
 *   news' view of that person (Trump, Clinton, Putin) into every corpus.
 * - `extra` — features the caller adds (`TargetFeatureOptions.extra`), used as given.
 *
 * @module
 */
import type { Token } from "../token.ts";
import type { ResolvedSpanSentimentOptions } from "./options.ts";
import { normalizeScore } from "./_score.ts";
import { SPEECH_VERBS } from "./rules.ts";
import { ruleFactor, sentenceFrame, type SpanContext, spanContext } from "./span_context.ts";
import { isWord } from "../metrics/word_count.ts";

/** The feature groups, in the order they are computed. */
export const FEATURE_GROUPS = [
  "rules",
  "lex",
  "speech",
  "position",
  "negation",
  "context",
  "target",
  "names",
] as const;
/** A feature group. */
export type FeatureGroup = typeof FEATURE_GROUPS[number];

/** Options of {@linkcode targetFeatures}. */
export interface TargetFeatureOptions {
  /** Groups to compute. @default every group in {@linkcode FEATURE_GROUPS} */
  groups?: readonly FeatureGroup[];
  /**
   * Further features, merged in as given (added to a feature of the same
   * name): the hook for features from other analyses (event frames, roles).
   * @default {}
   */
  extra?: Readonly<Record<string, number>>;
  /**
   * Keep only the features this set has (a model's weights): prediction
   * skips the work of features the model does not know. Treated as fixed:
   * the answer for a context feature is remembered per set object.
   * @default every feature
   */
  only?: { has(name: string): boolean };
  /**
   * A model's weights ({@linkcode PackedWeights}): keeps only the features
   * it has, as `only` does, and lists their rows in the result's
   * `weightRows`, so that prediction need not look each up again. Not
   * together with `only`. @default undefined
   */
  weights?: PackedWeights;
}

/**
 * A model's weights packed for prediction: the weight of feature `name` for
 * class `c` (of three) is `rows[3 * index.get(name) + c]`. One array of
 * numbers, not an array per feature: the weights of a prediction's features
 * lie close together in memory (looking them up in 8,000 scattered arrays
 * cost a fifth of the prediction). Made once per weights Map by
 * {@linkcode packWeights}.
 */
export class PackedWeights {
  /** Feature name → row. */
  readonly index: ReadonlyMap<string, number>;
  /** Three weights per row. */
  readonly rows: Float64Array;

  constructor(weights: ReadonlyMap<string, readonly number[]>) {
    const index = new Map<string, number>();
    const rows = new Float64Array(3 * weights.size);
    for (const [name, w] of weights) {
      if (w.length !== 3) {
        throw new RangeError(
          `Cannot pack the weights of "${name}": expected 3 numbers, got ${w.length}`,
        );
      }
      rows.set(w, 3 * index.size);
      index.set(name, index.size);
    }
    this.index = index;
    this.rows = rows;
  }
}

const PACKED = new WeakMap<ReadonlyMap<string, readonly number[]>, PackedWeights>();

/**
 * The packed form of a weights Map, made once per Map (treated as fixed).
 *
 * @example
 * ```ts
 * import { packWeights } from "./target_features.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const weights = new Map([["a", [1, 2, 3]], ["b", [4, 5, 6]]]);
 * const packed = packWeights(weights);
 * strictEqual(packed.rows[3 * packed.index.get("b")! + 1], 5);
 * strictEqual(packWeights(weights), packed);
 * ```
 */
export function packWeights(weights: ReadonlyMap<string, readonly number[]>): PackedWeights {
  let packed = PACKED.get(weights);
  if (!packed) PACKED.set(weights, packed = new PackedWeights(weights));
  return packed;
}

/** What a feature filter says of a name it keeps: its row of weights, or `true` for `only`. */
type Kept = number | true;
/** The filter of the options: `only`, `weights`, or undefined (every feature kept). */
type FeatureFilter = TargetFeatureOptions["only"] | PackedWeights;

/** What `filter` says of `name`: undefined when it drops the name. */
function keptBy(filter: FeatureFilter, name: string): Kept | undefined {
  if (filter === undefined) return true;
  if (filter instanceof PackedWeights) return filter.index.get(name);
  return filter.has(name) ? true : undefined;
}

/** The features of one span. */
export interface TargetFeatures {
  /** Feature name → value (no zeros). */
  values: Map<string, number>;
  /**
   * Where features come from words, as flat triples `[name, start, end, ...]`
   * of a feature name and a word's token range (end exclusive); read it
   * with {@linkcode featureWords}.
   */
  origins: (string | number)[];
  /** The placed sentiment words of the span's sentence (the rule scorer's input). */
  context: SpanContext;
  /** The rule scorer's score toward the span (−1..+1). */
  ruleScore: number;
  /** With the option `weights`: each feature's row of weights, in the order of `values`. */
  weightRows?: number[];
}

/**
 * The token ranges of the words a feature comes from, as flat pairs
 * `[start0, end0, start1, end1, ...]` (none for e.g. a position feature).
 *
 * @example
 * ```ts
 * import { featureWords, targetFeatures } from "./target_features.ts";
 * import { SpanSentimentOptions } from "./options.ts";
 * import { tokenizeText } from "@framing/toolkit";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const { tokens } = tokenizeText("The corrupt mayor lied.");
 * const f = targetFeatures(tokens, [2, 3], SpanSentimentOptions.parse({}));
 * deepStrictEqual(featureWords(f, "target:mayor"), [2, 3]);
 * deepStrictEqual(featureWords(f, "place:clause:neg"), [1, 2, 3, 4]);
 * ```
 */
export function featureWords(features: TargetFeatures, name: string): number[] {
  const out: number[] = [];
  const o = features.origins;
  for (let j = 0; j < o.length; j += 3) {
    if (o[j] === name) out.push(o[j + 1] as number, o[j + 2] as number);
  }
  return out;
}

/** Words too common to be context features (articles, "be", punctuation-like words). */
const SKIP_CONTEXT = new Set(["the", "a", "an", "be", "of", "to", "and", "'s", "s"]);

const OPENING_QUOTES = new Set(["“", "«", "„"]);
const CLOSING_QUOTES = new Set(["”", "»"]);

/** Per sentence: what every span of it reads (context keys, quote depth). */
interface SentenceWords {
  /**
   * Context key per token (`lemma` or `not_lemma`, see {@linkcode contextKey}),
   * undefined for tokens that are no feature.
   */
  keys: (ContextKey | undefined)[];
  /** Open quotations before each token. */
  quoteDepth: Int8Array;
  /** The sentence has a quote mark. */
  hasQuote: boolean;
  /** Words in the sentence. */
  wordCount: number;
}

/** The context feature variants: side and distance bucket, or outside the clause. */
const CONTEXT_VARIANTS = ["L1", "L2", "L3", "R1", "R2", "R3", "out"] as const;

/**
 * A context key (a lemma, `not_<lemma>` or `NAME`) with its feature names by
 * variant, and what the feature filter of the last call (`only` or
 * `weights`) says of each. A
 * sentence's tokens point to their keys, so its spans find a context
 * feature's name, and whether the model knows it, without a look-up by name:
 * asking the model's 8,000 weights about every context word of every span
 * cost more than all else in the context features.
 */
interface ContextKey {
  key: string;
  /** Feature name per variant, made when first asked for. */
  names: (string | undefined)[];
  /** Per variant: undefined not asked yet, null dropped by `filter`, else what it keeps. */
  kept: (Kept | null | undefined)[];
  /** The filter that `kept` is about. */
  filter: FeatureFilter;
}

/**
 * Context keys by their text, made once per process (so each feature name is
 * one string whose hash is computed once); started afresh past
 * {@linkcode NAMES_LIMIT} keys.
 */
const CONTEXT_KEYS = new Map<string, ContextKey>();
const NAMES_LIMIT = 100_000;

/** Names made from a prefix and a key, made once per process (as {@linkcode contextKey}). */
const NAMES = new Map<string, Map<string, string>>();

/** `prefix + key.toLowerCase() + suffix`, one string per distinct name. */
function nameOf(prefix: string, key: string, suffix = ""): string {
  const group = suffix === "" ? prefix : `${prefix}\u0000${suffix}`;
  let byKey = NAMES.get(group);
  if (!byKey) NAMES.set(group, byKey = new Map());
  let name = byKey.get(key);
  if (name === undefined) {
    if (byKey.size >= NAMES_LIMIT) byKey.clear();
    byKey.set(key, name = prefix + key.toLowerCase() + suffix);
  }
  return name;
}

/** The context key of a text. */
function contextKey(key: string): ContextKey {
  let entry = CONTEXT_KEYS.get(key);
  if (!entry) {
    if (CONTEXT_KEYS.size >= NAMES_LIMIT) CONTEXT_KEYS.clear();
    entry = {
      key,
      names: new Array(CONTEXT_VARIANTS.length),
      kept: new Array(CONTEXT_VARIANTS.length),
      filter: undefined,
    };
    CONTEXT_KEYS.set(key, entry);
  }
  return entry;
}

/**
 * What `filter` says of the context feature of `entry` in variant `v`
 * (`CONTEXT_VARIANTS`; its name is then in `entry.names[v]`): undefined when
 * it drops it. The filter is asked once per key and variant (again when
 * another filter comes).
 */
function keptContext(entry: ContextKey, v: number, filter: FeatureFilter): Kept | undefined {
  if (entry.filter !== filter) {
    entry.kept.fill(undefined);
    entry.filter = filter;
  }
  let kept = entry.kept[v];
  if (kept === undefined) {
    const name = entry.names[v] ??= `ctx:${CONTEXT_VARIANTS[v]}:${entry.key}`;
    entry.kept[v] = kept = keptBy(filter, name) ?? null;
  }
  return kept ?? undefined;
}

const WORDS = new WeakMap<readonly Token[], Map<number, SentenceWords>>();

function sentenceWords(tokens: readonly Token[], from: number, to: number): SentenceWords {
  let bySentence = WORDS.get(tokens);
  if (!bySentence) WORDS.set(tokens, bySentence = new Map());
  let s = bySentence.get(from);
  if (s && s.keys.length === to - from) return s;
  const keys: (ContextKey | undefined)[] = [];
  const quoteDepth = new Int8Array(to - from);
  let depth = 0;
  let straightOpen = false;
  let hasQuote = false;
  let wordCount = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    quoteDepth[i - from] = depth + (straightOpen ? 1 : 0);
    if (t.text === '"') {
      straightOpen = !straightOpen;
      hasQuote = true;
    } else if (OPENING_QUOTES.has(t.text)) {
      depth++;
      hasQuote = true;
    } else if (CLOSING_QUOTES.has(t.text)) {
      depth = Math.max(0, depth - 1);
      hasQuote = true;
    }
    if (!isWord(t) || t.type === "number") {
      keys.push(undefined);
      continue;
    }
    wordCount++;
    const lemma = isNameToken(t, i > from) ? "NAME" : t.lemma;
    keys.push(
      SKIP_CONTEXT.has(lemma) ? undefined : contextKey(t.negated ? `not_${lemma}` : lemma),
    );
  }
  s = { keys, quoteDepth, hasQuote, wordCount };
  bySentence.set(from, s);
  return s;
}

/** A proper noun, or a capitalised word that does not open the sentence. */
function isNameToken(t: Token, inside: boolean): boolean {
  if (t.pos === "PROPN") return true;
  if (!inside) return false;
  const c = t.text.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(t.text);
}

const PLACES = ["span", "clause", "target", "comma", "strong"] as const;
/** `place:<place>:pos` and `place:<place>:neg`, in the order of {@linkcode placeOf} × sign. */
const PLACE_NAMES = PLACES.flatMap((p) => [`place:${p}:pos`, `place:${p}:neg`]);

/** Index into {@linkcode PLACES} of where a word stands toward the span. */
function placeOf(w: SpanContext["words"][number]): number {
  if (w.inSpan) return 0;
  if (w.strong > 0) return 4;
  if (w.weak > 0) return 3;
  return w.roleTarget ? 2 : 1;
}

/**
 * The features of the span `[spanFrom, spanTo)` (token indexes) in `tokens`.
 *
 * @param tokens The text's tokens (from `tokenizeText` or the analysis),
 *   treated as immutable: per-sentence work is cached per array.
 * @param span Token index range of the span (non-empty).
 * @param options Resolved span sentiment options (lexicons, rule factors).
 * @param featureOptions {@linkcode TargetFeatureOptions}.
 *
 * @example The rule parts, the target's words and an extra feature
 * ```ts
 * import { targetFeatures } from "./target_features.ts";
 * import { SpanSentimentOptions } from "./options.ts";
 * import { tokenizeText } from "@framing/toolkit";
 * import { ok, strictEqual } from "node:assert/strict";
 *
 * const { tokens } = tokenizeText("Critics said the corrupt mayor lied.");
 * const f = targetFeatures(tokens, [4, 5], SpanSentimentOptions.parse({}), {
 *   extra: { "frame:villain": 1 },
 * });
 * ok(f.values.get("place:clause:neg")! > 0);
 * strictEqual(f.values.get("target:mayor"), 1);
 * strictEqual(f.values.get("frame:villain"), 1);
 * ok(f.ruleScore < 0);
 * ```
 */
export function targetFeatures(
  tokens: readonly Token[],
  [spanFrom, spanTo]: [number, number],
  options: ResolvedSpanSentimentOptions,
  featureOptions: TargetFeatureOptions = {},
): TargetFeatures {
  const groups = new Set(featureOptions.groups ?? FEATURE_GROUPS);
  const values = new Map<string, number>();
  const origins: (string | number)[] = [];
  if (featureOptions.only !== undefined && featureOptions.weights !== undefined) {
    throw new TypeError("Cannot filter features by both `only` and `weights`: give one");
  }
  const filter: FeatureFilter = featureOptions.weights ?? featureOptions.only;
  const weightRows = featureOptions.weights === undefined ? undefined : [] as number[];
  /** Adds `v` to a feature (a filter drops or keeps a name when first added). */
  const add = (name: string, v: number, start = -1, end = -1) => {
    if (v === 0) return;
    const before = values.get(name);
    if (before === undefined) {
      const kept = keptBy(filter, name);
      if (kept === undefined) return;
      values.set(name, 0 + v);
      if (weightRows) weightRows.push(kept as number);
    } else values.set(name, before + v);
    if (start >= 0) origins.push(name, start, end);
  };
  const context = spanContext(tokens, [spanFrom, spanTo], options);
  const { from, to, words } = context;
  const spanEnd = Math.min(spanTo, to);

  // Rules: the score and its parts.
  let sum = 0;
  // Sums per place and sign (index 2 * place + (positive ? 0 : 1)), and the sentence's.
  const places = new Float64Array(2 * PLACES.length);
  let sentencePos = 0;
  let sentenceNeg = 0;
  for (const w of words) {
    const v = w.contribution.weight;
    sum += v * ruleFactor(w, options);
    const decay = w.inSpan ? 1 : Math.pow(0.5, w.distance / options.halfDistance);
    places[2 * placeOf(w) + (v > 0 ? 0 : 1)] += Math.abs(v) * decay;
    if (v > 0) sentencePos += v;
    else sentenceNeg -= v;
  }
  const ruleScore = normalizeScore(sum);
  if (groups.has("rules")) {
    add("rule:score", ruleScore);
    for (let k = 0; k < places.length; k++) add(PLACE_NAMES[k], Math.log1p(places[k]));
    add("sentence:pos", Math.log1p(sentencePos));
    add("sentence:neg", Math.log1p(sentenceNeg));
    for (const w of words) {
      const c = w.contribution;
      const positive = c.weight > 0;
      origins.push(PLACE_NAMES[2 * placeOf(w) + (positive ? 0 : 1)], c.tokenStart, c.tokenEnd);
      origins.push(positive ? "sentence:pos" : "sentence:neg", c.tokenStart, c.tokenEnd);
    }
  }
  if (groups.has("lex")) {
    for (const w of words) {
      const c = w.contribution;
      const near = w.inSpan || w.strong + w.weak === 0;
      const flipped = Math.sign(c.weight) !== Math.sign(c.entry.weight);
      add(
        nameOf(near ? "lex:near:" : "lex:far:", c.entry.term, flipped ? ":not" : ""),
        1,
        c.tokenStart,
        c.tokenEnd,
      );
    }
  }

  const sw = groups.has("speech") || groups.has("position") ||
      groups.has("negation") || groups.has("context")
    ? sentenceWords(tokens, from, to)
    : undefined;
  const { clauses, wordIndex } = sentenceFrame(tokens, from, to);
  const spanClause = clauses.strong[spanFrom - from];
  const spanAll = clauses.all[spanFrom - from];
  const spanLastAll = clauses.all[spanEnd - 1 - from];
  const firstWord = wordIndex[spanFrom - from];
  const lastWord = wordIndex[spanEnd - 1 - from];
  /** Same clause: no strong boundary, and no weak one unless the span itself spans it. */
  const sameClause = (i: number) =>
    clauses.strong[i - from] === spanClause &&
    clauses.all[i - from] >= spanAll && clauses.all[i - from] <= spanLastAll;

  if (sw && groups.has("speech")) {
    // Speaker: a reporting verb within four words after the span, in its
    // clause ("Smith said", "Smith has repeatedly said"), or just before a
    // span that ends the clause ("..., said Smith.").
    let speaker = -1;
    for (let i = spanEnd, n = 0; i < to && n < 4; i++) {
      const t = tokens[i];
      if (!isWord(t)) break;
      n++;
      if (t.pos === "VERB" && SPEECH_VERBS.has(t.lemma)) {
        speaker = i;
        break;
      }
      if (t.pos === "VERB") break;
    }
    if (speaker < 0 && spanFrom - 1 >= from) {
      const t = tokens[spanFrom - 1];
      const next = tokens[spanEnd];
      if (
        t.pos === "VERB" && SPEECH_VERBS.has(t.lemma) &&
        (next === undefined || next.sentence !== tokens[spanFrom].sentence || !isWord(next))
      ) speaker = spanFrom - 1;
    }
    if (speaker >= 0) add("speech:speaker", 1, speaker, speaker + 1);
    if (sw.quoteDepth[spanFrom - from] > 0) add("speech:quoted", 1);
    if (sw.hasQuote) add("speech:quote-in-sentence", 1);
  }
  if (sw && groups.has("position")) {
    if (firstWord === 0) add("position:first", 1);
    let verbBefore = false;
    for (let i = spanFrom - 1; i >= from && sameClause(i); i--) {
      if (tokens[i].pos === "VERB" || tokens[i].pos === "AUX") verbBefore = true;
    }
    if (!verbBefore) add("position:subject", 1);
    const middle = (firstWord + lastWord) / 2;
    const third = Math.min(3, 1 + Math.floor((3 * middle) / Math.max(1, sw.wordCount)));
    add(`position:third:${third}`, 1);
    if (tokens[spanEnd]?.lower === "'s" || tokens[spanEnd]?.lower === "’s") {
      add("position:possessive", 1);
    }
    add(
      `position:length:${sw.wordCount <= 15 ? "short" : sw.wordCount <= 30 ? "mid" : "long"}`,
      1,
    );
  }
  if (sw && groups.has("negation")) {
    for (let i = from; i < to; i++) {
      if (tokens[i].negated && sameClause(i) && (i < spanFrom || i >= spanEnd)) {
        add("negation:clause", 1, i, i + 1);
        break;
      }
    }
  }
  if (sw && groups.has("context")) {
    for (let i = from; i < to; i++) {
      if (i >= spanFrom && i < spanEnd) continue;
      const key = sw.keys[i - from];
      if (key === undefined) continue;
      let variant: number;
      if (!sameClause(i)) variant = 6;
      else if (i < spanFrom) {
        const d = firstWord - wordIndex[i - from];
        variant = d <= 1 ? 0 : d <= 4 ? 1 : 2;
      } else {
        const d = wordIndex[i - from] - lastWord;
        variant = d <= 1 ? 3 : d <= 4 ? 4 : 5;
      }
      const kept = keptContext(key, variant, filter);
      if (kept === undefined) continue;
      const name = key.names[variant]!;
      if (values.has(name)) continue;
      // What `add(name, 1, i, i + 1)` does to a name it has not seen.
      values.set(name, 1);
      origins.push(name, i, i + 1);
      if (weightRows) weightRows.push(kept as number);
    }
  }
  if (groups.has("target")) {
    let wordsInSpan = 0;
    let pronoun = false;
    for (let i = spanFrom; i < spanEnd; i++) {
      const t = tokens[i];
      if (!isWord(t)) continue;
      wordsInSpan++;
      pronoun = t.pos === "PRON";
      // Names stay anonymous here: a weight per person would carry the
      // training news' view of that person into every corpus (group "names").
      const isName = isNameToken(t, i > spanFrom);
      const name = isName ? "target:name" : nameOf("target:", t.lower);
      if (!values.has(name)) add(name, 1, i, i + 1);
      if (isName && groups.has("names") && !values.has(`names:${t.lower}`)) {
        add(`names:${t.lower}`, 1, i, i + 1);
      }
    }
    if (wordsInSpan === 1 && pronoun) add("target:pronoun", 1);
  }
  for (const [name, v] of Object.entries(featureOptions.extra ?? {})) add(name, v);
  return weightRows
    ? { values, origins, context, ruleScore, weightRows }
    : { values, origins, context, ruleScore };
}
