/**
 * Database groups: parameter groups and subnet groups.
 *
 * - aws_db_parameter_group → alicloud_rds_parameter_group (MySQL, MariaDB,
 *   PostgreSQL templates), or alicloud_polardb_parameter_group for Aurora
 *   families; engines with no template resource stay manual.
 * - aws_db_subnet_group / aws_elasticache_subnet_group → nothing: Alibaba
 *   databases take their vSwitch and zone directly (the db-instance,
 *   rds-cluster and elasticache-replication-group transforms read the
 *   group's subnets); the group is folded into the databases that use it.
 */

import { blocksOf } from "../hcl/cst.js";
import { blockLabels, getAttribute, quote, removeAttribute, removeBlock, renameAttribute, renameBlock, setAttribute } from "../hcl/edit.js";
import { exprSource, staticValue } from "../hcl/value.js";
import { nestedOriginals, refersTo } from "./aws-graph.js";
import type { Plan, TransformContext } from "./context.js";
import { foldInto, keepAsManual } from "./fold.js";
import { retractChanges } from "./report-changes.js";
import { inputVariable, switchTarget } from "./retarget.js";
import { rewriteReferenceText } from "./serverless-shared.js";

/** alicloud_rds_parameter_group.engine_version enum (provider schema). */
const RDS_VERSIONS = new Set(["10.3", "5.1", "5.5", "5.6", "5.7", "8.0", "10.0", "11.0", "12.0", "13.0", "14.0", "15.0"]);
/** PolarDB versions a parameter group can target (docs, polardb_parameter_group / CreateDBCluster DBVersion). */
const POLARDB_PG_VERSIONS = [11, 14, 15];
/** Parameter names only AWS has: RDS and Aurora specifics. */
const AWS_ONLY = /^(rds\.|aurora_|aurora\.|apg_|aws_|pgaudit\.role$)/;

interface Family {
  target: "rds" | "polardb";
  engine: string;
  version: string;
  note?: string;
}

/** "mysql8.0" → RDS mysql 8.0; "aurora-postgresql14" → PolarDB PostgreSQL 14; undefined: no template resource. */
export function parameterFamily(family: string): Family | { manual: string } | undefined {
  let m = /^mysql(5\.[5-7]|8\.0)$/.exec(family);
  if (m) return { target: "rds", engine: "mysql", version: m[1]! };
  m = /^mariadb(10\.\d+)$/.exec(family);
  if (m) return { target: "rds", engine: "mariadb", version: "10.3", ...(m[1] !== "10.3" ? { note: `ApsaraDB RDS for MariaDB offers 10.3; ${family} parameters may differ` } : {}) };
  m = /^postgres(\d+)$/.exec(family);
  if (m) {
    const v = `${m[1]}.0`;
    if (RDS_VERSIONS.has(v)) return { target: "rds", engine: "PostgreSQL", version: v };
    return { manual: `alicloud_rds_parameter_group accepts PostgreSQL up to 15.0; ${family} has no template version in this provider` };
  }
  m = /^aurora(?:-mysql)?(5\.6|5\.7|8\.0)$/.exec(family);
  if (m) return { target: "polardb", engine: "MySQL", version: m[1]! };
  m = /^aurora-postgresql(\d+)$/.exec(family);
  if (m) {
    const n = Number(m[1]);
    const v = POLARDB_PG_VERSIONS.find((x) => x >= n) ?? POLARDB_PG_VERSIONS[POLARDB_PG_VERSIONS.length - 1]!;
    return { target: "polardb", engine: "PostgreSQL", version: String(v), ...(v !== n ? { note: `PolarDB for PostgreSQL offers ${POLARDB_PG_VERSIONS.join(", ")}; Aurora PostgreSQL ${n} became ${v}` } : {}) };
  }
  if (/^(sqlserver|oracle|db2|custom-)/.test(family)) return { manual: `${family} is an engine alicloud_rds_parameter_group does not take (it takes MySQL, MariaDB and PostgreSQL)` };
  return undefined;
}

