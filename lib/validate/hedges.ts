/**
 * Validation of hedge detection against cue annotation: precision and recall
 * of the toolkit's `hedge` hits (stance lexicon + context rules) against
 * hand-marked cues, one JSON object per line:
 *
 * `{"text": "...", "tokens": ["...", ...], "speculation_cues": [{"token_idx": [3], "text": "may"}]}`
 *
 * This is the format of the SFU Review speculation sample in
 * `benchmarks/stance/sfu_review_speculation/sentences_speculation.jsonl`; a
 * researcher's own sample may name the list `cues` instead, and may leave out
 * `tokens` (then the text is split at spaces). `token_idx` indexes `tokens`.
 *
 * Scoring: a hit and a cue agree when they share a token (lenient cue match;
 * `exact` requires the same token set). Precision = hits that agree with some
 * cue / hits; recall = cues that agree with some hit / cues. Because the
 * annotation may be broader than the hedge category (SFU marks "or", "if",
 * "can" as speculation), `inCategory` scores against only the cues whose own
 * words the hedge category matches when read alone, without context rules.
 * `noRules` gives the raw lexicon's figures with every context rule off.
 *
 * @module
 */
import { z } from "zod";
import { InputError } from "../errors.ts";
import { matchLexicon } from "../lexicon/match.ts";
import { type StanceHit, StanceRule } from "../stance/disambiguate.ts";
import { findStance } from "../stance/find.ts";
import { loadStanceLexicons, type StanceLexicons } from "../stance/lexicons.ts";
import type { Token } from "../token.ts";
import { tokenizeText } from "../tokenize.ts";

/** One annotated cue: token indexes into the sentence's tokens. */
export const Cue = z.looseObject({
  token_idx: z.array(z.number().int().nonnegative()).min(1),
  text: z.string().optional(),
});
/** One annotated cue. */
export type Cue = z.infer<typeof Cue>;

/** One annotated sentence. */
export const CueSentence = z.looseObject({
  text: z.string(),
  tokens: z.array(z.string()).optional(),
  speculation_cues: z.array(Cue).optional(),
  cues: z.array(Cue).optional(),
});
/** One annotated sentence. */
export type CueSentence = z.infer<typeof CueSentence>;

/** Precision, recall and F1 with their counts. */
export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  /** Hits that agree with a cue. */
  hitsMatched: number;
  hits: number;
  /** Cues that agree with a hit. */
  cuesMatched: number;
  cues: number;
}

/** The result of {@link scoreHedges}. */
export interface HedgeValidation extends PRF {
  /** Sentences scored. */
  n: number;
  /** Scores against the cues that the hedge category matches (read alone). */
  inCategory: PRF;
  /** Scores when the hit's token set must equal the cue's. */
  exact: PRF;
  /** The raw lexicon's scores, every context rule off. */
  noRules: PRF;
  /** Hedge entries whose hits most often agree with no cue: [entry, count]. */
  topFalsePositives: Array<[string, number]>;
  /** Cue texts most often found by no hit: [cue text, count]. */
  topMissed: Array<[string, number]>;
  /** What was measured, in words. */
  method: string;
}

/** Options of {@link scoreHedges}. */
export interface ScoreHedgesOptions {
  /** Category of the stance lexicon that holds hedges. @default "hedge" */
  category?: string;
  /** Length of the top-lists of false positives and misses. @default 15 */
  top?: number;
}

/**
 * Parses annotated sentences (JSONL). Blank lines are skipped.
 *
 * @param text The JSONL content.
 * @param file The file name, for errors.
 * @throws {InputError} For a line that is not JSON, lacks `text`, or has a cue outside its tokens.
 *
 * @example
 * ```ts
 * import { parseCueSentences } from "./hedges.ts";
 * import { strictEqual, throws } from "node:assert/strict";
 *
 * const rows = parseCueSentences('{"text":"It may rain","cues":[{"token_idx":[1]}]}\n', "a.jsonl");
 * strictEqual(rows[0].cues?.[0].token_idx[0], 1);
 * throws(() => parseCueSentences('{"text":"x","cues":[{"token_idx":[5]}]}', "a.jsonl"), /line 1/);
 * ```
 */
