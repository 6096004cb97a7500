/**
 * Validation of actor sentiment against narrative roles (Frermann, Li, Khanehzar
 * & Haffari 2023, "Conflicts, Villains, Resolutions: Towards models of Narrative
 * Media Framing", ACL): annotators named the hero, villain and victim entities
 * of climate-change news articles as free text. Each named entity becomes an
 * ad-hoc actor of its article; its mentions are found with `findMentions`,
 * scored with `spanSentiment`, and averaged (`span`). Given the analysis
 * resources, the article also goes through the whole analysis with the
 * entities as its actors, and the author's stance toward each entity (title
 * and body voices, as the actor chart shows it) is scored too (`stance`): the
 * figure a researcher reads. A hero should come out positive, a villain
 * negative; victims have no expected sign and are only described.
 * Whole-sentence scores of the same mention sentences (the toolkit's
 * `sentenceSentiment`, VADER, wink-nlp) are the baselines. Every scorer also
 * gets a threshold-free figure, `rankAgreement`: the chance that a hero
 * scores above a villain (ties count half; 0.5 is chance).
 *
 * Input: the two TSV files of the release, `articles_metadata.tsv` (ID,
 * source, mbfc, date, text, frames) and `role_and_frame_annoations.tsv` (ID,
 * entity, group, role, ...), tab-separated with double-quoted fields.
 *
 * @module
 */
import { splitTsv } from "../corpus/tsv.ts";
import { z } from "zod";
import { InputError } from "../errors.ts";
import { findMentions } from "../actors/find_mentions.ts";
import { ActorLexicon, type ActorLexiconInput, termKey } from "../actors/schema.ts";
import { accuracy, type Confusion, confusion } from "../stats/agreement.ts";
import { mean } from "../stats/mean.ts";
import type { SpanSentimentOptions } from "../sentiment/options.ts";
import { spanSentiment } from "../sentiment/span_sentiment.ts";
import { sentenceSentiment } from "../sentiment/sentence_sentiment.ts";
import { tokenizeText } from "../tokenize.ts";
import { actorStance } from "../actors/actor_stance.ts";
import { analyzeArticle } from "../analyze.ts";
import type { AnalysisResources } from "../resources.ts";
import { BASELINES, baselineScore } from "./baselines.ts";

/** A narrative role. */
export const NarrativeRole = z.enum(["hero", "villain", "victim"]);
/** A narrative role. */
export type NarrativeRole = z.infer<typeof NarrativeRole>;

/** An article of the role data. */
export const RoleArticle = z.object({
  id: z.string(),
  date: z.string().optional(),
  text: z.string(),
});
/** An article of the role data. */
export type RoleArticle = z.infer<typeof RoleArticle>;

/** One annotated entity: the article, the entity as the annotator wrote it, its role. */
export const RoleEntity = z.object({
  article: z.string(),
  entity: z.string(),
  group: z.string(),
  role: NarrativeRole,
  /** Line of the roles file the entity comes from. */
  line: z.number().int().positive(),
});
/** One annotated entity. */
export type RoleEntity = z.infer<typeof RoleEntity>;

/** Articles and their annotated entities. */
export interface RoleData {
  articles: RoleArticle[];
  entities: RoleEntity[];
}

/**
 * Reads the two TSV files of the narrative-frames release.
 *
 * @param articlesTsv Text of `articles_metadata.tsv`.
 * @param rolesTsv Text of `role_and_frame_annoations.tsv`.
 * @param files Names of the two files, for errors.
 * @throws {InputError} On a missing column, an unknown role, or an entity of an unknown article.
 *
 * @example
 * ```ts
 * import { parseRoleData } from "@framing/toolkit/validate";
 * import { strictEqual, throws } from "node:assert/strict";
 *
 * const articles = 'ID\tdate\ttext\n1\t2019-01-02\t"Greens ""won"" today."\n';
 * const roles = "ID\tentity\tgroup\trole\n1\tGreens\tPOLITICIANS\thero\n";
 * const data = parseRoleData(articles, roles, { articles: "a.tsv", roles: "r.tsv" });
 * strictEqual(data.articles[0].text, 'Greens "won" today.');
 * strictEqual(data.entities[0].role, "hero");
 * throws(() => parseRoleData(articles, roles.replace("hero", "saint"), { articles: "a.tsv", roles: "r.tsv" }), /line 2/);
 * ```
 */
