/**
 * Line rules for the furniture of news pages: bylines, datelines, counters,
 * tags, prompts, notices and calendars. Each rule is general (not keyed to a
 * particular site) and has a name, so every segment says which rule made it.
 *
 * @module
 */

/** A rule that recognises one kind of page furniture from a single line. */
export interface LineRule {
  name: string;
  voice: "meta" | "boilerplate";
  /** Only in the footer, after the article has ended. */
  footerOnly?: boolean;
  /** The article's own text ends at this line: what follows is page footer. */
  endsArticle?: boolean;
  /** Reader comments follow this line. */
  opensComments?: boolean;
  test: (line: string) => boolean;
}

const MONTH =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const WEEKDAY = /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|s|nesday|rsday|urday)?$/i;
const TIME = String.raw`\d{1,2}\s?:\s?\d{2}`;
const NUM_DATE = String.raw`\d{1,2}[./-]\d{1,2}[./-]\d{2,4}`;
const WORD_DATE = String.raw`\d{1,2}\s+${MONTH}\.?,?\s+\d{4}|${MONTH}\.?\s+\d{1,2},?\s+\d{4}`;

/** A line that is only a date, a time, or both (a dateline or a comment's timestamp). */
export const TIMESTAMP = new RegExp(
  String.raw`^\W*(?:(?:${NUM_DATE}|${WORD_DATE})(?:,?\s*(?:at\s+)?${TIME})?|${TIME})\W*$`,
  "i",
);

/**
 * The number of whitespace-separated words in a line. Rules test their
 * (rarely matching) keywords first and count words only then: counting on
 * every line of every article was most of the cost of cutting voices.
 */
function wordCount(line: string): number {
  return line.match(/\S+/g)?.length ?? 0;
}

/** The rules, tried in order; the first that matches a line decides it. */
export const LINE_RULES: readonly LineRule[] = [
  {
    name: "comment-counter",
    voice: "meta",
    endsArticle: true,
    opensComments: true,
    test: (l) => /^\s*\d+\s+(comments?|replies|responses)\s*$/i.test(l),
  },
  {
    name: "sign-in-prompt",
    voice: "boilerplate",
    endsArticle: true,
    opensComments: true,
    test: (l) =>
      /\b(sign|log)\s?(in|up)\b|\bregister\b|\bauthori[sz]e\b/i.test(l) &&
      /\bcomments?\b|\bcommenting\b/i.test(l) &&
      wordCount(l) <= 30,
  },
  {
    name: "error-report-prompt",
    voice: "boilerplate",
    endsArticle: true,
    test: (l) =>
      (/\b(find|found|notice|noticed|see)\s+(an?\s+)?(error|typo|mistake|inaccuracy)/i.test(l) ||
        /ctrl\s*\+\s*enter/i.test(l)) &&
      wordCount(l) <= 30,
  },
  {
    name: "tags",
    voice: "meta",
    endsArticle: true,
    test: (l) => /^\s*(tags|keywords|rubrics?|categories|topics)\s*:/i.test(l),
  },
  {
    name: "subscription-prompt",
    voice: "boilerplate",
    test: (l) => /\bsubscribe\b|\bsubscription\b|\bnewsletter\b/i.test(l) && wordCount(l) <= 40,
  },
  {
    name: "share-prompt",
    voice: "boilerplate",
    test: (l) =>
      /^\W*(share( this)?( on| article)?|follow us|read (also|more)|related( articles| news)?|advertisement)\b/i
        .test(l) && wordCount(l) <= 12,
  },
  {
    name: "moderation-notice",
    voice: "boilerplate",
    test: (l) =>
      /\brules for (publishing|posting|commenting)\b/i.test(l) ||
      /\b(site )?administration\b[^.]*\b(delete|block|remove)/i.test(l) ||
      // Both of these need "prohibited": one quick search for it spares two slow ones on most lines.
      (/\bprohibited\b/i.test(l) &&
        (/\b(comments?|links?|publication|accounts?)\b[^.!]*\bprohibited\b/i.test(l) ||
          /\bprohibited\b[^.!]*\b(comments?|links?|publication)\b/i.test(l))) ||
      /\b(moderators?|moderation)\b[^.]*\bcomments?\b/i.test(l),
  },
  {
    name: "view-count",
    voice: "meta",
    test: (l) => /^\s*(views?|reads?|readers|hits)\s*:?\s*[\d\s,.]+[kKmM]?\s*$/i.test(l),
  },
  {
    name: "byline",
    voice: "meta",
    test: (l) =>
      /^\s*(by|author:?|text:?|photo:?)\s+\p{Lu}[\p{L}.'-]*(\s+\p{Lu}[\p{L}.'-]*){0,3}\s*$/u.test(
        l,
      ),
  },
  {
    name: "timestamp",
    voice: "meta",
    test: (l) => TIMESTAMP.test(l.trim()),
  },
  {
    name: "calendar",
    voice: "boilerplate",
    footerOnly: true,
    test: (l) => {
      const t = l.replace(/^[\s•·*"“”'«»-]+|[\s•·*"“”'«»-]+$/g, "");
      if (new RegExp(`^${MONTH}(\\s+\\d{4})?$`, "i").test(t)) return true;
      const words = t.split(/\s+/);
      if (words.length >= 3 && words.filter((w) => WEEKDAY.test(w)).length >= words.length - 1) {
        return true;
      }
      return /^[\d\s]+$/.test(t);
    },
  },
];

/** The first rule that matches the line, if any. */
export function matchLineRule(line: string, inFooter: boolean): LineRule | undefined {
  return LINE_RULES.find((r) => (inFooter || !r.footerOnly) && r.test(line));
}

/** Reader comment item marker, e.g. `  1. +7` or `3. -2` (number, then vote score). */
export const COMMENT_ITEM = /^(\s*)(\d+)[.)]\s+([+-−]?\s?\d+)\s*$/;

/** True for a line of prose: enough words and a sentence's end. */
export function isProse(line: string): boolean {
  return wordCount(line) >= 12 && /[.!?…:;"”»)]\s*$|[.!?]\s/.test(line.trim());
}
