/**
 * The report as one self-contained HTML page, for an architect: readiness and
 * how it is computed, blocks per status per service (an SVG bar chart), what
 * must be done by hand and how long it may take, the decisions made for
 * Alibaba Cloud, and a graph of the translated resources. Inline CSS and
 * inline SVG only: no script, no fonts, nothing from the network (a
 * Content-Security-Policy says so to the browser too). It prints well.
 */

import { graphToSvg, layoutGraph, STATUS_COLOURS, type ResourceGraph } from "./graph.js";
import type { BlockStatus, Decision, Report, ReportItem } from "./model.js";

export interface HtmlOptions {
  /** The resource graph (buildGraph); the section is left out without it. */
  graph?: ResourceGraph;
  /** What was migrated, e.g. the source folder's name. */
  title?: string;
}

const STATUSES: BlockStatus[] = ["translated", "partial", "manual"];
const STATUS_TEXT: Record<BlockStatus, string> = { translated: "Translated", partial: "Partial — review", manual: "Manual — to do" };
/** Effort assumed for a manual item whose rule gives none (as in the Markdown report). */
export const DEFAULT_EFFORT_HOURS = 2;

export function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** An address or path with break opportunities after `.`, `_`, `/` and `-`, so narrow columns wrap it at a seam. */
function addr(s: string): string {
  return esc(s).replace(/([._/-])/g, "$1<wbr>");
}