export function parseRoleData(
  articlesTsv: string,
  rolesTsv: string,
  files: { articles: string; roles: string },
): RoleData {
  const articleRows = readTsv(articlesTsv, files.articles, ["ID", "text"]);
  const articles = articleRows.map(({ fields }) => ({
    id: fields.ID,
    date: fields.date || undefined,
    text: fields.text,
  }));
  const ids = new Set(articles.map((a) => a.id));
  const entities = readTsv(rolesTsv, files.roles, ["ID", "entity", "role"]).map(
    ({ line, fields }) => {
      const role = NarrativeRole.safeParse(fields.role);
      if (!role.success) {
        throw new InputError(
          { file: files.roles, line, path: "role" },
          `expected "hero", "villain" or "victim", got ${JSON.stringify(fields.role)}`,
        );
      }
      if (!ids.has(fields.ID)) {
        throw new InputError(
          { file: files.roles, line, path: "ID" },
          `expected the ID of an article in ${files.articles}, got ${JSON.stringify(fields.ID)}`,
        );
      }
      return {
        article: fields.ID,
        entity: fields.entity,
        group: fields.group ?? "",
        role: role.data,
        line,
      };
    },
  );
  return { articles, entities };
}

/**
 * Keeps the articles whose numeric ID is odd (the tuning part of SPLITS.md),
 * even (the reporting part), or all, with their entities.
 *
 * @example
 * ```ts
 * import { selectRoleData } from "./roles.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const data = {
 *   articles: [{ id: "1", text: "a" }, { id: "2", text: "b" }],
 *   entities: [{ article: "2", entity: "b", group: "", role: "hero" as const, line: 2 }],
 * };
 * deepStrictEqual(selectRoleData(data, "even").entities.length, 1);
 * deepStrictEqual(selectRoleData(data, "odd").articles.map((a) => a.id), ["1"]);
 * ```
 */
export function selectRoleData(data: RoleData, part: "odd" | "even" | "all"): RoleData {
  const keep = (id: string) => part === "all" || (Number(id) % 2 === 1) === (part === "odd");
  const articles = data.articles.filter((a) => keep(a.id));
  const ids = new Set(articles.map((a) => a.id));
  return { articles, entities: data.entities.filter((e) => ids.has(e.article)) };
}

/**
 * Each scorer's agreement in a role validation, the actor chart's figure
 * first: `stance` (when scored), `span`, then the whole-sentence scorers.
 *
 * @example
 * ```ts
 * import { roleScorers, validateRoles } from "./roles.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const v = validateRoles({ articles: [], entities: [] }, { baselines: ["vader"] });
 * deepStrictEqual(roleScorers(v).map(([name]) => name), ["span", "sentence", "vader"]);
 * ```
 */
export function roleScorers(v: RoleValidation): [string, RoleAgreement][] {
  return [
    ...(v.stance ? [["stance", v.stance] as [string, RoleAgreement]] : []),
    ["span", v.span],
    ...Object.entries(v.baselines),
  ];
}

/** Options of {@link validateRoles}. */
export interface ValidateRolesOptions {
  /**
   * Half-width of the neutral band of the mean score. 0 compares the plain
   * sign (only an exact 0 is neutral); chosen on the odd-ID tuning part,
   * where wider bands lowered balanced accuracy. @default 0
   */
  neutralBand?: number;
  /** Options of `spanSentiment`. @default {} */
  sentiment?: SpanSentimentOptions;
  /**
   * How entity strings become actor forms. `exact`: the string, without a
   * leading article or trailing possessive. `head`: also, when that finds
   * nothing, the part before the first comma and the last word of the
   * string (a surname or head noun of four letters or more). `head` found
   * more entities on the tuning part without lowering agreement. @default "head"
   */
  match?: "exact" | "head";
  /** Whole-sentence reference scorers. @default ["vader", "wink"] */
  baselines?: readonly ("vader" | "wink")[];
  /**
   * Resources of the whole analysis (`loadResources()`): with them, each
   * entity's stance in the author's voices is scored too (`stance`). The
   * entities replace the resources' actors. @default none (no stance)
   */
  resources?: AnalysisResources;
}

/** Agreement of one scorer with the hero/villain roles. */
export interface RoleAgreement {
  /** Hero and villain entities found in their article. */
  n: number;
  /** Share whose predicted class is the role's sign (neutral counts as a miss). */
  accuracy: number;
  /** Among entities not predicted neutral: share with the role's sign. */
  signAgreement: number;
  /** Mean over hero and villain of the share predicted with the role's sign (chance: 0.5 with no neutral). */
  balancedAccuracy: number;
  /** Accuracy of always answering the commoner role's sign (the floor to beat). */
  majority: number;
  /** Entities predicted neutral. */
  neutral: number;
  /** Rows gold (negative = villain, positive = hero), columns predicted. */
  confusion: Confusion;
  /**
   * The chance that a hero scores above a villain, ties counting half (the
   * area under the ROC curve): threshold-free, 0.5 is chance.
   */
  rankAgreement: number;
}