export function parseCueSentences(text: string, file: string): CueSentence[] {
  const rows: CueSentence[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      throw new InputError({ file, line: i + 1 }, "expected a JSON object");
    }
    const parsed = CueSentence.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(
        { file, line: i + 1, path: issue.path.join(".") },
        `expected {text, tokens?, speculation_cues|cues: [{token_idx}]}: ${issue.message}`,
      );
    }
    const row = parsed.data;
    const n = (row.tokens ?? row.text.trim().split(/\s+/)).length;
    for (const cue of cuesOf(row)) {
      const bad = cue.token_idx.find((k) => k >= n);
      if (bad !== undefined) {
        throw new InputError(
          { file, line: i + 1 },
          `expected cue token indexes below ${n} (the sentence's tokens), got ${bad}`,
        );
      }
    }
    rows.push(row);
  });
  return rows;
}

function cuesOf(row: CueSentence): Cue[] {
  return row.speculation_cues ?? row.cues ?? [];
}

/**
 * Scores the hedge category on annotated sentences.
 *
 * @param sentences Annotated sentences (from `parseCueSentences`).
 * @param lexicons The stance lexicons (reporting verbs are not used).
 * @param options Hedge category name and top-list length.
 * @returns Precision, recall, F1, in-category, exact and no-rules figures.
 *
 * @example "about five" is a hedge cue; "think about" is not
 * ```ts
 * import { parseCueSentences, scoreHedges } from "./hedges.ts";
 * import { loadStanceLexicons } from "../stance/lexicons.ts";
 * import { strictEqual } from "node:assert/strict";
 *
 * const rows = parseCueSentences([
 *   '{"text":"It took about five days .","cues":[{"token_idx":[2]}]}',
 *   '{"text":"Think about it .","cues":[]}',
 * ].join("\n"), "<test>");
 * const v = scoreHedges(rows, await loadStanceLexicons({ reporting: false }));
 * strictEqual(v.precision, 1);
 * strictEqual(v.recall, 1);
 * strictEqual(v.noRules.precision, 0.5);
 * ```
 */
export function scoreHedges(
  sentences: readonly CueSentence[],
  lexicons: StanceLexicons,
  options: ScoreHedgesOptions = {},
): HedgeValidation {
  const category = options.category ?? "hedge";
  const top = options.top ?? 15;
  const lex = { stance: lexicons.stance };
  const allOff = StanceRule.options;
  const tally = { main: counter(), inCat: counter(), exact: counter(), raw: counter() };
  const falsePositives = new Map<string, number>();
  const missed = new Map<string, number>();

  for (const row of sentences) {
    const { tokens, goldOf } = align(row);
    const cues = cuesOf(row).map((c) => new Set(c.token_idx));
    const toSet = (h: { tokenStart: number; tokenEnd: number }) =>
      new Set(tokens.slice(h.tokenStart, h.tokenEnd).map((t) => goldOf.get(t) ?? -1));
    const pick = (hits: StanceHit[]) => hits.filter((h) => h.category === category);
    const input = { text: row.text, tokens };
    const kept = pick(findStance(input, lex, { scareQuotes: false }).hits);
    const hits = kept.map(toSet);
    const rawHits = pick(
      findStance(input, lex, { scareQuotes: false, rules: { off: allOff } }).hits,
    ).map(toSet);
    const inCatCues = cues.filter((cue) => {
      const own = tokens.filter((t) => cue.has(goldOf.get(t) ?? -1));
      return matchLexicon(own, lexicons.stance).some((h) => h.category === category);
    });
    tally.main.add(hits, cues, overlaps);
    tally.inCat.add(hits, inCatCues, overlaps);
    tally.exact.add(hits, cues, sameSet);
    tally.raw.add(rawHits, cues, overlaps);
    kept.forEach((h, k) => {
      if (!cues.some((c) => overlaps(hits[k], c))) bump(falsePositives, h.entry);
    });
    cuesOf(row).forEach((cue, k) => {
      if (!hits.some((h) => overlaps(h, cues[k]))) {
        bump(
          missed,
          (cue.text ?? cue.token_idx.map((i) => row.tokens?.[i]).join(" ")).toLowerCase(),
        );
      }
    });
  }
  const main = tally.main.result();
  return {
    n: sentences.length,
    ...main,
    inCategory: tally.inCat.result(),
    exact: tally.exact.result(),
    noRules: tally.raw.result(),
    topFalsePositives: topOf(falsePositives, top),
    topMissed: topOf(missed, top),
    method: `Hits of the stance lexicon's "${category}" category after the context rules, ` +
      "against annotated cues; a hit and a cue agree when they share a token. inCategory: only " +
      `cues whose own words the "${category}" category matches when read alone. noRules: every ` +
      "context rule off.",
  };
}

