/**
 * aws_elb (classic) → alicloud_slb_load_balancer (CLB), Alibaba's own
 * classic load balancer.
 *   - Each listener becomes an alicloud_slb_listener carrying the ELB's
 *     health check and idle timeout (CLB keeps both per listener); an SSL
 *     or HTTPS listener gets an alicloud_slb_server_certificate uploaded
 *     from the imported certificate.
 *   - instances (and aws_elb_attachment blocks) become one
 *     alicloud_slb_backend_server with a backend_servers entry each.
 *   - An internet-facing CLB takes no vSwitch.
 *   - Scaling groups name CLBs by id (loadbalancer_ids), not by name.
 */

import type { Expr } from "../hcl/cst.js";
import { blockLabels, findReferences, getAttribute, removeAttribute, setAttribute } from "../hcl/edit.js";
import type { BlockSpec, ItemSpec } from "../hcl/format.js";
import { exprSource } from "../hcl/value.js";
import { firstAddress, instanceRef, plansOfType, repetition } from "./aws-graph.js";
import { inputName, inputVariable, literal, literalNumber, nested } from "./compute-shared.js";
import type { TransformContext } from "./context.js";
import { throughValidation } from "./lb-shared.js";
import { retractChanges } from "./report-changes.js";

export function elb(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const internal = literal(getAttribute(o, "internal")?.expr);
  const internalAttr = getAttribute(o, "internal");
  if (internalAttr && internal === undefined) {
    retractChanges(ctx, "internal");
    setAttribute(ctx.block, "address_type", `${exprSource(internalAttr.expr)} ? "intranet" : "internet"`);
    ctx.change({ argument: "internal", kind: "value-mapped", to: "address_type", severity: "warning", reason: "The internal flag is computed; address_type is chosen from it, and vswitch_id is kept, which an internet-facing CLB refuses.", action: "Remove vswitch_id when the load balancer is internet-facing." });
  }
  firstVswitch(ctx);
  if (internal !== undefined && internal !== true && internal !== "true" && getAttribute(ctx.block, "vswitch_id")) {
    removeAttribute(ctx.block, "vswitch_id");
    retractChanges(ctx, "subnets");
    ctx.change({ argument: "subnets", kind: "dropped", severity: "info", reason: "An internet-facing CLB takes no vSwitch; it still reaches backends in the VPC." });
  } else if (!internalAttr && getAttribute(ctx.block, "vswitch_id")) {
    removeAttribute(ctx.block, "vswitch_id");
    retractChanges(ctx, "subnets");
    ctx.change({ argument: "subnets", kind: "dropped", severity: "info", reason: "An internet-facing CLB takes no vSwitch; it still reaches backends in the VPC." });
  } else if ((internal === true || internal === "true") && !getAttribute(o, "subnets")) {
    ctx.change({ argument: "subnets", kind: "note", severity: "warning", reason: "An internal CLB needs a vSwitch, and this ELB names no subnets.", action: "Set vswitch_id to a vSwitch of the backends' VPC." });
  }
  ctx.change({ argument: "(block)", kind: "note", severity: "info", reason: "Classic ELBs become Classic Load Balancer (CLB) instances, pay-by-CLCU; CLB is Alibaba's legacy product.", action: "Consider ALB (HTTP/HTTPS) or NLB (TCP/UDP) when the service is next redesigned." });
  listeners(ctx);
  backends(ctx);
  scalingGroupIds(ctx);
}

/** The rule keeps the first subnet; for a splat (`aws_subnet.p[*].id`) that is `aws_subnet.p[0].id`, not `…[*].id[0]`. */
function firstVswitch(ctx: TransformContext): void {
  const subnets = getAttribute(ctx.plan.original, "subnets");
  if (!subnets || subnets.expr.type === "Tuple" || !getAttribute(ctx.block, "vswitch_id")) return;
  const src = exprSource(subnets.expr).trim();
  const m = /^([A-Za-z_][A-Za-z0-9_.-]*)\[\*\]\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(src);
  setAttribute(ctx.block, "vswitch_id", m ? `${m[1]}[0].${m[2]}` : `(${src})[0]`);
}

// ---- listeners -------------------------------------------------------------------------------

interface HealthCheck {
  type: "http" | "tcp";
  port?: string;
  uri?: string;
  items: ItemSpec[];
}

