import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { findMentions } from "../lib/actors/find_mentions.ts";
import { loadActors } from "../lib/actors/load.ts";
import { carriesEvaluation, mentionRoles } from "../lib/actors/roles.ts";
import { provenanceOf } from "../lib/analyze.ts";
import { loadResources } from "../lib/resources.ts";
import {
  frameLexicons,
  type FrameOptionsInput,
  parseFrameLexicon,
} from "../lib/sentiment/frame_lexicons.ts";
import { type FrameEvaluation, frameEvaluations } from "../lib/sentiment/frames.ts";
import { tokenizeText } from "../lib/tokenize.ts";

const root = new URL("../", import.meta.url);
const actors = await loadActors(new URL("tests/fixtures/frames/actors.yaml", root).pathname);
const persons = new Set(["smith", "jones"]);
const HEAD = "name: mine\nversion: 1.0.0\ndescription: d\nsource: written for the test\n" +
  "licence: CC0-1.0\nlanguage: en\nentries:\n";

/** The evaluations of each actor in a text (mentions of one actor pooled). */
function evaluate(
  text: string,
  options: FrameOptionsInput = {},
): Record<string, FrameEvaluation[]> {
  const { tokens } = tokenizeText(text);
  const mentions = findMentions(tokens, actors);
  const lists = frameEvaluations(
    { text, tokens, mentions, persons },
    frameLexicons({ extra: options.extra }),
    options,
  );
  const out: Record<string, FrameEvaluation[]> = {};
  mentions.forEach((m, i) => {
    out[m.actor] = [...(out[m.actor] ?? []), ...lists[i]];
    for (const e of lists[i]) strictEqual(text.slice(e.start, e.end), e.form);
  });
  return out;
}

const sum = (list: FrameEvaluation[] = [], kind?: string) =>
  list.filter((e) => !kind || e.kind === kind).reduce((s, e) => s + e.weight, 0);

Deno.test("frameEvaluations() blames the agent of a bad-for act; its victim gets sympathy by implicature", () => {
  const e = evaluate("Borduria blackmailed Syldavia.");
  const agent = e.borduria.find((x) => x.kind === "event")!;
  deepStrictEqual([agent.rule, agent.entry, Math.sign(agent.weight)], ["agent", "blackmail", -1]);
  const victim = e.syldavia.find((x) => x.kind === "event")!;
  deepStrictEqual([victim.rule, Math.sign(victim.weight)], ["implicature", 1]);
  ok(Math.abs(victim.weight) < Math.abs(agent.weight));
});

Deno.test("frameEvaluations() reads the agent of a passive from its by-phrase", () => {
  const e = evaluate("Syldavia was blackmailed by Borduria.");
  ok(sum(e.borduria, "event") < 0);
  ok(sum(e.syldavia, "event") > 0);
});

Deno.test("frameEvaluations() credits the agent of a good-for act and its beneficiary", () => {
  const e = evaluate("Syldavia saved Ruritania.");
  ok(sum(e.syldavia, "event") > 0);
  deepStrictEqual(e.ruritania.map((x) => x.rule), ["implicature"]);
  ok(sum(e.ruritania) > 0);
});

Deno.test("frameEvaluations() gives the patient the view a praise or a condemnation implies", () => {
  const praised = evaluate("Smith praised Jones.");
  ok(praised.jones.some((x) => x.kind === "event" && x.rule === "patient" && x.weight > 0));
  const condemned = evaluate("Smith condemned Borduria.");
  ok(condemned.borduria.some((x) => x.kind === "event" && x.rule === "patient" && x.weight < 0));
  strictEqual(sum(condemned.smith, "event"), 0);
});

Deno.test("frameEvaluations() reverses a negated frame and draws no implicature from it", () => {
  const e = evaluate("Borduria did not betray Syldavia.");
  const agent = e.borduria.find((x) => x.kind === "event")!;
  ok(agent.weight > 0);
  strictEqual(agent.negated, true);
  strictEqual(e.syldavia.filter((x) => x.kind === "event").length, 0);
  ok(
    evaluate("Borduria betrayed Syldavia.").borduria.some((x) =>
      x.kind === "event" && x.weight < 0
    ),
  );
});

