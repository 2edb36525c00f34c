/**
 * aws_cloudfront_distribution → one alicloud_cdn_domain_new per alias (CDN
 * accelerates a domain of yours; a distribution served only under
 * *.cloudfront.net has no counterpart and stays manual).
 *   - origins → sources { content, type, port, priority }: S3 buckets are
 *     OSS sources, IPs ipaddr, the rest domain; failover members of an
 *     origin group get the backup priority 30.
 *   - the ACM certificate → certificate_config from Certificate Management
 *     Service; a private OSS origin (origin access control / identity) →
 *     the l2_oss_key domain config, which replaces the access control object.
 *   - viewer_protocol_policy redirect-to-https / https-only, compress and
 *     IPv6 → domain configs; other behaviour settings are reported.
 */

import { blocksOf, type Expr } from "../hcl/cst.js";
import { findReferences, getAttribute, removeBlock, setAttribute } from "../hcl/edit.js";
import type { BlockSpec, ItemSpec } from "../hcl/format.js";
import { exprSource } from "../hcl/value.js";
import { firstAddress, plansOfType } from "./aws-graph.js";
import { firstNested, inputName, literal, nested } from "./compute-shared.js";
import type { TransformContext } from "./context.js";
import { itemsOf } from "./flatten-nested.js";
import { keepAsManual } from "./fold.js";
import { casRegion, certificateId } from "./lb-shared.js";
import { retractChanges } from "./report-changes.js";

export function cloudfrontDistribution(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const aliases = getAttribute(o, "aliases");
  if (!aliases || (aliases.expr.type === "Tuple" && aliases.expr.elements.length === 0)) {
    keepAsManual(ctx, {
      reason: "The distribution has no aliases: it is served only under its *.cloudfront.net name. Alibaba Cloud CDN accelerates a domain of your own (there is no provider-assigned domain to serve under), so there is nothing to create until a domain is chosen.",
      action: "Pick a domain (e.g. static.<your domain>), create alicloud_cdn_domain_new { domain_name, cdn_type = \"web\", scope, sources { content = <bucket>.<oss endpoint>, type = \"oss\", port = 80 } } with a certificate, point a CNAME at its cname, and replace the *.cloudfront.net URL in clients; for a private bucket add the l2_oss_key domain config. Or serve the bucket directly from OSS.",
      alternative: "alicloud_cdn_domain_new (+ alicloud_cdn_domain_config)",
      effort_hours: 4,
    });
    return;
  }
  const configs: Config[] = [];
  sources(ctx, configs);
  certificate(ctx);
  behaviours(ctx, configs);
  other(ctx, configs);
  const domains = aliasCopies(ctx, aliases.expr);
  const specs: BlockSpec[] = [];
  for (const d of domains) {
    for (const c of configs) specs.push(domainConfig(d.name, d.address, c.name, c.fn, c.args));
  }
  if (specs.length > 0) ctx.emitAfter(specs);
  for (const c of configs) ctx.change({ argument: c.argument, kind: "moved", to: `alicloud_cdn_domain_config (${c.fn})`, severity: "info", reason: c.reason });
  retractChanges(ctx, "price_class");
  ctx.change({ argument: "price_class", kind: "value-mapped", to: '"overseas"', severity: "info", reason: 'scope = "overseas" accelerates outside mainland China for every price class: "domestic" and "global" need an ICP filing for the domain.', action: "Use global once the domain has an ICP filing, if mainland China users matter." });
}

// ---- origins -----------------------------------------------------------------------------

function isS3(e: Expr): boolean {
  if (findReferences(e).some((r) => r.root === "aws_s3_bucket" && r.steps.some((s) => s.kind === "attr" && /^bucket(_regional)?_domain_name$/.test(s.name)))) return true;
  const v = literal(e);
  return typeof v === "string" && /\.s3([.-][a-z0-9-]+)?\.amazonaws\.com$/.test(v);
}

