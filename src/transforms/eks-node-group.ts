/**
 * aws_eks_node_group → alicloud_cs_kubernetes_node_pool.
 *
 * What the rule cannot say:
 * - cluster_id takes the ACK cluster id (EKS node groups name their cluster).
 * - instance_types is a list: each type goes through the instance-types map.
 *   Spot pools get the same size from more ECS families, because ECS spot
 *   stock is per type and zone and one type is often sold out.
 * - Sizes: ACK's scaling_config is autoscaling (enable = true, min/max) and
 *   desired_size is a string. Once the cluster autoscaler changes the node
 *   count, Terraform must not set it back: lifecycle.ignore_changes names
 *   desired_size (an AWS entry for scaling_config[0].desired_size moves there).
 * - labels (a map in EKS) become repeated labels { key, value } blocks;
 *   update_config and node_repair_config become one management block.
 */

import { attributesOf, blocksOf, type Attribute, type Block, type Expr } from "../hcl/cst.js";
import { addBlock, getAttribute, quote, removeAttribute, removeBlock, replaceAttributeValue, setAttribute } from "../hcl/edit.js";
import { exprSource, staticValue } from "../hcl/value.js";
import { lookupValue, type ValueMap } from "../mapping/values.js";
import type { TransformContext } from "./context.js";
import { nestedAttribute, referencedCluster } from "./eks-cluster.js";
import { retractChanges } from "./report-changes.js";
import { ensureTimeouts } from "./timeouts.js";

/** ACK's smallest system disk (GiB); EKS defaults to 20. */
const MIN_SYSTEM_DISK_GIB = 40;
/** How many ECS families a spot pool draws each size from. */
const SPOT_FAMILIES = 3;

export function eksNodeGroup(ctx: TransformContext): void {
  const original = ctx.plan.original;
  setClusterId(ctx, getAttribute(original, "cluster_name")?.expr);
  setPoolName(ctx, original);
  const capacity = getAttribute(original, "capacity_type");
  const spot = capacity !== undefined && staticValue(capacity.expr) === "SPOT";
  setInstanceTypes(ctx, getAttribute(original, "instance_types")?.expr, spot);
  setScaling(ctx, original, spot);
  setLabels(ctx, getAttribute(original, "labels")?.expr);
  mergeManagement(ctx.block);
  raiseSystemDisk(ctx);
  ensureTimeouts(ctx.block, { create: "60m" });
  ignoreDesiredSize(ctx);
}

// ---- cluster and name ------------------------------------------------------------------

/** The node pool needs the ACK cluster id; EKS node groups name the cluster. */
function setClusterId(ctx: TransformContext, clusterName: Expr | undefined): void {
  const attr = getAttribute(ctx.block, "cluster_id");
  if (!clusterName || !attr) return;
  retractChanges(ctx, "cluster_name");
  const cluster = referencedCluster(clusterName);
  if (cluster && ctx.planOf(cluster)?.rule?.to) {
    replaceAttributeValue(attr, `${cluster}.id`);
    ctx.change({ argument: "cluster_name", kind: "renamed", to: "cluster_id", severity: "info", reason: "ACK node pools take the cluster id, not its name." });
    return;
  }
  const name = staticValue(clusterName);
  if (typeof name === "string") {
    const label = ctx.top.name;
    ctx.emitAfter([{ type: "data", labels: ["alicloud_cs_managed_kubernetes_clusters", label], items: [{ attr: "name_regex", expr: quote(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) }] }]);
    replaceAttributeValue(attr, `data.alicloud_cs_managed_kubernetes_clusters.${label}.ids[0]`);
    ctx.change({ argument: "cluster_name", kind: "renamed", to: "cluster_id", severity: "warning", reason: `The cluster "${name}" is not part of this configuration; its id is looked up by name.`, action: "Make sure the ACK cluster exists with that name before applying, or set cluster_id directly." });
    return;
  }
  ctx.change({ argument: "cluster_name", kind: "renamed", to: "cluster_id", severity: "warning", reason: `cluster_id is set from ${exprSource(clusterName)}, which names the cluster; ACK needs its id.`, action: "Pass the ACK cluster id instead of the name." });
}

function setPoolName(ctx: TransformContext, original: Block): void {
  if (getAttribute(ctx.block, "node_pool_name")) return;
  const prefix = getAttribute(original, "node_group_name_prefix");
  const value = prefix ? staticValue(prefix.expr) : undefined;
  const name = typeof value === "string" ? `${value}${ctx.top.name}` : ctx.top.name;
  setAttribute(ctx.block, "node_pool_name", quote(name));
  ctx.change({ argument: "node_pool_name", kind: "note", to: JSON.stringify(name), severity: "info", reason: "ACK node pools need a name; EKS generated one." });
}

// ---- instance types --------------------------------------------------------------------

