/**
 * Stage 2, parse: read each discovered file and build its lossless tree.
 * A file that cannot be read or parsed carries its diagnostics and is not
 * written; the other files go on.
 */

import type { File } from "../hcl/cst.js";
import type { Diagnostic } from "../hcl/diagnostics.js";
import { parse } from "../hcl/parser.js";
import type { SourceMap } from "../hcl/source.js";
import type { DiscoveredFile } from "./discover.js";
import { readSource } from "./read.js";

export interface SourceFile {
  path: string;
  absPath: string;
  text: string;
  /** Absent when the file could not be read or parsed. */
  tree?: File;
  source?: SourceMap;
  diagnostics: Diagnostic[];
}

export interface ParseStageOptions {
  /** Files larger than this are skipped with a finding. */
  maxFileBytes: number;
}

export function parseFile(file: DiscoveredFile, options: ParseStageOptions): SourceFile {
  if (file.size > options.maxFileBytes) {
    const pos = { line: 1, column: 1, byte: 0 };
    const mb = (options.maxFileBytes / 1e6).toFixed(1);
    return { path: file.path, absPath: file.absPath, text: "", diagnostics: [{ severity: "error", code: "read.file-too-large", summary: "File too large", detail: `This file is ${(file.size / 1e6).toFixed(1)} MB, over the ${mb} MB limit, and was skipped. Raise it with --max-file-size if the file is really Terraform.`, file: file.path, range: { start: pos, end: pos } }] };
  }
  const read = readSource(file.absPath, file.path);
  if (!read.ok) return { path: file.path, absPath: file.absPath, text: "", diagnostics: [read.diagnostic] };
  let result: ReturnType<typeof parse>;
  try {
    result = parse(read.text, file.path);
  } catch (e) {
    // A parser bug must not stop the other files.
    const pos = { line: 1, column: 1, byte: 0 };
    return { path: file.path, absPath: file.absPath, text: read.text, diagnostics: [{ severity: "error", code: "internal.parse", summary: "Internal error while parsing", detail: `aws2ali failed on this file (${(e as Error).message}). This is a bug in aws2ali; please report it with the file.`, file: file.path, range: { start: pos, end: pos } }] };
  }
  const ok = result.diagnostics.length === 0;
  return { path: file.path, absPath: file.absPath, text: read.text, ...(ok ? { tree: result.file } : {}), source: result.source, diagnostics: result.diagnostics };
}
