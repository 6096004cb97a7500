/**
 * `deno run -A tools/stance_coverage.ts [--benchmarks DIR]`: how much of the
 * stance word lists in the benchmark folder (`stance/*`) the toolkit's own
 * `data/lexicons/stance.yaml` covers. Each list entry is read as a text and
 * matched with the toolkit's matcher (lemma entries cover inflections); an
 * entry counts as covered when one stance entry of the same category matches
 * all of it. The lists are only compared with, never copied. Prints one line
 * per list and the entries not covered.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { join } from "node:path";
import { loadStanceLexicons } from "../lib/stance/lexicons.ts";
import { matchLexicon } from "../lib/lexicon/match.ts";
import { tokenizeText } from "../lib/tokenize.ts";
import { benchmarksOrExit } from "./_benchmarks.ts";

const { values } = parseArgs({ args: Deno.args, options: { benchmarks: { type: "string" } } });
const dir = join(benchmarksOrExit(values.benchmarks, "stance_coverage"), "stance");
const { stance } = await loadStanceLexicons();
const lines = (file: string) =>
  Deno.readTextFileSync(join(dir, file)).split(/\r?\n|\r/).map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
const csv = lines("pymetametrics_hyland/metadiscourse_markers.csv").slice(1).map((l) =>
  l.split(",")
);
const py = (category: string) => csv.filter((r) => r[0] === category).map((r) => r[1]);
const lists: [string, string, string[]][] = [
  [
    "Recasens et al. (2013), Hyland (2005) hedges",
    "hedge",
    lines("recasens2013_bias_lexicons/hedges_hyland2005.txt"),
  ],
  ["pyMetaMetrics Hedges", "hedge", py("Hedges")],
  ["pyMetaMetrics Emphatics", "booster", py("Emphatics")],
  ["pyMetaMetrics AttitudeMarkers", "attitude", py("AttitudeMarkers")],
  ["pyMetaMetrics PersonMarkers", "self_mention", py("PersonMarkers")],
  ["pyMetaMetrics Engagement", "engagement", py("Engagement")],
  ["Islam et al. (2020) hedges", "hedge", lines("islam2020_hedging_lrec/hedge_words.txt")],
  ["Islam et al. (2020) boosters", "booster", lines("islam2020_hedging_lrec/booster_words.txt")],
]; // deno-fmt-ignore
for (const [name, category, raw] of lists) {
  const words = [...new Set(raw.map((w) => w.toLowerCase().trim()))];
  const missed = words.filter((w) => {
    const hits = matchLexicon(tokenizeText(w).tokens, stance, { text: w });
    return !hits.some((h) => h.category === category && h.start === 0 && h.end >= w.length - 1);
  });
  const covered = words.length - missed.length;
  console.log(
    `${name}: ${covered} of ${words.length} in ${category} (${
      (100 * covered / words.length).toFixed(1)
    } %); not covered: ${missed.join(", ")}`,
  );
}
