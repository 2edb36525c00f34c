/**
 * aws_s3_bucket_replication_configuration → one alicloud_oss_bucket_replication
 * per enabled rule. OSS needs what S3 reads elsewhere: the destination's
 * location ("oss-<region>", taken from the destination bucket resource),
 * the sync role's name (not its ARN), and an explicit
 * historical_object_replication = "disabled" (OSS copies existing objects by
 * default, S3 only when asked). Prefix filters become prefix_set, the replica
 * KMS key and replication time control their own blocks.
 */

import { blocksOf, type Block } from "../hcl/cst.js";
import { addBlock, blockLabels, getAttribute, quote, renderBlock, setAttribute } from "../hcl/edit.js";
import { parse } from "../hcl/parser.js";
import { exprSource } from "../hcl/value.js";
import { blockRule } from "../mapping/rule.js";
import { firstAddress } from "./aws-graph.js";
import { dedupeChanges, firstNested, inputName, inputVariable, kmsKeyToId, literal, nested, swapAttribute } from "./compute-shared.js";
import type { TransformContext } from "./context.js";
import { itemsOf, replayChildren, specOf, targetSchema } from "./flatten-nested.js";
import { foldInto } from "./fold.js";
import { ramRoleName } from "./ram-policy.js";
import { retractChanges } from "./report-changes.js";

export function s3ReplicationRules(ctx: TransformContext): void {
  const schema = targetSchema(ctx);
  const ruleRule = blockRule(ctx.rule.blocks?.rule);
  if (!schema || !ruleRule) return;
  const o = ctx.plan.original;
  for (const b of blocksOf(o.body)) if (b.blockType.text === "dynamic" && blockLabels(b)[0] === "rule") ctx.change({ argument: "rule", kind: "dropped", severity: "warning", reason: 'A dynamic "rule" block was not translated: OSS needs one alicloud_oss_bucket_replication per rule.', action: "Write one alicloud_oss_bucket_replication per rule (for_each over the rules) by hand." });
  const rules = nested(o, "rule");
  const enabled = rules.filter((r, k) => {
    if (literal(getAttribute(r, "status")?.expr) !== "Disabled") return true;
    ctx.change({ argument: ruleWhere(rules, r, k), kind: "dropped", severity: "warning", reason: 'The rule is disabled (status = "Disabled"); OSS replication rules are active while they exist, so it was not emitted.', action: "Add an alicloud_oss_bucket_replication for it when it should replicate." });
    return false;
  });
  if (enabled.length === 0) {
    ctx.change({ argument: "(block)", kind: "dropped", severity: "warning", reason: "No enabled replication rule: nothing to emit.", action: "Nothing, unless a rule is meant to replicate." });
    foldInto(ctx, "(none)", "it has no enabled replication rule.");
    return;
  }
  syncRole(ctx);
  // The arguments every rule's resource shares (bucket, sync_role, action, meta-arguments), as the engine left them.
  const shared = itemsOf(ctx.block);
  const used = new Set<string>([ctx.top.name]);
  enabled.forEach((r, k) => {
    const where = ruleWhere(rules, r, rules.indexOf(r));
    let owner = ctx.block;
    let name = ctx.top.name;
    if (k > 0) {
      name = uniqueName(`${ctx.top.name}_${ruleSuffix(r, k)}`, used);
      owner = blocksOf(parse(renderBlock({ type: "resource", labels: [ctx.rule.to!, name], items: shared }), "<replication>").file.body)[0]!;
    }
    replayChildren(ctx, owner, schema, r, ruleRule, `${where}.`);
    finishRule(ctx, owner, r, where, k === 0 ? "" : `${ruleSuffix(r, k)}_`);
    if (k > 0) {
      ctx.emitAfter([specOf(owner)]);
      ctx.change({ argument: where, kind: "moved", to: `${ctx.rule.to}.${name}`, severity: "info", reason: "OSS takes one replication resource per rule." });
    }
  });
  if (enabled.length > 1) ctx.change({ argument: "rule", kind: "note", severity: "info", reason: `The ${enabled.length} rules became ${enabled.length} alicloud_oss_bucket_replication resources (the first keeps the name ${ctx.top.name}); OSS refuses rules whose prefixes overlap.` });
  dedupeChanges(ctx);
  ctx.change({ argument: "role", kind: "note", severity: "warning", reason: "The sync role needs a RAM policy that lets OSS replicate (oss:ReplicateGet/ReplicatePut/ReplicateList/ReplicateDelete on both buckets, and kms:Decrypt/GenerateDataKey when SSE-KMS objects are replicated), and a trust policy for oss.aliyuncs.com.", action: "Attach that policy to the RAM role (or use the system role AliyunOSSRole)." });
}

