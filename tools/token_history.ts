/**
 * `deno run -A tools/token_history.ts [--benchmarks DIR]`: checks that the
 * tokens of a text do not depend on the texts read before it. Reads the
 * benchmark texts (NewsMTSC train, the VADER and SFU sentences, the
 * narrative-roles articles) and the bundled articles forwards in one process
 * and backwards in another, and counts the texts whose tokens, types, lemmas
 * or POS tags differ between the two orders. Prints JSON; exits 1 when any
 * text differs.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { join } from "node:path";
import { tokenizeText } from "../lib/tokenize.ts";
import { parseRoleData } from "../lib/validate/roles.ts";
import { benchmarksOrExit } from "./_benchmarks.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: { benchmarks: { type: "string" }, order: { type: "string" } },
});
const dir = benchmarksOrExit(values.benchmarks, "token_history");

/** Every text, in a fixed order. */
async function texts(): Promise<string[]> {
  const out: string[] = [];
  const lines = async (path: string) => (await Deno.readTextFile(path)).split("\n");
  for (const l of await lines(join(dir, "newsmtsc/train.jsonl"))) {
    if (l) out.push(JSON.parse(l).sentence_normalized);
  }
  for (const name of [...Deno.readDirSync(join(dir, "vader"))].map((e) => e.name).sort()) {
    if (!name.endsWith("GroundTruth.txt")) continue;
    for (const l of await lines(join(dir, "vader", name))) {
      const text = l.split("\t")[2];
      if (text) out.push(text);
    }
  }
  const sfu = join(dir, "stance/sfu_review_speculation/sentences_speculation.jsonl");
  for (const l of await lines(sfu)) if (l) out.push(JSON.parse(l).text);
  const roles = join(dir, "framing/narrative_frames_frermann2023");
  const files = {
    articles: join(roles, "articles_metadata.tsv"),
    roles: join(roles, "role_and_frame_annoations.tsv"),
  };
  const data = parseRoleData(
    await Deno.readTextFile(files.articles),
    await Deno.readTextFile(files.roles),
    files,
  );
  for (const a of data.articles) out.push(a.text);
  for (const name of ["politnavigator-2023-11-10.txt", "topwar-2023-11-11.txt"]) {
    out.push(await Deno.readTextFile(new URL(`../data/corpus/${name}`, import.meta.url)));
  }
  return out;
}

/** Each text's tokens as one string, read in the given order. */
function read(all: string[], backwards: boolean): string[] {
  const out = new Array<string>(all.length);
  const order = [...all.keys()];
  if (backwards) order.reverse();
  for (const i of order) {
    out[i] = tokenizeText(all[i]).tokens.map((t) => `${t.text}/${t.type}/${t.lemma}/${t.pos}`)
      .join(" ");
  }
  return out;
}

if (values.order !== undefined) {
  console.log(JSON.stringify(read(await texts(), values.order === "backwards")));
  Deno.exit(0);
}
const run = async (order: string) => {
  const args = [
    "run",
    "-A",
    new URL(import.meta.url).pathname,
    "--benchmarks",
    dir,
    "--order",
    order,
  ];
  const out = await new Deno.Command(Deno.execPath(), { args, stderr: "inherit" }).output();
  if (!out.success) throw new Error(`reading ${order} failed`);
  return JSON.parse(new TextDecoder().decode(out.stdout)) as string[];
};
const [forwards, backwards] = await Promise.all([run("forwards"), run("backwards")]);
const differ = forwards.flatMap((f, i) => (f === backwards[i] ? [] : [i]));
console.log(
  JSON.stringify({ texts: forwards.length, differ: differ.length, first: differ.slice(0, 5) }),
);
Deno.exit(differ.length === 0 ? 0 : 1);
