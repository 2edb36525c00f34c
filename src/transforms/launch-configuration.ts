/**
 * aws_launch_configuration → alicloud_ess_scaling_configuration. AWS points
 * the group at its launch configuration; ESS points the configuration at its
 * group (scaling_group_id), so the configuration is written once per Auto
 * Scaling group that uses it (the first keeps the name, others get
 * `<name>_<group>`); one that no group of this configuration uses is left
 * for a person. Public IPs become an outbound bandwidth, spot prices a
 * spot strategy with price limits; AMI ids and unmapped instance types
 * become input variables; disks get at least 20 GiB.
 */

import { attributesOf, blocksOf } from "../hcl/cst.js";
import { addBlock, findReferences, getAttribute, replaceAttributeValue, setAttribute } from "../hcl/edit.js";
import type { BlockSpec, ItemSpec } from "../hcl/format.js";
import { exprSource } from "../hcl/value.js";
import { firstAddress, instanceRef, plansOfType, repetition } from "./aws-graph.js";
import { checkImage, checkInstanceType, dedupeChanges, literal, literalNumber } from "./compute-shared.js";
import type { Plan, TransformContext } from "./context.js";
import { itemsOf } from "./flatten-nested.js";
import { keepAsManual } from "./fold.js";
import { retractChanges } from "./report-changes.js";
import { stringBody } from "./retarget.js";

export function launchConfiguration(ctx: TransformContext): void {
  const groups = groupsUsing(ctx);
  if (groups.length === 0) {
    keepAsManual(ctx, { reason: "No aws_autoscaling_group of this configuration uses the launch configuration, and an ESS scaling configuration cannot exist without its scaling group (scaling_group_id).", action: "Add an alicloud_ess_scaling_configuration with scaling_group_id set to the group that uses it (active = true, enable = true), or an alicloud_ecs_launch_template if it is used elsewhere.", alternative: "alicloud_ess_scaling_configuration", effort_hours: 0.5 });
    return;
  }
  checkImage(ctx, ctx.block, "image_id", "image_id");
  checkInstanceType(ctx, ctx.block, "instance_type", "instance_type");
  publicIp(ctx);
  spot(ctx);
  diskSizes(ctx);
  if (getAttribute(ctx.plan.original, "user_data_base64")) ctx.change({ argument: "user_data_base64", kind: "note", severity: "info", reason: "ESS takes user data as plain text or Base64 in user_data; the Base64 value was kept as it is.", action: "Check that the instances decode it (ESS passes Base64 through to cloud-init)." });

  for (const g of groups) breakCycle(ctx, g);
  const [first, ...others] = groups;
  attachTo(ctx, first!);
  ctx.change({ argument: "(block)", kind: "note", severity: "info", reason: `ESS points the scaling configuration at its group: scaling_group_id = ${first!.top.address}; active = true makes it the group's configuration and enable = true enables the group.` });
  if (others.length > 0) {
    const specs: BlockSpec[] = others.map((g) => ({ type: "resource", labels: ["alicloud_ess_scaling_configuration", `${ctx.top.name}_${g.top.name}`], items: copyFor(ctx, g) }));
    ctx.emitAfter(specs);
    ctx.change({ argument: "(block)", kind: "note", severity: "info", reason: `${groups.length} scaling groups use this launch configuration; ESS needs one scaling configuration per group, so it was written ${groups.length} times (${specs.map((s) => s.labels[1]).join(", ")} for the others).` });
  }
  dedupeChanges(ctx);
}

/** Auto Scaling groups of this folder whose launch_configuration names this block (by reference or by its literal name). */
function groupsUsing(ctx: TransformContext): Plan[] {
  const name = literal(getAttribute(ctx.plan.original, "name")?.expr);
  return plansOfType(ctx, "aws_autoscaling_group").filter((g) => {
    const lc = getAttribute(g.original, "launch_configuration");
    if (!lc) return false;
    if (firstAddress(lc.expr) === ctx.top.address) return true;
    return typeof name === "string" && literal(lc.expr) === name;
  });
}

