/**
 * aws_elasticache_replication_group → alicloud_kvstore_instance (Tair,
 * Redis OSS-compatible, cloud-native community edition).
 *
 * What the rule cannot say:
 * - placement: Tair takes a vSwitch and zone (and a secondary zone for a
 *   multi-zone instance) where ElastiCache took a subnet group;
 * - size: ElastiCache node types are sized by memory; Tair cloud-native
 *   classes (redis.shard.<size>.ce) are too, per shard;
 * - replicas: a Tair instance has one hot standby built in; extra readable
 *   replicas make it a read/write splitting instance;
 * - access: Tair admits no client until its IP list allows it, and asks
 *   for a password unless password-free VPC access is switched on.
 */

import { getAttribute, quote, removeAttribute, setAttribute } from "../hcl/edit.js";
import { exprSource, staticValue } from "../hcl/value.js";
import { firstAddress } from "./aws-graph.js";
import type { Plan, TransformContext } from "./context.js";
import { vpcCidrOfSubnet } from "./db-values.js";
import { retractChanges } from "./report-changes.js";
import { inputVariable } from "./retarget.js";
import { subnetAttribute, subnetElements } from "./serverless-shared.js";
import { ensureTimeouts } from "./timeouts.js";

/** Memory (GiB) of ElastiCache node types (AWS docs, "Supported node types"): burstable sizes, and a large node of each memory-ratio family. */
const BURSTABLE_GIB: Record<string, number> = { micro: 0.5, small: 1.37, medium: 3.09 };
const LARGE_GIB: Record<string, number> = { m: 6.38, r: 13.07 };
const SIZE_FACTOR: Record<string, number> = { large: 1, xlarge: 2, "2xlarge": 4, "4xlarge": 8, "8xlarge": 16, "12xlarge": 24, "16xlarge": 32, "24xlarge": 48 };
/** Tair cloud-native community classes by memory per shard, GiB (Alibaba Cloud docs, "Cloud-native community edition instance types"). */
const TAIR_CLASSES: Array<[number, string]> = [[1, "small"], [2, "mid"], [4, "large"], [8, "2xlarge"], [16, "4xlarge"], [32, "8xlarge"], [64, "16xlarge"]];

/** GiB of memory of an ElastiCache node type, if known. */
export function cacheNodeMemory(nodeType: string): number | undefined {
  const m = /^cache\.([a-z])(\d+)([a-z]*)\.([a-z0-9]+)$/.exec(nodeType);
  if (!m) return undefined;
  const [, letter, , , size] = m;
  if (letter === "t") return BURSTABLE_GIB[size!];
  const large = LARGE_GIB[letter!];
  const factor = SIZE_FACTOR[size!];
  return large !== undefined && factor !== undefined ? Math.round(large * factor * 100) / 100 : undefined;
}

/** The smallest Tair class that holds `gib` per shard. */
export function tairClass(gib: number): { cls: string; gib: number } | undefined {
  const found = TAIR_CLASSES.find(([g]) => g >= gib * 0.98);
  return found ? { cls: `redis.shard.${found[1]}.ce`, gib: found[0] } : undefined;
}

export function elasticacheReplicationGroup(ctx: TransformContext): void {
  const subnet = setPlacement(ctx);
  setInstanceClass(ctx);
  setReplicas(ctx);
  setMaintenance(ctx);
  setAccess(ctx, subnet);
  setVersion(ctx);
  setEncryption(ctx);
  ensureTimeouts(ctx.block, { create: "60m" });
}

// ---- placement -------------------------------------------------------------------------------

/** The subnet group named by subnet_group_name (ElastiCache or RDS style), as a plan of this folder. */
function subnetGroup(ctx: TransformContext): Plan | undefined {
  const g = getAttribute(ctx.plan.original, "subnet_group_name")?.expr;
  const address = firstAddress(g);
  return address && /^aws_(elasticache|db)_subnet_group\./.test(address) ? ctx.planOf(address) : undefined;
}

function setPlacement(ctx: TransformContext): string | undefined {
  const group = subnetGroup(ctx);
  const ids = group ? getAttribute(group.original, "subnet_ids")?.expr : undefined;
  const { first, second, address } = subnetElements(ctx, ids);
  if (!first) {
    ctx.change({ argument: "subnet_group_name", kind: "note", severity: "warning", reason: "The subnet group is not part of this configuration, so the instance's vSwitch and zone are unknown.", action: "Set vswitch_id and zone_id (and secondary_zone_id for a multi-zone instance)." });
    return undefined;
  }
  retractChanges(ctx, "subnet_group_name");
  setAttribute(ctx.block, "vswitch_id", first);
  const zone = subnetAttribute(ctx, first, "availability_zone");
  if (zone) setAttribute(ctx.block, "zone_id", zone);
  ctx.change({ argument: "subnet_group_name", kind: "value-mapped", to: `vswitch_id = ${first}`, severity: "info", reason: "Tair has no subnet groups: the instance takes the group's first subnet as its vSwitch, and that vSwitch's zone." });
  const multiAz = getAttribute(ctx.plan.original, "multi_az_enabled");
  if (multiAz && staticValue(multiAz.expr) === true) {
    retractChanges(ctx, "multi_az_enabled");
    const zone2 = subnetAttribute(ctx, second, "availability_zone");
    if (zone2) {
      setAttribute(ctx.block, "secondary_zone_id", zone2);
      ctx.change({ argument: "multi_az_enabled", kind: "value-mapped", to: "secondary_zone_id", severity: "info", reason: "The standby node goes to the zone of the group's second subnet (secondary_zone_id)." });
    } else ctx.change({ argument: "multi_az_enabled", kind: "note", severity: "warning", reason: "Multi-zone placement needs a secondary zone; the subnet group's second subnet could not be read.", action: "Set secondary_zone_id to another zone that offers Tair (data.alicloud_kvstore_zones)." });
  }
  return address;
}

