/**
 * A researcher's own lexicon files on the command line (`--actors`,
 * `--add-actors`, `--topics`, `--lexicon`, `--sentiment-lexicon`): passed to
 * every worker, recorded in the provenance with their hashes, and checked
 * before any article is analysed.
 */
import { ok, rejects, strictEqual } from "node:assert/strict";
import { main } from "../lib/cli/analyze.ts";
import { mergeActorFiles } from "../lib/actors/merge.ts";
import { loadResourceFiles } from "../lib/run/resource_files.ts";
import { DEFAULT_LEXICONS } from "../lib/resources.ts";
import type { AnalysedArticle } from "../lib/analysis.ts";
import type { Provenance } from "../lib/provenance.ts";

const ARTICLES = "tests/fixtures/your_articles";
const HEAD =
  "name: ostria_actors\nversion: 1.0.0\ndescription: d\nsource: written for this test\n" +
  "licence: CC0-1.0\nlanguage: en\n";
const OSTRIA = HEAD + `actors:
  - id: ostria
    name: Ostria
    kind: state
    aliases: [Ostria]
  - id: okafor
    name: Tomas Okafor
    kind: person
    pronoun: he
    aliases: [Tomas Okafor, Okafor]
`;

async function file(text: string, suffix = ".yaml"): Promise<string> {
  const path = await Deno.makeTempFile({ suffix });
  await Deno.writeTextFile(path, text);
  return path;
}

async function quietly(fn: () => Promise<number>): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => lines.push(args.join(" "));
  try {
    return { code: await fn(), lines };
  } finally {
    console.error = original;
  }
}

Deno.test("analyze --add-actors: the workers find the added actors, the provenance names the file's hash", async () => {
  const actors = await file(OSTRIA);
  const out = await Deno.makeTempDir();
  const { code } = await quietly(() =>
    main([ARTICLES, "--add-actors", actors, "--jsonl", `${out}/a.jsonl`, "--workers", "1"])
  );
  strictEqual(code, 0);
  const lines = (await Deno.readTextFile(`${out}/a.jsonl`)).trim().split("\n");
  const articles = lines.map((l) => JSON.parse(l) as AnalysedArticle);
  strictEqual(articles.length, 4);
  ok(articles.every((a) => a.actors.some((r) => r.actor === "ostria")));
  ok(articles.some((a) => a.mentions.some((m) => m.actor === "okafor")));
  const provenance = JSON.parse(
    await Deno.readTextFile(`${out}/a.jsonl.provenance.json`),
  ) as Provenance;
  const added = provenance.lexicons.filter((l) => l.role === "actors_added");
  strictEqual(added.length, 1);
  strictEqual(added[0].name, "ostria_actors");
  strictEqual(added[0].entries, 2);
  // The bundled actors are still there, with their own record.
  strictEqual(provenance.lexicons.filter((l) => l.role === "actors").length, 1);
});

Deno.test("analyze --actors replaces the bundled actors; --lexicon and --sentiment-lexicon take part", async () => {
  const actors = await file(OSTRIA);
  const lexicon = await file(
    "name: port\nversion: 1.0.0\ndescription: d\nsource: written for this test\nlicence: CC0-1.0\n" +
      "language: en\ncategories:\n  labour: {label: Labour}\nentries:\n" +
      "  - {term: strike, categories: [labour]}\n  - {term: dockworkers, categories: [labour]}\n",
  );
  const sentiment = await file(
    "name: port_sentiment\nversion: 1.0.0\ndescription: d\nsource: written for this test\n" +
      "licence: CC0-1.0\nlanguage: en\nentries:\n  - {term: stoppage, weight: -2}\n",
  );
  const out = await Deno.makeTempDir();
  const { code, lines } = await quietly(() =>
    main([
      ARTICLES,
      "--actors",
      actors,
      "--lexicon",
      lexicon,
      "--sentiment-lexicon",
      sentiment,
      "--out",
      `${out}/doc.json`,
      "--workers",
      "0",
    ])
  );
  strictEqual(code, 0, lines.join("\n"));
  const doc = JSON.parse(await Deno.readTextFile(`${out}/doc.json`));
  const ids = new Set(doc.articles.flatMap((a: AnalysedArticle) => a.actors.map((r) => r.actor)));
  ok(ids.has("ostria"));
  ok(!ids.has("putin"));
  ok(
    doc.articles.some((a: AnalysedArticle) =>
      a.topics.some((t) => t.lexicon === "port" && t.hits > 0)
    ),
  );
  const roles = doc.provenance.lexicons.map((l: { role: string; name: string }) =>
    `${l.role}:${l.name}`
  );
  ok(roles.includes("actors:ostria_actors"), roles.join(", "));
  ok(roles.includes("extra:port"));
  ok(roles.includes("sentiment_extra:port_sentiment"));
});

