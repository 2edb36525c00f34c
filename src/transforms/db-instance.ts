/**
 * aws_db_instance → alicloud_db_instance (ApsaraDB RDS).
 *
 * What depends on the engine or on other blocks: the engine version and
 * instance class (their maps are per engine), the category (the class codes
 * aws2ali maps to are High-availability codes), storage autoscaling (RDS
 * needs a threshold with the upper bound), the vSwitch from the subnet
 * group, the master user and initial database (separate RDS resources), the
 * backup policy, and the access list: RDS admits no client until its IP
 * list or security groups allow it.
 */

import { getAttribute, quote, removeAttribute, setAttribute } from "../hcl/edit.js";
import type { ItemSpec } from "../hcl/format.js";
import { exprSource, staticValue } from "../hcl/value.js";
import type { TransformContext } from "./context.js";
import { backupHour, firstSubnetOfGroup, literalString, mapDbClass, mapEngineVersion, newestEngineVersion, vpcCidrOfSubnet } from "./db-values.js";
import { keepAsManual } from "./fold.js";
import { rewriteReferencePaths } from "./reference-paths.js";
import { retractChanges } from "./report-changes.js";
import { ensureTimeouts } from "./timeouts.js";

/** RDS keeps data backups 7–730 days (provider docs, db_backup_policy). */
const BACKUP_DAYS = { min: 7, max: 730 };
/** Grow storage when this percentage is left free (RDS accepts 10–50; AWS autoscaling triggers at 10 %). */
const AUTOSCALE_THRESHOLD = 10;

export function dbInstance(ctx: TransformContext): void {
  const o = ctx.plan.original;
  if (getAttribute(o, "replicate_source_db")) {
    keepAsManual(ctx, { reason: "The block is a read replica (replicate_source_db); ApsaraDB RDS read replicas are a separate resource type.", action: "Write alicloud_db_readonly_instance { master_db_instance_id = <source alicloud_db_instance id>, engine_version, instance_type, instance_storage, vswitch_id, zone_id } for it.", alternative: "alicloud_db_readonly_instance", effort_hours: 1 });
    return;
  }
  const engine = literalString(o, "engine");
  if (engine) {
    setVersion(ctx, engine);
    setClass(ctx, engine);
    setCategory(ctx);
  }
  setStorage(ctx);
  const subnet = setVSwitch(ctx);
  setAccessList(ctx, subnet);
  ensureTimeouts(ctx.block, { create: "60m" });
  emitAccountAndDatabase(ctx);
  emitBackupPolicy(ctx);
  rewriteEndpoint(ctx);
}

function setVersion(ctx: TransformContext, engine: string): void {
  const version = getAttribute(ctx.plan.original, "engine_version");
  const literal = version ? staticValue(version.expr) : undefined;
  if (version && typeof literal !== "string") return; // computed: the engine's note stands
  retractChanges(ctx, "engine_version");
  const mapped = typeof literal === "string" ? mapEngineVersion(ctx.run.table, engine, literal) : { value: newestEngineVersion(ctx.run.table, engine) };
  if (!mapped.value) {
    removeAttribute(ctx.block, "engine_version");
    const variable = `${ctx.top.name}_engine_version`;
    ctx.stack.inputs.set(variable, { type: "string", description: `ApsaraDB RDS engine version for ${ctx.top.address} (AWS ${engine} ${String(literal)}).` });
    setAttribute(ctx.block, "engine_version", `var.${variable}`);
    ctx.change({ argument: "engine_version", kind: "note", severity: "warning", reason: `ApsaraDB RDS has no version known to match ${engine} ${String(literal)}${mapped.note ? `: ${mapped.note}` : ""}; it is the input variable ${variable}.`, action: "Choose a supported version (provider docs, alicloud_db_instance engine_version) and set the variable." });
    return;
  }
  setAttribute(ctx.block, "engine_version", quote(mapped.value));
  ctx.change({ argument: "engine_version", kind: "value-mapped", to: JSON.stringify(mapped.value), severity: version ? "info" : "warning", reason: version ? `${String(literal)} → ${mapped.value} (RDS sets major versions; minor versions follow auto_upgrade_minor_version).` : `AWS would create the newest ${engine}; RDS needs a version: ${mapped.value}.`, ...(version ? {} : { action: "Check the version." }) });
}

