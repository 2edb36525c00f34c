/**
 * aws_lb_target_group → alicloud_alb_server_group (HTTP/HTTPS/GRPC) or
 * alicloud_nlb_server_group (TCP/UDP/TLS): health checks in each product's
 * shape (ALB takes status classes such as http_2xx, not codes), connection
 * draining, slow start and stickiness, and the target group attachments:
 * ALB keeps its servers inside the server group (servers blocks), NLB
 * registers each with alicloud_nlb_server_group_server_attachment.
 */

import { blocksOf } from "../hcl/cst.js";
import { addBlock, getAttribute, removeAttribute, removeBlock, setAttribute } from "../hcl/edit.js";
import type { BlockSpec, ItemSpec } from "../hcl/format.js";
import { exprSource } from "../hcl/value.js";
import { firstAddress, plansOfType, repetition } from "./aws-graph.js";
import { firstNested, literal, literalNumber } from "./compute-shared.js";
import type { TransformContext } from "./context.js";
import { keepAsManual } from "./fold.js";
import { hclList, targetGroupKind } from "./lb-shared.js";
import { retractChanges } from "./report-changes.js";
import { switchTarget } from "./retarget.js";

export function lbTargetGroup(ctx: TransformContext): void {
  const kind = targetGroupKind(ctx, ctx.plan);
  if (kind === "gwlb") {
    keepAsManual(ctx, { reason: "A GENEVE target group belongs to a gateway load balancer; aws2ali does not translate GWLB server groups.", action: "Write an alicloud_gwlb_server_group (protocol GENEVE, server_group_type Instance or Ip) with the appliance servers, and an alicloud_gwlb_listener forwarding to it.", alternative: "alicloud_gwlb_server_group", effort_hours: 1 });
    return;
  }
  if (kind === "nlb") nlbServerGroup(ctx);
  else albServerGroup(ctx);
  attachments(ctx, kind);
}

// ---- ALB -----------------------------------------------------------------------------------

function albServerGroup(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const protocol = literal(getAttribute(o, "protocol")?.expr);
  if (literal(getAttribute(o, "protocol_version")?.expr) === "GRPC") {
    setAttribute(ctx.block, "protocol", '"GRPC"');
    retractChanges(ctx, "protocol_version");
    ctx.change({ argument: "protocol_version", kind: "value-mapped", to: '"GRPC"', severity: "info", reason: "A GRPC target group is an ALB server group with protocol GRPC." });
  }
  albHealthCheck(ctx, typeof protocol === "string" ? protocol.toUpperCase() : undefined);
  drain(ctx, "alb");
  slowStart(ctx);
  albStickiness(ctx);
  const ipType = literal(getAttribute(o, "ip_address_type")?.expr);
  if (ipType === "ipv6") {
    retractChanges(ctx, "ip_address_type");
    setAttribute(ctx.block, "ipv6_enabled", "true");
    ctx.change({ argument: "ip_address_type", kind: "value-mapped", to: "ipv6_enabled = true", severity: "info", reason: "An IPv6 target group is an ALB server group with ipv6_enabled." });
  }
}

