/**
 * Private: an actor lexicon compiled into look-up maps keyed by the
 * normalised text of each form.
 *
 * @module
 */
import { type Actor, type ActorLexicon, dateFloor, termKey, termOf } from "./schema.ts";

/** Who held a title, and when (`from` inclusive, `to` exclusive, ISO days). */
export interface TitleHolder {
  actor: string;
  from: string;
  to: string;
}

/** One form of reference, as the matcher sees it. */
export type Form =
  | { kind: "alias" | "metonym" | "adjective" | "exclude"; actor: string; term: string }
  | { kind: "title"; term: string; holders: TitleHolder[] };

/** The compiled lexicon. */
export interface ActorIndex {
  /** Case-folded key → forms. */
  lower: Map<string, Form[]>;
  /** Exact key → case-sensitive forms. */
  exact: Map<string, Form[]>;
  /** Longest key, in characters. */
  maxKey: number;
  /** Acting-noun lemmas, lower-cased. */
  acting: Set<string>;
  /** Lower-cased keys of every adjective form. */
  adjectives: Set<string>;
  /** Actors by id. */
  actors: Map<string, Actor>;
}

const cache = new WeakMap<ActorLexicon, ActorIndex>();

/** Compiles (once per lexicon object) the look-up maps. */
export function actorIndex(lexicon: ActorLexicon): ActorIndex {
  const hit = cache.get(lexicon);
  if (hit) return hit;
  const index: ActorIndex = {
    lower: new Map(),
    exact: new Map(),
    maxKey: 0,
    acting: new Set(lexicon.actingNouns.map((n) => n.toLowerCase())),
    adjectives: new Set(),
    actors: new Map(lexicon.actors.map((a) => [a.id, a])),
  };
  const add = (term: string, caseSensitive: boolean, form: Form) => {
    const key = termKey(term, caseSensitive);
    const map = caseSensitive ? index.exact : index.lower;
    const list = map.get(key) ?? [];
    list.push(form);
    map.set(key, list);
    index.maxKey = Math.max(index.maxKey, key.length);
  };
  const titles = new Map<
    string,
    { term: string; caseSensitive: boolean; holders: TitleHolder[] }
  >();
  for (const actor of lexicon.actors) {
    for (const kind of ["alias", "metonym", "adjective", "exclude"] as const) {
      const field = kind === "alias"
        ? actor.aliases
        : kind === "metonym"
        ? actor.metonyms
        : kind === "adjective"
        ? actor.adjectives
        : actor.exclude;
      for (const t of field) {
        const { term, caseSensitive } = termOf(t);
        add(term, caseSensitive, { kind, actor: actor.id, term });
        if (kind === "adjective") index.adjectives.add(termKey(term));
      }
    }
    for (const t of actor.titles) {
      const key = `${t.caseSensitive}\u0000${termKey(t.term, t.caseSensitive)}`;
      const entry = titles.get(key) ??
        { term: t.term, caseSensitive: t.caseSensitive, holders: [] };
      entry.holders.push({
        actor: actor.id,
        from: t.from ? dateFloor(t.from) : "0000-01-01",
        to: t.to ? dateFloor(t.to) : "9999-12-31",
      });
      titles.set(key, entry);
    }
  }
  for (const { term, caseSensitive, holders } of titles.values()) {
    add(term, caseSensitive, { kind: "title", term, holders });
  }
  cache.set(lexicon, index);
  return index;
}
