/**
 * aws_autoscaling_group → alicloud_ess_scaling_group: what the rule's data
 * cannot say.
 *   - tag blocks (and dynamic "tag", and the deprecated tags list) become
 *     the tags map; ESS tags the group, instances take the launch template's.
 *   - Target groups: an ALB server group is an alb_server_group block of the
 *     group, an NLB server group an alicloud_ess_server_group_attachment.
 *   - A launch template named by name is named by id; a reference to its
 *     latest_version is a number, wrapped in tostring().
 *   - The spot price limit goes into every instance-type override; spot
 *     capacity makes the zone policy COST_OPTIMIZED.
 */

import { blocksOf, type Block, type Expr } from "../hcl/cst.js";
import { addBlock, blockLabels, findReferences, getAttribute, parseExpression, quote, setAttribute } from "../hcl/edit.js";
import type { BlockSpec } from "../hcl/format.js";
import { exprSource, objectKeyName } from "../hcl/value.js";
import { firstAddress, instanceRef, plansOfType, repetition } from "./aws-graph.js";
import { checkInstanceType, dedupeChanges, firstNested, inputName, inputVariable, literal, literalNumber, nested } from "./compute-shared.js";
import type { TransformContext } from "./context.js";
import { replayFlattened } from "./flatten-nested.js";
import { retractChanges } from "./report-changes.js";

export function autoscalingGroup(ctx: TransformContext): void {
  replayFlattened(ctx);
  tags(ctx);
  targetGroups(ctx);
  launchTemplateId(ctx);
  launchTemplateVersion(ctx);
  overrides(ctx);
  zonePolicy(ctx);
  launchConfiguration(ctx);
  dedupeChanges(ctx);
}

/** The launch-configuration transform points the scaling configuration at the group; one outside this configuration cannot be. */
function launchConfiguration(ctx: TransformContext): void {
  const lc = getAttribute(ctx.plan.original, "launch_configuration");
  if (!lc) return;
  const address = firstAddress(lc.expr);
  if (address?.startsWith("aws_launch_configuration.") && ctx.planOf(address)) return;
  retractChanges(ctx, "launch_configuration");
  ctx.change({ argument: "launch_configuration", kind: "dropped", severity: "warning", reason: `The launch configuration ${exprSource(lc.expr)} is not in this configuration, so no ESS scaling configuration points at this group; without one (or a launch template) the group launches nothing.`, action: "Add an alicloud_ess_scaling_configuration with scaling_group_id = this group's id, active = true and enable = true, or set launch_template_id." });
}

// ---- tags ---------------------------------------------------------------------------------

function tags(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const literalTags: Array<[string, string]> = [];
  const parts: string[] = [];
  const notPropagated: string[] = [];
  for (const b of blocksOf(o.body)) {
    if (b.blockType.text === "tag") {
      const key = getAttribute(b, "key");
      const value = getAttribute(b, "value");
      if (!key || !value) continue;
      literalTags.push([exprSource(key.expr), exprSource(value.expr)]);
      if (literal(getAttribute(b, "propagate_at_launch")?.expr) === false) notPropagated.push(exprSource(key.expr));
    } else if (b.blockType.text === "dynamic" && blockLabels(b)[0] === "tag") {
      const content = blocksOf(b.body).find((c) => c.blockType.text === "content");
      const fe = getAttribute(b, "for_each");
      const key = content && getAttribute(content, "key");
      const value = content && getAttribute(content, "value");
      if (!fe || !key || !value) continue;
      const it = getAttribute(b, "iterator");
      const iter = it ? exprSource(it.expr) : "tag";
      const rewrite = (s: string): string => s.replace(new RegExp(`\\b${iter}\\.(key|value)\\b`, "g"), "tag_$1");
      parts.push(`{ for tag_key, tag_value in ${exprSource(fe.expr)} : ${rewrite(exprSource(key.expr))} => ${rewrite(exprSource(value.expr))} }`);
      ctx.change({ argument: 'dynamic "tag"', kind: "moved", to: "tags", severity: "info", reason: "The dynamic tag blocks became a for expression in the tags map." });
    }
  }
  const list = getAttribute(o, "tags");
  if (list) parts.push(...deprecatedTags(ctx, list.expr, literalTags));
  if (literalTags.length > 0) parts.unshift(`{ ${literalTags.map(([k, v]) => `${keyExpr(k)} = ${v}`).join(", ")} }`);
  if (parts.length === 0) return;
  const existing = getAttribute(ctx.block, "tags");
  const all = existing ? [exprSource(existing.expr), ...parts] : parts;
  setAttribute(ctx.block, "tags", all.length === 1 ? all[0]! : `merge(${all.join(", ")})`);
  retractChanges(ctx, "tag");
  retractChanges(ctx, "tags");
  if (literalTags.length > 0) ctx.change({ argument: "tag", kind: "moved", to: "tags", severity: "info", reason: "The tag { key, value } blocks became the tags map." });
  if (notPropagated.length > 0) ctx.change({ argument: "tag.propagate_at_launch", kind: "note", severity: "warning", reason: `ESS tags belong to the scaling group; the tags ${notPropagated.join(", ")} were not propagated to instances on AWS, and instances take their tags from the launch template here either way.`, action: "Keep instance tags in the launch template's tags; nothing else to do unless those tags must stay off the instances." });
}