/** health_check_config is required on ALB; its enabled flag too. Matchers become status classes. */
function albHealthCheck(ctx: TransformContext, protocol: string | undefined): void {
  const lambda = literal(getAttribute(ctx.plan.original, "target_type")?.expr) === "lambda";
  let hc = blocksOf(ctx.block.body).find((b) => b.blockType.text === "health_check_config");
  if (!hc) {
    const enabled = lambda ? "false" : "true";
    const items: ItemSpec[] = [{ attr: "health_check_enabled", expr: enabled }];
    if (!lambda) items.push({ attr: "health_check_protocol", expr: JSON.stringify(protocol === "HTTPS" ? "HTTPS" : "HTTP") }, { attr: "health_check_path", expr: '"/"' });
    hc = addBlock(ctx.block, { type: "health_check_config", labels: [], items });
    ctx.change({ argument: "health_check", kind: "note", severity: "info", reason: `ALB server groups need a health check configuration; aws2ali wrote AWS's defaults (${lambda ? "disabled for Lambda targets" : `${protocol === "HTTPS" ? "HTTPS" : "HTTP"} GET / on the traffic port`}).` });
    return;
  }
  if (!getAttribute(hc, "health_check_enabled")) setAttribute(hc, "health_check_enabled", lambda ? "false" : "true");
  const original = firstNested(ctx.plan.original, "health_check");
  const interval = literalNumber(getAttribute(hc, "health_check_interval")?.expr);
  if (interval !== undefined && interval > 50) {
    setAttribute(hc, "health_check_interval", "50");
    ctx.change({ argument: "health_check.interval", kind: "value-mapped", to: "50", severity: "info", reason: `ALB health checks run at most every 50 s; the AWS interval ${interval} s became 50.` });
  }
  const codes = getAttribute(hc, "health_check_codes");
  const matcher = original && getAttribute(original, "matcher");
  if (codes && matcher) {
    retractChanges(ctx, "health_check.matcher");
    const grpc = literal(getAttribute(ctx.block, "protocol")?.expr) === "GRPC";
    const m = literal(matcher.expr);
    if (typeof m !== "string") {
      setAttribute(hc, "health_check_codes", `[${exprSource(matcher.expr)}]`);
      ctx.change({ argument: "health_check.matcher", kind: "note", severity: "warning", reason: `The matcher ${exprSource(matcher.expr)} is computed; ALB takes status classes (http_2xx, http_3xx, http_4xx, http_5xx).`, action: "Make sure the value is a list of status classes." });
    } else if (grpc) {
      setAttribute(hc, "health_check_codes", hclList(m.split(",").map((s) => s.trim())));
    } else {
      const mapped = statusClasses(m);
      setAttribute(hc, "health_check_codes", hclList(mapped.classes));
      ctx.change({ argument: "health_check.matcher", kind: "value-mapped", to: JSON.stringify(mapped.classes), severity: mapped.exact ? "info" : "warning", reason: `ALB health checks match status classes: ${JSON.stringify(m)} → ${mapped.classes.join(", ")}${mapped.exact ? "." : `, which also accepts other codes of ${mapped.classes.length === 1 ? "that class" : "those classes"}.`}`, ...(mapped.exact ? {} : { action: "Check that a success code of the same class is not a failure for this service." }) });
    }
  }
  const port = getAttribute(hc, "health_check_connect_port");
  if (port && literal(port.expr) === "traffic-port") setAttribute(hc, "health_check_connect_port", "0");
}

/** "200-299" → http_2xx (exact); "200" → http_2xx (the whole class); "200,302" → http_2xx, http_3xx. */
export function statusClasses(matcher: string): { classes: string[]; exact: boolean } {
  const classes = new Set<number>();
  let exact = true;
  for (const part of matcher.split(",").map((s) => s.trim()).filter(Boolean)) {
    const range = /^(\d{3})-(\d{3})$/.exec(part);
    if (range) {
      const [a, b] = [Number(range[1]), Number(range[2])];
      for (let c = Math.floor(a / 100); c <= Math.floor(b / 100); c++) classes.add(c);
      if (a % 100 !== 0 || b % 100 !== 99) exact = false;
    } else if (/^\d{3}$/.test(part)) {
      classes.add(Math.floor(Number(part) / 100));
      exact = false;
    }
  }
  const list = [...classes].filter((c) => c >= 2 && c <= 5).sort().map((c) => `http_${c}xx`);
  return list.length > 0 ? { classes: list, exact } : { classes: ["http_2xx"], exact: false };
}

/** deregistration_delay → connection draining (ALB: a block; NLB: two arguments). */
function drain(ctx: TransformContext, kind: "alb" | "nlb"): void {
  const d = getAttribute(ctx.plan.original, "deregistration_delay");
  if (!d) return;
  retractChanges(ctx, "deregistration_delay");
  const n = literalNumber(d.expr);
  const enabled = n === undefined ? `${exprSource(d.expr)} > 0` : String(n > 0);
  const timeout = n === undefined ? `min(max(${exprSource(d.expr)}, ${kind === "nlb" ? 10 : 1}), 900)` : String(Math.min(Math.max(n, kind === "nlb" ? 10 : 1), 900));
  if (n === 0) {
    ctx.change({ argument: "deregistration_delay", kind: "dropped", severity: "info", reason: "A zero deregistration delay means no connection draining, the Alibaba default." });
    return;
  }
  if (kind === "alb") addBlock(ctx.block, { type: "connection_drain_config", labels: [], items: [{ attr: "connection_drain_enabled", expr: enabled }, { attr: "connection_drain_timeout", expr: timeout }] });
  else {
    setAttribute(ctx.block, "connection_drain_enabled", enabled);
    setAttribute(ctx.block, "connection_drain_timeout", timeout);
  }
  ctx.change({ argument: "deregistration_delay", kind: "moved", to: kind === "alb" ? "connection_drain_config" : "connection_drain_timeout", severity: "info", reason: `The deregistration delay became connection draining of ${timeout} s${n !== undefined && n > 900 ? " (Alibaba's maximum is 900 s)" : ""}.` });
}

