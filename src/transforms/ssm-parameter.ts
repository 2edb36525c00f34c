/**
 * SSM parameters → OOS parameters. String and StringList parameters are
 * alicloud_oos_parameter; SecureString parameters are
 * alicloud_oos_secret_parameter (encrypted with KMS), and lookups of them
 * data "alicloud_oos_secret_parameters" with decryption. AWS's public
 * parameters (/aws/service/…) have no OOS counterpart. Parameter values are
 * never written into the report.
 */

import { isToken, type Expr } from "../hcl/cst.js";
import { getAttribute, removeAttribute, renameAttribute, setAttribute } from "../hcl/edit.js";
import { exprSource, staticValue } from "../hcl/value.js";
import { firstAddress, originalLiteral, plansOfType } from "./aws-graph.js";
import type { Plan, TransformContext } from "./context.js";
import { keepAsManual } from "./fold.js";
import { retractChanges } from "./report-changes.js";
import { switchTarget } from "./retarget.js";

const SECRET_TARGET = "alicloud_oos_secret_parameter";
const SECRET_DATA = "alicloud_oos_secret_parameters";

function isSecure(plan: Plan): boolean {
  return originalLiteral(plan, "type") === "SecureString";
}

/** A leading "/" is stripped from literal names (and from the literal start of a template). */
function stripLeadingSlash(ctx: TransformContext, argument: string): void {
  const attr = getAttribute(ctx.block, argument);
  if (!attr || attr.expr.type !== "Template") return;
  const first = attr.expr.items[0];
  if (!first || !isToken(first) || !first.text.startsWith("/")) return;
  const before = exprSource(attr.expr);
  first.text = first.text.slice(1);
  ctx.change({ argument: "name", kind: "value-mapped", to: exprSource(attr.expr), severity: "warning", reason: `OOS parameter names are written without a leading "/": ${before} → ${exprSource(attr.expr)}; hierarchical paths otherwise carry over.`, action: "Update the applications that read the parameter by name." });
}

/** `aws_kms_key.k.arn` → `aws_kms_key.k.id`; AWS-managed and literal AWS keys are left to OOS's default key. */
function keyId(ctx: TransformContext): void {
  const attr = getAttribute(ctx.plan.original, "key_id");
  if (!attr) return;
  retractChanges(ctx, "key_id");
  const address = firstAddress(attr.expr);
  const src = exprSource(attr.expr);
  if (address?.startsWith("aws_kms_key.")) {
    const fixed = src.replace(/^(aws_kms_key\.[A-Za-z0-9_-]+(\[[^\]]*\])?)\.(arn|key_id)$/, "$1.id");
    setAttribute(ctx.block, "key_id", fixed);
    ctx.change({ argument: "key_id", kind: "kept", to: fixed, severity: "info", reason: "The parameter is encrypted with the migrated KMS key (OOS takes the key id, not its ARN)." });
    return;
  }
  if (address?.startsWith("aws_kms_alias.")) {
    const fixed = src.replace(/^(aws_kms_alias\.[A-Za-z0-9_-]+(\[[^\]]*\])?)\.(arn|name|id)$/, "$1.target_key_id");
    setAttribute(ctx.block, "key_id", fixed);
    ctx.change({ argument: "key_id", kind: "kept", to: fixed, severity: "info", reason: "The parameter is encrypted with the key the migrated alias names." });
    return;
  }
  const v = staticValue(attr.expr);
  if (v === "alias/aws/ssm") {
    ctx.change({ argument: "key_id", kind: "dropped", severity: "info", reason: "alias/aws/ssm is SSM's default key; OOS encrypts with its own default key when key_id is not set.", action: "Nothing to do." });
    return;
  }
  if (typeof v === "string") {
    ctx.change({ argument: "key_id", kind: "dropped", severity: "warning", reason: `${JSON.stringify(v)} names an AWS KMS key, which does not exist on Alibaba Cloud; the parameter uses OOS's default key.`, action: "Set key_id to an Alibaba KMS key id if a customer key is required." });
    return;
  }
  setAttribute(ctx.block, "key_id", src);
  ctx.change({ argument: "key_id", kind: "kept", severity: "warning", reason: `key_id comes from ${src}; OOS needs an Alibaba KMS key id.`, action: "Check the value." });
}

/** allowed_pattern → constraints = jsonencode({ AllowedPattern = … }). */
function constraints(ctx: TransformContext): void {
  const attr = getAttribute(ctx.plan.original, "allowed_pattern");
  if (!attr) return;
  retractChanges(ctx, "allowed_pattern");
  setAttribute(ctx.block, "constraints", `jsonencode({ AllowedPattern = ${exprSource(attr.expr)} })`);
  ctx.change({ argument: "allowed_pattern", kind: "moved", to: "constraints", severity: "info", reason: "OOS expresses value constraints as JSON: constraints = jsonencode({ AllowedPattern = … }) (OOS also takes AllowedValues, MinLength and MaxLength)." });
}