/** `{ Name = … }` keys: a quoted literal key stays quoted only when it must. */
function keyExpr(k: string): string {
  const m = /^"([A-Za-z_][A-Za-z0-9_-]*)"$/.exec(k);
  return m ? m[1]! : /^"/.test(k) ? k : `(${k})`;
}

/** The deprecated `tags = [{ key, value, propagate_at_launch }]` list. */
function deprecatedTags(ctx: TransformContext, e: Expr, into: Array<[string, string]>): string[] {
  if (e.type === "Tuple") {
    for (const el of e.elements) {
      if (el.type !== "Object") continue;
      const item = (k: string): Expr | undefined => el.items.find((i) => objectKeyName(i.key) === k)?.value;
      const key = item("key");
      const value = item("value");
      if (key && value) into.push([exprSource(key), exprSource(value)]);
    }
    ctx.change({ argument: "tags", kind: "moved", to: "tags", severity: "info", reason: "The deprecated tags list became the tags map." });
    return [];
  }
  ctx.change({ argument: "tags", kind: "moved", to: "tags", severity: "info", reason: "The deprecated tags list became a for expression in the tags map." });
  return [`{ for t in ${exprSource(e)} : t.key => t.value }`];
}

// ---- load balancers ---------------------------------------------------------------------------

const NLB_PROTOCOLS = new Set(["TCP", "UDP", "TLS", "TCP_UDP"]);

