import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { findMentions } from "../lib/actors/find_mentions.ts";
import { loadActors } from "../lib/actors/load.ts";
import { carriesEvaluation, MentionRole, mentionRoles } from "../lib/actors/roles.ts";
import { Mention } from "../lib/actors/schema.ts";
import { analyzeArticle } from "../lib/analyze.ts";
import { loadResources } from "../lib/resources.ts";
import { tokenizeText } from "../lib/tokenize.ts";

const root = new URL("../", import.meta.url);
const actors = await loadActors(new URL("tests/fixtures/frames/actors.yaml", root).pathname);
const persons = new Set(["smith", "jones"]);

/** `form → [role, rule, predicate lemma]` for each mention of a sentence. */
function roles(text: string): Record<string, [string, string, string | undefined]> {
  const { tokens } = tokenizeText(text);
  const mentions = findMentions(tokens, actors);
  const out: Record<string, [string, string, string | undefined]> = {};
  mentionRoles(tokens, mentions, { persons }).forEach((r, i) => {
    out[mentions[i].form] = [r.role, r.rule, r.predicate?.lemma];
  });
  return out;
}

Deno.test("mentionRoles() rule possessive: a possessive name owns the noun after it", () => {
  deepStrictEqual(roles("Ruritania's new plan failed.")["Ruritania's"], [
    "possessor",
    "possessive",
    "plan",
  ]);
});

Deno.test("mentionRoles() rule possessive: a possessive pronoun", () => {
  const r = roles("Smith arrived late and his speech was short.");
  deepStrictEqual(r["his"], ["possessor", "possessive", "speech"]);
});

Deno.test("mentionRoles() rule of-possessor: the plan of X", () => {
  deepStrictEqual(roles("The budget of Syldavia shrank.")["Syldavia"], [
    "possessor",
    "of-possessor",
    "budget",
  ]);
});

Deno.test("mentionRoles() rule passive-agent: by X after a passive", () => {
  deepStrictEqual(roles("The dam was built by Borduria.")["Borduria"], [
    "agent",
    "passive-agent",
    "build",
  ]);
});

Deno.test("mentionRoles() rule from-source: a noun of action from X", () => {
  deepStrictEqual(roles("Threats from Szohod worried the farmers.")["Szohod"], [
    "agent",
    "from-source",
    "threats",
  ]);
});

Deno.test("mentionRoles() rule prep-object: moving away from X, siding with X, turning to X", () => {
  deepStrictEqual(roles("The farmers drifted away from Syldavia.")["Syldavia"], [
    "patient",
    "prep-object",
    "drift",
  ]);
  deepStrictEqual(roles("The villagers sided with Borduria.")["Borduria"][1], "prep-object");
  deepStrictEqual(roles("In the end the council turned to Klow.")["Klow"][1], "prep-object");
});

Deno.test("mentionRoles() rule prep-target: sanctions against X, a threat to X", () => {
  deepStrictEqual(roles("New tariffs against Ruritania began.")["Ruritania"], [
    "patient",
    "prep-target",
    "tariff",
  ]);
  deepStrictEqual(roles("The floods are a threat to Syldavia.")["Syldavia"][1], "prep-target");
});

Deno.test("mentionRoles() rule place-preposition: a place is not a participant", () => {
  const r = roles("Smith's long trip to Borduria ended with a concert in Ruritania.");
  deepStrictEqual(r["Borduria"].slice(0, 2), ["location", "place-preposition"]);
  deepStrictEqual(r["Ruritania"].slice(0, 2), ["location", "place-preposition"]);
  deepStrictEqual(roles("Investors build factories across Syldavia.")["Syldavia"][0], "location");
});

Deno.test("mentionRoles() rule prep-other: a person after a place preposition is not a place; talks with X", () => {
  deepStrictEqual(roles("The crowd had faith in Jones.")["Jones"].slice(0, 2), [
    "other",
    "prep-other",
  ]);
  deepStrictEqual(roles("The talks with Borduria stalled.")["Borduria"].slice(0, 2), [
    "other",
    "prep-other",
  ]);
});

Deno.test("mentionRoles() rule object: the direct object of a verb", () => {
  deepStrictEqual(roles("The storm flooded Syldavia.")["Syldavia"], ["patient", "object", "flood"]);
});

Deno.test("mentionRoles() coordination: the second conjunct shares the first one's governor", () => {
  const r = roles("The new tariffs hit Ruritania and Syldavia.");
  deepStrictEqual(r["Ruritania"].slice(0, 2), ["patient", "object"]);
  deepStrictEqual(r["Syldavia"].slice(0, 2), ["patient", "object"]);
  const s = roles("Ruritania and Syldavia signed the accord.");
  deepStrictEqual(s["Ruritania"].slice(0, 2), ["agent", "subject"]);
  deepStrictEqual(s["Syldavia"].slice(0, 2), ["agent", "subject"]);
});

