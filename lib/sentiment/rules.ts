/**
 * Word lists and constants of the sentiment rules. Most follow VADER
 * (Hutto & Gilbert 2014, and its JavaScript port `vader-sentiment` 1.1.3);
 * where this toolkit departs from VADER the constant says so.
 *
 * @module
 */

/** Splits a whitespace-separated word list. */
function words(list: string): string[] {
  return list.trim().split(/\s+/);
}

/** Factor on a negated sentiment word (VADER's N_SCALAR). */
export const NEGATION_FACTOR = -0.74;
/** Added to |valence| by a booster just before a word (VADER's B_INCR). */
export const BOOSTER_INCREMENT = 0.293;
/** Added to |valence| by an ALL-CAPS word in a mixed-case text (VADER's C_INCR). */
export const CAPS_INCREMENT = 0.733;
/** Per exclamation mark (up to 4) in the sign of the sum (VADER). */
export const EXCLAMATION_INCREMENT = 0.292;
/** VADER's normalisation constant: score = s / sqrt(s² + alpha). */
export const NORMALIZE_ALPHA = 15;
/** Weight of words before a contrastive "but" (VADER: 0.5). */
export const BUT_BEFORE = 0.5;
/** Weight of words after a contrastive "but" (VADER: 1.5). */
export const BUT_AFTER = 1.5;

/**
 * Words that negate the next words: VADER's NEGATE, wink's split "n't", and
 * "hardly", "barely", "scarcely" (VADER dampens with these; in editorial prose
 * "hardly a success" reads as negation), "unable" ("unable to convince") and
 * "no" ("no unemployment"; VADER rates "no" itself as negative instead).
 */
export const NEGATORS: ReadonlySet<string> = new Set(words(`
  aint arent cannot cant couldnt darent didnt doesnt ain't aren't can't couldn't daren't didn't
  doesn't dont hadnt hasnt havent isnt mightnt mustnt neither don't hadn't hasn't haven't isn't
  mightn't mustn't neednt needn't never none nope nor not nothing nowhere oughtnt shant
  shouldnt uhuh wasnt werent oughtn't shan't shouldn't uh-uh wasn't weren't without wont
  wouldnt won't wouldn't rarely seldom despite n't hardly barely scarcely unable no
`));

/** Intensifiers (+) and dampeners (−): VADER's BOOSTER_DICT single words. */
export const BOOSTERS: ReadonlyMap<string, number> = new Map([
  ...words(`
    absolutely amazingly awfully completely considerably decidedly deeply effing enormously
    entirely especially exceptionally extremely fabulously flipping flippin fricking frickin
    frigging friggin fully fucking greatly hella highly hugely incredibly intensely majorly
    more most particularly purely quite really remarkably so substantially thoroughly totally
    tremendously uber unbelievably unusually utterly very
  `).map((w) => [w, BOOSTER_INCREMENT] as const),
  ...words(`
    almost kinda kindof kind-of less little marginally occasionally partly slightly somewhat
    sorta sortof sort-of
  `).map((w) => [w, -BOOSTER_INCREMENT] as const),
]);

/**
 * Lemmas of verbs that shift the polarity of what they act on: reducing
 * unemployment is good, ending a ceasefire bad. A sentiment word up to three
 * words after one of them is flipped like a negated word.
 */
export const SHIFTERS: ReadonlySet<string> = new Set(words(`
  reduce decrease lower cut curb prevent avoid eliminate end stop halt combat fight
  eradicate cure ease alleviate relieve lessen
`));

/** Two-word dampeners ("kind of", "sort of", "just enough"). */
export const DAMPENER_PHRASES: ReadonlySet<string> = new Set(["kind of", "sort of", "just enough"]);

/** Contrastive conjunctions: the clause after weighs more, the one before less. */
export const CONTRASTIVE: ReadonlySet<string> = new Set(["but"]);

/** Words that open a new clause (for clause-local span sentiment). */
export const CLAUSE_OPENERS: ReadonlySet<string> = new Set(words(`
  but while whereas although though because since unless however yet who whom whose which where
  when after before if as
`));

/** Punctuation that ends a clause. */
export const CLAUSE_PUNCTUATION: ReadonlySet<string> = new Set(words(", ; : — – -- ( ) [ ]"));

/** Quote marks (straight and typographic). */
export const QUOTE_MARKS: ReadonlySet<string> = new Set([..."\"“”„«»'‘’‹›"]);

/**
 * Lemmas of speech and naming verbs: quoted words in a sentence with one of
 * them are someone's words (speech, a label), not the author's scare quotes.
 */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(words(`
  say tell state stress emphasize emphasise note explain add write declare claim ask answer
  reply announce insist argue warn call describe admit point quote recall suggest comment
  respond tweet label dub brand term deem accuse denounce praise
`));

/** Lemmas of nouns that attribute quoted words to someone ("Comey's comment that ..."). */
export const ATTRIBUTION_NOUNS: ReadonlySet<string> = new Set(words(`
  comment remark statement word phrase tweet claim accusation description term label slogan
  nickname motto title quote headline
`));
