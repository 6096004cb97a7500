import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { parseRoleData, selectRoleData, validateRoles } from "../lib/validate/roles.ts";
import { loadResources } from "../lib/resources.ts";

const dir = new URL("./fixtures/roles/", import.meta.url);
const files = { articles: "articles.tsv", roles: "roles.tsv" };
const articlesTsv = await Deno.readTextFile(new URL("articles.tsv", dir));
const rolesTsv = await Deno.readTextFile(new URL("roles.tsv", dir));
const data = parseRoleData(articlesTsv, rolesTsv, files);

Deno.test("parseRoleData() reads quoted texts with tabs, newlines and doubled quotes", () => {
  deepStrictEqual(data.articles.map((a) => a.id), ["1", "2", "3"]);
  strictEqual(
    data.articles[1].text,
    'The "brave" rangers protected\tthe forest.\nCorrupt officials ruined the park.',
  );
  strictEqual(data.articles[1].date, "2019-05-02");
  strictEqual(data.entities.length, 9);
  deepStrictEqual(data.entities[0], {
    article: "1",
    entity: "Greta Thunberg, a 16-year-old climate activist",
    group: "ENV.ORGS_ACTIVISTS",
    role: "hero",
    line: 2,
  });
});

Deno.test("parseRoleData() names the file and line of a bad role, article or column", () => {
  throws(
    () => parseRoleData(articlesTsv, rolesTsv.replace("\thero\t", "\tsaint\t"), files),
    { name: "InputError", file: "roles.tsv", line: 2, path: "role" },
  );
  throws(
    () => parseRoleData(articlesTsv, rolesTsv.replace("\n3\tfarmers", "\n7\tfarmers"), files),
    { name: "InputError", file: "roles.tsv", line: 10, path: "ID" },
  );
  throws(
    () => parseRoleData(articlesTsv.replace("\ttext\t", "\tbody\t"), rolesTsv, files),
    /column "text"/,
  );
  throws(
    () => parseRoleData(articlesTsv + '4\tx\ty\tz\t"never closed', rolesTsv, files),
    /closing double quote/,
  );
});

Deno.test("selectRoleData() splits odd and even article IDs", () => {
  deepStrictEqual(selectRoleData(data, "odd").articles.map((a) => a.id), ["1", "3"]);
  const even = selectRoleData(data, "even");
  deepStrictEqual(even.articles.map((a) => a.id), ["2"]);
  ok(even.entities.every((e) => e.article === "2"));
  strictEqual(selectRoleData(data, "all").entities.length, 9);
});

Deno.test("validateRoles() finds entities, drops pronouns and duplicates, and scores the sign", () => {
  const v = validateRoles(data, { baselines: [] });
  // Heroes: Thunberg (found via the part before the comma), rangers. Villains: oil
  // companies (twice in the file, once counted), corrupt officials, the mayor (absent).
  deepStrictEqual(v.entities, {
    hero: { annotated: 2, found: 2 },
    villain: { annotated: 3, found: 2 },
    victim: { annotated: 2, found: 2 },
  });
  strictEqual(v.span.n, 4);
  const byEntity = Object.fromEntries(v.scores.map((s) => [s.entity, s.score]));
  ok(byEntity["Greta Thunberg, a 16-year-old climate activist"] > 0);
  ok(byEntity["reckless oil companies"] < 0);
  ok(byEntity["corrupt officials"] < 0);
  strictEqual(v.span.majority, 0.5);
  ok(v.span.accuracy >= 0.75, `accuracy ${v.span.accuracy}`);
  strictEqual(v.victims.n, 2);
  ok(v.victims.negative >= 1);
});

Deno.test("validateRoles() with exact matching misses an entity written with an appositive", () => {
  const v = validateRoles(data, { match: "exact", baselines: [] });
  strictEqual(v.entities.hero.found, 1);
  ok(!v.scores.some((s) => s.entity.startsWith("Greta")));
});

Deno.test("validateRoles() counts scores inside the neutral band as misses", () => {
  const wide = validateRoles(data, { neutralBand: 0.99, baselines: [] });
  strictEqual(wide.span.neutral, wide.span.n);
  strictEqual(wide.span.accuracy, 0);
  strictEqual(wide.span.balancedAccuracy, 0);
});

Deno.test("validateRoles() with resources scores the author's stance from the whole analysis", async () => {
  const resources = await loadResources();
  const v = validateRoles(data, { baselines: [], resources });
  ok(v.stance, "a stance agreement");
  const byEntity = new Map(v.scores.map((s) => [s.entity, s.stance]));
  ok(byEntity.get("reckless oil companies")! < 0);
  ok(byEntity.get("corrupt officials")! < 0);
  // Every scored hero or villain with a stance is in the agreement, and the rank agreement
  // is the share of hero-villain pairs in the right order.
  const rated = v.scores.filter((s) => s.role !== "victim" && s.stance !== undefined);
  strictEqual(v.stance.n, rated.length);
  const heroes = rated.filter((s) => s.role === "hero").map((s) => s.stance!);
  const villains = rated.filter((s) => s.role === "villain").map((s) => s.stance!);
  let wins = 0;
  for (const h of heroes) for (const x of villains) wins += h > x ? 1 : h === x ? 0.5 : 0;
  strictEqual(v.stance.rankAgreement, wins / (heroes.length * villains.length));
  // Without resources there is no stance.
  strictEqual(validateRoles(data, { baselines: [] }).stance, undefined);
});