/** `code` spans for backtick-quoted text in finding texts, everything else escaped. */
function prose(s: string): string {
  return esc(s).replace(/`([^`]+)`/g, "<code>$1</code>").replace(/([a-z0-9])_([a-z0-9])/g, "$1_<wbr>$2");
}

export function effortOf(it: ReportItem): number {
  return it.manual?.effortHours ?? DEFAULT_EFFORT_HOURS;
}

export function formatHours(h: number): string {
  const r = Math.round(h * 10) / 10;
  return `${r} h`;
}

const TOPIC_TEXT: Record<Decision["topic"], string> = {
  "resource-group": "Resource groups",
  "eip-decoupling": "EIP decoupling",
  "terway-sizing": "Terway sizing",
  billing: "Billing",
  "state-backend": "State backend",
  zones: "Zones",
  identity: "Identity",
  "cen-propagation": "CEN propagation",
  throttling: "API throttling",
  other: "Other",
};

export function reportToHtml(report: Report, options: HtmlOptions = {}): string {
  const s = report.summary;
  const manual = report.items.filter((i) => i.status === "manual");
  const review = report.items.filter((i) => i.status === "partial");
  const effort = manual.reduce((a, it) => a + effortOf(it), 0);
  const title = options.title ? `Migration report: ${options.title}` : "Migration report";
  const body: string[] = [];

  body.push(`<header><p class="eyebrow">aws2ali · AWS → Alibaba Cloud</p><h1>${esc(title)}</h1>`);
  body.push(`<p class="sub">${s.blocks} AWS blocks in ${s.files} file${s.files === 1 ? "" : "s"}${s.filesFailed ? `, <strong>${s.filesFailed} could not be read or parsed</strong>` : ""} · provider <code>${esc(report.provider.source)}</code> ${esc(report.provider.version)} · aws2ali ${esc(report.tool.version)}</p></header>`);

  body.push(`<section class="overview" aria-label="Overview">`);
  body.push(scoreCard(report));
  body.push(statusCard(report));
  body.push(effortCard(manual.length, effort, review.length, s.schemaFindings));
  body.push(`</section>`);

  body.push(`<section id="services"><h2>Blocks by service</h2>`);
  body.push(`<p class="note">One bar per Alibaba Cloud service, split by status; the number is the service's AWS blocks.</p>`);
  body.push(serviceChart(report));
  body.push(legend(STATUSES.map((st) => [STATUS_COLOURS[st].stroke, STATUS_TEXT[st]])));
  body.push(`</section>`);

  body.push(`<section id="manual"><h2>To do by hand <span class="count">${manual.length}</span></h2>`);
  if (manual.length === 0) body.push(`<p class="note">Nothing: every AWS block has an Alibaba Cloud translation.</p>`);
  else {
    body.push(`<p class="note">Blocks aws2ali could not translate, what to do instead, and a rough estimate of the work.</p>`);
    body.push(`<table class="manual"><colgroup><col class="c-block"><col class="c-why"><col class="c-do"><col class="c-effort"></colgroup>`);
    body.push(`<thead><tr><th>Block</th><th>Why</th><th>What to do</th><th class="num">Effort</th></tr></thead><tbody>`);
    for (const it of manual) {
      body.push(`<tr><td><code>${addr(it.address)}</code><div class="where">${addr(it.file)}:${it.line}</div></td><td>${prose(it.manual?.reason ?? "Nothing was emitted for this block.")}</td><td>${prose(it.manual?.action ?? "Translate it by hand.")}${it.manual?.alternative ? `<div class="alt">Closest: ${prose(it.manual.alternative)}</div>` : ""}</td><td class="num">${effortOf(it) === 0 ? "0 h" : `~${formatHours(effortOf(it))}`}</td></tr>`);
    }
    body.push(`</tbody><tfoot><tr><td colspan="3">Total for ${manual.length} block${manual.length === 1 ? "" : "s"}</td><td class="num">~${formatHours(effort)}</td></tr></tfoot></table>`);
  }
  body.push(`</section>`);

  if (review.length > 0) {
    body.push(`<section id="review"><h2>To review <span class="count">${review.length}</span></h2>`);
    body.push(`<p class="note">Translated, but some arguments need a decision or a check.</p><ul class="review">`);
    for (const it of review) {
      body.push(`<li><div class="review-head"><code>${addr(it.address)}</code> <span class="where">${addr(it.file)}:${it.line}</span> → ${it.targets.map((t) => `<code>${addr(t)}</code>`).join(", ")}</div><ul>`);
      for (const c of it.changes.filter((c) => c.severity === "warning")) body.push(`<li><code>${addr(c.argument)}</code>: ${prose(c.reason)}${c.action ? ` <strong>Do:</strong> ${prose(c.action)}` : ""}</li>`);
      body.push(`</ul></li>`);
    }
    body.push(`</ul></section>`);
  }

  body.push(`<section id="decisions"><h2>Decisions made for Alibaba Cloud</h2>`);
  if (report.decisions.length === 0) body.push(`<p class="note">None were needed for this source.</p>`);
  else {
    body.push(`<div class="decisions">`);
    for (const d of report.decisions) body.push(`<article class="decision"><p class="topic">${esc(TOPIC_TEXT[d.topic] ?? d.topic)}</p><h3>${esc(d.summary)}</h3><p>${prose(d.detail)}</p></article>`);
    body.push(`</div>`);
  }
  body.push(`</section>`);

  if (options.graph) body.push(graphSection(options.graph));

  if (report.diagnostics.length > 0) {
    body.push(`<section id="findings"><h2>Errors and findings <span class="count">${report.diagnostics.length}</span></h2>`);
    body.push(`<table class="findings"><colgroup><col class="c-where"><col class="c-sev"><col></colgroup><thead><tr><th>Where</th><th>Severity</th><th>Finding</th></tr></thead><tbody>`);
    for (const d of report.diagnostics) body.push(`<tr><td class="loc">${addr(d.file)}:${d.range.start.line}:${d.range.start.column}${d.code.startsWith("schema.") || d.code.startsWith("emit.") ? `<div class="small">in the translation</div>` : ""}</td><td><span class="sev sev-${esc(d.severity)}">${esc(d.severity)}</span></td><td><strong>${prose(d.summary)}</strong><div>${prose(d.detail)}</div></td></tr>`);
    body.push(`</tbody></table></section>`);
  }

  body.push(`<section id="blocks"><h2>Every block <span class="count">${report.items.length}</span></h2>`);
  body.push(`<table class="blocks"><colgroup><col class="c-block"><col class="c-status"><col class="c-became"><col class="c-notes"></colgroup><thead><tr><th>Block</th><th>Status</th><th>Became</th><th>Notes</th></tr></thead><tbody>`);
  for (const it of report.items) {
    const notes = [...it.changes.filter((c) => c.kind === "dropped").map((c) => `dropped <code>${addr(c.argument)}</code>`), ...it.injected.map((i) => `injected <code>${addr(i.address)}</code>`)];
    body.push(`<tr><td><code>${addr(it.address)}</code><div class="where">${addr(it.file)}:${it.line}</div></td><td><span class="badge b-${it.status}">${it.status}</span></td><td>${it.targets.map((t) => `<code>${addr(t)}</code>`).join(" ") || "—"}</td><td class="small">${notes.join("; ")}</td></tr>`);
  }
  body.push(`</tbody></table>`);
  if (report.generatedFiles.length > 0) body.push(`<p class="note">Files aws2ali generated: ${report.generatedFiles.map((f) => `<code>${esc(f)}</code>`).join(", ")}.</p>`);
  body.push(`</section>`);

  body.push(`<footer>Generated by aws2ali ${esc(report.tool.version)}. This page is self-contained: no scripts, fonts or network requests.</footer>`);

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="color-scheme" content="light">
<title>${esc(title)} · aws2ali</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body.join("\n")}
</main>
</body>
</html>
`;
}

// ---- overview cards -------------------------------------------------------------

function scoreCard(report: Report): string {
  const s = report.summary;
  const score = s.readiness;
  const colour = score >= 80 ? STATUS_COLOURS.translated.stroke : score >= 50 ? STATUS_COLOURS.partial.stroke : STATUS_COLOURS.manual.stroke;
  const r = 46;
  const c = 2 * Math.PI * r;
  const arc = (c * score) / 100;
  const ring = `<svg class="ring" viewBox="0 0 120 120" width="120" height="120" role="img" aria-label="Readiness ${score} out of 100">
