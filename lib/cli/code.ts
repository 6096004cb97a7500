/**
 * `deno task code sample|agree|estimate`: human coding of a random sample,
 * the coders' agreement, and group comparisons corrected with the codes.
 *
 * @module
 */
import { dirname, join, resolve } from "node:path";
import type { UnitKind } from "../coding/schema.ts";
import { InputError } from "../errors.ts";
import { Voice } from "../voice.ts";
// Each subcommand loads what it needs when it runs (the analysis only for `sample`).
import { parseCommandLine, RESOURCE_FLAGS, usageError } from "./_parse.ts";

const USAGE = `Usage: deno task code <sample|agree|estimate> [options]

  deno task code sample [PATHS...] --out DIR (--n N | --per-group N | --all) [options]
      Analyses the articles (default: data/corpus), builds the coding units
      (one per article × actor named in the voice; --unit mention: one per
      mention), draws a random sample and writes DIR/units.jsonl (every unit,
      with the model's score, whether it was drawn and its inclusion
      probability), DIR/codebook.yaml (edit it) and DIR/coding.html (the
      offline coding page).
        --by FIELD          the groups (default: outlet)
        --voice VOICE       the voice whose actors are coded (default: body)
        --unit actor|mention
        --n N               N units from the whole population
        --per-group N       N units from every group (stratified)
        --stratify actor    with --per-group: N from every group × actor
        --all               every unit (a census)
        --seed S            seed of the draw (default: 1)
        --coders K          coder slots (default: 1)
        --overlap F         share of the sample every coder codes (default: 1)
        --codebook FILE     the codebook to use (default: DIR/codebook.yaml if
                            it exists, else the toolkit's)
        --show-meta         show the article's metadata while coding
        --workers N, and the lexicon flags of the report (--actors, ...)

  deno task code agree CODES... [--model UNITS.jsonl] [--json]
      Krippendorff's alpha (nominal, ordinal, interval) with bootstrap
      intervals, pairable units, codes per coder, percent agreement and the
      units coders disagree on most. CODES are CSV or JSONL files in the long
      format unit, coder, code[, note]; an empty code or NA is missing.
        --model UNITS.jsonl the toolkit joins as one more coder
        --codebook FILE     the codebook whose scale the model's −1..+1 score is
                            placed on (default: the codebook.yaml beside the
                            units, else −2..+2)
        --resamples N       bootstrap resamples (default: 1000)
        --json              one JSON object

  deno task code estimate --units UNITS.jsonl --codes CODES... [--by FIELD]
                          [--facet actor] [--json]
      The mean human code of every group over the whole population: from the
      coded sample alone (human), corrected with the model's scores on every
      unit (corrected, prediction-powered), and the model alone (its own
      scale); differences between groups with intervals and p-values.

  -h, --help  this text`;

/** Runs the command; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  try {
    if (command === "sample") return await sample(rest);
    if (command === "agree") return await agree(rest);
    if (command === "estimate") return await estimate(rest);
  } catch (e) {
    if (e instanceof InputError) {
      console.error(e.message);
      return 2;
    }
    if (e instanceof RangeError) return usageError(e.message, USAGE);
    throw e;
  }
  if (command === "-h" || command === "--help") {
    console.log(USAGE);
    return 0;
  }
  return usageError(
    command === undefined ? "No command given." : `Unknown command "${command}".`,
    USAGE,
  );
}

/** Paths given on the command line are relative to where `deno task` was called. */
function fromCaller(path: string): string {
  return resolve(Deno.env.get("INIT_CWD") ?? Deno.cwd(), path);
}

function wholeNumber(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new RangeError(`${flag}: expected a whole number, found "${v}".`);
  return n;
}

async function sample(args: string[]): Promise<number> {
  const parsed = parseCommandLine(args, {
    out: { type: "string", short: "o" },
    by: { type: "string" },
    voice: { type: "string" },
    unit: { type: "string" },
    n: { type: "string" },
    "per-group": { type: "string" },
    stratify: { type: "string" },
    all: { type: "boolean" },
    seed: { type: "string" },
    coders: { type: "string" },
    overlap: { type: "string" },
    codebook: { type: "string" },
    "show-meta": { type: "boolean" },
    workers: { type: "string" },
    ...RESOURCE_FLAGS,
  }, USAGE);
  if (typeof parsed === "number") return parsed;
  const v = parsed.values;
  if (v.out === undefined) return usageError("code sample: give --out DIR.", USAGE);
  const voice = Voice.safeParse(v.voice ?? "body");
  if (!voice.success) {
    return usageError(
      `--voice: expected one of ${Voice.options.join(", ")}, found "${v.voice}".`,
      USAGE,
    );
  }
  if (v.unit !== undefined && v.unit !== "actor" && v.unit !== "mention") {
    return usageError(`--unit: expected actor or mention, found "${v.unit}".`, USAGE);
  }
  if (v.stratify !== undefined && v.stratify !== "actor") {
    return usageError(`--stratify: expected actor, found "${v.stratify}".`, USAGE);
  }
  const overlap = v.overlap === undefined ? undefined : Number(v.overlap);
  const { loadFilesOrExit, resourceFilesOf } = await import("./_command_line.ts");
  const { drawSample } = await import("../coding/sample.ts");
  const { writeSample } = await import("../coding/write_sample.ts");
  const files = await loadFilesOrExit(resourceFilesOf(v, fromCaller));
  if (typeof files === "number") return files;
  const out = fromCaller(v.out);
  const paths = parsed.positionals.length > 0
    ? parsed.positionals.map(fromCaller)
    : [new URL("../../data/corpus", import.meta.url).pathname];
  const options = {
    n: wholeNumber("--n", v.n),
    perGroup: wholeNumber("--per-group", v["per-group"]),
    all: v.all,
    by: v.by,
    stratify: v.stratify as "actor" | undefined,
    seed: wholeNumber("--seed", v.seed),
    coders: wholeNumber("--coders", v.coders),
    overlap,
  };
  // Check the design before the (long) analysis.
  drawSample([], options);
  const actorNames = Object.fromEntries(files.resources.actors.actors.map((a) => [a.id, a.name]));
  const result = await writeSample(paths, out, {
    ...options,
    voice: voice.data,
    unit: v.unit as UnitKind | undefined,
    actorNames,
    workers: wholeNumber("--workers", v.workers),
    resources: files.load,
    analyze: files.analyze,
    codebook: v.codebook === undefined ? undefined : fromCaller(v.codebook),
    showMeta: v["show-meta"],
  });
  console.error(`codebook: ${result.codebookSource}`);
  for (const f of result.failures) console.error(`failed: ${f.input}: ${f.reason}`);
  for (const n of result.notes) console.error(`note: ${n}`);
  const drawn = result.units.filter((u) => u.sampled).length;
  const articles = new Set(result.units.map((u) => u.article)).size;
  console.error(
    `analysed ${result.analysed} articles (${result.failures.length} failed); ` +
      `${result.units.length} units in ${articles} articles; ${drawn} drawn → ` +
      result.files.join(", "),
  );
  if (result.units.length === 0) {
    console.error(`No actor is named in the ${voice.data} voice of any article: nothing to code.`);
    return 1;
  }
  return 0;
}