export function dbParameterGroup(ctx: TransformContext): void {
  const fam = getAttribute(ctx.plan.original, "family");
  const value = fam ? staticValue(fam.expr) : undefined;
  retractChanges(ctx, "family");
  let family: Family;
  if (typeof value === "string") {
    const f = parameterFamily(value);
    if (!f || "manual" in f) {
      keepAsManual(ctx, { reason: f ? `${f.manual}.` : `aws2ali knows no Alibaba Cloud database for the parameter group family ${value}.`, action: "Set the parameters on the instance's Alibaba Cloud counterpart by hand (RDS console → Parameters, or the instance's parameters block).", alternative: "alicloud_db_instance parameters { name, value }", effort_hours: 1 });
      return;
    }
    family = f;
  } else {
    family = { target: "rds", engine: inputVariable(ctx, `${ctx.top.name}_engine`, `RDS engine of the parameter template ${ctx.top.name}: mysql, mariadb or PostgreSQL.`, { type: "string" }), version: inputVariable(ctx, `${ctx.top.name}_engine_version`, `Engine version of the parameter template ${ctx.top.name} (5.7, 8.0, 10.3, 14.0, …).`, { type: "string" }) };
    ctx.change({ argument: "family", kind: "note", severity: "warning", reason: `The family comes from ${fam ? exprSource(fam.expr) : "(unset)"}; Alibaba takes engine and engine_version apart (input variables here).`, action: `Set ${ctx.top.name}_engine and ${ctx.top.name}_engine_version.` });
  }
  const kept = filterParameters(ctx);
  if (kept === 0) {
    const n = rewriteReferenceText(ctx, ctx.top.address, (_a, rest) => (/^\.(name|id)$/.test(rest) ? "null" : undefined));
    foldInto(ctx, "(none)", `it sets no parameter Alibaba Cloud can take (a template needs at least one), so the database keeps the default parameters${n > 0 ? "; references to it are null" : ""}.`);
    ctx.plan.item.changes.push({ argument: "parameter", kind: "note", severity: "info", reason: "No parameters to carry over: the database uses the default parameter template." });
    return;
  }
  const isVar = (s: string): boolean => s.startsWith("var.");
  if (family.target === "rds") {
    setAttribute(ctx.block, "engine", isVar(family.engine) ? family.engine : quote(family.engine));
    setAttribute(ctx.block, "engine_version", isVar(family.version) ? family.version : quote(family.version));
    if (typeof value === "string") ctx.change({ argument: "family", kind: "value-mapped", to: `engine = "${family.engine}", engine_version = "${family.version}"`, severity: family.note ? "warning" : "info", reason: `${value} → RDS ${family.engine} ${family.version}${family.note ? ` (${family.note})` : ""}.`, ...(family.note ? { action: "Check the parameters against the RDS engine version." } : {}) });
    nameArgument(ctx);
    return;
  }
  toPolarDb(ctx, family, value as string);
}

/** parameter_group_name is required: name_prefix or the resource name when AWS generated one. */
function nameArgument(ctx: TransformContext): void {
  if (getAttribute(ctx.block, "parameter_group_name")) {
    if (getAttribute(ctx.plan.original, "name_prefix")) ctx.change({ argument: "name_prefix", kind: "note", severity: "info", reason: "The prefix is used as the whole name: Alibaba names are not generated." });
    return;
  }
  setAttribute(ctx.block, "parameter_group_name", quote(ctx.top.name));
  ctx.change({ argument: "name", kind: "note", to: JSON.stringify(ctx.top.name), severity: "info", reason: "AWS generated the name; the template is named after the resource." });
}

/** Drop parameters only AWS has, and formula values; returns how many parameter blocks are left. */
function filterParameters(ctx: TransformContext): number {
  const originals = nestedOriginals(ctx.plan, "parameter");
  const blocks = blocksOf(ctx.block.body).filter((b) => b.blockType.text === "param_detail");
  let kept = blocksOf(ctx.block.body).filter((b) => b.blockType.text === "dynamic").length;
  originals.forEach((o, k) => {
    const b = blocks[k];
    if (!b) return;
    const name = getAttribute(o, "name");
    const value = getAttribute(o, "value");
    const n = name ? staticValue(name.expr) : undefined;
    const v = value ? staticValue(value.expr) : undefined;
    if (typeof n === "string" && AWS_ONLY.test(n)) {
      removeBlock(ctx.block, b);
      ctx.change({ argument: `parameter.${n}`, kind: "dropped", severity: "warning", reason: `${n} is an AWS-only parameter (RDS / Aurora specific).`, action: "Check whether an Alibaba Cloud setting replaces it (RDS console → Parameters)." });
      return;
    }
    if (typeof v === "string" && /\{[A-Za-z][^}]*\}/.test(v)) {
      removeBlock(ctx.block, b);
      ctx.change({ argument: `parameter.${typeof n === "string" ? n : k}`, kind: "dropped", severity: "warning", reason: `The value ${v} is an AWS formula ({DBInstanceClassMemory} and friends); Alibaba templates take plain values.`, action: "Compute the value for the instance's memory and set it." });
      return;
    }
    if (typeof v === "number" || typeof v === "boolean") setAttribute(b, "param_value", quote(String(v)));
    kept++;
  });
  retractChanges(ctx, "parameter.apply_method");
  return kept;
}

