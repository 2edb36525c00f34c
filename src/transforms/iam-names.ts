/**
 * RAM's naming rules, which are narrower than IAM's (IAM allows
 * letters, digits and _+=,.@- everywhere):
 *   role   letters, digits, '.', '-'                ≤ 64
 *   policy letters, digits, '-'                     ≤ 128
 *   group  letters, digits, '-'                     ≤ 64
 *   user   letters, digits, '.', '_', '-', '@'      ≤ 64
 * (Alibaba Cloud RAM "CreateRole", "CreatePolicy", "CreateGroup", "CreateUser"
 * API parameters). A literal name is rewritten with '-' for each character
 * RAM refuses, and the rename is reported; a computed name keeps its
 * expressions and has its literal parts rewritten.
 */

import { isToken, type Expr } from "../hcl/cst.js";
import { getAttribute, quote, setAttribute } from "../hcl/edit.js";
import { decodedLiterals, exprSource, staticValue } from "../hcl/value.js";
import type { TransformContext } from "./context.js";
import { ramRoleName } from "./ram-policy.js";

export type RamNameKind = "role" | "policy" | "group" | "user";

const RULES: Record<RamNameKind, { bad: RegExp; max: number; allowed: string }> = {
  role: { bad: /[^A-Za-z0-9.-]/g, max: 64, allowed: "letters, digits, '.' and '-'" },
  policy: { bad: /[^A-Za-z0-9-]/g, max: 128, allowed: "letters, digits and '-'" },
  group: { bad: /[^A-Za-z0-9-]/g, max: 64, allowed: "letters, digits and '-'" },
  user: { bad: /[^A-Za-z0-9._@-]/g, max: 64, allowed: "letters, digits, '.', '_', '-' and '@'" },
};

export function ramName(kind: RamNameKind, name: string): string {
  if (kind === "role") return ramRoleName(name);
  const r = RULES[kind];
  return name.replace(r.bad, "-").slice(0, r.max);
}

/** A Terraform label made from a name: `AmazonS3ReadOnlyAccess` → `amazon_s3_read_only_access`. */
export function labelOf(name: string): string {
  const snake = name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toLowerCase();
  return /^[a-z_]/.test(snake) ? snake : `p_${snake}`;
}

/** The expression text for a name rewritten to RAM's rules, or undefined when it needs no change. */
export function ramNameExpr(kind: RamNameKind, expr: Expr): string | undefined {
  const v = staticValue(expr);
  if (typeof v === "string") {
    const fixed = ramName(kind, v);
    return fixed === v ? undefined : quote(fixed);
  }
  if (expr.type !== "Template" || expr.heredoc) return undefined;
  const literals = decodedLiterals(expr);
  let changed = false;
  let out = "";
  for (const it of expr.items) {
    if (isToken(it)) {
      const text = literals.get(it) ?? "";
      const fixed = text.replace(RULES[kind].bad, "-");
      if (fixed !== text) changed = true;
      out += quote(fixed).slice(1, -1);
    } else if (it.type === "TemplateInterpolation") out += "${" + exprSource(it.expr) + "}";
    else return undefined;
  }
  return changed ? `"${out}"` : undefined;
}

/**
 * The block's name argument (already renamed by the rule) made valid for RAM;
 * `name_prefix` (renamed to the same argument) becomes "<prefix><resource name>"
 * since RAM cannot generate names; no name at all becomes the resource name.
 */
export function fixNameArgument(ctx: TransformContext, argument: string, kind: RamNameKind, awsName = "name"): void {
  const original = ctx.plan.original;
  const hadPrefix = !getAttribute(original, awsName) && getAttribute(original, "name_prefix") !== undefined;
  const attr = getAttribute(ctx.block, argument);
  if (!attr) {
    const name = ramName(kind, ctx.top.name.replace(/_/g, "-"));
    setAttribute(ctx.block, argument, quote(name));
    ctx.change({ argument: awsName, kind: "note", severity: "info", to: argument, reason: `AWS would generate the ${kind} name; RAM needs one, so aws2ali named it after the resource: "${name}".` });
    return;
  }
  if (hadPrefix) {
    const prefix = staticValue(attr.expr);
    if (typeof prefix === "string") {
      const name = ramName(kind, prefix + ctx.top.name.replace(/_/g, "-"));
      setAttribute(ctx.block, argument, quote(name));
      ctx.change({ argument: "name_prefix", kind: "value-mapped", severity: "info", to: argument, reason: `RAM cannot generate a name from a prefix, so the ${kind} is named "${name}" (prefix + resource name).` });
      return;
    }
  }
  const fixed = ramNameExpr(kind, attr.expr);
  if (fixed === undefined) return;
  ctx.change({ argument: hadPrefix ? "name_prefix" : awsName, kind: "value-mapped", severity: "info", to: fixed, reason: `RAM ${kind} names allow only ${RULES[kind].allowed}: ${exprSource(attr.expr)} → ${fixed}.` });
  setAttribute(ctx.block, argument, fixed);
}

/** aws_iam_user / aws_iam_group: the name made valid for RAM. */
export function iamPrincipalName(ctx: TransformContext): void {
  if (ctx.rule.to === "alicloud_ram_group") fixNameArgument(ctx, "group_name", "group");
  else if (ctx.rule.to === "alicloud_ram_user") fixNameArgument(ctx, "name", "user");
}
