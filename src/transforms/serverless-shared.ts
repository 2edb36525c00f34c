/**
 * Helpers the serverless, container and database transforms share:
 * rewriting references whose shape changes (an index or splat kept, a
 * literal spliced into the string it was interpolated in), reading the
 * subnets a block names, the ACK cluster an EKS block names, and values
 * written either as HCL (jsonencode({...})) or as JSON text.
 */

import { blocksOf, isToken, type Block, type Expr, type Node, type TemplateExpr } from "../hcl/cst.js";
import { findReferences, getAttribute, quote, replaceExpr, type Reference } from "../hcl/edit.js";
import { print } from "../hcl/printer.js";
import { exprSource, objectKeyName, staticValue } from "../hcl/value.js";
import { firstAddress } from "./aws-graph.js";
import type { Plan, TransformContext } from "./context.js";
import { referencedCluster } from "./eks-cluster.js";
import { stringBody } from "./retarget.js";

// ---- references ------------------------------------------------------------------------------

/** Blocks that end up commented out keep the user's text: nothing is rewritten in them. */
function commentedOut(ctx: TransformContext): Set<Block> {
  const out = new Set<Block>();
  for (const p of ctx.run.plans.values()) if (!p.rule?.to || p.absorbedInto) out.add(p.top.block);
  return out;
}

/** The node that ends the address (with its instance key, if any), or undefined when `ref` is not to `address`. */
function addressNode(ref: Reference, address: string): Expr | undefined {
  const parts = address.split(".");
  if (ref.root !== parts[0]) return undefined;
  let node: Expr = ref.rootNode;
  let k = 0;
  for (let n = 1; n < parts.length; n++, k++) {
    const s = ref.steps[k];
    if (s?.kind !== "attr" || s.name !== parts[n]) return undefined;
    node = s.node;
  }
  const key = ref.steps[k];
  if (key && key.kind !== "attr") node = key.node;
  return node;
}

/**
 * A rewrite gets the address as written (with its instance key) and the
 * rest of the reference as source text (`.accounts[*].id`), and returns
 * the new expression, or undefined to leave the reference alone.
 */
export type TextRewrite = (address: string, rest: string) => string | undefined;

/** Rewrite references to `address` in every (non commented-out) block of the folder, or only in `only`. Returns how many were rewritten. */
export function rewriteReferenceText(ctx: TransformContext, address: string, rewrite: TextRewrite, only?: Block[]): number {
  const skip = commentedOut(ctx);
  const blocks = only ?? ctx.stack.dir.units.filter((u) => !u.isTfvars).flatMap((u) => blocksOf(u.tree.body));
  let count = 0;
  for (const block of blocks) {
    if (skip.has(block)) continue;
    count += rewriteIn(block, address, rewrite);
  }
  return count;
}

/** The same rewrite in blocks as they were written (plan.original), for transforms that read originals. */
export function rewriteOriginals(ctx: TransformContext, address: string, rewrite: TextRewrite): void {
  for (const p of ctx.run.plans.values()) {
    if (p.top.unit.dir !== ctx.stack.dir.dir || p === ctx.plan || !p.rule?.to || p.absorbedInto) continue;
    rewriteIn(p.original, address, rewrite);
  }
}

function rewriteIn(block: Block, address: string, rewrite: TextRewrite): number {
  let count = 0;
  for (const ref of findReferences(block)) {
    const node = addressNode(ref, address);
    if (!node) continue;
    const prefix = exprSource(node);
    const full = exprSource(ref.node);
    if (!full.startsWith(prefix)) continue;
    const out = rewrite(prefix, full.slice(prefix.length));
    if (out === undefined || out === full) continue;
    substitute(block, ref.node, out);
    count++;
  }
  return count;
}

/** A quoted string (with or without interpolations) written on one line, or a number: both splice into a string. */
function isQuoted(text: string): boolean {
  return (/^"(?:[^"\\]|\\.)*"$/.test(text) && !text.includes("\n")) || /^-?\d+(\.\d+)?$/.test(text);
}

/**
 * Replace `node` by `text`. When the node is all of an interpolation in a
 * quoted string and `text` is itself a quoted string, its content is
 * spliced into that string ("${x}:latest" stays one string).
 */
export function substitute(root: Node, node: Expr, text: string): void {
  const parents = parentsOf(root, node);
  const interp = parents[0];
  const template = parents[1];
  if (isQuoted(text) && interp?.type === "TemplateInterpolation" && template?.type === "Template" && !template.heredoc && (interp as { expr: Expr }).expr === node) {
    const t = template as TemplateExpr;
    const inner = text.startsWith('"') ? text.slice(1, -1) : text;
    const body = t.items.map((it) => (it === interp ? inner : isToken(it) ? it.lead + it.text : print(it))).join("");
    replaceExpr(root, t, `"${body}"`);
    return;
  }
  replaceExpr(root, node, text);
}