/** `ecs.g7.large` → family `g7` and size `large`. */
function splitEcsType(type: string): { family: string; size: string } | undefined {
  const m = /^ecs\.([a-z0-9-]+)\.([a-z0-9]+)$/.exec(type);
  return m ? { family: m[1]!, size: m[2]! } : undefined;
}

/**
 * ECS families with the same vCPU:memory ratio and CPU architecture as
 * `family`, from the instance-types map's own family table (g = 1:4,
 * c = 1:2, r = 1:8; a `y` family is ARM).
 */
function siblingFamilies(map: ValueMap, family: string): string[] {
  const families = Object.values((map.extra.families ?? {}) as Record<string, string>).map((f) => f.replace(/^ecs\./, ""));
  const vendor = (f: string): string => (f.endsWith("y") ? "arm" : f.endsWith("a") ? "amd" : "intel");
  const kind = (f: string): string => `${f[0]}:${vendor(f) === "arm" ? "arm" : "x86"}`;
  const generation = (f: string): number => Number(/\d+/.exec(f)?.[0] ?? 0);
  // Same CPU vendor first (same performance profile), newest generation first.
  const rank = (f: string): number => (vendor(f) === vendor(family) ? 0 : 100) - generation(f);
  return [...new Set(families)].filter((f) => f !== family && kind(f) === kind(family)).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
}

function setInstanceTypes(ctx: TransformContext, types: Expr | undefined, spot: boolean): void {
  const map = ctx.run.table.values.get("instance-types");
  if (!map) return;
  const list = types ? staticValue(types) : ["t3.medium"];
  if (!Array.isArray(list) || !list.every((t) => typeof t === "string")) return; // an expression: the engine's note stands
  retractChanges(ctx, "instance_types");
  const mapped: string[] = [];
  const unknown: string[] = [];
  for (const t of list as string[]) {
    const found = lookupValue(map, t);
    if (typeof found.value === "string") {
      mapped.push(found.value);
      ctx.change({ argument: "instance_types", kind: "value-mapped", to: JSON.stringify(found.value), severity: "info", reason: `${t} → ${found.value}${found.note ? ` (${found.note})` : ""}${types ? "" : "; EKS's default type was t3.medium"}.` });
    } else unknown.push(t);
  }
  const final = spot ? widenForSpot(ctx, map, mapped) : mapped;
  // A spot pool that still draws from several families loses little by an unknown type.
  const covered = spot && new Set(final).size >= SPOT_FAMILIES;
  for (const t of unknown) ctx.change({ argument: "instance_types", kind: "dropped", severity: covered ? "info" : "warning", reason: `No ECS instance type is known for ${t}${covered ? "; the spot pool draws from the other families listed instead" : ""}.`, action: "Add an ECS type with the same vCPUs and memory (data.alicloud_instance_types finds them)." });
  if (final.length === 0) {
    ctx.change({ argument: "instance_types", kind: "note", severity: "warning", reason: "No instance type could be mapped, so instance_types is unset; ACK node pools need at least one.", action: "Set instance_types to ECS types by hand." });
    removeAttribute(ctx.block, "instance_types");
    return;
  }
  setAttribute(ctx.block, "instance_types", `[${[...new Set(final)].map(quote).join(", ")}]`);
}

/** Spot pools: each size from SPOT_FAMILIES families, so the scaling group finds stock in some. */
function widenForSpot(ctx: TransformContext, map: ValueMap, types: string[]): string[] {
  const out = [...types];
  for (const t of types) {
    const parts = splitEcsType(t);
    if (!parts) continue;
    const have = new Set(out.map(splitEcsType).filter((p) => p?.size === parts.size).map((p) => p!.family));
    for (const f of siblingFamilies(map, parts.family)) {
      if (have.size >= SPOT_FAMILIES) break;
      if (have.has(f)) continue;
      have.add(f);
      out.push(`ecs.${f}.${parts.size}`);
    }
  }
  const added = out.filter((t) => !types.includes(t));
  if (added.length > 0) ctx.change({ argument: "instance_types", kind: "note", severity: "info", to: added.join(", "), reason: "Spot pool widened with the same sizes from other ECS families of the same CPU/memory ratio: ECS spot capacity is per type and zone, and more types mean fewer failed scale-outs." });
  setAttribute(ctx.block, "multi_az_policy", '"COST_OPTIMIZED"');
  setAttribute(ctx.block, "spot_instance_pools", String(Math.min(10, Math.max(1, new Set(out).size))));
  setAttribute(ctx.block, "spot_instance_remedy", "true");
  ctx.change({ argument: "capacity_type", kind: "value-mapped", to: "spot_strategy = SpotAsPriceGo", severity: "info", reason: "Spot nodes bid at the market price (SpotAsPriceGo) across the cheapest types (multi_az_policy COST_OPTIMIZED, spot_instance_pools), and are replaced before reclaim (spot_instance_remedy), as EKS capacity rebalancing did.", action: "To fall back to pay-as-you-go when no spot stock is left, set compensate_with_on_demand = true." });
  return out;
}

// ---- sizes -------------------------------------------------------------------------------

