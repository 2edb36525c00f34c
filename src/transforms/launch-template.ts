/**
 * aws_launch_template → alicloud_ecs_launch_template: what the rule's data
 * cannot say.
 *   - The root block device mapping becomes system_disk; the others stay
 *     data_disks. Categories and ESSD levels come from the volume-types map
 *     (launch templates refuse cloud_auto: gp3 uses the map's fallback).
 *   - The primary network interface is flattened into the template, a
 *     second one becomes the network_interfaces block; the vSwitch gives the
 *     template its VPC and zone.
 *   - The instance profile's role becomes ram_role_name; the tags of the
 *     instance / volume / network-interface tag specifications become tags.
 *   - Spot price limits and block durations; AMI ids and unmapped types.
 */

import { blocksOf, type Block } from "../hcl/cst.js";
import { addBlock, getAttribute, removeAttribute, removeBlock, setAttribute } from "../hcl/edit.js";
import type { ItemSpec } from "../hcl/format.js";
import { exprSource, staticValue } from "../hcl/value.js";
import { checkImage, checkInstanceType, checkSnapshot, chooseDisk, dedupeChanges, diskInput, firstNested, inputName, inputVariable, kmsKeyToId, literal, literalNumber, nested, roleOfProfile, swapAttribute } from "./compute-shared.js";
import type { TransformContext } from "./context.js";
import { replayFlattened } from "./flatten-nested.js";
import { retractChanges } from "./report-changes.js";
import { spotPrice } from "./instance.js";
import { vswitchZone } from "./vswitch-zone.js";

const ROOT_DEVICES = new Set(["/dev/xvda", "/dev/sda1", "/dev/sda", "xvda", "sda1"]);

export function launchTemplate(ctx: TransformContext): void {
  replayFlattened(ctx);
  checkImage(ctx, ctx.block, "image_id", "image_id");
  checkInstanceType(ctx, ctx.block, "instance_type", "instance_type");
  disks(ctx);
  if (getAttribute(ctx.block, "zone_id")) vswitchZone(ctx);
  networkInterfaces(ctx);
  ramRole(ctx);
  tagSpecifications(ctx);
  const spotOptions = firstNested(firstNested(ctx.plan.original, "instance_market_options"), "spot_options");
  spotPrice(ctx, ctx.block, spotOptions, "instance_market_options.spot_options.max_price");
  spotDuration(ctx, spotOptions);
  dedupeChanges(ctx);
}

// ---- disks ------------------------------------------------------------------------------

function disks(ctx: TransformContext): void {
  const originals = nested(ctx.plan.original, "block_device_mappings");
  if (originals.length === 0) return;
  const translated = blocksOf(ctx.block.body).filter((b) => b.blockType.text === "data_disks");
  const names = originals.map((b) => getAttribute(b, "device_name"));
  let root = names.findIndex((a) => ROOT_DEVICES.has(String(literal(a?.expr))));
  if (root < 0 && names.some((a) => a && literal(a.expr) === undefined)) {
    root = 0;
    ctx.change({ argument: "block_device_mappings[0]", kind: "note", severity: "warning", reason: "The device names are computed, so aws2ali took the first mapping for the root volume (system_disk).", action: "Check that the first mapping is the AMI's root device; move it back to data_disks if it is not." });
  }
  const map = ctx.run.table.values.get("volume-types");
  originals.forEach((orig, k) => {
    const disk = translated[k];
    if (!disk) return;
    const where = `block_device_mappings[${k}]`;
    const ebs = firstNested(orig, "ebs");
    if (!ebs) {
      removeBlock(ctx.block, disk);
      return;
    }
    const input = diskInput(ebs, { type: "volume_type", size: "volume_size", iops: "iops" });
    const choice = chooseDisk(map, { ...input, iopsGiven: false, noAuto: true, where: `${where}.ebs.`, defaultLevel: "PL1", levelArg: k === root ? "system_disk.performance_level" : "data_disks.performance_level", iopsArg: "" });
    for (const c of choice.changes) ctx.change(c);
    if (choice.size !== undefined) setAttribute(disk, "size", String(choice.size));
    if (choice.category) setAttribute(disk, "category", JSON.stringify(choice.category));
    if (choice.level) setAttribute(disk, "performance_level", JSON.stringify(choice.level));
    kmsKeyToId(ctx, disk, "kms_key_id", `${where}.ebs.kms_key_id`);
    checkSnapshot(ctx, getAttribute(disk, "snapshot_id"), `${where}.ebs.snapshot_id`);
    if (k !== root) return;
    // The root volume: system_disk { … } from the translated mapping.
    const items: ItemSpec[] = [];
    for (const name of ["category", "size", "performance_level", "encrypted", "kms_key_id", "delete_with_instance"]) {
      const a = getAttribute(disk, name);
      if (a) items.push({ attr: name, expr: exprSource(a.expr) });
    }
    if (getAttribute(disk, "snapshot_id")) ctx.change({ argument: `${where}.ebs.snapshot_id`, kind: "dropped", severity: "warning", reason: "The system disk is created from the image; it takes no snapshot.", action: "Build a custom image from the snapshot and use it as image_id." });
    removeBlock(ctx.block, disk);
    addBlock(ctx.block, { type: "system_disk", labels: [], items });
    const device = literal(names[k]?.expr);
    ctx.change({ argument: where, kind: "moved", to: "system_disk", severity: "info", reason: `The mapping for ${typeof device === "string" ? device : "the first device"} is the root volume: it became system_disk (ECS names no devices).` });
  });
}

