/**
 * aws_cloudwatch_metric_alarm → alicloud_cms_alarm, when CloudMonitor has
 * the same metric.
 *
 * CloudMonitor alarms watch the metrics of Alibaba Cloud services under
 * their own names (acs_ecs_dashboard CPUUtilization, acs_rds_dashboard
 * CpuUsage) and dimension keys (instanceId). Custom CloudWatch namespaces
 * (metrics an application or a log metric filter publishes), metric math and
 * anomaly bands have no CloudMonitor counterpart that aws2ali can write: such
 * an alarm is kept for a person, with the reason, rather than emitted as an
 * alarm on a metric that does not exist.
 *
 * The threshold condition moves into escalations_critical; notifications go
 * to CloudMonitor contact groups (one per SNS topic the alarm notified).
 */

import { blocksOf, type Expr } from "../hcl/cst.js";
import { addBlock, blockLabels, findReferences, getAttribute, quote, replaceAttributeValue, setAttribute } from "../hcl/edit.js";
import { exprSource, objectKeyName, staticValue } from "../hcl/value.js";
import { originalLiteral, plansOfType } from "./aws-graph.js";
import type { TransformContext } from "./context.js";
import { keepAsManual } from "./fold.js";
import { retractChanges } from "./report-changes.js";
import { stackBaseName, stackSingleton } from "./stack-singletons.js";

const OPERATORS: Record<string, string> = {
  GreaterThanThreshold: ">",
  GreaterThanOrEqualToThreshold: ">=",
  LessThanThreshold: "<",
  LessThanOrEqualToThreshold: "<=",
};

/** CloudMonitor evaluates metrics at most once a minute. */
const MIN_PERIOD_SECONDS = 60;

interface MetricTarget {
  metric: string;
  /** CloudWatch dimension → CloudMonitor key. */
  dimensions: Array<{ key: string; value: Expr }>;
}

export function metricAlarm(ctx: TransformContext): void {
  const target = translatableMetric(ctx);
  if (typeof target === "string") {
    keepAsManual(ctx, { reason: target, action: "Recreate the alert on Alibaba Cloud: for application or log-derived metrics use an SLS alert (alicloud_log_alert) on the log store, or report the metric to CloudMonitor as a custom metric and alarm on it (alicloud_cms_alarm with project acs_customMetric_<uid>).", alternative: "alicloud_log_alert or alicloud_cms_alarm on a custom metric", effort_hours: 1 });
    return;
  }
  setAttribute(ctx.block, "metric", quote(target.metric));
  setDimensions(ctx, target.dimensions);
  setCondition(ctx);
  setPeriod(ctx);
  setContactGroups(ctx);
}

// ---- what can be translated ----------------------------------------------------------

/** The CloudMonitor metric and dimensions, or why the alarm cannot be translated. */
function translatableMetric(ctx: TransformContext): MetricTarget | string {
  const plan = ctx.plan;
  if (blocksOf(plan.original.body).some((b) => b.blockType.text === "metric_query" || (b.blockType.text === "dynamic" && blockLabels(b)[0] === "metric_query"))) {
    return "The alarm evaluates a metric math expression (metric_query); CloudMonitor threshold alarms watch one metric of one service.";
  }
  const namespace = originalLiteral(plan, "namespace");
  const metric = originalLiteral(plan, "metric_name");
  if (typeof namespace !== "string" || typeof metric !== "string") return "The namespace or metric name is computed, so aws2ali cannot tell which CloudMonitor metric matches.";
  const project = ctx.run.table.values.get("cloudwatch-namespaces")?.entries[namespace];
  const metrics = ctx.run.table.values.get("cloudwatch-metrics");
  const mapped = metrics?.entries[`${namespace}:${metric}`];
  if (project === undefined) return `${namespace} is not a CloudWatch namespace of an AWS service that CloudMonitor monitors (it holds custom metrics, published by an application or a log metric filter); CloudMonitor has no metric ${metric} to alarm on.`;
  if (typeof mapped !== "string") return `CloudMonitor's ${String(project)} has no metric known to match ${namespace} ${metric} (same meaning and unit).`;
  const operator = originalLiteral(plan, "comparison_operator");
  if (typeof operator === "string" && !(operator in OPERATORS)) return `The comparison ${operator} uses an anomaly-detection band, which alicloud_cms_alarm cannot express.`;
  const dims = dimensionsOf(ctx, namespace, (metrics?.extra.dimensions ?? {}) as Record<string, string>);
  return typeof dims === "string" ? dims : { metric: mapped, dimensions: dims };
}

function dimensionsOf(ctx: TransformContext, namespace: string, keys: Record<string, string>): MetricTarget["dimensions"] | string {
  const attr = getAttribute(ctx.plan.original, "dimensions");
  if (!attr) return [];
  if (attr.expr.type !== "Object") return "The alarm's dimensions are computed, so aws2ali cannot name the CloudMonitor dimensions.";
  const out: MetricTarget["dimensions"] = [];
  for (const item of attr.expr.items) {
    const name = objectKeyName(item.key);
    const key = name ? keys[`${namespace}:${name}`] : undefined;
    if (!key) return `CloudMonitor has no dimension matching ${namespace} ${name ?? exprSource(item.key)}${name === "DBClusterIdentifier" ? " (an Aurora cluster: its metrics live in PolarDB's namespace acs_polardb, which aws2ali does not map)" : ""}.`;
    out.push({ key, value: item.value });
  }
  return out;
}

// ---- the alarm --------------------------------------------------------------------------

