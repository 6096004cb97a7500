import { ok, strictEqual, throws } from "node:assert/strict";
import { designMeans, type DesignUnit } from "../lib/stats/design_means.ts";
import { mulberry32 } from "../lib/stats/random.ts";

const close = (a: number, b: number, tol: number, what: string) =>
  ok(Math.abs(a - b) <= tol, `${what}: ${a} is not within ${tol} of ${b}`);

/** n values with exactly the given mean and sample variance (n − 1 denominator). */
function valuesWith(n: number, m: number, s2: number): number[] {
  const base = Array.from({ length: n }, (_, i) => i - (n - 1) / 2);
  const ss = base.reduce((s, x) => s + x * x, 0);
  const scale = Math.sqrt(s2 * (n - 1) / ss);
  return base.map((x) => m + x * scale);
}

Deno.test("designMeans() reproduces Lohr's stratified caribou survey (Example 3.2, Siniff & Skoog 1964)", () => {
  // Lohr, Sampling: Design and Analysis (2nd ed., 2010), Table 3.2: strata
  // N_h, n_h, the sample mean and the sample variance of caribou per unit.
  // Published: estimated total 54,497 with standard error 5,840.
  const strata: [string, number, number, number, number][] = [
    ["A", 400, 98, 24.1, 5575],
    ["B", 30, 10, 25.6, 4064],
    ["C", 61, 37, 267.6, 347556],
    ["D", 18, 6, 179.0, 22798],
    ["E", 70, 39, 293.7, 123578],
    ["F", 120, 21, 33.2, 9795],
  ];
  const units: DesignUnit[] = [];
  for (const [name, N, n, m, s2] of strata) {
    const ys = valuesWith(n, m, s2);
    for (let i = 0; i < N; i++) {
      units.push({
        domain: "herd",
        stratum: name,
        probability: n / N,
        sampled: i < n,
        y: i < n ? ys[i] : null,
        f: 0,
      });
    }
  }
  const N = units.length;
  const [herd] = designMeans(units).domains;
  close(herd.human!.estimate * N, 54497, 1, "total");
  close(herd.human!.se * N, 5840, 1, "standard error of the total");
  // A model that is 0 everywhere cannot help: the corrected estimate is the human one.
  strictEqual(herd.lambda, 0);
  strictEqual(herd.corrected!.estimate, herd.human!.estimate);
});

Deno.test("designMeans() under simple random sampling is the textbook regression estimator", () => {
  // Cochran (1977), §7.1: ȳ_lr = ȳ + b (X̄ − x̄), b = s_xy / s_x², with
  // variance (1 − f)/n · Σ(e − ē)²/(n − 1), e = y − b x (here n − 1, as the
  // design variance of the difference estimator with the estimated slope).
  const random = mulberry32(7);
  const N = 500;
  const n = 40;
  const xs = Array.from({ length: N }, () => random() * 2 - 1);
  const ys = xs.map((x) => 1 + 1.5 * x + (random() - 0.5));
  const units = xs.map((f, i) => ({
    domain: "d",
    stratum: "all",
    probability: n / N,
    sampled: i < n,
    y: i < n ? ys[i] : null,
    f,
  }));
  const [d] = designMeans(units, { shrink: false }).domains;
  const sx = xs.slice(0, n);
  const sy = ys.slice(0, n);
  const mx = sx.reduce((a, b) => a + b) / n;
  const my = sy.reduce((a, b) => a + b) / n;
  const X = xs.reduce((a, b) => a + b) / N;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (sx[i] - mx) * (sy[i] - my);
    sxx += (sx[i] - mx) ** 2;
  }
  const b = sxy / sxx;
  const e = sy.map((y, i) => y - b * sx[i]);
  const me = e.reduce((a, c) => a + c) / n;
  const se2 = e.reduce((a, c) => a + (c - me) ** 2, 0) / (n - 1);
  close(d.lambda, b, 1e-12, "slope");
  close(d.corrected!.estimate, my + b * (X - mx), 1e-12, "estimate");
  close(d.corrected!.se, Math.sqrt((1 - n / N) * se2 / n), 1e-12, "standard error");
});

Deno.test("designMeans() gives a census zero-width intervals and no p-value", () => {
  const units = [2, 1, -1, -2, 0, 1].map((y, i) => ({
    domain: i < 3 ? "a" : "b",
    stratum: i < 3 ? "a" : "b",
    probability: 1,
    sampled: true,
    y,
    f: y * 0.1 + 0.5,
  }));
  const m = designMeans(units);
  const [a, b] = m.domains;
  strictEqual(a.human!.estimate, 2 / 3);
  strictEqual(a.human!.low, a.human!.high);
  strictEqual(b.corrected!.estimate, -1 / 3);
  const diff = m.difference("a", "b");
  strictEqual(diff.human!.estimate, 1);
  strictEqual(diff.human!.p, null);
});

