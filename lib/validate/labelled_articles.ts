/**
 * Hand-coded whole articles: the text, the person or actor whose treatment
 * was coded, the coder's label (negative / neutral / positive) and, where
 * given, the split the row belongs to. Read from JSONL or CSV.
 *
 * Column names are matched without regard to case, and a few common names
 * are accepted for each field (PerSenT's `DOCUMENT`, `TARGET_ENTITY` and
 * `TRUE_SENTIMENT`, for example):
 *
 * | field | accepted names |
 * | --- | --- |
 * | text | text, document, body, content |
 * | name | person, actor, name, target, entity, target_entity |
 * | label | label, sentiment, stance, polarity, true_sentiment |
 * | split (optional) | split, part, set, partition |
 * | id (optional) | id, document_index, doc_id, article |
 * | kind (optional) | kind: person, state, organisation, bloc or group |
 *
 * @module
 */
import { z } from "zod";
import { ActorKind } from "../actors/schema.ts";
import { parseCsv } from "../corpus/csv.ts";
import { InputError } from "../errors.ts";
import { THREE_WAY, type ThreeWay } from "./thresholds.ts";

/** One hand-coded article. */
export const LabelledArticle = z.object({
  id: z.string(),
  text: z.string().min(1),
  /** The person or actor as the coders named it ("Angela Merkel"). */
  name: z.string().min(1),
  kind: ActorKind,
  label: z.enum(THREE_WAY),
  /** The split the row belongs to, or undefined when the file has none. */
  split: z.string().optional(),
  /** Line of the file the row starts on. */
  line: z.number().int().positive(),
});
/** One hand-coded article. */
export type LabelledArticle = z.infer<typeof LabelledArticle>;

const FIELDS = {
  text: ["text", "document", "body", "content"],
  name: ["person", "actor", "name", "target", "entity", "target_entity"],
  label: ["label", "sentiment", "stance", "polarity", "true_sentiment"],
  split: ["split", "part", "set", "partition"],
  id: ["id", "document_index", "doc_id", "article"],
  kind: ["kind"],
} as const;

const LABELS: Record<string, ThreeWay> = {
  negative: "negative",
  neg: "negative",
  "-1": "negative",
  neutral: "neutral",
  neu: "neutral",
  "0": "neutral",
  positive: "positive",
  pos: "positive",
  "1": "positive",
  "+1": "positive",
};

/**
 * Reads labelled articles from JSONL (one object per line) or CSV with a
 * header row; the format is taken from the file's extension (`.jsonl`,
 * `.json`, `.csv`), else from the first character.
 *
 * @param text The file's content.
 * @param file The file's name, for errors.
 * @throws {InputError} Naming the line and field that is missing or not as expected.
 *
 * @example
 * ```ts
 * import { parseLabelledArticles } from "./labelled_articles.ts";
 * import { strictEqual, throws } from "node:assert/strict";
 *
 * const rows = parseLabelledArticles(
 *   'TARGET_ENTITY,DOCUMENT,TRUE_SENTIMENT,split\nAnn Lee,"Ann Lee won.",Positive,dev\n',
 *   "coded.csv",
 * );
 * strictEqual(rows[0].name, "Ann Lee");
 * strictEqual(rows[0].label, "positive");
 * strictEqual(rows[0].split, "dev");
 * throws(() => parseLabelledArticles('{"text": "x", "person": "A"}', "a.jsonl"), /line 1: label/);
 * ```
 */
export function parseLabelledArticles(text: string, file: string): LabelledArticle[] {
  const jsonl = /\.jsonl?$/i.test(file) || (!/\.csv$/i.test(file) && text.trimStart()[0] === "{");
  const records: { line: number; fields: Record<string, unknown> }[] = [];
  if (jsonl) {
    text.split(/\r?\n/).forEach((raw, i) => {
      if (raw.trim() === "") return;
      let row: unknown;
      try {
        row = JSON.parse(raw);
      } catch {
        throw new InputError({ file, line: i + 1 }, "expected a JSON object");
      }
      if (typeof row !== "object" || row === null || Array.isArray(row)) {
        throw new InputError({ file, line: i + 1 }, "expected a JSON object");
      }
      records.push({ line: i + 1, fields: row as Record<string, unknown> });
    });
  } else {
    records.push(...parseCsv(text, file));
  }
  if (records.length === 0) throw new InputError({ file }, "expected at least one row");
  return records.map(({ line, fields }, i) => {
    const lower = new Map(Object.entries(fields).map(([k, v]) => [k.toLowerCase(), v]));
    const get = (field: keyof typeof FIELDS) => {
      for (const name of FIELDS[field]) {
        const v = lower.get(name);
        if (v !== undefined && v !== null && String(v).trim() !== "") return String(v);
      }
      return undefined;
    };
    const need = (field: "text" | "name" | "label") => {
      const v = get(field);
      if (v === undefined) {
        throw new InputError(
          { file, line, path: field },
          `expected a non-empty value in a column named ${FIELDS[field].join(", ")}`,
        );
      }
      return v;
    };
    const rawLabel = need("label");
    const label = LABELS[rawLabel.trim().toLowerCase().replace(/\.0+$/, "")];
    if (!label) {
      throw new InputError(
        { file, line, path: "label" },
        `expected negative, neutral or positive (or -1, 0, 1), got ${JSON.stringify(rawLabel)}`,
      );
    }
    const rawKind = get("kind") ?? "person";
    const kind = ActorKind.safeParse(rawKind.trim().toLowerCase());
    if (!kind.success) {
      throw new InputError(
        { file, line, path: "kind" },
        `expected one of ${ActorKind.options.join(", ")}, got ${JSON.stringify(rawKind)}`,
      );
    }
    const split = get("split")?.trim();
    return {
      id: get("id") ?? String(i + 1),
      text: need("text"),
      name: need("name").trim(),
      kind: kind.data,
      label,
      ...(split === undefined ? {} : { split }),
      line,
    };
  });
}
