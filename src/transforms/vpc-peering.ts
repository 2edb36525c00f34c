/**
 * aws_vpc_peering_connection → alicloud_vpc_peer_connection. Alibaba needs
 * the accepting region even for peering inside one region; AWS leaves
 * peer_region out then, so the provider's region is filled in. Peering
 * across regions is billed by bandwidth and link type on Alibaba Cloud.
 */

import { getAttribute, setAttribute } from "../hcl/edit.js";
import { exprSource } from "../hcl/value.js";
import type { TransformContext } from "./context.js";
import { regionExpr } from "./retarget.js";

export function vpcPeering(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const peerRegion = getAttribute(o, "peer_region");
  if (!peerRegion) {
    const region = regionExpr(ctx);
    setAttribute(ctx.block, "accepting_region_id", region);
    ctx.change({ argument: "peer_region", kind: "note", to: "accepting_region_id", severity: "info", reason: `Alibaba requires the accepting region even within one region; it is the provider's current region (${region}).` });
  } else {
    ctx.change({ argument: "peer_region", kind: "note", severity: "warning", reason: `Cross-region peering (${exprSource(peerRegion.expr)}) is billed by bandwidth on Alibaba Cloud: bandwidth (Mbit/s) and link_type (Platinum, Gold, Silver) choose the tier, and the defaults may not match the AWS throughput.`, action: "Set bandwidth and link_type on the peer connection." });
  }
}
