/**
 * One diagnostic type for everything aws2ali reports: parse errors, schema
 * findings and mapping notes alike (modelled on hclsyntax's hcl.Diagnostic).
 * Writers (console, JSON, SARIF, HTML) serialise this same object.
 */

export type Severity = "error" | "warning" | "info";

/** A position in a file. Lines and columns are 1-based; columns count Unicode code points; byte is the 0-based UTF-8 offset. */
export interface Pos {
  line: number;
  column: number;
  byte: number;
}

export interface Range {
  start: Pos;
  end: Pos;
}

export interface Diagnostic {
  severity: Severity;
  /** A stable identifier of the kind of finding, e.g. `parse.unclosed-brace`, `schema.unknown-argument`. */
  code: string;
  /** One line, no trailing period: what is wrong. */
  summary: string;
  /** A sentence or two: why, and what to do. */
  detail: string;
  /** Path of the file, relative to the source root, with forward slashes. */
  file: string;
  range: Range;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.range.start.line}:${d.range.start.column}: ${d.severity}: ${d.summary}`;
}
