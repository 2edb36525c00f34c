/**
 * `aws2ali plan SRC [--format text|json] [--fail-on partial|manual]`: what a
 * migration would do, writing nothing. Text: one line per AWS block (what it
 * becomes, its status and its first finding), grouped by file, then totals.
 * JSON: the report model. Exit 1 when --fail-on finds a block at or below
 * that status (partial counts partial and manual) or a file failed.
 */

import type { BlockStatus, Report, ReportItem } from "../../report/model.js";
import { reportToJson } from "../../report/json.js";
import { parseCommandArgs, UsageError } from "../args.js";
import { failOnOf, resolveOptions, WORKFLOW_OPTIONS, type FailOn } from "../config.js";
import type { Io } from "../io.js";
import { translate } from "../progress.js";

/** Blocks that make --fail-on fail. */
export function failingItems(report: Report, failOn: FailOn): ReportItem[] {
  const bad: BlockStatus[] = failOn === "manual" ? ["manual"] : ["partial", "manual"];
  return report.items.filter((i) => bad.includes(i.status));
}

/** The first thing a person should read about a block: why it is manual, else its first warning, else its first note. */
export function firstFinding(it: ReportItem): string {
  if (it.status === "manual") return firstSentence(it.manual?.reason ?? "nothing was emitted for this block");
  const c = [...it.changes].sort((a, b) => Number(b.severity === "warning") - Number(a.severity === "warning"))[0];
  if (!c) return "";
  return `${c.argument}: ${firstSentence(c.reason)}`;
}

function firstSentence(s: string): string {
  const flat = s.replace(/\s+/g, " ").trim();
  const m = /^(.+?\.)(?=\s+[A-Z(]|$)/.exec(flat);
  const one = m ? m[1]! : flat;
  return one.length > 110 ? one.slice(0, 109).trimEnd() + "…" : one;
}

/** What a block became: its first target, and how many more. */
function targetsOf(it: ReportItem): string {
  if (it.targets.length === 0) return "(nothing)";
  return it.targets.length === 1 ? it.targets[0]! : `${it.targets[0]} (+${it.targets.length - 1})`;
}

export function planText(report: Report): string {
  const lines: string[] = [];
  const byFile = new Map<string, ReportItem[]>();
  for (const it of report.items) (byFile.get(it.file) ?? byFile.set(it.file, []).get(it.file)!).push(it);
  const addrW = Math.min(48, Math.max(0, ...report.items.map((i) => i.address.length)));
  const targW = Math.min(48, Math.max(0, ...report.items.map((i) => targetsOf(i).length)));
  for (const [file, items] of byFile) {
    lines.push(file);
    for (const it of items) {
      const finding = firstFinding(it);
      lines.push(`  ${it.address.padEnd(addrW)}  → ${targetsOf(it).padEnd(targW)}  ${it.status.padEnd(10)}  ${finding}`.trimEnd());
    }
    lines.push("");
  }
  const failedFiles = new Set(report.diagnostics.filter((d) => d.code.startsWith("parse.") || d.code.startsWith("read.") || d.code.startsWith("internal.")).map((d) => d.file));
  for (const f of [...failedFiles].sort()) if (!byFile.has(f)) lines.push(f, "  (not translated: the file could not be read or parsed)", "");
  const s = report.summary;
  const effort = report.items.filter((i) => i.status === "manual").reduce((a, i) => a + (i.manual?.effortHours ?? 2), 0);
  lines.push(`${s.blocks} AWS blocks in ${s.files} files: ${s.byStatus.translated} translated, ${s.byStatus.partial} partial, ${s.byStatus.manual} manual (~${Math.round(effort * 10) / 10} h by hand).`);
  lines.push(`Readiness ${s.readiness}/100; ${s.schemaFindings} schema finding(s) in the translation${s.filesFailed ? `; ${s.filesFailed} file(s) could not be read or parsed` : ""}.`);
  return lines.join("\n") + "\n";
}

export function runPlan(argv: string[], io: Io): number {
  const { values: cli, positionals } = parseCommandArgs(argv, { ...WORKFLOW_OPTIONS, format: { type: "string" }, "fail-on": { type: "string" } });
  if (positionals.length !== 1) throw new UsageError("plan takes exactly one source folder: aws2ali plan SRC [--format text|json] [--fail-on partial|manual]");
  const format = (cli.format as string | undefined) ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError("--format takes text or json");
  const { options, values } = resolveOptions(cli, positionals[0]!);
  const failOn = failOnOf(values);
  // The text plan ends with the totals: no second summary line on stderr.
  const result = translate(options, io, values, "plan", { summaryLine: format !== "text" });
  io.out(format === "json" ? reportToJson(result.report) : planText(result.report));
  if (result.failed > 0) return 1;
  if (failOn) {
    const bad = failingItems(result.report, failOn);
    if (bad.length > 0) {
      if (values.quiet !== true) io.err(`aws2ali: --fail-on ${failOn}: ${bad.length} block(s) ${failOn === "manual" ? "must be done by hand" : "need a person (partial or manual)"}\n`);
      return 1;
    }
  }
  return 0;
}
