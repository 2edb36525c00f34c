/**
 * Policy lookups. data "aws_iam_policy" finds one policy by ARN or name;
 * data "alicloud_ram_policies" filters by a name regex and the policy type
 * (System for Alibaba's managed policies, Custom for the account's own), so
 * an AWS managed policy is looked up under the name of its RAM system
 * policy (iam-managed-policies value map).
 */

import { getAttribute, quote, setAttribute } from "../hcl/edit.js";
import { exprSource, staticValue } from "../hcl/value.js";
import type { TransformContext } from "./context.js";
import { ramName } from "./iam-names.js";
import { arnShape, policyArnName } from "./iam-policy-attachment.js";

function exactRegex(name: string): string {
  return `^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`;
}

export function dataIamPolicy(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const arn = getAttribute(o, "arn");
  const name = getAttribute(o, "name");
  const managed = ctx.run.table.values.get("iam-managed-policies");
  let lookup: { name: string; managed: boolean } | undefined;
  if (arn) {
    const shape = arnShape(arn.expr);
    lookup = shape !== undefined ? policyArnName(shape) : undefined;
    if (!lookup) {
      ctx.change({ argument: "arn", kind: "note", severity: "warning", reason: `The policy ARN ${exprSource(arn.expr)} cannot be read, so the lookup was not translated.`, action: "Set name_regex (\"^<RAM policy name>$\") and type (System or Custom) by hand." });
      return;
    }
  } else if (name) {
    const v = staticValue(name.expr);
    if (typeof v !== "string") {
      setAttribute(ctx.block, "name_regex", `"^\${${exprSource(name.expr)}}$"`);
      return;
    }
    lookup = { name: v, managed: v in (managed?.entries ?? {}) };
  } else return;
  if (lookup.managed) {
    const mapped = managed?.entries[lookup.name];
    if (typeof mapped !== "string") {
      setAttribute(ctx.block, "name_regex", quote(exactRegex(lookup.name)));
      setAttribute(ctx.block, "type", '"System"');
      ctx.change({ argument: arn ? "arn" : "name", kind: "note", severity: "warning", reason: `The AWS managed policy ${lookup.name} has no known RAM system policy; the lookup keeps its AWS name and will find nothing.`, action: "Look up the RAM system policy that fits (RAM console → Policies, type System)." });
      return;
    }
    setAttribute(ctx.block, "name_regex", quote(exactRegex(mapped)));
    setAttribute(ctx.block, "type", '"System"');
    ctx.change({ argument: arn ? "arn" : "name", kind: "value-mapped", severity: "info", to: mapped, reason: `AWS managed policy ${lookup.name} → RAM system policy ${mapped}; system policies are not identical to the AWS ones.` });
    return;
  }
  const ram = ramName("policy", lookup.name);
  setAttribute(ctx.block, "name_regex", quote(exactRegex(ram)));
  setAttribute(ctx.block, "type", '"Custom"');
  const wanted = lookup.name;
  const defined = [...ctx.run.plans.values()].find((p) => {
    const n = getAttribute(p.original, "name");
    return p.top.unit.dir === ctx.stack.dir.dir && p.top.kind === "resource" && p.top.type === "aws_iam_policy" && n !== undefined && staticValue(n.expr) === wanted;
  });
  ctx.change({
    argument: arn ? "arn" : "name",
    kind: "note",
    severity: "info",
    reason: `Looks up the RAM custom policy "${ram}"${defined ? `, which ${defined.top.address} of this configuration creates` : ""}.`,
    ...(defined ? { action: `Reference alicloud_ram_policy.${defined.top.name} directly instead of looking it up.` } : {}),
  });
}
