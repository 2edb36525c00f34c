/**
 * Policy attachments. RAM attaches a policy by name and type: "System" for
 * Alibaba's managed policies, "Custom" for the account's own
 * (alicloud_ram_{role,user,group}_policy_attachment all require
 * policy_name and policy_type). An AWS managed policy ARN becomes the RAM
 * system policy of the iam-managed-policies value map — plus the extra
 * system policies the map lists under also_attach when the project uses
 * those services (AWS's EC2 policies cover VPC networking, Alibaba's ECS
 * policies do not). A customer policy becomes the alicloud_ram_policy it
 * was translated to. An AWS managed policy with no RAM counterpart leaves
 * the attachment for a person.
 */

import { blocksOf, type Expr } from "../hcl/cst.js";
import { findReferences, getAttribute, quote, setAttribute } from "../hcl/edit.js";
import type { BlockSpec, ItemSpec } from "../hcl/format.js";
import { exprSource, staticValue } from "../hcl/value.js";
import { referencedAddresses, repetition, plansOfType } from "./aws-graph.js";
import { decide, type Plan, type TransformContext } from "./context.js";
import { foldInto, keepAsManual } from "./fold.js";
import { labelOf, ramName, ramNameExpr, type RamNameKind } from "./iam-names.js";
import { renderHcl, reportFindings } from "./iam-policy-forms.js";
import { Holes, type Finding } from "./ram-policy.js";

export interface AttachedPolicy {
  /** The policy_name expression. */
  name: string;
  type: "System" | "Custom";
  /** The policy name when it is a literal (for de-duplication). */
  literal?: string;
  /** Extra system policies the AWS one spans (also_attach), for the services this project uses. */
  extras: string[];
  findings: Finding[];
  /** No RAM policy: why (the attachment is left for a person). */
  manual?: string;
  /** Nothing to attach on Alibaba Cloud (the service needs no policy): why. */
  notNeeded?: string;
  /** A label for a block emitted for this policy. */
  label: string;
}

const ARN_PARTITION = "(?:aws[a-z-]*|\\u0000)";
const MANAGED = new RegExp(`^arn:${ARN_PARTITION}:iam::aws:policy/(?:.*/)?([^/\\u0000]+)$`);
const CUSTOMER = new RegExp(`^arn:${ARN_PARTITION}:iam::(?:\\d{12}|\\u0000)?:policy/(?:.*/)?([^/\\u0000]+)$`);

const IDENTITY_DECISION = {
  topic: "identity" as const,
  summary: "AWS managed policies become RAM system policies",
  detail: "Attachments of AWS managed policies attach the RAM system policy of the same scope (iam-managed-policies value map, e.g. AmazonS3ReadOnlyAccess → AliyunOSSReadOnlyAccess); customer policies become RAM custom policies attached by name with policy_type = \"Custom\". System policies are not identical to the AWS ones: review each attachment in the report.",
};

/** A policy ARN as a pattern string: interpolations become \u0000; undefined for other expressions. */
export function arnShape(expr: Expr): string | undefined {
  const v = staticValue(expr);
  if (typeof v === "string") return v;
  if (expr.type !== "Template" || expr.heredoc) return undefined;
  const src = exprSource(expr).slice(1, -1);
  return src.replace(/\$\{[^}]*\}/g, "\u0000");
}

/** The policy name of an IAM policy ARN pattern, and whether it is an AWS managed policy. */
export function policyArnName(shape: string): { name: string; managed: boolean } | undefined {
  const m = MANAGED.exec(shape) ?? CUSTOMER.exec(shape);
  return m ? { name: m[1]!, managed: MANAGED.test(shape) } : undefined;
}

