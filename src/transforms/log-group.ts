/**
 * aws_cloudwatch_log_group → alicloud_log_store in one alicloud_log_project
 * per folder.
 *
 * SLS keeps log stores in projects; CloudWatch has no such level, so the
 * first log group of a folder emits the project and every log store of the
 * folder joins it. Project names are unique across all Alibaba Cloud
 * accounts of a region, hence the account id in the generated name.
 * Log store names cannot hold `/`; CloudWatch's default is to keep logs
 * forever while SLS's is 30 days; and SLS only searches logs that are
 * indexed, while CloudWatch Logs Insights searches everything.
 */

import { getAttribute, quote, removeAttribute, replaceAttributeValue, setAttribute, addBlock } from "../hcl/edit.js";
import { exprSource, staticValue } from "../hcl/value.js";
import { instanceRef, plansOfType, repetition } from "./aws-graph.js";
import type { TransformContext } from "./context.js";
import { retractChanges } from "./report-changes.js";
import { LOG_STORE_NAME, sanitizedName } from "./resource-names.js";
import { stackBaseName, stackSingleton } from "./stack-singletons.js";

/** SLS keeps data permanently at its maximum retention (provider docs, log_store). */
const SLS_PERMANENT_DAYS = 3650;
/** Split characters SLS uses for full-text indexes by default (SLS console default token list). */
const DEFAULT_TOKENS = ", '\";=()[]{}?@&<>/:\n\t\r";

export function logGroup(ctx: TransformContext): void {
  const project = logProject(ctx);
  setAttribute(ctx.block, "project_name", `${project}.project_name`);
  nameLogStore(ctx);
  keepRetention(ctx);
  encryptAtRest(ctx);
  addFullTextIndex(ctx, project);
}

/** The folder's account id expression: an existing aws_caller_identity (translated later) or one emitted data source. */
function accountId(ctx: TransformContext): string {
  const caller = plansOfType(ctx, "aws_caller_identity").find((p) => p.rule?.to);
  if (caller) return `${caller.top.address}.account_id`;
  const address = stackSingleton(ctx, { type: "data", labels: ["alicloud_caller_identity", "current"], items: [] });
  return `${address}.account_id`;
}

export function logProject(ctx: TransformContext): string {
  const spec = {
    type: "resource",
    labels: ["alicloud_log_project", "this"],
    items: [
      { attr: "project_name", expr: `"${stackBaseName(ctx.stack)}-logs-\${${accountId(ctx)}}"` },
      { attr: "description", expr: quote("Log stores migrated from CloudWatch Logs by aws2ali.") },
    ],
  };
  return stackSingleton(ctx, spec, () => {
    ctx.change({ argument: "(block)", kind: "note", severity: "info", to: "alicloud_log_project.this", reason: "SLS keeps log stores in a project; aws2ali emitted one project for the log groups of this folder, named with the account id because project names are unique across all accounts of a region." });
  });
}

/** Log store names: lower-case letters, digits, `_` and `-`; `/aws/eks/x` becomes `aws-eks-x`. */
function nameLogStore(ctx: TransformContext): void {
  const attr = getAttribute(ctx.block, "logstore_name");
  if (!attr) {
    const prefix = getAttribute(ctx.plan.original, "name_prefix");
    const value = prefix ? staticValue(prefix.expr) : undefined;
    const base = `${typeof value === "string" ? value : ""}${ctx.top.name}`;
    const name = base.toLowerCase().replace(LOG_STORE_NAME.invalid, "-").replace(LOG_STORE_NAME.leading, "").replace(LOG_STORE_NAME.trailing, "");
    setAttribute(ctx.block, "logstore_name", quote(name));
    ctx.change({ argument: "name", kind: "note", to: JSON.stringify(name), severity: "info", reason: "The log group had no fixed name; the log store is named after the resource." });
    return;
  }
  const fixed = sanitizedName(attr.expr, LOG_STORE_NAME);
  if (!fixed) return;
  const before = exprSource(attr.expr);
  replaceAttributeValue(attr, fixed);
  ctx.change({ argument: "name", kind: "value-mapped", to: fixed, severity: "info", reason: `SLS log store names take lower-case letters, digits, "_" and "-" only: ${before} → ${fixed}. References to the log group's name now yield the log store name.` });
}