Deno.test("analyze with a bad lexicon file stops before any article, naming the file and the line", async () => {
  const out = await Deno.makeTempDir();
  const bad = await file(OSTRIA.replace("kind: person", "kind: human"));
  const run = (args: string[]) =>
    quietly(() => main([ARTICLES, ...args, "--jsonl", `${out}/a.jsonl`, "--workers", "1"]));
  let r = await run(["--add-actors", bad]);
  strictEqual(r.code, 2);
  ok(
    r.lines.some((l) => l.includes(bad) && l.includes("line 14") && l.includes("kind")),
    r.lines.join("\n"),
  );
  // Nothing was analysed or written.
  await rejects(Deno.stat(`${out}/a.jsonl`));
  r = await run(["--lexicon", "no/such/lexicon.yaml"]);
  strictEqual(r.code, 2);
  ok(r.lines.some((l) => l.includes("no/such/lexicon.yaml")), r.lines.join("\n"));
  const noWeight = await file(
    "name: s\nversion: 1.0.0\ndescription: d\nsource: s\nlicence: CC0-1.0\nlanguage: en\n" +
      "entries:\n  - {term: stoppage}\n",
  );
  r = await run(["--sentiment-lexicon", noWeight]);
  strictEqual(r.code, 2);
  ok(r.lines.some((l) => l.includes(noWeight) && l.includes("line 8")), r.lines.join("\n"));
  await rejects(Deno.stat(`${out}/a.jsonl`));
});

Deno.test("mergeActorFiles(): an id already in use names both files; an alias of two actors names the added file", async () => {
  const clash = await file(
    HEAD + "actors:\n  - id: tokayev\n    name: Somebody\n    kind: person\n",
  );
  await rejects(mergeActorFiles(DEFAULT_LEXICONS.actors, [clash]), (e: Error) => {
    ok(e.message.includes(clash), e.message);
    ok(e.message.includes(DEFAULT_LEXICONS.actors), e.message);
    ok(e.message.includes("line 8"), e.message);
    return true;
  });
  const alias = await file(
    HEAD + "actors:\n  - id: ostria\n    name: Ostria\n    kind: state\n    aliases: [Ostria]\n" +
      "  - id: other\n    name: Other\n    kind: person\n    aliases: [Kremlin]\n",
  );
  await rejects(
    mergeActorFiles(DEFAULT_LEXICONS.actors, [alias]),
    (e: Error & { file: string; path: string }) => {
      strictEqual(e.file, alias);
      strictEqual(e.path, "actors[1].aliases[0]");
      return true;
    },
  );
});

Deno.test("loadResourceFiles() gives the worker options and the sentiment option", async () => {
  const actors = await file(OSTRIA);
  const loaded = await loadResourceFiles({ addActors: [actors], sentimentLexicons: [] });
  strictEqual(loaded.load.addActors?.[0], actors);
  ok(loaded.resources.actors.actors.some((a) => a.id === "ostria"));
  ok(loaded.resources.actors.actors.some((a) => a.id === "putin"));
  strictEqual(loaded.analyze.sentimentLexicons, undefined);
});
