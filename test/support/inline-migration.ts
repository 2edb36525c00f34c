/**
 * Helpers shared by the transforms-*.test.ts files, which run the whole
 * pipeline on a small inline input and look at what comes out: the output
 * text, its report items and changes, schema findings and fmt-cleanliness.
 *
 * Where the test files used to differ, each behaviour is kept as its own
 * function (e.g. `blockText` vs `singleSpacedBlockText`, `schemaFindings`
 * vs `schemaErrors`); a test file imports the one it means, aliased to its
 * usual local name where that helps.
 */

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, expect } from "vitest";
import { DEFAULT_SETTINGS, migrate, type MigrateResult } from "../../src/pipeline/index.js";
import type { Change, ReportItem } from "../../src/report/model.js";
import type { Settings } from "../../src/transforms/context.js";

// ---- Running the pipeline on an inline tree ------------------------------------------------------

/** What `inlineMigration` gives a test file: a runner and the checks that need its temp dirs. */
export interface InlineMigration {
  /** Writes `files` (path → text) into a fresh temp dir and migrates it; `settings`, if given, override DEFAULT_SETTINGS. */
  run(files: Record<string, string>, settings?: Partial<Settings>): MigrateResult;
  /** `terraform fmt -check` on every .tf output file, when terraform is on PATH (a no-op otherwise). */
  expectFmtClean(r: MigrateResult): void;
  /** No schema finding of any severity, and fmt-clean. */
  expectClean(r: MigrateResult): void;
}

/**
 * Sets up one test file: its temp dirs are named `aws2ali-<name>-…` (and
 * `aws2ali-<name>-fmt-…` for the fmt check) and removed after all its tests.
 * Call once, at the top level of the test file.
 */
export function inlineMigration(name: string): InlineMigration {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const tempDir = (prefix: string): string => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
  const expectFmtClean = (r: MigrateResult): void => {
    if (!terraformOnPath()) return;
    const dir = tempDir(`aws2ali-${name}-fmt-`);
    for (const [path, text] of r.outputs) if (path.endsWith(".tf")) writeFileSync(join(dir, path.replace(/\//g, "_")), text);
    expect(() => execFileSync("terraform", ["fmt", "-check", dir], { stdio: "pipe" })).not.toThrow();
  };
  return {
    run: (files, settings) => migrateTree(tempDir(`aws2ali-${name}-`), files, settings),
    expectFmtClean,
    expectClean: (r) => {
      expect(schemaFindings(r)).toEqual([]);
      expectFmtClean(r);
    },
  };
}

/** Writes `files` under `dir` and migrates it; without `settings` the pipeline gets DEFAULT_SETTINGS itself. */
function migrateTree(dir: string, files: Record<string, string>, settings?: Partial<Settings>): MigrateResult {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const effective = settings === undefined ? DEFAULT_SETTINGS : { ...DEFAULT_SETTINGS, ...settings };
  return migrate({ src: dir, out: null, maxFileBytes: 10e6, settings: effective, version: "test" });
}

let terraform: boolean | undefined;
/** Whether `terraform` runs; asked once and cached. */
function terraformOnPath(): boolean {
  if (terraform === undefined) {
    try {
      execFileSync("terraform", ["version"], { stdio: "ignore" });
      terraform = true;
    } catch {
      terraform = false;
    }
  }
  return terraform;
}

// ---- The output and the report -------------------------------------------------------------------

/** The text of main.tf in the output ("" if there is none). */
export function main(r: MigrateResult): string {
  return r.outputs.get("main.tf") ?? "";
}

/** The report item of one input address; throws if there is none. */
export function item(r: MigrateResult, address: string): ReportItem {
  const found = r.report.items.find((i) => i.address === address);
  if (!found) throw new Error(`no report item ${address}`);
  return found;
}

/** The first change on `argument` of an item, whose reason matches `pattern` if given. */
export function change(r: MigrateResult, address: string, argument: string, pattern?: RegExp): Change | undefined {
  return item(r, address).changes.find((c) => c.argument === argument && (!pattern || pattern.test(c.reason)));
}

/** The warning-severity changes of the item at `address`. */
export function warningChanges(r: MigrateResult, address: string): Change[] {
  return item(r, address).changes.filter((c) => c.severity === "warning");
}

/** The warning-severity changes of an item, each as "argument: reason". */
export function warningLines(it: ReportItem): string[] {
  return it.changes.filter((c) => c.severity === "warning").map((c) => `${c.argument}: ${c.reason}`);
}

// ---- Schema findings -----------------------------------------------------------------------------

type Diagnostic = MigrateResult["report"]["diagnostics"][number];

/** Whether a diagnostic comes from schema validation or the emitter. */
function isSchemaOrEmit(d: Diagnostic): boolean {
  return d.code.startsWith("schema.") || d.code.startsWith("emit.");
}

/** A diagnostic as "file:line: summary". */
function findingLine(d: Diagnostic): string {
  return `${d.file}:${d.range.start.line}: ${d.summary}`;
}

/** Schema and emit diagnostics of every severity, as "file:line: summary". */
export function schemaFindings(r: MigrateResult): string[] {
  return r.report.diagnostics.filter(isSchemaOrEmit).map(findingLine);
}

/** Schema and emit diagnostics of error severity only, as "file:line: summary". */
export function schemaErrors(r: MigrateResult): string[] {
  return r.report.diagnostics.filter(isSchemaOrEmit).filter((d) => d.severity === "error").map(findingLine);
}

/** The report's schema-finding count is zero (the diagnostics are shown if not). */
export function expectValid(r: MigrateResult): void {
  expect(r.report.summary.schemaFindings, JSON.stringify(r.diagnostics, null, 1)).toBe(0);
}

// ---- Cutting one block out of the output ---------------------------------------------------------

/** The text of one top-level block, from `header` to the first "\n}\n" after it (kept as is); "" if `header` is absent. */
export function blockText(text: string, header: string): string {
  const start = text.indexOf(header);
  if (start < 0) return "";
  const end = text.indexOf("\n}\n", start);
  return text.slice(start, end + 2);
}

/** `blockText` with every run of spaces collapsed to one: alignment is terraform fmt's business (checked apart). */
export function singleSpacedBlockText(text: string, header: string): string {
  return blockText(text, header).replace(/ +/g, " ");
}

/** `blockText`, but throws (showing `text`) if `header` is absent. */
export function requiredBlockText(text: string, header: string): string {
  if (!text.includes(header)) throw new Error(`no ${header} in:\n${text}`);
  return blockText(text, header);
}

/**
 * The text of one top-level block, ending at a "}" line followed by a blank
 * line or the end of `text` — so a heredoc's "}" line (followed by its end
 * marker) is skipped; to the end of `text` if no such line; "" if `header`
 * is absent.
 */
export function heredocSafeBlockText(text: string, header: string): string {
  const start = text.indexOf(header);
  if (start < 0) return "";
  const end = /\n\}\n(\n|$)/.exec(text.slice(start));
  return end ? text.slice(start, start + end.index + 2) : text.slice(start);
}