function groupRef(group: Plan): string {
  return `${instanceRef(`aws_autoscaling_group.${group.top.name}`, group.original)}.id`;
}

function attachTo(ctx: TransformContext, group: Plan): void {
  const repeat = repetition(group.original);
  if (repeat.length > 0 && repetition(ctx.plan.original).length === 0) {
    for (const r of repeat) setAttribute(ctx.block, r.attr, r.expr);
    ctx.change({ argument: "(block)", kind: "note", severity: "info", reason: `${group.top.address} is repeated (${repeat.map((r) => r.attr).join(", ")}); the scaling configuration repeats with it, one per group instance.` });
  } else if (repeat.length > 0) {
    ctx.change({ argument: "(block)", kind: "note", severity: "warning", reason: `Both the launch configuration and ${group.top.address} are repeated; aws2ali paired their instances by key.`, action: "Check that each scaling configuration points at the right group instance." });
  }
  setAttribute(ctx.block, "scaling_group_id", groupRef(group));
}

function copyFor(ctx: TransformContext, group: Plan): ItemSpec[] {
  const items = itemsOf(ctx.block).filter((i) => !("attr" in i && (i.attr === "scaling_group_id" || i.attr === "count" || i.attr === "for_each")));
  return [...repetition(group.original), ...items, { attr: "scaling_group_id", expr: groupRef(group) }];
}

/**
 * A group that names its launch configuration elsewhere than in
 * launch_configuration (`name = "batch-${aws_launch_configuration.b.name}"`, to
 * replace the group when the configuration changes) would make a cycle once
 * the configuration names the group: the reference becomes the name as a
 * literal. ESS switches the active configuration in place instead.
 */
function breakCycle(ctx: TransformContext, group: Plan): void {
  const o = ctx.plan.original;
  const name = literal(getAttribute(o, "name")?.expr) ?? literal(getAttribute(o, "name_prefix")?.expr);
  const text = typeof name === "string" ? name : ctx.top.name;
  const block = group.top.block;
  const hits: string[] = [];
  for (const attr of attributesOf(block.body)) {
    if (attr.name.text === "launch_configuration") continue;
    const refs = findReferences(attr.expr).filter((r) => r.root === "aws_launch_configuration" && r.steps[0]?.kind === "attr" && r.steps[0].name === ctx.top.name);
    if (refs.length === 0) continue;
    const src = exprSource(attr.expr);
    const interpolation = new RegExp(`\\$\\{\\s*${ctx.top.address.replace(/\./g, "\\.")}\\.(name|id)\\s*\\}`, "g");
    const direct = new RegExp(`^${ctx.top.address.replace(/\./g, "\\.")}\\.(name|id)$`);
    if (attr.expr.type === "Template" && interpolation.test(src)) replaceAttributeValue(attr, src.replace(interpolation, () => stringBody(text)));
    else if (direct.test(src.trim())) replaceAttributeValue(attr, JSON.stringify(text));
    else continue;
    hits.push(attr.name.text);
  }
  if (hits.length === 0) return;
  group.item.changes.push({ argument: hits.join(", "), kind: "value-mapped", to: JSON.stringify(text), severity: "warning", reason: `${hits.join(", ")} named the launch configuration ${ctx.top.address} (so that a new configuration replaced the group); the ESS scaling configuration names the group, so the reference would be a cycle: it became the literal ${JSON.stringify(text)}.`, action: "ESS applies a new active scaling configuration to instances launched afterwards; roll existing instances (scale out and in, or replace them) after changing the configuration." });
}