/** health_check { target = "HTTP:8080/health", interval, timeout, healthy_threshold, unhealthy_threshold }. */
function healthCheck(ctx: TransformContext): HealthCheck | undefined {
  const hc = nested(ctx.plan.original, "health_check")[0];
  if (!hc) return undefined;
  const target = literal(getAttribute(hc, "target")?.expr);
  const m = typeof target === "string" ? /^(HTTPS?|TCP|SSL):(\d+)(\/.*)?$/i.exec(target) : null;
  const items: ItemSpec[] = [];
  const interval = getAttribute(hc, "interval");
  if (interval) {
    const n = literalNumber(interval.expr);
    items.push({ attr: "health_check_interval", expr: n !== undefined && n > 50 ? "50" : exprSource(interval.expr) });
    if (n !== undefined && n > 50) ctx.change({ argument: "health_check.interval", kind: "value-mapped", to: "50", severity: "info", reason: `CLB health checks run at most every 50 s; ${n} s became 50.` });
  }
  const timeout = getAttribute(hc, "timeout");
  if (timeout) items.push({ attr: "health_check_timeout", expr: exprSource(timeout.expr) });
  for (const n of ["healthy_threshold", "unhealthy_threshold"]) {
    const a = getAttribute(hc, n);
    if (a) items.push({ attr: n, expr: exprSource(a.expr) });
  }
  if (!m) {
    ctx.change({ argument: "health_check.target", kind: "note", severity: "warning", reason: `The health check target ${getAttribute(hc, "target") ? exprSource(getAttribute(hc, "target")!.expr) : "(none)"} is not a literal "PROTOCOL:PORT/path"; the listeners check the backend port over TCP (HTTP listeners: GET /).`, action: "Set health_check_type, health_check_connect_port and health_check_uri on the listeners." });
    return { type: "tcp", items };
  }
  const proto = m[1]!.toUpperCase();
  if (proto === "HTTPS" || proto === "SSL") ctx.change({ argument: "health_check.target", kind: "note", severity: "info", reason: `CLB checks backends over ${proto === "HTTPS" ? "HTTP" : "TCP"}, not ${proto}.` });
  return { type: proto.startsWith("HTTP") ? "http" : "tcp", port: m[2]!, ...(m[3] ? { uri: m[3] } : {}), items };
}

