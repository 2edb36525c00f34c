/**
 * Transit gateways → CEN. A transit gateway becomes a CEN instance with a
 * transit router; each VPC attachment becomes a transit-router VPC
 * attachment with one zone mapping per subnet. AWS associates and
 * propagates every attachment to the default route table unless told not
 * to; Alibaba does neither by default, and traffic silently drops without
 * them — so aws2ali emits the association and the propagation explicitly.
 */

import { blocksOf, type Block } from "../hcl/cst.js";
import { addBlock, getAttribute, removeAttribute, replaceAttributeValue, setAttribute } from "../hcl/edit.js";
import type { BlockSpec } from "../hcl/format.js";
import { exprSource, staticValue } from "../hcl/value.js";
import { firstAddress, plansOfType, refersTo } from "./aws-graph.js";
import { addGenerated, decide, type TransformContext } from "./context.js";
import { inputVariable } from "./retarget.js";

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

/** `transit_gateway_id = data.aws_ec2_transit_gateway.core.id` → `core`. */
function firstAddressOfData(original: Block): string | undefined {
  const e = getAttribute(original, "transit_gateway_id")?.expr;
  if (e?.type === "GetAttr" && e.target.type === "GetAttr" && e.target.target.type === "GetAttr" && e.target.target.target.type === "Variable" && e.target.target.target.name.text === "data" && e.target.target.name.text === "aws_ec2_transit_gateway") return e.target.name.text;
  return undefined;
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
  const tgw = tgwNameOf(ctx.plan.original);
  for (const arg of ["transit_gateway_id", "subnet_ids", "transit_gateway_default_route_table_association", "transit_gateway_default_route_table_propagation", "dns_support", "ipv6_support", "appliance_mode_support", "security_group_referencing_support"]) removeAttribute(ctx.block, arg);
  addZoneMappings(ctx);
  if (!tgw) {
    const looked = firstAddressOfData(ctx.plan.original);
    if (!looked) {
      ctx.change({ argument: "transit_gateway_id", kind: "note", severity: "warning", reason: "The transit gateway is not defined in this configuration, so its CEN instance and transit router are not known.", action: "Set cen_id and transit_router_id by hand." });
      return;
    }
    const router = `data.alicloud_cen_transit_routers.${looked}.transit_routers[0].transit_router_id`;
    setAttribute(ctx.block, "transit_router_id", router);
    emitDefaultRouting(ctx, `${looked}_system`, router, tgwDefaults(ctx, undefined));
    return;
  }
  setAttribute(ctx.block, "cen_id", `alicloud_cen_instance.${tgw}.id`);
  setAttribute(ctx.block, "transit_router_id", `alicloud_cen_transit_router.${tgw}.transit_router_id`);
  emitDefaultRouting(ctx, `${tgw}_system`, null, tgwDefaults(ctx, tgw));
}

function tgwDefaults(ctx: TransformContext, tgw: string | undefined): { associate: boolean; propagate: boolean } {
  const explicit = (type: string): boolean => plansOfType(ctx, type).some((p) => refersTo(getAttribute(p.original, "transit_gateway_attachment_id")?.expr, ctx.top.address));
  return {
    associate: !(tgw && disabled(ctx, tgw, "default_route_table_association")) && !explicit("aws_ec2_transit_gateway_route_table_association"),
    propagate: !(tgw && disabled(ctx, tgw, "default_route_table_propagation")) && !explicit("aws_ec2_transit_gateway_route_table_propagation"),
  };
}

/**
 * The association and propagation AWS would have made to the default route
 * table. `lookup` names the system route table data source; when `router`
 * is given (a looked-up transit router), that data source is emitted too.
 */