function sources(ctx: TransformContext, configs: Config[]): void {
  const origins = nested(ctx.plan.original, "origin");
  const blocks = blocksOf(ctx.block.body).filter((b) => b.blockType.text === "sources");
  const backups = backupOrigins(ctx);
  let privateOss = false;
  let httpsOrigin = false;
  origins.forEach((origin, k) => {
    const src = blocks[k];
    if (!src) return;
    const domain = getAttribute(origin, "domain_name");
    const custom = firstNested(origin, "custom_origin_config");
    const policy = custom ? literal(getAttribute(custom, "origin_protocol_policy")?.expr) : undefined;
    const s3 = domain ? isS3(domain.expr) : false;
    const ip = domain && /^"?\d{1,3}(\.\d{1,3}){3}"?$/.test(exprSource(domain.expr));
    setAttribute(src, "type", JSON.stringify(s3 ? "oss" : ip ? "ipaddr" : "domain"));
    if (policy === "https-only") {
      setAttribute(src, "port", "443");
      httpsOrigin = true;
    } else if (!getAttribute(src, "port")) setAttribute(src, "port", "80");
    const id = literal(getAttribute(origin, "origin_id")?.expr);
    setAttribute(src, "priority", typeof id === "string" && backups.has(id) ? "30" : "20");
    if (domain && s3 && literal(domain.expr) !== undefined) ctx.change({ argument: `origin[${k}].domain_name`, kind: "note", severity: "warning", reason: `The origin ${exprSource(domain.expr)} is an S3 bucket endpoint; CDN needs the OSS bucket's domain (<bucket>.oss-<region>.aliyuncs.com).`, action: "Set content to the OSS bucket's extranet domain." });
    if (getAttribute(origin, "origin_access_control_id") || firstNested(origin, "s3_origin_config")) privateOss = privateOss || s3;
  });
  if (backups.size > 0) {
    retractChanges(ctx, "origin_group");
    ctx.change({ argument: "origin_group", kind: "value-mapped", to: "sources.priority", severity: "info", reason: "The origin group's failover members are backup sources (priority 30; the primary has 20): CDN fails over to them when the primary is down.", action: "CDN fails over on unreachable origins, not on status codes (failover_criteria); check the behaviour." });
  }
  if (httpsOrigin) configs.push({ name: "forward_scheme", fn: "forward_scheme", args: [["enable", "on"], ["scheme_origin", "https"]], argument: "origin.custom_origin_config.origin_protocol_policy", reason: "CDN fetches from the https-only origin over HTTPS (forward_scheme)." });
  if (privateOss) {
    configs.push({ name: "oss_auth", fn: "l2_oss_key", args: [["private_oss_auth", "on"]], argument: "origin.origin_access_control_id", reason: "The bucket stays private: CDN reads it with private OSS back-to-origin authorization (l2_oss_key)." });
    retractChanges(ctx, "origin.origin_access_control_id");
    retractChanges(ctx, "origin.s3_origin_config");
    ctx.change({ argument: "origin.origin_access_control_id", kind: "note", severity: "warning", reason: "Private OSS back-to-origin needs the CDN service role once per account, and the bucket policy that allowed cloudfront.amazonaws.com has no meaning on Alibaba Cloud.", action: "Authorize AliyunCDNAccessingPrivateOSSRole (CDN console, once), and remove the CloudFront statement from the bucket policy." });
    for (const oac of plansOfType(ctx, "aws_cloudfront_origin_access_control")) {
      const used = ctx.plan.original && nested(ctx.plan.original, "origin").some((og) => firstAddress(getAttribute(og, "origin_access_control_id")?.expr) === oac.top.address);
      if (!used || oac.absorbedInto) continue;
      oac.absorbedInto = { target: `alicloud_cdn_domain_config.${ctx.top.name}_oss_auth`, reason: "CDN reads the private bucket with the l2_oss_key domain config of the distribution's CDN domain; there is no access control object." };
      oac.item.changes.push({ argument: "(block)", kind: "note", severity: "warning", reason: `Replaced by the private OSS back-to-origin domain config of ${ctx.top.address}.`, action: "Authorize AliyunCDNAccessingPrivateOSSRole once in the CDN console." });
    }
  }
}

