/**
 * The two word lists the stance metrics read: `data/lexicons/stance.yaml`
 * (Hyland's hedges, boosters, attitude markers, self-mentions, engagement
 * markers) and `data/lexicons/reporting_verbs.yaml` (reporting verbs by stance).
 *
 * @module
 */
import { loadLexicon } from "../lexicon/load.ts";
import type { Lexicon } from "../lexicon/schema.ts";

/** The stance lexicon and, optionally, the reporting-verb lexicon. */
export interface StanceLexicons {
  /** Markers in the categories hedge, booster, attitude, self_mention, engagement. */
  stance: Lexicon;
  /** Reporting verbs by stance (neutral, assertive, ...); left out, no reporting rows. */
  reporting?: Lexicon;
}

/** Path of the toolkit's stance lexicon. */
export const STANCE_LEXICON_PATH: string =
  new URL("../../data/lexicons/stance.yaml", import.meta.url).pathname;
/** Path of the toolkit's reporting-verb lexicon. */
export const REPORTING_LEXICON_PATH: string =
  new URL("../../data/lexicons/reporting_verbs.yaml", import.meta.url).pathname;

/** Options of {@link loadStanceLexicons}. */
export interface LoadStanceLexiconsOptions {
  /** Path of the stance lexicon. @default STANCE_LEXICON_PATH */
  stance?: string;
  /** Path of the reporting-verb lexicon, or `false` for none. @default REPORTING_LEXICON_PATH */
  reporting?: string | false;
}

/**
 * Loads the stance and reporting-verb lexicons (the toolkit's own by default).
 *
 * @param options Other paths, or `reporting: false`.
 * @returns The validated lexicons.
 * @throws {InputError} When a file is missing or breaks the lexicon schema.
 *
 * @example
 * ```ts
 * import { loadStanceLexicons } from "./lexicons.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const { stance, reporting } = await loadStanceLexicons();
 * deepStrictEqual(Object.keys(stance.categories ?? {}), [
 *   "hedge", "booster", "attitude", "self_mention", "engagement",
 * ]);
 * deepStrictEqual(reporting?.name, "reporting_verbs");
 * ```
 */
export async function loadStanceLexicons(
  options: LoadStanceLexiconsOptions = {},
): Promise<StanceLexicons> {
  const stance = await loadLexicon(options.stance ?? STANCE_LEXICON_PATH);
  const reportingPath = options.reporting ?? REPORTING_LEXICON_PATH;
  const reporting = reportingPath === false ? undefined : await loadLexicon(reportingPath);
  return reporting ? { stance, reporting } : { stance };
}