/** What a policy ARN expression attaches on the RAM side. */
export function attachedPolicy(ctx: TransformContext, expr: Expr): AttachedPolicy {
  const shape = arnShape(expr);
  if (shape !== undefined) return attachedPolicyOfArn(ctx, shape, exprSource(expr));
  const ref = findReferences(expr)[0];
  const s0 = ref?.steps[0];
  const s1 = ref?.steps[1];
  if (ref?.root === "aws_iam_policy" && s0?.kind === "attr") {
    // aws_iam_policy.x.arn / .id / .name all resolve to alicloud_ram_policy.x.policy_name (the rule's attributes).
    return { name: exprSource(expr), type: "Custom", extras: [], findings: [], label: s0.name };
  }
  if (ref?.root === "data" && s0?.kind === "attr" && s0.name === "aws_iam_policy" && s1?.kind === "attr") {
    const data = ctx.planOf(`data.aws_iam_policy.${s1.name}`);
    const type = data && isSystemLookup(ctx, data) ? "System" : "Custom";
    return { name: exprSource(expr), type, extras: [], findings: [{ severity: "info", kind: "note", reason: `The policy comes from the lookup data.aws_iam_policy.${s1.name} (now data.alicloud_ram_policies), so policy_type = "${type}".` }], label: s1.name };
  }
  return {
    name: exprSource(expr),
    type: "Custom",
    extras: [],
    findings: [{ severity: "warning", kind: "note", reason: `The policy ARN is computed (${exprSource(expr)}); RAM attaches policies by name and type, so it was kept as policy_name with policy_type = "Custom".`, action: "Make the value a RAM policy name, and set policy_type = \"System\" for Alibaba Cloud system policies." }],
    label: "policy",
  };
}

/** An ARN written out (interpolations as \u0000). */
export function attachedPolicyOfArn(ctx: TransformContext, arn: string, source = JSON.stringify(arn)): AttachedPolicy {
  const managed = MANAGED.exec(arn);
  if (managed) {
    const awsName = managed[1]!;
    const map = ctx.run.table.values.get("iam-managed-policies");
    const mapped = map?.entries[awsName];
    if (typeof mapped !== "string") {
      const why = map?.notes[awsName];
      const notNeeded = ((map?.extra.not_needed ?? []) as string[]).includes(awsName);
      if (notNeeded) return { name: source, type: "System", extras: [], findings: [], notNeeded: `The AWS managed policy ${awsName} is not needed on Alibaba Cloud${why ? `: ${why}` : "."}`, label: labelOf(awsName) };
      return { name: source, type: "System", extras: [], findings: [], manual: `The AWS managed policy ${awsName} has no known RAM system policy (iam-managed-policies value map)${why ? `; ${why}` : "."}`, label: labelOf(awsName) };
    }
    const alsoAttach = ((map?.extra.also_attach ?? {}) as Record<string, string[]>)[awsName] ?? [];
    const extras = alsoAttach.filter((p) => p !== mapped && projectUses(ctx, p));
    const note = map?.notes[awsName];
    const findings: Finding[] = [
      { severity: "info", kind: "value-mapped", reason: `AWS managed policy ${awsName} → RAM system policy ${mapped}${note ? ` (${note})` : ""}. System policies are not identical to the AWS ones: review what it grants.` },
    ];
    if (extras.length > 0) findings.push({ severity: "info", kind: "note", reason: `Also attached: ${extras.join(", ")}, which this project needs because ${awsName} covers what Alibaba Cloud splits into several services.` });
    decide(ctx.run, IDENTITY_DECISION);
    return { name: quote(mapped), type: "System", literal: mapped, extras, findings, label: labelOf(mapped) };
  }
  const customer = CUSTOMER.exec(arn);
  if (customer) {
    const awsName = customer[1]!;
    const defined = definedPolicy(ctx, awsName);
    if (defined) return { name: `${defined.top.address}.name`, type: "Custom", extras: [], findings: [{ severity: "info", kind: "note", reason: `The customer policy ${awsName} is ${defined.top.address} in this configuration; the attachment names its RAM policy.` }], label: defined.top.name };
    const name = ramName("policy", awsName);
    return {
      name: quote(name),
      type: "Custom",
      literal: name,
      extras: [],
      findings: [{ severity: "warning", kind: "value-mapped", reason: `The customer policy ${awsName} is not defined in this configuration; the attachment names the RAM custom policy "${name}".`, action: `Create the RAM custom policy "${name}" (translate its AWS document) before applying, or correct the name.` }],
      label: labelOf(name),
    };
  }
  return {
    name: source,
    type: "Custom",
    extras: [],
    findings: [{ severity: "warning", kind: "note", reason: `The policy ${source.replace(/\u0000/g, "…")} is not an IAM policy ARN aws2ali can read; kept as policy_name with policy_type = "Custom".`, action: "Set the RAM policy name and its type (System or Custom) by hand." }],
    label: "policy",
  };
}