/**
 * EKS scaling_config → ACK scaling_config { enable = true, min_size,
 * max_size } plus desired_size (a string), with desired_size ignored after
 * creation so Terraform does not undo the cluster autoscaler.
 */
function setScaling(ctx: TransformContext, original: Block, spot: boolean): void {
  const scaling = blocksOf(ctx.block.body).find((b) => b.blockType.text === "scaling_config");
  const desired = nestedAttribute(original, "scaling_config", "desired_size");
  if (scaling) {
    if (!getAttribute(scaling, "enable")) setAttribute(scaling, "enable", "true");
    if (spot) setAttribute(scaling, "type", '"spot"');
  }
  retractChanges(ctx, "scaling_config.desired_size");
  if (desired) {
    const value = staticValue(desired);
    setAttribute(ctx.block, "desired_size", typeof value === "number" ? quote(String(value)) : `tostring(${exprSource(desired)})`);
    ctx.change({ argument: "scaling_config.desired_size", kind: "moved", to: "desired_size", severity: "info", reason: "ACK takes the desired node count as a string on the pool itself." });
  }
  ctx.change({ argument: "scaling_config", kind: "note", severity: "info", reason: "The pool autoscales between min_size and max_size (scaling_config.enable = true); lifecycle.ignore_changes = [desired_size] keeps Terraform from resetting the node count the autoscaler chose.", action: "ACK's node autoscaler needs the AliyunCSManagedAutoScalerRole authorization once per account (ACK console)." });
}

/** `scaling_config[0].desired_size` and its spellings: the AWS path of the desired size. */
const DESIRED_SIZE_PATH = /^scaling_config(\[\d+\]|\.\d+)?(\.desired_size|\["desired_size"\])$/;

/** Add `desired_size` to lifecycle.ignore_changes (merging with what is there); AWS paths into scaling_config's desired_size move to it. */
function ignoreDesiredSize(ctx: TransformContext): void {
  const lifecycle = blocksOf(ctx.block.body).find((b) => b.blockType.text === "lifecycle") ?? addBlock(ctx.block, { type: "lifecycle", labels: [], items: [] });
  const ignore = getAttribute(lifecycle, "ignore_changes");
  if (!ignore) {
    setAttribute(lifecycle, "ignore_changes", "[desired_size]");
    return;
  }
  if (ignore.expr.type !== "Tuple") return; // `all` already covers it
  const entries = ignore.expr.elements.map(exprSource).filter((e) => !DESIRED_SIZE_PATH.test(e));
  if (!entries.includes("desired_size")) entries.push("desired_size");
  replaceAttributeValue(ignore, `[${entries.join(", ")}]`);
}

// ---- labels, management, disk -------------------------------------------------------------

/** EKS labels (a map) → one labels { key, value } block each; a computed map → a dynamic block. */
function setLabels(ctx: TransformContext, labels: Expr | undefined): void {
  if (!labels) return;
  retractChanges(ctx, "labels");
  const value = staticValue(labels);
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, v] of Object.entries(value)) addBlock(ctx.block, { type: "labels", labels: [], items: [{ attr: "key", expr: quote(key) }, { attr: "value", expr: quote(String(v)) }] });
  } else {
    addBlock(ctx.block, { type: "dynamic", labels: ["labels"], items: [
      { attr: "for_each", expr: exprSource(labels) },
      { block: { type: "content", labels: [], items: [{ attr: "key", expr: "labels.key" }, { attr: "value", expr: "labels.value" }] } },
    ] });
  }
  ctx.change({ argument: "labels", kind: "renamed", to: "labels { key, value }", severity: "info", reason: "ACK takes Kubernetes node labels as repeated labels blocks." });
}

/** update_config and node_repair_config both map to management: ACK allows one block, enabled (a managed pool, as an EKS managed node group is). */
function mergeManagement(block: Block): void {
  const all = blocksOf(block.body).filter((b) => b.blockType.text === "management");
  const items = new Map<string, string>([["enable", "true"]]);
  for (const m of all) {
    for (const a of attributesOf(m.body) as Attribute[]) items.set(a.name.text, exprSource(a.expr));
    removeBlock(block, m);
  }
  addBlock(block, { type: "management", labels: [], items: [...items].map(([attr, expr]) => ({ attr, expr })) });
}

function raiseSystemDisk(ctx: TransformContext): void {
  const disk = getAttribute(ctx.block, "system_disk_size");
  const size = disk ? staticValue(disk.expr) : undefined;
  if (!disk || typeof size !== "number" || size >= MIN_SYSTEM_DISK_GIB) return;
  replaceAttributeValue(disk, String(MIN_SYSTEM_DISK_GIB));
  ctx.change({ argument: "disk_size", kind: "value-mapped", to: String(MIN_SYSTEM_DISK_GIB), severity: "info", reason: `ACK node system disks are at least ${MIN_SYSTEM_DISK_GIB} GiB (EKS allowed ${size}).` });
}