/** One entity's result. */
export interface RoleEntityScore {
  article: string;
  entity: string;
  role: NarrativeRole;
  mentions: number;
  /** Mean span score of the mentions. */
  score: number;
  /** Mean whole-sentence score (toolkit) of the mention sentences. */
  sentenceScore: number;
  /**
   * The author's stance toward the entity from the whole analysis (title and
   * body voices); 0 when no mention there evaluates it. Only with `resources`.
   */
  stance?: number;
}

/** The result of a role validation. */
export interface RoleValidation {
  articles: number;
  /** Unique (article, entity, role) triples by role, and how many were found in the text. */
  entities: Record<NarrativeRole, { annotated: number; found: number }>;
  neutralBand: number;
  match: "exact" | "head";
  /** Span sentiment (target-dependent). */
  span: RoleAgreement;
  /**
   * The author's stance from the whole analysis, over the entities it found
   * in the title and body (only with `resources`).
   */
  stance?: RoleAgreement;
  /** Whole-sentence sentiment of the mention sentences: toolkit, then reference scorers. */
  baselines: Record<string, RoleAgreement>;
  /** Victims: mean span score and the shares below and above the band. */
  victims: { n: number; mean: number; negative: number; positive: number };
  scores: RoleEntityScore[];
}

const PRONOUNS = new Set(["he", "she", "they", "it", "him", "her", "them", "we", "us", "i", "you"]);

/**
 * Scores every hero, villain and victim entity and compares the sign with the role.
 *
 * @example A hero praised and a villain blamed
 * ```ts
 * import { validateRoles } from "@framing/toolkit/validate";
 * import { strictEqual } from "node:assert/strict";
 *
 * const v = validateRoles({
 *   articles: [{ id: "1", text: "The brave rangers saved the forest. Greedy loggers destroyed it." }],
 *   entities: [
 *     { article: "1", entity: "the brave rangers", group: "", role: "hero", line: 2 },
 *     { article: "1", entity: "loggers", group: "", role: "villain", line: 3 },
 *   ],
 * }, { baselines: [] });
 * strictEqual(v.span.n, 2);
 * strictEqual(v.span.accuracy, 1);
 * ```
 */
export function validateRoles(data: RoleData, options: ValidateRolesOptions = {}): RoleValidation {
  const band = options.neutralBand ?? 0;
  const match = options.match ?? "head";
  const baselines = options.baselines ?? BASELINES;
  const byArticle = new Map<string, RoleEntity[]>();
  for (const e of data.entities) byArticle.set(e.article, [...(byArticle.get(e.article) ?? []), e]);
  const counts = {
    hero: { annotated: 0, found: 0 },
    villain: { annotated: 0, found: 0 },
    victim: { annotated: 0, found: 0 },
  };
  const scores: RoleEntityScore[] = [];
  const baselineMeans: Record<string, number[]> = Object.fromEntries(baselines.map((b) => [b, []]));
  const baselineCache = new Map<string, number>();
  for (const article of data.articles) {
    const entities = uniqueEntities(byArticle.get(article.id) ?? []);
    if (entities.length === 0) continue;
    const { tokens, sentences } = tokenizeText(article.text);
    const keys = [...new Set(entities.map((e) => entityKey(e.entity)))];
    const { found: mentionsOf, lexicon } = entityMentions(keys, tokens, match);
    const stanceOf = options.resources
      ? authorStances(article, { ...options.resources, actors: lexicon }, keys)
      : undefined;
    for (const e of entities) {
      counts[e.role].annotated++;
      const found = mentionsOf.get(entityKey(e.entity)) ?? [];
      if (found.length === 0) continue;
      counts[e.role].found++;
      const spans = found.map((m) => spanSentiment(tokens, m, options.sentiment).score);
      const sentenceIds = [...new Set(found.map((m) => m.sentence))];
      const whole = sentenceIds.map((s) =>
        sentenceSentiment(tokens, sentences[s], options.sentiment).score
      );
      scores.push({
        article: article.id,
        entity: e.entity,
        role: e.role,
        mentions: found.length,
        score: mean(spans),
        sentenceScore: mean(whole),
        ...(stanceOf?.has(entityKey(e.entity))
          ? { stance: stanceOf.get(entityKey(e.entity))! }
          : {}),
      });
      for (const b of baselines) {
        const values = sentenceIds.map((s) => {
          const text = article.text.slice(sentences[s].start, sentences[s].end);
          const key = `${b}\u0000${text}`;
          if (!baselineCache.has(key)) baselineCache.set(key, baselineScore(b, text));
          return baselineCache.get(key)!;
        });
        baselineMeans[b].push(mean(values));
      }
    }
  }
  const roleOf = (s: RoleEntityScore) => s.role;
  const rated = scores.map((s, i) => ({ s, i })).filter(({ s }) => roleOf(s) !== "victim");
  const agree = (values: number[]) =>
    agreement(rated.map(({ s }) => s.role), rated.map(({ i }) => values[i]), band);
  const victims = scores.filter((s) => s.role === "victim");
  const withStance = rated.filter(({ s }) => s.stance !== undefined);
  return {
    articles: data.articles.length,
    entities: counts,
    neutralBand: band,
    match,
    span: agree(scores.map((s) => s.score)),
    ...(options.resources
      ? {
        stance: agreement(
          withStance.map(({ s }) => s.role),
          withStance.map(({ s }) => s.stance!),
          band,
        ),
      }
      : {}),
    baselines: {
      sentence: agree(scores.map((s) => s.sentenceScore)),
      ...Object.fromEntries(baselines.map((b) => [b, agree(baselineMeans[b])])),
    },
    victims: {
      n: victims.length,
      mean: victims.length ? mean(victims.map((v) => v.score)) : 0,
      negative: victims.filter((v) => v.score < -band).length,
      positive: victims.filter((v) => v.score > band).length,
    },
    scores,
  };
}

