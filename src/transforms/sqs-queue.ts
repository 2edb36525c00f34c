/**
 * aws_sqs_queue → alicloud_message_service_queue (MNS). The JSON
 * redrive_policy becomes a dlq_policy block naming the dead-letter queue;
 * MNS limits are narrower than SQS's, so literal values outside them are
 * clamped; MNS queue names allow no "." (FIFO names end in ".fifo").
 */

import { addBlock, getAttribute, quote, replaceAttributeValue, setAttribute } from "../hcl/edit.js";
import type { ItemSpec } from "../hcl/format.js";
import { exprSource, staticValue } from "../hcl/value.js";
import type { TransformContext } from "./context.js";
import { readHcl, readJsonTemplate } from "./iam-policy-forms.js";
import { Holes, isObject, Raw, type PolicyValue } from "./ram-policy.js";
import { retractChanges } from "./report-changes.js";

/** MNS limits (provider docs, message_service_queue): [argument, AWS argument, min, max, unit]. */
const LIMITS: Array<[string, string, number, number, string]> = [
  ["delay_seconds", "delay_seconds", 0, 604800, "seconds"],
  ["maximum_message_size", "max_message_size", 1024, 65536, "bytes"],
  ["message_retention_period", "message_retention_seconds", 60, 604800, "seconds"],
  ["polling_wait_seconds", "receive_wait_time_seconds", 0, 30, "seconds"],
  ["visibility_timeout", "visibility_timeout_seconds", 1, 43200, "seconds"],
];

export function sqsRedrivePolicy(ctx: TransformContext): void {
  queueName(ctx);
  clampLimits(ctx);
  redrive(ctx);
}

/** MNS names: a letter first, then letters, digits and hyphens (at most 120 characters). */
function queueName(ctx: TransformContext): void {
  const attr = getAttribute(ctx.block, "queue_name");
  if (!attr) {
    const name = ctx.top.name.replace(/_/g, "-");
    setAttribute(ctx.block, "queue_name", quote(name));
    ctx.change({ argument: "name", kind: "note", to: JSON.stringify(name), severity: getAttribute(ctx.plan.original, "name_prefix") ? "warning" : "info", reason: `MNS requires a queue name; the queue is named ${JSON.stringify(name)} after the resource.`, action: "Check the name (the applications address the queue by it)." });
    return;
  }
  const v = staticValue(attr.expr);
  if (typeof v !== "string") return;
  const fixed = v.replace(/\.fifo$/, "-fifo").replace(/[^A-Za-z0-9-]+/g, "-").replace(/^[^A-Za-z]+/, "").slice(0, 120);
  if (fixed === v) return;
  replaceAttributeValue(attr, quote(fixed));
  ctx.change({ argument: "name", kind: "value-mapped", to: JSON.stringify(fixed), severity: "warning", reason: `MNS queue names take letters, digits and hyphens only (starting with a letter): ${JSON.stringify(v)} → ${JSON.stringify(fixed)}.`, action: "Update the producers and consumers that address the queue by name." });
}

function clampLimits(ctx: TransformContext): void {
  for (const [arg, aws, min, max, unit] of LIMITS) {
    const attr = getAttribute(ctx.block, arg);
    const v = attr ? staticValue(attr.expr) : undefined;
    if (!attr || typeof v !== "number" || (v >= min && v <= max)) continue;
    const to = Math.min(Math.max(v, min), max);
    replaceAttributeValue(attr, String(to));
    ctx.change({ argument: aws, kind: "value-mapped", to: String(to), severity: "warning", reason: `MNS allows ${min}–${max} ${unit} for ${arg}; ${v} was clamped to ${to}.`, action: aws === "max_message_size" ? "Keep messages within 64 KiB (store larger payloads in OSS and send a pointer)." : "Check that the clamped value is acceptable." });
  }
}

/** redrive_policy = jsonencode({ deadLetterTargetArn, maxReceiveCount }) → dlq_policy { … }. */
function redrive(ctx: TransformContext): void {
  const attr = getAttribute(ctx.plan.original, "redrive_policy");
  if (!attr) return;
  const holes = new Holes();
  const e = attr.expr;
  let value: PolicyValue | undefined;
  if (e.type === "Call" && e.name === "jsonencode" && e.args.length === 1) value = readHcl(e.args[0]!, holes);
  else if (e.type === "Template") {
    const read = readJsonTemplate(e, holes);
    if (!("error" in read)) value = read.value;
  }
  const target = isObject(value) ? value.deadLetterTargetArn : undefined;
  const count = isObject(value) ? value.maxReceiveCount : undefined;
  const exprOf = (v: PolicyValue | undefined): string | undefined => (v instanceof Raw ? holes.source(v.hole) : typeof v === "string" ? (holes.onlyHole(v) ?? quote(v)) : typeof v === "number" ? String(v) : undefined);
  let queue = exprOf(target);
  const countExpr = exprOf(count);
  if (!queue) {
    ctx.change({ argument: "redrive_policy", kind: "dropped", severity: "warning", reason: `The redrive policy ${exprSource(e).length > 80 ? "" : `${exprSource(e)} `}could not be read (aws2ali reads jsonencode({ deadLetterTargetArn, maxReceiveCount }) and JSON text).`, action: "Add dlq_policy { enabled = true, dead_letter_target_queue = <queue name>, max_receive_count = <n> } by hand." });
    return;
  }
  // An SQS ARN written literally: MNS names the dead-letter queue by name.
  const literal = /^"arn:aws[a-z-]*:sqs:[^:]*:[^:]*:([^"]+)"$/.exec(queue);
  if (literal) queue = quote(literal[1]!.replace(/\.fifo$/, "-fifo"));
  const items: ItemSpec[] = [{ attr: "enabled", expr: "true" }, { attr: "dead_letter_target_queue", expr: queue }];
  if (countExpr) items.push({ attr: "max_receive_count", expr: countExpr });
  addBlock(ctx.block, { type: "dlq_policy", labels: [], items });
  retractChanges(ctx, "redrive_policy");
  ctx.change({ argument: "redrive_policy", kind: "moved", to: "dlq_policy", severity: "info", reason: `The redrive policy became dlq_policy (dead-letter queue from ${queue}${countExpr ? `, after ${countExpr} receives` : ""}); MNS names the dead-letter queue by its name, not its ARN, so references to the queue's ARN read its queue_name.` });
}
