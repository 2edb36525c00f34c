/**
 * Customer policies. aws_iam_policy → alicloud_ram_policy with the document
 * rewritten to RAM syntax. RAM has no inline policies: an aws_iam_role_policy
 * (or a role's inline_policy block) becomes an alicloud_ram_policy plus an
 * alicloud_ram_role_policy_attachment with policy_type = "Custom". RAM
 * policy names are unique per account, not per role, so an inline policy
 * is named "<role name>-<policy name>".
 */

import { getAttribute, quote, setAttribute } from "../hcl/edit.js";
import { isToken, type Expr } from "../hcl/cst.js";
import { exprSource, staticValue } from "../hcl/value.js";
import { firstAddress, instanceRef, repetition } from "./aws-graph.js";
import type { TransformContext } from "./context.js";
import { fixNameArgument, ramName, ramNameExpr } from "./iam-names.js";
import { policyEnv, reportFindings, translatePolicyExpr, type PolicyTranslation } from "./iam-policy-forms.js";

/** aws_iam_policy → alicloud_ram_policy. */
export function iamPolicy(ctx: TransformContext): void {
  fixNameArgument(ctx, "policy_name", "policy");
  translateDocumentArgument(ctx, "policy_document", "policy");
}

/** Rewrite the policy JSON an argument of the translated block holds, in place. */
export function translateDocumentArgument(ctx: TransformContext, argument: string, awsName: string): PolicyTranslation | undefined {
  const attr = getAttribute(ctx.block, argument);
  if (!attr) return undefined;
  const t = translatePolicyExpr(attr.expr, policyEnv(ctx));
  if (t.text !== undefined) setAttribute(ctx.block, argument, t.text);
  reportFindings(ctx.change, awsName, t.findings);
  if (t.document && !ctx.planOf(t.document)?.target) {
    ctx.change({ argument: awsName, kind: "note", severity: "warning", reason: `The document comes from ${t.document}, which is not translated in this folder.`, action: "Make sure the document is in RAM syntax." });
  }
  return t;
}

/** The role an aws_iam_role_policy or attachment names: its RAM role name as a literal when known, and the expression for role_name. */
export interface RoleName {
  /** The expression for role_name. */
  expr: string;
  /** The RAM role name, when it is a literal. */
  literal?: string;
  /** The role name as template text (without quotes) in policy-name characters, when it is a template. */
  template?: string;
}

/** A role name written as a template, as template text fit for a policy name: "orders_${var.env}" → orders-${var.env}. */
export function policyTemplateOf(name: Expr | undefined): string | undefined {
  if (name?.type !== "Template" || name.heredoc || name.items.every(isToken)) return undefined;
  return (ramNameExpr("policy", name) ?? exprSource(name)).slice(1, -1);
}

export function roleOf(ctx: TransformContext, roleExpr: Expr | undefined): RoleName | undefined {
  if (!roleExpr) return undefined;
  const v = staticValue(roleExpr);
  if (typeof v === "string") {
    const fixed = ramName("role", v);
    return { expr: quote(fixed), literal: fixed };
  }
  const address = firstAddress(roleExpr);
  const role = address?.startsWith("aws_iam_role.") ? ctx.planOf(address) : undefined;
  const name = role ? getAttribute(role.original, "name") : undefined;
  const literal = name ? staticValue(name.expr) : undefined;
  const template = typeof literal === "string" ? undefined : policyTemplateOf(name?.expr);
  // aws_iam_role.x.id is the role name on both clouds; .name reads better (→ alicloud_ram_role.x.role_name).
  const expr = role ? exprSource(roleExpr).replace(/\.id$/, ".name") : (ramNameExpr("role", roleExpr) ?? exprSource(roleExpr));
  return { expr, ...(typeof literal === "string" ? { literal: ramName("role", literal) } : {}), ...(template ? { template } : {}) };
}

/**
 * A RAM policy name for an inline policy, "<role>-<name>": a literal when
 * both parts are known, else a template of the parts.
 */
export function inlinePolicyName(role: RoleName | undefined, name: Expr | undefined, fallback: string): string {
  const n = name ? staticValue(name) : fallback;
  if (role?.literal !== undefined && typeof n === "string") return quote(ramName("policy", `${role.literal}-${n}`));
  if (!role) return typeof n === "string" ? quote(ramName("policy", n)) : `"\${${exprSource(name!)}}"`;
  const head = role.literal !== undefined ? ramName("policy", role.literal) : (role.template ?? "${" + role.expr + "}");
  const tail = typeof n === "string" ? ramName("policy", n) : "${" + exprSource(name!) + "}";
  return `"${head}-${tail}"`;
}

/** aws_iam_role_policy → alicloud_ram_policy + alicloud_ram_role_policy_attachment. */
export function iamRolePolicy(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const role = roleOf(ctx, getAttribute(o, "role")?.expr);
  const nameAttr = getAttribute(o, "name") ?? getAttribute(o, "name_prefix");
  const name = inlinePolicyName(role, nameAttr?.expr, ctx.top.name.replace(/_/g, "-"));
  setAttribute(ctx.block, "policy_name", name);
  ctx.change({ argument: "name", kind: "value-mapped", severity: "info", to: name, reason: `RAM policy names are unique per account, not per role: the inline policy is named ${name} (role name + policy name).` });
  translateDocumentArgument(ctx, "policy_document", "policy");
  if (!role) {
    ctx.change({ argument: "role", kind: "note", severity: "warning", reason: "The inline policy names no role, so no attachment was emitted.", action: "Attach the policy with an alicloud_ram_role_policy_attachment." });
    return;
  }
  const policyRef = instanceRef(`alicloud_ram_policy.${ctx.top.name}`, o);
  ctx.emitAfter([
    {
      type: "resource",
      labels: ["alicloud_ram_role_policy_attachment", ctx.top.name],
      items: [...repetition(o), { attr: "role_name", expr: role.expr }, { attr: "policy_name", expr: `${policyRef}.policy_name` }, { attr: "policy_type", expr: '"Custom"' }],
    },
  ]);
  ctx.change({ argument: "role", kind: "moved", to: `alicloud_ram_role_policy_attachment.${ctx.top.name}`, severity: "info", reason: "RAM has no inline role policies: the policy is a custom policy attached to the role." });
}