function agreement(roles: NarrativeRole[], values: number[], band: number): RoleAgreement {
  const gold = roles.map((r) => (r === "hero" ? "positive" : "negative"));
  const predicted = values.map((v) => (v > band ? "positive" : v < -band ? "negative" : "neutral"));
  const recall = (label: string) => {
    const idx = gold.map((g, i) => (g === label ? i : -1)).filter((i) => i >= 0);
    return idx.length ? idx.filter((i) => predicted[i] === label).length / idx.length : 0;
  };
  const decided = predicted.map((p, i) => ({ p, g: gold[i] })).filter(({ p }) => p !== "neutral");
  return {
    n: gold.length,
    accuracy: gold.length ? accuracy(gold, predicted) : 0,
    signAgreement: decided.length
      ? decided.filter(({ p, g }) => p === g).length / decided.length
      : 0,
    balancedAccuracy: (recall("positive") + recall("negative")) / 2,
    majority: gold.length
      ? Math.max(...["positive", "negative"].map((g) => gold.filter((x) => x === g).length)) /
        gold.length
      : 0,
    neutral: predicted.filter((p) => p === "neutral").length,
    confusion: confusion(gold, predicted, ["negative", "neutral", "positive"]),
    rankAgreement: rankAgreement(roles, values),
  };
}

/** The chance that a hero's value is above a villain's, ties counting half (0 without both). */
function rankAgreement(roles: NarrativeRole[], values: number[]): number {
  const heroes = values.filter((_, i) => roles[i] === "hero");
  const villains = values.filter((_, i) => roles[i] === "villain");
  if (heroes.length === 0 || villains.length === 0) return 0;
  let wins = 0;
  for (const h of heroes) for (const v of villains) wins += h > v ? 1 : h === v ? 0.5 : 0;
  return wins / (heroes.length * villains.length);
}

/**
 * The author's stance toward each entity key (title and body voices) from
 * the whole analysis of the article with the entities as its actors; keys
 * not found there are absent.
 */
function authorStances(
  article: RoleArticle,
  resources: AnalysisResources,
  keys: readonly string[],
): Map<string, number> {
  const analysis = analyzeArticle(
    {
      meta: { id: article.id, language: "en", inferred: [] },
      text: article.text,
      origin: article.id,
      warnings: [],
    },
    resources,
    { resamples: 1 },
  );
  const byActor = new Map<string, number[]>();
  for (const m of analysis.mentions) {
    if (m.voice !== "title" && m.voice !== "body") continue;
    const list = byActor.get(m.actor) ?? [];
    if (m.evaluates) list.push(m.score);
    byActor.set(m.actor, list);
  }
  const out = new Map<string, number>();
  for (const [actor, evaluating] of byActor) {
    // The stance over the title and body together (band 0: `evaluates` already applied it).
    out.set(keys[Number(actor.slice(1))], actorStance(evaluating, { band: 0 }));
  }
  return out;
}