function emitDefaultRouting(ctx: TransformContext, lookup: string, router: string | null, want: { associate: boolean; propagate: boolean }): void {
  const n = ctx.top.name;
  const attachmentId = `alicloud_cen_transit_router_vpc_attachment.${n}.transit_router_attachment_id`;
  const table = `data.alicloud_cen_transit_router_route_tables.${lookup}.tables[0].id`;
  const specs: BlockSpec[] = [];
  if (router && (want.associate || want.propagate) && !ctx.stack.generated.get("aws2ali-cen.tf")?.some((s) => s.labels[1] === lookup)) {
    addGenerated(ctx.stack, "aws2ali-cen.tf", {
      type: "data",
      labels: ["alicloud_cen_transit_router_route_tables", lookup],
      items: [{ comment: "The shared transit router's system route table, where AWS's default association and propagation go." }, { attr: "transit_router_id", expr: router }, { attr: "transit_router_route_table_type", expr: '"System"' }],
    });
  }
  if (want.associate) specs.push({ type: "resource", labels: ["alicloud_cen_transit_router_route_table_association", n], items: [{ attr: "transit_router_attachment_id", expr: attachmentId }, { attr: "transit_router_route_table_id", expr: table }] });
  if (want.propagate) specs.push({ type: "resource", labels: ["alicloud_cen_transit_router_route_table_propagation", n], items: [{ attr: "transit_router_attachment_id", expr: attachmentId }, { attr: "transit_router_route_table_id", expr: table }] });
  if (specs.length === 0) return;
  ctx.emitAfter(specs);
  ctx.change({ argument: "(block)", kind: "note", severity: "info", reason: "Added the route table association and propagation that AWS applies by default and CEN does not." });
  decide(ctx.run, PROPAGATION_DECISION);
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
  // A computed list of VSwitch ids: look the VSwitches up to learn their zones.
  const lookup = `${ctx.top.name}_attachment`;
  addGenerated(ctx.stack, "aws2ali-cen.tf", { type: "data", labels: ["alicloud_vswitches", lookup], items: [{ comment: `The VSwitches of ${ctx.top.address}, for their zones.` }, { attr: "ids", expr: src }] });
  addBlock(ctx.block, {
    type: "dynamic",
    labels: ["zone_mappings"],
    items: [
      { attr: "for_each", expr: `data.alicloud_vswitches.${lookup}.vswitches` },
      { block: { type: "content", labels: [], items: [{ attr: "vswitch_id", expr: "zone_mappings.value.id" }, { attr: "zone_id", expr: "zone_mappings.value.zone_id" }] } },
    ],
  });
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

/**
 * data "aws_ec2_transit_gateway" → data "alicloud_cen_transit_routers". A
 * transit router is found within a CEN instance, which AWS has no notion
 * of: its id is an input (the network team owning a shared transit router
 * knows it), and a Name tag filter becomes a name regex.
 */
export function dataTransitGateway(ctx: TransformContext): void {
  const n = ctx.top.name;
  setAttribute(ctx.block, "cen_id", inputVariable(ctx, `${n}_cen_id`, `ID of the CEN instance that owns the transit router looked up as data.aws_ec2_transit_gateway.${n} (ask the team that owns it).`, { type: "string" }));
  ctx.change({ argument: "cen_id", kind: "note", severity: "warning", reason: "Alibaba looks transit routers up inside a CEN instance, which the AWS lookup does not name.", action: `Set var.${n}_cen_id to the owning CEN instance's id.` });
  const id = getAttribute(ctx.plan.original, "id");
  const literalId = id ? staticValue(id.expr) : undefined;
  if (typeof literalId === "string") {
    const attr = getAttribute(ctx.block, "transit_router_id");
    const ref = inputVariable(ctx, `${n}_transit_router_id`, `Alibaba transit router id standing for the AWS transit gateway ${literalId}.`, { type: "string" });
    if (attr) replaceAttributeValue(attr, ref);
    else setAttribute(ctx.block, "transit_router_id", ref);
  }
  for (const f of blocksOf(ctx.plan.original.body).filter((b) => b.blockType.text === "filter")) {
    const nameAttr = getAttribute(f, "name");
    const name = nameAttr ? staticValue(nameAttr.expr) : undefined;
    const values = getAttribute(f, "values");
    if (name === "tag:Name" && values?.expr.type === "Tuple" && values.expr.elements.length === 1) {
      const v = staticValue(values.expr.elements[0]!);
      if (typeof v === "string") {
        setAttribute(ctx.block, "name_regex", JSON.stringify(`^${v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`).replace(/\$\{/g, () => "$${"));
        ctx.change({ argument: "filter tag:Name", kind: "value-mapped", to: "name_regex", severity: "info", reason: "The Name tag filter matches the transit router's name." });
      }
    }
  }
}
