/**
 * The report as Markdown, for people: the summary, what needs a person,
 * the decisions aws2ali made for Alibaba Cloud, then every block.
 */

import type { BlockStatus, Report, ReportItem } from "./model.js";

const STATUS_LABEL: Record<BlockStatus, string> = { translated: "translated", partial: "partial — review", manual: "manual — to do" };

function esc(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

export function reportToMarkdown(report: Report): string {
  const s = report.summary;
  const lines: string[] = [];
  lines.push("# aws2ali migration report", "");
  lines.push(`Readiness: **${s.readiness}/100** (translated blocks count 1, partial ½, manual 0). ${s.blocks} AWS blocks in ${s.files} files${s.filesFailed ? `, ${s.filesFailed} file(s) could not be read or parsed` : ""}; ${s.schemaFindings} schema finding(s) in the output (provider ${report.provider.source} ${report.provider.version}).`, "");
  lines.push("| status | blocks |", "| --- | --- |");
  for (const st of ["translated", "partial", "manual"] as const) lines.push(`| ${STATUS_LABEL[st]} | ${s.byStatus[st]} |`);
  lines.push("", "## By service", "", "| service | translated | partial | manual |", "| --- | --- | --- | --- |");
  for (const [svc, c] of Object.entries(s.byService)) lines.push(`| ${esc(svc)} | ${c.translated} | ${c.partial} | ${c.manual} |`);
  const manual = report.items.filter((i) => i.status === "manual");
  if (manual.length > 0) {
    lines.push("", "## To do by hand", "", "| block | where | why | what to do | effort |", "| --- | --- | --- | --- | --- |");
    for (const it of manual) lines.push(`| \`${it.address}\` | ${it.file}:${it.line} | ${esc(it.manual?.reason ?? "")} | ${esc(it.manual?.action ?? "")}${it.manual?.alternative ? ` (closest: ${esc(it.manual.alternative)})` : ""} | ~${it.manual?.effortHours ?? 2} h |`);
  }
  const review = report.items.filter((i) => i.status === "partial");
  if (review.length > 0) {
    lines.push("", "## To review", "");
    for (const it of review) {
      lines.push(`- \`${it.address}\` (${it.file}:${it.line}) → ${it.targets.map((t) => `\`${t}\``).join(", ")}`);
      for (const c of it.changes.filter((c) => c.severity === "warning")) lines.push(`  - \`${c.argument}\`: ${c.reason}${c.action ? ` **Do:** ${c.action}` : ""}`);
    }
  }
  if (report.decisions.length > 0) {
    lines.push("", "## Decisions made for Alibaba Cloud", "");
    for (const d of report.decisions) lines.push(`- **${d.summary}.** ${d.detail}`);
  }
  if (report.diagnostics.length > 0) {
    lines.push("", "## Errors and findings", "");
    for (const d of report.diagnostics) lines.push(`- ${d.file}:${d.range.start.line}:${d.range.start.column}: ${d.severity}: ${esc(d.summary)} — ${esc(d.detail)}`);
  }
  lines.push("", "## Every block", "", "| block | where | status | became | notes |", "| --- | --- | --- | --- | --- |");
  for (const it of report.items) lines.push(itemRow(it));
  if (report.generatedFiles.length > 0) lines.push("", "## Files aws2ali generated", "", ...report.generatedFiles.map((f) => `- \`${f}\``));
  return lines.join("\n") + "\n";
}

function itemRow(it: ReportItem): string {
  const notes = [...it.changes.filter((c) => c.kind === "dropped").map((c) => `dropped \`${c.argument}\``), ...it.injected.map((i) => `injected \`${i.address}\``)];
  return `| \`${it.address}\` | ${it.file}:${it.line} | ${it.status} | ${it.targets.map((t) => `\`${t}\``).join(", ") || "—"} | ${esc(notes.join("; "))} |`;
}