/** An aws_iam_policy of this folder with that literal name. */
function definedPolicy(ctx: TransformContext, name: string): Plan | undefined {
  for (const p of ctx.run.plans.values()) {
    if (p.top.unit.dir !== ctx.stack.dir.dir || p.top.type !== "aws_iam_policy" || p.top.kind !== "resource") continue;
    const n = getAttribute(p.original, "name");
    if (n && staticValue(n.expr) === name) return p;
  }
  return undefined;
}

/** A data.aws_iam_policy lookup of an AWS managed policy (by ARN, or by a name the managed-policy map knows). */
function isSystemLookup(ctx: TransformContext, data: Plan): boolean {
  const arn = getAttribute(data.original, "arn");
  const arnValue = arn ? arnShape(arn.expr) : undefined;
  if (arnValue && MANAGED.test(arnValue)) return true;
  const name = getAttribute(data.original, "name");
  const nameValue = name ? staticValue(name.expr) : undefined;
  return typeof nameValue === "string" && nameValue in (ctx.run.table.values.get("iam-managed-policies")?.entries ?? {});
}

/** Which AWS resources show that the project uses the service a system policy covers. */
const SERVICE_USE: Record<string, (p: Plan) => boolean> = {
  AliyunVPCFullAccess: (p) => ["aws_vpc", "aws_subnet"].includes(p.top.type),
  AliyunVPCReadOnlyAccess: (p) => ["aws_vpc", "aws_subnet"].includes(p.top.type),
  AliyunEIPFullAccess: (p) => p.top.type === "aws_eip",
  AliyunNATGatewayFullAccess: (p) => p.top.type === "aws_nat_gateway",
  AliyunPolardbFullAccess: (p) => p.top.type === "aws_rds_cluster",
  AliyunPolardbReadOnlyAccess: (p) => p.top.type === "aws_rds_cluster",
  AliyunPvtzFullAccess: (p) => p.top.type === "aws_route53_zone" && blocksOf(p.original.body).some((b) => b.blockType.text === "vpc"),
  AliyunPvtzReadOnlyAccess: (p) => p.top.type === "aws_route53_zone" && blocksOf(p.original.body).some((b) => b.blockType.text === "vpc"),
  AliyunNLBFullAccess: (p) => ["aws_lb", "aws_alb"].includes(p.top.type) && literalOf(p, "load_balancer_type") === "network",
  AliyunSLBFullAccess: (p) => p.top.type === "aws_elb",
  AliyunSLBReadOnlyAccess: (p) => p.top.type === "aws_elb",
};

function literalOf(p: Plan, name: string): unknown {
  const a = getAttribute(p.original, name);
  return a ? staticValue(a.expr) : undefined;
}

function projectUses(ctx: TransformContext, systemPolicy: string): boolean {
  const uses = SERVICE_USE[systemPolicy];
  if (!uses) return true;
  for (const p of ctx.run.plans.values()) if (p.top.kind === "resource" && uses(p)) return true;
  return false;
}

// ---- the attachment rules ---------------------------------------------------------------

const PRINCIPALS: Record<string, { argument: string; aws: string; kind: RamNameKind }> = {
  alicloud_ram_role_policy_attachment: { argument: "role_name", aws: "role", kind: "role" },
  alicloud_ram_user_policy_attachment: { argument: "user_name", aws: "user", kind: "user" },
  alicloud_ram_group_policy_attachment: { argument: "group_name", aws: "group", kind: "group" },
};

const UNMAPPED_ACTION = "Attach the RAM system policy closest to it (RAM console → Policies, type System), or translate the AWS policy's document into an alicloud_ram_policy and attach that.";