function setClass(ctx: TransformContext, engine: string): void {
  const awsClass = literalString(ctx.plan.original, "instance_class");
  if (!awsClass) return;
  retractChanges(ctx, "instance_class");
  const mapped = mapDbClass(ctx.run.table, engine, awsClass);
  if (mapped.value) {
    setAttribute(ctx.block, "instance_type", quote(mapped.value));
    ctx.change({ argument: "instance_class", kind: "value-mapped", to: JSON.stringify(mapped.value), severity: "info", reason: `${awsClass} → ${mapped.value}${mapped.note ? ` (${mapped.note})` : ""}.` });
    return;
  }
  const variable = `${ctx.top.name}_instance_type`;
  ctx.stack.inputs.set(variable, { type: "string", description: `ApsaraDB RDS instance type for ${ctx.top.address} (AWS class ${awsClass}); list them with data.alicloud_db_instance_classes.` });
  setAttribute(ctx.block, "instance_type", `var.${variable}`);
  ctx.change({ argument: "instance_class", kind: "note", severity: "warning", reason: `No RDS instance type is known for ${engine} ${awsClass}${mapped.note ? ` (${mapped.note})` : ""}; it is the input variable ${variable}.`, action: "Choose a type with the same vCPUs and memory (data.alicloud_db_instance_classes) and set the variable." });
}

/**
 * The mapped class codes are High-availability Edition codes (db-classes),
 * which Basic Edition does not offer: single-AZ sources also get
 * HighAvailability (primary + standby), reported. SQL Server editions fix
 * their category by version.
 */
function setCategory(ctx: TransformContext): void {
  const version = getAttribute(ctx.block, "engine_version");
  const v = version ? staticValue(version.expr) : undefined;
  const sqlserver = ((ctx.run.table.values.get("db-engines")?.extra.sqlserver_categories ?? {}) as Record<string, string>)[String(v)];
  const multiAz = getAttribute(ctx.plan.original, "multi_az");
  const ha = multiAz ? staticValue(multiAz.expr) : false;
  if (sqlserver) {
    setAttribute(ctx.block, "category", quote(sqlserver));
    retractChanges(ctx, "multi_az");
    ctx.change({ argument: "multi_az", kind: "value-mapped", to: JSON.stringify(sqlserver), severity: "info", reason: `SQL Server ${String(v)} comes in the ${sqlserver} edition on ApsaraDB RDS.` });
    return;
  }
  if (ha === true) return; // the rule mapped it to HighAvailability
  if (multiAz && typeof ha !== "boolean") return; // computed: the engine's note stands
  retractChanges(ctx, "multi_az");
  setAttribute(ctx.block, "category", '"HighAvailability"');
  ctx.change({ argument: "multi_az", kind: "value-mapped", to: '"HighAvailability"', severity: "warning", reason: `The AWS instance is single-AZ${multiAz ? "" : " (multi_az not set)"}; it is translated as High-availability Edition (primary and standby), because the mapped instance types are High-availability types.`, action: "For a cheaper single-node Basic Edition, set category = \"Basic\" and pick a Basic class from data.alicloud_db_instance_classes." });
}

/** Storage: ESSD by default (AWS gp2/gp3); max_allocated_storage turns on RDS storage autoscaling. */
function setStorage(ctx: TransformContext): void {
  if (!getAttribute(ctx.block, "db_instance_storage_type")) setAttribute(ctx.block, "db_instance_storage_type", '"cloud_essd"');
  if (!getAttribute(ctx.block, "instance_storage")) {
    setAttribute(ctx.block, "instance_storage", "20");
    ctx.change({ argument: "allocated_storage", kind: "note", severity: "warning", reason: "The AWS instance has no allocated_storage (restored from a snapshot or replica); RDS needs a size, set to 20 GB.", action: "Set instance_storage to the data size plus headroom." });
  }
  const upper = getAttribute(ctx.block, "storage_upper_bound");
  if (!upper) return;
  if (staticValue(upper.expr) === 0) {
    removeAttribute(ctx.block, "storage_upper_bound");
    return;
  }
  setAttribute(ctx.block, "storage_auto_scale", '"Enable"');
  setAttribute(ctx.block, "storage_threshold", String(AUTOSCALE_THRESHOLD));
  ctx.change({ argument: "max_allocated_storage", kind: "value-mapped", to: "storage_auto_scale", severity: "info", reason: `Storage autoscaling: RDS grows the disk up to storage_upper_bound when less than ${AUTOSCALE_THRESHOLD} % is free (storage_threshold), as AWS did.` });
}