/** No retention in CloudWatch means forever; SLS would keep 30 days. Values above SLS's maximum become permanent. */
function keepRetention(ctx: TransformContext): void {
  const attr = getAttribute(ctx.block, "retention_period");
  if (!attr) {
    setAttribute(ctx.block, "retention_period", String(SLS_PERMANENT_DAYS));
    ctx.change({ argument: "retention_in_days", kind: "note", to: String(SLS_PERMANENT_DAYS), severity: "info", reason: `CloudWatch keeps logs forever when no retention is set; SLS would keep them 30 days, so retention_period = ${SLS_PERMANENT_DAYS} (permanent).` });
    return;
  }
  const days = staticValue(attr.expr);
  if (typeof days !== "number") return;
  if (days === 0 || days > SLS_PERMANENT_DAYS) {
    retractChanges(ctx, "retention_in_days");
    replaceAttributeValue(attr, String(SLS_PERMANENT_DAYS));
    ctx.change({ argument: "retention_in_days", kind: "value-mapped", to: String(SLS_PERMANENT_DAYS), severity: "info", reason: `${days} days → ${SLS_PERMANENT_DAYS} (SLS's longest retention, kept as permanent).` });
  } else if (ctx.plan.item.changes.some((c) => c.argument === "retention_in_days" && c.kind === "note" && c.severity === "warning")) {
    // A day count the value map does not list is still a valid SLS retention (1–3650).
    retractChanges(ctx, "retention_in_days");
  }
}

/**
 * A KMS-encrypted log group: SLS encrypts with its service key
 * (encrypt_type "default", AES) here; encrypting with the customer's own KMS
 * key needs user_cmk_info with a RAM role SLS can assume, set by hand.
 */
function encryptAtRest(ctx: TransformContext): void {
  const key = getAttribute(ctx.plan.original, "kms_key_id");
  if (!key) return;
  retractChanges(ctx, "kms_key_id");
  removeAttribute(ctx.block, "kms_key_id");
  addBlock(ctx.block, { type: "encrypt_conf", labels: [], items: [{ attr: "enable", expr: "true" }, { attr: "encrypt_type", expr: '"default"' }] });
  ctx.change({ argument: "kms_key_id", kind: "note", to: "encrypt_conf", severity: "warning", reason: `The log group was encrypted with the customer key ${exprSource(key.expr)}. The log store is encrypted at rest with SLS's service key (encrypt_conf, AES); using your own KMS key needs encrypt_conf.user_cmk_info with the key id, a RAM role that SLS may assume (AliyunLogDefaultRole-style) and the key's region. Encryption can only be set when the log store is created.`, action: "If the customer key is required, add user_cmk_info { cmk_key_id = <alicloud_kms_key id>, arn = <RAM role ARN>, region_id = <region> } to encrypt_conf before the first apply." });
}

/** SLS searches only indexed logs; CloudWatch Logs searches everything, so each store gets a full-text index. */
function addFullTextIndex(ctx: TransformContext, project: string): void {
  const address = `alicloud_log_store.${ctx.top.name}`;
  ctx.emitAfter([{
    type: "resource",
    labels: ["alicloud_log_store_index", ctx.top.name],
    items: [
      ...repetition(ctx.plan.original),
      { attr: "project", expr: `${project}.project_name` },
      { attr: "logstore", expr: `${instanceRef(address, ctx.plan.original)}.logstore_name` },
      { block: { type: "full_text", labels: [], items: [{ attr: "case_sensitive", expr: "false" }, { attr: "token", expr: quote(DEFAULT_TOKENS) }] } },
    ],
  }]);
  ctx.change({ argument: "(block)", kind: "note", severity: "info", to: `alicloud_log_store_index.${ctx.top.name}`, reason: "SLS can only query logs that are indexed (CloudWatch Logs Insights needs no index); a full-text index was added. Add field indexes for structured (JSON) logs to query them by field." });
}
