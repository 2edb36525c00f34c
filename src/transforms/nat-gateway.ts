/**
 * NAT gateways and public IPs. Alibaba Cloud bills and moves public IPs
 * apart from what they are bound to, so an EIP is always its own
 * alicloud_eip_address bound by an alicloud_eip_association. An Enhanced
 * NAT gateway does not translate private traffic by itself: each private
 * VSwitch needs an alicloud_snat_entry — aws2ali derives one for every
 * subnet whose route table sends 0.0.0.0/0 to the NAT gateway.
 */

import { blocksOf, type Block, type Expr } from "../hcl/cst.js";
import { getAttribute, removeAttribute, setAttribute } from "../hcl/edit.js";
import type { BlockSpec, ItemSpec } from "../hcl/format.js";
import { exprSource, staticValue } from "../hcl/value.js";
import { firstAddress, instanceRef, plansOfType, refersTo, repetition } from "./aws-graph.js";
import { decide, type TransformContext } from "./context.js";
import { inputVariable } from "./retarget.js";

const EIP_DECISION = {
  topic: "eip-decoupling" as const,
  summary: "EIPs are separate resources bound by association",
  detail: "Each AWS EIP became an alicloud_eip_address plus an alicloud_eip_association binding it to its NAT gateway or instance: Alibaba Cloud bills and moves public IPs independently of what they are bound to.",
};

export function natGateway(ctx: TransformContext): void {
  const natAddress = `${ctx.rule.to}.${ctx.top.name}`;
  const natRef = instanceRef(natAddress, ctx.plan.original);
  ensureVpcId(ctx);
  const specs: BlockSpec[] = [];
  const allocation = getAttribute(ctx.plan.original, "allocation_id");
  removeAttribute(ctx.block, "allocation_id");
  const eipAddress = firstAddress(allocation?.expr);
  if (allocation) {
    specs.push({
      type: "resource",
      labels: ["alicloud_eip_association", ctx.top.name],
      items: [...repetition(ctx.plan.original), { attr: "allocation_id", expr: exprSource(allocation.expr) }, { attr: "instance_id", expr: `${natRef}.id` }, { attr: "instance_type", expr: '"Nat"' }],
    });
    ctx.change({ argument: "allocation_id", kind: "moved", to: `alicloud_eip_association.${ctx.top.name}`, severity: "info", reason: "The EIP is bound to the NAT gateway by an association resource." });
    decide(ctx.run, EIP_DECISION);
  }
  const snatIp = eipAddress ? snatIpOf(ctx, eipAddress, allocation!.expr) : undefined;
  const subnets = privateSubnetsRoutedTo(ctx, ctx.top.address);
  if (subnets.length > 0 && snatIp) {
    subnets.forEach((s, k) => {
      const items: ItemSpec[] = [...s.repeat, { attr: "snat_table_id", expr: `${natRef}.snat_table_ids` }, { attr: "source_vswitch_id", expr: s.subnetExpr }, { attr: "snat_ip", expr: snatIp }];
      specs.push({ type: "resource", labels: ["alicloud_snat_entry", subnets.length === 1 ? ctx.top.name : `${ctx.top.name}_${k + 1}`], items });
    });
    ctx.change({ argument: "(block)", kind: "note", severity: "info", reason: `Added ${subnets.length} SNAT entr${subnets.length === 1 ? "y" : "ies"}: the private subnets whose route tables send 0.0.0.0/0 to this NAT gateway (${subnets.map((s) => s.from).join(", ")}).` });
    decide(ctx.run, { topic: "eip-decoupling", summary: "SNAT entries for private VSwitches", detail: "An Alibaba NAT gateway translates only the VSwitches that have SNAT entries; aws2ali added one for every private subnet whose AWS route table sent 0.0.0.0/0 to the NAT gateway." });
  } else {
    ctx.change({ argument: "(block)", kind: "note", severity: "warning", reason: "No private subnet routed to this NAT gateway was found (or its EIP is not known), so no SNAT entry was added; without one, the NAT gateway translates nothing.", action: "Add an alicloud_snat_entry for each VSwitch that should reach the internet through it." });
  }
  ctx.emitAfter(specs);
}