async function agree(args: string[]): Promise<number> {
  const parsed = parseCommandLine(args, {
    model: { type: "string" },
    codebook: { type: "string" },
    resamples: { type: "string" },
    seed: { type: "string" },
    json: { type: "boolean" },
  }, USAGE);
  if (typeof parsed === "number") return parsed;
  const v = parsed.values;
  if (parsed.positionals.length === 0) {
    return usageError("code agree: give the codes files.", USAGE);
  }
  const { readCodes, readUnits } = await import("../coding/codes.ts");
  const { agreementReport } = await import("../coding/agreement.ts");
  const { loadCodebook } = await import("../coding/codebook.ts");
  const { formatAgreement } = await import("../coding/format.ts");
  const { codes, repeated } = await readCodes(parsed.positionals.map(fromCaller));
  const units = v.model === undefined ? undefined : await readUnits(fromCaller(v.model));
  // The codebook's scale places the model's score among the codes.
  // The codebook: given, or the one `code sample` wrote beside the units.
  const besideUnits = v.model === undefined
    ? undefined
    : join(dirname(fromCaller(v.model)), "codebook.yaml");
  const bookPath = v.codebook !== undefined
    ? fromCaller(v.codebook)
    : besideUnits !== undefined && await Deno.stat(besideUnits).then(() => true, () => false)
    ? besideUnits
    : undefined;
  const scale = bookPath === undefined
    ? undefined
    : (await loadCodebook(bookPath)).scale.map((p) => p.value);
  let report;
  try {
    report = agreementReport(codes, {
      units,
      scale,
      resamples: wholeNumber("--resamples", v.resamples),
      seed: wholeNumber("--seed", v.seed),
    });
  } catch (e) {
    // Too few codes to measure agreement: a problem of the data, not of the command line.
    if (!(e instanceof RangeError) || !/from two coders/.test(e.message)) throw e;
    console.error(`Cannot measure agreement: ${e.message}`);
    return 1;
  }
  if (v.json) console.log(JSON.stringify(report, null, 2));
  else console.log(formatAgreement(report));
  if (repeated > 0) {
    console.error(`note: ${repeated} repeated rows (same unit, coder and code) merged.`);
  }
  return 0;
}

async function estimate(args: string[]): Promise<number> {
  const parsed = parseCommandLine(args, {
    units: { type: "string" },
    codes: { type: "string", multiple: true },
    by: { type: "string" },
    facet: { type: "string" },
    level: { type: "string" },
    json: { type: "boolean" },
  }, USAGE);
  if (typeof parsed === "number") return parsed;
  const v = parsed.values;
  // Codes may also follow --codes as further positionals (--codes a.csv b.csv).
  const codePaths = [...(v.codes ?? []), ...parsed.positionals];
  if (v.units === undefined || codePaths.length === 0) {
    return usageError("code estimate: give --units UNITS.jsonl and --codes FILE...", USAGE);
  }
  if (v.facet !== undefined && v.facet !== "actor") {
    return usageError(`--facet: expected actor, found "${v.facet}".`, USAGE);
  }
  const level = v.level === undefined ? undefined : Number(v.level);
  const { readCodes, readUnits } = await import("../coding/codes.ts");
  const { estimateGroups } = await import("../coding/estimate.ts");
  const { formatEstimates } = await import("../coding/format.ts");
  const { EstimatedUnit } = await import("../coding/schema.ts");
  const units = await readUnits(fromCaller(v.units), EstimatedUnit);
  const { codes, places } = await readCodes(codePaths.map(fromCaller));
  const report = estimateGroups(units, codes, {
    by: v.by,
    facet: v.facet as "actor" | undefined,
    level,
    places,
  });
  if (v.json) console.log(JSON.stringify(report, null, 2));
  else console.log(formatEstimates(report));
  return 0;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
