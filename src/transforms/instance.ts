/**
 * aws_instance → alicloud_instance: what the rule's data cannot say.
 *   - The instance profile's role is attached with alicloud_ecs_ram_role_attachment
 *     (alicloud_instance.role_name is deprecated).
 *   - Disks get an ECS category and performance level from the volume-types
 *     map (ESSD levels stepped down below their size floors; gp3 → AutoPL with
 *     the IOPS above its baseline provisioned), and at least 20 GiB.
 *   - Spot with a price limit is SpotWithPriceLimit.
 *   - launch_template versions "$Default" / "$Latest" have no literal form.
 *   - AMI ids and unmapped instance types become input variables.
 */

import { blocksOf, type Block } from "../hcl/cst.js";
import { getAttribute, removeAttribute, setAttribute } from "../hcl/edit.js";
import { exprSource } from "../hcl/value.js";
import { firstAddress, instanceRef, repetition } from "./aws-graph.js";
import { checkImage, checkInstanceType, checkSnapshot, chooseDisk, dedupeChanges, diskInput, firstNested, inputName, inputVariable, kmsKeyToId, literal, literalNumber, nested, roleOfProfile } from "./compute-shared.js";
import type { TransformContext } from "./context.js";
import { replayFlattened } from "./flatten-nested.js";
import { retractChanges } from "./report-changes.js";

export function instance(ctx: TransformContext): void {
  replayFlattened(ctx);
  checkImage(ctx, ctx.block, "image_id", "ami");
  checkInstanceType(ctx, ctx.block, "instance_type", "instance_type");
  systemDisk(ctx);
  dataDisks(ctx);
  spotPrice(ctx, ctx.block, firstNested(firstNested(ctx.plan.original, "instance_market_options"), "spot_options"), "instance_market_options.spot_options.max_price");
  launchTemplateVersion(ctx);
  ramRoleAttachment(ctx);
  dedupeChanges(ctx);
}

function systemDisk(ctx: TransformContext): void {
  const root = firstNested(ctx.plan.original, "root_block_device");
  if (!root) return;
  const input = diskInput(root, { type: "volume_type", size: "volume_size", iops: "iops" });
  const choice = chooseDisk(ctx.run.table.values.get("volume-types"), { ...input, where: "root_block_device.", levelArg: "system_disk_performance_level", iopsArg: "system_disk_provisioned_iops" });
  for (const c of choice.changes) ctx.change(c);
  if (choice.size !== undefined) setAttribute(ctx.block, "system_disk_size", String(choice.size));
  if (choice.category) setAttribute(ctx.block, "system_disk_category", JSON.stringify(choice.category));
  if (choice.level) setAttribute(ctx.block, "system_disk_performance_level", JSON.stringify(choice.level));
  if (choice.bursting) setAttribute(ctx.block, "system_disk_bursting_enabled", "true");
  if (choice.provisionedIops !== undefined) setAttribute(ctx.block, "system_disk_provisioned_iops", String(choice.provisionedIops));
  else if (choice.dropIops) removeAttribute(ctx.block, "system_disk_provisioned_iops");
  kmsKeyToId(ctx, ctx.block, "system_disk_kms_key_id", "root_block_device.kms_key_id");
}

/** ebs_block_device blocks became data_disks blocks, in the same order. */
function dataDisks(ctx: TransformContext): void {
  const originals = nested(ctx.plan.original, "ebs_block_device");
  const disks = blocksOf(ctx.block.body).filter((b) => b.blockType.text === "data_disks");
  originals.forEach((orig, k) => {
    const disk = disks[k];
    if (!disk) return;
    const where = originals.length === 1 ? "ebs_block_device" : `ebs_block_device[${k}]`;
    const input = diskInput(orig, { type: "volume_type", size: "volume_size", iops: "iops" });
    const choice = chooseDisk(ctx.run.table.values.get("volume-types"), { ...input, where: `${where}.`, defaultLevel: "PL1", levelArg: "data_disks.performance_level", iopsArg: "data_disks.provisioned_iops" });
    if (choice.dropIops || choice.provisionedIops !== undefined) retractChanges(ctx, "ebs_block_device.iops");
    for (const c of choice.changes) ctx.change(c);
    applyDiskChoice(disk, choice);
    if (!getAttribute(disk, "size")) {
      const variable = inputVariable(ctx, inputName(ctx, `data_disk_${k}_size`), `Size in GiB of data disk ${k + 1} (${where}) of ${ctx.top.address}: AWS took it from the snapshot, ECS needs it.`, "number");
      setAttribute(disk, "size", variable);
      ctx.change({ argument: `${where}.volume_size`, kind: "note", severity: "warning", reason: `ECS data disks need a size; AWS took it from the snapshot, so it became ${variable}.`, action: "Set the variable to the snapshot's size (at least 20 GiB)." });
    }
    if (!getAttribute(disk, "category")) setAttribute(disk, "category", '"cloud_essd"');
    checkSnapshot(ctx, getAttribute(disk, "snapshot_id"), `${where}.snapshot_id`);
    kmsKeyToId(ctx, disk, "kms_key_id", `${where}.kms_key_id`);
  });
}

