/**
 * aws_lb_listener → alicloud_alb_listener (HTTP/HTTPS) or
 * alicloud_nlb_listener (TCP/UDP/TLS).
 *   - ALB default actions only forward: a forward default becomes
 *     default_actions { ForwardGroup }; a redirect, fixed response or
 *     weighted forward becomes an alicloud_alb_rule that matches every path
 *     at the lowest precedence (priority 10000, after any listener rule, as
 *     AWS evaluates the default action last), and the listener still
 *     forwards by default to a server group of the same load balancer.
 *   - The certificate ARN becomes the CAS certificate id in the
 *     `<id>-<region>` form ALB and NLB listeners take.
 *   - NLB listeners name their one server group; TCP_UDP becomes a TCP and
 *     a UDP listener; the target group's proxy_protocol_v2 and the
 *     listener's idle timeout and ALPN policy move here.
 */

import type { Block, Expr } from "../hcl/cst.js";
import { addBlock, getAttribute, removeAttribute, setAttribute } from "../hcl/edit.js";
import type { BlockSpec, ItemSpec } from "../hcl/format.js";
import { exprSource } from "../hcl/value.js";
import { firstAddress, instanceRef, plansOfType, repetition } from "./aws-graph.js";
import { inputName, inputVariable, literal, literalNumber, nested } from "./compute-shared.js";
import type { Plan, TransformContext } from "./context.js";
import { keepAsManual } from "./fold.js";
import { casRegion, certificateId, forwardTargets, listenerKind, listenerLb } from "./lb-shared.js";
import { itemsOf } from "./flatten-nested.js";
import { retractChanges } from "./report-changes.js";
import { stringBody, switchTarget } from "./retarget.js";

export function lbListener(ctx: TransformContext): void {
  const kind = listenerKind(ctx, ctx.plan);
  if (kind === "gwlb") {
    keepAsManual(ctx, { reason: "A GENEVE listener belongs to a gateway load balancer; aws2ali does not translate GWLB listeners.", action: "Write an alicloud_gwlb_listener { load_balancer_id, server_group_id } for the gateway load balancer.", alternative: "alicloud_gwlb_listener", effort_hours: 0.5 });
    return;
  }
  if (kind === "nlb") nlbListener(ctx);
  else albListener(ctx);
}

// ---- ALB -----------------------------------------------------------------------------------

function albListener(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const cert = getAttribute(o, "certificate_arn");
  if (!getAttribute(ctx.block, "listener_protocol")) {
    const p = literal(getAttribute(o, "protocol")?.expr);
    if (p === undefined && !getAttribute(o, "protocol")) {
      setAttribute(ctx.block, "listener_protocol", cert ? '"HTTPS"' : '"HTTP"');
      ctx.change({ argument: "protocol", kind: "note", severity: "info", reason: `AWS listeners of application load balancers default to ${cert ? "HTTPS (a certificate is set)" : "HTTP"}; Alibaba needs listener_protocol said.` });
    }
  }
  if (cert) {
    retractChanges(ctx, "certificate_arn");
    const id = certificateId(ctx, cert.expr, inputName(ctx, "certificate_id"), ctx.top.address);
    addBlock(ctx.block, { type: "certificates", labels: [], items: [{ attr: "certificate_id", expr: `"\${${id.expr}}-\${${casRegion(ctx)}}"` }] });
    ctx.change({ argument: "certificate_arn", kind: "moved", to: "certificates.certificate_id", severity: id.external ? "warning" : "info", reason: `ALB listeners name a Certificate Management Service certificate as "<certificate id>-<region>"; the region is var.aws2ali_cas_region.${id.external ? ` The certificate ${exprSource(cert.expr)} is not an ACM certificate of this configuration.` : ""}`, ...(id.external ? { action: "Upload the certificate to Certificate Management Service and make the value its certificate id." } : {}) });
  }
  idleTimeout(ctx);
  defaultActions(ctx);
}

