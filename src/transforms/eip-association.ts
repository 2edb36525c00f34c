/**
 * aws_eip_association → alicloud_eip_association. Alibaba needs to know
 * what kind of thing the EIP is bound to; AWS infers it from which
 * argument is set.
 */

import { getAttribute, setAttribute } from "../hcl/edit.js";
import { firstAddress } from "./aws-graph.js";
import type { TransformContext } from "./context.js";

export function eipAssociation(ctx: TransformContext): void {
  const o = ctx.plan.original;
  if (getAttribute(ctx.block, "instance_type")) return;
  if (getAttribute(o, "network_interface_id")) setAttribute(ctx.block, "instance_type", '"NetworkInterface"');
  else if (firstAddress(getAttribute(o, "instance_id")?.expr)?.startsWith("aws_nat_gateway.")) setAttribute(ctx.block, "instance_type", '"Nat"');
  else setAttribute(ctx.block, "instance_type", '"EcsInstance"');
}
