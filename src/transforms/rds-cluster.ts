/**
 * aws_rds_cluster (Aurora) + aws_rds_cluster_instance → alicloud_polardb_cluster.
 *
 * A PolarDB cluster resource holds its nodes: one node class for all of
 * them (db_node_class) and their number (db_node_count, 2–16). Aurora
 * declares the nodes as separate instance blocks, so this transform reads
 * them, folds them into the cluster (they are commented out, and references
 * to them point at the cluster), and derives class and count. The master
 * user and the initial database are separate PolarDB resources; backups are
 * a policy resource; the subnet group becomes the cluster's vSwitch; and
 * PolarDB admits no client until an access list allows it (AWS relied on
 * security groups alone).
 */

import { addBlock, getAttribute, quote, setAttribute } from "../hcl/edit.js";
import type { ItemSpec } from "../hcl/format.js";
import { exprSource, staticValue } from "../hcl/value.js";
import { originalLiteral, plansOfType, refersTo } from "./aws-graph.js";
import type { Plan, TransformContext } from "./context.js";
import { backupHour, firstSubnetOfGroup, literalString, mapDbClass, mapEngine, mapEngineVersion, vpcCidrOfSubnet } from "./db-values.js";
import { rewriteReferencePaths } from "./reference-paths.js";
import { retractChanges } from "./report-changes.js";
import { ensureTimeouts } from "./timeouts.js";

/** PolarDB cluster edition: one primary and at least one read-only node, at most 16 (provider docs). */
const MIN_NODES = 2;
const MAX_NODES = 16;
/** Level-1 backups are kept 3–14 days (provider docs, polardb_backup_policy). */
const BACKUP_DAYS = { min: 3, max: 14 };

/** Per-instance AWS settings with no place on a PolarDB cluster, and what to do about them. */
const INSTANCE_SETTINGS: Record<string, string> = {
  promotion_tier: "PolarDB chooses the failover target itself; set a node's failover priority in the console if it matters.",
  availability_zone: "PolarDB places the nodes in the cluster's zone (vSwitch) and a standby zone (standby_az).",
  publicly_accessible: "PolarDB public access is a public endpoint address (alicloud_polardb_endpoint_address with net_type Public).",
  db_parameter_group_name: "PolarDB nodes share the cluster's parameters; merge instance parameters into the cluster parameter group.",
  performance_insights_enabled: "PolarDB has built-in performance monitoring; nothing to configure.",
  monitoring_interval: "PolarDB monitoring frequency is set in the console.",
  auto_minor_version_upgrade: "PolarDB minor upgrades are scheduled in the maintenance window of the cluster.",
};

export function rdsCluster(ctx: TransformContext): void {
  const original = ctx.plan.original;
  const engine = literalString(original, "engine") ?? "aurora";
  setEngine(ctx, engine);
  const instances = clusterInstances(ctx);
  setNodeClass(ctx, engine, instances);
  setNodeCount(ctx, instances);
  const subnet = setVSwitch(ctx);
  setBooleans(ctx);
  setAccessList(ctx, subnet);
  ensureTimeouts(ctx.block, { create: "60m" });
  emitAccountAndDatabase(ctx, engine);
  emitBackupPolicy(ctx);
  for (const p of instances) foldInstance(ctx, p);
}

// ---- engine ---------------------------------------------------------------------------

