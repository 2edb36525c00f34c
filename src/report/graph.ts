/**
 * The graph of the translated resources: nodes are the alicloud resources and
 * data sources of the output (matched to the report item they came from),
 * edges the references between them. Built from the output text at report
 * time (parsed with the HCL core), laid out in layers (what a resource
 * references sits to its left) and rendered as inline SVG or Mermaid.
 */

import { posix } from "node:path";
import type { Block } from "../hcl/cst.js";
import { blocksOf } from "../hcl/cst.js";
import { blockLabels, findReferences, referenceNames } from "../hcl/edit.js";
import { parse } from "../hcl/parser.js";
import type { BlockStatus, Report } from "./model.js";

export type NodeStatus = BlockStatus | "generated";

export interface GraphNode {
  /** Unique: the address, prefixed by its folder (`modules/net:alicloud_vpc.main`) outside the root. */
  id: string;
  /** `alicloud_vpc.main`, `data.alicloud_zones.available`. */
  address: string;
  type: string;
  name: string;
  data: boolean;
  dir: string;
  file: string;
  line: number;
  /** The status of the AWS block it came from; "generated" when aws2ali added it. */
  status: NodeStatus;
  /** The AWS block it came from. */
  from?: string;
}

/** `from` references `to` (`to` must exist before `from`). */
export interface GraphEdge {
  from: string;
  to: string;
}

export interface ResourceGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Resources in the output; more than nodes.length when capped. */
  total: number;
  /** Nodes so widely referenced (a resource group) that their edges are left out and counted instead. */
  hubs: Array<{ id: string; referencedBy: number }>;
}

export interface GraphOptions {
  /** Keep at most this many nodes, the most connected first. */
  maxNodes?: number;
}

export const DEFAULT_MAX_NODES = 60;

