/**
 * Writes the JSON Schemas under `schemas/` from the zod schemas they are
 * generated from, so editors can check data files. Run `deno task schemas`;
 * with `--check` it only reports files that differ from what it would write
 * (exit code 1).
 *
 * To publish another schema, add a `{ file, schema }` line to {@link SCHEMAS}.
 *
 * @module
 */
import { z } from "zod";
import { Lexicon } from "../lib/lexicon/schema.ts";
import { ActorLexicon } from "../lib/actors/schema.ts";
import { AnalysisDocument } from "../lib/analysis.ts";
import { Comparison } from "../lib/compare/compare_groups.ts";
import { CompactArticle } from "../lib/run/compact_article.ts";
import { Codebook, CodingUnit } from "../lib/coding/schema.ts";
import { AgreementReport } from "../lib/coding/agreement.ts";
import { EstimateReport } from "../lib/coding/estimate.ts";
import { ShardRecord } from "../lib/run/shard.ts";

/** A JSON Schema file and the zod schema it is generated from. */
export interface SchemaFile {
  /** Path relative to the repository root. */
  file: string;
  schema: z.ZodType;
  /**
   * Which side to describe: "input" for files people write (defaults make
   * fields optional), "output" for documents the toolkit writes. @default "input"
   */
  io?: "input" | "output";
}

/** Every published JSON Schema. */
export const SCHEMAS: readonly SchemaFile[] = [
  { file: "schemas/lexicon.schema.json", schema: Lexicon },
  { file: "schemas/actors.schema.json", schema: ActorLexicon },
  { file: "schemas/analysis.schema.json", schema: AnalysisDocument, io: "output" },
  { file: "schemas/comparison.schema.json", schema: Comparison, io: "output" },
  { file: "schemas/compact_article.schema.json", schema: CompactArticle, io: "output" },
  { file: "schemas/coding_unit.schema.json", schema: CodingUnit, io: "output" },
  { file: "schemas/codebook.schema.json", schema: Codebook },
  { file: "schemas/agreement.schema.json", schema: AgreementReport, io: "output" },
  { file: "schemas/estimate.schema.json", schema: EstimateReport, io: "output" },
  { file: "schemas/shard_record.schema.json", schema: ShardRecord, io: "output" },
];

/**
 * The text of a schema file: JSON Schema (draft 2020-12) of the schema's
 * input side (fields with defaults are optional), two-space indented, with a
 * final newline.
 *
 * @example
 * ```ts
 * import { schemaText } from "./schemas.ts";
 * import { z } from "zod";
 * import { strictEqual } from "node:assert/strict";
 *
 * const text = schemaText(z.object({ a: z.number().default(1) }));
 * strictEqual(JSON.parse(text).properties.a.type, "number");
 * strictEqual(JSON.parse(text).required, undefined);
 * ```
 */
export function schemaText(schema: z.ZodType, io: "input" | "output" = "input"): string {
  return JSON.stringify(z.toJSONSchema(schema, { io, unrepresentable: "any" }), null, 2) + "\n";
}

if (import.meta.main) {
  const root = new URL("../", import.meta.url);
  const check = Deno.args.includes("--check");
  let stale = 0;
  for (const { file, schema, io } of SCHEMAS) {
    const path = new URL(file, root);
    const text = schemaText(schema, io);
    const current = await Deno.readTextFile(path).catch(() => undefined);
    if (current === text) continue;
    if (check) {
      console.error(`${file} is out of date: run \`deno task schemas\``);
      stale++;
    } else {
      await Deno.writeTextFile(path, text);
      console.log(`wrote ${file}`);
    }
  }
  if (stale > 0) Deno.exit(1);
}