/** alicloud_nat_gateway needs the VPC, which AWS takes from the subnet. */
function ensureVpcId(ctx: TransformContext): void {
  if (getAttribute(ctx.block, "vpc_id")) return;
  const subnet = ctx.planOf(firstAddress(getAttribute(ctx.plan.original, "subnet_id")?.expr) ?? "");
  const vpc = subnet && getAttribute(subnet.original, "vpc_id");
  if (vpc) {
    setAttribute(ctx.block, "vpc_id", exprSource(vpc.expr));
    return;
  }
  // The subnet is not defined here (a variable, a data source): its VPC is an input, so the output stays valid.
  setAttribute(ctx.block, "vpc_id", inputVariable(ctx, `${ctx.top.name}_nat_vpc_id`, `ID of the VPC that the NAT gateway ${ctx.top.address} belongs to (the VPC of its VSwitch).`, { type: "string" }));
  ctx.change({ argument: "vpc_id", kind: "note", severity: "warning", reason: "alicloud_nat_gateway needs its VPC, and the subnet is not defined in this configuration.", action: `Set var.${ctx.top.name}_nat_vpc_id to the VSwitch's VPC id.` });
}

/** The public IP to translate to: the EIP's address. */
function snatIpOf(ctx: TransformContext, eipAddress: string, allocation: Expr): string | undefined {
  const eip = ctx.planOf(eipAddress);
  if (!eip?.target) return undefined;
  const source = exprSource(allocation);
  // `aws_eip.nat[count.index].id` → the same instance's ip_address.
  return source.replace(/\.(id|allocation_id)$/, ".public_ip");
}

interface RoutedSubnet {
  subnetExpr: string;
  repeat: ItemSpec[];
  from: string;
}

/** Subnets associated with a route table that sends 0.0.0.0/0 to the NAT gateway. */
function privateSubnetsRoutedTo(ctx: TransformContext, natAddress: string): RoutedSubnet[] {
  const tables = new Set<string>();
  for (const rt of plansOfType(ctx, "aws_route_table")) {
    if (blocksOf(rt.original.body).some((r) => r.blockType.text === "route" && isDefaultRouteTo(r, natAddress))) tables.add(rt.top.address);
  }
  for (const r of plansOfType(ctx, "aws_route")) {
    if (isDefaultRouteTo(r.original, natAddress, "destination_cidr_block")) {
      const t = firstAddress(getAttribute(r.original, "route_table_id")?.expr);
      if (t) tables.add(t);
    }
  }
  const out: RoutedSubnet[] = [];
  for (const assoc of plansOfType(ctx, "aws_route_table_association")) {
    const table = firstAddress(getAttribute(assoc.original, "route_table_id")?.expr);
    const subnet = getAttribute(assoc.original, "subnet_id");
    if (!table || !tables.has(table) || !subnet) continue;
    out.push({ subnetExpr: exprSource(subnet.expr), repeat: repetition(assoc.original), from: assoc.top.address });
  }
  return out;
}

function isDefaultRouteTo(route: Block, natAddress: string, cidrArg = "cidr_block"): boolean {
  const cidr = getAttribute(route, cidrArg);
  return cidr !== undefined && staticValue(cidr.expr) === "0.0.0.0/0" && refersTo(getAttribute(route, "nat_gateway_id")?.expr, natAddress);
}

/** aws_eip with `instance` or `network_interface` → alicloud_eip_address + alicloud_eip_association. */
export function eip(ctx: TransformContext): void {
  for (const [arg, type] of [
    ["instance", "EcsInstance"],
    ["network_interface", "NetworkInterface"],
  ] as const) {
    const target = getAttribute(ctx.plan.original, arg);
    removeAttribute(ctx.block, arg);
    if (!target) continue;
    const eipRef = instanceRef(`${ctx.rule.to}.${ctx.top.name}`, ctx.plan.original);
    ctx.emitAfter([
      {
        type: "resource",
        labels: ["alicloud_eip_association", ctx.top.name],
        items: [...repetition(ctx.plan.original), { attr: "allocation_id", expr: `${eipRef}.id` }, { attr: "instance_id", expr: exprSource(target.expr) }, { attr: "instance_type", expr: JSON.stringify(type) }],
      },
    ]);
    ctx.change({ argument: arg, kind: "moved", to: `alicloud_eip_association.${ctx.top.name}`, severity: "info", reason: "Alibaba Cloud binds an EIP through a separate association." });
    decide(ctx.run, EIP_DECISION);
  }
  removeAttribute(ctx.block, "associate_with_private_ip");
}
