/**
 * The last stage, emit: write output files. Writes are atomic (a temp file
 * renamed into place), so an interrupted run never leaves half a file.
 */

import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export function writeAtomic(absPath: string, content: string | Uint8Array): void {
  mkdirSync(dirname(absPath), { recursive: true });
  const tmp = join(dirname(absPath), `.${process.pid}.${Date.now()}.aws2ali.tmp`);
  writeFileSync(tmp, content);
  renameSync(tmp, absPath);
}
