/**
 * The migration pipeline, stage by stage:
 *   discover → parse → emit
 * Each stage is a module with one job; this file only runs them in order.
 */

import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../hcl/diagnostics.js";
import { print } from "../hcl/printer.js";
import { discover, type SkippedPath } from "./discover.js";
import { writeAtomic } from "./emit.js";
import { parseFile, type SourceFile } from "./parse.js";

export interface MigrateOptions {
  src: string;
  out: string | null;
  maxFileBytes: number;
}

export interface MigrateResult {
  files: SourceFile[];
  skipped: SkippedPath[];
  diagnostics: Diagnostic[];
  written: string[];
  /** Files that could not be read or parsed. */
  failed: number;
}

export function migrate(options: MigrateOptions): MigrateResult {
  if (!existsSync(options.src)) throw new Error(`source folder not found: ${options.src}`);
  const discovery = discover(options.src);
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const written: string[] = [];
  let failed = 0;
  for (const found of discovery.files) {
    const file = parseFile(found, { maxFileBytes: options.maxFileBytes });
    files.push(file);
    diagnostics.push(...file.diagnostics);
    if (!file.tree) {
      failed++;
      continue;
    }
    if (options.out) {
      writeAtomic(join(options.out, file.path), print(file.tree));
      written.push(file.path);
    }
  }
  return { files, skipped: discovery.skipped, diagnostics, written, failed };
}
