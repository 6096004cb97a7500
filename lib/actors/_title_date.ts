/**
 * Private: binding a title ("the Kazakh president") to the person who held it
 * at the time the sentence speaks of.
 *
 * The time is, in order: a year named in the sentence ("back in 1994", the
 * one nearest the title when there are several), a span counted back from
 * the article date ("three decades ago", "last year"), or the article date
 * itself. The holder whose term covers most of that time wins; a tie, or no
 * holder at all, leaves the title unresolved. With no time at all, a title
 * that only one actor ever held still resolves to them.
 *
 * @module
 */
import type { Token } from "../token.ts";
import type { TitleHolder } from "./_index.ts";

/** A stretch of days `[from, to)`, ISO dates, and how it was found. */
export interface Reference {
  from: string;
  to: string;
  basis: string;
}

/** Prepositions and words after which a four-digit number is read as a year. */
const YEAR_CUES = new Set([
  "in",
  "since",
  "until",
  "till",
  "by",
  "from",
  "of",
  "year",
  "during",
  "before",
  "after",
  "around",
  "circa",
  "to",
  "and",
  "early",
  "late",
  "mid",
  "spring",
  "summer",
  "autumn",
  "fall",
  "winter",
]);

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
};

/**
 * Checks an article date and returns the days it covers, or `undefined` when absent.
 * @throws {RangeError} When the date is not ISO (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a date-time).
 */
export function articleReference(date: string | undefined): Reference | undefined {
  if (date === undefined || date === "") return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$/.exec(date);
  if (!m || (m[2] && (+m[2] < 1 || +m[2] > 12)) || (m[3] && (+m[3] < 1 || +m[3] > 31))) {
    throw new RangeError(
      `Cannot use article date ${JSON.stringify(date)}: expected an ISO date like "2023-11-10"`,
    );
  }
  const [y, mo, d] = [+m[1], m[2] ? +m[2] : undefined, m[3] ? +m[3] : undefined];
  const from = iso(y, mo ?? 1, d ?? 1);
  const to = d !== undefined
    ? addDays(from, 1)
    : mo !== undefined
    ? iso(mo === 12 ? y + 1 : y, mo === 12 ? 1 : mo + 1, 1)
    : iso(y + 1, 1, 1);
  return { from, to, basis: `article date ${date.slice(0, 10)}` };
}

/**
 * The time a sentence speaks of, near token `at`: a year in the sentence, a
 * span back from the article date, or the article date.
 */
export function sentenceReference(
  tokens: readonly Token[],
  at: number,
  article: Reference | undefined,
): Reference | undefined {
  const sentence = tokens[at].sentence;
  let best: { year: number; distance: number } | undefined;
  for (let i = at; i >= 0 && tokens[i].sentence === sentence; i--) consider(i);
  for (let i = at + 1; i < tokens.length && tokens[i].sentence === sentence; i++) consider(i);
  if (best) {
    return {
      from: iso(best.year, 1, 1),
      to: iso(best.year + 1, 1, 1),
      basis: `${best.year} (year in the sentence)`,
    };
  }
  if (article) {
    const ago = yearsAgo(tokens, at);
    if (ago) {
      const year = Number(article.from.slice(0, 4)) - ago.years;
      return {
        from: iso(year, 1, 1),
        to: iso(year + 1, 1, 1),
        basis: `${year} ("${ago.phrase}" before the ${article.basis})`,
      };
    }
  }
  return article;

  function consider(i: number): void {
    const t = tokens[i];
    if (t.text.length !== 4 || !/^\d{4}$/.test(t.text)) return;
    const year = Number(t.text);
    if (year < 1900 || year > 2099) return;
    const before = tokens[i - 1];
    const cued = before && before.sentence === sentence &&
      (YEAR_CUES.has(before.lower) || /^[\u2013\u2014-]$/.test(before.text));
    if (!cued) return;
    const distance = Math.abs(i - at);
    if (!best || distance < best.distance) best = { year, distance };
  }
}

/** "three decades ago", "20 years ago", "a decade ago", "last year" in the token's sentence. */
function yearsAgo(
  tokens: readonly Token[],
  at: number,
): { years: number; phrase: string } | undefined {
  const sentence = tokens[at].sentence;
  let first = at;
  while (first > 0 && tokens[first - 1].sentence === sentence) first--;
  for (let i = first; i < tokens.length && tokens[i].sentence === sentence; i++) {
    const a = tokens[i];
    const b = tokens[i + 1];
    const c = tokens[i + 2];
    if (a.lower === "last" && b?.sentence === sentence && b.lower === "year") {
      return { years: 1, phrase: "last year" };
    }
    if (!b || !c || c.sentence !== sentence || c.lower !== "ago") continue;
    const n = /^\d+$/.test(a.text) ? Number(a.text) : NUMBER_WORDS[a.lower];
    const unit = b.lower === "years" || b.lower === "year"
      ? 1
      : b.lower === "decades" || b.lower === "decade"
      ? 10
      : 0;
    if (n && unit) return { years: n * unit, phrase: `${a.text} ${b.text} ${c.text}` };
  }
  return undefined;
}

/** The holder whose term covers most of `ref`, or why there is none. */
export function pickHolder(
  holders: readonly TitleHolder[],
  ref: Reference | undefined,
): { actor: string; basis: string } | { reason: string } {
  const actors = [...new Set(holders.map((h) => h.actor))];
  if (!ref) {
    if (actors.length === 1) return { actor: actors[0], basis: "the only holder of the title" };
    return { reason: "no date to bind the title to (no article date, no year in the sentence)" };
  }
  const cover = new Map<string, number>();
  for (const h of holders) {
    const days = overlapDays(h.from, h.to, ref.from, ref.to);
    if (days > 0) cover.set(h.actor, (cover.get(h.actor) ?? 0) + days);
  }
  const ranked = [...cover.entries()].sort((x, y) => y[1] - x[1]);
  if (ranked.length === 0) return { reason: `no holder of the title in ${ref.basis}` };
  if (ranked.length > 1 && ranked[0][1] === ranked[1][1]) {
    return {
      reason: `${ranked[0][0]} and ${ranked[1][0]} held the title equally long in ${ref.basis}`,
    };
  }
  return { actor: ranked[0][0], basis: ref.basis };
}

function overlapDays(a0: string, a1: string, b0: string, b1: string): number {
  const from = a0 > b0 ? a0 : b0;
  const to = a1 < b1 ? a1 : b1;
  return from < to ? (day(to) - day(from)) : 0;
}

function day(s: string): number {
  if (s === "0000-01-01") return -1e9;
  if (s === "9999-12-31") return 1e9;
  return Date.parse(`${s}T00:00:00Z`) / 86_400_000;
}

function iso(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
}

function addDays(s: string, n: number): string {
  return new Date(Date.parse(`${s}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