/** The load balancer's idle_timeout (AWS: up to 4000 s; ALB listeners: 1–60 s). */
function idleTimeout(ctx: TransformContext): void {
  const lb = listenerLb(ctx, ctx.plan);
  const idle = lb && getAttribute(lb.original, "idle_timeout");
  if (!idle) return;
  const n = literalNumber(idle.expr);
  const value = n === undefined ? `min(${exprSource(idle.expr)}, 60)` : String(Math.min(Math.max(n, 1), 60));
  setAttribute(ctx.block, "idle_timeout", value);
  const capped = n !== undefined && n > 60;
  ctx.change({ argument: "(load balancer) idle_timeout", kind: "moved", to: "idle_timeout", severity: capped ? "warning" : "info", reason: `The load balancer's idle timeout (${exprSource(idle.expr)} s) is set per listener on ALB${capped ? "; ALB allows at most 60 s, so it became 60" : ""}.`, ...(capped ? { action: "Make clients and backends tolerate a 60 s idle timeout (keep-alives, or stream long responses)." } : {}) });
}

interface Action {
  type: string;
  block: Block;
  order: number;
}

function actionsOf(plan: Plan): Action[] {
  return nested(plan.original, "default_action")
    .map((b, k) => ({ type: String(literal(getAttribute(b, "type")?.expr) ?? ""), block: b, order: literalNumber(getAttribute(b, "order")?.expr) ?? k + 1 }))
    .sort((a, b) => a.order - b.order);
}

function defaultActions(ctx: TransformContext): void {
  const actions = actionsOf(ctx.plan);
  retractChanges(ctx, "default_action", true);
  for (const a of actions.filter((x) => x.type.startsWith("authenticate-"))) {
    ctx.change({ argument: `default_action.${a.type}`, kind: "dropped", severity: "warning", reason: `ALB has no ${a.type === "authenticate-oidc" ? "OIDC" : "Cognito"} authentication action; requests reach the backends unauthenticated.`, action: "Authenticate in the application, or put IDaaS / an API gateway in front of it." });
  }
  const terminal = actions.find((a) => a.type === "forward" || a.type === "redirect" || a.type === "fixed-response");
  const targets = forwardTargets(ctx.plan);
  if (terminal?.type === "forward" && targets.length === 1) {
    addBlock(ctx.block, forwardDefault(exprSource(targets[0]!.expr)));
    ctx.change({ argument: "default_action", kind: "moved", to: "default_actions", severity: "info", reason: "The forward default action became default_actions { type = \"ForwardGroup\" } to the server group." });
    return;
  }
  if (!terminal || (terminal.type === "forward" && targets.length === 0)) {
    const v = fallbackServerGroup(ctx);
    addBlock(ctx.block, forwardDefault(v.expr));
    ctx.change({ argument: "default_action", kind: "note", severity: "warning", reason: `ALB listeners need a forward default action, and aws2ali found no target group in this one's; it forwards to ${v.expr}.`, action: "Set the server group requests should go to by default." });
    return;
  }
  // A redirect, a fixed response or a weighted forward: the listener forwards somewhere by default; a catch-all rule does the rest.
  const fallback = terminal.type === "forward" ? { expr: exprSource(targets[0]!.expr), from: "the first target group" } : fallbackServerGroup(ctx);
  addBlock(ctx.block, forwardDefault(fallback.expr));
  const rule = catchAllRule(ctx, terminal, targets);
  if (!rule) return;
  ctx.emitAfter([rule]);
  const what = terminal.type === "forward" ? "weighted forward" : terminal.type;
  ctx.change({ argument: `default_action.${terminal.type}`, kind: "moved", to: `alicloud_alb_rule.${rule.labels[1]}`, severity: fallback.variable ? "warning" : "info", reason: `ALB default actions only forward: the ${what} became an alicloud_alb_rule matching every path (priority 10000, evaluated after any other rule, like AWS's default action), and the listener's default action forwards to ${fallback.from}${terminal.type === "forward" ? "" : ", which no request reaches while the rule exists"}.`, ...(fallback.variable ? { action: `Set ${fallback.expr} to any server group of the load balancer.` } : {}) });
}

