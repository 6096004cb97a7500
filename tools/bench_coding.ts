/**
 * A synthetic population of coding units and its codes, for the `code
 * estimate` stages of `bench.ts`: `units.jsonl` as `code sample` writes it
 * (article × actor units with the article's metadata, the model's score and
 * the mentions' spans), a stratified sample drawn by the toolkit's own
 * `drawSample` (the same share of every outlet's units), and a codes CSV in
 * the long format (`unit,coder,code`) in which every coder codes every drawn
 * unit. The same options give the same files, byte for byte.
 *
 * @module
 */
import { drawSample } from "../lib/coding/sample.ts";
import type { CodingUnit } from "../lib/coding/schema.ts";
import { mulberry32 } from "../lib/stats/random.ts";

/** Options of {@linkcode writeCodingPopulation}. */
export interface CodingPopulationOptions {
  /** Units in the population. @default 100_000 */
  units?: number;
  /** Outlets (the groups), of unequal sizes. @default 8 */
  outlets?: number;
  /** Actors. @default 20 */
  actors?: number;
  /** Share of the units drawn, the same in every outlet. @default 0.05 */
  share?: number;
  /** Coders, each coding every drawn unit. @default 2 */
  coders?: number;
  /** Share of the codes that are "cannot tell" (NA). @default 0.03 */
  cannotTell?: number;
  /** Seed. @default 1 */
  seed?: number;
}

/** What {@linkcode writeCodingPopulation} wrote. */
export interface CodingPopulation {
  unitsPath: string;
  codesPath: string;
  units: number;
  articles: number;
  sampled: number;
  codes: number;
  outlets: number;
  actors: number;
  /** Size of units.jsonl. */
  unitsBytes: number;
}

/**
 * Writes `DIR/units.jsonl` and `DIR/codes.csv`: a population of article ×
 * actor units (one to four actors an article), a stratified sample of about
 * `share` of every outlet, and every coder's code of every drawn unit (−2..2,
 * following the model's score with noise; a few "cannot tell").
 */
export async function writeCodingPopulation(
  dir: string,
  options: CodingPopulationOptions = {},
): Promise<CodingPopulation> {
  const total = options.units ?? 100_000;
  const outletCount = options.outlets ?? 8;
  const actorCount = options.actors ?? 20;
  const share = options.share ?? 0.05;
  const coderCount = options.coders ?? 2;
  const cannotTell = options.cannotTell ?? 0.03;
  const random = mulberry32(options.seed ?? 1);
  // Outlets of unequal sizes: the k-th gets a weight k + 1.
  const weights = Array.from({ length: outletCount }, (_, k) => k + 1);
  const weightSum = weights.reduce((s, w) => s + w, 0);
  const pickOutlet = () => {
    let r = random() * weightSum;
    for (let k = 0; k < outletCount; k++) if ((r -= weights[k]) < 0) return k;
    return outletCount - 1;
  };
  const outlets = weights.map((_, k) => `outlet-${String.fromCharCode(65 + (k % 26))}${k}`);
  const actors = Array.from({ length: actorCount }, (_, k) => `actor-${k + 1}`);
  // Each outlet leans toward or against each actor.
  const lean = outlets.map(() => actors.map(() => (random() - 0.5) * 0.8));
  const population: CodingUnit[] = [];
  const perOutlet = new Array<number>(outletCount).fill(0);
  let articles = 0;
  while (population.length < total) {
    articles++;
    const id = `syn-${String(articles).padStart(6, "0")}`;
    const o = pickOutlet();
    const day = 1 + Math.floor(random() * 28);
    const meta = {
      id,
      title: `Synthetic article ${articles}`,
      date: `2023-11-${String(day).padStart(2, "0")}`,
      language: "en",
      inferred: [],
      outlet: outlets[o],
    };
    const count = Math.min(1 + Math.floor(random() * 4), total - population.length);
    const named = new Set<number>();
    while (named.size < count) named.add(Math.floor(random() * actorCount));
    for (const a of named) {
      const stance = Math.max(-1, Math.min(1, lean[o][a] + (random() - 0.5)));
      const spans = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
        const start = Math.floor(random() * 2000);
        return { start, end: start + 5 + Math.floor(random() * 10) };
      }).sort((x, y) => x.start - y.start);
      population.push({
        unit: `${id}::${actors[a]}`,
        article: id,
        actor: actors[a],
        actorName: `Actor ${a + 1}`,
        meta,
        model: random() < 0.02 ? null : Math.round(stance * 1e4) / 1e4,
        sampled: false,
        inclusionProbability: 1,
        voice: "body",
        spans,
      });
      perOutlet[o]++;
    }
  }
  // The same number from every outlet would sample small outlets more; a
  // stratified draw of `share` of each is what the bar describes. drawSample
  // takes one number per group, so each outlet is drawn on its own and the
  // results merged (its stratum and probability are those of the outlet).
  const byOutlet = outlets.map((name) => population.filter((u) => u.meta.outlet === name));
  const drawn = new Map<string, CodingUnit>();
  byOutlet.forEach((members, k) => {
    if (members.length === 0) return;
    const perGroup = Math.max(1, Math.round(share * members.length));
    for (
      const u of drawSample(members, {
        perGroup,
        by: "outlet",
        seed: (options.seed ?? 1) + k,
        coders: coderCount,
      })
    ) drawn.set(u.unit, u);
  });
  const units = population.map((u) => drawn.get(u.unit)!);
  const unitsPath = `${dir}/units.jsonl`;
  const codesPath = `${dir}/codes.csv`;
  const text = units.map((u) => JSON.stringify(u)).join("\n") + "\n";
  await Deno.writeTextFile(unitsPath, text);
  const rows = ["unit,coder,code"];
  let sampled = 0;
  for (const u of units) {
    if (!u.sampled) continue;
    sampled++;
    const truth = (u.model ?? 0) * 2;
    for (let c = 0; c < coderCount; c++) {
      const code = random() < cannotTell
        ? "NA"
        : String(Math.max(-2, Math.min(2, Math.round(truth + (random() - 0.5) * 2))));
      rows.push(`${u.unit},coder-${c + 1},${code}`);
    }
  }
  await Deno.writeTextFile(codesPath, rows.join("\n") + "\n");
  return {
    unitsPath,
    codesPath,
    units: units.length,
    articles,
    sampled,
    codes: rows.length - 1,
    outlets: outletCount,
    actors: actorCount,
    unitsBytes: new TextEncoder().encode(text).length,
  };
}
