/**
 * What the compute transforms (instance, launch template, scaling group,
 * EBS volume) share: cloud-disk categories and performance levels from the
 * volume-types value map, AWS-only ids (AMIs, snapshots, KMS ARNs) that
 * become input variables, KMS key references that must read the key id,
 * and the RAM role behind an instance profile.
 */

import { blocksOf, type Attribute, type Block, type Expr } from "../hcl/cst.js";
import { findReferences, getAttribute, replaceAttributeValue } from "../hcl/edit.js";
import { exprSource, staticValue } from "../hcl/value.js";
import type { ValueMap } from "../mapping/values.js";
import type { Change } from "../report/model.js";
import { firstAddress } from "./aws-graph.js";
import type { TransformContext } from "./context.js";

// ---- input variables --------------------------------------------------------------------

/** `aws2ali_<address>_<what>` as a variable name. */
export function inputName(ctx: TransformContext, what: string): string {
  return `aws2ali_${ctx.top.address}_${what}`.replace(/^aws2ali_data\./, "aws2ali_data_").replace(/[^A-Za-z0-9_]/g, "_");
}

/** Declare an input variable of the stack (once) and return `var.<name>`. */
export function inputVariable(ctx: TransformContext, name: string, description: string, type = "string"): string {
  if (!ctx.stack.inputs.has(name)) ctx.stack.inputs.set(name, { type, description });
  return `var.${name}`;
}

