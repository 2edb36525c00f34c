/**
 * aws_subnet → alicloud_vswitch: zone ids differ between the clouds
 * (`us-east-1a` names nothing on Alibaba Cloud), so a hard-coded zone is
 * never copied. It becomes an element of data.alicloud_zones, picked by the
 * zone letter, with a finding asking a person to confirm the choice.
 */

import { getAttribute, replaceAttributeValue, setAttribute } from "../hcl/edit.js";
import { originalLiteral, plansOfType } from "./aws-graph.js";
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
  for (const name of ["availability_zone", "availability_zone_id"]) {
    const zone = originalLiteral(ctx.plan, name);
    if (typeof zone !== "string") continue;
    const index = zoneIndex(zone);
    const ref = `${zonesDataFor(ctx)}.zones[${index}].id`;
    const attr = getAttribute(ctx.block, "zone_id");
    if (attr) replaceAttributeValue(attr, ref);
    else setAttribute(ctx.block, "zone_id", ref);
    ctx.change({ argument: name, kind: "value-mapped", to: ref, severity: "warning", reason: `The zone ${JSON.stringify(zone)} was hard-coded; Alibaba Cloud zone ids differ, so aws2ali uses the ${ordinal(index)} zone that can host VSwitches in the region.`, action: "Confirm the zone, or pick one explicitly with data.alicloud_zones filters (e.g. available_instance_type)." });
    decide(ctx.run, { topic: "zones", summary: "Zones come from data.alicloud_zones", detail: "Hard-coded AWS zone names were replaced by elements of data.alicloud_zones.aws2ali (zone letter a → first zone, b → second, …), and data.aws_availability_zones became data.alicloud_zones." });
    return;
  }
}

/** `us-east-1a` → 0, `…b` → 1; zone ids like `use1-az2` → 1. */
function zoneIndex(zone: string): number {
  const az = /az(\d+)$/.exec(zone);
  if (az) return Math.max(0, Number(az[1]) - 1);
  const letter = /([a-z])$/.exec(zone);
  return letter ? letter[1]!.charCodeAt(0) - 97 : 0;
}

function ordinal(i: number): string {
  return ["first", "second", "third", "fourth", "fifth", "sixth"][i] ?? `#${i + 1}`;
}
