/**
 * aws_lb → an ALB, NLB or GWLB instance (by load_balancer_type), and the
 * data.aws_lb lookup.
 *   - vpc_id (required on Alibaba) comes from the first subnet's vSwitch.
 *   - zone_mappings { vswitch_id, zone_id } come from `subnets` (one per
 *     subnet; a dynamic block over a subnet resource or a vSwitch lookup
 *     when the list is computed) or from subnet_mapping blocks.
 *   - ALB binds security groups with one attachment resource per group and
 *     needs a billing config block; NLB takes security_group_ids.
 */

import { blocksOf } from "../hcl/cst.js";
import { addBlock, getAttribute, removeAttribute, renameAttribute, setAttribute } from "../hcl/edit.js";
import type { BlockSpec } from "../hcl/format.js";
import { exprSource } from "../hcl/value.js";
import { firstAddress, instanceRef, plansOfType, repetition } from "./aws-graph.js";
import { dedupeChanges, inputName, inputVariable, literal, nested } from "./compute-shared.js";
import type { Plan, TransformContext } from "./context.js";
import { lbKind, subnetAttribute, subnetList, vpcOfSubnets, type LbKind, type SubnetList } from "./lb-shared.js";
import { retractChanges } from "./report-changes.js";
import { switchTarget } from "./retarget.js";

export function lb(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const kind = lbKind(ctx.plan);
  const type = getAttribute(o, "load_balancer_type");
  retractChanges(ctx, "load_balancer_type");
  if (type && literal(type.expr) === undefined) {
    ctx.change({ argument: "load_balancer_type", kind: "note", severity: "warning", reason: `The load balancer type ${exprSource(type.expr)} is computed; aws2ali translated the block as an application load balancer (ALB).`, action: "If it is a network load balancer, rewrite the block as alicloud_nlb_load_balancer." });
  } else {
    const product = kind === "nlb" ? "NLB (alicloud_nlb_load_balancer)" : kind === "gwlb" ? "GWLB (alicloud_gwlb_load_balancer)" : "ALB (alicloud_alb_load_balancer)";
    ctx.change({ argument: "load_balancer_type", kind: "value-mapped", to: product, severity: "info", reason: `A${kind === "alb" ? "n application" : kind === "nlb" ? " network" : " gateway"} load balancer becomes an ${product} instance.` });
  }
  if (kind === "nlb") switchTarget(ctx, "alicloud_nlb_load_balancer");
  if (kind === "gwlb") switchTarget(ctx, "alicloud_gwlb_load_balancer");

  const subnets = getAttribute(o, "subnets");
  const list = subnets ? subnetList(subnets.expr) : undefined;
  const lookup = list ? zoneMappingsFromSubnets(ctx, list, kind) : undefined;
  zoneMappingsFromSubnetMappings(ctx, kind);
  vpc(ctx, list, lookup);

  const internal = getAttribute(o, "internal");
  if (kind !== "gwlb" && internal && literal(internal.expr) === undefined) {
    retractChanges(ctx, "internal");
    setAttribute(ctx.block, "address_type", `${exprSource(internal.expr)} ? "Intranet" : "Internet"`);
    ctx.change({ argument: "internal", kind: "value-mapped", to: "address_type", severity: "info", reason: "The internal flag is computed; address_type is chosen from it (Intranet or Internet)." });
  }
  if (kind !== "gwlb" && !getAttribute(ctx.block, "address_type")) {
    setAttribute(ctx.block, "address_type", '"Internet"');
    ctx.change({ argument: "internal", kind: "value-mapped", to: '"Internet"', severity: "info", reason: "AWS load balancers are internet-facing unless internal = true; Alibaba needs address_type said: Internet." });
  }
  if (kind === "alb") alb(ctx);
  else if (kind === "nlb") nlb(ctx);
  else gwlb(ctx);
  dedupeChanges(ctx);
}

// ---- zones and VPC ----------------------------------------------------------------------