function ruleWhere(rules: Block[], r: Block, k: number): string {
  if (rules.length === 1) return "rule";
  const id = literal(getAttribute(r, "id")?.expr);
  return typeof id === "string" ? `rule[${JSON.stringify(id)}]` : `rule[${k}]`;
}

function ruleSuffix(r: Block, k: number): string {
  const id = literal(getAttribute(r, "id")?.expr);
  const s = typeof id === "string" ? id.toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/^_+|_+$/g, "") : "";
  return s && /^[a-z_]/.test(s) ? s : `rule_${k + 1}`;
}

function uniqueName(base: string, used: Set<string>): string {
  let n = base;
  for (let i = 2; used.has(n); i++) n = `${base}_${i}`;
  used.add(n);
  return n;
}

/** sync_role takes the RAM role's name: `aws_iam_role.r.arn` → its name; a literal ARN → the name in it. */
function syncRole(ctx: TransformContext): void {
  const attr = getAttribute(ctx.block, "sync_role");
  if (!attr) return;
  const src = exprSource(attr.expr);
  const byName = swapAttribute(src, "aws_iam_role", "name");
  if (byName) {
    setAttribute(ctx.block, "sync_role", byName);
    ctx.change({ argument: "role", kind: "value-mapped", to: "role name", severity: "info", reason: "OSS names the sync role by its RAM role name, not its ARN." });
    return;
  }
  const v = literal(attr.expr);
  const m = typeof v === "string" ? /^arn:aws[a-z-]*:iam::\d*:role\/(?:.*\/)?([^/]+)$/.exec(v) : null;
  if (m) {
    const name = ramRoleName(m[1]!);
    setAttribute(ctx.block, "sync_role", quote(name));
    ctx.change({ argument: "role", kind: "value-mapped", to: JSON.stringify(name), severity: "warning", reason: `The AWS role ARN ${JSON.stringify(v)} became the RAM role name ${JSON.stringify(name)}.`, action: "Create that RAM role (trusting oss.aliyuncs.com) or set sync_role to an existing one." });
  } else if (!firstAddress(attr.expr)?.startsWith("aws_iam_role.")) {
    ctx.change({ argument: "role", kind: "note", severity: "warning", reason: `The sync role ${src} is computed; OSS wants the RAM role name, not an ARN.`, action: "Make sure the value is a RAM role name." });
  }
}

