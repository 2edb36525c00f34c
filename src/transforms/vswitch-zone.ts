/**
 * aws_subnet → alicloud_vswitch: zone ids differ between the clouds
 * (`us-east-1a` names nothing on Alibaba Cloud), so a hard-coded zone is
 * never copied. It becomes an element of data.alicloud_zones, picked by the
 * zone letter, with a finding asking a person to confirm the choice.
 */

import { isToken, type Node, type TemplateExpr } from "../hcl/cst.js";
import { getAttribute, replaceExpr, setAttribute } from "../hcl/edit.js";
import { exprSource, templateString } from "../hcl/value.js";
import { plansOfType } from "./aws-graph.js";
import { addGenerated, decide, type StackContext, type TransformContext } from "./context.js";

export const ZONES_DATA = "data.alicloud_zones.aws2ali";

/** One data source per stack listing the zones where VSwitches can be created. */
export function ensureZonesData(stack: StackContext): string {
  const files = stack.generated.get("aws2ali-zones.tf");
  if (!files) {
    addGenerated(stack, "aws2ali-zones.tf", {
      type: "data",
      labels: ["alicloud_zones", "aws2ali"],
      items: [
        { comment: "Injected by aws2ali: zones are looked up, never hard-coded (AWS zone names mean nothing on Alibaba Cloud)." },
        { attr: "available_resource_creation", expr: '"VSwitch"' },
      ],
    });
  }
  return ZONES_DATA;
}

/** Reuse the stack's own zone lookup (translated from data.aws_availability_zones) when it has one. */
function zonesDataFor(ctx: TransformContext): string {
  const own = plansOfType(ctx, "aws_availability_zones").find((p) => p.top.kind === "data" && p.target);
  return own ? own.target!.names.join(".") : ensureZonesData(ctx.stack);
}

export function vswitchZone(ctx: TransformContext): void {
  const attr = getAttribute(ctx.block, "zone_id");
  if (!attr) {
    // Lookups and other users of this transform filter by zone only when asked to.
    if (ctx.top.kind !== "resource" || ctx.top.type !== "aws_subnet") return;
    // AWS picks a zone for a subnet that names none; a VSwitch must name one.
    setAttribute(ctx.block, "zone_id", `${zonesDataFor(ctx)}.zones[0].id`);
    ctx.change({ argument: "availability_zone", kind: "note", severity: "warning", reason: "The subnet named no zone (AWS picks one); a VSwitch must, so aws2ali uses the first zone that can host VSwitches.", action: "Choose the zone, e.g. spread VSwitches over zones with data.alicloud_zones.<name>.zones[index].id." });
    return;
  }
  const zones: string[] = [];
  // Every AWS zone name written literally in the value, alone or in a list: `"us-east-1a"`, `["us-east-1a", "us-east-1b"][count.index]`.
  for (const t of templatesIn(attr.expr)) {
    const zone = templateString(t);
    if (!zone || !AWS_ZONE.test(zone)) continue;
    replaceExpr(ctx.block, t, `${zonesDataFor(ctx)}.zones[${zoneIndex(zone)}].id`);
    zones.push(zone);
  }
  if (zones.length === 0) return;
  ctx.change({ argument: "availability_zone", kind: "value-mapped", to: exprSource(getAttribute(ctx.block, "zone_id")!.expr), severity: "warning", reason: `Hard-coded zone${zones.length > 1 ? "s" : ""} ${zones.map((z) => JSON.stringify(z)).join(", ")}: Alibaba Cloud zone ids differ, so aws2ali picks the zone that can host VSwitches by the zone letter (a → first, b → second, …).`, action: "Confirm the zones, or choose them with data.alicloud_zones filters (e.g. available_instance_type)." });
  decide(ctx.run, { topic: "zones", summary: "Zones come from data.alicloud_zones", detail: "Hard-coded AWS zone names were replaced by elements of data.alicloud_zones (zone letter a → first zone, b → second, …), and data.aws_availability_zones became data.alicloud_zones." });
}

/** AWS zone names (`us-east-1a`) and zone ids (`use1-az2`). */
const AWS_ZONE = /^([a-z]{2}(-gov)?-[a-z]+-\d[a-z]|[a-z]{3,4}\d-az\d+)$/;

function templatesIn(node: Node): TemplateExpr[] {
  const out: TemplateExpr[] = [];
  const walk = (n: Node): void => {
    if (n.type === "Template") out.push(n);
    else for (const p of n.parts) if (!isToken(p)) walk(p);
  };
  walk(node);
  return out;
}

/** `us-east-1a` → 0, `…b` → 1; zone ids like `use1-az2` → 1. */
function zoneIndex(zone: string): number {
  const az = /az(\d+)$/.exec(zone);
  if (az) return Math.max(0, Number(az[1]) - 1);
  const letter = /([a-z])$/.exec(zone);
  return letter ? letter[1]!.charCodeAt(0) - 97 : 0;
}