<circle cx="60" cy="60" r="${r}" fill="none" stroke="#e2e8f0" stroke-width="12"/>
<circle cx="60" cy="60" r="${r}" fill="none" stroke="${colour}" stroke-width="12" stroke-linecap="round" stroke-dasharray="${arc.toFixed(2)} ${(c - arc + 0.01).toFixed(2)}" transform="rotate(-90 60 60)"/>
<text id="readiness-score" x="60" y="66" text-anchor="middle" font-size="30" font-weight="700" fill="#0f172a">${score}</text>
<text x="60" y="84" text-anchor="middle" font-size="11" fill="#475569">of 100</text>
</svg>`;
  const how =
    s.blocks === 0
      ? "There are no AWS blocks, so there is nothing to do."
      : `Each AWS block counts 1 when translated, ½ when partial (it needs a review) and 0 when it must be done by hand: 100 × (${s.byStatus.translated} + ${s.byStatus.partial} × ½) ÷ ${s.blocks} = <strong>${score}</strong>.`;
  return `<div class="card score"><div class="score-row">${ring}<div><h2>Readiness</h2><p class="how">${how}</p></div></div></div>`;
}

function statusCard(report: Report): string {
  const s = report.summary;
  const total = Math.max(1, s.blocks);
  const bar = STATUSES.filter((st) => s.byStatus[st] > 0).map((st) => `<span style="width:${((100 * s.byStatus[st]) / total).toFixed(2)}%;background:${STATUS_COLOURS[st].stroke}"></span>`).join("");
  const rows = STATUSES.map((st) => `<li><span class="dot" style="background:${STATUS_COLOURS[st].stroke}"></span><span>${STATUS_TEXT[st]}</span><strong>${s.byStatus[st]}</strong></li>`).join("");
  return `<div class="card"><h2>Blocks</h2><div class="stack" role="img" aria-label="${s.byStatus.translated} translated, ${s.byStatus.partial} partial, ${s.byStatus.manual} manual">${bar}</div><ul class="statuses">${rows}</ul></div>`;
}

function effortCard(manualCount: number, hours: number, reviewCount: number, schemaFindings: number): string {
  return `<div class="card"><h2>Work left</h2><p class="big">~${formatHours(hours)}</p><p class="how">estimated for ${manualCount} block${manualCount === 1 ? "" : "s"} to do by hand, plus ${reviewCount} partial block${reviewCount === 1 ? "" : "s"} to review and ${schemaFindings} schema finding${schemaFindings === 1 ? "" : "s"} in the output to fix.</p></div>`;
}

function legend(entries: Array<[string, string]>, dashed: number[] = []): string {
  return `<ul class="legend">${entries.map(([colour, text], i) => `<li><span class="swatch${dashed.includes(i) ? " dashed" : ""}" style="${dashed.includes(i) ? `border-color:${colour}` : `background:${colour}`}"></span>${esc(text)}</li>`).join("")}</ul>`;
}

// ---- chart ---------------------------------------------------------------------

function niceStep(max: number): number {
  const raw = Math.max(1, max / 5);
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * pow >= raw) return m * pow;
  return 10 * pow;
}

/** A horizontal stacked bar per service: `<g class="bar-group" data-service="…">`. */
export function serviceChart(report: Report): string {
  const entries = Object.entries(report.summary.byService).map(([svc, c]) => ({ svc, c, total: c.translated + c.partial + c.manual }));
  entries.sort((a, b) => b.total - a.total || (a.svc < b.svc ? -1 : a.svc > b.svc ? 1 : 0));
  const W = 1000;
  const labelW = 160;
  const barX = labelW + 12;
  const barW = W - barX - 44;
  const rowH = 30;
  const top = 26;
  const H = top + entries.length * rowH + 8;
  const max = Math.max(1, ...entries.map((e) => e.total));
  const step = niceStep(max);
  const axisMax = Math.ceil(max / step) * step;
  const x = (v: number) => barX + (barW * v) / axisMax;
  const out: string[] = [];
  out.push(`<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Blocks per status for each of ${entries.length} services">`);
  out.push(`<g class="axis" font-size="12" fill="#64748b">`);
  for (let v = 0; v <= axisMax; v += step) out.push(`<line x1="${x(v).toFixed(1)}" x2="${x(v).toFixed(1)}" y1="${top - 6}" y2="${H - 4}" stroke="#e2e8f0"/><text x="${x(v).toFixed(1)}" y="${top - 10}" text-anchor="middle">${v}</text>`);
  out.push(`</g>`);
  entries.forEach((e, i) => {
    const y = top + i * rowH;
    const label = e.svc.length > 22 ? e.svc.slice(0, 21) + "…" : e.svc;
    out.push(`<g class="bar-group" data-service="${esc(e.svc)}" transform="translate(0,${y})"><title>${esc(`${e.svc}: ${e.c.translated} translated, ${e.c.partial} partial, ${e.c.manual} manual`)}</title>`);
    out.push(`<text x="${labelW}" y="${rowH / 2 + 4}" text-anchor="end" font-size="14" fill="#0f172a">${esc(label)}</text>`);
    let at = 0;
    for (const st of STATUSES) {
      const n = e.c[st];
      if (n === 0) continue;
      out.push(`<rect class="seg seg-${st}" x="${x(at).toFixed(1)}" y="5" width="${(x(at + n) - x(at)).toFixed(1)}" height="${rowH - 10}" fill="${STATUS_COLOURS[st].stroke}"/>`);
      at += n;
    }
    out.push(`<text x="${(x(at) + 6).toFixed(1)}" y="${rowH / 2 + 4}" font-size="13" font-weight="600" fill="#334155">${e.total}</text></g>`);
  });
  out.push(`</svg>`);
  return out.join("\n");
}