// ---- size -------------------------------------------------------------------------------------

function setInstanceClass(ctx: TransformContext): void {
  const nt = getAttribute(ctx.plan.original, "node_type");
  if (!nt) return;
  retractChanges(ctx, "node_type");
  const v = staticValue(nt.expr);
  const shards = getAttribute(ctx.plan.original, "num_node_groups");
  const perShard = shards ? " per shard" : "";
  const gib = typeof v === "string" ? cacheNodeMemory(v) : undefined;
  const cls = gib !== undefined ? tairClass(gib) : undefined;
  if (!cls) {
    setAttribute(ctx.block, "instance_class", inputVariable(ctx, `${ctx.top.name}_instance_class`, `Tair instance class for ${ctx.top.address} (AWS node type ${exprSource(nt.expr)}); list them with data.alicloud_kvstore_instance_classes.`, { type: "string" }));
    ctx.change({ argument: "node_type", kind: "note", severity: "warning", reason: `No Tair class is known for ${exprSource(nt.expr)}${gib !== undefined ? ` (${gib} GiB${perShard}: more than the largest cloud-native shard)` : ""}; instance_class is an input variable.`, action: gib !== undefined ? "Use more shards (shard_count) or a Tair memory-optimized instance (alicloud_redis_tair_instance)." : "Choose a class with the same memory (data.alicloud_kvstore_instance_classes) and set the variable." });
    return;
  }
  setAttribute(ctx.block, "instance_class", quote(cls.cls));
  ctx.change({ argument: "node_type", kind: "value-mapped", to: JSON.stringify(cls.cls), severity: "info", reason: `${v} (${gib} GiB${perShard}) → ${cls.cls} (${cls.gib} GB${perShard}), the smallest cloud-native class that holds it.`, action: "Check the class is sold in the zone: data.alicloud_kvstore_instance_classes { zone_id, engine = \"Redis\", architecture }." });
}

function setReplicas(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const n = getAttribute(o, "num_cache_clusters");
  const r = getAttribute(o, "replicas_per_node_group");
  const multiAz = getAttribute(o, "multi_az_enabled");
  const zoned = multiAz !== undefined && staticValue(multiAz.expr) === true;
  if (n) {
    retractChanges(ctx, "num_cache_clusters");
    const v = staticValue(n.expr);
    if (typeof v !== "number") {
      ctx.change({ argument: "num_cache_clusters", kind: "note", severity: "warning", reason: `The node count comes from ${exprSource(n.expr)}; Tair has one standby built in, further readable replicas are read_only_count.`, action: "Set read_only_count to the number of read replicas beyond the standby, if any." });
    } else if (v <= 2) {
      ctx.change({ argument: "num_cache_clusters", kind: "note", severity: "info", reason: `${v} node(s): a Tair standard instance is a primary with one hot standby built in.` });
    } else if (zoned) {
      ctx.change({ argument: "num_cache_clusters", kind: "note", severity: "warning", reason: `${v} nodes: ${v - 2} read replica(s) beyond Tair's built-in standby. A multi-zone read/write splitting instance needs the replicas split between zones (read_only_count + slave_read_only_count).`, action: `Set read_only_count and slave_read_only_count (sum ${v - 2}, at most 9) if the reads need the replicas.` });
    } else {
      setAttribute(ctx.block, "read_only_count", String(v - 2));
      ctx.change({ argument: "num_cache_clusters", kind: "value-mapped", to: `read_only_count = ${v - 2}`, severity: "warning", reason: `${v} nodes → the built-in standby plus ${v - 2} read replica(s): a read/write splitting instance, whose endpoint routes reads to the replicas itself (ElastiCache had a separate reader endpoint).`, action: "Point readers at the single connection_domain; drop read_only_count if the replicas only existed for failover." });
    }
  }
  if (r) {
    retractChanges(ctx, "replicas_per_node_group");
    const v = staticValue(r.expr);
    if (typeof v === "number" && v > 1) ctx.change({ argument: "replicas_per_node_group", kind: "note", severity: "warning", reason: `Each shard had ${v} replicas; each Tair cluster shard has one standby, and readable replicas per shard need a read/write splitting cluster.`, action: "Choose a read/write splitting cluster in the console if the reads need the replicas." });
    else ctx.change({ argument: "replicas_per_node_group", kind: "note", severity: "info", reason: "Each Tair cluster shard has one standby built in." });
  }
}