function setEngine(ctx: TransformContext, engine: string): void {
  const table = ctx.run.table;
  if (engine !== "aurora-mysql" && engine !== "aurora-postgresql") {
    ctx.change({ argument: "engine", kind: "note", severity: "warning", reason: engine === "aurora" ? "Engine aurora is Aurora MySQL 5.6, which PolarDB no longer creates; the cluster is translated as PolarDB for MySQL 5.7." : `Engine ${engine} is an RDS Multi-AZ DB cluster, not Aurora; it is translated as a PolarDB cluster.`, action: engine === "aurora" ? "Test the application on MySQL 5.7 or 8.0." : "Consider alicloud_db_instance with category = \"cluster\" (RDS cluster edition) instead." });
  }
  const family = engine === "aurora-postgresql" || engine === "postgres" ? "aurora-postgresql" : "aurora-mysql";
  retractChanges(ctx, "engine");
  retractChanges(ctx, "engine_version");
  setAttribute(ctx.block, "db_type", quote(mapEngine(table, family) ?? "MySQL"));
  const version = getAttribute(ctx.plan.original, "engine_version");
  const literal = version ? staticValue(version.expr) : undefined;
  const mapped = typeof literal === "string" ? mapEngineVersion(table, family, literal) : {};
  const fallback = family === "aurora-mysql" ? (engine === "aurora" ? "5.7" : "8.0") : "14";
  const value = mapped.value ?? fallback;
  setAttribute(ctx.block, "db_version", quote(value));
  const from = version ? exprSource(version.expr) : "(not set: AWS picks the newest)";
  ctx.change({ argument: "engine_version", kind: "value-mapped", to: JSON.stringify(value), severity: mapped.value ? "info" : "warning", reason: `${engine} ${from} → PolarDB ${mapEngine(table, family)} ${value}${mapped.value ? "" : " (chosen: no PolarDB version is known for the AWS value)"}${mapped.note ? `. ${mapped.note}` : ""}.`, ...(mapped.value ? {} : { action: "Check the version against the application and data.alicloud_polardb_node_classes." }) });
}

// ---- nodes ------------------------------------------------------------------------------

/** aws_rds_cluster_instance blocks of this folder whose cluster_identifier names this cluster. */
function clusterInstances(ctx: TransformContext): Plan[] {
  const name = literalString(ctx.plan.original, "cluster_identifier");
  return plansOfType(ctx, "aws_rds_cluster_instance").filter((p) => {
    const id = getAttribute(p.original, "cluster_identifier")?.expr;
    return refersTo(id, ctx.top.address) || (name !== undefined && originalLiteral(p, "cluster_identifier") === name);
  });
}

function setNodeClass(ctx: TransformContext, engine: string, instances: Plan[]): void {
  const family = engine === "aurora-postgresql" || engine === "postgres" ? "aurora-postgresql" : "aurora-mysql";
  retractChanges(ctx, "db_cluster_instance_class");
  const classes = [literalString(ctx.plan.original, "db_cluster_instance_class"), ...instances.map((p) => originalLiteral(p, "instance_class"))].filter((c): c is string => typeof c === "string");
  const awsClass = classes[0];
  const mapped = awsClass === "db.serverless" ? { value: family === "aurora-mysql" ? "polar.mysql.sl.small" : undefined, note: "Aurora Serverless v2 → PolarDB Serverless; ACU and PCU ranges differ" } : awsClass ? mapDbClass(ctx.run.table, family, awsClass) : {};
  if (mapped.value) {
    setAttribute(ctx.block, "db_node_class", quote(mapped.value));
    ctx.change({ argument: "db_node_class", kind: "value-mapped", to: JSON.stringify(mapped.value), severity: awsClass === "db.serverless" ? "warning" : "info", reason: `Instance class ${awsClass} → ${mapped.value}${mapped.note ? ` (${mapped.note})` : ""}.`, ...(awsClass === "db.serverless" ? { action: "Set serverless_type, scale_min and scale_max for the PolarDB Serverless range." } : {}) });
  } else {
    const variable = `${ctx.top.name}_db_node_class`;
    ctx.stack.inputs.set(variable, { type: "string", description: `PolarDB node class for ${ctx.top.address}${awsClass ? ` (AWS class ${awsClass})` : ""}; list them with data.alicloud_polardb_node_classes.` });
    setAttribute(ctx.block, "db_node_class", `var.${variable}`);
    ctx.change({ argument: "db_node_class", kind: "note", severity: "warning", reason: `No PolarDB node class is known for ${awsClass ?? "the cluster (no instances and no db_cluster_instance_class)"}${mapped.note ? `: ${mapped.note}` : ""}; it is the input variable ${variable}.`, action: "Choose a class with the same vCPUs and memory (data.alicloud_polardb_node_classes) and set the variable." });
  }
  if (new Set(classes).size > 1) ctx.change({ argument: "db_node_class", kind: "note", severity: "warning", reason: `The Aurora instances use different classes (${[...new Set(classes)].join(", ")}); all PolarDB nodes of a cluster share one class, the first one's.`, action: "Check the class fits the largest instance's load." });
}