/** CloudMonitor takes dimensions as a JSON list of objects: `[{"instanceId": "i-…"}]`. */
function setDimensions(ctx: TransformContext, dims: MetricTarget["dimensions"]): void {
  if (dims.length === 0) return;
  const object = dims.map((d) => `${d.key} = ${exprSource(d.value)}`).join(", ");
  setAttribute(ctx.block, "metric_dimensions", `jsonencode([{ ${object} }])`);
  ctx.change({ argument: "dimensions", kind: "value-mapped", to: "metric_dimensions", severity: "info", reason: `CloudMonitor takes the dimensions as a JSON list (${dims.map((d) => d.key).join(", ")}); their values must be Alibaba Cloud ids (references to translated resources are rewritten; literal AWS ids and variables are not).` });
}

/** statistic / comparison_operator / threshold / evaluation_periods → escalations_critical. */
function setCondition(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const items: Array<{ attr: string; expr: string }> = [];
  const statistic = getAttribute(o, "statistic");
  if (statistic) items.push({ attr: "statistics", expr: exprSource(statistic.expr) });
  const operator = originalLiteral(ctx.plan, "comparison_operator");
  if (typeof operator === "string") items.push({ attr: "comparison_operator", expr: quote(OPERATORS[operator]!) });
  const threshold = getAttribute(o, "threshold");
  if (threshold) {
    const v = staticValue(threshold.expr);
    items.push({ attr: "threshold", expr: typeof v === "number" ? quote(String(v)) : `tostring(${exprSource(threshold.expr)})` });
  }
  const periods = getAttribute(o, "evaluation_periods");
  if (periods) items.push({ attr: "times", expr: exprSource(periods.expr) });
  addBlock(ctx.block, { type: "escalations_critical", labels: [], items });
  for (const a of ["statistic", "comparison_operator", "threshold", "evaluation_periods"]) retractChanges(ctx, a);
  ctx.change({ argument: "comparison_operator", kind: "moved", to: "escalations_critical", severity: "info", reason: "The condition (statistic, operator, threshold, consecutive periods) becomes the alarm's critical escalation; CloudMonitor alarms after `times` consecutive breaching periods." });
}

function setPeriod(ctx: TransformContext): void {
  const attr = getAttribute(ctx.block, "period");
  const v = attr ? staticValue(attr.expr) : undefined;
  if (!attr || typeof v !== "number" || (v >= MIN_PERIOD_SECONDS && v % MIN_PERIOD_SECONDS === 0)) return;
  const fixed = Math.max(MIN_PERIOD_SECONDS, Math.ceil(v / MIN_PERIOD_SECONDS) * MIN_PERIOD_SECONDS);
  replaceAttributeValue(attr, String(fixed));
  ctx.change({ argument: "period", kind: "value-mapped", to: String(fixed), severity: "warning", reason: `CloudMonitor periods are whole minutes; ${v} s became ${fixed} s.`, action: "Check the alarm still reacts fast enough." });
}

/**
 * contact_groups is required. Each SNS topic the alarm notified becomes a
 * CloudMonitor contact group of the same name (emitted once per folder);
 * its contacts (people, DingTalk / webhook channels) must be added by hand.
 */
function setContactGroups(ctx: TransformContext): void {
  const actions = getAttribute(ctx.plan.original, "alarm_actions");
  const topics = [...new Set(actions ? findReferences(actions.expr).filter((r) => r.root === "aws_sns_topic" && r.steps[0]?.kind === "attr").map((r) => (r.steps[0] as { name: string }).name) : [])];
  const groups = topics.length > 0 ? topics.map((t) => contactGroupForTopic(ctx, t)) : [defaultContactGroup(ctx)];
  setAttribute(ctx.block, "contact_groups", `[${groups.map((g) => `${g}.alarm_contact_group_name`).join(", ")}]`);
  const other = actions ? findReferences(actions.expr).some((r) => r.root !== "aws_sns_topic") : false;
  ctx.change({ argument: "alarm_actions", kind: "note", to: "contact_groups", severity: "warning", reason: `CloudMonitor notifies contact groups, not SNS topics: the alarm notifies ${groups.join(", ")}, which has no contacts yet.${other ? " Some actions were not SNS topics (e.g. Auto Scaling policies) and were not carried over." : ""}`, action: "Add the people or channels (alicloud_cms_alarm_contact: email, DingTalk, webhook) to the contact group; to keep messages flowing to a queue or function, add a targets block (MNS topic ARN)." });
}

function contactGroupForTopic(ctx: TransformContext, topic: string): string {
  const plan = plansOfType(ctx, "aws_sns_topic").find((p) => p.top.name === topic);
  const name = plan ? getAttribute(plan.original, "name") : undefined;
  const spec = {
    type: "resource",
    labels: ["alicloud_cms_alarm_contact_group", topic],
    items: [
      { attr: "alarm_contact_group_name", expr: name ? exprSource(name.expr) : quote(topic) },
      { attr: "describe", expr: quote(`Notified by alarms that went to SNS topic ${topic} on AWS.`) },
    ],
  };
  return stackSingleton(ctx, spec, undefined, `contact-group:${topic}`);
}

function defaultContactGroup(ctx: TransformContext): string {
  const spec = {
    type: "resource",
    labels: ["alicloud_cms_alarm_contact_group", "alarms"],
    items: [
      { attr: "alarm_contact_group_name", expr: quote(`${stackBaseName(ctx.stack)}-alarms`) },
      { attr: "describe", expr: quote("Contact group for alarms migrated by aws2ali (the AWS alarms had no SNS actions).") },
    ],
  };
  return stackSingleton(ctx, spec, undefined, "contact-group:default");
}