// ---- network interfaces ----------------------------------------------------------------------

/** Arguments the rule hoists from network_interfaces, by AWS name. */
const HOISTED: Record<string, string> = { subnet_id: "vswitch_id", security_groups: "security_group_ids", private_ip_address: "private_ip_address", associate_public_ip_address: "internet_max_bandwidth_out" };

function networkInterfaces(ctx: TransformContext): void {
  const nics = nested(ctx.plan.original, "network_interfaces");
  let primary: Block | undefined;
  if (nics.length > 0) {
    primary = nics.find((n) => literalNumber(getAttribute(n, "device_index")?.expr) === 0) ?? nics[0]!;
    if (nics.length > 1) {
      // The engine hoisted every interface's arguments into the template: the primary's win.
      for (const [aws, ali] of Object.entries(HOISTED)) {
        if (!nics.some((n) => getAttribute(n, aws))) continue;
        const a = getAttribute(primary, aws);
        if (!a) removeAttribute(ctx.block, ali);
        else if (aws === "associate_public_ip_address") setAttribute(ctx.block, ali, literal(a.expr) === true ? "100" : literal(a.expr) === false ? "0" : `${exprSource(a.expr)} ? 100 : 0`);
        else setAttribute(ctx.block, ali, exprSource(a.expr));
      }
      const others = nics.filter((n) => n !== primary);
      secondaryInterface(ctx, others[0]!, nics.indexOf(others[0]!));
      others.slice(1).forEach((n) => ctx.change({ argument: `network_interfaces[${nics.indexOf(n)}]`, kind: "dropped", severity: "warning", reason: "A launch template takes at most one secondary network interface.", action: "Attach further ENIs after launch (alicloud_ecs_network_interface_attachment)." }));
    }
    if (literal(getAttribute(primary, "associate_public_ip_address")?.expr) === true && !getAttribute(ctx.block, "internet_charge_type")) {
      setAttribute(ctx.block, "internet_charge_type", '"PayByTraffic"');
      ctx.change({ argument: "network_interfaces.associate_public_ip_address", kind: "note", severity: "info", reason: 'A public IP on ECS is internet bandwidth: internet_max_bandwidth_out = 100 Mbit/s (a cap) billed by traffic (internet_charge_type = "PayByTraffic"), as AWS bills public IP traffic.' });
    }
  }
  // The vSwitch gives the template its VPC and zone.
  const subnet = primary ? getAttribute(primary, "subnet_id") : undefined;
  if (!subnet) return;
  const src = exprSource(subnet.expr);
  const vpc = swapAttribute(src, "aws_subnet", "vpc_id");
  const zone = swapAttribute(src, "aws_subnet", "availability_zone");
  if (vpc && !getAttribute(ctx.block, "vpc_id")) setAttribute(ctx.block, "vpc_id", vpc);
  if (zone && !getAttribute(ctx.block, "zone_id")) setAttribute(ctx.block, "zone_id", zone);
  if (vpc || zone) ctx.change({ argument: "network_interfaces.subnet_id", kind: "note", severity: "info", reason: "The template's vpc_id and zone_id come from its vSwitch, which ECS needs to match." });
}

function secondaryInterface(ctx: TransformContext, nic: Block, k: number): void {
  const items: ItemSpec[] = [];
  const copy = (aws: string, ali: string, wrap = (s: string): string => s): void => {
    const a = getAttribute(nic, aws);
    if (a) items.push({ attr: ali, expr: wrap(exprSource(a.expr)) });
  };
  copy("subnet_id", "vswitch_id");
  const groups = getAttribute(nic, "security_groups");
  if (groups) {
    const first = groups.expr.type === "Tuple" ? groups.expr.elements[0] : undefined;
    items.push({ attr: "security_group_id", expr: first ? exprSource(first) : `${exprSource(groups.expr)}[0]` });
    if (groups.expr.type !== "Tuple" || groups.expr.elements.length > 1) ctx.change({ argument: `network_interfaces[${k}].security_groups`, kind: "note", severity: "warning", reason: "The secondary interface of a launch template takes one security group; aws2ali kept the first.", action: "Check that the others are not needed on this interface." });
  }
  copy("private_ip_address", "primary_ip");
  copy("description", "description");
  copy("delete_on_termination", "delete_on_release");
  addBlock(ctx.block, { type: "network_interfaces", labels: [], items });
  ctx.change({ argument: `network_interfaces[${k}]`, kind: "moved", to: "network_interfaces", severity: "info", reason: "The second interface became the template's network_interfaces block (the first is the template's own vSwitch and groups)." });
}

// ---- role, tags, spot ------------------------------------------------------------------------