/** The chain of nodes above `node` under `root`, nearest first. */
function parentsOf(root: Node, node: Node): Node[] {
  const path: Node[] = [];
  const walk = (n: Node): boolean => {
    for (const p of n.parts) {
      if (isToken(p)) continue;
      if (p === node) return true;
      path.push(p);
      if (walk(p)) return true;
      path.pop();
    }
    return false;
  };
  if (root === node) return [];
  const found = walk(root);
  return found ? [...path].reverse() : [];
}

/** A literal string as an HCL expression that splices into templates (see substitute). */
export function literal(s: string): string {
  return `"${stringBody(s)}"`;
}

// ---- subnets -----------------------------------------------------------------------------------

/** Expressions of the first (and second) subnet of a list of subnet ids, in the AWS form the references stage renames. */
export function subnetElements(ctx: TransformContext, ids: Expr | undefined): { first?: string; second?: string; address?: string } {
  if (!ids) return {};
  const address = firstAddress(ids);
  if (ids.type === "Tuple") {
    const [a, b] = ids.elements;
    return { ...(a ? { first: exprSource(a) } : {}), ...(b ? { second: exprSource(b) } : {}), ...(address ? { address } : {}) };
  }
  const src = exprSource(ids);
  if (/^data\.aws_subnets\.[A-Za-z0-9_-]+\.ids$/.test(src)) return { first: `${src}[0]`, second: `${src}[1]` };
  const splat = /^(aws_subnet\.[A-Za-z0-9_-]+)\[\*\]\.id$/.exec(src);
  if (splat) {
    const plan = ctx.planOf(splat[1]!);
    const count = plan ? getAttribute(plan.original, "count") : undefined;
    const n = count ? staticValue(count.expr) : undefined;
    const each = plan ? getAttribute(plan.original, "for_each") : undefined;
    return { first: `${splat[1]}[0].id`, ...(typeof n === "number" && n >= 2 && !each ? { second: `${splat[1]}[1].id` } : {}), address: splat[1] };
  }
  return { first: `${src}[0]`, ...(address ? { address } : {}) };
}

/** `aws_subnet.a.id` → `aws_subnet.a.<attr>` (vpc_id, availability_zone); undefined when the expression is not a subnet's id. */
export function subnetAttribute(ctx: TransformContext, subnetId: string | undefined, attr: string): string | undefined {
  if (!subnetId) return undefined;
  // data.aws_subnets.x.ids[0] → data.aws_subnets.x.vswitches[0].zone_id (the lookup's vSwitch objects).
  const d = /^(data\.aws_subnets\.[A-Za-z0-9_-]+)\.ids\[(\d+)\]$/.exec(subnetId);
  if (d && ctx.planOf(d[1]!)?.rule?.to) {
    const field = attr === "availability_zone" ? "zone_id" : attr;
    return `${d[1]}.vswitches[${d[2]}].${field}`;
  }
  const m = /^(aws_subnet\.[A-Za-z0-9_-]+)((?:\[[^\]]+\])?)\.id$/.exec(subnetId);
  if (!m || !ctx.planOf(m[1]!)?.rule?.to) return undefined;
  return `${m[1]}${m[2]}.${attr}`;
}

/** The plans of the subnets a list names (for VPC CIDR lookups). */
export function subnetPlan(ctx: TransformContext, subnetId: string | undefined): Plan | undefined {
  const m = subnetId ? /^(aws_subnet\.[A-Za-z0-9_-]+)/.exec(subnetId) : null;
  return m ? ctx.planOf(m[1]!) : undefined;
}

// ---- EKS cluster ids ------------------------------------------------------------------------------

export interface ClusterId {
  expr: string;
  /** `aws_eks_cluster.x` when the cluster is translated in this folder. */
  cluster?: string;
  severity: "info" | "warning";
  reason: string;
  action?: string;
}

/**
 * The ACK cluster id for an EKS `cluster_name` expression: the translated
 * cluster's id, a lookup by name for a literal, else the expression with a
 * warning (it names the cluster, ACK needs its id).
 */
