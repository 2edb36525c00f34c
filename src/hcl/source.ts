/**
 * Source positions: the tree and the lexer count UTF-16 offsets; diagnostics
 * want 1-based line and column (in code points) and the UTF-8 byte offset.
 */

import type { Pos, Range } from "./diagnostics.js";

export class SourceMap {
  private lineStarts: number[] | null = null;
  private lineByteStarts: number[] = [];

  constructor(readonly text: string, readonly byteBase = 0) {}

  private starts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    const bytes = [0];
    const t = this.text;
    for (let i = t.indexOf("\n"); i >= 0; i = t.indexOf("\n", i + 1)) {
      bytes.push(bytes[bytes.length - 1]! + utf8Length(t.slice(starts[starts.length - 1]!, i + 1)));
      starts.push(i + 1);
    }
    this.lineStarts = starts;
    this.lineByteStarts = bytes;
    return starts;
  }

  /** Position of a UTF-16 offset. */
  pos(offset: number): Pos {
    const starts = this.starts();
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0,
      hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = starts[lo]!;
    const linePrefix = this.text.slice(lineStart, o);
    return {
      line: lo + 1,
      column: codePoints(linePrefix) + 1,
      byte: this.byteBase + this.lineByteStarts[lo]! + utf8Length(linePrefix),
    };
  }

  range(start: number, end: number): Range {
    return { start: this.pos(start), end: this.pos(Math.max(start, end)) };
  }
}

function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

export function utf8Length(s: string): number {
  return Buffer.byteLength(s, "utf8");
}
