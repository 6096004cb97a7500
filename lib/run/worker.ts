/**
 * The analysis worker: loads the lexicons once, then turns each article it is
 * sent into an {@linkcode EncodedRecord}: the worker serialises and encodes
 * its records and transfers the bytes, so the main thread only writes them.
 * Started by `WorkerPool`.
 *
 * Messages in: `{ type: "init", resources, analyze, compact }`, then
 * `{ type: "article", seq, article }`. Out: `{ type: "ready" }`, then
 * `{ type: "done", seq, record }` (its buffers transferred) or `{ type: "failed", seq, reason }`;
 * `{ type: "fatal", reason }` when the lexicons cannot be loaded.
 *
 * @module
 */
import type { Article } from "../article.ts";
import type { AnalyzeOptions } from "../analyze.ts";
import { type AnalysisResources, loadResources, type LoadResourcesOptions } from "../resources.ts";
import { articleRecord } from "./article_record.ts";
import { type EncodedRecord, encodeRecord, transferablesOf } from "./encoded_record.ts";

/** A message to the worker. */
export type WorkerRequest =
  | {
    type: "init";
    resources: LoadResourcesOptions;
    analyze: AnalyzeOptions;
    /** Compact JSON lines (`CompactArticle`). */
    compact: boolean;
    /** Coding lines (`codingRecord`): what `code sample` reads. */
    coding?: boolean;
  }
  | { type: "article"; seq: number; article: Article };

/** A message from the worker. */
export type WorkerReply =
  | { type: "ready" }
  | { type: "done"; seq: number; record: EncodedRecord }
  | { type: "failed"; seq: number; reason: string }
  | { type: "fatal"; reason: string };

// deno-lint-ignore no-explicit-any
const scope = self as any as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(m: WorkerReply, transfer?: ArrayBuffer[]): void;
};
let resources: AnalysisResources | undefined;
let options: AnalyzeOptions = {};
let compact = false;
let coding = false;
const waiting: { seq: number; article: Article }[] = [];

scope.onmessage = async (e) => {
  const msg = e.data;
  if (msg.type === "init") {
    try {
      options = msg.analyze;
      compact = msg.compact;
      coding = msg.coding === true;
      resources = await loadResources(msg.resources);
      scope.postMessage({ type: "ready" });
      for (const w of waiting.splice(0)) run(w.seq, w.article);
    } catch (err) {
      scope.postMessage({
        type: "fatal",
        reason: err instanceof Error ? err.message : String(err),
      });
    }
  } else if (resources === undefined) waiting.push(msg);
  else run(msg.seq, msg.article);
};

function run(seq: number, article: Article): void {
  let record: EncodedRecord;
  try {
    record = encodeRecord(articleRecord(article, resources!, options, { compact, coding }));
  } catch (err) {
    scope.postMessage({
      type: "failed",
      seq,
      reason: `analysis failed: ${err instanceof Error ? err.message : String(err)}`,
    });
    return;
  }
  scope.postMessage({ type: "done", seq, record }, transferablesOf(record));
}
