/**
 * The names of the aggregated tables of a run (the JSON tables of
 * `analyze --tables FILE`), in the order they are written. A module of its
 * own, so that the merge can name them without loading the analysis.
 *
 * @module
 */

/** The names of the aggregated tables, in the order they are written. */
export const TABLES = ["topics", "stance", "actors"] as const;
/** One aggregated table's name. */
export type TableName = typeof TABLES[number];