Deno.test("designMeans() re-weights drawn but uncoded units within their stratum", () => {
  // Stratum a: 4 units, all drawn, one not coded yet; the other three stand for it.
  const units = [1, 2, null, 3].map((y) => ({
    domain: "g",
    stratum: "a",
    probability: 1,
    sampled: true,
    y,
    f: 0,
  }));
  const [g] = designMeans(units).domains;
  strictEqual(g.coded, 3);
  strictEqual(g.human!.estimate, 2);
  ok(g.human!.se > 0, "a missing code leaves sampling error");
});

Deno.test("designMeans() counts a 'cannot tell' unit outside the mean, and a census stays exact", () => {
  const units = [1, 2, null, 3].map((y) => ({
    domain: "g",
    stratum: "a",
    probability: 1,
    sampled: true,
    y,
    responded: true,
    f: y === null ? 0 : y / 4,
  }));
  const [g] = designMeans(units).domains;
  strictEqual(g.coded, 3);
  strictEqual(g.human!.estimate, 2);
  strictEqual(g.human!.se, 0);
  strictEqual(g.corrected!.estimate, 2);
  strictEqual(g.corrected!.se, 0);
});

Deno.test("designMeans() rejects bad probabilities and scores, naming the unit", () => {
  const u = { domain: "a", stratum: "a", probability: 0.5, sampled: true, y: 1, f: 0 };
  throws(() => designMeans([u, { ...u, probability: 0 }]), /unit 1: expected a number in \(0, 1\]/);
  throws(() => designMeans([{ ...u, f: NaN }]), /model score NaN of unit 0/);
  throws(() => designMeans([u]).difference("a", "zz"), /"zz": no such domain/);
});

/**
 * A synthetic population of coding units: three groups with different mean
 * codes on −2..+2 (integers), and a model on another scale, biased
 * differently per group and noisy.
 */