/** origin_id of the failover (second and later) members of origin groups. */
function backupOrigins(ctx: TransformContext): Set<string> {
  const out = new Set<string>();
  for (const g of nested(ctx.plan.original, "origin_group")) {
    nested(g, "member").slice(1).forEach((m) => {
      const id = literal(getAttribute(m, "origin_id")?.expr);
      if (typeof id === "string") out.add(id);
    });
  }
  return out;
}

// ---- certificate -----------------------------------------------------------------------------

function certificate(ctx: TransformContext): void {
  const cc = blocksOf(ctx.block.body).find((b) => b.blockType.text === "certificate_config");
  if (!cc) return;
  const vc = firstNested(ctx.plan.original, "viewer_certificate");
  const acm = vc && getAttribute(vc, "acm_certificate_arn");
  if (!acm) {
    removeBlock(ctx.block, cc);
    ctx.change({ argument: "viewer_certificate", kind: "note", severity: "warning", reason: "The distribution's aliases have no ACM certificate here, so the CDN domain gets no HTTPS certificate.", action: "Add certificate_config (an uploaded certificate, or cert_type = \"free\" for a free DV certificate)." });
    return;
  }
  retractChanges(ctx, "viewer_certificate.acm_certificate_arn");
  const id = certificateId(ctx, acm.expr, inputName(ctx, "certificate_id"), ctx.top.address);
  setAttribute(cc, "cert_id", id.expr);
  setAttribute(cc, "cert_type", '"cas"');
  setAttribute(cc, "cert_region", casRegion(ctx));
  setAttribute(cc, "server_certificate_status", '"on"');
  ctx.change({ argument: "viewer_certificate.acm_certificate_arn", kind: "moved", to: "certificate_config", severity: id.external ? "warning" : "info", reason: `The CDN domain serves HTTPS with the Certificate Management Service certificate (cert_type "cas", region var.aws2ali_cas_region).`, ...(id.external ? { action: "Set the certificate id to a certificate uploaded to Certificate Management Service that covers the alias." } : {}) });
}

// ---- behaviours ------------------------------------------------------------------------------

interface Config {
  name: string;
  fn: string;
  args: Array<[string, string]>;
  argument: string;
  reason: string;
}

function behaviours(ctx: TransformContext, configs: Config[]): void {
  const d = firstNested(ctx.plan.original, "default_cache_behavior");
  if (!d) return;
  retractChanges(ctx, "default_cache_behavior");
  const viewer = literal(getAttribute(d, "viewer_protocol_policy")?.expr);
  if (viewer === "redirect-to-https" || viewer === "https-only") {
    configs.push({ name: "https_force", fn: "https_force", args: [["enable", "on"]], argument: "default_cache_behavior.viewer_protocol_policy", reason: `HTTP requests are redirected to HTTPS (https_force)${viewer === "https-only" ? "; CloudFront refused them (https-only) instead" : ""}.` });
  }
  if (literal(getAttribute(d, "compress")?.expr) === true) configs.push({ name: "gzip", fn: "gzip", args: [["enable", "on"]], argument: "default_cache_behavior.compress", reason: "CDN compresses text responses (gzip)." });
  const lost: string[] = [];
  for (const a of ["cache_policy_id", "origin_request_policy_id", "response_headers_policy_id", "default_ttl", "min_ttl", "max_ttl", "realtime_log_config_arn", "field_level_encryption_id"]) if (getAttribute(d, a)) lost.push(a);
  for (const b of ["forwarded_values", "lambda_function_association", "function_association", "trusted_key_groups", "trusted_signers"]) if (nested(d, b).length > 0 || getAttribute(d, b)) lost.push(b);
  const methods = getAttribute(d, "allowed_methods");
  if (methods && /"(POST|PUT|PATCH|DELETE)"/.test(exprSource(methods.expr))) lost.push("allowed_methods (writes)");
  if (lost.length > 0) {
    ctx.change({ argument: "default_cache_behavior", kind: "dropped", severity: "warning", reason: `These cache behaviour settings have no argument on the CDN domain and were not translated: ${lost.join(", ")}. CDN caches by its defaults until domain configs say otherwise.`, action: "Add alicloud_cdn_domain_config blocks for cache TTLs (filetype_based_ttl_set / path_based_ttl_set), cache keys (set_hashkey_args), headers (set_resp_header) and URL authentication (aliauth); edge functions become EdgeScript or ESA routines." });
  }
}

