/**
 * Route 53 → Alibaba Cloud DNS (public zones) and PrivateZone (zones bound
 * to VPCs).
 *   - aws_route53_zone: a public zone is an alicloud_alidns_domain (its
 *     name servers must be delegated at the registrar); a private one an
 *     alicloud_pvtz_zone plus an alicloud_pvtz_zone_attachment binding the
 *     VPCs (aws_route53_zone_association blocks included).
 *   - aws_route53_record: one record resource per value (for_each over the
 *     values), the name relative to the zone (rr, "@" for the apex), MX
 *     priorities apart, alias records as CNAMEs to the target's DNS name (A
 *     records to a CLB's address), TTLs of at least 600 s on public zones.
 *   - data.aws_route53_zone: a domain lookup, or a PrivateZone lookup.
 */

import { attributesOf, blocksOf, type Block, type Expr } from "../hcl/cst.js";
import { blockLabels, findReferences, getAttribute, parseExpression, removeAttribute, removeBlock, renameAttribute, replaceAttributeValue, setAttribute } from "../hcl/edit.js";
import type { BlockSpec, ItemSpec } from "../hcl/format.js";
import { exprSource } from "../hcl/value.js";
import type { AttributeRule } from "../mapping/rule.js";
import { firstAddress, instanceRef, plansOfType, repetition } from "./aws-graph.js";
import { inputName, inputVariable, literal, literalNumber, nested } from "./compute-shared.js";
import type { Plan, TransformContext } from "./context.js";
import { foldInto, keepAsManual } from "./fold.js";
import { rewriteReferencePaths } from "./reference-paths.js";
import { retractChanges } from "./report-changes.js";
import { stringBody, switchTarget } from "./retarget.js";
import { hclList } from "./lb-shared.js";

// ---- zones -----------------------------------------------------------------------------------

const PVTZ_ZONE_ATTRIBUTES: Record<string, AttributeRule | string> = {
  id: "id",
  zone_id: "id",
  name: "zone_name",
  tags_all: "tags",
  name_servers: { drop: true, reason: "PrivateZone zones have no name servers: every VPC bound to the zone resolves it.", action: "Remove the reference." },
  primary_name_server: { drop: true, reason: "PrivateZone zones have no name servers.", action: "Remove the reference." },
  arn: { drop: true, reason: "PrivateZone zones have no ARN.", action: "Use the zone id." },
};

/** A zone is private when it is bound to VPCs. */
function isPrivateZone(zone: Plan): boolean {
  if (zone.top.kind === "data") return literal(getAttribute(zone.original, "private_zone")?.expr) === true;
  return blocksOf(zone.original.body).some((b) => b.blockType.text === "vpc" || (b.blockType.text === "dynamic" && blockLabels(b)[0] === "vpc"));
}

/** A zone name as written, without Route 53's trailing dot; the literal value when there is one. */
function zoneName(zone: Plan | undefined): { source?: string; value?: string } {
  const n = zone && getAttribute(zone.original, "name");
  if (!n) return {};
  const v = literal(n.expr);
  return typeof v === "string" ? { source: JSON.stringify(v.replace(/\.$/, "")), value: v.replace(/\.$/, "").toLowerCase() } : { source: exprSource(n.expr) };
}

/** Literal names lose the trailing dot Route 53 allows. */
function stripDot(ctx: TransformContext, arg: string, original: Expr | undefined, where: string): void {
  if (!original || !getAttribute(ctx.block, arg)) return;
  const v = literal(original);
  const src = exprSource(original).trim();
  const fixed = typeof v === "string" ? (v.endsWith(".") ? JSON.stringify(v.slice(0, -1)) : undefined) : original.type === "Template" && !original.heredoc && src.endsWith('."') ? `${src.slice(0, -2)}"` : undefined;
  if (!fixed) return;
  // `"${var.domain}"` is just var.domain (terraform fmt writes it so).
  const only = /^"\$\{([^{}"]*)\}"$/.exec(fixed);
  setAttribute(ctx.block, arg, only ? only[1]!.trim() : fixed);
  ctx.change({ argument: where, kind: "value-mapped", to: fixed, severity: "info", reason: "Alibaba Cloud DNS names have no trailing dot." });
}

