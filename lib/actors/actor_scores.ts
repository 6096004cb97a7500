/**
 * Sentiment toward actors, aggregated per actor and voice, with a bootstrap
 * interval and the scored mentions as evidence.
 *
 * @module
 */
import { bootstrapMean } from "../stats/bootstrap.ts";
import { seedFrom } from "../stats/random.ts";
import { Voice } from "../voice.ts";
import { mean } from "../stats/mean.ts";
import { actorStance, STANCE_DEFAULTS, stanceInterval } from "./actor_stance.ts";
import { pairedIntervals } from "./_paired_intervals.ts";
import type { ActorEvidence, ActorScoreRow, ActorScores, Mention } from "./schema.ts";

/** What a scorer says about one mention. */
export interface MentionScore {
  /** Sentiment toward the mention, −1..+1. */
  score: number;
  /** Why (e.g. the contributing words with offsets). */
  evidence: unknown[];
  /**
   * Whether the mention evaluates the actor, where the scorer decides it
   * (e.g. the trained model's most probable class is not neutral).
   * @default |score| > the neutral band
   */
  evaluates?: boolean;
}

/** Options of {@link actorScores}. */
export interface ActorScoresOptions {
  /** Bootstrap resamples per row. @default 2000 */
  resamples?: number;
  /** Base seed; each row's stream is derived from it and the row's actor and voice. @default 1 */
  seed?: number;
  /** Coverage of the interval. @default 0.95 */
  level?: number;
  /**
   * Half-width of the neutral band: a mention counts as positive when its
   * score is above `neutral`, negative when below `-neutral`; only those
   * evaluate the actor and enter the stance. @default STANCE_DEFAULTS.band
   */
  neutral?: number;
  /** Pseudo-count added to the evaluating mentions in the stance. @default STANCE_DEFAULTS.prior */
  prior?: number;
  /**
   * What the bootstrap resamples: single mentions, or the sentences they
   * stand in (mentions of one actor in one sentence move together). @default "mention"
   */
  unit?: "mention" | "sentence";
  /**
   * Whether each row gets its bootstrap intervals (`ci`, `stanceCi`). A
   * corpus comparison that resamples articles does not read them, and they
   * are about a twentieth of the analysis. @default true
   */
  intervals?: boolean;
}

/**
 * Scores each mention with `scoreOf` and aggregates per actor and voice:
 * mentions, mean score, a percentile bootstrap interval of the mean, and the
 * counts of positive and negative mentions. Rows are sorted by actor id, then
 * voice in the order of {@link Voice}. Deterministic for a seed.
 *
 * @param mentions Mentions from `findMentions`.
 * @param scoreOf The sentiment toward one mention (e.g. a wrapper of `spanSentiment`).
 * @param options Bootstrap and neutral-band settings.
 * @returns Rows, the scored mentions, and the method.
 * @throws {RangeError} When the scorer returns a non-finite score (naming the mention).
 *
 * @example With a fake scorer
 * ```ts
 * import { actorScores } from "./actor_scores.ts";
 * import type { Mention } from "@framing/toolkit/lexicon";
 * import { deepStrictEqual, strictEqual } from "node:assert/strict";
 *
 * const m = (actor: string, sentence: number): Mention => ({
 *   actor, sentence, start: sentence * 10, end: sentence * 10 + 5, tokenStart: 0, tokenEnd: 1,
 *   voice: "body", form: actor, via: "alias", term: actor,
 * });
 * const scores: Record<number, number> = { 0: 0.5, 1: -0.3, 2: 0.02 };
 * const out = actorScores([m("putin", 0), m("putin", 1), m("putin", 2)], (x) => ({
 *   score: scores[x.sentence], evidence: [],
 * }));
 * strictEqual(out.rows.length, 1);
 * deepStrictEqual([out.rows[0].positive, out.rows[0].negative, out.rows[0].mentions], [1, 1, 3]);
 * strictEqual(Math.round(out.rows[0].score * 1000) / 1000, 0.073);
 * strictEqual(out.evidence.length, 3);
 * ```
 */
