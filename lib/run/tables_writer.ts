/**
 * The aggregated tables of a run, written as they come: one JSON object
 * `{"topics": [...], "stance": [...], "actors": [...]}` whose rows carry the
 * article id. Topic rows go straight to the file; stance and actor rows wait
 * in temporary files and are appended at the end, so memory holds no table.
 *
 * @module
 */
import type { TableName } from "./article_record.ts";
import type { EncodedRecord } from "./encoded_record.ts";
import { TABLES } from "./article_record.ts";
import { LineWriter } from "./line_writer.ts";
import type { Provenance } from "../provenance.ts";

const NEWLINE = new TextEncoder().encode("\n");
const COMMA_NEWLINE = new TextEncoder().encode(",\n");

interface Spill {
  path: string;
  writer: LineWriter;
  rows: number;
}

/**
 * Writes the aggregated tables of a run.
 *
 * @example
 * ```ts
 * import { TablesWriter } from "./tables_writer.ts";
 * import { encodeRecord } from "./encoded_record.ts";
 * import { deepStrictEqual } from "node:assert/strict";
 *
 * const path = await Deno.makeTempFile({ suffix: ".json" });
 * const w = await TablesWriter.create(path);
 * await w.add(encodeRecord({ id: "a", json: "{}", warnings: 0, tables: {
 *   topics: ['{"article":"a","topic":"energy"}'], stance: [], actors: ['{"article":"a","actor":"x"}'],
 * } }));
 * await w.close();
 * deepStrictEqual(JSON.parse(await Deno.readTextFile(path)), {
 *   topics: [{ article: "a", topic: "energy" }], stance: [], actors: [{ article: "a", actor: "x" }],
 * });
 * ```
 */
export class TablesWriter {
  #out: LineWriter;
  #spill: Map<TableName, Spill>;
  #topics = 0;

  private constructor(out: LineWriter, spill: Map<TableName, Spill>) {
    this.#out = out;
    this.#spill = spill;
  }

  /** Creates the file (and its folder); the provenance record, if given, comes first. */
  static async create(path: string, provenance?: Provenance): Promise<TablesWriter> {
    const out = await LineWriter.create(path);
    if (provenance) await out.text(`{\n"provenance": ${JSON.stringify(provenance)},\n"topics": [`);
    else await out.text('{\n"topics": [');
    const spill = new Map<TableName, Spill>();
    for (const name of TABLES.slice(1)) {
      const tmp = await Deno.makeTempFile({ prefix: `framing-${name}-`, suffix: ".json" });
      spill.set(name, { path: tmp, writer: await LineWriter.create(tmp), rows: 0 });
    }
    return new TablesWriter(out, spill);
  }

  /** Adds an article's rows. */
  async add(record: EncodedRecord): Promise<void> {
    // The rows come encoded and joined: one write of bytes per table and article.
    if (record.rows.topics > 0) {
      await this.#out.bytes(this.#topics === 0 ? NEWLINE : COMMA_NEWLINE);
      await this.#out.bytes(record.tables.topics);
      this.#topics += record.rows.topics;
    }
    for (const [name, s] of this.#spill) {
      if (record.rows[name] === 0) continue;
      await s.writer.bytes(s.rows === 0 ? NEWLINE : COMMA_NEWLINE);
      await s.writer.bytes(record.tables[name]);
      s.rows += record.rows[name];
    }
  }

  /** Appends the waiting tables, closes the file and removes the temporary files. */
  async close(): Promise<void> {
    await this.#out.text(`${this.#topics > 0 ? "\n" : ""}]`);
    for (const [name, s] of this.#spill) {
      await s.writer.close();
      await this.#out.text(`,\n"${name}": [`);
      await this.#out.append(s.path);
      await this.#out.text(`${s.rows > 0 ? "\n" : ""}]`);
      await Deno.remove(s.path);
    }
    await this.#out.text("\n}\n");
    await this.#out.close();
  }
}
