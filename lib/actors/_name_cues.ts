/**
 * Word lists that actor discovery (suggest.ts) reads its cues from, written
 * for this toolkit (CC0-1.0). All lower-case; compared with a token's
 * lower-case form.
 *
 * @module
 */

/** Never suggested alone: months, weekdays and their abbreviations, and other calendar words. */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set([
  ..."january february march april may june july august september october november december"
    .split(" "),
  ..."jan feb mar apr jun jul aug sep sept oct nov dec".split(" "),
  ..."monday tuesday wednesday thursday friday saturday sunday".split(" "),
  ..."mon tue tues wed thu thur thurs fri sat sun".split(" "),
  ..."christmas easter ramadan".split(" "),
]);

/** Languages and scripts: proper nouns that are not actors. */
export const LANGUAGE_WORDS: ReadonlySet<string> = new Set(
  "english latin cyrillic arabic greek hebrew esperanto".split(" "),
);

/**
 * Titles and roles that make the name after them a person: "President
 * Okafor", "union leader Mara Lindqvist", "the mediator Elena Sorvik".
 * Capitalised titles inside a run of capitalised words also split it
 * ("Rosatom General Director Alexey Likhachev").
 */
export const PERSON_TITLES: ReadonlySet<string> = new Set(
  (
    "president vice-president minister prime secretary chancellor premier king queen prince " +
    "princess emir sheikh sultan pope patriarch bishop cardinal mr mrs ms miss dr sir lord lady " +
    "general colonel captain admiral commander marshal lieutenant sergeant director chairman " +
    "chairwoman chairperson chair ceo executive chief head leader spokesman spokeswoman " +
    "spokesperson governor mayor senator congressman congresswoman ambassador envoy judge " +
    "justice professor prof deputy speaker mp mep akim analyst expert scientist journalist " +
    "economist mediator founder candidate opponent editor correspondent columnist activist " +
    "lawyer commissioner adviser advisor"
  ).split(" "),
);

/** Titles that split a run of capitalised words (a narrower set: "Shipping Director" stays whole only if Director is absent). */
export const SPLITTING_TITLES: ReadonlySet<string> = new Set(
  (
    "president minister secretary chancellor premier king queen prince princess emir sheikh " +
    "sultan mr mrs ms dr sir general colonel admiral director chairman chairwoman governor mayor " +
    "senator ambassador judge professor speaker ceo"
  ).split(" "),
);

/** Words in a name that make it an organisation ("Velmora Dockworkers Union"). */
export const ORGANISATION_WORDS: ReadonlySet<string> = new Set(
  (
    "union group company corporation corp inc ltd llc plc gmbh ag jsc pjsc ojsc llp nv bv " +
    "bank ministry council parliament forum organization organisation agency committee " +
    "commission party association institute university college academy fund foundation court " +
    "chamber alliance coalition movement front army navy police service office department " +
    "assembly congress senate society news times post herald press gazette journal tribune " +
    "telegraph airlines airways holding holdings partners network board authority bureau centre " +
    "center club media television tv radio channel church mission cooperative consortium " +
    "federation league guild brigade"
  ).split(" "),
);

/** Words in a name that make it a state ("Republic of Ostria"). */
export const STATE_WORDS: ReadonlySet<string> = new Set(
  "republic kingdom emirates principality sultanate confederation commonwealth states emirate"
    .split(" "),
);

/** Endings of a one-word name that make it a state (Kazakhstan, Finland, Ostria). */
export const STATE_SUFFIXES: readonly string[] = ["stan", "land", "ia"];

/** Nouns after a name, or before "of" and a name, that make the name a state acting. */
export const STATE_NOUNS: ReadonlySet<string> = new Set(
  "government president parliament ministry army authorities cabinet embassy prime".split(" "),
);

/** Last words of places that are not actors ("Caspian Sea", "Turkey Avenue"). */
export const PLACE_WORDS: ReadonlySet<string> = new Set(
  (
    "sea ocean river lake mountains mountain valley gulf bay strait island islands street " +
    "avenue square road bridge airport station region province oblast district peninsula desert"
  ).split(" "),
);

/** Lower-case words that may join capitalised words into one name ("University of Velmora"). */
export const NAME_CONNECTORS: ReadonlySet<string> = new Set(
  "of for de van von der den al bin la le du da".split(" "),
);

/** Personal pronouns that refer back to a person, by the set they belong to. */
export const PERSON_PRONOUNS: ReadonlyMap<string, "he" | "she"> = new Map([
  ["he", "he"],
  ["his", "he"],
  ["him", "he"],
  ["himself", "he"],
  ["she", "she"],
  ["her", "she"],
  ["hers", "she"],
  ["herself", "she"],
]);