/** How many instances a block stands for, as an expression: its count, the size of its for_each, or 1. */
function instanceCount(p: Plan): string | number {
  const count = getAttribute(p.original, "count");
  if (count) {
    const v = staticValue(count.expr);
    return typeof v === "number" ? v : `(${exprSource(count.expr)})`;
  }
  const each = getAttribute(p.original, "for_each");
  return each ? `length(${exprSource(each.expr)})` : 1;
}

function setNodeCount(ctx: TransformContext, instances: Plan[]): void {
  if (instances.length === 0) return;
  const counts = instances.map(instanceCount);
  const literal = counts.filter((c): c is number => typeof c === "number").reduce((a, b) => a + b, 0);
  const exprs = counts.filter((c): c is string => typeof c === "string");
  if (exprs.length === 0) {
    const n = Math.min(MAX_NODES, Math.max(MIN_NODES, literal));
    setAttribute(ctx.block, "db_node_count", String(n));
    ctx.change({ argument: "db_node_count", kind: "note", to: String(n), severity: n !== literal ? "warning" : "info", reason: `${literal} Aurora instance(s) → ${n} PolarDB nodes (one primary, the rest read-only)${n !== literal ? `; a PolarDB cluster has ${MIN_NODES} to ${MAX_NODES} nodes` : ""}.`, ...(n !== literal ? { action: "For a single-node database consider creation_category = \"Basic\"." } : {}) });
    return;
  }
  const total = [...exprs, ...(literal > 0 ? [String(literal)] : [])].join(" + ");
  setAttribute(ctx.block, "db_node_count", `max(${MIN_NODES}, ${total.replace(/^\((.*)\)$/, "$1")})`);
  ctx.change({ argument: "db_node_count", kind: "note", severity: "info", reason: `The node count follows the Aurora instance count (${total}), at least ${MIN_NODES}: a PolarDB cluster has one primary and at least one read-only node.` });
}

// ---- network, switches, windows --------------------------------------------------------------

/** PolarDB takes one vSwitch (its zone follows) where Aurora took a subnet group. */
function setVSwitch(ctx: TransformContext): string | undefined {
  const group = getAttribute(ctx.plan.original, "db_subnet_group_name")?.expr;
  if (!group) return undefined;
  const first = firstSubnetOfGroup(ctx, group);
  if (!first) {
    ctx.change({ argument: "db_subnet_group_name", kind: "note", severity: "warning", reason: "The subnet group is not part of this configuration, so the cluster's vSwitch is unknown; PolarDB would pick one of the account's vSwitches.", action: "Set vswitch_id to a vSwitch of the application's VPC." });
    return undefined;
  }
  setAttribute(ctx.block, "vswitch_id", first.expr);
  ctx.change({ argument: "db_subnet_group_name", kind: "value-mapped", to: `vswitch_id = ${first.expr}`, severity: "info", reason: "PolarDB has no subnet groups: the cluster takes the group's first subnet as its vSwitch; the zone follows the vSwitch and PolarDB keeps a standby in another zone." });
  return first.subnet;
}