Deno.test("frameEvaluations() records a relation with the other party's actor id, on both sides", () => {
  const e = evaluate("Strelsau has taken many small steps away from Szohod.");
  const mine = e.ruritania.find((x) => x.kind === "relation")!;
  deepStrictEqual(
    [mine.rule, mine.relation?.direction, mine.relation?.side, mine.relation?.actor, mine.weight],
    ["relation", "away", "agent", "borduria", 0],
  );
  const theirs = e.borduria.find((x) => x.kind === "relation")!;
  deepStrictEqual([theirs.relation?.side, theirs.relation?.actor], ["object", "ruritania"]);
  const toward = evaluate("Klow sided with Borduria.").syldavia.find((x) => x.kind === "relation");
  deepStrictEqual([toward?.relation?.direction, toward?.relation?.actor], ["toward", "borduria"]);
});

Deno.test("frameEvaluations() applies balance when the other party is a labelled group, not an actor", () => {
  const e = evaluate("Strelsau has been flirting with home-grown nationalists.");
  const rel = e.ruritania.find((x) => x.kind === "relation")!;
  deepStrictEqual([rel.rule, rel.relation?.direction], ["balance-label", "toward"]);
  ok(rel.weight < 0);
  strictEqual(rel.relation?.actor, undefined);
});

Deno.test("frameEvaluations() reverses an act inside the object of moving away: refraining from an invasion", () => {
  const e = evaluate("Syldavia refrained from invading Ruritania.");
  const inner = e.syldavia.find((x) => x.kind === "event")!;
  deepStrictEqual([inner.rule, inner.entry], ["agent-chain+away", "invade"]);
  ok(inner.weight > 0);
  strictEqual(e.ruritania.filter((x) => x.rule === "implicature").length, 0);
});

Deno.test("frameEvaluations() lets a possessor be the agent of an event noun, and 'of' its patient", () => {
  const e = evaluate("Ruritania's betrayal of Syldavia shocked the farmers.");
  ok(e.ruritania.some((x) => x.rule === "possessor-agent" && x.weight < 0));
  ok(e.syldavia.some((x) => x.rule === "implicature" && x.weight > 0));
  ok(evaluate("The invasion of Klow began.").syldavia.some((x) => x.rule === "implicature"));
});

Deno.test("frameEvaluations() gives a place nothing from another actor's positive act", () => {
  const text = "Smith opened a fine new hospital in Ruritania.";
  const e = evaluate(text);
  deepStrictEqual(e.ruritania, []);
  const { tokens } = tokenizeText(text);
  const mentions = findMentions(tokens, actors);
  const roles = mentionRoles(tokens, mentions, { persons });
  strictEqual(roles[1].role, "location");
  strictEqual(carriesEvaluation(roles[1].role, "sentence"), false);
});

Deno.test("frameEvaluations() reads a label in apposition", () => {
  const e = evaluate("Ruritania, a corrupt ethnocracy, raised its tariffs.");
  const labels = e.ruritania.filter((x) => x.kind === "label");
  deepStrictEqual(labels.map((x) => [x.rule, x.form]), [
    ["apposition", "corrupt"],
    ["apposition", "ethnocracy"],
  ]);
  ok(labels.every((x) => x.weight < 0));
});

Deno.test("frameEvaluations() reads a label as predicate nominal, and its negation", () => {
  const e = evaluate("Borduria is a rogue state.");
  const [label] = e.borduria;
  deepStrictEqual([label.kind, label.rule, label.entry, label.lexicon], [
    "label",
    "predicate-nominal",
    "rogue state",
    "political_labels",
  ]);
  ok(label.weight < 0);
  ok(evaluate("Borduria is not a rogue state.").borduria[0].weight > 0);
  ok(evaluate("Syldavia is a reliable partner.").syldavia[0].weight > 0);
});

