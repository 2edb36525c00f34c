/**
 * aws_s3_bucket_website_configuration → alicloud_oss_bucket_website: OSS
 * nests redirects as routing_rules { routing_rule { rule_number, condition,
 * redirect } }. Each AWS routing_rule block (or element of the routing_rules
 * JSON) becomes one numbered rule with redirect_type = "External" (an HTTP
 * 3xx redirect, which is what S3 does); redirect_all_requests_to becomes one
 * rule without a condition.
 */

import { blocksOf, type Block } from "../hcl/cst.js";
import { addBlock, blockLabels, getAttribute } from "../hcl/edit.js";
import type { BlockSpec, ItemSpec } from "../hcl/format.js";
import { exprSource, staticValue, type StaticValue } from "../hcl/value.js";
import { firstNested, literal } from "./compute-shared.js";
import type { TransformContext } from "./context.js";
import { retractChanges } from "./report-changes.js";

/** AWS names in routing rules (blocks and JSON) → OSS names. */
const CONDITION: Record<string, string> = { key_prefix_equals: "key_prefix_equals", http_error_code_returned_equals: "http_error_code_returned_equals", KeyPrefixEquals: "key_prefix_equals", HttpErrorCodeReturnedEquals: "http_error_code_returned_equals" };
const REDIRECT: Record<string, string> = {
  host_name: "host_name",
  protocol: "protocol",
  http_redirect_code: "http_redirect_code",
  replace_key_prefix_with: "replace_key_prefix_with",
  replace_key_with: "replace_key_with",
  HostName: "host_name",
  Protocol: "protocol",
  HttpRedirectCode: "http_redirect_code",
  ReplaceKeyPrefixWith: "replace_key_prefix_with",
  ReplaceKeyWith: "replace_key_with",
};

interface Rule {
  condition: ItemSpec[];
  redirect: ItemSpec[];
}

export function s3WebsiteRoutingRules(ctx: TransformContext): void {
  const rules: Rule[] = [];
  const o = ctx.plan.original;
  blocksOf(o.body).forEach((b) => {
    if (b.blockType.text === "routing_rule") rules.push(fromBlock(b));
    else if (b.blockType.text === "dynamic" && blockLabels(b)[0] === "routing_rule") ctx.change({ argument: "routing_rule", kind: "dropped", severity: "warning", reason: 'A dynamic "routing_rule" block was not translated.', action: "Write the routing_rules { routing_rule { … } } blocks by hand." });
  });
  const json = getAttribute(o, "routing_rules");
  if (json) {
    const parsed = fromJson(ctx, json.expr);
    if (parsed.length > 0) retractChanges(ctx, "routing_rules");
    rules.push(...parsed);
  }
  const all = firstNested(o, "redirect_all_requests_to");
  if (all) {
    retractChanges(ctx, "redirect_all_requests_to");
    rules.push({ condition: [], redirect: redirectItems(all, REDIRECT) });
    if (!getAttribute(ctx.block, "index_document") && blocksOf(ctx.block.body).every((b) => b.blockType.text !== "index_document")) {
      addBlock(ctx.block, { type: "index_document", labels: [], items: [{ attr: "suffix", expr: '"index.html"' }] });
      ctx.change({ argument: "redirect_all_requests_to", kind: "note", severity: "info", reason: 'OSS serves a website only with an index document: index_document { suffix = "index.html" } was added; every request is redirected by the routing rule anyway.' });
    }
    ctx.change({ argument: "redirect_all_requests_to", kind: "moved", to: "routing_rules.routing_rule", severity: "warning", reason: "The whole-site redirect became a routing rule with no condition (redirect_type External); OSS applies a rule without a condition to every request, which aws2ali could not verify for every region.", action: "Check that requests for any key are redirected after apply." });
  }
  if (rules.length > 0) {
    retractChanges(ctx, "routing_rule");
    const specs: BlockSpec[] = rules.map((r, k) => ({
      type: "routing_rule",
      labels: [],
      items: [{ attr: "rule_number", expr: String(k + 1) }, ...(r.condition.length > 0 ? [{ block: { type: "condition", labels: [], items: r.condition } }] : []), { block: { type: "redirect", labels: [], items: withRedirectDefaults(r.redirect) } }],
    }));
    addBlock(ctx.block, { type: "routing_rules", labels: [], items: specs.map((s) => ({ block: s })) });
    ctx.change({ argument: "routing_rule", kind: "moved", to: "routing_rules.routing_rule", severity: "info", reason: `${rules.length} routing rule${rules.length > 1 ? "s" : ""} became routing_rules { routing_rule { … } } numbered in order, with redirect_type = "External" (an HTTP redirect, as S3 does) and the S3 default code 301 where none was given.` });
    if (rules.length > 20) ctx.change({ argument: "routing_rule", kind: "note", severity: "warning", reason: `OSS allows at most 20 routing rules; this website has ${rules.length}.`, action: "Merge rules, or move redirects to a CDN in front of the bucket." });
  }
  ctx.change({ argument: "(block)", kind: "note", severity: "warning", reason: "OSS serves HTML from the default bucket domain as a download (Content-Disposition: attachment) for new buckets: a static website needs a custom domain bound to the bucket.", action: "Bind a domain with alicloud_oss_bucket_cname (and point DNS at it), or put Alibaba Cloud CDN in front of the bucket." });
}

