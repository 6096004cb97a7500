/**
 * Options parsing for the sentiment functions, done once per options object.
 *
 * The scorers run once per sentence and once per mention, so parsing their
 * options with zod on every call cost a tenth of a corpus run. A resolved
 * options object is frozen and remembered: passing it back in skips parsing.
 *
 * @module
 */
import type { z } from "zod";
import { InputError } from "../errors.ts";

/** Each resolved options object and the schema that made it. */
const RESOLVED = new WeakMap<object, z.ZodType>();

/**
 * Parses `options` with `schema` (defaults filled in) and freezes the result
 * (and its nested objects); returns `options` itself when it is already such a
 * result of the same `schema`.
 *
 * @param schema The options schema.
 * @param options The caller's options, or `undefined` for the defaults.
 * @param defaults `schema.parse({})`, resolved once by the caller's module.
 * @throws {InputError} When the options do not fit the schema (naming the option).
 *
 * @example Resolving twice returns the same object
 * ```ts
 * import { resolveOptions } from "./resolve.ts";
 * import { SentimentOptions, SpanSentimentOptions } from "./options.ts";
 * import { strictEqual, throws } from "node:assert/strict";
 *
 * const defaults = resolveOptions(SentimentOptions, {}, undefined);
 * const once = resolveOptions(SentimentOptions, { negationWindow: 2 }, defaults);
 * strictEqual(resolveOptions(SentimentOptions, once, defaults), once);
 * strictEqual(resolveOptions(SentimentOptions, undefined, defaults), defaults);
 * // A result of another schema is parsed again.
 * const span = resolveOptions(SpanSentimentOptions, once, undefined);
 * strictEqual(span.halfDistance, 12);
 * throws(() => resolveOptions(SentimentOptions, { negationWindow: -1 }, defaults), /negationWindow/);
 * ```
 */
export function resolveOptions<S extends z.ZodType<object>>(
  schema: S,
  options: z.input<S> | undefined,
  defaults: z.output<S> | undefined,
): Readonly<z.output<S>> {
  if (options === undefined && defaults !== undefined) return defaults;
  if (typeof options === "object" && options !== null && RESOLVED.get(options) === schema) {
    return options as z.output<S>;
  }
  const parsed = schema.safeParse(options ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError({ file: "<options>", path: issue.path.join(".") }, issue.message);
  }
  const resolved = parsed.data as Record<string, unknown>;
  for (const value of Object.values(resolved)) {
    if (typeof value === "object" && value !== null) Object.freeze(value);
  }
  Object.freeze(resolved);
  RESOLVED.set(resolved, schema);
  return resolved as z.output<S>;
}

/**
 * True for an options object made by {@linkcode resolveOptions}: frozen, so
 * its identity stands for its values (the rule engine caches by it).
 */
export function isResolvedOptions(options: object): boolean {
  return RESOLVED.has(options);
}
