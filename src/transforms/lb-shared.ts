/**
 * What the load-balancer transforms (aws_lb, aws_lb_listener,
 * aws_lb_target_group, aws_elb) share: which Alibaba product a block
 * becomes (ALB for HTTP(S), NLB for TCP/UDP/TLS, GWLB for GENEVE), the
 * vSwitch facts a load balancer needs (its VPC and each vSwitch's zone),
 * and the certificate id form ALB listeners take.
 */

import type { Expr } from "../hcl/cst.js";
import { findReferences, getAttribute } from "../hcl/edit.js";
import { exprSource } from "../hcl/value.js";
import { firstAddress, plansOfType } from "./aws-graph.js";
import { literal, nested } from "./compute-shared.js";
import type { Plan, TransformContext } from "./context.js";

/** Target group and listener protocols that make an NLB server group / listener. */
export const NLB_PROTOCOLS = new Set(["TCP", "UDP", "TLS", "TCP_UDP"]);

export type LbKind = "alb" | "nlb" | "gwlb";

/** The product an aws_lb becomes, from load_balancer_type (application when absent or computed). */
export function lbKind(plan: Plan): LbKind {
  const t = literal(getAttribute(plan.original, "load_balancer_type")?.expr);
  return t === "network" ? "nlb" : t === "gateway" ? "gwlb" : "alb";
}

/** The aws_lb plan a listener belongs to (through load_balancer_arn), when it is in this folder. */
export function listenerLb(ctx: TransformContext, listener: Plan): Plan | undefined {
  const address = firstAddress(getAttribute(listener.original, "load_balancer_arn")?.expr);
  return address && /^aws_(lb|alb)\./.test(address) ? ctx.planOf(address) : undefined;
}

/** The product a listener becomes: its protocol decides, else its load balancer's type. */
export function listenerKind(ctx: TransformContext, listener: Plan): LbKind {
  const p = literal(getAttribute(listener.original, "protocol")?.expr);
  if (typeof p === "string" && NLB_PROTOCOLS.has(p.toUpperCase())) return "nlb";
  if (p === "GENEVE") return "gwlb";
  if (typeof p === "string" && /^HTTPS?$/i.test(p)) return "alb";
  const lb = listenerLb(ctx, listener);
  return lb ? lbKind(lb) : "alb";
}

/** Target group addresses a listener's default actions forward to (target_group_arn and forward { target_group { arn } }). */
export function forwardTargets(listener: Plan): Array<{ expr: Expr; weight?: Expr }> {
  const out: Array<{ expr: Expr; weight?: Expr }> = [];
  for (const action of nested(listener.original, "default_action")) {
    const arn = getAttribute(action, "target_group_arn");
    if (arn) out.push({ expr: arn.expr });
    for (const fwd of nested(action, "forward")) {
      for (const tg of nested(fwd, "target_group")) {
        const a = getAttribute(tg, "arn");
        const w = getAttribute(tg, "weight");
        if (a && !out.some((o) => exprSource(o.expr) === exprSource(a.expr))) out.push({ expr: a.expr, ...(w ? { weight: w.expr } : {}) });
      }
    }
  }
  return out;
}

/** The product a target group becomes: its protocol, else the kind of a listener that forwards to it. */
export function targetGroupKind(ctx: TransformContext, tg: Plan): LbKind {
  const p = literal(getAttribute(tg.original, "protocol")?.expr);
  if (typeof p === "string" && NLB_PROTOCOLS.has(p.toUpperCase())) return "nlb";
  if (p === "GENEVE") return "gwlb";
  if (typeof p === "string") return "alb";
  for (const l of plansOfType(ctx, "aws_lb_listener")) {
    if (forwardTargets(l).some((f) => firstAddress(f.expr) === tg.top.address)) return listenerKind(ctx, l);
  }
  return "alb";
}

// ---- vSwitches --------------------------------------------------------------------------

/**
 * An attribute of the vSwitch a subnet expression names, as an expression in
 * AWS terms (the references stage renames it): `aws_subnet.a.id` →
 * `aws_subnet.a.zone_id`, `aws_subnet.p[0].id` → `aws_subnet.p[0].zone_id`.
 * Undefined when the expression is not a plain reference to a subnet's id.
 */
export function subnetAttribute(e: Expr, attr: string): string | undefined {
  const refs = findReferences(e);
  if (refs.length !== 1 || refs[0]!.node !== e || refs[0]!.root !== "aws_subnet") return undefined;
  const m = /^(aws_subnet\.[A-Za-z_][A-Za-z0-9_-]*(?:\[[^\]]+\])?)\.id$/.exec(exprSource(e).trim());
  return m ? `${m[1]}.${attr}` : undefined;
}

/**
 * The subnet list of a load balancer, resolved: literal elements each with
 * their zone, or a whole-resource splat (`aws_subnet.public[*].id`,
 * `values(aws_subnet.x)[*].id`) that a dynamic block can iterate.
 */
export type SubnetList =
  | { kind: "elements"; items: Array<{ vswitch: string; zone?: string }> }
  | { kind: "splat"; resource: string }
  | { kind: "computed"; source: string };

export function subnetList(e: Expr): SubnetList {
  if (e.type === "Tuple") return { kind: "elements", items: e.elements.map((el) => ({ vswitch: exprSource(el), ...(subnetAttribute(el, "zone_id") ? { zone: subnetAttribute(el, "zone_id")! } : {}) })) };
  const src = exprSource(e).trim();
  const m = /^(?:values\()?(aws_subnet\.[A-Za-z_][A-Za-z0-9_-]*)\)?(?:\[\*\]|\.\*)\.id$/.exec(src);
  if (m) return { kind: "splat", resource: m[1]! };
  return { kind: "computed", source: src };
}

