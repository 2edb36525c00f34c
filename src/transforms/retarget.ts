/**
 * Small helpers the network, messaging and configuration transforms share:
 * switching a block to another alicloud type than its rule names (an
 * Interface VPC endpoint, a SecureString parameter), input variables that
 * stand for values aws2ali cannot know, and the region and account id
 * expressions Alibaba resource names (acs:mns:<region>:<uid>:…) need.
 */

import { blockLabels, getAttribute, renameBlock } from "../hcl/edit.js";
import type { BlockSpec } from "../hcl/format.js";
import type { AttributeRule } from "../mapping/rule.js";
import { plansOfType } from "./aws-graph.js";
import type { TransformContext } from "./context.js";
import { stackSingleton } from "./stack-singletons.js";

/**
 * The block becomes `to` instead of its rule's target: the block is renamed,
 * references follow (`plan.target`), and reference attributes are checked
 * against the new type with `attributes` (the rule's own table when absent).
 */
export function switchTarget(ctx: TransformContext, to: string, attributes?: Record<string, AttributeRule | string>): void {
  const plan = ctx.plan;
  const before = plan.target?.names.join(".");
  const labels = blockLabels(ctx.block);
  renameBlock(ctx.block, undefined, [to, ...labels.slice(1)]);
  plan.rule = { ...plan.rule!, to, ...(attributes ? { attributes } : {}) };
  const kind = plan.rule.to_kind ?? plan.rule.kind;
  plan.target = { names: kind === "data" ? ["data", to, ctx.top.name] : [to, ctx.top.name] };
  const after = plan.target.names.join(".");
  plan.item.targets = plan.item.targets.map((t) => (t === before ? after : t));
}

/** An input variable of the stack standing for a value aws2ali cannot know; returns `var.<name>`. */
export function inputVariable(ctx: TransformContext, name: string, description: string, options: { type?: string; sensitive?: boolean } = {}): string {
  if (!ctx.stack.inputs.has(name)) ctx.stack.inputs.set(name, { description, ...(options.type ? { type: options.type } : {}), ...(options.sensitive ? { sensitive: true } : {}) });
  return `var.${name}`;
}

/** A Terraform identifier made from an address or a name: `aws_sqs_queue.orders` → `aws_sqs_queue_orders`. */
export function identifier(s: string): string {
  return s.replace(/[^A-Za-z0-9_]/g, "_");
}

/**
 * The current region as an expression: the folder's own data.aws_region
 * (translated to data.alicloud_regions with current = true) when it asks
 * for the current region, else one data "alicloud_regions" emitted for the
 * folder.
 */
export function regionExpr(ctx: TransformContext): string {
  const own = plansOfType(ctx, "aws_region").find((p) => p.top.kind === "data" && p.rule?.to && !["name", "region", "id"].some((a) => getAttribute(p.original, a)));
  if (own) return `${own.top.address}.name`;
  const spec: BlockSpec = { type: "data", labels: ["alicloud_regions", "aws2ali"], items: [{ attr: "current", expr: "true" }] };
  return `${stackSingleton(ctx, spec)}.ids[0]`;
}

/** The account id (Alibaba Cloud UID) as an expression: the folder's aws_caller_identity, or one data source emitted for the folder. */
export function accountIdExpr(ctx: TransformContext): string {
  const caller = plansOfType(ctx, "aws_caller_identity").find((p) => p.rule?.to);
  if (caller) return `${caller.top.address}.account_id`;
  return `${stackSingleton(ctx, { type: "data", labels: ["alicloud_caller_identity", "current"], items: [] })}.account_id`;
}

/** An object key as HCL writes it: bare when it is an identifier, quoted otherwise. */
export function hclKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : JSON.stringify(key);
}

/** Literal text for inside a quoted HCL string (escapes and `$${`), without the quotes. */
export function stringBody(s: string): string {
  // A replacement string would read "$$" as one "$": use functions.
  return JSON.stringify(s).slice(1, -1).replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{");
}

/**
 * Take back the rule engine's informational lines for arguments a transform
 * merged elsewhere ("dropped: the transform moves it"), so the report says
 * once where they went; warnings stay.
 */
export function retractInfo(ctx: TransformContext, args: string[]): void {
  const item = ctx.plan.item;
  item.changes = item.changes.filter((c) => !(c.severity === "info" && args.some((a) => c.argument === a || c.argument.startsWith(`${a}.`))));
}