function fromBlock(b: Block): Rule {
  const condition = firstNested(b, "condition");
  const redirect = firstNested(b, "redirect");
  return { condition: condition ? redirectItems(condition, CONDITION) : [], redirect: redirect ? redirectItems(redirect, REDIRECT) : [] };
}

function redirectItems(b: Block, names: Record<string, string>): ItemSpec[] {
  const out: ItemSpec[] = [];
  for (const [aws, oss] of Object.entries(names)) {
    const a = getAttribute(b, aws);
    if (a) out.push({ attr: oss, expr: stringExpr(exprSource(a.expr), literal(a.expr)) });
  }
  return out;
}

/** OSS takes the HTTP code as a string; a number literal is quoted. */
function stringExpr(source: string, value: string | number | boolean | undefined): string {
  return typeof value === "number" ? JSON.stringify(String(value)) : source;
}

/** The JSON form of routing_rules: a list of { Condition, Redirect } objects. */
function fromJson(ctx: TransformContext, expr: Parameters<typeof staticValue>[0]): Rule[] {
  let value: StaticValue | undefined = staticValue(expr);
  if (value === undefined && expr.type === "Call" && expr.name === "jsonencode" && expr.args[0]) value = staticValue(expr.args[0]);
  else if (typeof value === "string") {
    try {
      value = JSON.parse(value) as StaticValue;
    } catch {
      value = undefined;
    }
  }
  if (!Array.isArray(value)) {
    ctx.change({ argument: "routing_rules", kind: "dropped", severity: "warning", reason: "The routing_rules JSON is computed (or not valid JSON), so aws2ali could not turn it into routing_rule blocks.", action: "Write the routing_rules { routing_rule { … } } blocks by hand." });
    return [];
  }
  const out: Rule[] = [];
  value.forEach((r, k) => {
    if (typeof r !== "object" || r === null || Array.isArray(r)) return;
    const rule: Rule = { condition: [], redirect: [] };
    const pick = (o: StaticValue | undefined, names: Record<string, string>, into: ItemSpec[], what: string): void => {
      if (typeof o !== "object" || o === null || Array.isArray(o)) return;
      for (const [key, v] of Object.entries(o)) {
        const to = names[key];
        if (to && (typeof v === "string" || typeof v === "number")) into.push({ attr: to, expr: JSON.stringify(String(v)) });
        else ctx.change({ argument: `routing_rules[${k}].${what}.${key}`, kind: "dropped", severity: "warning", reason: `${what}.${key} has no OSS routing rule equivalent.`, action: "Configure it by hand if it matters." });
      }
    };
    pick(r.Condition, CONDITION, rule.condition, "Condition");
    pick(r.Redirect, REDIRECT, rule.redirect, "Redirect");
    out.push(rule);
  });
  return out;
}

/** redirect_type External; a prefix replacement needs enable_replace_prefix; S3 redirects with 301 unless told otherwise. */
function withRedirectDefaults(items: ItemSpec[]): ItemSpec[] {
  const has = (n: string): boolean => items.some((i) => "attr" in i && i.attr === n);
  const out: ItemSpec[] = [{ attr: "redirect_type", expr: '"External"' }, ...items];
  if (has("replace_key_prefix_with")) out.push({ attr: "enable_replace_prefix", expr: "true" });
  if (!has("http_redirect_code")) out.push({ attr: "http_redirect_code", expr: '"301"' });
  out.push({ attr: "pass_query_string", expr: "false" });
  return out;
}

