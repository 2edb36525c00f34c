/**
 * Transit gateways → CEN. A transit gateway becomes a CEN instance with a
 * transit router; each VPC attachment becomes a transit-router VPC
 * attachment with one zone mapping per subnet. AWS associates and
 * propagates every attachment to the default route table unless told not
 * to; Alibaba does neither by default, and traffic silently drops without
 * them — so aws2ali emits the association and the propagation explicitly.
 */

import { type Block } from "../hcl/cst.js";
import { getAttribute, removeAttribute, setAttribute, addBlock } from "../hcl/edit.js";
import type { BlockSpec } from "../hcl/format.js";
import { exprSource, staticValue } from "../hcl/value.js";
import { firstAddress, plansOfType, refersTo } from "./aws-graph.js";
import { decide, type TransformContext } from "./context.js";

const PROPAGATION_DECISION = {
  topic: "cen-propagation" as const,
  summary: "CEN route propagation made explicit",
  detail: "AWS transit gateways associate and propagate attachments to the default route table by default; Alibaba CEN transit routers do not. aws2ali emits an alicloud_cen_transit_router_route_table_association and an alicloud_cen_transit_router_route_table_propagation for every VPC attachment, or traffic between the VPCs would silently drop.",
};

/**
 * aws_ec2_transit_gateway → a CEN instance and its transit router (one of
 * them is this block, as the rule says), plus a lookup of the router's
 * system route table, where AWS's default associations and propagations go.
 */
export function transitGateway(ctx: TransformContext): void {
  const n = ctx.top.name;
  for (const arg of ["default_route_table_association", "default_route_table_propagation"]) {
    const a = getAttribute(ctx.plan.original, arg);
    if (a && staticValue(a.expr) === "disable") {
      ctx.change({ argument: arg, kind: "note", severity: "info", reason: `${arg} = "disable": aws2ali does not add the matching default association/propagation for this gateway's attachments.` });
    }
  }
  const specs: BlockSpec[] = [];
  if (ctx.rule.to === "alicloud_cen_transit_router") {
    setAttribute(ctx.block, "cen_id", `alicloud_cen_instance.${n}.id`);
    specs.push({ type: "resource", labels: ["alicloud_cen_instance", n], items: [{ comment: "CEN is global; the transit router above is its regional hub." }, { attr: "cen_instance_name", expr: JSON.stringify(n) }] });
  } else {
    specs.push({ type: "resource", labels: ["alicloud_cen_transit_router", n], items: [{ attr: "cen_id", expr: `alicloud_cen_instance.${n}.id` }] });
  }
  specs.push({
    type: "data",
    labels: ["alicloud_cen_transit_router_route_tables", `${n}_system`],
    items: [
      { comment: "The transit router's system route table: where AWS's default route table associations and propagations go." },
      { attr: "transit_router_id", expr: `alicloud_cen_transit_router.${n}.transit_router_id` },
      { attr: "transit_router_route_table_type", expr: '"System"' },
    ],
  });
  ctx.emitAfter(specs);
}

function tgwNameOf(original: Block): string | undefined {
  const address = firstAddress(getAttribute(original, "transit_gateway_id")?.expr);
  return address?.startsWith("aws_ec2_transit_gateway.") ? address.split(".")[1] : undefined;
}

function disabled(ctx: TransformContext, tgw: string, arg: string): boolean {
  const own = getAttribute(ctx.plan.original, `transit_gateway_${arg}`);
  if (own) return staticValue(own.expr) === false;
  const gw = ctx.planOf(`aws_ec2_transit_gateway.${tgw}`);
  const g = gw && getAttribute(gw.original, arg);
  return g !== undefined && staticValue(g.expr) === "disable";
}