function population(seed: number, perGroup: number, signal: number) {
  const random = mulberry32(seed);
  const normal = () => {
    const u = 1 - random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const groups = [["a", -0.8, 0.3], ["b", 0.0, -0.2], ["c", 0.6, 0.1]] as const;
  const units: { group: string; y: number; f: number }[] = [];
  for (const [group, centre, bias] of groups) {
    for (let i = 0; i < perGroup; i++) {
      const latent = centre + normal();
      const y = Math.max(-2, Math.min(2, Math.round(latent)));
      const f = Math.tanh(signal * 0.4 * latent + bias + 0.3 * normal());
      units.push({ group, y, f });
    }
  }
  return units;
}

/** Draws n per group (simple random sampling within the group) and estimates. */
function simulate(signal: number, n: number, reps: number, seed: number) {
  const pop = population(seed, 300, signal);
  const truth = new Map<string, number>();
  for (const g of ["a", "b", "c"]) {
    const ys = pop.filter((u) => u.group === g).map((u) => u.y);
    truth.set(g, ys.reduce((s, y) => s + y, 0) / ys.length);
  }
  const random = mulberry32(seed + 1);
  let covered = { human: 0, corrected: 0 };
  let width = { human: 0, corrected: 0 };
  let rows = 0;
  let nullRejected = 0;
  let nullTests = 0;
  for (let r = 0; r < reps; r++) {
    const draws = new Set<number>();
    for (const g of ["a", "b", "c"]) {
      const ids = pop.flatMap((u, i) => (u.group === g ? [i] : []));
      for (let k = ids.length - 1; k > ids.length - 1 - n; k--) {
        const j = Math.floor(random() * (k + 1));
        [ids[k], ids[j]] = [ids[j], ids[k]];
        draws.add(ids[k]);
      }
    }
    const units = pop.map((u, i) => ({
      domain: u.group,
      stratum: u.group,
      probability: n / 300,
      sampled: draws.has(i),
      y: draws.has(i) ? u.y : null,
      f: u.f,
    }));
    const m = designMeans(units);
    for (const d of m.domains) {
      const t = truth.get(d.domain)!;
      rows++;
      if (d.human!.low <= t && t <= d.human!.high) covered.human++;
      if (d.corrected!.low <= t && t <= d.corrected!.high) covered.corrected++;
      width.human += d.human!.high - d.human!.low;
      width.corrected += d.corrected!.high - d.corrected!.low;
    }
    // A null difference: two random halves of group b's sample against each other is
    // not a design we support; instead compare the estimated difference with the true one.
    const diff = m.difference("a", "c");
    const trueDiff = truth.get("a")! - truth.get("c")!;
    const c = diff.corrected!;
    nullTests++;
    if (!(c.low <= trueDiff && trueDiff <= c.high)) nullRejected++;
  }
  covered = { human: covered.human / rows, corrected: covered.corrected / rows };
  width = { human: width.human / rows, corrected: width.corrected / rows };
  return { covered, width, differenceMiss: nullRejected / nullTests };
}

Deno.test("designMeans() intervals cover the true group means by simulation (biased, noisy model)", () => {
  for (const [signal, n] of [[1, 30], [1, 15], [0, 20], [3, 40]] as const) {
    const s = simulate(signal, n, 600, 11 + n + signal);
    console.log(
      `signal ${signal}, n ${n} per group: coverage human ${s.covered.human.toFixed(3)}, ` +
        `corrected ${s.covered.corrected.toFixed(3)}; mean width human ${
          s.width.human.toFixed(3)
        }, corrected ${s.width.corrected.toFixed(3)} (ratio ${
          (s.width.corrected / s.width.human).toFixed(3)
        }); difference a − c missed ${s.differenceMiss.toFixed(3)}`,
    );
    ok(s.covered.corrected >= 0.93, `corrected coverage ${s.covered.corrected} < 0.93`);
    ok(s.covered.human >= 0.93, `human coverage ${s.covered.human} < 0.93`);
    ok(s.width.corrected <= 1.0001 * s.width.human, "corrected wider than human");
    ok(s.differenceMiss <= 0.07, `difference interval missed ${s.differenceMiss}`);
  }
});

Deno.test("designMeans() difference p-values hold their level under a true null", () => {
  // Two groups whose codes are the same finite population (group b's codes
  // are group a's, shuffled), with a model biased differently in each: the
  // difference of the population means is exactly 0, so p < 0.05 should
  // come about 5% of the time.
  const random = mulberry32(99);
  let rejected = { human: 0, corrected: 0 };
  const reps = 1500;
  const latent = Array.from({ length: 200 }, () => random() * 4 - 2);
  for (let r = 0; r < reps; r++) {
    const order = latent.map((_, i) => i).sort(() => random() - 0.5);
    const units: DesignUnit[] = [];
    for (const g of ["a", "b"]) {
      const drawn = new Set(order.slice(0, 25));
      order.sort(() => random() - 0.5);
      latent.forEach((x, i) => {
        const sampled = drawn.has(i);
        units.push({
          domain: g,
          stratum: g,
          probability: 25 / 200,
          sampled,
          y: sampled ? Math.round(x) : null,
          f: x * 0.3 + (g === "a" ? 0.2 : -0.1) + (random() - 0.5) * 0.5,
        });
      });
    }
    const diff = designMeans(units).difference("a", "b");
    if (diff.human!.p! < 0.05) rejected.human++;
    if (diff.corrected!.p! < 0.05) rejected.corrected++;
  }
  rejected = { human: rejected.human / reps, corrected: rejected.corrected / reps };
  console.log(
    `false-positive rate of the difference: human ${rejected.human.toFixed(3)}, corrected ${
      rejected.corrected.toFixed(3)
    }`,
  );
  for (const rate of [rejected.human, rejected.corrected]) {
    ok(rate >= 0.02 && rate <= 0.08, `false-positive rate ${rate}`);
  }
});

Deno.test("designMeans() estimates 100,000 units quickly enough for the bench", () => {
  const random = mulberry32(3);
  const units = Array.from({ length: 100_000 }, (_, i) => ({
    domain: `g${i % 40}`,
    stratum: `g${i % 40}`,
    probability: 0.05,
    sampled: random() < 0.05,
    y: 0,
    f: random(),
  })).map((u) => ({ ...u, y: u.sampled ? Math.round(u.f * 4 - 2) : null }));
  const m = designMeans(units);
  strictEqual(m.domains.length, 40);
  ok(m.domains.every((d) => d.human !== null));
});

Deno.test("designMeans() gives no interval to a domain with one coded unit of a sample, and no p-value to its differences", () => {
  // 100 units in one stratum, 10 drawn; domain b holds one of them.
  const units: DesignUnit[] = Array.from({ length: 100 }, (_, i) => ({
    domain: i === 0 ? "b" : "a",
    stratum: "all",
    probability: 0.1,
    sampled: i < 10,
    y: i < 10 ? (i === 0 ? 5 : i % 3) : null,
    f: 0,
  }));
  const m = designMeans(units);
  const b = m.domains.find((d) => d.domain === "b")!;
  strictEqual(b.human!.estimate, 5);
  ok(Number.isNaN(b.human!.low) && Number.isNaN(b.corrected!.high));
  ok(b.note?.includes("one coded unit"));
  strictEqual(m.difference("a", "b").human!.p, null);
});

Deno.test("designMeans() counts the strata a domain spans in its degrees of freedom", () => {
  // Two coded units in each of three strata, all in one domain: df = 6 − 3.
  const units: DesignUnit[] = ["s1", "s2", "s3"].flatMap((stratum, h) =>
    Array.from({ length: 10 }, (_, i) => ({
      domain: "d",
      stratum,
      probability: 0.2,
      sampled: i < 2,
      y: i < 2 ? h + i : null,
      f: 0,
    }))
  );
  strictEqual(designMeans(units).domains[0].human!.df, 3);
});

Deno.test("designMeans() gives the model no weight below MIN_CODED_FOR_MODEL coded units", () => {
  const units: DesignUnit[] = Array.from({ length: 200 }, (_, i) => ({
    domain: "d",
    stratum: "d",
    probability: 8 / 200,
    sampled: i < 8,
    y: i < 8 ? i : null,
    f: i / 10,
  }));
  const [d] = designMeans(units).domains;
  strictEqual(d.lambda, 0);
  strictEqual(d.corrected!.estimate, d.human!.estimate);
  strictEqual(d.corrected!.high - d.corrected!.low, d.human!.high - d.human!.low);
});