// ---- graph ---------------------------------------------------------------------

function graphSection(g: ResourceGraph): string {
  const out: string[] = [];
  out.push(`<section id="graph"><h2>Resources and references</h2>`);
  if (g.nodes.length === 0) {
    out.push(`<p class="note">The translation has no Alibaba Cloud resources.</p></section>`);
    return out.join("\n");
  }
  const notes: string[] = [`${g.nodes.length} Alibaba Cloud resource${g.nodes.length === 1 ? "" : "s"} and data sources of the translation, ${g.edges.length} reference${g.edges.length === 1 ? "" : "s"} between them. An arrow leads from a resource to the resources that refer to it.`];
  if (g.total > g.nodes.length) notes.push(`Showing the ${g.nodes.length} most connected of ${g.total}.`);
  for (const h of g.hubs) notes.push(`<code>${esc(h.id)}</code> is referenced by ${h.referencedBy} resources; those arrows are left out.`);
  out.push(`<p class="note">${notes.join(" ")}</p>`);
  const present = (["translated", "partial", "manual", "generated"] as const).filter((st) => g.nodes.some((n) => n.status === st));
  out.push(legend(present.map((st) => [STATUS_COLOURS[st].stroke, st === "generated" ? "added by aws2ali" : `from a ${st} block`]), present.includes("generated") ? [present.indexOf("generated")] : []));
  out.push(`<div class="graph-wrap">${graphToSvg(g, layoutGraph(g))}</div>`);
  out.push(`</section>`);
  return out.join("\n");
}

