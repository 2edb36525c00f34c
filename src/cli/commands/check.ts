/**
 * `aws2ali check SRC --against DIR`: translate SRC again and compare with a
 * translation committed in DIR: every file aws2ali would write (the reports
 * included, the manifest not), plus the files DIR's manifest says an earlier
 * run wrote. Exit 0 when they are identical; 1, printing a unified diff from
 * DIR (a/) to the fresh translation (b/), when DIR is stale or was edited by
 * hand. Files in DIR that aws2ali never wrote are not its business.
 */

import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { MANIFEST } from "../../pipeline/emit.js";
import type { MigrateResult } from "../../pipeline/index.js";
import { reportToJson } from "../../report/json.js";
import { reportToMarkdown } from "../../report/markdown.js";
import { parseCommandArgs, UsageError } from "../args.js";
import { resolveOptions, WORKFLOW_OPTIONS } from "../config.js";
import type { Io } from "../io.js";
import { translate } from "../progress.js";
import { unifiedPatch } from "./diff.js";

/** What `migrate --out` would write for this result, by relative path (the manifest aside). */
export function expectedFiles(result: MigrateResult): Map<string, string> {
  const files = new Map(result.outputs);
  files.set("aws2ali-report.json", reportToJson(result.report));
  files.set("aws2ali-report.md", reportToMarkdown(result.report));
  return files;
}

export interface CheckResult {
  /** Files whose text differs, present on both sides. */
  changed: string[];
  /** Files aws2ali would write that DIR lacks. */
  missing: string[];
  /** Files DIR's manifest lists that aws2ali no longer writes. */
  extra: string[];
  /** Unified diff from DIR to the fresh translation. */
  patch: string;
  compared: number;
}

function manifestFiles(dir: string): string[] {
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) return [];
  try {
    const m = JSON.parse(readFileSync(path, "utf8")) as { files?: unknown };
    return Array.isArray(m.files) ? m.files.filter((f): f is string => typeof f === "string" && !f.split("/").includes("..")) : [];
  } catch {
    return [];
  }
}

export function compareWith(dir: string, expected: Map<string, string>): CheckResult {
  const paths = new Set([...expected.keys(), ...manifestFiles(dir)]);
  paths.delete(MANIFEST);
  const result: CheckResult = { changed: [], missing: [], extra: [], patch: "", compared: 0 };
  const patches: string[] = [];
  for (const path of [...paths].sort()) {
    const abs = join(dir, path);
    const have = existsSync(abs) && statSync(abs).isFile() ? readFileSync(abs, "utf8") : undefined;
    const want = expected.get(path);
    if (have === undefined && want === undefined) continue;
    result.compared++;
    if (have === want) continue;
    if (have === undefined) result.missing.push(path);
    else if (want === undefined) result.extra.push(path);
    else result.changed.push(path);
    patches.push(unifiedPatch(have === undefined ? null : `a/${path}`, want === undefined ? null : `b/${path}`, have ?? "", want ?? ""));
  }
  result.patch = patches.join("");
  return result;
}

export function runCheck(argv: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(argv, { ...WORKFLOW_OPTIONS, against: { type: "string" } });
  if (positionals.length !== 1) throw new UsageError("check takes exactly one source folder: aws2ali check SRC --against DIR");
  if (typeof values.against !== "string") throw new UsageError("check needs --against DIR, the folder holding the committed translation");
  const dir = resolve(values.against);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--against: no such folder: ${values.against}`);
  const { options } = resolveOptions(values, positionals[0]!);
  const result = translate(options, io, values, "check", { summaryLine: false });
  const cmp = compareWith(dir, expectedFiles(result));
  const stale = cmp.changed.length + cmp.missing.length + cmp.extra.length;
  if (values.json === true) io.err(JSON.stringify({ event: "check", upToDate: stale === 0, changed: cmp.changed, missing: cmp.missing, extra: cmp.extra }) + "\n");
  if (stale === 0) {
    if (values.quiet !== true && values.json !== true) io.err(`aws2ali: ${values.against} is up to date: its ${cmp.compared} file(s) match a fresh translation of ${positionals[0]}\n`);
    return 0;
  }
  io.out(cmp.patch);
  if (values.quiet !== true && values.json !== true) {
    const parts = [cmp.changed.length ? `${cmp.changed.length} differ` : "", cmp.missing.length ? `${cmp.missing.length} missing` : "", cmp.extra.length ? `${cmp.extra.length} no longer produced` : ""].filter(Boolean);
    io.err(`aws2ali: ${values.against} is stale or was edited by hand: ${parts.join(", ")} (diff above: a/ is ${values.against}, b/ a fresh translation). Regenerate it with aws2ali migrate ${positionals[0]} --out ${values.against}, and keep hand edits in the source, the mappings or .aws2ali.yaml.\n`);
  }
  return 1;
}
