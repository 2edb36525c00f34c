/**
 * Database values that depend on the engine, which a rule's value map
 * cannot see: the engine version (db-engines `versions`, longest matching
 * prefix per engine), the instance class (db-classes: exact entries, else
 * composed from family ratio and size and accepted only when the class is
 * known), and the AWS backup window, which Alibaba takes as whole UTC
 * hours; also the subnet group and access list lookups. Shared by the
 * rds-cluster and db-instance transforms.
 */

import { type Block, type Expr } from "../hcl/cst.js";
import { getAttribute } from "../hcl/edit.js";
import { exprSource, staticValue } from "../hcl/value.js";
import type { MappingTable } from "../mapping/load.js";
import { firstAddress } from "./aws-graph.js";
import type { TransformContext } from "./context.js";

export interface Mapped {
  value?: string;
  note?: string;
}

export function mapEngine(table: MappingTable, engine: string): string | undefined {
  const v = table.values.get("db-engines")?.entries[engine];
  return typeof v === "string" ? v : undefined;
}

/** "8.0.mysql_aurora.3.05.2" → "8.0"; "15.5" → "15.0": the longest key equal to the version or followed by ".". */
export function mapEngineVersion(table: MappingTable, engine: string, version: string): Mapped {
  const map = table.values.get("db-engines");
  const versions = ((map?.extra.versions ?? {}) as Record<string, Record<string, string>>)[engine] ?? {};
  const key = Object.keys(versions).filter((k) => version === k || version.startsWith(`${k}.`)).sort((a, b) => b.length - a.length)[0];
  const note = map?.notes[engine];
  return key ? { value: String(versions[key]), ...(note ? { note } : {}) } : { ...(note ? { note } : {}) };
}

/** The newest version the map knows for an engine (AWS creates the newest when none is given). */
export function newestEngineVersion(table: MappingTable, engine: string): string | undefined {
  const versions = ((table.values.get("db-engines")?.extra.versions ?? {}) as Record<string, Record<string, string>>)[engine] ?? {};
  const values = Object.values(versions).map(String);
  return values[values.length - 1];
}

/** "db.r6g.large" for an engine → RDS instance type / PolarDB node class, as db-classes.yaml describes. */
export function mapDbClass(table: MappingTable, engine: string, awsClass: string): Mapped {
  const map = table.values.get("db-classes");
  if (!map) return {};
  const exact = map.entries[`${engine}:${awsClass}`];
  const exactNote = map.notes[`${engine}:${awsClass}`];
  if (typeof exact === "string") return { value: exact, ...(exactNote ? { note: exactNote } : {}) };
  const m = /^(db\.[a-z0-9]+)\.([a-z0-9]+)$/.exec(awsClass);
  const x = map.extra as Record<string, Record<string, unknown>>;
  const prefix = x.prefixes?.[engine];
  const suffix = x.suffixes?.[engine];
  const ratio = m ? x.ratios?.[m[1]!] : undefined;
  const size = m ? x.sizes?.[m[2]!] : undefined;
  const engineNote = map.notes[engine];
  if (typeof prefix !== "string" || typeof ratio !== "string" || typeof size !== "string") return { ...(engineNote ? { note: engineNote } : {}) };
  const composed = `${prefix}.${ratio}.${size}${typeof suffix === "string" ? suffix : ""}`;
  const known = (x.known_classes?.[engine] ?? []) as string[];
  if (!known.includes(composed)) return { note: `${composed} (composed from ${awsClass}) is not a known class${engineNote ? `; ${engineNote}` : ""}` };
  return { value: composed, note: `composed from ${awsClass}: same memory per vCPU family and size${engineNote ? `; ${engineNote}` : ""}` };
}

/** "03:00-04:00" → "03:00Z-04:00Z": backups start in a whole UTC hour on Alibaba Cloud. */
export function backupHour(aws: string): string | undefined {
  const m = /^(\d{2}):\d{2}-/.exec(aws);
  if (!m) return undefined;
  const h = Number(m[1]);
  return `${String(h).padStart(2, "0")}:00Z-${String(h + 1).padStart(2, "0")}:00Z`;
}

export function literalString(block: Block, name: string): string | undefined {
  const a = getAttribute(block, name);
  const v = a ? staticValue(a.expr) : undefined;
  return typeof v === "string" ? v : undefined;
}

/**
 * The first subnet of the aws_db_subnet_group a database names: RDS,
 * PolarDB and Redis take one vSwitch where AWS takes a group. Returns the
 * expression (AWS form; the references stage renames it) and the subnet's
 * address when it is a resource of the folder.
 */
export function firstSubnetOfGroup(ctx: TransformContext, groupExpr: Expr | undefined): { expr: string; subnet?: string } | undefined {
  const group = firstAddress(groupExpr);
  const plan = group?.startsWith("aws_db_subnet_group.") ? ctx.planOf(group) : undefined;
  const ids = plan ? getAttribute(plan.original, "subnet_ids")?.expr : undefined;
  if (!ids) return undefined;
  const subnet = firstAddress(ids);
  if (ids.type === "Tuple") return ids.elements[0] ? { expr: exprSource(ids.elements[0]), ...(subnet ? { subnet } : {}) } : undefined;
  // aws_subnet.private[*].id → aws_subnet.private[0].id
  const splat = /^(.*)\[\*\](\.[a-z_]+)$/.exec(exprSource(ids));
  if (splat) return { expr: `${splat[1]}[0]${splat[2]}`, ...(subnet ? { subnet } : {}) };
  return { expr: `${exprSource(ids)}[0]`, ...(subnet ? { subnet } : {}) };
}

/** The VPC CIDR of a subnet of the folder (for database access lists), as an expression. */
export function vpcCidrOfSubnet(ctx: TransformContext, subnet: string | undefined): string | undefined {
  const s = subnet ? ctx.planOf(subnet) : undefined;
  const vpc = s ? firstAddress(getAttribute(s.original, "vpc_id")?.expr) : undefined;
  const v = vpc?.startsWith("aws_vpc.") ? ctx.planOf(vpc) : undefined;
  const cidr = v ? getAttribute(v.original, "cidr_block") : undefined;
  return cidr ? exprSource(cidr.expr) : undefined;
}