// ---- style ---------------------------------------------------------------------

const CSS = `
:root{--ink:#0f172a;--muted:#475569;--faint:#64748b;--line:#e2e8f0;--bg:#f6f7f9;--card:#fff;--accent:#ff6a00}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);overflow-wrap:break-word;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif}
main{max-width:1120px;margin:0 auto;padding:36px 28px 56px}
code,.mono,.where,.loc{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace}
code{font-size:.86em;background:#f1f5f9;border-radius:4px;padding:.05em .3em;overflow-wrap:anywhere}
h1{font-size:30px;line-height:1.2;margin:2px 0 6px;letter-spacing:-.015em}
h2{font-size:19px;line-height:1.3;margin:0 0 10px;letter-spacing:-.005em}
h3{font-size:15px;margin:0 0 6px}
p{margin:0 0 10px}
.eyebrow{color:var(--accent);font-weight:600;font-size:13px;letter-spacing:.06em;text-transform:uppercase;margin:0}
.sub,.note,.how{color:var(--muted)}
.note{font-size:14px}
header{margin-bottom:8px}
section{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:22px 26px;margin:18px 0}
section.overview{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:18px;background:none;border:0;padding:0}
.card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:20px 22px;min-width:0}
.score{grid-column:span 2}
@media (max-width:980px){section.overview{grid-template-columns:1fr 1fr}.score{grid-column:1/-1}}
@media (max-width:560px){section.overview{grid-template-columns:1fr}.score-row{flex-direction:column;align-items:flex-start}}
.score-row{display:flex;gap:20px;align-items:center}
.score-row>div{min-width:0}
.ring{flex:none;width:120px;height:120px}
.how{font-size:14px;margin:0}
.big{font-size:34px;font-weight:700;margin:2px 0 6px;line-height:1.1}
.count{display:inline-block;min-width:1.7em;padding:0 .45em;border-radius:999px;background:#f1f5f9;color:var(--muted);font-size:13px;font-weight:600;text-align:center;vertical-align:2px}
.stack{display:flex;height:12px;border-radius:6px;overflow:hidden;background:var(--line);margin:8px 0 14px}
.stack span{display:block;height:100%}
.statuses,.legend{list-style:none;margin:0;padding:0}
.statuses li{display:flex;align-items:center;gap:10px;padding:3px 0;font-size:14px}
.statuses strong{margin-left:auto;font-variant-numeric:tabular-nums}
.dot,.swatch{display:inline-block;width:11px;height:11px;border-radius:3px;flex:none}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;font-size:13px;color:var(--muted);margin-top:10px}
.legend li{display:flex;align-items:center;gap:7px}
.swatch.dashed{border:1.5px dashed;background:#eef2f7}
svg{display:block;max-width:100%;height:auto}
svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
svg text.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace}
.chart{margin-top:6px}
.graph-wrap{margin-top:12px}
table{width:100%;border-collapse:collapse;font-size:14px;table-layout:fixed}
th,td{text-align:left;vertical-align:top;padding:9px 10px;border-bottom:1px solid var(--line);overflow-wrap:anywhere}
th{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--faint);font-weight:600;border-bottom:2px solid var(--line)}
tfoot td{font-weight:700;border-bottom:0;border-top:2px solid var(--line)}
.num{text-align:right;white-space:nowrap}
.where{display:block;color:var(--faint);font-size:12px;margin-top:2px}
.loc{color:var(--faint);font-size:12px}
.loc .small{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:12px}
.alt{margin-top:6px;font-size:13px;color:var(--muted)}
.small{font-size:13px;color:var(--muted)}
col.c-block{width:26%}col.c-why{width:33%}col.c-do{width:31%}col.c-effort{width:10%}
table.blocks col.c-block{width:32%}table.blocks col.c-status{width:13%}table.blocks col.c-became{width:28%}table.blocks col.c-notes{width:27%}
table.findings col.c-where{width:22%}table.findings col.c-sev{width:12%}
.badge,.sev{display:inline-block;padding:1px 8px;border-radius:999px;font-size:12px;font-weight:600;white-space:nowrap}
.b-translated{background:#e7f4ec;color:#22603c}.b-partial{background:#fff3d6;color:#8a5a12}.b-manual{background:#fde8e1;color:#9a3412}
.sev-error{background:#fde8e1;color:#9a3412}.sev-warning{background:#fff3d6;color:#8a5a12}.sev-info{background:#e0f2fe;color:#075985}
ul.review{list-style:none;margin:0;padding:0}
ul.review>li{padding:10px 0;border-bottom:1px solid var(--line)}
ul.review>li:last-child{border-bottom:0}
ul.review ul{margin:6px 0 0;padding-left:20px;font-size:14px;color:#1e293b}
ul.review .where{display:inline;margin-left:4px}
.review-head{overflow-wrap:anywhere}
.decisions{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:14px}
.decision{border:1px solid var(--line);border-left:4px solid var(--accent);border-radius:8px;padding:14px 16px;font-size:14px;min-width:0}
.decision p:last-child{margin:0;color:#1e293b}
.topic{font-size:12px;font-weight:600;text-transform:uppercase;letter-spacing:.05em;color:var(--accent);margin:0 0 4px}
footer{color:var(--faint);font-size:13px;margin-top:26px;text-align:center}
@media (max-width:860px){main{padding:22px 14px 40px}section{padding:16px}h1{font-size:25px}th,td{padding:7px 6px}table{font-size:13px}}
@media print{
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  body{background:#fff;font-size:10.5pt}
  main{max-width:none;padding:0}
  section,.card{border-color:#cbd5e1;break-inside:auto}
  section{padding:12pt 0;border:0;border-top:1px solid #cbd5e1;border-radius:0;margin:0}
  section.overview{border:0;padding:0 0 8pt}
  h2{break-after:avoid}
  tr,.card,.decision,svg,ul.review>li{break-inside:avoid}
  thead{display:table-header-group}
  code{background:none;padding:0}
  footer{margin-top:12pt}
}
@page{margin:14mm 12mm}
`.trim();