/** aws_ec2_transit_gateway_vpc_attachment → transit-router VPC attachment + association + propagation. */
export function transitGatewayVpcAttachment(ctx: TransformContext): void {
  const n = ctx.top.name;
  const tgw = tgwNameOf(ctx.plan.original);
  for (const arg of ["transit_gateway_id", "subnet_ids", "transit_gateway_default_route_table_association", "transit_gateway_default_route_table_propagation", "dns_support", "ipv6_support", "appliance_mode_support", "security_group_referencing_support"]) removeAttribute(ctx.block, arg);
  if (!tgw) {
    ctx.change({ argument: "transit_gateway_id", kind: "note", severity: "warning", reason: "The transit gateway is not defined in this configuration, so its CEN instance and transit router are not known.", action: "Set cen_id and transit_router_id by hand." });
    return;
  }
  setAttribute(ctx.block, "cen_id", `alicloud_cen_instance.${tgw}.id`);
  setAttribute(ctx.block, "transit_router_id", `alicloud_cen_transit_router.${tgw}.transit_router_id`);
  addZoneMappings(ctx);
  const attachmentId = `alicloud_cen_transit_router_vpc_attachment.${n}.transit_router_attachment_id`;
  const table = `data.alicloud_cen_transit_router_route_tables.${tgw}_system.tables[0].id`;
  const specs: BlockSpec[] = [];
  const explicit = (type: string): boolean => plansOfType(ctx, type).some((p) => refersTo(getAttribute(p.original, "transit_gateway_attachment_id")?.expr, ctx.top.address));
  if (!disabled(ctx, tgw, "default_route_table_association") && !explicit("aws_ec2_transit_gateway_route_table_association")) {
    specs.push({ type: "resource", labels: ["alicloud_cen_transit_router_route_table_association", n], items: [{ attr: "transit_router_attachment_id", expr: attachmentId }, { attr: "transit_router_route_table_id", expr: table }] });
  }
  if (!disabled(ctx, tgw, "default_route_table_propagation") && !explicit("aws_ec2_transit_gateway_route_table_propagation")) {
    specs.push({ type: "resource", labels: ["alicloud_cen_transit_router_route_table_propagation", n], items: [{ attr: "transit_router_attachment_id", expr: attachmentId }, { attr: "transit_router_route_table_id", expr: table }] });
  }
  if (specs.length > 0) {
    ctx.emitAfter(specs);
    ctx.change({ argument: "(block)", kind: "note", severity: "info", reason: "Added the route table association and propagation that AWS applies by default and CEN does not." });
    decide(ctx.run, PROPAGATION_DECISION);
  }
}

/** One zone_mappings block per subnet: the VSwitch and its zone. */
function addZoneMappings(ctx: TransformContext): void {
  const subnets = getAttribute(ctx.plan.original, "subnet_ids");
  if (!subnets) return;
  if (subnets.expr.type === "Tuple") {
    for (const el of subnets.expr.elements) {
      const vsw = exprSource(el);
      addBlock(ctx.block, { type: "zone_mappings", labels: [], items: [{ attr: "vswitch_id", expr: vsw }, { attr: "zone_id", expr: vsw.replace(/\.id$/, ".zone_id") }] });
    }
    return;
  }
  const src = exprSource(subnets.expr);
  const splat = /^(.*)\[\*\]\.id$/.exec(src);
  if (splat) {
    addBlock(ctx.block, {
      type: "dynamic",
      labels: ["zone_mappings"],
      items: [
        { attr: "for_each", expr: splat[1]! },
        { block: { type: "content", labels: [], items: [{ attr: "vswitch_id", expr: "zone_mappings.value.id" }, { attr: "zone_id", expr: "zone_mappings.value.zone_id" }] } },
      ],
    });
    return;
  }
  ctx.change({ argument: "subnet_ids", kind: "note", severity: "warning", reason: `The subnets (${src}) are computed, so aws2ali could not write the zone mappings.`, action: "Add one zone_mappings { vswitch_id, zone_id } block per VSwitch." });
}

/** Explicit associations/propagations and route tables point at the transit router. */
export function transitGatewayRouteTable(ctx: TransformContext): void {
  const tgw = tgwNameOf(ctx.plan.original);
  removeAttribute(ctx.block, "transit_gateway_id");
  if (tgw) setAttribute(ctx.block, "transit_router_id", `alicloud_cen_transit_router.${tgw}.transit_router_id`);
}

export function transitGatewayRouteTableLink(ctx: TransformContext): void {
  decide(ctx.run, PROPAGATION_DECISION);
}
