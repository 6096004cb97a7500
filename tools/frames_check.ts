/**
 * `deno task frames:check [--benchmarks DIR]`: how often each kind of frame
 * evaluation (`lib/sentiment/frames.ts`) agrees in sign with the human label
 * of the target it fires on, on NewsMTSC's training split
 * (`newsmtsc/train.jsonl`, the part `SPLITS.md` marks for fitting). Each
 * target becomes a mention with its role; prints one JSON object: per kind
 * and rule, the targets labelled with the evaluation's sign (`agree`), with
 * the other sign (`disagree`) and neutral; then the same per lexicon entry
 * for entries that fired on at least `--min` (default 4) signed targets.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { join } from "node:path";
import { mentionRoles } from "../lib/actors/roles.ts";
import type { Mention } from "../lib/actors/schema.ts";
import { frameLexicons } from "../lib/sentiment/frame_lexicons.ts";
import { frameEvaluations } from "../lib/sentiment/frames.ts";
import { tokenRange } from "../lib/sentiment/valence.ts";
import { tokenizeText } from "../lib/tokenize.ts";
import { parseTargets } from "../lib/validate/targets.ts";
import { benchmarksOrExit } from "./_benchmarks.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: { benchmarks: { type: "string" }, min: { type: "string", default: "4" } },
});
const file = join(benchmarksOrExit(values.benchmarks, "frames:check"), "newsmtsc", "train.jsonl");
const targets = parseTargets(Deno.readTextFileSync(file), file);
const lexicons = frameLexicons();
type Tally = { agree: number; disagree: number; neutral: number };
const byRule: Record<string, Tally> = {};
const byEntry: Record<string, Tally> = {};
const tokenized = new Map<string, ReturnType<typeof tokenizeText>>();
for (const t of targets) {
  let tok = tokenized.get(t.sentence);
  if (!tok) tokenized.set(t.sentence, tok = tokenizeText(t.sentence));
  const [from, to] = tokenRange(tok.tokens, t.start, t.end);
  if (from >= to) continue;
  const mention: Mention = {
    actor: "target",
    start: t.start,
    end: t.end,
    tokenStart: from,
    tokenEnd: to,
    sentence: tok.tokens[from].sentence,
    voice: "body",
    form: t.sentence.slice(t.start, t.end),
    via: "alias",
    term: "target",
  };
  const roles = mentionRoles(tok.tokens, [mention]);
  const found = frameEvaluations(
    { text: t.sentence, tokens: tok.tokens, mentions: [mention], roles },
    lexicons,
  )[0];
  const gold = t.label === "positive" ? 1 : t.label === "negative" ? -1 : 0;
  for (const e of found) {
    if (e.weight === 0) continue;
    for (
      const tally of [
        byRule[`${e.kind}:${e.rule.split("+")[0]}`] ??= { agree: 0, disagree: 0, neutral: 0 },
        byEntry[e.entry] ??= { agree: 0, disagree: 0, neutral: 0 },
      ]
    ) {
      if (gold === 0) tally.neutral++;
      else if (Math.sign(e.weight) === gold) tally.agree++;
      else tally.disagree++;
    }
  }
}
const min = Number(values.min);
console.log(JSON.stringify(
  {
    data: "newsmtsc/train.jsonl",
    targets: targets.length,
    byRule,
    byEntry: Object.fromEntries(
      Object.entries(byEntry).filter(([, t]) => t.agree + t.disagree >= min)
        .sort(([a], [b]) => a.localeCompare(b)),
    ),
  },
  null,
  2,
));