/** associate_public_ip_address = true: ECS instances get a public IP when they have outbound bandwidth. */
function publicIp(ctx: TransformContext): void {
  const a = getAttribute(ctx.plan.original, "associate_public_ip_address");
  if (!a) return;
  retractChanges(ctx, "associate_public_ip_address");
  const v = literal(a.expr);
  if (v === false || v === "false") {
    ctx.change({ argument: "associate_public_ip_address", kind: "dropped", severity: "info", reason: "ECS instances get no public IP without outbound bandwidth, which is the default." });
    return;
  }
  if (v === true || v === "true") {
    setAttribute(ctx.block, "internet_max_bandwidth_out", "10");
    setAttribute(ctx.block, "internet_charge_type", '"PayByTraffic"');
    ctx.change({ argument: "associate_public_ip_address", kind: "value-mapped", to: "internet_max_bandwidth_out = 10", severity: "info", reason: "ECS instances get a public IP when internet_max_bandwidth_out > 0: aws2ali set 10 Mbit/s, billed by traffic.", action: "Adjust the bandwidth cap to the instances' real outbound peak." });
    return;
  }
  ctx.change({ argument: "associate_public_ip_address", kind: "note", severity: "warning", reason: `associate_public_ip_address = ${exprSource(a.expr)} is computed; ECS instances get a public IP only with internet_max_bandwidth_out > 0.`, action: "Set internet_max_bandwidth_out (Mbit/s) when the instances need public IPs." });
}

/** spot_price → spot_strategy (+ spot_price_limit for a price cap). */
function spot(ctx: TransformContext): void {
  const a = getAttribute(ctx.plan.original, "spot_price");
  if (!a) return;
  retractChanges(ctx, "spot_price");
  const v = literal(a.expr);
  if (v === "") {
    setAttribute(ctx.block, "spot_strategy", '"SpotAsPriceGo"');
    ctx.change({ argument: "spot_price", kind: "value-mapped", to: '"SpotAsPriceGo"', severity: "info", reason: "An empty spot price (pay the market price, up to on-demand) is spot_strategy = \"SpotAsPriceGo\"." });
    return;
  }
  const n = literalNumber(a.expr);
  const type = getAttribute(ctx.block, "instance_type");
  setAttribute(ctx.block, "spot_strategy", '"SpotWithPriceLimit"');
  addBlock(ctx.block, { type: "spot_price_limit", labels: [], items: [...(type ? [{ attr: "instance_type", expr: exprSource(type.expr) }] : []), { attr: "price_limit", expr: n !== undefined ? String(n) : `tonumber(${exprSource(a.expr)})` }] });
  ctx.change({ argument: "spot_price", kind: "value-mapped", to: 'spot_strategy = "SpotWithPriceLimit"', severity: "warning", reason: `The spot price ${exprSource(a.expr)} became a spot_price_limit for the instance type: it is an hourly price in the Alibaba Cloud account's currency, not US dollars.`, action: "Convert the price and check it against ECS preemptible prices, or use spot_strategy = \"SpotAsPriceGo\"." });
}

/** ECS cloud disks are at least 20 GiB. */
function diskSizes(ctx: TransformContext): void {
  const root = literalNumber(getAttribute(ctx.block, "system_disk_size")?.expr);
  if (root !== undefined && root < 20) {
    setAttribute(ctx.block, "system_disk_size", "20");
    ctx.change({ argument: "root_block_device.volume_size", kind: "value-mapped", to: "20", severity: "info", reason: `ECS system disks are at least 20 GiB; ${root} GiB became 20.` });
  }
  blocksOf(ctx.block.body)
    .filter((b) => b.blockType.text === "data_disk")
    .forEach((d, k) => {
      const size = literalNumber(getAttribute(d, "size")?.expr);
      if (size !== undefined && size < 20) {
        setAttribute(d, "size", "20");
        ctx.change({ argument: `ebs_block_device[${k}].volume_size`, kind: "value-mapped", to: "20", severity: "info", reason: `ECS data disks are at least 20 GiB; ${size} GiB became 20.` });
      }
    });
}
