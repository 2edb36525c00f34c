/**
 * VPC endpoints. A Gateway endpoint for S3 becomes an
 * alicloud_vpc_gateway_endpoint for OSS ("com.aliyun.<region>.oss", whose
 * policy document Alibaba requires); a DynamoDB gateway endpoint has no
 * counterpart (Tablestore instances have their own VPC attachments).
 * Interface and Gateway Load Balancer endpoints become an
 * alicloud_privatelink_vpc_endpoint plus one alicloud_privatelink_vpc_endpoint_zone
 * per subnet. AWS service names (com.amazonaws.<region>.<service>) have no
 * one-to-one Alibaba PrivateLink names, so those become input variables.
 */

import { blocksOf, type Expr } from "../hcl/cst.js";
import { getAttribute, quote, removeAttribute, renameAttribute, setAttribute } from "../hcl/edit.js";
import type { BlockSpec, ItemSpec } from "../hcl/format.js";
import { exprSource, staticValue } from "../hcl/value.js";
import { lookupValue } from "../mapping/values.js";
import { firstAddress, instanceRef, originalLiteral, repetition } from "./aws-graph.js";
import { decide, type TransformContext } from "./context.js";
import { keepAsManual } from "./fold.js";
import { translateDocumentArgument } from "./iam-policy.js";
import { rewriteReferencePaths } from "./reference-paths.js";
import { retractChanges } from "./report-changes.js";
import { identifier, inputVariable, regionExpr, switchTarget } from "./retarget.js";

const INTERFACE_TARGET = "alicloud_privatelink_vpc_endpoint";
const IP_VERSIONS: Record<string, string> = { ipv4: "IPv4", dualstack: "DualStack", ipv6: "IPv6" };

interface ServiceName {
  /** `s3`, `dynamodb`, `ecr.api`, … (undefined when it cannot be read). */
  service?: string;
  /** The region part as HCL template text (a literal region or `${…}`). */
  region?: string;
  /** A user-owned endpoint service (com.amazonaws.vpce.…). */
  vpce?: boolean;
}