/** Build the graph from the output files (path → text) and the report. */
export function buildGraph(outputs: Map<string, string>, report: Report, options: GraphOptions = {}): ResourceGraph {
  const maxNodes = options.maxNodes ?? DEFAULT_MAX_NODES;
  const origin = new Map<string, { status: BlockStatus; from: string }>();
  for (const it of report.items) {
    const dir = dirOf(it.file);
    for (const t of it.targets) {
      const key = idOf(dir, t);
      if (!origin.has(key)) origin.set(key, { status: it.status, from: it.address });
    }
  }
  const nodes: GraphNode[] = [];
  const blocks = new Map<string, Block>();
  for (const [path, text] of outputs) {
    if (!path.endsWith(".tf")) continue;
    let parsed: ReturnType<typeof parse>;
    try {
      parsed = parse(text, path);
      if (parsed.diagnostics.some((d) => d.severity === "error")) continue;
    } catch {
      continue;
    }
    const dir = dirOf(path);
    for (const block of blocksOf(parsed.file.body)) {
      const kind = block.blockType.text;
      if (kind !== "resource" && kind !== "data") continue;
      const [type, name] = blockLabels(block);
      if (!type || !name || !type.startsWith("alicloud_")) continue;
      const address = kind === "data" ? `data.${type}.${name}` : `${type}.${name}`;
      const id = idOf(dir, address);
      if (blocks.has(id)) continue;
      const o = origin.get(id);
      nodes.push({ id, address, type, name, data: kind === "data", dir, file: path, line: block.blockType.pos >= 0 ? parsed.source.pos(block.blockType.pos).line : 0, status: o?.status ?? "generated", ...(o ? { from: o.from } : {}) });
      blocks.set(id, block);
    }
  }
  const ids = new Set(nodes.map((n) => n.id));
  const seen = new Set<string>();
  let edges: GraphEdge[] = [];
  for (const n of nodes) {
    for (const ref of findReferences(blocks.get(n.id)!)) {
      const names = referenceNames(ref);
      const address = names[0] === "data" ? (names.length >= 3 ? `data.${names[1]}.${names[2]}` : null) : names.length >= 2 ? `${names[0]}.${names[1]}` : null;
      if (!address) continue;
      const to = idOf(n.dir, address);
      if (to === n.id || !ids.has(to)) continue;
      const key = `${n.id}\u0000${to}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push({ from: n.id, to });
    }
  }
  // Hubs: the injected resource group, or anything referenced by much of the graph; their edges would hide the rest.
  const inDegree = countBy(edges.map((e) => e.to));
  const hubLimit = Math.max(6, Math.ceil(nodes.length * 0.3));
  const typeOf = new Map(nodes.map((n) => [n.id, n.type]));
  const hubs = [...inDegree].filter(([id, c]) => c >= hubLimit || (typeOf.get(id) === "alicloud_resource_manager_resource_group" && c >= 3)).map(([id, c]) => ({ id, referencedBy: c })).sort((a, b) => b.referencedBy - a.referencedBy || cmp(a.id, b.id));
  const hubIds = new Set(hubs.map((h) => h.id));
  edges = edges.filter((e) => !hubIds.has(e.to));

  const total = nodes.length;
  let kept = nodes;
  if (nodes.length > maxNodes) {
    const degree = countBy(edges.flatMap((e) => [e.from, e.to]));
    const order = new Map(nodes.map((n, i) => [n.id, i]));
    const chosen = new Set(
      [...nodes]
        .sort((a, b) => Number(hubIds.has(b.id)) - Number(hubIds.has(a.id)) || (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || order.get(a.id)! - order.get(b.id)!)
        .slice(0, maxNodes)
        .map((n) => n.id),
    );
    kept = nodes.filter((n) => chosen.has(n.id));
    edges = edges.filter((e) => chosen.has(e.from) && chosen.has(e.to));
  }
  const keptIds = new Set(kept.map((n) => n.id));
  return { nodes: kept, edges, total, hubs: hubs.filter((h) => keptIds.has(h.id)) };
}

function dirOf(file: string): string {
  const d = posix.dirname(file);
  return d === "." ? "" : d;
}

function idOf(dir: string, address: string): string {
  return dir ? `${dir}:${address}` : address;
}

function countBy(keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---- layout ------------------------------------------------------------------

export interface PlacedNode {
  node: GraphNode;
  x: number;
  y: number;
  layer: number;
}

export interface GraphLayout {
  placed: PlacedNode[];
  width: number;
  height: number;
  /** Layers of connected nodes, left to right. */
  layers: number;
  /** Top of the grid of nodes without edges, when there are any. */
  looseTop: number | null;
}

export const NODE_W = 212;
export const NODE_H = 44;
const GAP_X = 56;
const GAP_Y = 14;
const MARGIN = 16;
const LOOSE_GAP = 40;

/**
 * A deterministic layered layout: a node's layer is one more than the deepest
 * node it references, so dependencies sit to the left; within a layer nodes
 * are ordered by the average position of their neighbours (two sweeps), ties
 * by file and line. Nodes without edges go in a grid below.
 */
export function layoutGraph(g: ResourceGraph): GraphLayout {
  const connected = new Set(g.edges.flatMap((e) => [e.from, e.to]));
  const hubIds = new Set(g.hubs.map((h) => h.id));
  const deps = new Map<string, string[]>();
  const users = new Map<string, string[]>();
  for (const e of g.edges) {
    (deps.get(e.from) ?? deps.set(e.from, []).get(e.from)!).push(e.to);
    (users.get(e.to) ?? users.set(e.to, []).get(e.to)!).push(e.from);
  }
  const layer = new Map<string, number>();
  const visiting = new Set<string>();
  const layerOf = (id: string): number => {
    const known = layer.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0; // a cycle (not valid Terraform, but do not loop)
    visiting.add(id);
    let l = 0;
    for (const d of deps.get(id) ?? []) l = Math.max(l, layerOf(d) + 1);
    visiting.delete(id);
    layer.set(id, l);
    return l;
  };
  const graphNodes = g.nodes.filter((n) => connected.has(n.id) || hubIds.has(n.id));
  const loose = g.nodes.filter((n) => !connected.has(n.id) && !hubIds.has(n.id));
  const columns: GraphNode[][] = [];
  for (const n of graphNodes) (columns[layerOf(n.id)] ??= []).push(n);
  for (let i = 0; i < columns.length; i++) columns[i] ??= [];

  const position = new Map<string, number>();
  const index = (col: GraphNode[]) => col.forEach((n, i) => position.set(n.id, i / Math.max(1, col.length - 1)));
  columns.forEach(index);
  const order = new Map(g.nodes.map((n, i) => [n.id, i]));
  const sortBy = (col: GraphNode[], neighbours: Map<string, string[]>) => {
    const key = new Map(col.map((n) => {
      const ps = (neighbours.get(n.id) ?? []).map((m) => position.get(m)).filter((p): p is number => p !== undefined);
      return [n.id, ps.length ? ps.reduce((a, b) => a + b, 0) / ps.length : position.get(n.id)!];
    }));
    col.sort((a, b) => key.get(a.id)! - key.get(b.id)! || order.get(a.id)! - order.get(b.id)!);
    index(col);
  };
  for (let sweep = 0; sweep < 2; sweep++) {
    for (let i = 1; i < columns.length; i++) sortBy(columns[i]!, deps);
    for (let i = columns.length - 2; i >= 0; i--) sortBy(columns[i]!, users);
  }

  const tallest = Math.max(0, ...columns.map((c) => c.length));
  const graphHeight = tallest * (NODE_H + GAP_Y) - (tallest ? GAP_Y : 0);
  const placed: PlacedNode[] = [];
  columns.forEach((col, l) => {
    const colHeight = col.length * (NODE_H + GAP_Y) - GAP_Y;
    const top = MARGIN + (graphHeight - colHeight) / 2;
    col.forEach((n, i) => placed.push({ node: n, layer: l, x: MARGIN + l * (NODE_W + GAP_X), y: Math.round(top + i * (NODE_H + GAP_Y)) }));
  });
  const perRow = Math.max(3, columns.length);
  let width = MARGIN * 2 + Math.max(columns.length, loose.length ? Math.min(perRow, loose.length) : 0) * (NODE_W + GAP_X) - GAP_X;
  let height = MARGIN + graphHeight;
  let looseTop: number | null = null;
  if (loose.length > 0) {
    looseTop = graphNodes.length ? height + LOOSE_GAP : MARGIN + 18;
    const gapX = Math.min(GAP_X, 24);
    const cols = Math.min(perRow, loose.length);
    width = Math.max(width, MARGIN * 2 + cols * (NODE_W + gapX) - gapX);
    loose.forEach((n, i) => placed.push({ node: n, layer: -1, x: MARGIN + (i % cols) * (NODE_W + gapX), y: looseTop! + 8 + Math.floor(i / cols) * (NODE_H + GAP_Y) }));
    height = looseTop + 8 + Math.ceil(loose.length / cols) * (NODE_H + GAP_Y) - GAP_Y;
  }
  return { placed, width: Math.max(width, NODE_W + 2 * MARGIN), height: height + MARGIN, layers: columns.length, looseTop };
}

// ---- rendering -------------------------------------------------------------------

export const STATUS_COLOURS: Record<NodeStatus, { fill: string; stroke: string; label: string }> = {
  translated: { fill: "#e7f4ec", stroke: "#2f7d4f", label: "translated" },
  partial: { fill: "#fff3d6", stroke: "#b7791f", label: "partial (review)" },
  manual: { fill: "#fde8e1", stroke: "#c2410c", label: "manual" },
  generated: { fill: "#eef2f7", stroke: "#64748b", label: "added by aws2ali" },
};

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function fit(s: string, chars: number): string {
  return s.length <= chars ? s : s.slice(0, chars - 1) + "…";
}

/** The graph as an inline SVG element (no script, no external references). */
export function graphToSvg(g: ResourceGraph, layout: GraphLayout = layoutGraph(g)): string {
  const at = new Map(layout.placed.map((p) => [p.node.id, p]));
  const hubCount = new Map(g.hubs.map((h) => [h.id, h.referencedBy]));
  const multiDir = new Set(g.nodes.map((n) => n.dir)).size > 1;
  const out: string[] = [];
  out.push(`<svg class="graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="img" aria-label="Graph of ${g.nodes.length} translated resources and ${g.edges.length} references">`);
  out.push(`<defs><marker id="aws2ali-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#94a3b8"/></marker></defs>`);
  out.push(`<g class="edges" fill="none" stroke="#94a3b8" stroke-width="1.3">`);
  for (const e of g.edges) {
    const a = at.get(e.to);
    const b = at.get(e.from);
    if (!a || !b) continue;
    // From the referenced resource (left) to the one referencing it (right).
    const x1 = a.x + NODE_W;
    const y1 = a.y + NODE_H / 2;
    const x2 = b.x - 2;
    const y2 = b.y + NODE_H / 2;
    const back = x2 <= x1;
    const dx = back ? 60 : Math.max(24, (x2 - x1) / 2);
    out.push(`<path d="M${x1},${y1} C${x1 + dx},${y1} ${x2 - dx},${y2} ${x2},${y2}" marker-end="url(#aws2ali-arrow)"/>`);
  }
  out.push(`</g>`);
  if (layout.looseTop !== null) out.push(`<text class="graph-caption" x="16" y="${layout.looseTop}" font-size="12" fill="#64748b">Not referencing or referenced by the resources above</text>`);
  out.push(`<g class="nodes">`);
  for (const p of layout.placed) {
    const n = p.node;
    const c = STATUS_COLOURS[n.status];
    const typeLabel = (n.data ? "data · " : "") + n.type.replace(/^alicloud_/, "");
    const name = (multiDir && n.dir ? `${n.dir}/` : "") + n.name;
    const hub = hubCount.get(n.id);
    const title = `${n.address}${n.dir ? ` (${n.dir})` : ""} — ${n.from ? `from ${n.from}` : "added by aws2ali"}, ${n.file}:${n.line}${hub ? `; referenced by ${hub} resources` : ""}`;
    out.push(`<g class="node node-${n.status}" data-id="${esc(n.id)}" transform="translate(${p.x},${p.y})"><title>${esc(title)}</title>`);
    out.push(`<rect width="${NODE_W}" height="${NODE_H}" rx="6" fill="${c.fill}" stroke="${c.stroke}" stroke-width="1.2"${n.status === "generated" ? ' stroke-dasharray="4 3"' : ""}/>`);
    out.push(`<text x="10" y="17" font-size="10.5" fill="#475569" class="mono">${esc(fit(typeLabel, hub ? 22 : 30))}</text>`);
    out.push(`<text x="10" y="34" font-size="12.5" font-weight="600" fill="#0f172a" class="mono">${esc(fit(name, 26))}</text>`);
    if (hub) out.push(`<text x="${NODE_W - 8}" y="17" font-size="10.5" text-anchor="end" fill="#475569">← ${hub} refs</text>`);
    out.push(`</g>`);
  }
  out.push(`</g></svg>`);
  return out.join("\n");
}

/** The graph as a Mermaid flowchart, for Markdown (GitHub and GitLab render it). */
export function graphToMermaid(g: ResourceGraph): string {
  const key = new Map(g.nodes.map((n, i) => [n.id, `n${i}`]));
  const hubCount = new Map(g.hubs.map((h) => [h.id, h.referencedBy]));
  const lines = ["flowchart LR"];
  for (const n of g.nodes) {
    const hub = hubCount.get(n.id);
    const label = `${n.dir ? n.dir + "/" : ""}${n.address}${hub ? ` (referenced by ${hub})` : ""}`.replace(/"/g, "#quot;");
    lines.push(`  ${key.get(n.id)}["${label}"]`);
  }
  for (const e of g.edges) lines.push(`  ${key.get(e.to)} --> ${key.get(e.from)}`);
  for (const [status, c] of Object.entries(STATUS_COLOURS)) {
    const members = g.nodes.filter((n) => n.status === status).map((n) => key.get(n.id));
    if (members.length === 0) continue;
    lines.push(`  classDef ${status} fill:${c.fill},stroke:${c.stroke}`);
    lines.push(`  class ${members.join(",")} ${status}`);
  }
  return lines.join("\n");
}