function slowStart(ctx: TransformContext): void {
  const s = getAttribute(ctx.plan.original, "slow_start");
  if (!s) return;
  retractChanges(ctx, "slow_start");
  const n = literalNumber(s.expr);
  if (n === 0) {
    ctx.change({ argument: "slow_start", kind: "dropped", severity: "info", reason: "Slow start 0 means off, the Alibaba default." });
    return;
  }
  addBlock(ctx.block, { type: "slow_start_config", labels: [], items: [{ attr: "slow_start_enabled", expr: n === undefined ? `${exprSource(s.expr)} > 0` : "true" }, { attr: "slow_start_duration", expr: exprSource(s.expr) }] });
  ctx.change({ argument: "slow_start", kind: "moved", to: "slow_start_config", severity: "info", reason: "Slow start is a slow_start_config block on ALB (30–900 s, as on AWS)." });
}

function albStickiness(ctx: TransformContext): void {
  const sticky = blocksOf(ctx.block.body).find((b) => b.blockType.text === "sticky_session_config");
  const original = firstNested(ctx.plan.original, "stickiness");
  if (!sticky || !original) return;
  const enabled = literal(getAttribute(original, "enabled")?.expr);
  const type = literal(getAttribute(original, "type")?.expr);
  if (enabled === false) {
    removeBlock(ctx.block, sticky);
    retractChanges(ctx, "stickiness", true);
    ctx.change({ argument: "stickiness", kind: "dropped", severity: "info", reason: "Stickiness is disabled (enabled = false), the Alibaba default." });
    return;
  }
  if (type === "source_ip") {
    removeBlock(ctx.block, sticky);
    retractChanges(ctx, "stickiness", true);
    setAttribute(ctx.block, "scheduler", '"Sch"');
    ctx.change({ argument: "stickiness", kind: "value-mapped", to: 'scheduler = "Sch"', severity: "info", reason: "Source-IP stickiness is the source-IP hash scheduler (Sch)." });
    return;
  }
  if (!getAttribute(sticky, "sticky_session_enabled")) setAttribute(sticky, "sticky_session_enabled", "true");
  if (type === "lb_cookie") {
    removeAttribute(sticky, "cookie");
    if (!getAttribute(sticky, "cookie_timeout")) {
      setAttribute(sticky, "cookie_timeout", "86400");
      ctx.change({ argument: "stickiness.cookie_duration", kind: "note", severity: "info", reason: "An ALB-inserted cookie needs a lifetime; aws2ali wrote AWS's default of 86400 s." });
    }
  } else if (type === "app_cookie") {
    removeAttribute(sticky, "cookie_timeout");
  }
}

// ---- NLB -----------------------------------------------------------------------------------

const NLB_PROTOCOL: Record<string, string> = { TCP: "TCP", UDP: "UDP", TLS: "TCPSSL", TCP_UDP: "TCP" };