function targetGroups(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const refs: Array<{ expr: string; where: string }> = [];
  const arns = getAttribute(o, "target_group_arns");
  if (arns) retractChanges(ctx, "target_group_arns");
  if (nested(o, "traffic_source").length > 0) retractChanges(ctx, "traffic_source");
  if (arns?.expr.type === "Tuple") arns.expr.elements.forEach((e, k) => refs.push({ expr: exprSource(e), where: `target_group_arns[${k}]` }));
  else if (arns) ctx.change({ argument: "target_group_arns", kind: "dropped", severity: "warning", reason: `The target group list ${exprSource(arns.expr)} is computed, so aws2ali could not attach its server groups.`, action: "Add alb_server_group blocks (ALB) or alicloud_ess_server_group_attachment resources (NLB) by hand." });
  nested(o, "traffic_source").forEach((t, k) => {
    const id = getAttribute(t, "identifier");
    const type = literal(getAttribute(t, "type")?.expr);
    if (id && (type === undefined || type === "elbv2")) refs.push({ expr: exprSource(id.expr), where: `traffic_source[${k}]` });
    else ctx.change({ argument: `traffic_source[${k}]`, kind: "dropped", severity: "warning", reason: `Traffic sources of type ${JSON.stringify(type)} have no ESS attachment.`, action: "Attach the equivalent Alibaba Cloud load balancer by hand." });
  });
  const groupRef = `${instanceRef(`${ctx.rule.to}.${ctx.top.name}`, o)}.id`;
  const emitted: BlockSpec[] = [];
  for (const r of refs) {
    const address = firstAddress(parseExpression(r.expr));
    const tg = address?.startsWith("aws_lb_target_group.") || address?.startsWith("aws_alb_target_group.") ? ctx.planOf(address) : undefined;
    if (!tg) {
      ctx.change({ argument: r.where, kind: "dropped", severity: "warning", reason: `The target group ${r.expr} is not in this configuration, so aws2ali cannot tell an ALB from an NLB server group.`, action: "Add alb_server_group { alb_server_group_id, port, weight } (ALB) or an alicloud_ess_server_group_attachment (NLB) by hand." });
      continue;
    }
    const protocol = literal(getAttribute(tg.original, "protocol")?.expr);
    const port = getAttribute(tg.original, "port");
    const portItem = port ? [{ attr: "port", expr: exprSource(port.expr) }] : [];
    if (typeof protocol === "string" && NLB_PROTOCOLS.has(protocol)) {
      const name = `${ctx.top.name}_${tg.top.name}`;
      emitted.push({ type: "resource", labels: ["alicloud_ess_server_group_attachment", name], items: [...repetition(o), { attr: "scaling_group_id", expr: groupRef }, { attr: "server_group_id", expr: r.expr }, { attr: "type", expr: '"NLB"' }, ...portItem, { attr: "weight", expr: "100" }] });
      ctx.change({ argument: r.where, kind: "moved", to: `alicloud_ess_server_group_attachment.${name}`, severity: "info", reason: `${tg.top.address} is an NLB server group (${protocol}); ESS attaches it with alicloud_ess_server_group_attachment (weight 100).` });
    } else {
      addAlbServerGroup(ctx.block, r.expr, portItem);
      ctx.change({ argument: r.where, kind: "moved", to: "alb_server_group", severity: "info", reason: `${tg.top.address} is an ALB server group; the scaling group registers its instances in it (alb_server_group, weight 100).` });
    }
  }
  if (emitted.length > 0) ctx.emitAfter(emitted);
}

function addAlbServerGroup(owner: Block, id: string, port: Array<{ attr: string; expr: string }>): void {
  addBlock(owner, { type: "alb_server_group", labels: [], items: [{ attr: "alb_server_group_id", expr: id }, ...port, { attr: "weight", expr: "100" }] });
}

// ---- launch template ----------------------------------------------------------------------

/** The launch template specifications of the group, wherever they are. */
function templateSpecs(o: Block): Block[] {
  const out = nested(o, "launch_template");
  const mixed = firstNested(o, "mixed_instances_policy");
  const lt = mixed && firstNested(mixed, "launch_template");
  const spec = lt && firstNested(lt, "launch_template_specification");
  if (spec) out.push(spec);
  return out;
}

function launchTemplateId(ctx: TransformContext): void {
  if (getAttribute(ctx.block, "launch_template_id")) return;
  for (const spec of templateSpecs(ctx.plan.original)) {
    const name = getAttribute(spec, "name") ?? getAttribute(spec, "launch_template_name");
    if (!name) continue;
    const where = spec.blockType.text === "launch_template" ? "launch_template.name" : "mixed_instances_policy.launch_template.launch_template_specification.launch_template_name";
    const address = firstAddress(name.expr);
    let template = address?.startsWith("aws_launch_template.") ? address : undefined;
    const v = literal(name.expr);
    if (!template && typeof v === "string") template = plansOfType(ctx, "aws_launch_template").find((p) => literal(getAttribute(p.original, "name")?.expr) === v)?.top.address;
    retractChanges(ctx, where);
    if (template && ctx.planOf(template)) {
      setAttribute(ctx.block, "launch_template_id", `${template}.id`);
      ctx.change({ argument: where, kind: "value-mapped", to: "launch_template_id", severity: "info", reason: `ESS names the launch template by id: ${template}.id.` });
    } else {
      const variable = inputVariable(ctx, inputName(ctx, "launch_template_id"), `Id of the ECS launch template for ${ctx.top.address} (AWS named it ${exprSource(name.expr)}).`);
      setAttribute(ctx.block, "launch_template_id", variable);
      ctx.change({ argument: where, kind: "value-mapped", to: variable, severity: "warning", reason: `ESS names the launch template by id, and the template ${exprSource(name.expr)} is not in this configuration: launch_template_id became ${variable}.`, action: "Set the variable to the alicloud_ecs_launch_template's id." });
    }
    return;
  }
}

