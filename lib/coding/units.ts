/**
 * The population of coding units of an analysed article: one unit per actor
 * named in a voice (the author's stance toward that actor in that article),
 * or one per mention. Every unit carries the toolkit's score, so that the
 * model can be set beside the people and used by the corrected estimators.
 *
 * @module
 */
import type { AnalysedArticle } from "../analysis.ts";
import type { Voice } from "../voice.ts";
import type { CodingUnit, UnitKind } from "./schema.ts";

/** Options of {@linkcode articleUnits}. */
export interface ArticleUnitsOptions {
  /** The voice whose actors are coded. @default "body" */
  voice?: Voice;
  /** One unit per article × actor, or per mention. @default "actor" */
  unit?: UnitKind;
  /** Display names by actor id, for the question. @default the ids */
  actorNames?: Readonly<Record<string, string>>;
}

/** The id of the unit of an actor in an article (`ARTICLE::ACTOR`). */
export function unitId(article: string, actor: string, mention?: number): string {
  return mention === undefined ? `${article}::${actor}` : `${article}::${actor}::${mention}`;
}

/**
 * The coding units of one article, not yet sampled (`sampled: false`,
 * `inclusionProbability: 1` until a design is applied).
 *
 * @param article An analysed article (the full record, with its mentions).
 * @param options Voice, kind of unit and actor names.
 * @returns The units, in the order of the article's actor rows (and mentions).
 *
 * @example One unit per actor named in the author's voice
 * ```ts
 * import { articleUnits } from "@framing/toolkit/coding";
 * import { strictEqual } from "node:assert/strict";
 *
 * const article = {
 *   id: "a1", meta: { id: "a1", outlet: "X" },
 *   actors: [{ actor: "putin", voice: "body", stance: -0.3 }, { actor: "putin", voice: "quote", stance: 0.5 }],
 *   mentions: [{ actor: "putin", voice: "body", start: 0, end: 5, score: -0.3 }],
 * };
 * // deno-lint-ignore no-explicit-any
 * const units = articleUnits(article as any);
 * strictEqual(units.length, 1);
 * strictEqual(units[0].unit, "a1::putin");
 * strictEqual(units[0].model, -0.3);
 * ```
 */
export function articleUnits(
  article: Pick<AnalysedArticle, "id" | "meta" | "actors"> & {
    mentions: readonly Pick<
      AnalysedArticle["mentions"][number],
      "actor" | "voice" | "start" | "end" | "score"
    >[];
  },
  options: ArticleUnitsOptions = {},
): CodingUnit[] {
  const voice = options.voice ?? "body";
  const kind = options.unit ?? "actor";
  const names = options.actorNames ?? {};
  const { id, ...meta } = article.meta;
  const base = (actor: string) => ({
    article: article.id,
    actor,
    actorName: names[actor] ?? actor,
    meta: { id, ...meta },
    sampled: false,
    inclusionProbability: 1,
    voice,
  });
  const mentionsOf = (actor: string) =>
    article.mentions.filter((m) => m.actor === actor && m.voice === voice);
  if (kind === "mention") {
    const counts = new Map<string, number>();
    return article.mentions.filter((m) => m.voice === voice).map((m) => {
      const n = (counts.get(m.actor) ?? 0) + 1;
      counts.set(m.actor, n);
      return {
        unit: unitId(article.id, m.actor, n),
        ...base(m.actor),
        model: m.score,
        spans: [{ start: m.start, end: m.end }],
      };
    });
  }
  return article.actors.filter((r) => r.voice === voice).map((r) => ({
    unit: unitId(article.id, r.actor),
    ...base(r.actor),
    model: r.stance,
    spans: mentionsOf(r.actor).map((m) => ({ start: m.start, end: m.end })),
  }));
}