export function route53Zone(ctx: TransformContext): void {
  const o = ctx.plan.original;
  stripDot(ctx, "domain_name", getAttribute(o, "name")?.expr, "name");
  if (!isPrivateZone(ctx.plan)) {
    ctx.change({ argument: "(block)", kind: "note", severity: "warning", reason: "The domain is added to Alibaba Cloud DNS with name servers of its own (dns_servers); it answers only once the domain is delegated to them.", action: "Recreate the records (they are translated here), then point the domain's NS records at the new name servers at the registrar (or in the parent zone), and keep the Route 53 zone until the old NS TTL has expired." });
    return;
  }
  switchTarget(ctx, "alicloud_pvtz_zone", PVTZ_ZONE_ATTRIBUTES);
  renameAttribute(ctx.block, "domain_name", "zone_name");
  retractChanges(ctx, "name");
  retractChanges(ctx, "vpc", true);
  const ignoreVpcs = ignoreChangesVpc(ctx);
  const zoneRef = `${instanceRef(`alicloud_pvtz_zone.${ctx.top.name}`, o)}.id`;
  const vpcs: ItemSpec[] = [];
  for (const v of nested(o, "vpc")) vpcs.push({ block: vpcBlock(ctx, v) });
  for (const d of blocksOf(o.body).filter((b) => b.blockType.text === "dynamic" && blockLabels(b)[0] === "vpc")) {
    const content = nested(d, "content")[0];
    const fe = getAttribute(d, "for_each");
    if (!content || !fe) continue;
    const it = getAttribute(d, "iterator");
    const inner = vpcBlock(ctx, content);
    const iter = it ? exprSource(it.expr) : "vpc";
    vpcs.push({ block: { type: "dynamic", labels: ["vpcs"], items: [{ attr: "for_each", expr: exprSource(fe.expr) }, { block: { type: "content", labels: [], items: inner.items.map((i) => ("attr" in i ? { ...i, expr: i.expr.replace(new RegExp(`\\b${iter}\\.`, "g"), "vpcs.") } : i)) } }] } });
  }
  const target = `alicloud_pvtz_zone_attachment.${ctx.top.name}`;
  for (const a of plansOfType(ctx, "aws_route53_zone_association")) {
    if (a.absorbedInto || firstAddress(getAttribute(a.original, "zone_id")?.expr) !== ctx.top.address) continue;
    if (repetition(a.original).length > 0) continue;
    vpcs.push({ block: vpcBlock(ctx, a.original) });
    a.absorbedInto = { target, reason: `PrivateZone binds all VPCs of a zone in one alicloud_pvtz_zone_attachment; the association became a vpcs block of ${target}.` };
    a.item.changes.push({ argument: "(block)", kind: "moved", to: `${target}.vpcs`, severity: "info", reason: "PrivateZone binds a zone's VPCs in one attachment resource." });
  }
  const lifecycle: ItemSpec[] = ignoreVpcs ? [{ block: { type: "lifecycle", labels: [], items: [{ attr: "ignore_changes", expr: "[vpcs]" }] } }] : [];
  ctx.emitAfter([{ type: "resource", labels: ["alicloud_pvtz_zone_attachment", ctx.top.name], items: [...repetition(o), { attr: "zone_id", expr: zoneRef }, ...vpcs, ...lifecycle] }]);
  ctx.change({ argument: "vpc", kind: "moved", to: target, severity: "info", reason: "A private hosted zone is a PrivateZone zone; its VPCs are bound by alicloud_pvtz_zone_attachment." });
}

/** `vpc { vpc_id, vpc_region }` (or an association) → `vpcs { vpc_id, region_id }`. */
function vpcBlock(ctx: TransformContext, v: Block): BlockSpec {
  const id = getAttribute(v, "vpc_id");
  const region = getAttribute(v, "vpc_region");
  const items: ItemSpec[] = [{ attr: "vpc_id", expr: id ? exprSource(id.expr) : '""' }];
  const r = region ? literal(region.expr) : undefined;
  if (typeof r === "string") {
    const mapped = ctx.run.table.values.get("regions")?.entries[r];
    if (typeof mapped === "string") items.push({ attr: "region_id", expr: JSON.stringify(mapped) });
    else ctx.change({ argument: "vpc.vpc_region", kind: "dropped", severity: "warning", reason: `The region ${JSON.stringify(r)} has no known Alibaba Cloud region.`, action: "Set region_id on the vpcs block." });
  } else if (region) ctx.change({ argument: "vpc.vpc_region", kind: "note", severity: "warning", reason: `The VPC region ${exprSource(region.expr)} is computed and was left out; the VPC is looked up in the provider's region.`, action: "Set region_id on the vpcs block when the VPC is in another region." });
  return { type: "vpcs", labels: [], items };
}

/**
 * `lifecycle { ignore_changes = [vpc] }` (usual when other stacks associate
 * VPCs) names an argument PrivateZone zones do not have; the attachment,
 * which manages the zone's whole VPC list, ignores its vpcs instead.
 * Returns true when the zone ignored its VPCs.
 */
