/**
 * The analysis process: what `ProcessPool` starts with `deno run`. It reads
 * frames from stdin (`{ type: "init", resources, analyze, compact }`, then
 * `{ type: "article", seq }` with the article's JSON as its one block) and
 * writes frames to stdout: `{ type: "ready" }`, then per article
 * `{ type: "done", seq, id, rows, warnings }` with the record's line and its
 * table rows as blocks (in `TABLES` order), or `{ type: "failed", seq, reason }`;
 * `{ type: "fatal", reason }` when the lexicons cannot be loaded. It ends when
 * stdin closes.
 *
 * stdout carries frames only: the console's output goes to stderr.
 *
 * @module
 */
import type { Article } from "../article.ts";
import type { AnalyzeOptions } from "../analyze.ts";
import type { AnalysisResources } from "../resources.ts";
import { encodeFrame, type Frame, FrameReader } from "./_frames.ts";

// Before anything else is loaded: nothing but frames may reach stdout.
console.log = console.info = console.debug = console.error;

const { loadResources } = await import("../resources.ts");
const { articleRecord, TABLES } = await import("./article_record.ts");
const { encodeRecord } = await import("./encoded_record.ts");

const out = Deno.stdout.writable.getWriter();
const send = (frame: Frame) => out.write(encodeFrame(frame));
/**
 * Sends a record without waiting for the pipe to take it: the next article
 * is analysed while this one drains (waiting took about an eighth of a
 * worker's time). The writer keeps the order of its writes, and the parent
 * holds only a few articles per worker at a time, so few records can queue
 * here. A write fails only when the parent has gone: then there is no one
 * to report to.
 */
const post = (frame: Frame) => {
  out.write(encodeFrame(frame)).catch(() => Deno.exit(1));
};
const decoder = new TextDecoder();

let resources: AnalysisResources | undefined;
let options: AnalyzeOptions = {};
let compact = false;
let coding = false;

async function handle(frame: Frame): Promise<void> {
  const h = frame.header;
  if (h.type === "init") {
    options = h.analyze as AnalyzeOptions;
    compact = h.compact === true;
    coding = h.coding === true;
    try {
      resources = await loadResources(h.resources as Parameters<typeof loadResources>[0]);
      await send({ header: { type: "ready" }, blocks: [] });
    } catch (err) {
      await send({ header: { type: "fatal", reason: messageOf(err) }, blocks: [] });
      await out.close();
      Deno.exit(1);
    }
    return;
  }
  const seq = h.seq;
  try {
    const article = JSON.parse(decoder.decode(frame.blocks[0])) as Article;
    const r = encodeRecord(articleRecord(article, resources!, options, { compact, coding }));
    post({
      header: { type: "done", seq, id: r.id, rows: r.rows, warnings: r.warnings },
      blocks: [r.line, ...TABLES.map((name) => r.tables[name])],
    });
  } catch (err) {
    post({
      header: { type: "failed", seq, reason: `analysis failed: ${messageOf(err)}` },
      blocks: [],
    });
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

const reader = new FrameReader();
for await (const chunk of Deno.stdin.readable) {
  reader.push(chunk);
  for (let f = reader.next(); f !== undefined; f = reader.next()) await handle(f);
}
await out.close();