/** What the rule's data cannot say: the destination's bucket and location, prefixes, KMS key, RTC, historical replication. */
function finishRule(ctx: TransformContext, owner: Block, r: Block, where: string, varPrefix: string): void {
  const destOrig = firstNested(r, "destination");
  const dest = blocksOf(owner.body).find((b) => b.blockType.text === "destination");
  if (destOrig && dest) destination(ctx, dest, destOrig, where, varPrefix);
  const prefix = prefixOf(r);
  if (prefix && literal(prefix.expr) !== "") {
    addBlock(owner, { type: "prefix_set", labels: [], items: [{ attr: "prefixes", expr: `[${exprSource(prefix.expr)}]` }] });
    ctx.change({ argument: `${where}.filter.prefix`, kind: "moved", to: "prefix_set.prefixes", severity: "info", reason: "The prefix filter became prefix_set { prefixes }." });
  }
  const filter = firstNested(r, "filter");
  const tagged = filter && (firstNested(filter, "tag") || (firstNested(filter, "and") && getAttribute(firstNested(filter, "and")!, "tags")));
  if (tagged) ctx.change({ argument: `${where}.filter`, kind: "dropped", severity: "warning", reason: "OSS replication filters by prefix only; the tag filter was dropped, so the rule replicates every object under the prefix.", action: "Replicate by prefix instead (move the tagged objects under a prefix), or accept the wider replication." });
  const kms = destOrig && firstNested(destOrig, "encryption_configuration");
  const key = kms && getAttribute(kms, "replica_kms_key_id");
  if (key) {
    addBlock(owner, { type: "encryption_configuration", labels: [], items: [{ attr: "replica_kms_key_id", expr: exprSource(key.expr) }] });
    const added = blocksOf(owner.body).find((b) => b.blockType.text === "encryption_configuration")!;
    kmsKeyToId(ctx, added, "replica_kms_key_id", `${where}.destination.encryption_configuration.replica_kms_key_id`);
    ctx.change({ argument: `${where}.destination.encryption_configuration`, kind: "moved", to: "encryption_configuration", severity: "info", reason: "The replica KMS key is a top-level encryption_configuration block in OSS." });
  }
  const rtc = destOrig && firstNested(destOrig, "replication_time");
  if (rtc && literal(getAttribute(rtc, "status")?.expr) === "Enabled") {
    addBlock(owner, { type: "rtc", labels: [], items: [{ attr: "enabled", expr: "true" }] });
    ctx.change({ argument: `${where}.destination.replication_time`, kind: "moved", to: "rtc", severity: "info", reason: "Replication time control became rtc { enabled = true } (OSS RTC is offered between certain regions only)." });
  }
  if (!getAttribute(owner, "historical_object_replication")) {
    setAttribute(owner, "historical_object_replication", '"disabled"');
    ctx.change({ argument: `${where}.existing_object_replication`, kind: "note", severity: "info", reason: 'OSS copies existing objects unless told not to; S3 does not: historical_object_replication = "disabled" keeps the S3 behaviour.' });
  }
}

/** Deprecated rule.prefix, filter.prefix or filter.and.prefix. */
function prefixOf(r: Block): ReturnType<typeof getAttribute> {
  const filter = firstNested(r, "filter");
  const and = filter && firstNested(filter, "and");
  return (filter && getAttribute(filter, "prefix")) ?? (and && getAttribute(and, "prefix")) ?? getAttribute(r, "prefix");
}

function destination(ctx: TransformContext, dest: Block, orig: Block, where: string, varPrefix: string): void {
  const bucket = getAttribute(orig, "bucket");
  const address = firstAddress(bucket?.expr);
  const local = address?.startsWith("aws_s3_bucket.") ? ctx.planOf(address) : undefined;
  if (bucket && local) {
    retractChanges(ctx, `${where}.destination.bucket`);
    const name = swapAttribute(exprSource(bucket.expr), "aws_s3_bucket", "bucket");
    if (name) setAttribute(dest, "bucket", name);
    setAttribute(dest, "location", swapAttribute(exprSource(bucket.expr), "aws_s3_bucket", "location") ?? `${address}.location`);
    ctx.change({ argument: `${where}.destination.bucket`, kind: "value-mapped", to: "bucket + location", severity: "info", reason: `OSS names the destination by bucket name and location ("oss-<region>"); both come from ${address}.` });
    return;
  }
  const v = bucket ? literal(bucket.expr) : undefined;
  if (bucket && typeof v !== "string") ctx.change({ argument: `${where}.destination.bucket`, kind: "note", severity: "warning", reason: `The destination bucket ${exprSource(bucket.expr)} is computed; OSS wants the bucket name, not an ARN.`, action: "Make sure the value is the destination bucket's name." });
  const variable = inputVariable(ctx, inputName(ctx, `${varPrefix}destination_location`), `Location ("oss-<region>", e.g. oss-eu-central-1) of the destination bucket of ${ctx.top.address}; the bucket is not in this configuration.`);
  setAttribute(dest, "location", variable);
  ctx.change({ argument: `${where}.destination.bucket`, kind: "note", severity: "warning", reason: `The destination bucket is not in this configuration, so its location became ${variable}.`, action: 'Set the variable to the destination bucket\'s location ("oss-<region>").' });
}