/** `aws_launch_template.t.latest_version` is a number on Alibaba Cloud (latest_version_number); the argument is a string. */
function launchTemplateVersion(ctx: TransformContext): void {
  const a = getAttribute(ctx.block, "launch_template_version");
  if (!a) return;
  const refs = findReferences(a.expr);
  const bare = refs.length === 1 && refs[0]!.node === a.expr && refs[0]!.root === "aws_launch_template";
  if (bare && /\.(latest_version|default_version)$/.test(exprSource(a.expr))) setAttribute(ctx.block, "launch_template_version", `tostring(${exprSource(a.expr)})`);
}

// ---- mixed instances ------------------------------------------------------------------------

function overrides(ctx: TransformContext): void {
  const blocks = blocksOf(ctx.block.body).filter((b) => b.blockType.text === "launch_template_override");
  blocks.forEach((b, k) => checkInstanceType(ctx, b, "instance_type", `mixed_instances_policy.launch_template.override[${k}].instance_type`));
  const mixed = firstNested(ctx.plan.original, "mixed_instances_policy");
  const dist = mixed && firstNested(mixed, "instances_distribution");
  const max = dist && getAttribute(dist, "spot_max_price");
  if (!max || literal(max.expr) === "") return;
  const where = "mixed_instances_policy.instances_distribution.spot_max_price";
  if (blocks.length === 0) {
    ctx.change({ argument: where, kind: "dropped", severity: "warning", reason: "ESS sets spot price limits per instance type (launch_template_override), and the group lists no instance types.", action: "Add launch_template_override { instance_type, spot_price_limit } blocks, or set spot_price_limit in the launch template." });
    return;
  }
  retractChanges(ctx, where);
  const n = literalNumber(max.expr);
  for (const b of blocks) setAttribute(b, "spot_price_limit", n !== undefined ? String(n) : exprSource(max.expr));
  ctx.change({ argument: where, kind: "moved", to: "launch_template_override.spot_price_limit", severity: "warning", reason: `The spot price limit ${exprSource(max.expr)} was copied into each instance-type override; it is an hourly price in the Alibaba Cloud account's currency, not US dollars.`, action: "Convert the price to the account currency and check it against current ECS preemptible prices." });
}

/** Spot capacity (on-demand share below 100 %): ESS picks the cheapest zones with COST_OPTIMIZED. */
function zonePolicy(ctx: TransformContext): void {
  const mixed = firstNested(ctx.plan.original, "mixed_instances_policy");
  const dist = mixed && firstNested(mixed, "instances_distribution");
  if (!dist) return;
  const pct = getAttribute(dist, "on_demand_percentage_above_base_capacity");
  const v = pct ? literalNumber(pct.expr) : 100;
  if (v === undefined || v >= 100) return;
  setAttribute(ctx.block, "multi_az_policy", quote("COST_OPTIMIZED"));
  ctx.change({ argument: "mixed_instances_policy", kind: "value-mapped", to: 'multi_az_policy = "COST_OPTIMIZED"', severity: "info", reason: `The group runs spot capacity (${v}% on-demand above the base): ESS mixes on-demand and preemptible instances only with multi_az_policy = "COST_OPTIMIZED", which spreads by price rather than evenly by zone.` });
}