function listeners(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const hc = healthCheck(ctx);
  const idle = getAttribute(o, "idle_timeout");
  const lbRef = `${instanceRef(`alicloud_slb_load_balancer.${ctx.top.name}`, o)}.id`;
  const repeat = repetition(o);
  const specs: BlockSpec[] = [];
  const certificates = new Map<string, string>();
  nested(o, "listener").forEach((l, k) => {
    const where = `listener[${k}]`;
    const get = (n: string) => getAttribute(l, n);
    const lbPort = get("lb_port");
    const lbProto = literal(get("lb_protocol")?.expr);
    const instProto = literal(get("instance_protocol")?.expr);
    let protocol = typeof lbProto === "string" ? lbProto.toLowerCase() : undefined;
    if (protocol === "ssl") {
      const httpBackend = typeof instProto === "string" && /^https?$/i.test(instProto);
      protocol = httpBackend ? "https" : "tcp";
      ctx.change({ argument: `${where}.lb_protocol`, kind: "value-mapped", to: JSON.stringify(protocol), severity: httpBackend ? "info" : "warning", reason: httpBackend ? "An SSL listener in front of HTTP backends is a CLB HTTPS listener." : "CLB TCP listeners do not terminate TLS; the SSL listener became a TCP listener that passes TLS through to the backends.", ...(httpBackend ? {} : { action: "Terminate TLS on the backends, or use an NLB TCPSSL listener." }) });
    }
    if (protocol && !["http", "https", "tcp", "udp"].includes(protocol)) protocol = undefined;
    const items: ItemSpec[] = [
      ...repeat,
      { attr: "load_balancer_id", expr: lbRef },
      { attr: "frontend_port", expr: lbPort ? exprSource(lbPort.expr) : "80" },
      ...(get("instance_port") ? [{ attr: "backend_port", expr: exprSource(get("instance_port")!.expr) }] : []),
      { attr: "protocol", expr: protocol ? JSON.stringify(protocol) : `lower(${get("lb_protocol") ? exprSource(get("lb_protocol")!.expr) : '"http"'})` },
      { attr: "bandwidth", expr: "-1" },
    ];
    const http = protocol === "http" || protocol === "https";
    if (protocol === "https" && typeof instProto === "string" && /^https$/i.test(instProto)) ctx.change({ argument: `${where}.instance_protocol`, kind: "note", severity: "warning", reason: "CLB HTTPS listeners talk to backends over HTTP; the backends were reached over HTTPS on AWS.", action: "Serve plain HTTP on the backend port, or use an NLB TCPSSL listener to keep end-to-end TLS." });
    if (hc) {
      if (http) {
        items.push({ attr: "health_check", expr: '"on"' });
        if (hc.type === "tcp") ctx.change({ argument: "health_check.target", kind: "note", severity: "warning", reason: `CLB ${(protocol ?? "http").toUpperCase()} listeners check backends over HTTP; the ELB checked TCP, so the listener checks GET / instead.`, action: "Give the backends an HTTP health endpoint and set health_check_uri." });
        items.push({ attr: "health_check_uri", expr: JSON.stringify(hc.uri ?? "/") });
      } else {
        items.push({ attr: "health_check_type", expr: JSON.stringify(hc.type) });
        if (hc.type === "http") items.push({ attr: "health_check_uri", expr: JSON.stringify(hc.uri ?? "/") });
      }
      if (hc.port) items.push({ attr: "health_check_connect_port", expr: hc.port });
      items.push(...hc.items);
    }
    if (idle) {
      const n = literalNumber(idle.expr);
      if (http) items.push({ attr: "idle_timeout", expr: n === undefined ? `min(${exprSource(idle.expr)}, 60)` : String(Math.min(Math.max(n, 1), 60)) });
      else items.push({ attr: "established_timeout", expr: n === undefined ? `min(max(${exprSource(idle.expr)}, 10), 900)` : String(Math.min(Math.max(n, 10), 900)) });
    }
    const cert = get("ssl_certificate_id");
    if (cert && protocol === "https") {
      const certId = serverCertificate(ctx, cert, certificates, specs);
      items.push({ attr: "server_certificate_id", expr: certId });
    } else if (cert && protocol === "tcp") {
      ctx.change({ argument: `${where}.ssl_certificate_id`, kind: "dropped", severity: "warning", reason: "The listener passes TLS through (TCP), so CLB needs no certificate; the backends must present it.", action: "Install the certificate on the backends." });
    }
    const port = literal(lbPort?.expr);
    specs.push({ type: "resource", labels: ["alicloud_slb_listener", typeof port === "number" || typeof port === "string" ? `${ctx.top.name}_${port}` : `${ctx.top.name}_${k + 1}`], items });
  });
  if (nested(o, "dynamic").some((d) => blockLabels(d)[0] === "listener")) ctx.change({ argument: 'dynamic "listener"', kind: "dropped", severity: "warning", reason: "Dynamic listener blocks were not translated.", action: "Write an alicloud_slb_listener for each listener they generated." });
  if (specs.length === 0) return;
  ctx.emitAfter(specs);
  const count = specs.filter((s) => s.labels[0] === "alicloud_slb_listener").length;
  ctx.change({ argument: "listener", kind: "moved", to: "alicloud_slb_listener", severity: "info", reason: `CLB listeners are separate resources: ${count} alicloud_slb_listener, each with the ELB's health check${idle ? " and idle timeout" : ""}.` });
  if (idle) retractChanges(ctx, "idle_timeout");
  retractChanges(ctx, "health_check");
  retractChanges(ctx, "listener");
}

/** The CLB server certificate for an ELB listener's ssl_certificate_id; emits one upload per certificate. */
function serverCertificate(ctx: TransformContext, cert: { expr: Expr }, done: Map<string, string>, specs: BlockSpec[]): string {
  const source = throughValidation(ctx, cert.expr) ?? exprSource(cert.expr);
  const known = done.get(source);
  if (known) return known;
  const m = /^aws_acm_certificate\.([A-Za-z_][A-Za-z0-9_-]*)\.(arn|id)$/.exec(source.trim());
  const acm = m ? ctx.planOf(`aws_acm_certificate.${m[1]}`) : undefined;
  if (acm && getAttribute(acm.original, "certificate_body") && getAttribute(acm.original, "private_key")) {
    const name = `${ctx.top.name}_${m![1]}`;
    const base = `aws_acm_certificate.${m![1]}`;
    specs.push({ type: "resource", labels: ["alicloud_slb_server_certificate", name], items: [{ attr: "name", expr: JSON.stringify(name.replace(/_/g, "-")) }, { attr: "server_certificate", expr: `${base}.cert` }, { attr: "private_key", expr: `${base}.key` }] });
    const id = `alicloud_slb_server_certificate.${name}.id`;
    done.set(source, id);
    ctx.change({ argument: "listener.ssl_certificate_id", kind: "moved", to: `alicloud_slb_server_certificate.${name}`, severity: "info", reason: `CLB listeners use server certificates of their own: ${base} (uploaded to Certificate Management Service) is uploaded to CLB too, from the same PEM.` });
    return id;
  }
  const v = inputVariable(ctx, inputName(ctx, "server_certificate_id"), `CLB server certificate id for the HTTPS listeners of ${ctx.top.address} (AWS used ${source}).`);
  done.set(source, v);
  ctx.change({ argument: "listener.ssl_certificate_id", kind: "note", severity: "warning", reason: `The certificate ${source} is not a certificate imported in this configuration (an ACM-issued one, or one from elsewhere); server_certificate_id became ${v}.`, action: "Upload the certificate and key with alicloud_slb_server_certificate (or in the CLB console) and set the variable to its id." });
  return v;
}