export function actorScores(
  mentions: readonly Mention[],
  scoreOf: (m: Mention) => MentionScore,
  options: ActorScoresOptions = {},
): ActorScores {
  const {
    resamples = 2000,
    seed = 1,
    level = 0.95,
    neutral = STANCE_DEFAULTS.band,
    prior = STANCE_DEFAULTS.prior,
    unit = "mention",
    intervals = true,
  } = options;
  if (!(neutral >= 0) || !(prior >= 0)) {
    throw new RangeError(
      `Cannot use neutral band ${JSON.stringify(neutral)} and prior ${
        JSON.stringify(prior)
      }: expected numbers >= 0`,
    );
  }
  const evidence: ActorEvidence[] = mentions.map((m) => {
    const { score, evidence, evaluates } = scoreOf(m);
    if (!Number.isFinite(score)) {
      throw new RangeError(
        `Cannot use score ${String(score)} for the mention ${JSON.stringify(m.form)} of ${
          JSON.stringify(m.actor)
        } at ${m.start}: expected a finite number`,
      );
    }
    return {
      actor: m.actor,
      voice: m.voice,
      sentence: m.sentence,
      start: m.start,
      end: m.end,
      form: m.form,
      via: m.via,
      ...(m.basis === undefined ? {} : { basis: m.basis }),
      score,
      evaluates: score !== 0 && (evaluates ?? Math.abs(score) > neutral),
      evidence,
    };
  });
  const groups = new Map<string, ActorEvidence[]>();
  for (const e of evidence) {
    const key = `${e.actor}|${e.voice}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const voiceOrder = Voice.options;
  const rows: ActorScoreRow[] = [...groups.entries()].map(([key, group]) => {
    // Text order, so the result does not depend on the order mentions came in.
    const items = [...group].sort((a, b) => a.start - b.start || a.end - b.end);
    const values = items.map((e) => e.score);
    const evaluating = items.map((e) => e.evaluates);
    const positive = items.filter((e) => e.evaluates && e.score > 0).length;
    const negative = items.filter((e) => e.evaluates && e.score < 0).length;
    const counts = {
      evaluating: positive + negative,
      evaluatingShare: (positive + negative) / items.length,
    };
    const [actor, voice, mentions] = [items[0].actor, items[0].voice, items.length];
    if (!intervals) {
      const stance = actorStance(values, { evaluating, prior });
      return { actor, voice, mentions, stance, ...counts, score: mean(values), positive, negative };
    }
    const resampling = {
      resamples,
      level,
      seed: seedFrom(key, seed),
      groups: unit === "sentence" ? items.map((e) => e.sentence) : undefined,
    };
    const { score: interval, stance } = rowIntervals(values, evaluating, resampling, prior);
    return {
      actor,
      voice,
      mentions,
      stance: stance.estimate,
      stanceCi: [stance.low, stance.high] as [number, number],
      ...counts,
      score: interval.estimate,
      ci: [interval.low, interval.high] as [number, number],
      positive,
      negative,
    };
  }).sort((a, b) =>
    a.actor < b.actor
      ? -1
      : a.actor > b.actor
      ? 1
      : voiceOrder.indexOf(a.voice) - voiceOrder.indexOf(b.voice)
  );
  return {
    rows,
    evidence,
    method: {
      unit,
      resamples: intervals ? resamples : 0,
      seed,
      level,
      neutral,
      prior,
      note: intervals
        ? `Percentile bootstrap of the mean over ${unit}s within each text (seed ${seed}, ${resamples} resamples); ` +
          "it shows how much the figure depends on which mentions were written, not a claim about other articles."
        : "No intervals over mentions were computed (intervals: false).",
    },
  };
}

type Interval = { estimate: number; low: number; high: number };

/**
 * The row's mean score and stance with their intervals: from one set of
 * draws when mentions are resampled one by one (`_paired_intervals.ts`,
 * bit-identical), else from `bootstrapMean` and `stanceInterval`.
 */
function rowIntervals(
  values: readonly number[],
  evaluating: readonly boolean[],
  resampling: { resamples: number; level: number; seed: number; groups?: readonly number[] },
  prior: number,
): { score: Interval; stance: Interval } {
  const paired = resampling.groups === undefined
    ? pairedIntervals(values, evaluating, { ...resampling, prior })
    : undefined;
  if (!paired) {
    return {
      score: bootstrapMean(values, resampling),
      stance: stanceInterval(values, { ...resampling, evaluating, prior }),
    };
  }
  return {
    score: { estimate: mean(values), low: paired.score[0], high: paired.score[1] },
    stance: {
      estimate: actorStance(values, { evaluating, prior }),
      low: paired.stance[0],
      high: paired.stance[1],
    },
  };
}