/** aws_iam_{role,user,group}_policy_attachment → alicloud_ram_{role,user,group}_policy_attachment with policy_name and policy_type. */
export function iamPolicyAttachment(ctx: TransformContext): void {
  const principal = PRINCIPALS[ctx.rule.to!];
  if (!principal) return;
  fixPrincipalName(ctx, principal.argument, principal.kind);
  const attr = getAttribute(ctx.block, "policy_name");
  if (!attr) {
    ctx.change({ argument: "policy_arn", kind: "note", severity: "warning", reason: "The attachment names no policy.", action: "Set policy_name and policy_type." });
    return;
  }
  if (eachPolicy(ctx, attr.expr)) return;
  const policy = attachedPolicy(ctx, attr.expr);
  reportFindings(ctx.change, "policy_arn", policy.findings);
  if (policy.notNeeded) {
    const who = getAttribute(ctx.plan.original, principal.aws);
    const target = (who && ctx.planOf(referencedAddresses(who.expr)[0] ?? "")?.target?.names.join(".")) || "(none)";
    foldInto(ctx, target, policy.notNeeded.replace(/^The /, "the "));
    ctx.change({ argument: "policy_arn", kind: "dropped", severity: "info", reason: policy.notNeeded });
    return;
  }
  if (policy.manual) {
    keepAsManual(ctx, { reason: policy.manual, action: UNMAPPED_ACTION, alternative: "a RAM system policy, or a custom alicloud_ram_policy", effort_hours: 0.5 });
    return;
  }
  const duplicate = policy.literal ? earlierAttachmentOf(ctx, principal.aws, policy.literal) : undefined;
  if (duplicate) {
    foldInto(ctx, duplicate, `it attaches the RAM system policy ${policy.literal}, which ${duplicate} already attaches to the same ${principal.kind} (two AWS policies map to it).`);
    ctx.change({ argument: "policy_arn", kind: "note", severity: "info", reason: `Not emitted: ${duplicate} already attaches ${policy.literal} to the same ${principal.kind}.` });
    return;
  }
  if (exprSource(attr.expr) !== policy.name) setAttribute(ctx.block, "policy_name", policy.name);
  setAttribute(ctx.block, "policy_type", quote(policy.type));
  const who = getAttribute(ctx.block, principal.argument);
  const taken = siblingPolicies(ctx, principal.aws);
  const extras = policy.extras.filter((p) => !taken.has(p));
  if (who && extras.length > 0) {
    ctx.emitAfter(extras.map((p) => ({ type: "resource", labels: [ctx.rule.to!, `${ctx.top.name}_${labelOf(p)}`], items: [...repetition(ctx.plan.original), { attr: principal.argument, expr: exprSource(who.expr) }, { attr: "policy_name", expr: quote(p) }, { attr: "policy_type", expr: '"System"' }] })));
  }
}

/** A literal principal name follows the renaming its definition gets (RAM names are narrower than IAM's). */
function fixPrincipalName(ctx: TransformContext, argument: string, kind: RamNameKind): void {
  const a = getAttribute(ctx.block, argument);
  const fixed = a ? ramNameExpr(kind, a.expr) : undefined;
  if (!a || fixed === undefined) return;
  ctx.change({ argument, kind: "value-mapped", severity: "info", to: fixed, reason: `RAM ${kind} names are narrower than IAM's: ${exprSource(a.expr)} → ${fixed}.` });
  setAttribute(ctx.block, argument, fixed);
}

/** The principal an attachment plan is for: the address it references, else its source. */
function principalKey(plan: Plan, aws: string): string | undefined {
  const e = getAttribute(plan.original, aws)?.expr;
  return e ? (referencedAddresses(e)[0] ?? exprSource(e)) : undefined;
}

/** An earlier attachment of the same type and principal that attaches the same literal policy. */
function earlierAttachmentOf(ctx: TransformContext, aws: string, policy: string): string | undefined {
  const mine = principalKey(ctx.plan, aws);
  for (const p of ctx.run.plans.values()) {
    if (p === ctx.plan) return undefined;
    if (p.top.unit.dir !== ctx.stack.dir.dir || p.top.type !== ctx.top.type || !p.target || p.absorbedInto || principalKey(p, aws) !== mine) continue;
    const arn = getAttribute(p.original, "policy_arn")?.expr;
    if (arn && !getAttribute(p.original, "for_each") && attachedPolicy(ctx, arn).literal === policy) return p.target.names.join(".");
  }
  return undefined;
}