function ramRole(ctx: TransformContext): void {
  const profile = firstNested(ctx.plan.original, "iam_instance_profile");
  const ref = profile && (getAttribute(profile, "name") ?? getAttribute(profile, "arn"));
  if (!ref) return;
  const found = roleOfProfile(ctx, ref.expr);
  retractChanges(ctx, "iam_instance_profile");
  if ("role" in found) {
    setAttribute(ctx.block, "ram_role_name", found.role);
    ctx.change({ argument: "iam_instance_profile", kind: "moved", to: "ram_role_name", severity: "info", reason: "ECS instances take a RAM role directly: ram_role_name is the profile's role. Its trust policy must allow ecs.aliyuncs.com." });
    return;
  }
  const variable = inputVariable(ctx, inputName(ctx, "ram_role_name"), `RAM role for instances launched from ${ctx.top.address} (it had the instance profile ${exprSource(ref.expr)}).`);
  setAttribute(ctx.block, "ram_role_name", variable);
  ctx.change({ argument: "iam_instance_profile", kind: "note", severity: "warning", reason: `The RAM role could not be found: ${found.missing}; ram_role_name became ${variable}.`, action: "Set the variable to the name of a RAM role whose trust policy allows ecs.aliyuncs.com." });
}

const TAGGED = ["volume", "network-interface", "instance"];

/** Instance, volume and ENI tag specifications → the template's tags (applied to all three on ECS). */
function tagSpecifications(ctx: TransformContext): void {
  const specs = nested(ctx.plan.original, "tag_specifications");
  if (specs.length === 0) return;
  const maps: Array<{ type: string; expr: string; value: Record<string, unknown> | undefined }> = [];
  for (const s of specs) {
    const type = literal(getAttribute(s, "resource_type")?.expr);
    const tags = getAttribute(s, "tags");
    if (!tags) continue;
    if (typeof type !== "string" || !TAGGED.includes(type)) {
      ctx.change({ argument: `tag_specifications[${typeof type === "string" ? type : "?"}]`, kind: "dropped", severity: "info", reason: `Tags for ${typeof type === "string" ? type : "a computed resource type"} have no place in an ECS launch template (it tags instances, disks and ENIs).` });
      continue;
    }
    const v = staticValue(tags.expr);
    maps.push({ type, expr: exprSource(tags.expr), value: typeof v === "object" && v !== null && !Array.isArray(v) ? v : undefined });
  }
  if (maps.length === 0) return;
  retractChanges(ctx, "tag_specifications");
  maps.sort((a, b) => TAGGED.indexOf(a.type) - TAGGED.indexOf(b.type));
  const unique = [...new Set(maps.map((m) => m.expr))];
  let expr: string;
  if (maps.every((m) => m.value)) {
    const merged: Record<string, unknown> = {};
    const conflicts: string[] = [];
    for (const m of maps) for (const [k, v] of Object.entries(m.value!)) {
      if (k in merged && merged[k] !== v) conflicts.push(k);
      merged[k] = v;
    }
    if (conflicts.length > 0) ctx.change({ argument: "tag_specifications", kind: "note", severity: "warning", reason: `The tag specifications disagree on ${[...new Set(conflicts)].join(", ")}; ECS applies one tag set to instances, disks and ENIs, so the instance's values were kept.`, action: "Tag the disks or ENIs separately if their values matter." });
    expr = unique.length === 1 ? unique[0]! : `{ ${Object.entries(merged).map(([k, v]) => `${/^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : JSON.stringify(k)} = ${JSON.stringify(v)}`).join(", ")} }`;
  } else expr = unique.length === 1 ? unique[0]! : `merge(${unique.join(", ")})`;
  setAttribute(ctx.block, "tags", expr);
  ctx.change({ argument: "tag_specifications", kind: "moved", to: "tags", severity: "info", reason: `The tags of the ${maps.map((m) => m.type).join(", ")} specifications became tags, which ECS applies to the instances, disks and ENIs the template launches.` });
}

/** block_duration_minutes → spot_duration in hours ("1"–"6"). */
function spotDuration(ctx: TransformContext, spotOptions: Block | undefined): void {
  const a = spotOptions && getAttribute(spotOptions, "block_duration_minutes");
  if (!a) return;
  const minutes = literalNumber(a.expr);
  const where = "instance_market_options.spot_options.block_duration_minutes";
  retractChanges(ctx, where);
  if (minutes !== undefined && minutes % 60 === 0 && minutes / 60 >= 1 && minutes / 60 <= 6) {
    setAttribute(ctx.block, "spot_duration", JSON.stringify(String(minutes / 60)));
    ctx.change({ argument: where, kind: "value-mapped", to: `spot_duration = "${minutes / 60}"`, severity: "info", reason: `A ${minutes}-minute block became a ${minutes / 60}-hour protection period (spot_duration).` });
  } else ctx.change({ argument: where, kind: "dropped", severity: "warning", reason: `ECS protects preemptible instances for whole hours (1-6); ${exprSource(a.expr)} minutes has no equivalent.`, action: 'Set spot_duration to "1" … "6" hours by hand.' });
}