/** Aurora families → alicloud_polardb_parameter_group { db_type, db_version, parameters {…} }. */
function toPolarDb(ctx: TransformContext, family: Family, awsFamily: string): void {
  switchTarget(ctx, "alicloud_polardb_parameter_group");
  renameAttribute(ctx.block, "parameter_group_desc", "description");
  removeAttribute(ctx.block, "engine");
  removeAttribute(ctx.block, "engine_version");
  setAttribute(ctx.block, "db_type", quote(family.engine));
  setAttribute(ctx.block, "db_version", quote(family.version));
  for (const b of blocksOf(ctx.block.body)) {
    if (b.blockType.text === "param_detail") renameBlock(b, "parameters");
    else if (b.blockType.text === "dynamic" && blockLabels(b)[0] === "param_detail") renameBlock(b, undefined, ["parameters"]);
  }
  if (!getAttribute(ctx.block, "parameter_group_name")) setAttribute(ctx.block, "parameter_group_name", quote(ctx.top.name));
  ctx.change({ argument: "family", kind: "value-mapped", to: `alicloud_polardb_parameter_group (${family.engine} ${family.version})`, severity: "warning", reason: `${awsFamily} is an Aurora family: the parameters become a PolarDB parameter group${family.note ? ` (${family.note})` : ""}. PolarDB applies parameter groups to the whole cluster (parameter_group_id on alicloud_polardb_cluster); Aurora instance-level parameters have no per-node place.`, action: "Reference the group from the PolarDB cluster (parameter_group_id), and check each parameter exists in PolarDB." });
}

// ---- subnet groups ---------------------------------------------------------------------------------

/** Databases of the folder that name this subnet group, translated. */
function consumersOf(ctx: TransformContext): Plan[] {
  const name = getAttribute(ctx.plan.original, "name");
  const literal = name ? staticValue(name.expr) : undefined;
  const out: Plan[] = [];
  for (const p of ctx.run.plans.values()) {
    if (p.top.unit.dir !== ctx.stack.dir.dir || !p.rule?.to) continue;
    const arg = getAttribute(p.original, "db_subnet_group_name") ?? getAttribute(p.original, "subnet_group_name");
    if (!arg || p === ctx.plan) continue;
    if (refersTo(arg.expr, ctx.top.address) || (typeof literal === "string" && staticValue(arg.expr) === literal)) out.push(p);
  }
  return out;
}

/**
 * The group is not emitted: each database takes its vSwitch (and zone)
 * from the group's subnets. `.subnet_ids` references keep working (the
 * subnets' list); other attributes become input variables.
 */
export function dbSubnetGroup(ctx: TransformContext): void {
  const consumers = consumersOf(ctx);
  const ids = getAttribute(ctx.plan.original, "subnet_ids");
  if (ids) rewriteReferenceText(ctx, ctx.top.address, (_a, rest) => (rest === ".subnet_ids" ? exprSource(ids.expr) : undefined));
  const targets = consumers.map((p) => p.target!.names.join("."));
  const where = targets.length > 0 ? targets.join(", ") : "(none)";
  foldInto(ctx, where, `Alibaba Cloud databases have no subnet groups; ${targets.length > 0 ? `${targets.join(", ")} take${targets.length === 1 ? "s" : ""} the group's first subnet as vswitch_id (and its zone)` : "no database of this folder uses the group"}.`);
  ctx.plan.item.changes.push({ argument: "subnet_ids", kind: "note", severity: "info", reason: targets.length > 0 ? `The subnets now place ${targets.join(", ")} directly (vswitch_id, zone_id).` : "Nothing in this folder uses the group; databases elsewhere must set vswitch_id and zone_id themselves." });
}