function ignoreChangesVpc(ctx: TransformContext): boolean {
  const lifecycle = blocksOf(ctx.block.body).find((b) => b.blockType.text === "lifecycle");
  const ignore = lifecycle && getAttribute(lifecycle, "ignore_changes");
  if (!lifecycle || !ignore || ignore.expr.type !== "Tuple") return false;
  const keep = ignore.expr.elements.filter((e) => exprSource(e).trim() !== "vpc");
  if (keep.length === ignore.expr.elements.length) return false;
  if (keep.length > 0) replaceAttributeValue(ignore, `[${keep.map(exprSource).join(", ")}]`);
  else if (attributesOf(lifecycle.body).length === 1 && blocksOf(lifecycle.body).length === 0) removeBlock(ctx.block, lifecycle);
  else removeAttribute(lifecycle, "ignore_changes");
  ctx.change({ argument: "lifecycle.ignore_changes", kind: "moved", to: "alicloud_pvtz_zone_attachment lifecycle.ignore_changes = [vpcs]", severity: "warning", reason: "The zone ignored changes to its VPCs (other stacks associate theirs). alicloud_pvtz_zone_attachment manages the zone's whole VPC list, so it ignores changes to vpcs instead.", action: "Bind the other stacks' VPCs by editing this attachment's vpcs (or in the console): a second alicloud_pvtz_zone_attachment for the same zone would overwrite this one." });
  return true;
}

// ---- records ---------------------------------------------------------------------------------

const PVTZ_RECORD_ATTRIBUTES: Record<string, AttributeRule | string> = {
  id: "id",
  name: "rr",
  records: "value",
  fqdn: { drop: true, reason: "alicloud_pvtz_zone_record exports no FQDN.", action: 'Build it as "${rr}.${zone name}".' },
};

const ALIDNS_TYPES = new Set(["A", "AAAA", "CNAME", "MX", "TXT", "NS", "SRV", "CAA"]);
const PVTZ_TYPES = new Set(["A", "CNAME", "MX", "PTR", "SRV", "TXT"]);

interface Zone {
  plan?: Plan;
  private: boolean;
  name: { source?: string; value?: string };
}

function zoneOf(ctx: TransformContext): Zone {
  const zoneId = getAttribute(ctx.plan.original, "zone_id");
  const refs = zoneId ? findReferences(zoneId.expr) : [];
  let plan: Plan | undefined;
  const r = refs[0];
  if (r?.root === "aws_route53_zone" && r.steps[0]?.kind === "attr") plan = ctx.planOf(`aws_route53_zone.${r.steps[0].name}`);
  if (r?.root === "data" && r.steps[0]?.kind === "attr" && r.steps[0].name === "aws_route53_zone" && r.steps[1]?.kind === "attr") plan = ctx.planOf(`data.aws_route53_zone.${r.steps[1].name}`);
  return { ...(plan ? { plan } : {}), private: plan ? isPrivateZone(plan) : false, name: zoneName(plan) };
}

export function route53Record(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const validation = findReferences(o).find((r) => r.root === "aws_acm_certificate" && r.steps.some((s) => s.kind === "attr" && s.name === "domain_validation_options"));
  if (validation && validation.steps[0]?.kind === "attr") {
    const cert = ctx.planOf(`aws_acm_certificate.${validation.steps[0].name}`);
    const issued = cert && !getAttribute(cert.original, "certificate_body");
    foldRecord(ctx, "(none)", `it is an ACM DNS validation record of ${cert?.top.address ?? "a certificate"}; ${issued ? "that certificate is ordered by hand on Alibaba Cloud, and the order names the validation record to add" : "uploaded certificates need no validation"}.`);
    return;
  }
  const zone = zoneOf(ctx);
  const typeValue = literal(getAttribute(o, "type")?.expr);
  const type = typeof typeValue === "string" ? typeValue.toUpperCase() : undefined;
  const alias = nested(o, "alias")[0];
  if (getAttribute(o, "set_identifier") && !firstVariant(ctx)) {
    keepAsManual(ctx, { reason: "This record is one of several routing-policy variants of the same name (set_identifier); Alibaba Cloud DNS has no weighted, latency, failover or geolocation record sets, and aws2ali translated the first variant only.", action: "Recreate the routing with Alibaba Cloud DNS lines (geolocation, paid editions), weights set in the console, or Global Traffic Manager (failover with health checks).", alternative: "Alibaba Cloud DNS lines / Global Traffic Manager", effort_hours: 1 });
    return;
  }
  if (alias && type === "AAAA" && siblingA(ctx)) {
    const a = siblingA(ctx)!;
    foldRecord(ctx, a.target ? a.target.names.join(".") : a.top.address, `the CNAME that replaces the A alias ${a.top.address} also answers IPv6 queries (a CNAME covers every record type of the name).`);
    return;
  }
  const allowed = zone.private ? PVTZ_TYPES : ALIDNS_TYPES;
  if (type && !alias && !allowed.has(type)) {
    keepAsManual(ctx, { reason: `${zone.private ? "PrivateZone" : "Alibaba Cloud DNS"} has no ${type} records${zone.private ? " (A, CNAME, MX, PTR, SRV and TXT only)" : ""}.`, action: zone.private ? "Use an A or CNAME record, or resolve the name with a public DNS zone." : "Drop the record, or keep it at a DNS provider that supports the type.", alternative: zone.private ? "alicloud_pvtz_zone_record" : "alicloud_alidns_record", effort_hours: 0.5 });
    return;
  }
  if (zone.private) {
    switchTarget(ctx, "alicloud_pvtz_zone_record", PVTZ_RECORD_ATTRIBUTES);
    renameAttribute(ctx.block, "domain_name", "zone_id");
    retractChanges(ctx, "zone_id");
    ctx.change({ argument: "zone_id", kind: "note", severity: "info", reason: `${zone.plan!.top.address} is a private zone: the record is a PrivateZone record.` });
  } else zoneDomain(ctx, zone);
  relativeName(ctx, zone);
  if (alias) aliasRecord(ctx, zone, alias, type);
  else values(ctx, type);
  ttl(ctx, zone);
  fqdnReferences(ctx, zone);
  forEachFirst(ctx);
  if (getAttribute(o, "set_identifier")) ctx.change({ argument: "set_identifier", kind: "note", severity: "warning", reason: "This is the first of several routing-policy variants of the name; the others stay manual.", action: "Recreate the routing policy with DNS lines or Global Traffic Manager." });
}