/** `"com.amazonaws.eu-west-1.s3"`, `"com.amazonaws.${data.aws_region.current.name}.s3"`, or a data.aws_vpc_endpoint_service lookup. */
function readServiceName(ctx: TransformContext, e: Expr | undefined): ServiceName {
  if (!e) return {};
  const address = firstAddress(e);
  if (address === undefined && e.type === "GetAttr") {
    // data.aws_vpc_endpoint_service.x.service_name
    const src = exprSource(e);
    const m = /^data\.aws_vpc_endpoint_service\.([A-Za-z0-9_-]+)\.service_name$/.exec(src);
    const svc = m ? ctx.planOf(`data.aws_vpc_endpoint_service.${m[1]}`) : undefined;
    if (svc) {
      const service = originalLiteral(svc, "service");
      if (typeof service === "string") return { service };
      const name = getAttribute(svc.original, "service_name");
      if (name) return readServiceName(ctx, name.expr);
    }
    return {};
  }
  if (e.type !== "Template") return {};
  const src = exprSource(e);
  if (/^"com\.amazonaws\.vpce\./.test(src)) return { vpce: true };
  const m = /^"com\.amazonaws\.((?:[a-z]{2}(?:-gov)?-[a-z]+-\d)|(?:\$\{[^}]*\}))\.([a-z0-9.-]+)"$/.exec(src);
  return m ? { region: m[1]!, service: m[2]! } : {};
}

/** The OSS gateway service name in the endpoint's region. */
function ossServiceName(ctx: TransformContext, region: string | undefined): { expr: string; note?: string; warn?: string } {
  if (region && !region.startsWith("${")) {
    const map = ctx.run.table.values.get("regions");
    const found = map ? lookupValue(map, region) : {};
    if (typeof found.value === "string") return { expr: quote(`com.aliyun.${found.value}.oss`), ...(found.note ? { note: found.note } : {}) };
    return { expr: `"com.aliyun.\${${regionExpr(ctx)}}.oss"`, warn: `No Alibaba Cloud region is known for ${region}; the service name uses the provider's region.` };
  }
  if (region && /^\$\{(data\.aws_region\.[A-Za-z0-9_-]+\.(name|id|region))\}$/.test(region)) return { expr: `"com.aliyun.${region}.oss"` };
  if (region) return { expr: `"com.aliyun.${region}.oss"`, warn: `The region part ${region} must yield an Alibaba Cloud region id.` };
  return { expr: `"com.aliyun.\${${regionExpr(ctx)}}.oss"` };
}

export function vpcEndpoint(ctx: TransformContext): void {
  const typeAttr = getAttribute(ctx.plan.original, "vpc_endpoint_type");
  const type = typeAttr ? staticValue(typeAttr.expr) : "Gateway";
  if (type === "Interface" || type === "GatewayLoadBalancer") return interfaceEndpoint(ctx, type);
  if (type !== "Gateway") {
    ctx.change({ argument: "vpc_endpoint_type", kind: "note", severity: "warning", reason: `The endpoint type ${typeAttr ? exprSource(typeAttr.expr) : "?"} is computed; aws2ali translated it as a Gateway endpoint.`, action: "Use alicloud_privatelink_vpc_endpoint for Interface endpoints." });
  }
  gatewayEndpoint(ctx);
}

// ---- gateway endpoints ---------------------------------------------------------------------

function gatewayEndpoint(ctx: TransformContext): void {
  const svc = readServiceName(ctx, getAttribute(ctx.plan.original, "service_name")?.expr);
  if (svc.service === "dynamodb") {
    keepAsManual(ctx, { reason: "DynamoDB gateway endpoints have no Alibaba Cloud counterpart: Tablestore instances are reached from a VPC through the instance's own VPC attachment.", action: "Bind the Tablestore instance to the VPC with alicloud_ots_instance_attachment (vpc_name, vswitch_id) and use its private endpoint.", alternative: "alicloud_ots_instance_attachment", effort_hours: 0.5 });
    return;
  }
  if (svc.service === "s3") {
    const name = ossServiceName(ctx, svc.region);
    setAttribute(ctx.block, "service_name", name.expr);
    ctx.change({ argument: "service_name", kind: "value-mapped", to: name.expr, severity: name.warn ? "warning" : "info", reason: `The S3 gateway endpoint becomes the OSS gateway endpoint ${name.expr}${name.note ? ` (${name.note})` : ""}.${name.warn ? ` ${name.warn}` : ""}`, ...(name.warn ? { action: "Check the region in service_name." } : {}) });
  } else if (!isLiteralish(getAttribute(ctx.plan.original, "service_name")?.expr)) {
    ctx.change({ argument: "service_name", kind: "note", severity: "warning", reason: `service_name comes from ${originalSource(ctx)}; Alibaba offers gateway endpoints for OSS only, named com.aliyun.<region>.oss.`, action: "Make sure the value is an Alibaba gateway endpoint service name." });
  } else {
    const ref = inputVariable(ctx, `aws2ali_${identifier(ctx.top.address)}_service_name`, `Alibaba Cloud gateway endpoint service for ${ctx.top.address} (AWS ${originalSource(ctx)}); Alibaba offers gateway endpoints for OSS only (com.aliyun.<region>.oss).`, { type: "string" });
    setAttribute(ctx.block, "service_name", ref);
    ctx.change({ argument: "service_name", kind: "value-mapped", to: ref, severity: "warning", reason: `aws2ali cannot tell which Alibaba service stands for ${originalSource(ctx)}; Alibaba offers gateway endpoints for OSS only.`, action: `Set ${ref}, or remove the endpoint.` });
  }
  if (getAttribute(ctx.plan.original, "policy")) {
    retractChanges(ctx, "policy");
    translateDocumentArgument(ctx, "policy_document", "policy");
  } else {
    retractChanges(ctx, "policy_document");
    ctx.change({ argument: "policy", kind: "note", to: "policy_document", severity: "warning", reason: "Alibaba requires a policy document on OSS gateway endpoints; AWS's default (full access through the endpoint) was written out as policy_document.", action: "Narrow the policy to the buckets the VPC needs (Resource acs:oss:*:*:<bucket>/*)." });
  }
  if (!getAttribute(ctx.plan.original, "route_table_ids")) {
    ctx.change({ argument: "route_table_ids", kind: "note", severity: "warning", reason: "No route table is associated, so no route sends OSS traffic through the endpoint.", action: "Set route_tables, or associate route tables with alicloud_vpc_gateway_endpoint_route_table_attachment." });
  }
}

/** A quoted string (possibly with interpolations): an AWS service name written out, not a value passed in. */
function isLiteralish(e: Expr | undefined): boolean {
  return e?.type === "Template";
}

function originalSource(ctx: TransformContext): string {
  const a = getAttribute(ctx.plan.original, "service_name");
  return a ? exprSource(a.expr) : "(no service_name)";
}

// ---- interface endpoints ---------------------------------------------------------------------

function interfaceEndpoint(ctx: TransformContext, type: "Interface" | "GatewayLoadBalancer"): void {
  const { block, plan } = ctx;
  const o = plan.original;
  const attributes = { ...(plan.rule!.attributes ?? {}), state: "status", dns_entry: { drop: true, reason: "The endpoint's DNS name is endpoint_domain, a string.", action: "Use alicloud_privatelink_vpc_endpoint.<name>.endpoint_domain." } };
  switchTarget(ctx, INTERFACE_TARGET, attributes);
  if (getAttribute(block, "route_tables")) {
    removeAttribute(block, "route_tables");
    retractChanges(ctx, "route_table_ids");
    ctx.change({ argument: "route_table_ids", kind: "dropped", severity: "info", reason: "Interface endpoints take no route tables.", action: "Nothing to do." });
  }
  renameAttribute(block, "gateway_endpoint_name", "vpc_endpoint_name");
  if (!getAttribute(o, "policy")) {
    removeAttribute(block, "policy_document");
    retractChanges(ctx, "policy_document");
  } else {
    retractChanges(ctx, "policy");
    translateDocumentArgument(ctx, "policy_document", "policy");
  }
  setAttribute(block, "endpoint_type", quote(type));
  const sgs = getAttribute(o, "security_group_ids");
  if (sgs) {
    setAttribute(block, "security_group_ids", exprSource(sgs.expr));
    retractChanges(ctx, "security_group_ids");
  }
  const ipType = originalLiteral(plan, "ip_address_type");
  if (typeof ipType === "string" && IP_VERSIONS[ipType]) {
    setAttribute(block, "address_ip_version", quote(IP_VERSIONS[ipType]!));
    retractChanges(ctx, "ip_address_type");
    ctx.change({ argument: "ip_address_type", kind: "value-mapped", to: "address_ip_version", severity: "info", reason: `${ipType} → ${IP_VERSIONS[ipType]}.` });
  }
  interfaceServiceName(ctx);
  emitZones(ctx);
  rewriteReferencePaths(ctx, ctx.top.address, [{ from: ["dns_entry", "[]", "dns_name"], to: (a) => `${a}.endpoint_domain` }]);
  decide(ctx.run, { topic: "other", summary: "Interface endpoints are PrivateLink endpoints", detail: "AWS Interface (and Gateway Load Balancer) VPC endpoints became alicloud_privatelink_vpc_endpoint with one alicloud_privatelink_vpc_endpoint_zone per subnet; clients reach them through the endpoint's domain (endpoint_domain), not through the service's public DNS name." });
}

/** AWS service endpoints have no one-to-one Alibaba PrivateLink service names. */
function interfaceServiceName(ctx: TransformContext): void {
  const attr = getAttribute(ctx.plan.original, "service_name");
  const svc = readServiceName(ctx, attr?.expr);
  const address = firstAddress(attr?.expr);
  if (attr && !svc.service && !svc.vpce && (address || exprSource(attr.expr).startsWith("var."))) {
    ctx.change({ argument: "service_name", kind: "note", severity: "warning", reason: `service_name comes from ${exprSource(attr.expr)}; it must name an Alibaba PrivateLink endpoint service.`, action: "Check the value." });
    return;
  }
  const ref = inputVariable(ctx, `aws2ali_${identifier(ctx.top.address)}_service_name`, `Alibaba Cloud PrivateLink endpoint service name for ${ctx.top.address} (AWS ${originalSource(ctx)}).`, { type: "string" });
  setAttribute(ctx.block, "service_name", ref);
  ctx.change({ argument: "service_name", kind: "value-mapped", to: ref, severity: "warning", reason: svc.vpce ? `${originalSource(ctx)} is an AWS endpoint service; its Alibaba counterpart is the service name of the migrated alicloud_privatelink_vpc_endpoint_service.` : `AWS service endpoints (${originalSource(ctx)}) have no one-to-one Alibaba PrivateLink service names.`, action: svc.vpce ? `Set ${ref} to alicloud_privatelink_vpc_endpoint_service.<name>.vpc_endpoint_service_name.` : `Find the Alibaba Cloud service's PrivateLink name (VPC console → Endpoints → Alibaba Cloud services) and set ${ref}; Alibaba SDKs may need the endpoint_domain as their endpoint.` });
}

/** One alicloud_privatelink_vpc_endpoint_zone per subnet (zone_id from the subnet, eni_ip from subnet_configuration). */
function emitZones(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const subnets = getAttribute(o, "subnet_ids");
  retractChanges(ctx, "subnet_ids");
  retractChanges(ctx, "subnet_configuration");
  if (!subnets) {
    ctx.change({ argument: "subnet_ids", kind: "note", severity: "warning", reason: "The endpoint names no subnets, so it has no zone and receives no traffic.", action: "Add alicloud_privatelink_vpc_endpoint_zone resources for the vSwitches that should host it." });
    return;
  }
  const endpointId = `${instanceRef(`${INTERFACE_TARGET}.${ctx.top.name}`, o)}.id`;
  const repeat = repetition(o);
  const ips = new Map<string, string>();
  for (const c of blocksOf(o.body).filter((b) => b.blockType.text === "subnet_configuration")) {
    const s = getAttribute(c, "subnet_id");
    const ip = getAttribute(c, "ipv4");
    if (s && ip) ips.set(exprSource(s.expr), exprSource(ip.expr));
  }
  const specs: BlockSpec[] = [];
  if (subnets.expr.type === "Tuple") {
    const els = subnets.expr.elements.map(exprSource);
    els.forEach((s, k) => {
      const items: ItemSpec[] = [...repeat, { attr: "endpoint_id", expr: endpointId }, { attr: "vswitch_id", expr: s }];
      const zone = zoneOf(s);
      if (zone) items.push({ attr: "zone_id", expr: zone });
      const ip = ips.get(s);
      if (ip) items.push({ attr: "eni_ip", expr: ip });
      specs.push({ type: "resource", labels: ["alicloud_privatelink_vpc_endpoint_zone", els.length === 1 ? ctx.top.name : `${ctx.top.name}_${k + 1}`], items });
    });
  } else if (repeat.length === 0) {
    const list = exprSource(subnets.expr);
    const zones = /^(aws_subnet\.[A-Za-z0-9_-]+\[\*\])\.id$/.exec(list);
    const items: ItemSpec[] = [{ attr: "count", expr: `length(${list})` }, { attr: "endpoint_id", expr: endpointId }, { attr: "vswitch_id", expr: `element(${list}, count.index)` }];
    if (zones) items.push({ attr: "zone_id", expr: `element(${zones[1]}.availability_zone, count.index)` });
    specs.push({ type: "resource", labels: ["alicloud_privatelink_vpc_endpoint_zone", ctx.top.name], items });
    if (ips.size > 0) ctx.change({ argument: "subnet_configuration", kind: "dropped", severity: "warning", reason: "The subnets are a computed list, so fixed IPs (subnet_configuration.ipv4) could not be matched to them.", action: "Set eni_ip on the alicloud_privatelink_vpc_endpoint_zone by hand." });
  } else {
    ctx.change({ argument: "subnet_ids", kind: "note", severity: "warning", reason: "The endpoint is repeated (count / for_each) and its subnets are a computed list; no endpoint zones were emitted.", action: "Add alicloud_privatelink_vpc_endpoint_zone resources (endpoint_id, vswitch_id) by hand." });
    return;
  }
  ctx.emitAfter(specs);
  ctx.change({ argument: "subnet_ids", kind: "moved", to: "alicloud_privatelink_vpc_endpoint_zone", severity: "info", reason: "Each subnet hosts the endpoint through an alicloud_privatelink_vpc_endpoint_zone." });
}

/** `aws_subnet.a.id` → `aws_subnet.a.availability_zone` (rewritten to the vSwitch's zone_id later). */
function zoneOf(subnet: string): string | undefined {
  const m = /^(aws_subnet\.[A-Za-z0-9_-]+(\[[^\]]+\])?)\.id$/.exec(subnet);
  return m ? `${m[1]}.availability_zone` : undefined;
}