export function applyDiskChoice(disk: Block, choice: ReturnType<typeof chooseDisk>): void {
  if (choice.size !== undefined) setAttribute(disk, "size", String(choice.size));
  if (choice.category) setAttribute(disk, "category", JSON.stringify(choice.category));
  if (choice.level) setAttribute(disk, "performance_level", JSON.stringify(choice.level));
  if (choice.bursting) setAttribute(disk, "bursting_enabled", "true");
  if (choice.provisionedIops !== undefined) setAttribute(disk, "provisioned_iops", String(choice.provisionedIops));
  else if (choice.dropIops) removeAttribute(disk, "provisioned_iops");
}

/** A spot price limit means SpotWithPriceLimit (the rule maps market_type spot to SpotAsPriceGo). */
export function spotPrice(ctx: TransformContext, owner: Block, spotOptions: Block | undefined, where: string): void {
  const max = spotOptions && getAttribute(spotOptions, "max_price");
  if (!max) return;
  const n = literalNumber(max.expr);
  if (n !== undefined) setAttribute(owner, "spot_price_limit", String(n));
  else if (literal(max.expr) === "") {
    removeAttribute(owner, "spot_price_limit");
    return;
  }
  setAttribute(owner, "spot_strategy", '"SpotWithPriceLimit"');
  ctx.change({ argument: where, kind: "value-mapped", to: "spot_strategy = \"SpotWithPriceLimit\"", severity: "warning", reason: `The spot price limit ${exprSource(max.expr)} became spot_price_limit with spot_strategy = "SpotWithPriceLimit": the limit is an hourly price in the Alibaba Cloud account's currency, not US dollars.`, action: "Convert the price to the account currency and check it against current ECS preemptible prices, or use SpotAsPriceGo (pay the market price, capped at the pay-as-you-go price)." });
}

function launchTemplateVersion(ctx: TransformContext): void {
  const lt = firstNested(ctx.plan.original, "launch_template");
  const version = lt && getAttribute(lt, "version");
  const v = version ? literal(version.expr) : undefined;
  if (!lt || (v !== "$Default" && v !== "$Latest")) return;
  if (v === "$Default") {
    removeAttribute(ctx.block, "launch_template_version");
    ctx.change({ argument: "launch_template.version", kind: "dropped", severity: "info", reason: 'ECS uses the template\'s default version when no version is given ("$Default").' });
    return;
  }
  const template = firstAddress(getAttribute(lt, "id")?.expr) ?? firstAddress(getAttribute(lt, "name")?.expr);
  if (template?.startsWith("aws_launch_template.") && ctx.planOf(template)) {
    setAttribute(ctx.block, "launch_template_version", `tostring(${template}.latest_version)`);
    ctx.change({ argument: "launch_template.version", kind: "value-mapped", to: "latest_version_number", severity: "info", reason: '"$Latest" has no literal form in ECS: the version is the template\'s latest_version_number.' });
  } else {
    removeAttribute(ctx.block, "launch_template_version");
    ctx.change({ argument: "launch_template.version", kind: "dropped", severity: "warning", reason: '"$Latest" has no literal form in ECS and the template is not in this configuration, so the instance uses the template\'s default version.', action: "Set launch_template_version to the version number to use, or make it the template's default version." });
  }
}

/** iam_instance_profile → alicloud_ecs_ram_role_attachment for the profile's role. */
function ramRoleAttachment(ctx: TransformContext): void {
  const profile = getAttribute(ctx.plan.original, "iam_instance_profile");
  if (!profile) return;
  const found = roleOfProfile(ctx, profile.expr);
  retractChanges(ctx, "iam_instance_profile");
  let role: string;
  if ("role" in found) role = found.role;
  else {
    role = inputVariable(ctx, inputName(ctx, "ram_role_name"), `RAM role to attach to ${ctx.top.address} (it had the instance profile ${exprSource(profile.expr)}).`);
    ctx.change({ argument: "iam_instance_profile", kind: "note", severity: "warning", reason: `The RAM role could not be found: ${found.missing}; the attachment takes ${role}.`, action: "Set the variable to the name of a RAM role whose trust policy allows ecs.aliyuncs.com." });
  }
  const instanceId = `${instanceRef(`${ctx.rule.to}.${ctx.top.name}`, ctx.plan.original)}.id`;
  ctx.emitAfter([
    {
      type: "resource",
      labels: ["alicloud_ecs_ram_role_attachment", ctx.top.name],
      items: [...repetition(ctx.plan.original), { attr: "instance_id", expr: instanceId }, { attr: "ram_role_name", expr: role }],
    },
  ]);
  ctx.change({ argument: "iam_instance_profile", kind: "moved", to: `alicloud_ecs_ram_role_attachment.${ctx.top.name}`, severity: "info", reason: "ECS instances take a RAM role directly; the profile's role is attached by alicloud_ecs_ram_role_attachment. Its trust policy must allow ecs.aliyuncs.com." });
}