function nlbServerGroup(ctx: TransformContext): void {
  const o = ctx.plan.original;
  switchTarget(ctx, "alicloud_nlb_server_group");
  const protocol = String(literal(getAttribute(o, "protocol")?.expr) ?? "").toUpperCase();
  retractChanges(ctx, "protocol");
  if (NLB_PROTOCOL[protocol]) {
    setAttribute(ctx.block, "protocol", JSON.stringify(NLB_PROTOCOL[protocol]));
    if (protocol === "TLS") ctx.change({ argument: "protocol", kind: "value-mapped", to: '"TCPSSL"', severity: "info", reason: "NLB calls TLS TCPSSL." });
    if (protocol === "TCP_UDP") ctx.change({ argument: "protocol", kind: "value-mapped", to: '"TCP"', severity: "warning", reason: "NLB server groups have no combined TCP+UDP protocol; this one became TCP.", action: "Add a second alicloud_nlb_server_group with protocol UDP (and its servers) for the UDP traffic." });
  } else {
    removeAttribute(ctx.block, "protocol");
    ctx.change({ argument: "protocol", kind: "note", severity: "warning", reason: "The target group's protocol is not a literal TCP/UDP/TLS; it serves a network load balancer, so it became an NLB server group without a protocol (NLB defaults to TCP).", action: "Set protocol (TCP, UDP or TCPSSL)." });
  }
  if (literal(getAttribute(ctx.block, "server_group_type")?.expr) === "Fc") {
    removeAttribute(ctx.block, "server_group_type");
    ctx.change({ argument: "target_type", kind: "dropped", severity: "warning", reason: "NLB server groups cannot have Function Compute backends.", action: "Put the function behind an ALB (server_group_type Fc) instead." });
  }
  if (removeAttribute(ctx.block, "cross_zone_enabled")) {
    retractChanges(ctx, "load_balancing_cross_zone_enabled");
    ctx.change({ argument: "load_balancing_cross_zone_enabled", kind: "moved", to: "alicloud_nlb_load_balancer.cross_zone_enabled", severity: "info", reason: "NLB sets cross-zone balancing on the load balancer, not per server group." });
  }
  for (const b of blocksOf(ctx.block.body)) if (b.blockType.text === "health_check_config" || b.blockType.text === "sticky_session_config" || b.blockType.text === "slow_start_config") removeBlock(ctx.block, b);
  nlbHealthCheck(ctx);
  const sticky = firstNested(o, "stickiness");
  retractChanges(ctx, "stickiness", true);
  if (sticky && literal(getAttribute(sticky, "enabled")?.expr) !== false) {
    setAttribute(ctx.block, "scheduler", '"Sch"');
    ctx.change({ argument: "stickiness", kind: "value-mapped", to: 'scheduler = "Sch"', severity: "info", reason: "NLB keeps clients on one backend with the source-IP hash scheduler (Sch)." });
  }
  drain(ctx, "nlb");
  const preserve = getAttribute(o, "preserve_client_ip");
  if (preserve) {
    retractChanges(ctx, "preserve_client_ip");
    const v = literal(preserve.expr);
    setAttribute(ctx.block, "preserve_client_ip_enabled", typeof v === "string" ? String(v === "true") : exprSource(preserve.expr));
    ctx.change({ argument: "preserve_client_ip", kind: "renamed", to: "preserve_client_ip_enabled", severity: "info", reason: "NLB calls it preserve_client_ip_enabled." });
  }
  if (getAttribute(o, "proxy_protocol_v2")) {
    retractChanges(ctx, "proxy_protocol_v2");
    ctx.change({ argument: "proxy_protocol_v2", kind: "moved", to: "alicloud_nlb_listener.proxy_protocol_enabled", severity: "info", reason: "NLB enables the proxy protocol on the listeners; the lb-listener transform sets it on those that forward here." });
  }
  if (getAttribute(o, "slow_start")) {
    retractChanges(ctx, "slow_start");
    ctx.change({ argument: "slow_start", kind: "dropped", severity: "warning", reason: "NLB server groups have no slow start.", action: "Nothing, unless new backends need a warm-up (then weight them up by hand)." });
  }
}

/** health_check { enabled, protocol, path, … } → NLB health_check { health_check_type, health_check_url, … }. */
function nlbHealthCheck(ctx: TransformContext): void {
  const hc = firstNested(ctx.plan.original, "health_check");
  retractChanges(ctx, "health_check", true);
  if (!hc) return;
  const items: ItemSpec[] = [];
  const get = (n: string) => getAttribute(hc, n);
  const enabled = get("enabled");
  items.push({ attr: "health_check_enabled", expr: enabled ? exprSource(enabled.expr) : "true" });
  const proto = String(literal(get("protocol")?.expr) ?? "TCP").toUpperCase();
  const type = proto === "HTTP" || proto === "HTTPS" ? "HTTP" : "TCP";
  items.push({ attr: "health_check_type", expr: JSON.stringify(type) });
  const path = get("path");
  if (path && type === "HTTP") items.push({ attr: "health_check_url", expr: exprSource(path.expr) });
  const port = get("port");
  if (port) items.push({ attr: "health_check_connect_port", expr: literal(port.expr) === "traffic-port" ? "0" : exprSource(port.expr) });
  const timeout = get("timeout");
  if (timeout) items.push({ attr: "health_check_connect_timeout", expr: exprSource(timeout.expr) });
  const interval = get("interval");
  if (interval) {
    const n = literalNumber(interval.expr);
    items.push({ attr: "health_check_interval", expr: n !== undefined && n > 50 ? "50" : exprSource(interval.expr) });
  }
  for (const n of ["healthy_threshold", "unhealthy_threshold"]) {
    const a = get(n);
    if (a) items.push({ attr: n, expr: exprSource(a.expr) });
  }
  const matcher = get("matcher");
  const m = matcher ? literal(matcher.expr) : undefined;
  if (type === "HTTP" && typeof m === "string") items.push({ attr: "health_check_http_code", expr: hclList(statusClasses(m).classes) });
  addBlock(ctx.block, { type: "health_check", labels: [], items });
  ctx.change({ argument: "health_check", kind: "moved", to: "health_check", severity: "info", reason: `The health check became NLB's health_check block (${type}${proto === "HTTPS" ? "; NLB checks over HTTP, not HTTPS" : ""}).` });
}