/** Fold the record away; the engine's lines about its arguments no longer apply. */
function foldRecord(ctx: TransformContext, target: string, reason: string): void {
  foldInto(ctx, target, reason);
  ctx.plan.item.changes = [{ argument: "(block)", kind: "note", severity: "info", reason: reason.replace(/^./, (c) => c.toUpperCase()) }];
}

/** for_each goes first, where people write it. */
function forEachFirst(ctx: TransformContext): void {
  if (!getAttribute(ctx.block, "for_each") || getAttribute(ctx.plan.original, "for_each")) return;
  for (const a of attributesOf(ctx.block.body)) {
    if (a.name.text === "for_each") continue;
    const src = exprSource(a.expr);
    removeAttribute(ctx.block, a.name.text);
    setAttribute(ctx.block, a.name.text, src);
  }
}

/** The first record with a set_identifier among those of the same zone, name and type. */
function firstVariant(ctx: TransformContext): boolean {
  const key = (p: Plan): string => ["zone_id", "name", "type"].map((a) => { const x = getAttribute(p.original, a); return x ? exprSource(x.expr) : ""; }).join("\u0000");
  const mine = key(ctx.plan);
  const first = plansOfType(ctx, "aws_route53_record").find((p) => getAttribute(p.original, "set_identifier") && key(p) === mine);
  return first === ctx.plan;
}

/** An A alias record of the same zone and name (its CNAME replaces this AAAA alias). */
function siblingA(ctx: TransformContext): Plan | undefined {
  const src = (p: Plan, a: string): string => {
    const x = getAttribute(p.original, a);
    return x ? exprSource(x.expr) : "";
  };
  return plansOfType(ctx, "aws_route53_record").find((p) => p !== ctx.plan && literal(getAttribute(p.original, "type")?.expr) === "A" && nested(p.original, "alias").length > 0 && !getAttribute(p.original, "set_identifier") && src(p, "zone_id") === src(ctx.plan, "zone_id") && src(p, "name") === src(ctx.plan, "name"));
}

/** Public records name their zone by domain: a literal Route 53 zone id means nothing on Alibaba Cloud. */
function zoneDomain(ctx: TransformContext, zone: Zone): void {
  const zoneId = getAttribute(ctx.plan.original, "zone_id");
  if (!zoneId || zone.plan) return;
  retractChanges(ctx, "zone_id");
  const v = literal(zoneId.expr);
  if (typeof v === "string") {
    const variable = inputVariable(ctx, inputName(ctx, "domain_name"), `Domain (Alibaba Cloud DNS) of ${ctx.top.address}: AWS named the hosted zone ${v}.`);
    setAttribute(ctx.block, "domain_name", variable);
    ctx.change({ argument: "zone_id", kind: "value-mapped", to: variable, severity: "warning", reason: `Alibaba Cloud DNS records name their domain, not a zone id; the Route 53 zone ${v} became ${variable}.`, action: "Set the variable to the domain name (the domain must be in Alibaba Cloud DNS)." });
  } else {
    ctx.change({ argument: "zone_id", kind: "renamed", to: "domain_name", severity: "warning", reason: `Alibaba Cloud DNS records name their domain; ${exprSource(zoneId.expr)} is not a zone of this configuration, so it must now hold the domain name (public zones assumed).`, action: "Make the value the domain name, or use an alicloud_pvtz_zone_record if the zone is private." });
  }
}

