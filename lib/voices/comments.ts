/**
 * Reader comments: numbered items with a vote score and a timestamp, replies
 * nested by indentation.
 *
 * @module
 */
import type { CommentInfo } from "../segment.ts";
import { COMMENT_ITEM } from "./page_rules.ts";

/** Follows the comment list line by line. */
export class CommentTracker {
  #indents: number[] = [];
  #count = 0;
  /** The comment whose text lines are being read, if any. */
  current: CommentInfo | undefined;

  /** If the line opens a comment (`  1. +7`), starts it and returns true. */
  open(line: string): boolean {
    const m = line.match(COMMENT_ITEM);
    if (!m) return false;
    const indent = m[1].replace(/\t/g, "    ").length;
    if (!this.#indents.includes(indent)) this.#indents.push(indent);
    this.#indents.sort((a, b) => a - b);
    this.#count++;
    this.current = {
      index: this.#count,
      score: Number(m[3].replace(/\s|−/g, (c) => (c === "−" ? "-" : ""))),
      depth: this.#indents.indexOf(indent),
      repeatsArticle: false,
    };
    return true;
  }

  /** Records the timestamp line of the current comment. */
  stamp(line: string): void {
    if (this.current && this.current.timestamp === undefined) this.current.timestamp = line.trim();
  }

  /** Stops reading the current comment. */
  close(): void {
    this.current = undefined;
  }
}