/** The literal policies other attachments of the same principal attach (also_attach extras skip them). */
function siblingPolicies(ctx: TransformContext, aws: string): Set<string> {
  const mine = principalKey(ctx.plan, aws);
  const out = new Set<string>();
  let before = true;
  for (const p of ctx.run.plans.values()) {
    if (p === ctx.plan) {
      before = false;
      continue;
    }
    if (p.top.unit.dir !== ctx.stack.dir.dir || p.top.type !== ctx.top.type || principalKey(p, aws) !== mine) continue;
    const arn = getAttribute(p.original, "policy_arn")?.expr;
    if (!arn) continue;
    const a = attachedPolicy(ctx, arn);
    if (a.literal) out.add(a.literal);
    if (before) for (const e of a.extras) out.add(e);
  }
  return out;
}

/**
 * `for_each = toset([<policy ARNs>])` with `policy_arn = each.value`: the set
 * becomes the RAM policy names (a map name → type when types differ).
 */
function eachPolicy(ctx: TransformContext, policy: Expr): boolean {
  // policy_arn = each.value, or an ARN template around it: "arn:aws:iam::aws:policy/${each.value}".
  const src = exprSource(policy);
  const m = src === "each.value" || src === "each.key" ? ["", "", src.slice(5), ""] : /^"([^$]*)\$\{each\.(value|key)\}([^$"]*)"$/.exec(src);
  if (!m) return false;
  const fe = getAttribute(ctx.block, "for_each");
  const arns = fe ? literalStrings(fe.expr, m[2] === "key")?.map((v) => `${m[1]}${v}${m[3]}`) : undefined;
  if (!fe || !arns) {
    ctx.change({ argument: "policy_arn", kind: "note", severity: "warning", reason: `The policy ARNs come from for_each${fe ? ` = ${exprSource(fe.expr)}` : ""}, which aws2ali cannot read; RAM attaches policies by name and type.`, action: "Make for_each yield RAM policy names and set policy_type (System for Alibaba Cloud system policies, Custom for your own)." });
    setAttribute(ctx.block, "policy_type", '"Custom"');
    return true;
  }
  const entries = new Map<string, "System" | "Custom">();
  let manual = 0;
  for (const arn of arns) {
    const a = attachedPolicyOfArn(ctx, arn);
    reportFindings(ctx.change, "policy_arn", a.findings);
    if (a.notNeeded || a.manual) {
      if (a.manual) manual++;
      ctx.change({ argument: "policy_arn", kind: "dropped", severity: a.notNeeded ? "info" : "warning", reason: `${a.notNeeded ?? a.manual} It was left out of the for_each set.`, ...(a.manual ? { action: UNMAPPED_ACTION } : {}) });
      continue;
    }
    const name = a.literal ?? ramName("policy", arn.replace(/^.*\//, ""));
    entries.set(name, a.type);
    for (const e of a.extras) entries.set(e, "System");
  }
  if (entries.size === 0) {
    // Nothing left to attach: the block goes (with the reasons above), or stays for a person.
    if (manual > 0) keepAsManual(ctx, { reason: "None of the AWS managed policies of this for_each has a RAM system policy.", action: UNMAPPED_ACTION, effort_hours: 0.5 });
    else foldInto(ctx, "(none)", "none of its AWS managed policies is needed on Alibaba Cloud (see the report).");
    return true;
  }
  const holes = new Holes();
  const types = new Set(entries.values());
  if (types.size <= 1) {
    setAttribute(ctx.block, "for_each", `toset(${renderHcl([...entries.keys()], holes)})`);
    setAttribute(ctx.block, "policy_name", "each.value");
    setAttribute(ctx.block, "policy_type", quote([...types][0] ?? "System"));
  } else {
    setAttribute(ctx.block, "for_each", renderHcl(Object.fromEntries(entries), holes));
    setAttribute(ctx.block, "policy_name", "each.key");
    setAttribute(ctx.block, "policy_type", "each.value");
  }
  return true;
}

/** The literal strings of a list / set / map expression (map keys or values). */
function literalStrings(e: Expr, keys: boolean): string[] | undefined {
  const inner = e.type === "Call" && e.name === "toset" && e.args.length === 1 ? e.args[0]! : e;
  const v = staticValue(inner);
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v as string[];
  if (v && typeof v === "object" && !Array.isArray(v)) {
    const list = keys ? Object.keys(v) : Object.values(v);
    if (list.every((x) => typeof x === "string")) return list as string[];
  }
  return undefined;
}

// ---- attachments emitted for a role -----------------------------------------------------

/**
 * alicloud_ram_role_policy_attachment blocks for a role's own policy ARNs
 * (aws_iam_role.managed_policy_arns), named "<role>_<policy>".
 */
export function roleAttachmentSpecs(ctx: TransformContext, roleRef: string, arns: Expr[], repeat: ItemSpec[]): BlockSpec[] {
  const specs: BlockSpec[] = [];
  const seen = new Set<string>();
  const add = (label: string, name: string, type: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    let l = `${ctx.top.name}_${label}`;
    for (let k = 2; specs.some((s) => s.labels[1] === l); k++) l = `${ctx.top.name}_${label}_${k}`;
    specs.push({ type: "resource", labels: ["alicloud_ram_role_policy_attachment", l], items: [...repeat, { attr: "role_name", expr: `${roleRef}.role_name` }, { attr: "policy_name", expr: name }, { attr: "policy_type", expr: quote(type) }] });
  };
  for (const arn of arns) {
    const a = attachedPolicy(ctx, arn);
    reportFindings(ctx.change, "managed_policy_arns", a.findings);
    if (a.notNeeded) {
      ctx.change({ argument: "managed_policy_arns", kind: "dropped", severity: "info", reason: a.notNeeded });
      continue;
    }
    if (a.manual) {
      ctx.change({ argument: "managed_policy_arns", kind: "dropped", severity: "warning", reason: `${a.manual} It was not attached.`, action: UNMAPPED_ACTION });
      continue;
    }
    add(a.label, a.name, a.type);
    for (const e of a.extras) add(labelOf(e), quote(e), "System");
  }
  return specs;
}

/** How many system and custom policies a role ends up with, counting every rule that attaches to it. */
export function policiesOfRole(ctx: TransformContext, extra: { system: number; custom: number }): { system: number; custom: number; uncounted: number } {
  const count = { system: extra.system, custom: extra.custom, uncounted: 0 };
  const names = new Set<string>();
  const roleName = literalOf(ctx.plan, "name");
  const isMine = (p: Plan): boolean => {
    const r = getAttribute(p.original, "role")?.expr;
    if (!r) return false;
    return referencedAddresses(r).includes(ctx.top.address) || (typeof roleName === "string" && staticValue(r) === roleName);
  };
  // Only this folder's inline policies and attachments can name the role: ask the index, not every plan.
  for (const p of [...plansOfType(ctx, "aws_iam_role_policy"), ...plansOfType(ctx, "aws_iam_role_policy_attachment")]) {
    if (p.top.kind !== "resource" || !isMine(p)) continue;
    if (p.top.type === "aws_iam_role_policy") count.custom++;
    if (p.top.type !== "aws_iam_role_policy_attachment") continue;
    const fe = getAttribute(p.original, "for_each");
    const arn = getAttribute(p.original, "policy_arn")?.expr;
    if (fe) {
      const list = literalStrings(fe.expr, false);
      if (!list) count.uncounted++;
      else for (const a of list) tally(attachedPolicyOfArn(ctx, a), count, names);
    } else if (getAttribute(p.original, "count")) count.uncounted++;
    else if (arn) tally(attachedPolicy(ctx, arn), count, names);
  }
  return count;
}

function tally(a: AttachedPolicy, count: { system: number; custom: number }, names: Set<string>): void {
  if (a.manual || a.notNeeded) return;
  for (const [name, type] of [[a.literal ?? a.name, a.type], ...a.extras.map((e) => [e, "System"])] as Array<[string, string]>) {
    if (names.has(name)) continue;
    names.add(name);
    if (type === "System") count.system++;
    else count.custom++;
  }
}
