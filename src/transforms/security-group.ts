/**
 * Security groups. Alibaba Cloud security groups take no inline rules:
 * every rule is an alicloud_security_group_rule with one CIDR, a protocol
 * and a port range written "from/to" (-1/-1 for all ports).
 */

import { blocksOf, type Block } from "../hcl/cst.js";
import { blockLabels, getAttribute, removeAttribute, removeBlock, setAttribute } from "../hcl/edit.js";
import type { BlockSpec, ItemSpec } from "../hcl/format.js";
import { exprSource, staticValue } from "../hcl/value.js";
import { instanceRef } from "./aws-graph.js";
import type { TransformContext } from "./context.js";

const PROTOCOLS: Record<string, string> = { "-1": "all", all: "all", tcp: "tcp", "6": "tcp", udp: "udp", "17": "udp", icmp: "icmp", "1": "icmp", icmpv6: "icmpv6", "58": "icmpv6" };

interface RuleParts {
  protocol: string;
  portRange: string;
  cidrs: { kind: "each" | "list"; exprs: string[]; source?: string };
  source?: string;
  description?: string;
}

/** Protocol and port range of an AWS rule (inline block, aws_security_group_rule or aws_vpc_security_group_*_rule). */
function partsOf(rule: Block, fromName = "from_port", toName = "to_port", protoName = "protocol", cidrName = "cidr_blocks"): RuleParts | string {
  const proto = getAttribute(rule, protoName);
  const protoValue = proto ? staticValue(proto.expr) : "-1";
  const protocol = PROTOCOLS[String(protoValue)];
  if (!protocol) return `protocol ${proto ? exprSource(proto.expr) : "?"} has no Alibaba Cloud equivalent (tcp, udp, icmp, icmpv6, gre or all)`;
  const from = getAttribute(rule, fromName);
  const to = getAttribute(rule, toName);
  const f = from ? exprSource(from.expr) : "-1";
  const t = to ? exprSource(to.expr) : f;
  const literal = (s: string): boolean => /^-?\d+$/.test(s);
  const portRange = protocol === "all" || protocol === "icmp" || protocol === "icmpv6" || f === "0" && t === "0" ? '"-1/-1"' : literal(f) && literal(t) ? `"${f}/${t}"` : `"\${${f}}/\${${t}}"`;
  const cidr = getAttribute(rule, cidrName);
  const cidrs: RuleParts["cidrs"] = { kind: "list", exprs: [] };
  if (cidr?.expr.type === "Tuple") cidrs.exprs = cidr.expr.elements.map(exprSource);
  else if (cidr) Object.assign(cidrs, { kind: "each", source: exprSource(cidr.expr) });
  const sg = getAttribute(rule, "source_security_group_id") ?? getAttribute(rule, "referenced_security_group_id");
  const desc = getAttribute(rule, "description");
  return { protocol, portRange, cidrs, ...(sg ? { source: exprSource(sg.expr) } : {}), ...(desc ? { description: exprSource(desc.expr) } : {}) };
}

function ruleItems(groupRef: string, type: string, p: RuleParts, cidr: string | undefined): ItemSpec[] {
  return [
    { attr: "security_group_id", expr: groupRef },
    { attr: "type", expr: JSON.stringify(type) },
    { attr: "ip_protocol", expr: JSON.stringify(p.protocol) },
    { attr: "port_range", expr: p.portRange },
    { attr: "nic_type", expr: '"intranet"' },
    { attr: "policy", expr: '"accept"' },
    ...(cidr ? [{ attr: "cidr_ip", expr: cidr }] : []),
    ...(p.source ? [{ attr: "source_security_group_id", expr: p.source }] : []),
    ...(p.description ? [{ attr: "description", expr: p.description }] : []),
  ];
}