/**
 * Reads an annotated JSONL file and scores the toolkit's hedge category on it
 * with the toolkit's own lexicons.
 *
 * @param path The JSONL file.
 * @param options Hedge category name and top-list length.
 * @returns The validation figures, with the file name.
 *
 * @example
 * ```ts
 * import { validateHedges } from "@framing/toolkit/validate";
 * import { ok } from "node:assert/strict";
 *
 * const path = await Deno.makeTempFile({ suffix: ".jsonl" });
 * await Deno.writeTextFile(path, '{"text":"Perhaps so .","cues":[{"token_idx":[0]}]}\n');
 * const v = await validateHedges(path);
 * ok(v.recall === 1 && v.n === 1);
 * ```
 */
export async function validateHedges(
  path: string,
  options: ScoreHedgesOptions = {},
): Promise<HedgeValidation & { file: string }> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    throw new InputError({ file: path }, "expected a readable JSONL file", { cause: e });
  }
  const rows = parseCueSentences(text, path);
  const lexicons = await loadStanceLexicons({ reporting: false });
  return { file: path, ...scoreHedges(rows, lexicons, options) };
}

type TokenSet = Set<number>;

function overlaps(a: TokenSet, b: TokenSet): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

function sameSet(a: TokenSet, b: TokenSet): boolean {
  return a.size === b.size && overlaps(a, b) && [...a].every((x) => b.has(x));
}

function counter() {
  let hits = 0, hitsMatched = 0, cues = 0, cuesMatched = 0;
  return {
    add(h: TokenSet[], c: TokenSet[], agree: (a: TokenSet, b: TokenSet) => boolean): void {
      hits += h.length;
      cues += c.length;
      hitsMatched += h.filter((x) => c.some((y) => agree(x, y))).length;
      cuesMatched += c.filter((y) => h.some((x) => agree(x, y))).length;
    },
    result(): PRF {
      const precision = hits > 0 ? hitsMatched / hits : 0;
      const recall = cues > 0 ? cuesMatched / cues : 0;
      const f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
      return { precision, recall, f1, hitsMatched, hits, cuesMatched, cues };
    },
  };
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function topOf(map: Map<string, number>, n: number): Array<[string, number]> {
  return [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n);
}

/**
 * Tokenises the sentence with the toolkit's model and maps each model token
 * to the annotated token its first character falls in.
 */
function align(row: CueSentence): { tokens: Token[]; goldOf: Map<Token, number> } {
  const gold = row.tokens ?? row.text.trim().split(/\s+/);
  const spans: Array<[number, number]> = [];
  let cursor = 0;
  for (const g of gold) {
    const at = row.text.indexOf(g, cursor);
    const start = at < 0 ? cursor : at;
    spans.push([start, start + (at < 0 ? 0 : g.length)]);
    cursor = at < 0 ? cursor : at + g.length;
  }
  const { tokens } = tokenizeText(row.text);
  const goldOf = new Map<Token, number>();
  let k = 0;
  for (const t of tokens) {
    while (k < spans.length - 1 && spans[k][1] <= t.start) k++;
    if (spans[k] && t.start >= spans[k][0] && t.start < Math.max(spans[k][1], spans[k][0] + 1)) {
      goldOf.set(t, k);
    }
  }
  return { tokens, goldOf };
}

if (import.meta.main) {
  const [file] = Deno.args;
  if (!file) {
    console.error("Usage: deno run -A lib/validate/hedges.ts FILE.jsonl");
    Deno.exit(2);
  }
  try {
    console.log(JSON.stringify(await validateHedges(file), null, 2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    Deno.exit(e instanceof InputError ? 2 : 1);
  }
}