function forwardDefault(serverGroup: string): BlockSpec {
  return { type: "default_actions", labels: [], items: [{ attr: "type", expr: '"ForwardGroup"' }, { block: { type: "forward_group_config", labels: [], items: [{ block: { type: "server_group_tuples", labels: [], items: [{ attr: "server_group_id", expr: serverGroup }] } }] } }] };
}

/** A server group for a listener whose own default action does not forward: one another listener of the same load balancer forwards to. */
function fallbackServerGroup(ctx: TransformContext): { expr: string; from: string; variable?: boolean } {
  const lb = firstAddress(getAttribute(ctx.plan.original, "load_balancer_arn")?.expr);
  for (const l of plansOfType(ctx, "aws_lb_listener")) {
    if (l === ctx.plan || !lb || firstAddress(getAttribute(l.original, "load_balancer_arn")?.expr) !== lb) continue;
    const t = forwardTargets(l)[0];
    if (t) return { expr: exprSource(t.expr), from: `${firstAddress(t.expr) ?? exprSource(t.expr)} (the server group of ${l.top.address})` };
  }
  const v = inputVariable(ctx, inputName(ctx, "default_server_group_id"), `ALB server group ${ctx.top.address} forwards to by default (ALB listeners always need one; AWS redirected or answered instead).`);
  return { expr: v, from: v, variable: true };
}

/** The redirect / fixed response / weighted forward as an ALB rule on every path. */
function catchAllRule(ctx: TransformContext, action: Action, targets: Array<{ expr: Expr; weight?: Expr }>): BlockSpec | undefined {
  const listenerId = `${instanceRef(`alicloud_alb_listener.${ctx.top.name}`, ctx.plan.original)}.id`;
  let ruleAction: ItemSpec[];
  if (action.type === "redirect") {
    const r = nested(action.block, "redirect")[0];
    if (!r) return undefined;
    const items: ItemSpec[] = [];
    for (const name of ["host", "path", "port", "protocol", "query"]) {
      const a = getAttribute(r, name);
      if (!a) continue;
      const v = literal(a.expr);
      items.push({ attr: name, expr: typeof v === "string" || typeof v === "number" ? placeholders(String(v), name) : exprSource(a.expr) });
    }
    const code = literal(getAttribute(r, "status_code")?.expr);
    items.push({ attr: "http_code", expr: typeof code === "string" ? JSON.stringify(code.replace(/^HTTP_/, "")) : '"302"' });
    ruleAction = [{ attr: "order", expr: "1" }, { attr: "type", expr: '"Redirect"' }, { block: { type: "redirect_config", labels: [], items } }];
  } else if (action.type === "fixed-response") {
    const f = nested(action.block, "fixed_response")[0];
    if (!f) return undefined;
    const body = getAttribute(f, "message_body");
    const status = getAttribute(f, "status_code");
    const ct = getAttribute(f, "content_type");
    const items: ItemSpec[] = [{ attr: "content", expr: body ? exprSource(body.expr) : status ? `"${stringBody(String(literal(status.expr) ?? "error"))}"` : '"error"' }];
    if (ct) items.push({ attr: "content_type", expr: exprSource(ct.expr) });
    if (status) items.push({ attr: "http_code", expr: typeof literal(status.expr) === "string" ? exprSource(status.expr) : `tostring(${exprSource(status.expr)})` });
    if (!body) ctx.change({ argument: "default_action.fixed_response.message_body", kind: "note", severity: "info", reason: "ALB fixed responses need a body; aws2ali used the status code as the body." });
    ruleAction = [{ attr: "order", expr: "1" }, { attr: "type", expr: '"FixedResponse"' }, { block: { type: "fixed_response_config", labels: [], items } }];
  } else {
    const tuples: ItemSpec[] = targets.map((t) => ({ block: { type: "server_group_tuples", labels: [], items: [{ attr: "server_group_id", expr: exprSource(t.expr) }, ...(t.weight ? [{ attr: "weight", expr: exprSource(t.weight) }] : [])] } }));
    ruleAction = [{ attr: "order", expr: "1" }, { attr: "type", expr: '"ForwardGroup"' }, { block: { type: "forward_group_config", labels: [], items: tuples } }];
  }
  return {
    type: "resource",
    labels: ["alicloud_alb_rule", `${ctx.top.name}_default`],
    items: [
      ...repetition(ctx.plan.original),
      { attr: "listener_id", expr: listenerId },
      { attr: "rule_name", expr: JSON.stringify(`${ctx.top.name.replace(/_/g, "-")}-default`) },
      { attr: "priority", expr: "10000" },
      { block: { type: "rule_conditions", labels: [], items: [{ attr: "type", expr: '"Path"' }, { block: { type: "path_config", labels: [], items: [{ attr: "values", expr: '["/*"]' }] } }] } },
      { block: { type: "rule_actions", labels: [], items: ruleAction } },
    ],
  };
}