function other(ctx: TransformContext, configs: Config[]): void {
  const o = ctx.plan.original;
  if (literal(getAttribute(o, "is_ipv6_enabled")?.expr) === true) {
    retractChanges(ctx, "is_ipv6_enabled");
    configs.push({ name: "ipv6", fn: "ipv6", args: [["switch", "on"], ["region", "*"]], argument: "is_ipv6_enabled", reason: "The CDN domain answers over IPv6 too (ipv6)." });
  }
  const geo = firstNested(firstNested(o, "restrictions"), "geo_restriction");
  if (geo && literal(getAttribute(geo, "restriction_type")?.expr) === "none") {
    retractChanges(ctx, "restrictions");
    ctx.change({ argument: "restrictions", kind: "dropped", severity: "info", reason: "No geo restriction (restriction_type = \"none\"), as on a CDN domain by default." });
  }
}

// ---- aliases ---------------------------------------------------------------------------------

/** The CDN domains: this block for the first alias, a copy per further literal alias. */
function aliasCopies(ctx: TransformContext, aliases: Expr): Array<{ name: string; address: string }> {
  const self = { name: ctx.top.name, address: `alicloud_cdn_domain_new.${ctx.top.name}` };
  if (aliases.type !== "Tuple") {
    ctx.change({ argument: "aliases", kind: "note", severity: "warning", reason: `The alias list ${exprSource(aliases)} is computed; the CDN domain takes its first alias only.`, action: "Add an alicloud_cdn_domain_new (with the same sources and certificate) for each further alias." });
    return [self];
  }
  if (aliases.elements.length < 2) return [self];
  retractChanges(ctx, "aliases");
  const items = itemsOf(ctx.block);
  const out = [self];
  const specs: BlockSpec[] = aliases.elements.slice(1).map((el, k) => {
    const name = `${ctx.top.name}_${k + 2}`;
    out.push({ name, address: `alicloud_cdn_domain_new.${name}` });
    return { type: "resource", labels: ["alicloud_cdn_domain_new", name], items: items.map((i): ItemSpec => ("attr" in i && i.attr === "domain_name" ? { ...i, expr: exprSource(el) } : i)) };
  });
  ctx.emitAfter(specs);
  ctx.change({ argument: "aliases", kind: "moved", to: "alicloud_cdn_domain_new", severity: "info", reason: `A CDN domain serves one name: the ${aliases.elements.length} aliases became ${aliases.elements.length} CDN domains with the same sources and certificate (${out.map((d) => d.address).join(", ")}).`, action: "Point each alias at its own domain's cname." });
  return out;
}

function domainConfig(domain: string, address: string, suffix: string, fn: string, args: Array<[string, string]>): BlockSpec {
  return {
    type: "resource",
    labels: ["alicloud_cdn_domain_config", `${domain}_${suffix}`],
    items: [
      { attr: "domain_name", expr: `${address}.domain_name` },
      { attr: "function_name", expr: JSON.stringify(fn) },
      ...args.map(([n, v]): ItemSpec => ({ block: { type: "function_args", labels: [], items: [{ attr: "arg_name", expr: JSON.stringify(n) }, { attr: "arg_value", expr: JSON.stringify(v) }] } })),
    ],
  };
}
