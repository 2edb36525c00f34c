/**
 * Routes. Alibaba Cloud route tables hold no inline routes: each route is
 * an alicloud_route_entry naming a next-hop type and id. Routes to an
 * internet gateway have no counterpart (an Alibaba VPC reaches the
 * internet through EIPs and NAT gateways), so they are reported, not
 * emitted; routes to a transit gateway go to the CEN VPC attachment.
 */

import { attributesOf, blocksOf, type Block } from "../hcl/cst.js";
import { getAttribute, removeAttribute, removeBlock, setAttribute } from "../hcl/edit.js";
import type { ItemSpec } from "../hcl/format.js";
import { exprSource } from "../hcl/value.js";
import { firstAddress, instanceRef, plansOfType, refersTo, repetition } from "./aws-graph.js";
import type { TransformContext } from "./context.js";

export interface NextHop {
  type: string;
  id: string;
}

/** Where an AWS route (inline or aws_route) sends traffic, in Alibaba terms; undefined when it has no counterpart. */
export function nextHopOf(ctx: TransformContext, route: Block, vpcSource: string | undefined): NextHop | { none: string } {
  const src = (name: string): string | undefined => {
    const a = getAttribute(route, name);
    return a ? exprSource(a.expr) : undefined;
  };
  const nat = src("nat_gateway_id");
  if (nat) return { type: "NatGateway", id: nat };
  const eni = src("network_interface_id");
  if (eni) return { type: "NetworkInterface", id: eni };
  const peer = src("vpc_peering_connection_id");
  if (peer) return { type: "VpcPeer", id: peer };
  const instance = src("instance_id");
  if (instance) return { type: "Instance", id: instance };
  const endpoint = src("vpc_endpoint_id");
  if (endpoint) return { type: "GatewayLoadBalancerEndpoint", id: endpoint }; // AWS routes only target GWLB endpoints
  const tgw = getAttribute(route, "transit_gateway_id");
  if (tgw) return transitHop(ctx, firstAddress(tgw.expr), vpcSource);
  const gw = getAttribute(route, "gateway_id");
  if (gw) {
    const target = firstAddress(gw.expr) ?? "";
    if (target.startsWith("aws_vpn_gateway.")) return { type: "VpnGateway", id: exprSource(gw.expr) };
    return { none: "Routes to an internet gateway have no counterpart: an Alibaba Cloud VPC reaches the internet through EIPs bound to instances or NAT gateways (SNAT entries)." };
  }
  return { none: "The route's target has no Alibaba Cloud next-hop type aws2ali knows." };
}

/** Traffic to a transit gateway goes to the VPC's CEN transit-router attachment. */
function transitHop(ctx: TransformContext, tgwAddress: string | undefined, vpcSource: string | undefined): NextHop | { none: string } {
  for (const att of plansOfType(ctx, "aws_ec2_transit_gateway_vpc_attachment")) {
    const vpc = getAttribute(att.original, "vpc_id");
    const sameVpc = vpc && vpcSource !== undefined && exprSource(vpc.expr) === vpcSource;
    const toTgw = !tgwAddress || refersTo(getAttribute(att.original, "transit_gateway_id")?.expr, tgwAddress);
    if (sameVpc && toTgw) return { type: "Attachment", id: `${att.top.address}.transit_router_attachment_id` };
  }
  return { none: "The route sends traffic to a transit gateway, but no attachment of this VPC to it was found to route through." };
}

/** aws_route_table: inline `route` blocks become alicloud_route_entry resources after the table. */
export function routeTable(ctx: TransformContext): void {
  for (const r of blocksOf(ctx.block.body)) if (r.blockType.text === "route") removeBlock(ctx.block, r);
  const vpc = getAttribute(ctx.plan.original, "vpc_id");
  const vpcSource = vpc ? exprSource(vpc.expr) : undefined;
  const tableRef = `${instanceRef(`${ctx.rule.to}.${ctx.top.name}`, ctx.plan.original)}.id`;
  const repeat = repetition(ctx.plan.original);
  const used = new Set<string>();
  const specs = blocksOf(ctx.plan.original.body)
    .filter((b) => b.blockType.text === "route")
    .flatMap((route, k) => {
      const dest = getAttribute(route, "cidr_block");
      const hop = nextHopOf(ctx, route, vpcSource);
      const where = `route[${k}]`;
      if ("none" in hop || !dest) {
        ctx.change({ argument: where, kind: "dropped", severity: "none" in hop && hop.none.startsWith("Routes to an internet gateway") ? "info" : "warning", reason: "none" in hop ? hop.none : "Only IPv4 routes (cidr_block) are translated.", action: "none" in hop && hop.none.startsWith("Routes to an internet gateway") ? "Nothing to do for instances with EIPs; private subnets get SNAT entries on the NAT gateway." : "Add the route by hand." });
        return [];
      }
      const name = uniqueName(`${ctx.top.name}_${routeSuffix(exprSource(dest.expr), k)}`, used);
      ctx.change({ argument: where, kind: "moved", to: `alicloud_route_entry.${name}`, severity: "info", reason: "Alibaba Cloud routes are separate alicloud_route_entry resources." });
      const items: ItemSpec[] = [...repeat, { attr: "route_table_id", expr: tableRef }, { attr: "destination_cidrblock", expr: exprSource(dest.expr) }, { attr: "nexthop_type", expr: JSON.stringify(hop.type) }, { attr: "nexthop_id", expr: hop.id }];
      return [{ type: "resource", labels: ["alicloud_route_entry", name], items }];
    });
  ctx.emitAfter(specs);
}

/** aws_route → alicloud_route_entry: the target argument becomes nexthop_type + nexthop_id. */
export function route(ctx: TransformContext): void {
  const tablePlanAddress = firstAddress(getAttribute(ctx.plan.original, "route_table_id")?.expr);
  const tablePlan = tablePlanAddress ? ctx.planOf(tablePlanAddress) : undefined;
  const vpc = tablePlan ? getAttribute(tablePlan.original, "vpc_id") : undefined;
  const hop = nextHopOf(ctx, ctx.plan.original, vpc ? exprSource(vpc.expr) : undefined);
  for (const a of attributesOf(ctx.block.body)) {
    if (/^(nat_gateway_id|network_interface_id|vpc_peering_connection_id|instance_id|vpc_endpoint_id|transit_gateway_id|gateway_id|egress_only_gateway_id|carrier_gateway_id|local_gateway_id|core_network_arn)$/.test(a.name.text)) removeAttribute(ctx.block, a.name.text);
  }
  if ("none" in hop) {
    ctx.plan.absorbedInto = { target: "(none)", reason: hop.none };
    ctx.change({ argument: "(block)", kind: "dropped", severity: hop.none.startsWith("Routes to an internet gateway") ? "info" : "warning", reason: hop.none, action: "Nothing to do for instances with EIPs; private subnets get SNAT entries on the NAT gateway." });
    return;
  }
  setAttribute(ctx.block, "nexthop_type", JSON.stringify(hop.type));
  setAttribute(ctx.block, "nexthop_id", hop.id);
}

function routeSuffix(dest: string, k: number): string {
  if (dest === '"0.0.0.0/0"') return "default";
  const m = /^"([\d.]+)\/(\d+)"$/.exec(dest);
  return m ? m[1]!.replace(/\./g, "_") + "_" + m[2] : `route_${k}`;
}

function uniqueName(base: string, used: Set<string>): string {
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base}_${i}`;
  used.add(name);
  return name;
}