// ---- attachments -----------------------------------------------------------------------------

const SERVER_TYPES: Record<string, string> = { instance: "Ecs", ip: "Ip", lambda: "Fc" };

/** aws_lb_target_group_attachment blocks of this group: servers blocks (ALB) or attachment resources (NLB). */
function attachments(ctx: TransformContext, kind: "alb" | "nlb"): void {
  const o = ctx.plan.original;
  const targetType = String(literal(getAttribute(o, "target_type")?.expr) ?? "instance");
  const serverType = SERVER_TYPES[targetType] ?? "Ecs";
  const groupPort = getAttribute(o, "port");
  const target = `${kind === "alb" ? "alicloud_alb_server_group" : "alicloud_nlb_server_group"}.${ctx.top.name}`;
  const specs: BlockSpec[] = [];
  for (const att of plansOfType(ctx, "aws_lb_target_group_attachment")) {
    if (att.absorbedInto || firstAddress(getAttribute(att.original, "target_group_arn")?.expr) !== ctx.top.address) continue;
    const targetId = getAttribute(att.original, "target_id");
    if (!targetId) continue;
    const port = getAttribute(att.original, "port") ?? groupPort;
    const items: ItemSpec[] = [
      { attr: "server_id", expr: exprSource(targetId.expr) },
      ...(serverType === "Ip" ? [{ attr: "server_ip", expr: exprSource(targetId.expr) }] : []),
      { attr: "server_type", expr: JSON.stringify(serverType) },
      ...(port && serverType !== "Fc" ? [{ attr: "port", expr: exprSource(port.expr) }] : []),
      { attr: "weight", expr: "100" },
    ];
    if (getAttribute(att.original, "availability_zone")) att.item.changes.push({ argument: "availability_zone", kind: "dropped", severity: "warning", reason: "IP targets outside the VPC (availability_zone = all) need remote_ip_enabled on ALB and are not supported by NLB server groups.", action: "Set remote_ip_enabled = true on the servers block (ALB) and make the address reachable over CEN or VPN." });
    if (kind === "alb") {
      const repeat = repetition(att.original);
      if (repeat.length === 0) addBlock(ctx.block, { type: "servers", labels: [], items });
      else addBlock(ctx.block, dynamicServers(repeat[0]!, items));
      att.absorbedInto = { target, reason: `ALB keeps its backends inside the server group: the attachment became ${repeat.length === 0 ? "a servers block" : "a dynamic servers block"} of ${target}.` };
      att.item.changes.push({ argument: "(block)", kind: "moved", to: `${target}.servers`, severity: "info", reason: "alicloud_alb_server_group lists its servers itself (there is no ALB attachment resource)." });
      ctx.change({ argument: "(attachments)", kind: "note", severity: "info", reason: `${att.top.address} became ${repeat.length === 0 ? "a servers block" : "a dynamic servers block"} (server_type ${serverType}, weight 100).` });
    } else {
      const name = att.top.name;
      specs.push({ type: "resource", labels: ["alicloud_nlb_server_group_server_attachment", name], items: [...repetition(att.original), { attr: "server_group_id", expr: `${target}.id` }, ...items] });
      att.absorbedInto = { target: `alicloud_nlb_server_group_server_attachment.${name}`, reason: `NLB registers backends with alicloud_nlb_server_group_server_attachment; it was written next to ${target}.` };
      att.item.changes.push({ argument: "(block)", kind: "moved", to: `alicloud_nlb_server_group_server_attachment.${name}`, severity: "info", reason: "NLB registers each backend with an attachment resource." });
    }
  }
  if (specs.length > 0) ctx.emitAfter(specs);
}

/** An attachment with count / for_each: a dynamic servers block over the same collection. */
function dynamicServers(repeat: { attr: string; expr: string }, items: ItemSpec[]): BlockSpec {
  const forEach = repeat.attr === "count" ? `range(${repeat.expr})` : repeat.expr;
  const rewrite = (s: string): string => s.replace(/\bcount\.index\b/g, "servers.value").replace(/\beach\.(key|value)\b/g, "servers.$1");
  return { type: "dynamic", labels: ["servers"], items: [{ attr: "for_each", expr: forEach }, { block: { type: "content", labels: [], items: items.map((i) => ("attr" in i ? { ...i, expr: rewrite(i.expr) } : i)) } }] };
}
