/**
 * `deno task eval:roles [--benchmarks DIR] [--part odd|even|all] [--match exact|head]
 * [--neutral-band 0] [--scores]`: actor sentiment sign against the narrative roles of
 * Frermann et al. (2023), with the split of `benchmarks/SPLITS.md` (tune on odd
 * article IDs, report even ones): the mean span score (`span`), the author's
 * stance from the whole analysis (`stance`, the actor chart's figure) and the
 * whole-sentence baselines, each with its rank agreement (the chance a hero
 * scores above a villain). Prints JSON; `--scores` adds one row per entity.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { benchmarksOrExit } from "./_benchmarks.ts";
import { parseRoleData, selectRoleData, validateRoles } from "../lib/validate/roles.ts";
import { loadResources } from "../lib/resources.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    benchmarks: { type: "string" },
    part: { type: "string", default: "even" },
    match: { type: "string", default: "head" },
    "neutral-band": { type: "string", default: "0" },
    scores: { type: "boolean", default: false },
  },
});
const part = values.part;
if (part !== "odd" && part !== "even" && part !== "all") {
  throw new RangeError(`Cannot use --part ${JSON.stringify(part)}: expected odd, even or all`);
}
const match = values.match;
if (match !== "exact" && match !== "head") {
  throw new RangeError(`Cannot use --match ${JSON.stringify(match)}: expected exact or head`);
}
const band = Number(values["neutral-band"]);
if (!(band >= 0)) {
  throw new RangeError(
    `Cannot use --neutral-band ${JSON.stringify(values["neutral-band"])}: expected a number >= 0`,
  );
}
const dir = `${
  benchmarksOrExit(values.benchmarks, "eval:roles")
}/framing/narrative_frames_frermann2023`;
const files = {
  articles: `${dir}/articles_metadata.tsv`,
  roles: `${dir}/role_and_frame_annoations.tsv`,
};
const data = parseRoleData(
  await Deno.readTextFile(files.articles),
  await Deno.readTextFile(files.roles),
  files,
);
const result = validateRoles(selectRoleData(data, part), {
  match,
  neutralBand: band,
  resources: await loadResources(),
});
const { scores, ...summary } = result;
console.log(JSON.stringify(
  {
    data: "narrative_frames_frermann2023",
    part: part === "odd"
      ? "odd IDs (tuning)"
      : part === "even"
      ? "even IDs (reporting)"
      : "all IDs",
    splits: "benchmarks/SPLITS.md",
    ...summary,
    ...(values.scores ? { scores } : {}),
  },
  null,
  2,
));
