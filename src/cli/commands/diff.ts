/**
 * `aws2ali diff SRC [--format unified|markdown] [--base REF]`: the change from
 * the AWS files to their translation, written nowhere but stdout. Unified: a
 * patch (`--- a/…`, `+++ b/…`, hunks with three lines of context, new files
 * against /dev/null). Markdown: the pull-request comment. --base limits both
 * to the Terraform files changed since a git ref.
 */

import { execFileSync } from "node:child_process";
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";
import type { MigrateResult } from "../../pipeline/index.js";
import { filterReport, renderPrComment, type FileDiff } from "../../report/pr-comment.js";
import { parseCommandArgs, UsageError } from "../args.js";
import { resolveOptions, WORKFLOW_OPTIONS } from "../config.js";
import type { Io } from "../io.js";
import { translate } from "../progress.js";

const CONTEXT_LINES = 3;

/**
 * One file's unified diff; `null` as a name stands for a file that does not
 * exist on that side (/dev/null). Empty when the texts are equal.
 */
export function unifiedPatch(oldName: string | null, newName: string | null, oldText: string, newText: string): string {
  if (oldText === newText && oldName !== null && newName !== null) return "";
  const patch = createTwoFilesPatch(oldName ?? "/dev/null", newName ?? "/dev/null", oldText, newText, undefined, undefined, { context: CONTEXT_LINES, headerOptions: FILE_HEADERS_ONLY });
  return patch.includes("\n@@") ? patch : "";
}

/** Each output file against the AWS file it came from (generated files against /dev/null), in path order. */
export function translationDiffs(result: MigrateResult, only?: Set<string>): FileDiff[] {
  const inputs = new Map(result.files.filter((f) => !f.diagnostics.some((d) => d.severity === "error")).map((f) => [f.path, f.text]));
  const diffs: FileDiff[] = [];
  for (const [path, text] of result.outputs) {
    if (only && !only.has(path)) continue;
    const before = inputs.get(path);
    const patch = unifiedPatch(before === undefined ? null : `a/${path}`, `b/${path}`, before ?? "", text);
    if (patch) diffs.push({ path, patch, added: before === undefined });
  }
  return diffs;
}

/** Terraform files under SRC changed since REF (committed, staged, unstaged or untracked), relative to SRC. */
export function changedSince(src: string, ref: string): Set<string> {
  const git = (args: string[]): string => {
    try {
      return execFileSync("git", args, { cwd: src, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });
    } catch (e) {
      const err = e as NodeJS.ErrnoException & { stderr?: string };
      if (err.code === "ENOENT") throw new UsageError("--base needs git, which was not found on the PATH");
      const msg = String(err.stderr ?? err.message).trim().split("\n")[0];
      if (/not a git repository/i.test(msg ?? "")) throw new UsageError(`--base needs SRC to be inside a git repository; ${src} is not (${msg})`);
      throw new UsageError(`--base ${ref}: git ${args[0]} failed: ${msg}`);
    }
  };
  git(["rev-parse", "--show-toplevel"]);
  if (ref.startsWith("-")) throw new UsageError(`--base takes a git ref, not '${ref}'`);
  try {
    git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    throw new UsageError(`--base ${ref}: no such commit in the repository of ${src} (in CI, fetch it first: actions/checkout with fetch-depth: 0, or git fetch origin ${ref})`);
  }
  const changed = git(["diff", "--name-only", "--relative", "--no-renames", "-z", ref, "--", "."]).split("\0");
  const untracked = git(["ls-files", "--others", "--exclude-standard", "-z", "--", "."]).split("\0");
  return new Set([...changed, ...untracked].filter((p) => /\.(tf|tfvars)$/.test(p)));
}

export function runDiff(argv: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(argv, { ...WORKFLOW_OPTIONS, format: { type: "string" }, base: { type: "string" } });
  if (positionals.length !== 1) throw new UsageError("diff takes exactly one source folder: aws2ali diff SRC [--format unified|markdown] [--base REF]");
  const format = (values.format as string | undefined) ?? "unified";
  if (format !== "unified" && format !== "markdown") throw new UsageError("--format takes unified or markdown");
  const src = positionals[0]!;
  const { options } = resolveOptions(values, src);
  const base = values.base as string | undefined;
  const only = base !== undefined ? changedSince(options.src, base) : undefined;
  const result = translate(options, io, values, "diff");
  const diffs = translationDiffs(result, only);
  if (format === "unified") io.out(diffs.map((d) => d.patch).join(""));
  else {
    const report = only ? filterReport(result.report, only) : result.report;
    io.out(renderPrComment(report, diffs, { source: src, ...(base !== undefined ? { base } : {}) }));
  }
  if (only && only.size === 0 && values.quiet !== true) io.err(`aws2ali: no Terraform files under ${src} changed since ${base}\n`);
  return result.failed > 0 ? 1 : 0;
}
