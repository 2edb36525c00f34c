/**
 * The last stage, emit: write output files. Writes are atomic (a temp file
 * renamed into place), so an interrupted run never leaves half a file; the
 * input is never written to; and a folder aws2ali did not write is never
 * overwritten without --force. A manifest records what aws2ali wrote, so a
 * later run only ever replaces or removes its own files.
 */

import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { threadId } from "node:worker_threads";

export const MANIFEST = ".aws2ali-manifest.json";

export class OutputRefused extends Error {}

/** Folders this process already created: one mkdir per folder, not per file. */
const madeDirs = new Set<string>();

export function writeAtomic(absPath: string, content: string | Uint8Array): void {
  const dir = dirname(absPath);
  if (!madeDirs.has(dir)) {
    mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
  const tmp = join(dir, `.${process.pid}.${threadId}.aws2ali.tmp`);
  try {
    writeFileSync(tmp, content);
  } catch (e) {
    // The folder went away since this process made it (a test cleaning up): make it again.
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, content);
  }
  renameSync(tmp, absPath);
}

function real(p: string): string {
  // The output folder may not exist yet: resolve its closest existing parent.
  let cur = resolve(p);
  const rest: string[] = [];
  while (!existsSync(cur)) {
    rest.unshift(cur.slice(dirname(cur).length + 1));
    const parent = dirname(cur);
    if (parent === cur) break;
    cur = parent;
  }
  return join(realpathSync(cur), ...rest);
}

/** Refuse an output folder that is the input, lies inside it, or holds files aws2ali did not write. Returns the files a previous run wrote. */
export function prepareOutput(src: string, out: string, force: boolean): string[] {
  const s = real(src);
  const o = real(out);
  if (o === s) throw new OutputRefused(`--out is the source folder itself (${out}); aws2ali never writes into its input. Choose another folder.`);
  if (o.startsWith(s + sep)) throw new OutputRefused(`--out (${out}) is inside the source folder; aws2ali would then read its own output next time. Choose a folder outside ${src}.`);
  if (s.startsWith(o + sep)) throw new OutputRefused(`--out (${out}) contains the source folder; writing there could overwrite the input. Choose another folder.`);
  if (!existsSync(o)) return [];
  const previous = readManifest(o);
  const entries = readdirSync(o);
  if (entries.length > 0 && previous === null && !force) {
    throw new OutputRefused(`--out (${out}) is not empty and was not written by aws2ali. Choose an empty folder, or pass --force to write into it (aws2ali never deletes files it did not write).`);
  }
  return previous ?? [];
}

function readManifest(out: string): string[] | null {
  const path = join(out, MANIFEST);
  if (!existsSync(path)) return null;
  try {
    const m = JSON.parse(readFileSync(path, "utf8")) as { files?: unknown };
    return Array.isArray(m.files) ? m.files.filter((f): f is string => typeof f === "string") : [];
  } catch {
    return [];
  }
}

/** Record what this run wrote, and remove what an earlier run wrote that this one no longer produces. */
export function finishOutput(out: string, written: string[], previous: string[]): void {
  const now = new Set(written);
  for (const f of previous) {
    const abs = resolve(out, f);
    if (!now.has(f) && !relative(out, abs).startsWith("..") && existsSync(abs)) rmSync(abs);
  }
  writeAtomic(join(out, MANIFEST), JSON.stringify({ tool: "aws2ali", files: [...written].sort() }, null, 2) + "\n");
}
