/**
 * IAM roles → RAM roles. The trust policy is rewritten to RAM syntax
 * (service principals become <product>.aliyuncs.com, OIDC providers RAM
 * OIDC providers). RAM roles hold no policies themselves: inline_policy
 * blocks become alicloud_ram_policy + alicloud_ram_role_policy_attachment
 * pairs, managed_policy_arns one attachment each. ECS has no instance
 * profiles — an instance takes the RAM role directly — so an
 * aws_iam_instance_profile of the role is folded into it and references to
 * the profile name the role. RAM caps the policies attached to one role
 * (settings.ramPolicyLimit); a role that would exceed it is reported.
 */

import { exprSource, staticValue } from "../hcl/value.js";
import { getAttribute } from "../hcl/edit.js";
import type { BlockSpec } from "../hcl/format.js";
import { instanceRef, nestedOriginals, plansOfType, refersTo, repetition } from "./aws-graph.js";
import { decide, type Plan, type TransformContext } from "./context.js";
import { fixNameArgument, labelOf } from "./iam-names.js";
import { policiesOfRole, roleAttachmentSpecs } from "./iam-policy-attachment.js";
import { inlinePolicyName, policyTemplateOf, translateDocumentArgument } from "./iam-policy.js";
import { policyEnv, reportFindings, translatePolicyExpr } from "./iam-policy-forms.js";
import { rewriteReferencePaths } from "./reference-paths.js";

const INSTANCE_ROLE_DECISION = {
  topic: "identity" as const,
  summary: "Instance profiles are not needed",
  detail: "ECS attaches a RAM role to an instance directly (alicloud_ecs_ram_role_attachment, or ram_role_name on alicloud_instance, launch templates and ACK node pools); aws_iam_instance_profile blocks are not emitted and references to them name the role.",
};

export function iamRole(ctx: TransformContext): void {
  fixNameArgument(ctx, "role_name", "role");
  const trust = translateDocumentArgument(ctx, "assume_role_policy_document", "assume_role_policy");
  const roleRef = instanceRef(`${ctx.rule.to}.${ctx.top.name}`, ctx.plan.original);
  const repeat = repetition(ctx.plan.original);
  const inline = inlinePolicySpecs(ctx, roleRef, repeat);
  const arns = getAttribute(ctx.plan.original, "managed_policy_arns");
  let managed: BlockSpec[] = [];
  if (arns?.expr.type === "Tuple") managed = roleAttachmentSpecs(ctx, roleRef, arns.expr.elements, repeat);
  else if (arns) ctx.change({ argument: "managed_policy_arns", kind: "dropped", severity: "warning", reason: `The policy ARNs are computed (${exprSource(arns.expr)}), so no attachments were emitted.`, action: "Add an alicloud_ram_role_policy_attachment per policy (policy_name + policy_type)." });
  ctx.emitAfter([...inline, ...managed]);
  const trustsEcs = trust?.doc !== undefined ? JSON.stringify(trust.doc).includes("ecs.aliyuncs.com") : trust?.document ? documentNames(ctx, trust.document, "ec2.amazonaws.com") : false;
  const profiles = foldInstanceProfiles(ctx);
  if (trustsEcs || profiles.length > 0) {
    ctx.change({ argument: "assume_role_policy", kind: "note", severity: "info", reason: `This is an instance role: ECS takes it directly (alicloud_ecs_ram_role_attachment, or ram_role_name on alicloud_instance, launch templates and node pools); there is no instance profile${profiles.length > 0 ? ` (${profiles.join(", ")} folded into this role)` : ""}.` });
    decide(ctx.run, INSTANCE_ROLE_DECISION);
  }
  checkQuota(ctx, {
    system: managed.filter((s) => s.items.some((i) => "attr" in i && i.attr === "policy_type" && i.expr === '"System"')).length,
    custom: inline.length / 2 + managed.filter((s) => s.items.some((i) => "attr" in i && i.attr === "policy_type" && i.expr === '"Custom"')).length,
  });
}