/** rr: the name relative to the zone ("@" for the apex). */
function relativeName(ctx: TransformContext, zone: Zone): void {
  const nameAttr = getAttribute(ctx.plan.original, "name");
  if (!nameAttr) return;
  retractChanges(ctx, "name");
  const rr = relative(ctx, nameAttr.expr, zone);
  if (rr.expr !== exprSource(nameAttr.expr)) setAttribute(ctx.block, "rr", rr.expr);
  ctx.change({ argument: "name", kind: "renamed", to: "rr", severity: rr.exact ? "info" : "warning", reason: rr.exact ? `Alibaba Cloud DNS names records relative to the zone: ${exprSource(nameAttr.expr)} → ${rr.expr}.` : `Alibaba Cloud DNS names records relative to the zone, and aws2ali could not tell ${exprSource(nameAttr.expr)} apart from the zone name${rr.expr !== exprSource(nameAttr.expr) ? `; it wrote ${rr.expr}` : ""}.`, ...(rr.exact ? {} : { action: 'Make rr the part before the zone name ("@" for the zone apex).' }) });
}

function relative(ctx: TransformContext, e: Expr, zone: Zone): { expr: string; exact: boolean } {
  const v = literal(e);
  const src = exprSource(e).trim();
  if (typeof v === "string") {
    const n = v.replace(/\.$/, "");
    const z = zone.name.value;
    if (z && n.toLowerCase() === z) return { expr: '"@"', exact: true };
    if (z && n.toLowerCase().endsWith(`.${z}`)) return { expr: JSON.stringify(n.slice(0, n.length - z.length - 1)), exact: true };
    if (z || !n.includes(".")) return { expr: JSON.stringify(n), exact: true };
    return { expr: JSON.stringify(n), exact: false };
  }
  // Compare template text: `"www.${var.domain}"` against the zone's name written as a template (`${var.domain}`).
  const inner = templateText(src);
  for (const form of zoneForms(zone)) {
    if (inner === form) return { expr: '"@"', exact: true };
    if (inner.endsWith(`.${form}`)) return { expr: `"${inner.slice(0, inner.length - form.length - 1)}"`, exact: true };
    if (inner.endsWith(form) && inner.length > form.length) {
      // `"${each.key}${zone}"`: the prefix may be empty (the apex) or end in a dot.
      return { expr: `coalesce(trimsuffix("${inner.slice(0, inner.length - form.length)}", "."), "@")`, exact: true };
    }
  }
  const other = otherZoneName(ctx, src, zone);
  if (other !== undefined) return relative(ctx, other, zone);
  // A computed name: decide at plan time (it may be the apex, a name under the zone, or already relative).
  const zoneExpr = zone.name.value !== undefined ? JSON.stringify(zone.name.value) : zone.name.source;
  if (zoneExpr && !/\n/.test(zoneExpr + src)) {
    const suffix = zone.name.value !== undefined ? JSON.stringify(`.${zone.name.value}`) : /^"/.test(zoneExpr) ? `".${zoneExpr.slice(1)}` : `".\${${zoneExpr}}"`;
    return { expr: `${src} == ${zoneExpr} ? "@" : trimsuffix(${src}, ${suffix})`, exact: true };
  }
  return { expr: src, exact: false };
}

/** The text inside a quoted template, or `${expr}` for any other expression. */
function templateText(src: string): string {
  let quoted = false;
  try {
    const e = parseExpression(src);
    quoted = e.type === "Template" && !e.heredoc;
  } catch {
    quoted = false;
  }
  return quoted ? src.slice(1, -1).replace(/\.$/, "") : `\${${src}}`;
}

/** The ways the zone's name can be written: its own name expression and a reference to it. */
function zoneForms(zone: Zone): string[] {
  const out: string[] = [];
  if (zone.name.source) out.push(templateText(zone.name.source));
  if (zone.plan) out.push(`\${${zone.plan.top.address}.name}`);
  return out.filter((f, k, all) => f !== "" && all.indexOf(f) === k);
}

/** `aws_route53_zone.child.name` named from another zone's record: the child's own name expression. */
function otherZoneName(ctx: TransformContext, src: string, zone: Zone): Expr | undefined {
  const m = /^(aws_route53_zone\.[A-Za-z_][A-Za-z0-9_-]*)\.name$/.exec(src);
  if (!m || m[1] === zone.plan?.top.address) return undefined;
  return ctx.planOf(m[1]!) && getAttribute(ctx.planOf(m[1]!)!.original, "name")?.expr;
}

/** TXT values lose the quotes Route 53 wants around strings; long split strings are joined. */
function txtValue(v: string): string {
  const m = /^"(.*)"$/s.exec(v);
  return m ? m[1]!.split('""').join("").replace(/\\"/g, '"') : v;
}

/** records → value: one record per value (for_each over several). */
function values(ctx: TransformContext, type: string | undefined): void {
  const o = ctx.plan.original;
  const records = getAttribute(o, "records");
  retractChanges(ctx, "records");
  if (!records) {
    ctx.change({ argument: "records", kind: "note", severity: "warning", reason: "The record has neither records nor alias; Alibaba Cloud DNS records need a value.", action: "Set value." });
    return;
  }
  const repeated = repetition(o).length > 0;
  const literals = records.expr.type === "Tuple" ? records.expr.elements.map((el) => literal(el)) : undefined;
  if (records.expr.type === "Tuple" && literals!.every((x) => typeof x === "string")) {
    const vals = (literals as string[]).map((x) => (type === "TXT" ? txtValue(x) : type === "CNAME" || type === "NS" ? x.replace(/\.$/, "") : x));
    if (type === "MX") {
      const pairs = vals.map((x) => /^(\d+)\s+(\S+?)\.?$/.exec(x.trim())).filter((m): m is RegExpExecArray => m !== null);
      if (pairs.length === vals.length) {
        if (pairs.length === 1 || repeated) {
          setAttribute(ctx.block, "priority", pairs[0]![1]!);
          setAttribute(ctx.block, "value", JSON.stringify(pairs[0]![2]));
        } else {
          setAttribute(ctx.block, "for_each", `{\n${pairs.map((p) => `  ${JSON.stringify(p[2])} = ${p[1]}`).join("\n")}\n}`);
          setAttribute(ctx.block, "value", "each.key");
          setAttribute(ctx.block, "priority", "each.value");
        }
        const big = pairs.find((p) => Number(p[1]) > 50);
        if (big) ctx.change({ argument: "records", kind: "note", severity: "warning", reason: `Alibaba Cloud DNS MX priorities run from 1 to 50; ${big[1]} is out of range.`, action: "Rescale the MX priorities into 1–50, keeping their order." });
        finishValues(ctx, pairs.length, repeated, "MX records carry their preference as priority");
        return;
      }
    }
    if (vals.length === 1 || repeated) setAttribute(ctx.block, "value", JSON.stringify(vals[0] ?? ""));
    else {
      setAttribute(ctx.block, "for_each", `toset(${hclList(vals)})`);
      setAttribute(ctx.block, "value", "each.value");
    }
    finishValues(ctx, vals.length, repeated, type === "TXT" && vals.some((x, k) => x !== literals![k]) ? "TXT values are written without the surrounding quotes Route 53 wants" : undefined);
    return;
  }
  if (records.expr.type === "Tuple" && records.expr.elements.length === 1) {
    setAttribute(ctx.block, "value", exprSource(records.expr.elements[0]!));
    finishValues(ctx, 1, repeated);
    return;
  }
  if (repeated) {
    setAttribute(ctx.block, "value", `tolist(${exprSource(records.expr)})[0]`);
    ctx.change({ argument: "records", kind: "note", severity: "warning", reason: "The record is already repeated (count / for_each), so only the first of its values was kept.", action: "Add records for the other values." });
    return;
  }
  const list = records.expr.type === "Tuple" ? `[${records.expr.elements.map(exprSource).join(", ")}]` : exprSource(records.expr);
  setAttribute(ctx.block, "for_each", `toset(${list})`);
  setAttribute(ctx.block, type === "MX" ? "priority" : "value", type === "MX" ? 'tonumber(split(" ", each.value)[0])' : "each.value");
  if (type === "MX") setAttribute(ctx.block, "value", 'split(" ", each.value)[1]');
  ctx.change({ argument: "records", kind: "moved", to: "for_each", severity: "warning", reason: "Alibaba Cloud DNS records hold one value each: the record is repeated over the values (for_each). Values only known after apply (such as name servers of a zone created in the same run) cannot drive for_each.", action: "If terraform plan reports unknown for_each values, apply the resources they come from first (terraform apply -target=…)." });
}

function finishValues(ctx: TransformContext, n: number, repeated: boolean, extra?: string): void {
  const reasons: string[] = [];
  if (n > 1 && !repeated) reasons.push(`Alibaba Cloud DNS records hold one value each: the ${n} values are one record each (for_each)`);
  if (n > 1 && repeated) reasons.push("the record is already repeated, so only its first value was kept");
  if (extra) reasons.push(extra);
  if (reasons.length === 0) return;
  ctx.change({ argument: "records", kind: "moved", to: n > 1 ? "for_each" : "value", severity: n > 1 && repeated ? "warning" : "info", reason: `${reasons.join("; ")}.`.replace(/^./, (c) => c.toUpperCase()), ...(n > 1 && repeated ? { action: "Add records for the other values." } : {}) });
}

/** alias { name, zone_id } → a CNAME to the target's DNS name (an A record to a CLB's address). */
function aliasRecord(ctx: TransformContext, zone: Zone, alias: Block, type: string | undefined): void {
  retractChanges(ctx, "alias", true);
  const name = getAttribute(alias, "name");
  if (!name) return;
  const source = exprSource(name.expr).trim();
  const clb = /^aws_elb\.[A-Za-z_][A-Za-z0-9_-]*(\[[^\]]+\])?\.dns_name$/.test(source);
  const v = literal(name.expr);
  let value = source;
  if (typeof v === "string") value = JSON.stringify(v.replace(/\.$/, ""));
  if (clb && type === "A") {
    setAttribute(ctx.block, "value", value);
    ctx.change({ argument: "alias", kind: "value-mapped", to: "A record to the CLB address", severity: "info", reason: "A CLB has a fixed IP address (its dns_name became address): the alias is an A record to it." });
  } else {
    setAttribute(ctx.block, "type", '"CNAME"');
    setAttribute(ctx.block, "value", value);
    const rr = literal(getAttribute(ctx.block, "rr")?.expr);
    const apex = rr === "@";
    const external = typeof v === "string";
    const severity = apex || external ? "warning" : "info";
    const reasons = [`Alibaba Cloud DNS has no alias records: the ${type ?? ""} alias became a CNAME to ${source}`.replace("  ", " ")];
    if (external) reasons.push(`${JSON.stringify(v)} is an AWS name, which stops answering once AWS is gone`);
    if (apex) reasons.push("a CNAME at the zone apex conflicts with the apex's other records (NS, MX, TXT), which Alibaba Cloud DNS refuses");
    ctx.change({ argument: "alias", kind: "value-mapped", to: "CNAME", severity, reason: `${reasons.join("; ")}.`, ...(severity === "warning" ? { action: apex ? "Serve the apex another way: an A record to a fixed IP (an NLB or CLB address, or an EIP), or redirect the apex to www with Alibaba Cloud DNS URL forwarding (type REDIRECT_URL)." : "Point the record at the Alibaba Cloud endpoint that replaces it." } : {}) });
    if (type === "AAAA") ctx.change({ argument: "type", kind: "value-mapped", to: '"CNAME"', severity: "info", reason: "The CNAME answers IPv6 (AAAA) queries through the target's own records." });
  }
  const evaluate = getAttribute(alias, "evaluate_target_health");
  if (evaluate && literal(evaluate.expr) === true) ctx.change({ argument: "alias.evaluate_target_health", kind: "dropped", severity: "info", reason: "DNS answers do not depend on the target's health; the load balancer stops routing to unhealthy backends itself.", action: "Use Global Traffic Manager for health-based DNS failover across regions." });
  if (!getAttribute(ctx.plan.original, "ttl")) setAttribute(ctx.block, "ttl", zone.private ? "60" : "600");
}

/** The free edition of Alibaba Cloud DNS takes TTLs from 600 s to one day. */
function ttl(ctx: TransformContext, zone: Zone): void {
  if (zone.private) return;
  const t = getAttribute(ctx.block, "ttl");
  const n = t ? literalNumber(t.expr) : undefined;
  if (n !== undefined && n > 86400) {
    setAttribute(ctx.block, "ttl", "86400");
    ctx.change({ argument: "ttl", kind: "value-mapped", to: "86400", severity: "info", reason: `Alibaba Cloud DNS takes TTLs up to 86400 s (one day); ${n} s became 86400.` });
  }
  if (n !== undefined && n < 600) {
    setAttribute(ctx.block, "ttl", "600");
    ctx.change({ argument: "ttl", kind: "value-mapped", to: "600", severity: "info", reason: `The free edition of Alibaba Cloud DNS takes TTLs from 600 s; ${n} s became 600, so changes to this record take longer to reach resolvers.`, action: "Lower it again on a paid edition (down to 1 s) if fast changes matter." });
  }
}

/** `aws_route53_record.x.fqdn` → the zone-qualified name, built from rr and the zone's name. */
function fqdnReferences(ctx: TransformContext, zone: Zone): void {
  const rr = getAttribute(ctx.block, "rr");
  const zs = zone.plan ? `${zone.plan.top.address}.name` : zone.name.source;
  if (!rr || !zs) return;
  const r = literal(rr.expr);
  const rrPart = typeof r === "string" ? stringBody(r) : `\${${exprSource(rr.expr)}}`;
  // Alibaba domain names (and the lookups' names) carry no trailing dot.
  const fqdn = r === "@" ? zs : `"${rrPart}.\${${zs}}"`;
  // Inside a template, the name joins the surrounding text: "https://${aws_route53_record.x.fqdn}" → "https://api.${zone}".
  const text = r === "@" ? `\${${zs}}` : `${rrPart}.\${${zs}}`;
  const needle = `\${${ctx.top.address}.fqdn}`;
  const skip = new Set<Block>([...ctx.run.plans.values()].filter((p) => !p.rule?.to || p.absorbedInto).map((p) => p.top.block));
  for (const unit of ctx.stack.dir.units) {
    if (unit.isTfvars) continue;
    for (const block of blocksOf(unit.tree.body)) if (!skip.has(block)) inTemplates(block, needle, text);
  }
  rewriteReferencePaths(ctx, ctx.top.address, [{ from: ["fqdn"], to: () => fqdn }]);
}

function inTemplates(block: Block, needle: string, text: string): void {
  for (const a of attributesOf(block.body)) {
    const src = exprSource(a.expr);
    if (a.expr.type === "Template" && !a.expr.heredoc && src.includes(needle)) replaceAttributeValue(a, src.split(needle).join(text));
  }
  for (const b of blocksOf(block.body)) inTemplates(b, needle, text);
}

// ---- data.aws_route53_zone --------------------------------------------------------------------

const PVTZ_LOOKUP_ATTRIBUTES: Record<string, AttributeRule | string> = {
  id: "ids[0]",
  zone_id: "ids[0]",
  name: "names[0]",
  comment: "zones[0].remark",
  name_servers: { drop: true, reason: "PrivateZone zones have no name servers.", action: "Remove the reference." },
  arn: { drop: true, reason: "PrivateZone zones have no ARN.", action: "Use the zone id." },
  resource_record_set_count: "zones[0].record_count",
};

export function dataRoute53Zone(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const name = getAttribute(o, "name");
  const zoneId = getAttribute(o, "zone_id");
  const v = name ? literal(name.expr) : undefined;
  const plain = typeof v === "string" ? v.replace(/\.$/, "") : undefined;
  const priv = literal(getAttribute(o, "private_zone")?.expr) === true;
  retractChanges(ctx, "name");
  if (priv) {
    switchTarget(ctx, "alicloud_pvtz_zones", PVTZ_LOOKUP_ATTRIBUTES);
    removeAttribute(ctx.block, "domain_name_regex");
    if (removeAttribute(ctx.block, "tags")) ctx.change({ argument: "tags", kind: "dropped", severity: "warning", reason: "The PrivateZone lookup has no tag filter.", action: "Make sure the name matches one zone." });
    const vpc = getAttribute(o, "vpc_id");
    retractChanges(ctx, "vpc_id");
    retractChanges(ctx, "private_zone");
    if (name) setAttribute(ctx.block, "keyword", plain !== undefined ? JSON.stringify(plain) : `trimsuffix(${exprSource(name.expr)}, ".")`);
    setAttribute(ctx.block, "search_mode", '"EXACT"');
    if (vpc) setAttribute(ctx.block, "query_vpc_id", exprSource(vpc.expr));
    ctx.change({ argument: "private_zone", kind: "value-mapped", to: "data.alicloud_pvtz_zones", severity: "info", reason: "A private zone is looked up among PrivateZone zones, by exact name (keyword, search_mode EXACT)." });
  } else if (name) {
    setAttribute(ctx.block, "domain_name_regex", plain !== undefined ? JSON.stringify(`^${plain.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) : `format("^%s$", replace(trimsuffix(${exprSource(name.expr)}, "."), ".", "\\\\."))`);
    ctx.change({ argument: "name", kind: "renamed", to: "domain_name_regex", severity: "info", reason: "The domain is looked up by an exact-match regular expression on its name." });
  }
  if (zoneId && !name) {
    retractChanges(ctx, "zone_id");
    const variable = inputVariable(ctx, inputName(ctx, priv ? "zone_id" : "domain_name"), priv ? `PrivateZone zone id ${ctx.top.address} looks up (AWS looked up the Route 53 zone ${exprSource(zoneId.expr)}).` : `Domain name ${ctx.top.address} looks up (AWS looked up the Route 53 zone ${exprSource(zoneId.expr)}).`);
    if (priv) setAttribute(ctx.block, "ids", `[${variable}]`);
    else setAttribute(ctx.block, "domain_name_regex", `"^\${replace(${variable}, ".", "\\\\.")}$"`);
    ctx.change({ argument: "zone_id", kind: "value-mapped", to: variable, severity: "warning", reason: `Route 53 zone ids do not exist on Alibaba Cloud; the lookup takes ${priv ? "the zone id" : "the domain name"} from ${variable}.`, action: "Set the variable." });
  }
}