/** aws_ssm_parameter → alicloud_oos_parameter, or alicloud_oos_secret_parameter for SecureString. */
export function ssmParameter(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const type = getAttribute(o, "type");
  stripLeadingSlash(ctx, "parameter_name");
  constraints(ctx);
  if (isSecure(ctx.plan)) {
    switchTarget(ctx, SECRET_TARGET, { ...(ctx.plan.rule!.attributes ?? {}), name: "secret_parameter_name" });
    renameAttribute(ctx.block, "parameter_name", "secret_parameter_name");
    keyId(ctx);
    ctx.change({ argument: "type", kind: "value-mapped", to: SECRET_TARGET, severity: "info", reason: "A SecureString parameter is an OOS secret parameter (type = \"Secret\"), encrypted with KMS; its value is stored in the Terraform state, as it was on AWS." });
    return;
  }
  if (getAttribute(o, "key_id")) {
    retractChanges(ctx, "key_id");
    ctx.change({ argument: "key_id", kind: "dropped", severity: "info", reason: "key_id only applies to SecureString parameters.", action: "Nothing to do." });
  }
  if (type && staticValue(type.expr) === undefined) {
    ctx.change({ argument: "type", kind: "note", severity: "warning", reason: `The type is computed (${exprSource(type.expr)}); a SecureString parameter must be an alicloud_oos_secret_parameter instead.`, action: "Check the type; for secure values use alicloud_oos_secret_parameter." });
  }
  removeAttribute(ctx.block, "key_id");
}

// ---- lookups ----------------------------------------------------------------------------------

/** The aws_ssm_parameter of this folder a lookup reads (by reference, or by its literal name). */
function parameterOf(ctx: TransformContext, name: Expr | undefined): Plan | undefined {
  const address = firstAddress(name);
  if (address?.startsWith("aws_ssm_parameter.")) return ctx.planOf(address);
  const literal = name ? staticValue(name) : undefined;
  if (typeof literal !== "string") return undefined;
  return plansOfType(ctx, "aws_ssm_parameter").find((p) => p.top.kind === "resource" && originalLiteral(p, "name") === literal);
}

/** data "aws_ssm_parameter" → data "alicloud_oos_parameters", or alicloud_oos_secret_parameters for a known SecureString. */
export function ssmParameterData(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const name = getAttribute(o, "name");
  const literal = name ? staticValue(name.expr) : undefined;
  if (typeof literal === "string" && literal.startsWith("/aws/service/")) {
    const ami = /ami|image/.test(literal);
    keepAsManual(ctx, { reason: `${literal} is an AWS public parameter; OOS has no public parameters.`, action: ami ? "Look the image up with data \"alicloud_images\" (name_regex, owners = \"system\") instead." : "Replace the lookup with the Alibaba Cloud data source for the same fact (e.g. data \"alicloud_cs_kubernetes_version\" for EKS versions).", alternative: ami ? "data.alicloud_images" : undefined, effort_hours: 0.5 });
    return;
  }
  stripLeadingSlash(ctx, "parameter_name");
  const param = parameterOf(ctx, name?.expr);
  if (param && isSecure(param)) {
    switchTarget(ctx, SECRET_DATA, {
      ...(ctx.plan.rule!.attributes ?? {}),
      name: { to: "parameters[0].secret_parameter_name" },
      version: { to: "parameters[0].parameter_version" },
    });
    renameAttribute(ctx.block, "parameter_name", "secret_parameter_name");
    setAttribute(ctx.block, "with_decryption", "true");
    retractChanges(ctx, "with_decryption");
    ctx.change({ argument: "type", kind: "note", to: `data.${SECRET_DATA}`, severity: "info", reason: `${param.top.address} is a SecureString parameter, so the lookup reads the OOS secret parameter with decryption (with_decryption = true, enable_details = true).` });
    return;
  }
  const decrypt = getAttribute(o, "with_decryption");
  const explicit = decrypt !== undefined && staticValue(decrypt.expr) === true;
  ctx.change({ argument: "name", kind: "note", severity: explicit ? "warning" : "info", reason: `The parameter is not created in this folder, so its type is unknown; the lookup reads common (String / StringList) OOS parameters.${explicit ? " with_decryption = true suggests a SecureString." : ""}`, action: `If the parameter is a SecureString, use data "${SECRET_DATA}" { secret_parameter_name = …, with_decryption = true, enable_details = true } instead.` });
}