/** inline_policy { name, policy } → alicloud_ram_policy "<role>_<name>" + its attachment. */
function inlinePolicySpecs(ctx: TransformContext, roleRef: string, repeat: BlockSpec["items"]): BlockSpec[] {
  const specs: BlockSpec[] = [];
  const roleName = getAttribute(ctx.block, "role_name");
  const literal = roleName ? staticValue(roleName.expr) : undefined;
  const template = typeof literal === "string" ? undefined : policyTemplateOf(roleName?.expr);
  const role = { expr: `${roleRef}.role_name`, ...(typeof literal === "string" ? { literal } : {}), ...(template ? { template } : {}) };
  nestedOriginals(ctx.plan, "inline_policy").forEach((b, k) => {
    const policy = getAttribute(b, "policy");
    const name = getAttribute(b, "name");
    if (!policy) return; // `inline_policy {}` only says "no inline policies" (exclusive management).
    const n = name ? staticValue(name.expr) : undefined;
    const label = `${ctx.top.name}_${typeof n === "string" ? labelOf(n) : `inline_${k + 1}`}`;
    const t = translatePolicyExpr(policy.expr, policyEnv(ctx));
    reportFindings(ctx.change, `inline_policy.${typeof n === "string" ? n : k}`, t.findings);
    specs.push(
      {
        type: "resource",
        labels: ["alicloud_ram_policy", label],
        items: [...repeat, { attr: "policy_name", expr: inlinePolicyName(role, name?.expr, `inline-${k + 1}`) }, { attr: "policy_document", expr: t.text ?? exprSource(policy.expr) }, { attr: "rotate_strategy", expr: '"DeleteOldestNonDefaultVersionWhenLimitExceeded"' }],
      },
      {
        type: "resource",
        labels: ["alicloud_ram_role_policy_attachment", label],
        items: [...repeat, { attr: "role_name", expr: `${roleRef}.role_name` }, { attr: "policy_name", expr: `${instanceRef(`alicloud_ram_policy.${label}`, ctx.plan.original)}.policy_name` }, { attr: "policy_type", expr: '"Custom"' }],
      },
    );
    ctx.change({ argument: `inline_policy.${typeof n === "string" ? n : k}`, kind: "moved", to: `alicloud_ram_policy.${label}`, severity: "info", reason: "RAM roles have no inline policies: it is a custom policy attached to the role." });
  });
  return specs;
}

/** Whether a data.aws_iam_policy_document (as written) names a value, e.g. the EC2 service principal. */
function documentNames(ctx: TransformContext, address: string, value: string): boolean {
  const plan = ctx.planOf(address);
  return plan !== undefined && exprSource(plan.original).includes(value);
}

/**
 * Instance profiles of this role are not emitted: references to them
 * (`aws_iam_instance_profile.p.name` in a launch template, …) now name the
 * role, and the profile is commented out. Profiles with count/for_each are
 * left for a person (their instances cannot be matched to the role's).
 */
function foldInstanceProfiles(ctx: TransformContext): string[] {
  const folded: string[] = [];
  for (const p of plansOfType(ctx, "aws_iam_instance_profile")) {
    const role = getAttribute(p.original, "role");
    if (!role || !refersTo(role.expr, ctx.top.address) || p.absorbedInto) continue;
    if (getAttribute(p.original, "count") || getAttribute(p.original, "for_each")) continue;
    foldProfile(ctx, p, exprSource(role.expr));
    folded.push(p.top.address);
  }
  return folded;
}

function foldProfile(ctx: TransformContext, profile: Plan, roleSource: string): void {
  const base = roleSource.replace(/\.(name|id|arn|unique_id)$/, "");
  const n = rewriteReferencePaths(ctx, profile.top.address, [
    { from: ["name"], to: () => `${base}.name` },
    { from: ["id"], to: () => `${base}.name` },
    { from: ["role"], to: () => `${base}.name` },
    { from: ["arn"], to: () => `${base}.arn` },
    { from: ["unique_id"], to: () => `${base}.unique_id` },
  ]);
  const target = `${ctx.rule.to}.${ctx.top.name}`;
  profile.absorbedInto = { target, reason: `ECS takes the RAM role directly (alicloud_ecs_ram_role_attachment, or ram_role_name on instances, launch templates and node pools); there is no instance profile. References to it now name ${target}.` };
  profile.item.changes.push({ argument: "(block)", kind: "note", severity: "info", reason: `No instance profile on Alibaba Cloud: the role ${target} is attached to instances directly${n > 0 ? `; ${n} reference${n === 1 ? " to the profile now names" : "s to the profile now name"} the role` : ""}.` });
}

/** RAM's per-role quota on attached policies (settings.ramPolicyLimit; Alibaba's default is 20 system + 10 custom). */
function checkQuota(ctx: TransformContext, own: { system: number; custom: number }): void {
  const count = policiesOfRole(ctx, own);
  const total = count.system + count.custom;
  const limit = ctx.run.settings.ramPolicyLimit;
  const limits = ctx.run.table.values.get("ram-limits")?.entries ?? {};
  const customMax = Number(limits.ram_role_custom_policies_max ?? 10);
  const role = `${ctx.rule.to}.${ctx.top.name}`;
  if (total > limit) {
    ctx.change({ argument: "(block)", kind: "note", severity: "warning", reason: `${role} would have ${total} policies attached (${count.system} system, ${count.custom} custom${count.uncounted > 0 ? `, plus ${count.uncounted} attachment block${count.uncounted === 1 ? "" : "s"} with count/for_each` : ""}); RAM allows ${limit} per role (setting ramPolicyLimit; Alibaba's default quota is ${limits.ram_role_system_policies_max ?? 20} system + ${customMax} custom).`, action: "Group policies: merge the custom policies into fewer documents (up to 6,144 characters each), replace several system policies by a broader one, or raise the quota in Quota Center before applying." });
  } else if (count.custom > customMax && limit <= Number(limits.ram_role_system_policies_max ?? 20)) {
    ctx.change({ argument: "(block)", kind: "note", severity: "warning", reason: `${role} would have ${count.custom} custom policies attached; Alibaba's default quota is ${customMax} custom policies per role.`, action: "Merge the custom policies into fewer documents (up to 6,144 characters each), or raise the quota in Quota Center before applying." });
  }
}