/** "sun:05:00-sun:06:00" → maintain_start_time 05:00Z, maintain_end_time 06:00Z (Tair's window is one hour, daily). */
function setMaintenance(ctx: TransformContext): void {
  const w = getAttribute(ctx.plan.original, "maintenance_window");
  if (!w) return;
  retractChanges(ctx, "maintenance_window");
  const v = staticValue(w.expr);
  const m = typeof v === "string" ? /^([a-z]{3}):(\d\d):(\d\d)-[a-z]{3}:\d\d:\d\d$/i.exec(v) : null;
  if (!m) {
    ctx.change({ argument: "maintenance_window", kind: "note", severity: "warning", reason: `The window ${exprSource(w.expr)} cannot be read; Tair takes maintain_start_time / maintain_end_time (HH:mmZ, one hour apart).`, action: "Set both by hand." });
    return;
  }
  const h = Number(m[2]);
  const start = `${m[2]}:${m[3]}Z`;
  const end = `${String((h + 1) % 24).padStart(2, "0")}:${m[3]}Z`;
  setAttribute(ctx.block, "maintain_start_time", quote(start));
  setAttribute(ctx.block, "maintain_end_time", quote(end));
  ctx.change({ argument: "maintenance_window", kind: "value-mapped", to: `${start}-${end}`, severity: "info", reason: `Tair's maintenance window is one hour every day (UTC): ${v} → ${start}–${end}; the weekday (${m[1]}) is lost.` });
}

// ---- access, version, encryption -----------------------------------------------------------------

function setAccess(ctx: TransformContext, subnet: string | undefined): void {
  const cidr = vpcCidrOfSubnet(ctx, subnet);
  if (cidr) {
    setAttribute(ctx.block, "security_ips", `[${cidr}]`);
    ctx.change({ argument: "security_group_ids", kind: "note", severity: "info", reason: `Tair admits only the clients its IP list allows: security_ips = the VPC's range (${cidr}), next to the security group.`, action: "Narrow the list to the application subnets if the security groups were stricter." });
  } else ctx.change({ argument: "security_group_ids", kind: "note", severity: "warning", reason: "Tair admits only the clients its IP list (security_ips) allows; the VPC range is not known here.", action: "Set security_ips to the application CIDRs." });
  if (!getAttribute(ctx.plan.original, "auth_token")) {
    setAttribute(ctx.block, "vpc_auth_mode", '"Close"');
    ctx.change({ argument: "auth_token", kind: "note", to: 'vpc_auth_mode = "Close"', severity: "info", reason: "The replication group had no AUTH token; Tair asks for a password unless password-free access in the VPC is on (vpc_auth_mode = \"Close\").", action: "Prefer a password (password, or kms_encrypted_password) and vpc_auth_mode = \"Open\"." });
  } else ctx.change({ argument: "auth_token", kind: "renamed", to: "password", severity: "info", reason: "The AUTH token is the default account's password; Tair passwords are 8–32 characters with three of: upper case, lower case, digits, !@#$%^&*()_+-=.", action: "Check the token meets Tair's password rules." });
}

function setVersion(ctx: TransformContext): void {
  const engine = getAttribute(ctx.plan.original, "engine");
  if (engine && staticValue(engine.expr) === "valkey") ctx.change({ argument: "engine", kind: "note", severity: "warning", reason: "Valkey becomes Tair's Redis OSS-compatible engine; Valkey-only commands are not available.", action: "Test the client against Redis 7.0." });
  if (getAttribute(ctx.plan.original, "engine_version")) return;
  setAttribute(ctx.block, "engine_version", '"7.0"');
  ctx.change({ argument: "engine_version", kind: "note", to: '"7.0"', severity: "info", reason: "ElastiCache creates its newest Redis when no version is given; Tair's default is 5.0, so engine_version = \"7.0\" (Tair's newest Redis-compatible version) is written out." });
}

function setEncryption(ctx: TransformContext): void {
  const rest = getAttribute(ctx.plan.original, "at_rest_encryption_enabled");
  if (!rest) return;
  const v = staticValue(rest.expr);
  if (v === false) {
    retractChanges(ctx, "at_rest_encryption_enabled");
    removeAttribute(ctx.block, "tde_status");
    return;
  }
  if (v === true) ctx.change({ argument: "at_rest_encryption_enabled", kind: "note", severity: "info", reason: "Encryption at rest becomes Tair TDE (tde_status = \"Enabled\"), which cannot be switched off once on.", action: "TDE with a customer key (encryption_key) needs the AliyunRdsInstanceEncryptionDefaultRole authorization." });
}