// ---- backends ----------------------------------------------------------------------------------

function backends(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const entries: ItemSpec[] = [];
  const instances = getAttribute(o, "instances");
  if (instances?.expr.type === "Tuple") {
    for (const el of instances.expr.elements) entries.push({ block: backendServer(exprSource(el)) });
  } else if (instances) {
    entries.push({ block: { type: "dynamic", labels: ["backend_servers"], items: [{ attr: "for_each", expr: exprSource(instances.expr) }, { block: { type: "content", labels: [], items: [{ attr: "server_id", expr: "backend_servers.value" }, { attr: "weight", expr: "100" }] } }] } });
  }
  const target = `alicloud_slb_backend_server.${ctx.top.name}`;
  for (const att of plansOfType(ctx, "aws_elb_attachment")) {
    if (att.absorbedInto || firstAddress(getAttribute(att.original, "elb")?.expr) !== ctx.top.address) continue;
    const instance = getAttribute(att.original, "instance");
    if (!instance) continue;
    const repeat = repetition(att.original)[0];
    if (!repeat) entries.push({ block: backendServer(exprSource(instance.expr)) });
    else {
      const forEach = repeat.attr === "count" ? `range(${repeat.expr})` : repeat.expr;
      const server = exprSource(instance.expr).replace(/\bcount\.index\b/g, "backend_servers.value").replace(/\beach\.(key|value)\b/g, "backend_servers.$1");
      entries.push({ block: { type: "dynamic", labels: ["backend_servers"], items: [{ attr: "for_each", expr: forEach }, { block: { type: "content", labels: [], items: [{ attr: "server_id", expr: server }, { attr: "weight", expr: "100" }] } }] } });
    }
    att.absorbedInto = { target, reason: `CLB backends are entries of one alicloud_slb_backend_server per load balancer; the attachment became a backend_servers entry of ${target}.` };
    att.item.changes.push({ argument: "(block)", kind: "moved", to: `${target}.backend_servers`, severity: "info", reason: "CLB registers backends in one alicloud_slb_backend_server per load balancer." });
  }
  if (entries.length === 0) return;
  retractChanges(ctx, "instances");
  const lbRef = `${instanceRef(`alicloud_slb_load_balancer.${ctx.top.name}`, o)}.id`;
  ctx.emitAfter([{ type: "resource", labels: ["alicloud_slb_backend_server", ctx.top.name], items: [...repetition(o), { attr: "load_balancer_id", expr: lbRef }, ...entries] }]);
  ctx.change({ argument: "instances", kind: "moved", to: target, severity: "info", reason: "CLB backends are registered by alicloud_slb_backend_server (weight 100 each, as ELB spreads evenly)." });
}

function backendServer(id: string): BlockSpec {
  return { type: "backend_servers", labels: [], items: [{ attr: "server_id", expr: id }, { attr: "weight", expr: "100" }] };
}

/** `load_balancers = [aws_elb.x.name]` on a scaling group: ESS takes CLB ids. */
function scalingGroupIds(ctx: TransformContext): void {
  for (const asg of plansOfType(ctx, "aws_autoscaling_group")) {
    const attr = getAttribute(asg.top.block, "loadbalancer_ids") ?? getAttribute(asg.top.block, "load_balancers");
    if (!attr) continue;
    let changed = false;
    for (const ref of findReferences(attr.expr)) {
      if (ref.root !== "aws_elb" || ref.steps[0]?.kind !== "attr" || ref.steps[0].name !== ctx.top.name) continue;
      const step = ref.steps.find((s, k) => k > 0 && s.kind === "attr" && s.name === "name");
      if (step?.kind === "attr" && step.node.type === "GetAttr") {
        step.node.name.text = "id";
        changed = true;
      }
    }
    if (changed) asg.item.changes.push({ argument: "load_balancers", kind: "value-mapped", to: "loadbalancer_ids", severity: "info", reason: `ESS attaches CLB instances by id: ${ctx.top.address}.name became its id.` });
  }
}
