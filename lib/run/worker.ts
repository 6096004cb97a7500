/**
 * The analysis worker: loads the lexicons once, then turns each article it is
 * sent into an {@linkcode ArticleRecord}. Started by `WorkerPool`.
 *
 * Messages in: `{ type: "init", resources, analyze }`, then
 * `{ type: "article", seq, article }`. Out: `{ type: "ready" }`, then
 * `{ type: "done", seq, record }` or `{ type: "failed", seq, reason }`;
 * `{ type: "fatal", reason }` when the lexicons cannot be loaded.
 *
 * @module
 */
import type { Article } from "../article.ts";
import type { AnalyzeOptions } from "../analyze.ts";
import { type AnalysisResources, loadResources, type LoadResourcesOptions } from "../resources.ts";
import { type ArticleRecord, articleRecord } from "./article_record.ts";

/** A message to the worker. */
export type WorkerRequest =
  | { type: "init"; resources: LoadResourcesOptions; analyze: AnalyzeOptions }
  | { type: "article"; seq: number; article: Article };

/** A message from the worker. */
export type WorkerReply =
  | { type: "ready" }
  | { type: "done"; seq: number; record: ArticleRecord }
  | { type: "failed"; seq: number; reason: string }
  | { type: "fatal"; reason: string };

// deno-lint-ignore no-explicit-any
const scope = self as any as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(m: WorkerReply): void;
};
let resources: AnalysisResources | undefined;
let options: AnalyzeOptions = {};
const waiting: { seq: number; article: Article }[] = [];

scope.onmessage = async (e) => {
  const msg = e.data;
  if (msg.type === "init") {
    try {
      options = msg.analyze;
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
  try {
    scope.postMessage({ type: "done", seq, record: articleRecord(article, resources!, options) });
  } catch (err) {
    scope.postMessage({
      type: "failed",
      seq,
      reason: `analysis failed: ${err instanceof Error ? err.message : String(err)}`,
    });
  }
}