Deno.test("mentionRoles() rule inverted-speech: “…,” said X", () => {
  deepStrictEqual(roles("“The river is rising,” said Jones.")["Jones"], [
    "agent",
    "inverted-speech",
    "say",
  ]);
});

Deno.test("mentionRoles() after a verb of saying, a mention with its own verb is that verb's subject", () => {
  deepStrictEqual(roles("Smith believes Borduria will win.")["Borduria"].slice(0, 2), [
    "agent",
    "subject",
  ]);
});

Deno.test("mentionRoles() rule relative-subject: X, which …", () => {
  deepStrictEqual(roles("Syldavia, which has built two dams, grew fast.")["Syldavia"], [
    "agent",
    "relative-subject",
    "build",
  ]);
});

Deno.test("mentionRoles() rule subject, past an aside and a prepositional phrase", () => {
  deepStrictEqual(roles("Borduria has quietly expanded its navy.")["Borduria"], [
    "agent",
    "subject",
    "expand",
  ]);
  deepStrictEqual(roles("Bordurian aggression on the border worried the millers.")["Bordurian"], [
    "agent",
    "subject",
    "worry",
  ]);
});

Deno.test("mentionRoles() rule passive-subject: X was …ed", () => {
  deepStrictEqual(roles("Ruritania was hit by floods.")["Ruritania"], [
    "patient",
    "passive-subject",
    "hit",
  ]);
  // A progressive is active.
  strictEqual(roles("Ruritania is building roads.")["Ruritania"][0], "agent");
});

Deno.test("mentionRoles() rule predicate-nominal: X is/became a …", () => {
  deepStrictEqual(roles("Syldavia is a small monarchy.")["Syldavia"], [
    "described",
    "predicate-nominal",
    "monarchy",
  ]);
  deepStrictEqual(roles("Borduria became a republic.")["Borduria"][1], "predicate-nominal");
});

Deno.test("mentionRoles() rule predicate-adjective: X is …", () => {
  deepStrictEqual(roles("Ruritania is very wealthy.")["Ruritania"], [
    "described",
    "predicate-adjective",
    "wealthy",
  ]);
});

Deno.test("mentionRoles() rule apposition: X, a …, keeps the verb after it as secondary", () => {
  const text = "Klow, a busy port city, has grown quickly.";
  const { tokens } = tokenizeText(text);
  const [r] = mentionRoles(tokens, findMentions(tokens, actors));
  deepStrictEqual([r.role, r.rule, r.predicate?.lemma], ["described", "apposition", "city"]);
  deepStrictEqual([r.secondary?.role, r.secondary?.predicate?.lemma], ["agent", "grow"]);
  strictEqual(text.slice(r.predicate!.start, r.predicate!.end), "a busy port city");
});

Deno.test("mentionRoles() rule none: a mention no rule reaches is other", () => {
  deepStrictEqual(roles("Ruritania!")["Ruritania"], ["other", "none", undefined]);
});

Deno.test("mentionRoles() returns one result per mention, in the order given", () => {
  const { tokens } = tokenizeText("Smith met Jones. Jones thanked Smith.");
  const mentions = findMentions(tokens, actors);
  const reversed = mentionRoles(tokens, [...mentions].reverse());
  deepStrictEqual(
    reversed.map((r) => r.role),
    mentionRoles(tokens, mentions).map((r) => r.role).reverse(),
  );
  for (const r of reversed) ok(MentionRole.options.includes(r.role));
});

Deno.test("carriesEvaluation() keeps the sentence's evaluation from a place, not from a participant", () => {
  strictEqual(carriesEvaluation("location", "sentence"), false);
  for (const role of MentionRole.options.filter((r) => r !== "location")) {
    strictEqual(carriesEvaluation(role, "sentence"), true);
  }
  strictEqual(carriesEvaluation("location", "label"), true);
});

Deno.test("analyzeArticle() records each mention's role and rule in the interchange record", async () => {
  const resources = await loadResources();
  const a = analyzeArticle({
    meta: { id: "r", date: "2023-11-10", language: "en", inferred: [] },
    text: "Airport news\n\nPutin praised the new airport in Kazakhstan.",
    origin: "test",
    warnings: [],
  }, resources);
  const putin = a.mentions.find((m) => m.actor === "putin");
  const kz = a.mentions.find((m) => m.actor === "kazakhstan");
  deepStrictEqual([putin?.role, putin?.roleRule], ["agent", "subject"]);
  deepStrictEqual([kz?.role, kz?.roleRule], ["location", "place-preposition"]);
  ok(Mention.safeParse({ ...kz, tokenStart: 0, tokenEnd: 1, term: "x" }).success);
  const off = analyzeArticle(
    {
      meta: { id: "r", language: "en", inferred: [] },
      text: "Putin smiled.",
      origin: "t",
      warnings: [],
    },
    resources,
    { frames: { roles: false } },
  );
  strictEqual(off.mentions[0].role, undefined);
});