/** Flags the rule maps by value; computed ones become conditionals. */
function setBooleans(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const conditional = (aws: string, ali: string, yes: string, no: string): void => {
    const a = getAttribute(o, aws);
    if (!a || typeof staticValue(a.expr) === "boolean") return;
    retractChanges(ctx, aws);
    setAttribute(ctx.block, ali, `${exprSource(a.expr)} ? ${yes} : ${no}`);
    ctx.change({ argument: aws, kind: "value-mapped", to: ali, severity: "info", reason: `${ali} follows ${exprSource(a.expr)} (${yes} when true, ${no} when false).` });
  };
  conditional("deletion_protection", "deletion_lock", "1", "0");
  conditional("skip_final_snapshot", "backup_retention_policy_on_cluster_deletion", '"NONE"', '"LATEST"');
  conditional("storage_encrypted", "tde_status", '"Enabled"', '"Disabled"');
  if (getAttribute(ctx.block, "tde_status")) ctx.change({ argument: "storage_encrypted", kind: "note", severity: "info", reason: "Aurora storage encryption becomes PolarDB TDE, which cannot be switched off once on.", action: "TDE needs the AliyunRDSInstanceEncryptionDefaultRole service role in the account (authorize it once in the PolarDB console)." });
}

/** PolarDB admits no client until its access list allows it; AWS relied on security groups. */
function setAccessList(ctx: TransformContext, subnet: string | undefined): void {
  const cidr = vpcCidrOfSubnet(ctx, subnet);
  if (cidr) {
    addBlock(ctx.block, { type: "db_cluster_ip_array", labels: [], items: [{ attr: "db_cluster_ip_array_name", expr: '"vpc"' }, { attr: "security_ips", expr: `[${cidr}]` }] });
    ctx.change({ argument: "vpc_security_group_ids", kind: "note", severity: "info", reason: `PolarDB only admits clients its IP access list allows: the VPC's range (${cidr}) was added, next to the security groups.`, action: "Narrow the list to the application subnets if the security groups were stricter than the VPC." });
    return;
  }
  ctx.change({ argument: "vpc_security_group_ids", kind: "note", severity: "warning", reason: "PolarDB only admits clients its IP access list (db_cluster_ip_array) or its security groups allow; the VPC range is not known here.", action: "Add db_cluster_ip_array { db_cluster_ip_array_name = \"vpc\", security_ips = [<application CIDRs>] } if clients are not all in the listed security groups." });
}

// ---- companion resources ------------------------------------------------------------------

function clusterId(ctx: TransformContext): string {
  return `${ctx.plan.target!.names.join(".")}.id`;
}

/** The master user is a PolarDB account (privileged: Super); the initial database a PolarDB database. */
function emitAccountAndDatabase(ctx: TransformContext, engine: string): void {
  const o = ctx.plan.original;
  const user = getAttribute(o, "master_username");
  const password = getAttribute(o, "master_password");
  const name = ctx.top.name;
  if (user) {
    const items: ItemSpec[] = [
      { attr: "db_cluster_id", expr: clusterId(ctx) },
      { attr: "account_name", expr: exprSource(user.expr) },
      ...(password ? [{ attr: "account_password", expr: exprSource(password.expr) }] : []),
      { attr: "account_type", expr: '"Super"' },
    ];
    ctx.emitAfter([{ type: "resource", labels: ["alicloud_polardb_account", name], items }]);
    ctx.change({ argument: "master_username", kind: "moved", to: `alicloud_polardb_account.${name}`, severity: password ? "info" : "warning", reason: "The master user becomes a privileged (Super) PolarDB account.", ...(password ? {} : { action: "Set account_password (a sensitive variable or a KMS secret); Aurora's managed password has no PolarDB counterpart." }) });
  }
  const db = getAttribute(o, "database_name");
  if (db) {
    const owner = user && (engine === "aurora-postgresql" || engine === "postgres") ? [{ attr: "account_name", expr: `alicloud_polardb_account.${name}.account_name` }] : [];
    ctx.emitAfter([{ type: "resource", labels: ["alicloud_polardb_database", name], items: [{ attr: "db_cluster_id", expr: clusterId(ctx) }, { attr: "db_name", expr: exprSource(db.expr) }, ...owner] }]);
    ctx.change({ argument: "database_name", kind: "moved", to: `alicloud_polardb_database.${name}`, severity: "info", reason: "PolarDB creates databases as their own resource." });
  }
}