Deno.test("frameEvaluations() reads labels before the mention and of a place's government", () => {
  ok(
    evaluate("The nationalist Strelsau government closed the border.").ruritania.some((x) =>
      x.rule === "pre-modifier" && x.weight < 0
    ),
  );
  ok(
    evaluate("Officials in Klow met the Strelsau regime.").ruritania.some((x) =>
      x.rule === "head-noun" && x.weight < 0
    ),
  );
  const gov = evaluate("The Russophobic regime in Ruritania closed the border.").ruritania;
  ok(gov.length > 0 && gov.every((x) => x.rule === "government-of" && x.weight < 0));
  // "a puppet of Borduria" says Borduria pulls the strings: no label for Borduria.
  const puppet = evaluate("Klow is a puppet of Borduria.");
  ok(sum(puppet.syldavia, "label") < 0);
  deepStrictEqual(puppet.borduria, []);
});

Deno.test("frameEvaluations() counts a scare-quoted self-description in the actor's clause as distance", () => {
  const e = evaluate("Ruritania calls itself “multi-vector” these days.");
  const [q] = e.ruritania;
  deepStrictEqual([q.kind, q.rule, q.entry, q.form], [
    "scare-quote",
    "same-clause",
    "multi-vector",
    "“multi-vector”",
  ]);
  ok(q.weight < 0);
  const applied = evaluate("Smith criticised Ruritania's “multi-vector” policy.").ruritania;
  ok(applied.some((x) => x.rule === "applied" && x.weight < q.weight));
  const named = evaluate("The tabloids laughed at the “Ruritania” of the brochures.").ruritania;
  deepStrictEqual(named.map((x) => x.rule), ["quoted-name"]);
});

Deno.test("frameEvaluations(): each switch off removes its evaluations", () => {
  const text = "Ruritania, a corrupt ethnocracy, calls itself “multi-vector”, " +
    "and Ruritania betrayed Syldavia and drifted away from Borduria.";
  const kinds = (o: FrameOptionsInput) =>
    new Set(Object.values(evaluate(text, o)).flat().map((x) => x.kind));
  deepStrictEqual(kinds({}), new Set(["event", "relation", "label", "scare-quote"]));
  for (
    const [key, kind] of [
      ["events", "event"],
      ["relations", "relation"],
      ["labels", "label"],
      ["scareQuotes", "scare-quote"],
    ] as const
  ) {
    const left = kinds({ [key]: false });
    ok(!left.has(kind), `${key}: false leaves no ${kind}`);
    strictEqual(left.size, 3);
  }
  const noRoles = Object.values(evaluate(text, { roles: false })).flat();
  ok(!noRoles.some((x) => x.kind === "event" || x.kind === "relation"));
  ok(!noRoles.some((x) => x.rule === "apposition"));
});

Deno.test("frameEvaluations() reads a user's frame lexicon before the bundled ones", () => {
  const file = Deno.makeTempFileSync({ suffix: ".yaml" });
  Deno.writeTextFileSync(
    file,
    HEAD +
      "  - { term: hoodwink, match: lemma, categories: [agent_negative, bad_for], weight: 3 }\n" +
      "  - { term: grifter state, categories: [label], weight: -3 }\n",
  );
  const e = evaluate("Borduria hoodwinked Syldavia, a grifter state.", { extra: [file] });
  ok(e.borduria.some((x) => x.entry === "hoodwink" && x.lexicon === "mine" && x.weight < 0));
  ok(e.syldavia.some((x) => x.kind === "label" && x.entry === "grifter state"));
  strictEqual(evaluate("Borduria hoodwinked Syldavia.").borduria.length, 0);
});

Deno.test("frameLexicons() names the file and line of a bad entry in a user's lexicon", () => {
  const file = Deno.makeTempFileSync({ suffix: ".yaml" });
  Deno.writeTextFileSync(
    file,
    HEAD + "  - { term: hoodwink, match: lemma, categories: [agent_negative], weight: 3 }\n" +
      "  - { term: bamboozle, match: lemma, categories: [agent_sideways], weight: 2 }\n",
  );
  throws(() => frameLexicons({ extra: [file] }), (e: Error & { line?: number; file?: string }) => {
    strictEqual(e.name, "InputError");
    strictEqual(e.file, file);
    strictEqual(e.line, 9);
    ok(e.message.includes("agent_sideways"));
    return true;
  });
  throws(
    () => parseFrameLexicon(HEAD + "  - { term: x, categories: [away], weight: -2 }\n", "f.yaml"),
    { name: "InputError", path: "entries[0].weight", line: 8 },
  );
  throws(
    () =>
      parseFrameLexicon(HEAD + "  - { term: x, categories: [label, away], weight: 2 }\n", "f.yaml"),
    { name: "InputError", path: "entries[0].categories[1]" },
  );
});