export function clusterIdFor(ctx: TransformContext, clusterName: Expr | undefined, label: string): ClusterId | undefined {
  if (!clusterName) return undefined;
  const cluster = referencedCluster(clusterName);
  if (cluster && ctx.planOf(cluster)?.rule?.to) return { expr: `${cluster}.id`, cluster, severity: "info", reason: "ACK takes the cluster id, not its name." };
  const name = staticValue(clusterName);
  if (typeof name === "string") {
    ctx.emitAfter([{ type: "data", labels: ["alicloud_cs_managed_kubernetes_clusters", label], items: [{ attr: "name_regex", expr: quote(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) }] }]);
    return { expr: `data.alicloud_cs_managed_kubernetes_clusters.${label}.ids[0]`, severity: "warning", reason: `The cluster "${name}" is not part of this configuration; its id is looked up by name.`, action: "Make sure the ACK cluster exists with that name before applying, or set the cluster id directly." };
  }
  return { expr: exprSource(clusterName), severity: "warning", reason: `The cluster is given as ${exprSource(clusterName)}, which names the cluster; ACK needs its id.`, action: "Pass the ACK cluster id instead of the name." };
}

// ---- values written as HCL or JSON -------------------------------------------------------------------

/** A value as written: an object or list (HCL or JSON), or one expression (its source, and its literal value when it has one). */
export type HVal =
  | { kind: "object"; items: Map<string, HVal> }
  | { kind: "list"; items: HVal[] }
  | { kind: "expr"; source: string; value?: string | number | boolean | null };

/** Read an HCL expression: objects and tuples are opened, anything else is one expression. */
export function fromHcl(e: Expr): HVal {
  if (e.type === "Object") {
    const items = new Map<string, HVal>();
    for (const it of e.items) {
      const key = objectKeyName(it.key);
      if (typeof key === "string") items.set(key, fromHcl(it.value));
    }
    return { kind: "object", items };
  }
  if (e.type === "Tuple") return { kind: "list", items: e.elements.map(fromHcl) };
  if (e.type === "Paren") return fromHcl(e.expr);
  const v = staticValue(e);
  return { kind: "expr", source: exprSource(e), ...(v === null || typeof v !== "object" ? { value: v as string | number | boolean | null } : {}) };
}

const HOLE = /\u27e6(\d+)\u27e7/g;

/**
 * Read JSON text (a quoted string or heredoc, `${…}` interpolations
 * allowed inside JSON strings). Undefined when it is not JSON.
 */
export function fromJsonTemplate(e: Expr): HVal | undefined {
  if (e.type !== "Template") return undefined;
  const holes: string[] = [];
  const text = e.items.map((it) => {
    if (isToken(it)) return it.text;
    if (it.type === "TemplateInterpolation") {
      holes.push(exprSource(it.expr));
      return `\u27e6${holes.length - 1}\u27e7`;
    }
    return "\u0000";
  }).join("");
  let decoded: string;
  if (e.heredoc) decoded = text;
  else {
    const v = staticValue(e);
    decoded = typeof v === "string" ? v : text.replace(/\\"/g, '"').replace(/\\\\/g, "\\");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoded);
  } catch {
    return undefined;
  }
  const convert = (v: unknown): HVal => {
    if (Array.isArray(v)) return { kind: "list", items: v.map(convert) };
    if (v !== null && typeof v === "object") return { kind: "object", items: new Map(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, convert(x)])) };
    if (typeof v === "string") {
      const only = /^\u27e6(\d+)\u27e7$/.exec(v);
      if (only) return { kind: "expr", source: holes[Number(only[1])]! };
      if (HOLE.test(v)) {
        HOLE.lastIndex = 0;
        return { kind: "expr", source: `"${stringBody(v).replace(HOLE, (_m, n: string) => `\${${holes[Number(n)]}}`)}"` };
      }
      return { kind: "expr", source: quote(v), value: v };
    }
    return { kind: "expr", source: v === null ? "null" : String(v), value: v as number | boolean | null };
  };
  return convert(parsed);
}

/** A value given as jsonencode(<HCL>) or as JSON text; undefined when it cannot be read (file(), templatefile(), a variable). */
export function readStructured(e: Expr | undefined): HVal | undefined {
  if (!e) return undefined;
  if (e.type === "Call" && e.name === "jsonencode" && e.args[0]) return fromHcl(e.args[0]);
  return fromJsonTemplate(e);
}

export function field(v: HVal | undefined, key: string): HVal | undefined {
  return v?.kind === "object" ? v.items.get(key) : undefined;
}

/** HCL source of a value (objects and lists written back as HCL). */
export function hvalSource(v: HVal): string {
  if (v.kind === "expr") return v.source;
  if (v.kind === "list") return `[${v.items.map(hvalSource).join(", ")}]`;
  return `{ ${[...v.items].map(([k, x]) => `${/^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : JSON.stringify(k)} = ${hvalSource(x)}`).join(", ")} }`;
}

/** The literal value of a scalar, if it has one. */
export function scalar(v: HVal | undefined): string | number | boolean | null | undefined {
  return v?.kind === "expr" ? v.value : undefined;
}
