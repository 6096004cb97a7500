import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { loadActors } from "../lib/actors/load.ts";
import { findMentions } from "../lib/actors/find_mentions.ts";
import { type BalanceEvidence, mentionScores } from "../lib/actors/mention_scores.ts";
import { mentionRoles } from "../lib/actors/roles.ts";
import type { Mention } from "../lib/actors/schema.ts";
import { frameLexicons, FrameOptions } from "../lib/sentiment/frame_lexicons.ts";
import { spanSentiment } from "../lib/sentiment/span_sentiment.ts";
import { tokenizeText } from "../lib/tokenize.ts";

const ACTORS = await loadActors("tests/fixtures/frames/actors.yaml");

/** Scores every mention of `text` with the trained model and all frames; by actor, in text order. */
function score(text: string, frames = {}) {
  const { tokens } = tokenizeText(text);
  const mentions = findMentions(tokens, ACTORS);
  const roles = mentionRoles(tokens, mentions, { persons: new Set(["smith", "jones"]) });
  const scores = mentionScores(
    { text, tokens, mentions, roles },
    (m) => spanSentiment(tokens, m),
    { lexicons: frameLexicons(), frames: FrameOptions.parse(frames), band: 0.21 },
  );
  const by: Record<
    string,
    { m: Mention; score: number; evaluates?: boolean; evidence: unknown[] }[]
  > = {};
  mentions.forEach((m, i) => (by[m.actor] ??= []).push({ m, ...scores[i] }));
  return by;
}

Deno.test("mentionScores() keeps a place from another actor's praise, and says why", () => {
  const s = score("Smith opened a wonderful new hospital in Ruritania.");
  strictEqual(s.ruritania[0].score, 0);
  strictEqual(s.ruritania[0].evaluates, false);
  const part = s.ruritania[0].evidence[0] as { kind: string; counted: boolean; rule: string };
  deepStrictEqual([part.kind, part.counted], ["sentiment", false]);
  ok(part.rule.includes("another actor"));
  ok(s.smith[0].score > 0);
});

Deno.test("mentionScores() lets a place keep an evaluation no other actor owns", () => {
  const s = score("Hatred and violent repression are growing within Ruritania.");
  ok(s.ruritania[0].score < 0, `score ${s.ruritania[0].score}`);
  strictEqual(s.ruritania[0].evaluates, true);
});

Deno.test("mentionScores() applies balance: away from a condemned actor counts for the mover", () => {
  const villain = "Borduria is a brutal, corrupt and murderous regime. ";
  const away = score(villain + "Syldavia has distanced itself from Borduria.");
  const balance = away.syldavia[0].evidence.filter((e) =>
    (e as BalanceEvidence).kind === "balance"
  ) as BalanceEvidence[];
  strictEqual(balance.length, 1);
  strictEqual(balance[0].other, "borduria");
  ok(balance[0].otherStance < 0 && balance[0].weight > 0);
  const toward = score(villain + "Syldavia has sided with Borduria.");
  const b2 = toward.syldavia[0].evidence.find((e) =>
    (e as BalanceEvidence).kind === "balance"
  ) as BalanceEvidence;
  ok(b2.weight < 0, "siding with a condemned actor counts against");
  // With relations switched off there is no balance.
  const off = score(villain + "Syldavia has sided with Borduria.", { relations: false });
  ok(!off.syldavia[0].evidence.some((e) => (e as BalanceEvidence).kind === "balance"));
});

Deno.test("mentionScores() marks a mention evaluating by the model's class or by a frame", () => {
  const plain = score("Smith arrived in the capital on Tuesday.");
  strictEqual(plain.smith[0].evaluates, false);
  const framed = score("Smith blackmailed the farmers.");
  strictEqual(framed.smith[0].evaluates, true);
  ok(framed.smith[0].score < 0);
});