/** The VPC of the first subnet of a list, as an expression in AWS terms (undefined when it cannot be told). */
export function vpcOfSubnets(ctx: TransformContext, list: SubnetList): string | undefined {
  if (list.kind === "elements") {
    const first = list.items[0];
    if (!first) return undefined;
    const m = /^(aws_subnet\.[A-Za-z_][A-Za-z0-9_-]*(?:\[[^\]]+\])?)\.zone_id$/.exec(first.zone ?? "");
    return m ? `${m[1]}.vpc_id` : undefined;
  }
  if (list.kind === "splat") {
    const subnet = ctx.planOf(list.resource);
    const vpc = subnet && getAttribute(subnet.original, "vpc_id");
    if (vpc && !/\b(count|each)\./.test(exprSource(vpc.expr))) return exprSource(vpc.expr);
    return undefined;
  }
  return undefined;
}

// ---- certificates ----------------------------------------------------------------------

/** The input variable holding the Certificate Management Service region ALB, CLB and CDN read certificates from. */
export function casRegion(ctx: TransformContext): string {
  const name = "aws2ali_cas_region";
  if (!ctx.stack.inputs.has(name)) {
    ctx.stack.inputs.set(name, {
      type: "string",
      description: "Region of Certificate Management Service (SSL Certificates Service) certificates: ap-southeast-1 on the international site (alibabacloud.com), cn-hangzhou on the China site (aliyun.com). ALB listeners name a certificate as <certificate id>-<this region>.",
      default: '"ap-southeast-1"',
    });
  }
  return "var.aws2ali_cas_region";
}

export interface CertificateRef {
  /** The id as an expression for ALB (`"${id}-${region}"`), CDN (the bare id) or a variable. */
  expr: string;
  /** A literal ARN or a value from outside this configuration: the user must supply it. */
  external: boolean;
}

/**
 * What an ACM certificate ARN expression becomes where Alibaba takes a
 * certificate id: a reference to an ACM certificate or its lookup reads the
 * CAS certificate id (the rules map `arn` to it); a literal ARN becomes an
 * input variable; anything else is kept and reported by the caller.
 */
export function certificateId(ctx: TransformContext, e: Expr, variable: string, what: string): CertificateRef {
  const v = literal(e);
  if (typeof v === "string") {
    if (!ctx.stack.inputs.has(variable)) ctx.stack.inputs.set(variable, { type: "string", description: `Certificate Management Service certificate id for ${what} (the AWS certificate ${v} does not exist on Alibaba Cloud).` });
    return { expr: `var.${variable}`, external: true };
  }
  const source = throughValidation(ctx, e) ?? exprSource(e);
  const issued = issuedCertificate(ctx, source);
  if (issued) return { expr: issued, external: true };
  const fromAcm = findReferences(e).some((r) => r.root === "aws_acm_certificate" || r.root === "aws_acm_certificate_validation" || (r.root === "data" && r.steps[0]?.kind === "attr" && r.steps[0].name === "aws_acm_certificate"));
  return { expr: source, external: !fromAcm };
}

/** `aws_acm_certificate_validation.v.certificate_arn` → the certificate it validates (`aws_acm_certificate.c.arn`). */
export function throughValidation(ctx: TransformContext, e: Expr): string | undefined {
  const m = /^(aws_acm_certificate_validation\.[A-Za-z_][A-Za-z0-9_-]*)\.certificate_arn$/.exec(exprSource(e).trim());
  const validation = m ? ctx.planOf(m[1]!) : undefined;
  const arn = validation && getAttribute(validation.original, "certificate_arn");
  return arn ? exprSource(arn.expr) : undefined;
}

/**
 * An ACM-issued certificate (no certificate_body) stays manual: references to
 * it read one input variable holding the id of the certificate ordered or
 * uploaded on Alibaba Cloud. Returns `var.<name>` for `aws_acm_certificate.c.arn`
 * (or `.id`) of such a certificate, else undefined.
 */
export function issuedCertificate(ctx: TransformContext, source: string): string | undefined {
  const m = /^aws_acm_certificate\.([A-Za-z_][A-Za-z0-9_-]*)\.(arn|id)$/.exec(source.trim());
  const plan = m ? ctx.planOf(`aws_acm_certificate.${m[1]}`) : undefined;
  if (!plan || getAttribute(plan.original, "certificate_body")) return undefined;
  return issuedCertificateVariable(ctx, plan);
}

export function issuedCertificateVariable(ctx: TransformContext, plan: Plan): string {
  const name = `aws2ali_aws_acm_certificate_${plan.top.name}_certificate_id`.replace(/[^A-Za-z0-9_]/g, "_");
  const domain = getAttribute(plan.original, "domain_name");
  if (!ctx.stack.inputs.has(name)) ctx.stack.inputs.set(name, { type: "string", description: `Certificate Management Service certificate id standing for the ACM-issued certificate ${plan.top.address}${domain ? ` (${exprSource(domain.expr)})` : ""}: order or upload the certificate on Alibaba Cloud and set its id.` });
  return `var.${name}`;
}

/** A list of strings as HCL writes it: `["a", "b"]`. */
export function hclList(values: string[]): string {
  return `[${values.map((v) => JSON.stringify(v)).join(", ")}]`;
}