function setVSwitch(ctx: TransformContext): string | undefined {
  const group = getAttribute(ctx.plan.original, "db_subnet_group_name")?.expr;
  if (!group) return undefined;
  const first = firstSubnetOfGroup(ctx, group);
  if (!first) {
    ctx.change({ argument: "db_subnet_group_name", kind: "note", severity: "warning", reason: "The subnet group is not part of this configuration, so the instance's vSwitch is unknown.", action: "Set vswitch_id to a vSwitch of the application's VPC." });
    return undefined;
  }
  setAttribute(ctx.block, "vswitch_id", first.expr);
  ctx.change({ argument: "db_subnet_group_name", kind: "value-mapped", to: `vswitch_id = ${first.expr}`, severity: "info", reason: "ApsaraDB RDS has no subnet groups: the instance takes the group's first subnet as its vSwitch (the zone follows it; the HA standby goes to zone_id_slave_a, which RDS chooses when unset)." });
  return first.subnet;
}

function setAccessList(ctx: TransformContext, subnet: string | undefined): void {
  const cidr = vpcCidrOfSubnet(ctx, subnet);
  if (cidr && !getAttribute(ctx.block, "security_ips")) {
    setAttribute(ctx.block, "security_ips", `[${cidr}]`);
    ctx.change({ argument: "vpc_security_group_ids", kind: "note", severity: "info", reason: `RDS only admits clients its IP list allows: security_ips = the VPC's range (${cidr}), next to the security groups.`, action: "Narrow the list to the application subnets if the security groups were stricter than the VPC." });
    return;
  }
  ctx.change({ argument: "vpc_security_group_ids", kind: "note", severity: "warning", reason: "RDS only admits clients its IP list (security_ips) or its security groups allow; the VPC range is not known here.", action: "Set security_ips to the application CIDRs if clients are not all in the listed security groups." });
}

function instanceId(ctx: TransformContext): string {
  return `${ctx.plan.target!.names.join(".")}.id`;
}

function emitAccountAndDatabase(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const user = getAttribute(o, "username");
  const password = getAttribute(o, "password");
  const name = ctx.top.name;
  if (user) {
    const items: ItemSpec[] = [
      { attr: "db_instance_id", expr: instanceId(ctx) },
      { attr: "account_name", expr: exprSource(user.expr) },
      ...(password ? [{ attr: "account_password", expr: exprSource(password.expr) }] : []),
      { attr: "account_type", expr: '"Super"' },
    ];
    ctx.emitAfter([{ type: "resource", labels: ["alicloud_rds_account", name], items }]);
    ctx.change({ argument: "username", kind: "moved", to: `alicloud_rds_account.${name}`, severity: password ? "info" : "warning", reason: "The master user becomes a privileged (Super) RDS account.", ...(password ? {} : { action: "Set account_password (a sensitive variable or a KMS secret)." }) });
  }
  const db = getAttribute(o, "db_name") ?? getAttribute(o, "name");
  if (db) {
    ctx.emitAfter([{ type: "resource", labels: ["alicloud_db_database", name], items: [{ attr: "instance_id", expr: instanceId(ctx) }, { attr: "data_base_name", expr: exprSource(db.expr) }] }]);
    ctx.change({ argument: "db_name", kind: "moved", to: `alicloud_db_database.${name}`, severity: "info", reason: "RDS creates databases as their own resource." });
  }
}

function emitBackupPolicy(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const days = getAttribute(o, "backup_retention_period");
  const window = literalString(o, "backup_window");
  if (!days && !window) return;
  const items: ItemSpec[] = [{ attr: "instance_id", expr: instanceId(ctx) }];
  let note = "";
  if (days) {
    const v = staticValue(days.expr);
    if (typeof v === "number") {
      const n = Math.min(BACKUP_DAYS.max, Math.max(BACKUP_DAYS.min, v));
      if (n !== v) note = `; the AWS retention of ${v} days became ${n} (RDS keeps ${BACKUP_DAYS.min}–${BACKUP_DAYS.max})`;
      items.push({ attr: "backup_retention_period", expr: String(n) });
    } else items.push({ attr: "backup_retention_period", expr: `max(${BACKUP_DAYS.min}, ${exprSource(days.expr)})` });
  }
  const hour = window ? backupHour(window) : undefined;
  if (hour) items.push({ attr: "preferred_backup_time", expr: quote(hour) });
  ctx.emitAfter([{ type: "resource", labels: ["alicloud_db_backup_policy", ctx.top.name], items }]);
  ctx.change({ argument: "backup_retention_period", kind: "moved", to: `alicloud_db_backup_policy.${ctx.top.name}`, severity: "info", reason: `Backups are an RDS backup policy${hour ? ` starting in the hour ${hour}` : ""}${note}.` });
}

/** AWS `endpoint` is host:port; RDS exports the host (connection_string) and the port apart. */
function rewriteEndpoint(ctx: TransformContext): void {
  rewriteReferencePaths(ctx, ctx.top.address, [{ from: ["endpoint"], to: (addr) => `"\${${addr}.address}:\${${addr}.port}"` }]);
}
