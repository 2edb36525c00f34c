/**
 * aws_flow_log → alicloud_vpc_flow_log. Alibaba flow logs capture a VPC, a
 * vSwitch or an ENI (resource_type + resource_id) and always deliver to an
 * SLS log store. A CloudWatch log group destination is its translated
 * alicloud_log_store; an S3 or Firehose destination gets a log store of its
 * own in the folder's SLS project (the one the log-group transform uses).
 */

import { getAttribute, quote, removeAttribute, setAttribute } from "../hcl/edit.js";
import { exprSource, staticValue } from "../hcl/value.js";
import { firstAddress, originalLiteral, plansOfType } from "./aws-graph.js";
import type { TransformContext } from "./context.js";
import { keepAsManual } from "./fold.js";
import { logProject } from "./log-group.js";
import { retractChanges } from "./report-changes.js";

const RESOURCE_TYPES: Array<[string, string]> = [
  ["vpc_id", "VPC"],
  ["subnet_id", "VSwitch"],
  ["eni_id", "NetworkInterface"],
];

export function flowLog(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const source = RESOURCE_TYPES.find(([arg]) => getAttribute(o, arg));
  if (!source) {
    const tgw = getAttribute(o, "transit_gateway_id") ?? getAttribute(o, "transit_gateway_attachment_id");
    keepAsManual(ctx, tgw
      ? { reason: "Transit gateway flow logs correspond to CEN flow logs on Alibaba Cloud, not VPC flow logs.", action: "Create an alicloud_cen_flowlog for the CEN instance (and transit router) that replaced the transit gateway, delivering to an SLS log store.", alternative: "alicloud_cen_flowlog", effort_hours: 0.5 }
      : { reason: "The flow log captures no VPC, subnet or network interface (alicloud_vpc_flow_log captures only those).", action: "Capture at the VPC or vSwitch level with alicloud_vpc_flow_log.", alternative: "alicloud_vpc_flow_log", effort_hours: 0.5 });
    return;
  }
  setAttribute(ctx.block, "resource_type", quote(source[1]));
  ctx.change({ argument: source[0], kind: "note", to: `resource_type = "${source[1]}"`, severity: "info", reason: `Alibaba names the captured resource by resource_id and its kind by resource_type ("${source[1]}").` });
  destination(ctx);
  if (!getAttribute(o, "traffic_type")) {
    ctx.change({ argument: "traffic_type", kind: "note", severity: "info", reason: 'Alibaba requires traffic_type; "All" was set.' });
  }
}

/** project_name and log_store_name from the destination. */
function destination(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const typeAttr = getAttribute(o, "log_destination_type");
  const type = typeAttr ? staticValue(typeAttr.expr) : "cloud-watch-logs";
  const dest = getAttribute(o, "log_destination") ?? getAttribute(o, "log_group_name");
  const literal = dest ? staticValue(dest.expr) : undefined;
  // A log group named literally (log_group_name = "x") is the translated group of that name, if the folder has one.
  const named = typeof literal === "string" ? plansOfType(ctx, "aws_cloudwatch_log_group").find((p) => originalLiteral(p, "name") === literal) : undefined;
  const address = named?.top.address ?? firstAddress(dest?.expr);
  const group = address?.startsWith("aws_cloudwatch_log_group.") ? ctx.planOf(address) : undefined;
  if (type === "cloud-watch-logs" && group?.rule?.to === "alicloud_log_store" && group.target && !group.absorbedInto) {
    // Keep the instance key the reference has: aws_cloudwatch_log_group.g[0].arn → alicloud_log_store.g[0].
    const src = named ? address! : exprSource(dest!.expr);
    const m = new RegExp(`^${address!.replace(/[.]/g, "\\.")}(\\[[^\\]]+\\])?\\.(arn|name|id)$`).exec(src);
    const store = `${group.target.names.join(".")}${m?.[1] ?? ""}`;
    setAttribute(ctx.block, "project_name", `${store}.project_name`);
    setAttribute(ctx.block, "log_store_name", `${store}.logstore_name`);
    retractChanges(ctx, "log_destination");
    retractChanges(ctx, "log_group_name");
    ctx.change({ argument: dest!.name.text, kind: "moved", to: "project_name, log_store_name", severity: "info", reason: `The flow log delivers to the SLS log store that replaced ${address} (${store}).` });
    return;
  }
  // S3, Firehose, or a destination aws2ali cannot follow: a log store of its own.
  const project = logProject(ctx);
  const name = `${ctx.top.name}_flow_log`;
  const storeName = `${ctx.top.name}-flow-log`.toLowerCase().replace(/[^a-z0-9_-]+/g, "-");
  ctx.emitAfter([{ type: "resource", labels: ["alicloud_log_store", name], items: [{ attr: "project_name", expr: `${project}.project_name` }, { attr: "logstore_name", expr: quote(storeName) }, { attr: "retention_period", expr: "30" }] }]);
  setAttribute(ctx.block, "project_name", `alicloud_log_store.${name}.project_name`);
  setAttribute(ctx.block, "log_store_name", `alicloud_log_store.${name}.logstore_name`);
  removeAttribute(ctx.block, "log_destination");
  retractChanges(ctx, "log_destination");
  retractChanges(ctx, "log_destination_type");
  const what = type === "s3" ? "an S3 bucket" : type === "kinesis-data-firehose" ? "a Firehose stream" : dest ? `${exprSource(dest.expr)}, which aws2ali cannot follow to a translated log group` : "the default destination";
  ctx.change({ argument: "log_destination", kind: "moved", to: `alicloud_log_store.${name}`, severity: "warning", reason: `The flow log delivered to ${what}; Alibaba flow logs deliver to SLS only, so aws2ali added the log store alicloud_log_store.${name} (30 days retention) in ${project}.`, action: type === "s3" ? "If the logs must also land in OSS, add an alicloud_sls_oss_export_sink for the log store; set retention_period to what the bucket's lifecycle kept." : "Point downstream consumers at the SLS log store, and set its retention_period." });
}