Deno.test("loadResources() and provenanceOf() record the frame lexicons with their hashes", async () => {
  const resources = await loadResources();
  const roles = resources.lexicons.map((l) => l.role);
  ok(roles.includes("frames_events") && roles.includes("frames_labels"));
  const file = Deno.makeTempFileSync({ suffix: ".yaml" });
  Deno.writeTextFileSync(
    file,
    HEAD + "  - { term: stooge state, categories: [label], weight: -3 }\n",
  );
  const p = provenanceOf(resources, { frames: { extra: [file] } });
  const extra = p.lexicons.find((l) => l.role === "frames_extra");
  deepStrictEqual([extra?.name, extra?.entries], ["mine", 1]);
  ok(/^[0-9a-f]{64}$/.test(extra!.sha256));
  deepStrictEqual((p.parameters.frames as { extra: string[] }).extra, [file]);
});

Deno.test("frameEvaluations() credits an agent that lowers something bad or raises something good, and blames the reverse", () => {
  const theme = (text: string, options: FrameOptionsInput = {}) =>
    (evaluate(text, options).ruritania ?? []).filter((x) => x.rule.startsWith("theme"));
  const cut = theme("Ruritania cut air pollution in its northern cities.");
  strictEqual(cut.length, 1);
  ok(cut[0].weight > 0);
  strictEqual(cut[0].entry, "cut + pollution");
  ok(theme("Ruritania sharply increased its emissions last year.")[0].weight < 0);
  ok(theme("Ruritania destroyed thousands of jobs.").some((x) => x.weight < 0));
  ok(theme("Ruritania created thousands of jobs.")[0].weight > 0);
  // Negated: the credit turns into a milder reproach.
  const negated = theme("Ruritania did not reduce pollution.");
  ok(negated.length === 1 && negated[0].weight < 0 && negated[0].negated);
  // Not a theme: "for" turns the act around; a theme word modifying another noun; a theme
  // past the object's noun phrase.
  strictEqual(theme("Ruritania fought for jobs.").length, 0);
  strictEqual(theme("Ruritania cut the pollution rules.").length, 0);
  strictEqual(theme("Ruritania cut aid to areas of poverty.").length, 0);
  // Later in the agent's clause (agent chain), the theme still counts for the agent.
  ok(theme("Ruritania helped reduce pollution.").some((x) => x.weight > 0));
  // An actor as the patient: no theme (implicature and relations speak there); an actor
  // owning the theme is not its patient.
  strictEqual(theme("Ruritania fought Syldavia over pollution.").length, 0);
  ok(theme("Ruritania cut Syldavia's pollution.")[0].weight > 0);
  // Switched off.
  strictEqual(theme("Ruritania cut air pollution.", { themes: false }).length, 0);
  strictEqual(theme("Ruritania cut air pollution.", { events: false }).length, 0);
});

Deno.test("frameLexicons() reads a user's themes, and a theme stands alone", () => {
  const file = Deno.makeTempFileSync({ suffix: ".yaml" });
  Deno.writeTextFileSync(
    file,
    HEAD + "  - { term: red sludge, categories: [theme], weight: -3 }\n",
  );
  const e = evaluate("Ruritania reduced the red sludge in its rivers.", { extra: [file] });
  ok(
    e.ruritania.some((x) =>
      x.rule === "theme" && x.entry === "reduce + red sludge" &&
      x.lexicon === "event_frames + mine" && x.weight > 0
    ),
  );
  strictEqual(frameLexicons({ extra: [file] }).themes[0].name, "mine");
  throws(
    () =>
      parseFrameLexicon(
        HEAD + "  - { term: x, categories: [theme, bad_for], weight: 2 }\n",
        "f.yaml",
      ),
    { name: "InputError", path: "entries[0].categories[1]", line: 8 },
  );
  throws(
    () => parseFrameLexicon(HEAD + "  - { term: x, categories: [theme], weight: 0 }\n", "f.yaml"),
    { name: "InputError", path: "entries[0].weight" },
  );
});