/** AWS redirect placeholders `#{host}` are ALB's `${host}` (written `$${host}` in HCL); the default path "/#{path}" is ALB's "${path}". */
function placeholders(value: string, name: string): string {
  const v = name === "path" ? value.replace(/^\/#\{path\}/, "#{path}") : value;
  return `"${stringBody(v.replace(/#\{(host|path|port|protocol|query)\}/g, "${$1}"))}"`;
}

// ---- NLB -----------------------------------------------------------------------------------

const NLB_PROTOCOL: Record<string, string> = { TCP: "TCP", UDP: "UDP", TLS: "TCPSSL", TCP_UDP: "TCP" };
const ALPN: Record<string, string> = { HTTP1Only: "HTTP1Only", HTTP2Only: "HTTP2Only", HTTP2Optional: "HTTP2Optional", HTTP2Preferred: "HTTP2Preferred" };

function protocolSource(o: Block): string {
  const p = getAttribute(o, "protocol");
  return p ? exprSource(p.expr) : "(none)";
}

function nlbListener(ctx: TransformContext): void {
  const o = ctx.plan.original;
  switchTarget(ctx, "alicloud_nlb_listener");
  const protocol = String(literal(getAttribute(o, "protocol")?.expr) ?? "TCP").toUpperCase();
  retractChanges(ctx, "protocol");
  setAttribute(ctx.block, "listener_protocol", JSON.stringify(NLB_PROTOCOL[protocol] ?? "TCP"));
  if (protocol === "TLS") ctx.change({ argument: "protocol", kind: "value-mapped", to: '"TCPSSL"', severity: "info", reason: "NLB calls TLS TCPSSL." });
  if (!NLB_PROTOCOL[protocol]) ctx.change({ argument: "protocol", kind: "note", severity: "warning", reason: `The protocol ${protocolSource(o)} is not a literal TCP/UDP/TLS; the listener became TCP.`, action: "Check listener_protocol." });
  if (protocol !== "TLS") removeAttribute(ctx.block, "security_policy_id");

  const targets = forwardTargets(ctx.plan);
  retractChanges(ctx, "default_action", true);
  let serverGroup: string;
  if (targets.length > 0) {
    serverGroup = exprSource(targets[0]!.expr);
    ctx.change({ argument: "default_action", kind: "moved", to: "server_group_id", severity: targets.length > 1 ? "warning" : "info", reason: targets.length > 1 ? "NLB listeners forward to one server group; aws2ali kept the first of the weighted target groups." : "An NLB listener names the server group it forwards to.", ...(targets.length > 1 ? { action: "Merge the backends into one server group." } : {}) });
  } else {
    serverGroup = inputVariable(ctx, inputName(ctx, "server_group_id"), `NLB server group ${ctx.top.address} forwards to.`);
    ctx.change({ argument: "default_action", kind: "note", severity: "warning", reason: `NLB listeners need a server group, and this listener's default action names no target group; server_group_id became ${serverGroup}.`, action: "Set the variable to the NLB server group's id." });
  }
  setAttribute(ctx.block, "server_group_id", serverGroup);

  const cert = getAttribute(o, "certificate_arn");
  if (cert) {
    retractChanges(ctx, "certificate_arn");
    const id = certificateId(ctx, cert.expr, inputName(ctx, "certificate_id"), ctx.top.address);
    setAttribute(ctx.block, "certificate_ids", `["\${${id.expr}}-\${${casRegion(ctx)}}"]`);
    ctx.change({ argument: "certificate_arn", kind: "moved", to: "certificate_ids", severity: id.external ? "warning" : "info", reason: 'NLB TCPSSL listeners name Certificate Management Service certificates as "<certificate id>-<region>".', ...(id.external ? { action: "Upload the certificate to Certificate Management Service and make the value its certificate id." } : {}) });
  }
  const idle = getAttribute(o, "tcp_idle_timeout_seconds");
  if (idle) {
    retractChanges(ctx, "tcp_idle_timeout_seconds");
    const n = literalNumber(idle.expr);
    setAttribute(ctx.block, "idle_timeout", n === undefined ? `min(${exprSource(idle.expr)}, 900)` : String(Math.min(n, 900)));
    ctx.change({ argument: "tcp_idle_timeout_seconds", kind: "renamed", to: "idle_timeout", severity: n !== undefined && n > 900 ? "warning" : "info", reason: `NLB listeners time idle connections out after at most 900 s${n !== undefined && n > 900 ? `; ${n} s became 900` : ""}.`, ...(n !== undefined && n > 900 ? { action: "Use TCP keep-alives shorter than 900 s." } : {}) });
  } else {
    ctx.change({ argument: "(idle timeout)", kind: "note", severity: "info", reason: "AWS NLB TCP idle timeout is 350 s by default; Alibaba NLB's is 900 s." });
  }
  const alpn = getAttribute(o, "alpn_policy");
  const alpnValue = alpn ? literal(alpn.expr) : undefined;
  if (alpn && typeof alpnValue === "string" && ALPN[alpnValue] && protocol === "TLS") {
    retractChanges(ctx, "alpn_policy");
    setAttribute(ctx.block, "alpn_enabled", "true");
    setAttribute(ctx.block, "alpn_policy", JSON.stringify(ALPN[alpnValue]));
  }
  const tg = targets[0] && ctx.planOf(firstAddress(targets[0].expr) ?? "");
  if (tg && literal(getAttribute(tg.original, "proxy_protocol_v2")?.expr) === true) {
    setAttribute(ctx.block, "proxy_protocol_enabled", "true");
    ctx.change({ argument: "(target group) proxy_protocol_v2", kind: "moved", to: "proxy_protocol_enabled", severity: "info", reason: `${tg.top.address} sends the proxy protocol; NLB enables it on the listener.` });
  }
  if (protocol === "TCP_UDP") {
    const udp = { type: "resource", labels: ["alicloud_nlb_listener", `${ctx.top.name}_udp`], items: itemsOf(ctx.block).map((i) => ("attr" in i && i.attr === "listener_protocol" ? { ...i, expr: '"UDP"' } : i)) };
    ctx.emitAfter([udp]);
    ctx.change({ argument: "protocol", kind: "value-mapped", to: '"TCP" + "UDP"', severity: "warning", reason: `NLB has no TCP_UDP listener: this one listens on TCP and alicloud_nlb_listener.${ctx.top.name}_udp on UDP, both forwarding to the same server group.`, action: "NLB server groups have one protocol: give the UDP listener a UDP server group." });
  }
}