/** One entry per (article, entity, role); pronoun-only entities dropped (nothing to match). */
function uniqueEntities(entities: readonly RoleEntity[]): RoleEntity[] {
  const seen = new Set<string>();
  return entities.filter((e) => {
    const key = `${entityKey(e.entity)}\u0000${e.role}`;
    if (seen.has(key) || entityKey(e.entity) === "" || PRONOUNS.has(entityKey(e.entity))) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

/** The entity string as a form: no leading article, no trailing possessive, spaces collapsed. */
function entityKey(entity: string): string {
  return termKey(entity).replace(/^(?:the|a|an)\s+/, "").replace(/'s?$/, "").replace(
    /[\s,.;:]+$/,
    "",
  ).trim();
}

/** Mentions per entity key, each entity an ad-hoc actor of the article. */
function entityMentions(
  keys: readonly string[],
  tokens: ReturnType<typeof tokenizeText>["tokens"],
  match: "exact" | "head",
) {
  const lexicon = (forms: (k: string) => string[]) => {
    const owner = new Map<string, string>();
    const actors = keys.map((k, i) => ({
      id: `e${i}`,
      name: k,
      kind: "group" as const,
      aliases: forms(k).filter((f) => {
        if (f.length < 2 || owner.has(f)) return false;
        owner.set(f, k);
        return true;
      }),
    }));
    const input: ActorLexiconInput = {
      name: "roles",
      version: "1.0.0",
      description: "Entities named by annotators.",
      source: "annotations",
      licence: "see the data",
      language: "en",
      actors,
    };
    return ActorLexicon.parse(input);
  };
  const find = (lex: ActorLexicon) => {
    const out = new Map<string, ReturnType<typeof findMentions>>();
    for (const m of findMentions(tokens, lex, { pronouns: false })) {
      const key = keys[Number(m.actor.slice(1))];
      out.set(key, [...(out.get(key) ?? []), m]);
    }
    return out;
  };
  const exact = lexicon((k) => [k]);
  const found = find(exact);
  if (match === "head") {
    const missing = keys.filter((k) => !found.has(k));
    if (missing.length > 0) {
      const taken = new Set(keys.filter((k) => found.has(k)));
      const withHeads = lexicon((k) => (taken.has(k) ? [k] : headForms(k)));
      const fallback = find(withHeads);
      for (const k of missing) {
        const m = fallback.get(k);
        if (m) found.set(k, m);
      }
      // The lexicon that found each entity: the exact form, or the heads of a missing one.
      return { found, lexicon: withHeads };
    }
  }
  return { found, lexicon: exact };
}

const STOP = new Set([
  "people",
  "world",
  "things",
  "those",
  "these",
  "other",
  "others",
  "which",
  "their",
]);

/** The part before the first comma, and the last word when it is a long enough word. */
function headForms(key: string): string[] {
  const forms = [key];
  const beforeComma = key.split(",")[0].trim();
  if (beforeComma !== key && beforeComma.length > 0) forms.push(beforeComma);
  const last = beforeComma.split(/\s+/).at(-1) ?? "";
  if (/^[a-z][a-z-]{3,}$/.test(last) && !STOP.has(last)) forms.push(last);
  return forms;
}

/** A quote-aware TSV reader: header row, fields optionally in double quotes (doubled inside). */
function readTsv(
  text: string,
  file: string,
  required: readonly string[],
): { line: number; fields: Record<string, string> }[] {
  const rows = splitTsv(text, file);
  const [head, ...body] = rows;
  if (!head) throw new InputError({ file }, "expected a header row");
  for (const name of required) {
    if (!head.cells.includes(name)) {
      throw new InputError(
        { file, line: 1 },
        `expected a column "${name}" (found ${head.cells.join(", ")})`,
      );
    }
  }
  // Trailing columns may be missing (some rows of the release lack the frame columns).
  const needed = Math.max(...required.map((name) => head.cells.indexOf(name))) + 1;
  return body.filter((r) => !(r.cells.length === 1 && r.cells[0] === "")).map((r) => {
    if (r.cells.length > head.cells.length || r.cells.length < needed) {
      throw new InputError(
        { file, line: r.line },
        `expected ${needed} to ${head.cells.length} tab-separated fields, found ${r.cells.length}`,
      );
    }
    return {
      line: r.line,
      fields: Object.fromEntries(head.cells.map((h, i) => [h, r.cells[i] ?? ""])),
    };
  });
}