/** aws_security_group: each inline ingress/egress rule and each of its CIDRs becomes a rule resource. */
export function securityGroupInlineRules(ctx: TransformContext): void {
  for (const b of blocksOf(ctx.block.body)) if (isRuleBlock(b)) removeBlock(ctx.block, b);
  const groupRef = `${instanceRef(`${ctx.rule.to}.${ctx.top.name}`, ctx.plan.original)}.id`;
  const specs: BlockSpec[] = [];
  const names = new Set<string>();
  const uniqueName = (base: string): string => {
    let n = base;
    for (let i = 2; names.has(n); i++) n = `${base}_${i}`;
    names.add(n);
    return n;
  };
  blocksOf(ctx.plan.original.body).forEach((b, k) => {
    if (!isRuleBlock(b)) return;
    const dynamic = b.blockType.text === "dynamic";
    const type = dynamic ? blockLabels(b)[0]! : b.blockType.text;
    const content = dynamic ? blocksOf(b.body).find((c) => c.blockType.text === "content") : b;
    if (!content) return;
    const parts = partsOf(content);
    const where = `${type}[${k}]`;
    if (typeof parts === "string") {
      ctx.change({ argument: where, kind: "dropped", severity: "warning", reason: `This rule's ${parts}.`, action: "Add the rule by hand." });
      return;
    }
    const base = `${ctx.top.name}_${type}`;
    const add = (items: ItemSpec[]): void => {
      specs.push({ type: "resource", labels: ["alicloud_security_group_rule", uniqueName(base)], items: dynamic ? eachFromIterator(b, type, items) : items });
    };
    if (parts.cidrs.kind === "each" && !dynamic) add([{ attr: "for_each", expr: `toset(${parts.cidrs.source})` }, ...ruleItems(groupRef, type, parts, "each.value")]);
    else if (parts.cidrs.kind === "each") add(ruleItems(groupRef, type, parts, `${parts.cidrs.source}[0]`));
    else if (parts.cidrs.exprs.length === 0) add(ruleItems(groupRef, type, parts, undefined));
    else for (const cidr of parts.cidrs.exprs) add(ruleItems(groupRef, type, parts, cidr));
    ctx.change({ argument: where, kind: "moved", to: "alicloud_security_group_rule", severity: parts.cidrs.kind === "each" && dynamic ? "warning" : "info", reason: "Alibaba Cloud security group rules are separate resources, one per CIDR.", ...(parts.cidrs.kind === "each" && dynamic ? { action: "This dynamic rule's CIDR list is computed: only its first CIDR is used; add rules for the others." } : {}) });
  });
  ctx.emitAfter(specs);
  removeAttribute(ctx.block, "revoke_rules_on_delete");
}

function isRuleBlock(b: Block): boolean {
  const t = b.blockType.text;
  return t === "ingress" || t === "egress" || (t === "dynamic" && ["ingress", "egress"].includes(blockLabels(b)[0] ?? ""));
}

/** A dynamic rule block becomes a rule resource with for_each; `ingress.value` inside it means `each.value`. */
function eachFromIterator(dyn: Block, label: string, items: ItemSpec[]): ItemSpec[] {
  const fe = getAttribute(dyn, "for_each");
  const it = getAttribute(dyn, "iterator");
  const iter = it ? exprSource(it.expr) : label;
  const pattern = new RegExp(`\\b${iter}\\.(value|key)\\b`, "g");
  const rewritten = items.map((i) => ("attr" in i ? { ...i, expr: i.expr.replace(pattern, "each.$1") } : i));
  return fe ? [{ attr: "for_each", expr: `{ for i, v in ${exprSource(fe.expr)} : tostring(i) => v }` }, ...rewritten] : rewritten;
}

/** aws_security_group_rule (and the vpc_security_group_*_rule resources) → one alicloud_security_group_rule. */
export function securityGroupRule(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const isVpcRule = ctx.top.type.startsWith("aws_vpc_security_group_");
  const typeAttr = getAttribute(o, "type");
  const typeValue = typeAttr ? staticValue(typeAttr.expr) : undefined;
  const type = isVpcRule ? (ctx.top.type.includes("ingress") ? "ingress" : "egress") : typeof typeValue === "string" ? typeValue : "ingress";
  const parts = isVpcRule ? partsOf(o, "from_port", "to_port", "ip_protocol", "cidr_ipv4") : partsOf(o);
  for (const n of ["from_port", "to_port", "protocol", "cidr_blocks", "cidr_ipv4", "self", "type", "referenced_security_group_id", "source_security_group_id", "ip_protocol", "ipv6_cidr_blocks", "prefix_list_ids", "cidr_ip", "port_range", "nic_type", "policy"]) removeAttribute(ctx.block, n);
  if (typeof parts === "string") {
    ctx.change({ argument: "protocol", kind: "note", severity: "warning", reason: `This rule's ${parts}.`, action: "Set ip_protocol by hand." });
    return;
  }
  if (parts.cidrs.kind === "list" && parts.cidrs.exprs.length > 1) {
    setAttribute(ctx.block, "for_each", `toset([${parts.cidrs.exprs.join(", ")}])`);
    parts.cidrs = { kind: "list", exprs: ["each.value"] };
  }
  const items = ruleItems("", type, parts, parts.cidrs.kind === "each" ? undefined : parts.cidrs.exprs[0]).filter((i) => "attr" in i && i.attr !== "security_group_id");
  if (parts.cidrs.kind === "each") {
    setAttribute(ctx.block, "for_each", `toset(${parts.cidrs.source})`);
    items.push({ attr: "cidr_ip", expr: "each.value" });
  }
  for (const i of items) if ("attr" in i) setAttribute(ctx.block, i.attr, i.expr);
}