/** zone_mappings from `subnets`; returns the vSwitch lookup data source when one was emitted. */
function zoneMappingsFromSubnets(ctx: TransformContext, list: SubnetList, kind: LbKind): string | undefined {
  retractChanges(ctx, "subnets");
  if (list.kind === "elements" && list.items.every((i) => i.zone)) {
    for (const item of list.items) addBlock(ctx.block, { type: "zone_mappings", labels: [], items: [{ attr: "vswitch_id", expr: item.vswitch }, { attr: "zone_id", expr: item.zone! }] });
    ctx.change({ argument: "subnets", kind: "moved", to: "zone_mappings", severity: "info", reason: `Each subnet became a zone_mappings block with its vSwitch and the vSwitch's zone (${list.items.length}).` });
    if (list.items.length < 2 && kind !== "gwlb") ctx.change({ argument: "subnets", kind: "note", severity: "warning", reason: `An ${kind === "alb" ? "ALB" : "NLB"} instance needs vSwitches in at least two zones; this load balancer has one subnet.`, action: "Add a second vSwitch in another zone (zone_mappings)." });
    return undefined;
  }
  if (list.kind === "splat") {
    addBlock(ctx.block, dynamicZones(list.resource, "zone_mappings.value.id", "zone_mappings.value.zone_id"));
    ctx.change({ argument: "subnets", kind: "moved", to: "zone_mappings", severity: "info", reason: `The subnets of ${list.resource} became a dynamic zone_mappings block: one per vSwitch, with the vSwitch's zone.` });
    return undefined;
  }
  // A computed list, or subnets aws2ali cannot place in a zone: look the vSwitches up.
  let ids = list.kind === "computed" ? list.source : `[${list.items.map((i) => i.vswitch).join(", ")}]`;
  const literalIds = list.kind === "elements" && list.items.some((i) => /^"subnet-/.test(i.vswitch));
  if (literalIds) {
    ids = inputVariable(ctx, inputName(ctx, "vswitch_ids"), `vSwitch ids for ${ctx.top.address} (the AWS subnets ${list.kind === "elements" ? list.items.map((i) => i.vswitch).join(", ") : ""} do not exist on Alibaba Cloud).`, "list(string)");
    ctx.change({ argument: "subnets", kind: "note", severity: "warning", reason: `The subnets are AWS subnet ids, which do not exist on Alibaba Cloud; the vSwitches became ${ids}.`, action: "Set the variable to the ids of vSwitches in at least two zones of the load balancer's VPC." });
  }
  const name = `${ctx.top.name}_vswitches`;
  ctx.emitAfter([{ type: "data", labels: ["alicloud_vswitches", name], items: [{ attr: "ids", expr: ids }] }]);
  const data = `data.alicloud_vswitches.${name}`;
  addBlock(ctx.block, dynamicZones(`${data}.vswitches`, "zone_mappings.value.id", "zone_mappings.value.zone_id"));
  ctx.change({ argument: "subnets", kind: "moved", to: "zone_mappings", severity: "info", reason: `The subnet list is computed, so the zone of each vSwitch comes from a lookup (${data}); a dynamic zone_mappings block iterates it.` });
  return data;
}

function dynamicZones(forEach: string, vswitch: string, zone: string): BlockSpec {
  return { type: "dynamic", labels: ["zone_mappings"], items: [{ attr: "for_each", expr: forEach }, { block: { type: "content", labels: [], items: [{ attr: "vswitch_id", expr: vswitch }, { attr: "zone_id", expr: zone }] } }] };
}

/** The rule renamed subnet_mapping to zone_mappings; each needs its vSwitch's zone. */
function zoneMappingsFromSubnetMappings(ctx: TransformContext, kind: LbKind): void {
  const mappings = blocksOf(ctx.block.body).filter((b) => b.blockType.text === "zone_mappings");
  mappings.forEach((zm, k) => {
    if (getAttribute(zm, "zone_id")) return;
    const vswitch = getAttribute(zm, "vswitch_id");
    const zone = vswitch ? subnetAttribute(vswitch.expr, "zone_id") : undefined;
    if (zone) setAttribute(zm, "zone_id", zone);
    else {
      const v = inputVariable(ctx, inputName(ctx, `zone_${k + 1}`), `Zone of the vSwitch of subnet_mapping ${k + 1} of ${ctx.top.address}.`);
      setAttribute(zm, "zone_id", v);
      ctx.change({ argument: `subnet_mapping[${k}]`, kind: "note", severity: "warning", reason: `The zone of this mapping's vSwitch could not be told from ${vswitch ? exprSource(vswitch.expr) : "its subnet"}; zone_id became ${v}.`, action: "Set the variable to the vSwitch's zone id." });
    }
    if (kind === "nlb" && renameAttribute(zm, "intranet_address", "private_ipv4_address")) {
      retractChanges(ctx, "subnet_mapping.private_ipv4_address");
      if (k === 0) ctx.change({ argument: "subnet_mapping.private_ipv4_address", kind: "kept", to: "private_ipv4_address", severity: "info", reason: "NLB zone mappings take the private address under the same name." });
    }
    if (kind === "gwlb") for (const a of ["allocation_id", "intranet_address"]) removeAttribute(zm, a);
  });
  if (mappings.length === 1 && kind !== "gwlb" && !getAttribute(ctx.plan.original, "subnets")) {
    ctx.change({ argument: "subnet_mapping", kind: "note", severity: "warning", reason: `An ${kind === "alb" ? "ALB" : "NLB"} instance needs vSwitches in at least two zones; this load balancer has one subnet mapping.`, action: "Add a second zone_mappings block in another zone." });
  }
}

/** vpc_id is required on Alibaba; AWS takes it from the subnets. */
function vpc(ctx: TransformContext, list: SubnetList | undefined, lookup: string | undefined): void {
  if (getAttribute(ctx.block, "vpc_id")) return;
  let expr = list ? vpcOfSubnets(ctx, list) : undefined;
  if (!expr && !list) {
    const first = nested(ctx.plan.original, "subnet_mapping")[0];
    const subnet = first && getAttribute(first, "subnet_id");
    expr = subnet ? subnetAttribute(subnet.expr, "vpc_id") : undefined;
  }
  if (!expr && lookup) expr = `${lookup}.vswitches[0].vpc_id`;
  if (expr) {
    setAttribute(ctx.block, "vpc_id", expr);
    ctx.change({ argument: "vpc_id", kind: "note", severity: "info", reason: `Alibaba load balancers name their VPC; it is the VPC of the first vSwitch (${expr}).` });
    return;
  }
  const v = inputVariable(ctx, inputName(ctx, "vpc_id"), `VPC of ${ctx.top.address} (AWS took it from the subnets).`);
  setAttribute(ctx.block, "vpc_id", v);
  ctx.change({ argument: "vpc_id", kind: "note", severity: "warning", reason: `Alibaba load balancers name their VPC, which could not be told from the subnets; vpc_id became ${v}.`, action: "Set the variable to the VPC of the load balancer's vSwitches." });
}

// ---- per product --------------------------------------------------------------------------

function alb(ctx: TransformContext): void {
  addBlock(ctx.block, { type: "load_balancer_billing_config", labels: [], items: [{ attr: "pay_type", expr: '"PayAsYouGo"' }] });
  ctx.change({ argument: "load_balancer_billing_config", kind: "note", severity: "info", reason: "ALB instances are billed pay-as-you-go (the only pay type Terraform offers)." });
  retractChanges(ctx, "load_balancer_edition");
  ctx.change({ argument: "load_balancer_edition", kind: "note", severity: "info", reason: 'The edition "Standard" is aws2ali\'s choice: Basic lacks some rule actions and conditions (and connection draining), StandardWithWaf adds WAF.', action: 'Use "StandardWithWaf" if the load balancer had a WAF web ACL.' });
  securityGroupAttachments(ctx);
  const idle = getAttribute(ctx.plan.original, "idle_timeout");
  if (idle) {
    retractChanges(ctx, "idle_timeout");
    const listeners = listenersOf(ctx);
    ctx.change({ argument: "idle_timeout", kind: "moved", to: "alicloud_alb_listener.idle_timeout", severity: listeners.length > 0 ? "info" : "warning", reason: listeners.length > 0 ? `ALB sets the idle timeout per listener; it was copied to ${listeners.map((l) => l.top.address).join(", ")}.` : "ALB sets the idle timeout per listener, and no listener of this load balancer is in this configuration.", ...(listeners.length > 0 ? {} : { action: "Set idle_timeout (1–60 s) on the listeners." }) });
  }
}

function listenersOf(ctx: TransformContext): Plan[] {
  return plansOfType(ctx, "aws_lb_listener").filter((l) => firstAddress(getAttribute(l.original, "load_balancer_arn")?.expr) === ctx.top.address);
}

/** security_groups → one alicloud_alb_load_balancer_security_group_attachment per group. */
function securityGroupAttachments(ctx: TransformContext): void {
  const sg = getAttribute(ctx.plan.original, "security_groups");
  if (!sg) return;
  retractChanges(ctx, "security_groups");
  const lbRef = `${instanceRef(`alicloud_alb_load_balancer.${ctx.top.name}`, ctx.plan.original)}.id`;
  const repeat = repetition(ctx.plan.original);
  const specs: BlockSpec[] = [];
  if (sg.expr.type === "Tuple") {
    const els = sg.expr.elements;
    els.forEach((el, k) => {
      specs.push({ type: "resource", labels: ["alicloud_alb_load_balancer_security_group_attachment", els.length === 1 ? ctx.top.name : `${ctx.top.name}_${k + 1}`], items: [...repeat, { attr: "load_balancer_id", expr: lbRef }, { attr: "security_group_id", expr: exprSource(el) }] });
    });
  } else if (repeat.length === 0) {
    specs.push({ type: "resource", labels: ["alicloud_alb_load_balancer_security_group_attachment", ctx.top.name], items: [{ attr: "for_each", expr: `toset(${exprSource(sg.expr)})` }, { attr: "load_balancer_id", expr: lbRef }, { attr: "security_group_id", expr: "each.value" }] });
  } else {
    ctx.change({ argument: "security_groups", kind: "dropped", severity: "warning", reason: `The load balancer is repeated (${repeat.map((r) => r.attr).join(", ")}) and its security group list ${exprSource(sg.expr)} is computed, so aws2ali could not write one attachment per group.`, action: "Add alicloud_alb_load_balancer_security_group_attachment { load_balancer_id, security_group_id } for each group by hand." });
    return;
  }
  ctx.emitAfter(specs);
  ctx.change({ argument: "security_groups", kind: "moved", to: "alicloud_alb_load_balancer_security_group_attachment", severity: "info", reason: "ALB binds security groups with attachment resources (one per group). Without any, an ALB accepts all traffic its listeners take." });
}

function nlb(ctx: TransformContext): void {
  const o = ctx.plan.original;
  removeAttribute(ctx.block, "load_balancer_edition");
  retractChanges(ctx, "load_balancer_edition");
  const version = getAttribute(ctx.block, "address_ip_version");
  if (version && literal(version.expr) === "IPv4") setAttribute(ctx.block, "address_ip_version", '"Ipv4"');
  const sg = getAttribute(o, "security_groups");
  if (sg) {
    retractChanges(ctx, "security_groups");
    setAttribute(ctx.block, "security_group_ids", exprSource(sg.expr));
    ctx.change({ argument: "security_groups", kind: "renamed", to: "security_group_ids", severity: "info", reason: "NLB takes its security groups as security_group_ids." });
  }
  const cross = getAttribute(o, "enable_cross_zone_load_balancing");
  retractChanges(ctx, "enable_cross_zone_load_balancing");
  if (cross) {
    setAttribute(ctx.block, "cross_zone_enabled", exprSource(cross.expr));
    ctx.change({ argument: "enable_cross_zone_load_balancing", kind: "renamed", to: "cross_zone_enabled", severity: "info", reason: "NLB calls it cross_zone_enabled." });
  } else {
    ctx.change({ argument: "enable_cross_zone_load_balancing", kind: "note", severity: "info", reason: "AWS network load balancers balance within each zone by default; Alibaba NLB balances across zones by default (cross_zone_enabled).", action: "Set cross_zone_enabled = false if clients must stay in their zone." });
  }
  setAttribute(ctx.block, "payment_type", '"PayAsYouGo"');
}

function gwlb(ctx: TransformContext): void {
  for (const a of ["load_balancer_edition", "address_type", "deletion_protection_enabled"]) {
    if (removeAttribute(ctx.block, a) && a === "deletion_protection_enabled") ctx.change({ argument: "enable_deletion_protection", kind: "dropped", severity: "warning", reason: "alicloud_gwlb_load_balancer has no deletion protection argument.", action: "Protect the instance in the console or with a RAM deny policy." });
  }
  retractChanges(ctx, "load_balancer_edition");
  retractChanges(ctx, "internal");
  ctx.change({ argument: "(block)", kind: "note", severity: "warning", reason: "A gateway load balancer became an Alibaba GWLB instance; GWLB is offered in few regions, and its listeners and server groups (GENEVE target groups) are not translated by aws2ali.", action: "Check that the target region offers GWLB, then add alicloud_gwlb_listener and alicloud_gwlb_server_group for the appliance fleet." });
}

// ---- data.aws_lb ---------------------------------------------------------------------------

export function dataLb(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const name = getAttribute(o, "name");
  const arn = getAttribute(o, "arn");
  const lbPlan = matchingLb(ctx, name?.expr ? exprSource(name.expr) : undefined, literal(name?.expr));
  const nlb = lbPlan !== undefined && lbKind(lbPlan) === "nlb";
  if (nlb) {
    switchTarget(ctx, "alicloud_nlb_load_balancers");
    const n = getAttribute(ctx.block, "load_balancer_name");
    if (n) {
      removeAttribute(ctx.block, "load_balancer_name");
      setAttribute(ctx.block, "load_balancer_names", `[${exprSource(n.expr)}]`);
    }
    ctx.change({ argument: "(block)", kind: "note", severity: "info", reason: `The load balancer looked up is ${lbPlan.top.address}, a network load balancer: the lookup reads NLB instances (data.alicloud_nlb_load_balancers).` });
  }
  if (arn) {
    retractChanges(ctx, "arn");
    if (name) ctx.change({ argument: "arn", kind: "dropped", severity: "info", reason: "AWS ARNs do not exist on Alibaba Cloud; the lookup uses the name." });
    else {
      const v = inputVariable(ctx, inputName(ctx, "load_balancer_id"), `Id of the Alibaba Cloud load balancer ${ctx.top.address} looks up (AWS looked it up by ARN ${exprSource(arn.expr)}).`);
      setAttribute(ctx.block, nlb ? "ids" : "load_balancer_ids", `[${v}]`);
      ctx.change({ argument: "arn", kind: "value-mapped", to: v, severity: "warning", reason: `AWS ARNs do not exist on Alibaba Cloud; the lookup takes the load balancer id from ${v}.`, action: "Set the variable to the load balancer's id, or look it up by name." });
    }
  }
}

/** An aws_lb of this folder the lookup names: by reference (`aws_lb.x.name`) or by the same literal name. */
function matchingLb(ctx: TransformContext, source: string | undefined, value: unknown): Plan | undefined {
  if (!source) return undefined;
  const m = /^aws_(?:lb|alb)\.([A-Za-z_][A-Za-z0-9_-]*)\.name$/.exec(source.trim());
  if (m) return ctx.planOf(`aws_lb.${m[1]}`);
  if (typeof value !== "string") return undefined;
  return plansOfType(ctx, "aws_lb").find((p) => literal(getAttribute(p.original, "name")?.expr) === value);
}
