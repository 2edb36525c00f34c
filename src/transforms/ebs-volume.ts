/**
 * aws_ebs_volume → alicloud_ecs_disk. A disk attaches only to an instance
 * in its zone, so the zone comes from the vSwitch of the instance it is
 * attached to when aws_volume_attachment says which; a hard-coded AWS zone
 * is otherwise looked up in data.alicloud_zones. The category and
 * performance level come from the volume-types map (ESSD levels stepped
 * down below their size floors, gp3 → AutoPL with IOPS above its baseline).
 */

import { getAttribute, removeAttribute, setAttribute } from "../hcl/edit.js";
import { exprSource } from "../hcl/value.js";
import { firstAddress, plansOfType, refersTo } from "./aws-graph.js";
import { checkSnapshot, chooseDisk, diskInput, kmsKeyToId, literal, swapAttribute } from "./compute-shared.js";
import type { TransformContext } from "./context.js";
import { retractChanges } from "./report-changes.js";
import { vswitchZone } from "./vswitch-zone.js";

export function ebsVolume(ctx: TransformContext): void {
  zone(ctx);
  performance(ctx);
  multiAttach(ctx);
  checkSnapshot(ctx, getAttribute(ctx.block, "snapshot_id"), "snapshot_id");
  kmsKeyToId(ctx, ctx.block, "kms_key_id", "kms_key_id");
}

/** The zone of the vSwitch of the instance this volume is attached to, else the AWS zone resolved by letter. */
function zone(ctx: TransformContext): void {
  const fromInstance = attachedInstanceZone(ctx);
  if (fromInstance) {
    setAttribute(ctx.block, "zone_id", fromInstance.expr);
    ctx.change({ argument: "availability_zone", kind: "value-mapped", to: fromInstance.expr, severity: "info", reason: `A disk attaches only to an instance in its zone: zone_id follows the vSwitch of ${fromInstance.instance} (attached by ${fromInstance.attachment}).` });
    return;
  }
  vswitchZone(ctx);
}

function attachedInstanceZone(ctx: TransformContext): { expr: string; instance: string; attachment: string } | undefined {
  for (const att of plansOfType(ctx, "aws_volume_attachment")) {
    if (!refersTo(getAttribute(att.original, "volume_id")?.expr, ctx.top.address)) continue;
    const instance = firstAddress(getAttribute(att.original, "instance_id")?.expr);
    const plan = instance?.startsWith("aws_instance.") ? ctx.planOf(instance) : undefined;
    const subnet = plan && getAttribute(plan.original, "subnet_id");
    const expr = subnet ? swapAttribute(exprSource(subnet.expr), "aws_subnet", "availability_zone") : undefined;
    // A subnet picked by count.index of the instance means nothing here.
    if (expr && !/count\.index|each\./.test(expr)) return { expr, instance: instance!, attachment: att.top.address };
  }
  return undefined;
}

function performance(ctx: TransformContext): void {
  const input = diskInput(ctx.plan.original, { type: "type", size: "size", iops: "iops" });
  const choice = chooseDisk(ctx.run.table.values.get("volume-types"), { ...input, where: "", defaultLevel: "PL1", levelArg: "performance_level", iopsArg: "provisioned_iops" });
  if (input.type === undefined) ctx.change({ argument: "type", kind: "note", severity: "info", reason: "No volume type: AWS creates gp2, which is ESSD PL1 (cloud_essd) on Alibaba Cloud." });
  if (choice.dropIops || choice.provisionedIops !== undefined) retractChanges(ctx, "iops");
  for (const c of choice.changes) ctx.change(c);
  if (choice.size !== undefined) setAttribute(ctx.block, "size", String(choice.size));
  if (choice.category) setAttribute(ctx.block, "category", JSON.stringify(choice.category));
  if (choice.level) setAttribute(ctx.block, "performance_level", JSON.stringify(choice.level));
  if (choice.bursting) setAttribute(ctx.block, "bursting_enabled", "true");
  if (choice.provisionedIops !== undefined) setAttribute(ctx.block, "provisioned_iops", String(choice.provisionedIops));
  else if (choice.dropIops) removeAttribute(ctx.block, "provisioned_iops");
}

function multiAttach(ctx: TransformContext): void {
  const attr = getAttribute(ctx.plan.original, "multi_attach_enabled");
  if (!attr || literal(attr.expr) === false) return;
  ctx.change({ argument: "multi_attach_enabled", kind: "note", severity: "warning", reason: 'Multi-attach (multi_attach = "Enabled") needs an ESSD disk (cloud_essd) and instance families that support NVMe shared disks, and the file system on it must be cluster-aware, as on AWS.', action: "Check that the instance types support multi-attach ESSDs in the target zone." });
}
