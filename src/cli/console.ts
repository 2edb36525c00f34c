/**
 * How diagnostics look on a terminal: `path:line:col: severity: summary`,
 * a line of detail, and on a TTY a code frame pointing at the column.
 */

import type { Diagnostic } from "../hcl/diagnostics.js";

export interface ConsoleOptions {
  tty: boolean;
  /** Source text by file, for code frames. */
  sources?: Map<string, string>;
}

export function formatForConsole(d: Diagnostic, opts: ConsoleOptions): string {
  const head = `${d.file}:${d.range.start.line}:${d.range.start.column}: ${d.severity}: ${d.summary}`;
  const lines = [opts.tty ? colour(head, d.severity) : head];
  if (d.detail) lines.push(`  ${d.detail}`);
  const src = opts.sources?.get(d.file);
  if (opts.tty && src !== undefined) lines.push(...codeFrame(src, d));
  return lines.join("\n");
}

function colour(s: string, severity: Diagnostic["severity"]): string {
  const code = severity === "error" ? 31 : severity === "warning" ? 33 : 36;
  return `\u001b[${code}m${s}\u001b[0m`;
}

/** The offending line with a caret under the column, and one line of context before it. */
export function codeFrame(src: string, d: Diagnostic): string[] {
  const all = src.replace(/^\ufeff/, "").split(/\r?\n/);
  const n = d.range.start.line;
  const out: string[] = [];
  const width = String(n).length;
  for (let l = Math.max(1, n - 1); l <= n; l++) {
    const text = (all[l - 1] ?? "").replace(/\t/g, " ");
    out.push(`  ${String(l).padStart(width)} | ${text.length > 160 ? text.slice(0, 160) + "…" : text}`);
  }
  out.push(`  ${" ".repeat(width)} | ${" ".repeat(Math.max(0, d.range.start.column - 1))}^`);
  return out;
}