/** Aurora's retention (1–35 days) and window → a PolarDB backup policy (3–14 days of level-1 backups, whole UTC hours). */
function emitBackupPolicy(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const days = getAttribute(o, "backup_retention_period");
  const window = literalString(o, "preferred_backup_window");
  if (!days && !window) return;
  const items: ItemSpec[] = [{ attr: "db_cluster_id", expr: clusterId(ctx) }];
  let clamped = false;
  if (days) {
    const v = staticValue(days.expr);
    if (typeof v === "number") {
      const n = Math.min(BACKUP_DAYS.max, Math.max(BACKUP_DAYS.min, v));
      clamped = n !== v;
      items.push({ attr: "data_level1_backup_retention_period", expr: String(n) });
    } else items.push({ attr: "data_level1_backup_retention_period", expr: `min(${BACKUP_DAYS.max}, max(${BACKUP_DAYS.min}, ${exprSource(days.expr)}))` });
  }
  const hour = window ? backupHour(window) : undefined;
  if (hour) items.push({ attr: "preferred_backup_time", expr: quote(hour) });
  ctx.emitAfter([{ type: "resource", labels: ["alicloud_polardb_backup_policy", ctx.top.name], items }]);
  ctx.change({ argument: "backup_retention_period", kind: "moved", to: `alicloud_polardb_backup_policy.${ctx.top.name}`, severity: clamped || (days && typeof staticValue(days.expr) !== "number") ? "warning" : "info", reason: `Backups are a PolarDB backup policy: level-1 backups are kept ${BACKUP_DAYS.min}–${BACKUP_DAYS.max} days${hour ? `, starting in the hour ${hour}` : ""}${clamped ? `; the AWS retention of ${String(staticValue(days!.expr))} days was brought into that range` : ""}.`, ...(clamped || (days && typeof staticValue(days.expr) !== "number") ? { action: "For longer retention, set data_level2_backup_retention_period (level-2 backups, 30 days and more)." } : {}) });
}

// ---- folded instances -------------------------------------------------------------------------

/** An Aurora instance becomes nodes of the cluster: commented out, its settings reported, references pointed at the cluster. */
function foldInstance(ctx: TransformContext, p: Plan): void {
  const target = ctx.plan.target!.names.join(".");
  p.absorbedInto = { target, reason: `PolarDB nodes are part of the cluster resource: ${target} sets their class (db_node_class) and number (db_node_count).` };
  for (const [arg, why] of Object.entries(INSTANCE_SETTINGS)) {
    if (getAttribute(p.original, arg)) p.item.changes.push({ argument: arg, kind: "dropped", severity: arg === "publicly_accessible" || arg === "db_parameter_group_name" ? "warning" : "info", reason: why, ...(arg === "publicly_accessible" || arg === "db_parameter_group_name" ? { action: why } : {}) });
  }
  const list = (a: string): boolean => a.endsWith("[*]") || a.endsWith(".*");
  const to = (attr: string) => (a: string): string => (list(a) ? `[${target}.${attr}]` : `${target}.${attr}`);
  const rewritten = rewriteReferencePaths(ctx, p.top.address, [
    { from: ["endpoint"], to: to("connection_string") },
    { from: ["port"], to: to("port") },
    { from: ["id"], to: to("id") },
    { from: ["identifier"], to: to("id") },
    { from: ["cluster_identifier"], to: to("id") },
    { from: ["engine"], to: to("db_type") },
    { from: ["engine_version"], to: to("db_version") },
    { from: ["instance_class"], to: to("db_node_class") },
  ]);
  if (rewritten > 0) p.item.changes.push({ argument: "(references)", kind: "note", severity: "warning", reason: `References to ${p.top.address} now point at the PolarDB cluster ${target} (its endpoint is the cluster endpoint, which balances reads and writes over the nodes).`, action: "A node-specific endpoint needs alicloud_polardb_endpoint (endpoint_type = \"Custom\") with the nodes listed." });
}