/** Keep one of each identical report line (the engine reports a repeated block's arguments once per block). */
export function dedupeChanges(ctx: TransformContext): void {
  const seen = new Set<string>();
  ctx.plan.item.changes = ctx.plan.item.changes.filter((c) => {
    const key = `${c.argument}\u0000${c.kind}\u0000${c.severity}\u0000${c.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---- literals and references -------------------------------------------------------------

export function literal(expr: Expr | undefined): string | number | boolean | undefined {
  const v = expr ? staticValue(expr) : undefined;
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : undefined;
}

export function literalNumber(expr: Expr | undefined): number | undefined {
  const v = literal(expr);
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

/** The nested blocks named `name` of a block (dynamic ones apart). */
export function nested(block: Block, name: string): Block[] {
  return blocksOf(block.body).filter((b) => b.blockType.text === name);
}

export function firstNested(block: Block | undefined, name: string): Block | undefined {
  return block ? nested(block, name)[0] : undefined;
}

/** A plain reference `aws_x.n[...].attr` with its attribute swapped: `aws_subnet.a[0].id` → `aws_subnet.a[0].vpc_id`. */
export function swapAttribute(source: string, type: string, to: string): string | undefined {
  const m = new RegExp(`^(${type}\\.[A-Za-z_][A-Za-z0-9_-]*(?:\\[[^\\]]*\\])?)\\.[a-z_]+$`).exec(source.trim());
  return m ? `${m[1]}.${to}` : undefined;
}

// ---- KMS keys ----------------------------------------------------------------------------

/**
 * Alibaba arguments that take a key want its id; AWS code passes the ARN.
 * `aws_kms_key.k.arn` (and data.aws_kms_key) in the value read `.id`
 * instead (the references stage then renames the type); a literal AWS key
 * ARN or id becomes an input variable. Returns true when it changed something.
 */
export function kmsKeyToId(ctx: TransformContext, owner: Block, name: string, where: string): boolean {
  const attr = getAttribute(owner, name);
  if (!attr) return false;
  let changed = false;
  for (const ref of findReferences(attr.expr)) {
    const isKey = ref.root === "aws_kms_key" || (ref.root === "data" && ref.steps[0]?.kind === "attr" && ref.steps[0].name === "aws_kms_key");
    if (!isKey) continue;
    const step = ref.steps.find((s, k) => k > 0 && s.kind === "attr" && s.name === "arn");
    if (step?.kind === "attr" && step.node.type === "GetAttr") {
      step.node.name.text = "id";
      changed = true;
    }
  }
  const v = literal(attr.expr);
  if (typeof v === "string" && /^(arn:aws[a-z-]*:kms:|[0-9a-f]{8}-[0-9a-f]{4}-|alias\/)/.test(v)) {
    const variable = inputVariable(ctx, inputName(ctx, `${where.replace(/[^A-Za-z0-9]+/g, "_")}`), `Alibaba Cloud KMS key id for ${where} of ${ctx.top.address} (the AWS key ${v} does not exist on Alibaba Cloud).`);
    replaceAttributeValue(attr, variable);
    ctx.change({ argument: where, kind: "note", severity: "warning", reason: `The AWS KMS key ${JSON.stringify(v)} does not exist on Alibaba Cloud; the value became ${variable}.`, action: "Create the key in Alibaba Cloud KMS (alicloud_kms_key) and set the variable to its id." });
    return true;
  }
  if (changed) ctx.change({ argument: where, kind: "note", severity: "info", reason: "Alibaba Cloud takes the KMS key id here, not its ARN: the reference reads the key's id." });
  return changed;
}

// ---- images, instance types, snapshots ----------------------------------------------------------

/** A literal AMI id becomes an input variable; a variable whose default is an AMI id is reported. */
export function checkImage(ctx: TransformContext, owner: Block, name: string, where: string): void {
  const attr = getAttribute(owner, name);
  if (!attr) return;
  const v = literal(attr.expr);
  if (typeof v === "string" && /^ami-[0-9a-f]+$/.test(v)) {
    const variable = inputVariable(ctx, inputName(ctx, name), `Alibaba Cloud image id for ${ctx.top.address} (the AWS AMI ${v} does not exist on Alibaba Cloud).`);
    replaceAttributeValue(attr, variable);
    ctx.change({ argument: where, kind: "note", severity: "warning", reason: `AMI ids do not exist on Alibaba Cloud: ${JSON.stringify(v)} became ${variable}.`, action: "Set the variable to an Alibaba Cloud image id (a public image such as aliyun_3_x64…, or a custom image imported from the AMI or rebuilt with Packer's alicloud-ecs builder), or use data.alicloud_images." });
    return;
  }
  const m = /^var\.([A-Za-z_][A-Za-z0-9_-]*)$/.exec(exprSource(attr.expr).trim());
  if (!m) return;
  const variable = ctx.stack.dir.blocks.find((b) => b.kind === "variable" && b.name === m[1]);
  const def = variable ? literal(getAttribute(variable.block, "default")?.expr) : undefined;
  if (typeof def === "string" && /^ami-[0-9a-f]+$/.test(def)) {
    ctx.change({ argument: where, kind: "note", severity: "warning", reason: `var.${m[1]} defaults to the AWS AMI ${JSON.stringify(def)}, which does not exist on Alibaba Cloud.`, action: `Set var.${m[1]} (its default and every .tfvars value) to an Alibaba Cloud image id, or use data.alicloud_images.` });
  }
}

/** An instance type the instance-types map does not know stays an AWS name: it becomes an input variable. */
export function checkInstanceType(ctx: TransformContext, owner: Block, name: string, where: string): void {
  const attr = getAttribute(owner, name);
  const v = attr ? literal(attr.expr) : undefined;
  if (!attr || typeof v !== "string" || v.startsWith("ecs.") || !/^[a-z][a-z0-9-]*\.[a-z0-9]+$/.test(v)) return;
  const variable = inputVariable(ctx, inputName(ctx, `${where.replace(/[^A-Za-z0-9]+/g, "_")}`), `ECS instance type for ${ctx.top.address} (${where}); the AWS type ${v} has no known ECS equivalent.`);
  replaceAttributeValue(attr, variable);
  // The engine's "no equivalent" line for the same value says less.
  ctx.plan.item.changes = ctx.plan.item.changes.filter((c) => !c.reason.startsWith(`No Alibaba Cloud equivalent is known for ${JSON.stringify(v)}`));
  ctx.change({ argument: where, kind: "note", severity: "warning", reason: `The instance type ${JSON.stringify(v)} is not in the instance-types map, so it became ${variable} rather than an AWS name ECS would refuse.`, action: "Choose an ECS type with the same vCPU and memory (data.alicloud_instance_types { cpu_core_count, memory_size }) and set the variable." });
}

/** An AWS snapshot id names nothing on Alibaba Cloud. */
export function checkSnapshot(ctx: TransformContext, attr: Attribute | undefined, where: string): void {
  const v = attr ? literal(attr.expr) : undefined;
  if (typeof v === "string" && /^snap-[0-9a-f]+$/.test(v)) {
    ctx.change({ argument: where, kind: "note", severity: "warning", reason: `The EBS snapshot ${JSON.stringify(v)} does not exist on Alibaba Cloud.`, action: "Copy the data into an ECS snapshot (or an imported image) and use its id, or remove snapshot_id." });
  }
}

// ---- disks -------------------------------------------------------------------------------------

const LEVELS = ["PL0", "PL1", "PL2", "PL3"];

export interface DiskChoice {
  category?: string;
  level?: string;
  /** AutoPL provisioned IOPS on top of the size baseline (cloud_auto); undefined: none. */
  provisionedIops?: number;
  bursting?: boolean;
  /** AWS iops that have no setting and must be removed. */
  dropIops?: boolean;
  /** The size raised to the cloud-disk minimum. */
  size?: number;
  changes: Change[];
}

export interface DiskInput {
  /** The AWS volume type as written (undefined: absent; null: computed). */
  type: string | undefined | null;
  size: number | undefined;
  /** The size is given but computed. */
  sizeComputed?: boolean;
  iops: number | undefined;
  iopsGiven: boolean;
  /** Use the map's fallback where cloud_auto is refused (launch templates). */
  noAuto?: boolean;
  /** The level to use when the type is absent (AWS default gp2/gp3 → ESSD). */
  defaultLevel?: string;
  /** The AWS block's path in the report ("" for the resource itself, else e.g. "root_block_device."). */
  where: string;
  /** The AWS argument names. */
  names: { type: string; size: string; iops: string };
  /** Argument names in the target, for messages. */
  levelArg: string;
  iopsArg: string;
}

/** Category, performance level and IOPS of an ECS cloud disk for an EBS volume, from the volume-types map. */
export function chooseDisk(map: ValueMap | undefined, d: DiskInput): DiskChoice {
  const out: DiskChoice = { changes: [] };
  const at = (name: string): string => `${d.where}${name}`;
  const extra = (map?.extra ?? {}) as { performance_levels?: Record<string, string>; min_size_gib?: Record<string, number>; fallbacks?: Record<string, string>; fallback_performance_levels?: Record<string, string> };
  if (d.size !== undefined && d.size < 20) {
    out.size = 20;
    out.changes.push({ argument: at(d.names.size), kind: "value-mapped", to: "20", severity: "info", reason: `The volume is ${d.size} GiB; ECS cloud disks are at least 20 GiB, so the size became 20.` });
  }
  const size = out.size ?? d.size;
  if (d.type === null) return out;
  let category: string | undefined;
  let level: string | undefined;
  if (d.type === undefined) {
    category = "cloud_essd";
    level = d.defaultLevel;
  } else {
    const mapped = map?.entries[d.type];
    category = typeof mapped === "string" ? mapped : undefined;
    level = extra.performance_levels?.[d.type];
    if (category === "cloud_auto" && d.noAuto) {
      category = extra.fallbacks?.[d.type] ?? "cloud_essd";
      level = extra.fallback_performance_levels?.[d.type] ?? "PL1";
      out.changes.push({ argument: at(d.names.type), kind: "value-mapped", to: category, severity: "info", reason: `${d.type} maps to ESSD AutoPL (cloud_auto), which this disk does not accept; it became ${category} ${level}.` });
    }
  }
  if (!category) return out;
  out.category = category;
  if (category === "cloud_essd") {
    if (level && size !== undefined) {
      const wanted = level;
      const mins = extra.min_size_gib ?? { PL1: 20, PL2: 461, PL3: 1261 };
      let k = LEVELS.indexOf(level);
      while (k > 0 && size < (mins[LEVELS[k]!] ?? 0)) k--;
      level = LEVELS[k];
      if (level !== wanted) out.changes.push({ argument: at(d.names.type), kind: "value-mapped", to: level, severity: "info", reason: `${d.type ?? "The volume type"} maps to ESSD ${wanted}, which needs at least ${mins[wanted]} GiB; the ${size} GiB disk gets ${level}.` });
    } else if (level && level !== "PL0" && level !== "PL1" && (d.sizeComputed || size === undefined)) {
      out.changes.push({ argument: at(d.names.size), kind: "note", severity: "warning", reason: `ESSD ${level} needs a disk of at least ${level === "PL2" ? 461 : 1261} GiB, and the size here is not a literal.`, action: `Make sure the size allows ${level}, or lower ${d.levelArg}.` });
    }
    out.level = level;
    if (d.iopsGiven) {
      out.dropIops = true;
      out.changes.push({ argument: at(d.names.iops), kind: "dropped", severity: "warning", reason: `ESSD IOPS follow the disk size and performance level (${level ?? "PL1"}); there is no IOPS setting for cloud_essd.`, action: `Check the IOPS the workload needs against the ESSD ${level ?? "PL1"} limits for this size; raise ${d.levelArg} or the size if needed.` });
    }
  } else if (category === "cloud_auto") {
    out.bursting = true;
    if (d.iopsGiven) {
      if (d.iops === undefined || size === undefined) {
        out.dropIops = true;
        out.changes.push({ argument: at(d.names.iops), kind: "dropped", severity: "warning", reason: "AutoPL provisioned IOPS come on top of a baseline that depends on the disk size, and the IOPS or size here is not a literal.", action: `Set ${d.iopsArg} = max(0, <AWS iops> - min(1800 + 50 * <size GiB>, 50000)) by hand.` });
      } else {
        const base = Math.min(1800 + 50 * size, 50000);
        const extraIops = Math.max(0, d.iops - base);
        if (extraIops > 0) out.provisionedIops = extraIops;
        else out.dropIops = true;
        out.changes.push({ argument: at(d.names.iops), kind: "value-mapped", to: String(extraIops), severity: extraIops > 0 ? "warning" : "info", reason: `AWS gp3 iops (${d.iops}) include the 3,000 baseline; an AutoPL disk of ${size} GiB has a baseline of ${base} IOPS and bursts (bursting_enabled), so ${extraIops > 0 ? `${d.iopsArg} = ${extraIops} is provisioned on top` : "nothing needs provisioning"}.`, ...(extraIops > 0 ? { action: "Check the provisioned IOPS (billed separately); the baseline formula min(1800 + 50 × GiB, 50000) is Alibaba's published one and may change." } : {}) });
      }
    }
  } else if (d.iopsGiven) {
    out.dropIops = true;
    out.changes.push({ argument: at(d.names.iops), kind: "dropped", severity: "warning", reason: `${category} disks have no IOPS setting.`, action: "Use cloud_essd or cloud_auto if the workload needs the IOPS." });
  }
  return out;
}

/** The disk facts of an AWS block (root_block_device, ebs_block_device, ebs, aws_ebs_volume). */
export function diskInput(block: Block, names: { type: string; size: string; iops: string }): Pick<DiskInput, "type" | "size" | "sizeComputed" | "iops" | "iopsGiven" | "names"> {
  const t = getAttribute(block, names.type);
  const s = getAttribute(block, names.size);
  const i = getAttribute(block, names.iops);
  const tv = t ? literal(t.expr) : undefined;
  return {
    type: !t ? undefined : typeof tv === "string" ? tv : null,
    size: literalNumber(s?.expr),
    sizeComputed: s !== undefined && literalNumber(s.expr) === undefined,
    iops: literalNumber(i?.expr),
    iopsGiven: i !== undefined,
    names,
  };
}

// ---- instance profiles -----------------------------------------------------------------------

/**
 * The RAM role name behind an instance profile expression, as an HCL
 * expression in AWS terms (the references stage renames it): the profile's
 * `role` argument when the profile is in this configuration.
 */
export function roleOfProfile(ctx: TransformContext, expr: Expr): { role: string } | { missing: string } {
  const address = firstAddress(expr);
  if (address?.startsWith("aws_iam_instance_profile.")) {
    const profile = ctx.planOf(address);
    const role = profile && getAttribute(profile.original, "role");
    if (role) {
      // `aws_iam_role.r.id` is the role name in AWS too.
      const src = exprSource(role.expr);
      return { role: swapAttribute(src, "aws_iam_role", "name") ?? src };
    }
    return { missing: `${address} has no role in this configuration` };
  }
  const v = literal(expr);
  return { missing: typeof v === "string" ? `the instance profile ${JSON.stringify(v)} is not defined in this configuration` : `the instance profile ${exprSource(expr)} is computed` };
}
