/**
 * The architect's report as Markdown (`aws2ali report --format md`): the
 * Markdown report aws2ali writes next to a migration, plus what the HTML page
 * adds: how readiness is computed, the manual effort in total and per
 * service, and the resource graph as a Mermaid flowchart (GitHub and GitLab
 * draw it).
 */

import { graphToMermaid, type ResourceGraph } from "./graph.js";
import { effortOf, formatHours } from "./html.js";
import { reportToMarkdown } from "./markdown.js";
import type { Report } from "./model.js";

export function reportToFullMarkdown(report: Report, graph?: ResourceGraph): string {
  const s = report.summary;
  const lines: string[] = [reportToMarkdown(report).trimEnd(), ""];
  lines.push("## How readiness is computed", "");
  lines.push(s.blocks === 0 ? "There are no AWS blocks, so readiness is 100." : `Each AWS block counts 1 when translated, ½ when partial (it needs a review) and 0 when it must be done by hand: 100 × (${s.byStatus.translated} + ${s.byStatus.partial} × ½) ÷ ${s.blocks} = **${s.readiness}**.`, "");
  const manual = report.items.filter((i) => i.status === "manual");
  lines.push("## Manual effort", "");
  if (manual.length === 0) lines.push("Nothing to do by hand.", "");
  else {
    const byService = new Map<string, { n: number; h: number }>();
    for (const it of manual) {
      const e = byService.get(it.service) ?? { n: 0, h: 0 };
      e.n++;
      e.h += effortOf(it);
      byService.set(it.service, e);
    }
    lines.push("| service | blocks | effort |", "| --- | ---: | ---: |");
    for (const [svc, e] of [...byService].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) lines.push(`| ${svc.replace(/\|/g, "\\|")} | ${e.n} | ~${formatHours(e.h)} |`);
    lines.push(`| **total** | **${manual.length}** | **~${formatHours(manual.reduce((a, it) => a + effortOf(it), 0))}** |`, "");
  }
  if (graph && graph.nodes.length > 0) {
    lines.push("## Resources and references", "");
    const notes = [`${graph.nodes.length} Alibaba Cloud resources and data sources, ${graph.edges.length} references; an arrow leads from a resource to those that refer to it.`];
    if (graph.total > graph.nodes.length) notes.push(`Showing the ${graph.nodes.length} most connected of ${graph.total}.`);
    for (const h of graph.hubs) notes.push(`\`${h.id}\` is referenced by ${h.referencedBy} resources; those arrows are left out.`);
    lines.push(notes.join(" "), "", "```mermaid", graphToMermaid(graph), "```", "");
  }
  return lines.join("\n").trimEnd() + "\n";
}
