/**
 * The bench's timing in turns (`tools/bench_turns.ts`): the interval of its
 * ratio by simulation, the rotation of the stages, and the whole of it on a
 * small corpus in real processes.
 */
import { ok, rejects, strictEqual, throws } from "node:assert/strict";
import { ratioOfSums, timeInTurns, turnOrder } from "../tools/bench_turns.ts";
import { mulberry32 } from "../lib/stats/random.ts";
import { writeCorpus } from "../tools/_bench_memory.ts";

Deno.test("ratioOfSums: the 95% interval covers the true ratio in about 95% of simulated benches", () => {
  // 45 chunks whose sizes differ (as articles do), stage times proportional
  // to the size with noise of their own; the true ratio of the sums' means is 1.1.
  const random = mulberry32(7);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const runs = 400;
  let covered = 0;
  for (let r = 0; r < runs; r++) {
    const top: number[] = [];
    const bottom: number[] = [];
    for (let k = 0; k < 45; k++) {
      const size = 0.5 + random();
      top.push(1.1 * size * (1 + 0.15 * normal()));
      bottom.push(size * (1 + 0.15 * normal()));
    }
    const { ci } = ratioOfSums(top, bottom, 1000, r);
    if (ci[0] <= 1.1 && 1.1 <= ci[1]) covered++;
  }
  const coverage = covered / runs;
  console.log(`coverage of the 95% interval over ${runs} simulated benches: ${coverage}`);
  ok(coverage >= 0.9 && coverage <= 0.98, `coverage ${coverage}`);
});

Deno.test("ratioOfSums refuses unpaired chunks", () => {
  throws(() => ratioOfSums([1, 2], [1]), RangeError);
  throws(() => ratioOfSums([], []), RangeError);
});

Deno.test("turnOrder: each stage takes each place equally often", () => {
  const stages = ["vader", "compact", "full"];
  const places = new Map(stages.map((s) => [s, [0, 0, 0]]));
  for (let k = 0; k < 30; k++) {
    turnOrder(stages, k).forEach((s, place) => places.get(s)![place]++);
  }
  for (const counts of places.values()) strictEqual(counts.join(","), "10,10,10");
});

Deno.test("timeInTurns runs every stage on every chunk in processes of its own", async () => {
  const dir = await Deno.makeTempDir({ prefix: "turns-test-" });
  try {
    const corpus = `${dir}/bench.jsonl`;
    const articles = await writeCorpus(corpus, 0.01);
    const r = await timeInTurns(corpus, 2, ["vader", "compact"]);
    strictEqual(r.articles, articles);
    strictEqual(r.chunks, Math.ceil(articles / 2));
    ok(r.seconds.vader > 0 && r.seconds.compact > 0);
    const x = r.overVader.compact;
    ok(x.ratio > 0 && x.ci[0] <= x.ratio && x.ratio <= x.ci[1], JSON.stringify(x));
    await rejects(() => timeInTurns(corpus, 0), RangeError);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
