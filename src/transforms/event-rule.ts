/**
 * EventBridge rules and targets → alicloud_event_bridge_rule. Alibaba keeps
 * a rule's targets inside the rule (a `targets` block each, at least one),
 * so every aws_cloudwatch_event_target is merged into the rule it names and
 * folded. Event patterns are rewritten to Alibaba's CloudEvents fields:
 * source aws.ec2 → acs.ecs …, detail-type → type, detail → data. Alibaba
 * rules match events only: a schedule-only rule (a cron / rate trigger)
 * has no alicloud_event_bridge_rule form and is left to a person.
 */

import { blocksOf, type Block, type Expr } from "../hcl/cst.js";
import { addBlock, getAttribute, quote, setAttribute } from "../hcl/edit.js";
import type { BlockSpec, ItemSpec } from "../hcl/format.js";
import { exprSource, staticValue, templateString } from "../hcl/value.js";
import { firstAddress, originalLiteral, plansOfType, refersTo } from "./aws-graph.js";
import { decide, type Plan, type TransformContext } from "./context.js";
import { foldInto, keepAsManual } from "./fold.js";
import { readHcl, readJsonTemplate, renderHcl, renderJsonHeredoc, renderJsonQuoted } from "./iam-policy-forms.js";
import { Holes, isObject, type PolicyObject, type PolicyValue } from "./ram-policy.js";
import { retractChanges } from "./report-changes.js";
import { accountIdExpr, hclKey, identifier, inputVariable, regionExpr, retractInfo, stringBody } from "./retarget.js";

/** AWS event sources → Alibaba Cloud service event sources (EventBridge "Alibaba Cloud service events"). */
const SOURCES: Record<string, string> = {
  "aws.ec2": "acs.ecs",
  "aws.s3": "acs.oss",
  "aws.autoscaling": "acs.ess",
  "aws.rds": "acs.rds",
  "aws.ecr": "acs.cr",
  "aws.eks": "acs.cs",
  "aws.lambda": "acs.fc",
  "aws.kms": "acs.kms",
  "aws.cloudwatch": "acs.cms",
  "aws.dynamodb": "acs.ots",
  "aws.sqs": "acs.mns",
  "aws.sns": "acs.mns",
  "aws.cloudtrail": "acs.actiontrail",
  "aws.elasticache": "acs.kvstore",
};

/** AWS event envelope fields → CloudEvents fields of Alibaba events. */
const FIELDS: Record<string, string> = { "detail-type": "type", detail: "data", account: "aliyunaccountid", region: "aliyunregionid", resources: "subject" };

const SCHEDULE_ACTION = 'Trigger the work on a schedule another way: for a Lambda target add alicloud_fcv3_trigger { trigger_type = "timer", trigger_config = jsonencode({ cronExpression = "<6-field cron, seconds first>", enable = true }) } on the function (rate(5 minutes) → "@every 5m", cron(0 12 * * ? *) → "0 0 12 * * *"); for other targets use a timer-triggered function that calls them.';

// ---- which rule a target belongs to -----------------------------------------------------------

/** The aws_cloudwatch_event_rule a target's `rule` names (by reference, or by its literal name). */
export function ruleOfTarget(ctx: TransformContext, target: Plan): Plan | undefined {
  const attr = getAttribute(target.original, "rule");
  const literal = attr ? staticValue(attr.expr) : undefined;
  for (const rule of plansOfType(ctx, "aws_cloudwatch_event_rule")) {
    if (!rule.rule?.to || rule.failed) continue;
    if (refersTo(attr?.expr, rule.top.address)) return rule;
    if (typeof literal === "string" && originalLiteral(rule, "name") === literal) return rule;
  }
  return undefined;
}

function isScheduleOnly(rule: Plan): boolean {
  return !getAttribute(rule.original, "event_pattern");
}

// ---- the rule -------------------------------------------------------------------------------

export function eventRule(ctx: TransformContext): void {
  const o = ctx.plan.original;
  if (isScheduleOnly(ctx.plan)) {
    const schedule = getAttribute(o, "schedule_expression");
    keepAsManual(ctx, { reason: `alicloud_event_bridge_rule matches events only; the rule runs on a schedule (${schedule ? exprSource(schedule.expr) : "no event pattern"}), which Alibaba Cloud expresses as Function Compute timer triggers.`, action: SCHEDULE_ACTION, alternative: "alicloud_fcv3_trigger (trigger_type = \"timer\")", effort_hours: 1 });
    return;
  }
  if (getAttribute(o, "schedule_expression")) {
    ctx.change({ argument: "schedule_expression", kind: "dropped", severity: "warning", reason: "The rule also runs on a schedule; Alibaba rules match events only.", action: SCHEDULE_ACTION });
    retractChanges(ctx, "schedule_expression");
  }
  if (!getAttribute(ctx.block, "rule_name")) {
    const name = quote(ctx.top.name.replace(/_/g, "-"));
    setAttribute(ctx.block, "rule_name", name);
    ctx.change({ argument: "name_prefix", kind: "note", to: name, severity: getAttribute(o, "name_prefix") ? "warning" : "info", reason: `Alibaba requires a rule name; the rule is named ${name} after the resource.`, action: "Check the name." });
  }
  const customSources = translatePattern(ctx);
  const bus = getAttribute(o, "event_bus_name");
  if (customSources.length > 0 && (!bus || staticValue(bus.expr) === "default")) {
    ctx.change({ argument: "event_bus_name", kind: "note", severity: "warning", reason: `The rule matches events your applications publish (source ${customSources.map((s) => JSON.stringify(s)).join(", ")}) on the default bus. Alibaba's default bus carries Alibaba Cloud service events; application events are published to a custom event bus.`, action: "Create an alicloud_event_bridge_event_bus, set event_bus_name to it, and make the publishers send (PutEvents) to that bus in CloudEvents form (type, data)." });
  }
  const targets = plansOfType(ctx, "aws_cloudwatch_event_target").filter((t) => ruleOfTarget(ctx, t) === ctx.plan);
  const env: TargetEnv = { region: () => regionExpr(ctx), account: () => accountIdExpr(ctx), variable: (name, description) => inputVariable(ctx, name, description, { type: "string" }) };
  const specs = targets.map((t) => describeTarget(t, env)).flatMap((d) => ("spec" in d ? [d.spec] : []));
  if (specs.length === 0) {
    keepAsManual(ctx, { reason: targets.length === 0 ? "The rule has no target in this folder, and an alicloud_event_bridge_rule needs at least one." : "None of the rule's targets has an Alibaba Cloud EventBridge target type that aws2ali can build, and an alicloud_event_bridge_rule needs at least one.", action: "Create the rule with a targets block by hand (see the report items of its targets).", alternative: "alicloud_event_bridge_rule", effort_hours: 1 });
    return;
  }
  for (const spec of specs) addBlock(ctx.block, spec);
  ctx.change({ argument: "(block)", kind: "note", severity: "info", reason: `${specs.length} target${specs.length === 1 ? "" : "s"} (${targets.filter((t) => "spec" in describeTarget(t, DRY)).map((t) => t.top.address).join(", ")}) became targets blocks of the rule: Alibaba keeps a rule's targets in the rule.` });
  decide(ctx.run, { topic: "other", summary: "Event targets live in their rule; events arrive as CloudEvents", detail: "Each aws_cloudwatch_event_target became a targets block of its alicloud_event_bridge_rule. Alibaba EventBridge delivers events in CloudEvents form: AWS's detail-type is type, detail is data, account and region are aliyunaccountid and aliyunregionid — consumers that read the whole event must read the new field names." });
}

// ---- event patterns ---------------------------------------------------------------------------

/** Rewrite filter_pattern in the form it was written in; returns the custom (application) sources it matches. */
function translatePattern(ctx: TransformContext): string[] {
  const attr = getAttribute(ctx.block, "filter_pattern");
  if (!attr) return [];
  const holes = new Holes();
  const e = attr.expr;
  let value: PolicyValue;
  let render: (v: PolicyValue) => string;
  if (e.type === "Call" && e.name === "jsonencode" && e.args.length === 1 && e.args[0]!.type === "Object") {
    value = readHcl(e.args[0]!, holes);
    render = (v) => `jsonencode(${renderHcl(v, holes)})`;
  } else if (e.type === "Template") {
    const read = readJsonTemplate(e, holes);
    if ("error" in read) {
      ctx.change({ argument: "event_pattern", kind: "note", severity: "warning", reason: `The event pattern was not rewritten: ${read.error}.`, action: "Rewrite it for Alibaba EventBridge (source acs.<service>, type, data)." });
      return [];
    }
    value = read.value;
    render = (v) => (e.heredoc ? renderJsonHeredoc(v, holes, e.open.text, e.close.text) : renderJsonQuoted(v, holes));
  } else {
    ctx.change({ argument: "event_pattern", kind: "note", severity: "warning", reason: `The event pattern is computed (${exprSource(e)}), so aws2ali cannot rewrite it.`, action: "Make sure it matches Alibaba events: source acs.<service>, type instead of detail-type, data instead of detail." });
    return [];
  }
  if (!isObject(value)) return [];
  const out: PolicyObject = {};
  const custom: string[] = [];
  let awsSource = false;
  for (const [key, v] of Object.entries(value)) {
    if (key === "source") {
      out.source = Array.isArray(v)
        ? v.map((s) => {
            if (typeof s !== "string") return s;
            if (!s.startsWith("aws.")) {
              custom.push(s);
              return s;
            }
            awsSource = true;
            const mapped = SOURCES[s];
            if (mapped) ctx.change({ argument: "event_pattern.source", kind: "value-mapped", to: JSON.stringify(mapped), severity: "info", reason: `${JSON.stringify(s)} → ${JSON.stringify(mapped)}.` });
            else ctx.change({ argument: "event_pattern.source", kind: "note", severity: "warning", reason: `No Alibaba Cloud event source is known for ${JSON.stringify(s)}.`, action: "Find the service's event source (acs.<service>) in the EventBridge console's event catalogue." });
            return mapped ?? s;
          })
        : v;
      continue;
    }
    const to = FIELDS[key] ?? key;
    out[to] = v;
    if (to !== key) ctx.change({ argument: `event_pattern.${key}`, kind: "renamed", to, severity: "info", reason: `Alibaba events are CloudEvents: ${key} is ${to}.` });
    else if (!["id", "time", "source"].includes(key)) ctx.change({ argument: `event_pattern.${key}`, kind: "note", severity: "warning", reason: `${key} is not a field of Alibaba events.`, action: "Check the field against the CloudEvents envelope Alibaba EventBridge delivers." });
  }
  if (awsSource && ("detail-type" in value || "detail" in value)) {
    const types = Array.isArray(value["detail-type"]) ? value["detail-type"].filter((t): t is string => typeof t === "string") : [];
    ctx.change({ argument: "event_pattern.detail-type", kind: "note", severity: "warning", reason: `The pattern matches AWS service events${types.length > 0 ? ` (${types.map((t) => JSON.stringify(t)).join(", ")})` : ""}; Alibaba service events have their own type names (e.g. "ecs:Instance:StateChange") and data fields.`, action: "Replace the type values and data fields with those of the Alibaba events (EventBridge console → event catalogue)." });
  }
  setAttribute(ctx.block, "filter_pattern", render(out));
  retractChanges(ctx, "event_pattern");
  return custom;
}

// ---- targets ----------------------------------------------------------------------------------

interface TargetEnv {
  region: () => string;
  account: () => string;
  variable: (name: string, description: string) => string;
}

/** Placeholders for deciding what a target becomes without emitting anything. */
const DRY: TargetEnv = { region: () => "region", account: () => "account", variable: (n) => `var.${n}` };

type Described = { spec: BlockSpec; notes: Array<{ argument: string; reason: string; action?: string; severity: "info" | "warning" }> } | { manual: { reason: string; action: string; alternative?: string; effort_hours: number } };

function param(key: string, form: string, value?: string, template?: string): ItemSpec {
  return { block: { type: "param_list", labels: [], items: [{ attr: "resource_key", expr: quote(key) }, { attr: "form", expr: quote(form) }, ...(value !== undefined ? [{ attr: "value", expr: value }] : []), ...(template !== undefined ? [{ attr: "template", expr: template }] : [])] } };
}

/** The `<address>[key]` part of `aws_sqs_queue.q[0].arn`, when the expression is a reference to `type`. */
function baseOf(e: Expr | undefined, type: string): string | undefined {
  if (!e) return undefined;
  const address = firstAddress(e);
  if (!address?.startsWith(`${type}.`)) return undefined;
  const m = /^(.*)\.(arn|id|qualified_arn)$/.exec(exprSource(e));
  return m && m[1]!.startsWith(address) ? m[1] : undefined;
}

/** AWS JSONPath into the event → the same path into Alibaba's CloudEvents event. */
function eventPath(path: string): string {
  return path.replace(/^\$\.detail-type\b/, "$.type").replace(/^\$\.detail\b/, "$.data").replace(/^\$\.account\b/, "$.aliyunaccountid").replace(/^\$\.region\b/, "$.aliyunregionid").replace(/^\$\.resources\b/, "$.subject");
}

/** The Body parameter from input / input_path / input_transformer. */
function bodyParam(t: Block, notes: Extract<Described, { spec: unknown }>["notes"]): ItemSpec {
  const input = getAttribute(t, "input");
  if (input) return param("Body", "CONSTANT", exprSource(input.expr));
  const path = getAttribute(t, "input_path");
  if (path) {
    const v = staticValue(path.expr);
    if (typeof v === "string") return param("Body", "JSONPATH", quote(eventPath(v)));
    notes.push({ argument: "input_path", severity: "warning", reason: "The input path is computed; Alibaba events put detail under data.", action: "Check the path ($.detail… → $.data…)." });
    return param("Body", "JSONPATH", exprSource(path.expr));
  }
  const tr = blocksOf(t.body).find((b) => b.blockType.text === "input_transformer");
  if (tr) {
    const paths = getAttribute(tr, "input_paths");
    const template = getAttribute(tr, "input_template");
    let value = "jsonencode({})";
    if (paths?.expr.type === "Object") {
      const holes = new Holes();
      const read = readHcl(paths.expr, holes);
      const fixed = isObject(read) ? Object.fromEntries(Object.entries(read).map(([k, v]) => [k, typeof v === "string" ? eventPath(v) : v])) : read;
      const flat = isObject(fixed) && Object.values(fixed).every((v) => typeof v === "string") ? `{ ${Object.entries(fixed).map(([k, v]) => `${hclKey(k)} = ${quote(v as string)}`).join(", ")} }` : undefined;
      value = `jsonencode(${flat && flat.length <= 100 && !holes.sources.length ? flat : renderHcl(fixed, holes)})`;
    } else if (paths) value = `jsonencode(${exprSource(paths.expr)})`;
    const text = template ? (template.expr.type === "Template" ? templateString(template.expr) : undefined) : undefined;
    let tpl: string;
    // <name> → ${name}, which HCL writes $${name} (literal text for EventBridge to fill in).
    if (text !== undefined) tpl = `"${text.split(/<([A-Za-z0-9_.-]+)>/).map((part, k) => (k % 2 === 1 ? `$\${${part}}` : stringBody(part))).join("")}"`;
    else {
      tpl = template ? exprSource(template.expr) : '""';
      notes.push({ argument: "input_transformer.input_template", severity: "warning", reason: "The input template is computed; Alibaba templates write variables as ${name}, not <name>.", action: "Rewrite the placeholders." });
    }
    if (text !== undefined && text.includes("<aws.events.")) notes.push({ argument: "input_transformer.input_template", severity: "warning", reason: "The template uses AWS's predefined variables (<aws.events.rule-name>, …), which Alibaba does not provide.", action: "Replace them with JSONPath values ($.id, $.time, …)." });
    notes.push({ argument: "input_transformer", severity: "info", reason: "The input transformer became a TEMPLATE Body parameter: input_paths are its value (paths into the CloudEvents event), <name> placeholders became ${name}." });
    return param("Body", "TEMPLATE", value, tpl);
  }
  return param("Body", "ORIGINAL");
}

/** What one aws_cloudwatch_event_target becomes: a targets block, or why it cannot be one. */
function describeTarget(target: Plan, env: TargetEnv): Described {
  const t = target.original;
  if (getAttribute(t, "count") || getAttribute(t, "for_each")) {
    return { manual: { reason: "The target is repeated (count / for_each); Alibaba keeps targets inside the rule and aws2ali does not write them as a dynamic block.", action: "Add a dynamic \"targets\" block over the same collection to the alicloud_event_bridge_rule.", alternative: "alicloud_event_bridge_rule.targets", effort_hours: 0.5 } };
  }
  const notes: Extract<Described, { spec: unknown }>["notes"] = [];
  const arn = getAttribute(t, "arn");
  const id = getAttribute(t, "target_id");
  const items: ItemSpec[] = [{ attr: "target_id", expr: id ? exprSource(id.expr) : quote(target.top.name.replace(/_/g, "-")) }];
  const literal = arn ? staticValue(arn.expr) : undefined;
  const arnParts = typeof literal === "string" ? /^arn:aws[a-z-]*:([a-z0-9-]+):[^:]*:[^:]*:(.+)$/.exec(literal) : null;
  const region = (): string => `\${${env.region()}}`;
  const account = (): string => `\${${env.account()}}`;
  const queue = baseOf(arn?.expr, "aws_sqs_queue");
  const topic = baseOf(arn?.expr, "aws_sns_topic");
  const fn = baseOf(arn?.expr, "aws_lambda_function");
  const group = baseOf(arn?.expr, "aws_cloudwatch_log_group");
  if (queue || arnParts?.[1] === "sqs") {
    const name = queue ? `${queue}.name` : quote(arnParts![2]!);
    const inName = queue ? `\${${name}}` : stringBody(arnParts![2]!);
    items.push({ attr: "type", expr: '"acs.mns.queue"' }, { attr: "endpoint", expr: `"acs:mns:${region()}:${account()}:queues/${inName}"` });
    items.push(param("queue", "CONSTANT", name), bodyParam(t, notes));
  } else if (topic || arnParts?.[1] === "sns") {
    const name = topic ? `${topic}.name` : quote(arnParts![2]!);
    const inName = topic ? `\${${name}}` : stringBody(arnParts![2]!);
    items.push({ attr: "type", expr: '"acs.mns.topic"' }, { attr: "endpoint", expr: `"acs:mns:${region()}:${account()}:topics/${inName}"` });
    items.push(param("topic", "CONSTANT", name), bodyParam(t, notes));
    notes.push({ argument: "arn", severity: "warning", reason: "The SNS topic became an acs.mns.topic target; Alibaba's documentation lists the topic target's parameters less precisely than the queue's (topic name under resource_key \"topic\").", action: "Check the target's parameters against EventBridge → Event targets → Simple Message Queue topic." });
  } else if (fn) {
    items.push({ attr: "type", expr: '"acs.fc.function"' }, { attr: "endpoint", expr: `${fn}.arn` });
    items.push(param("functionName", "CONSTANT", `${fn}.function_name`), param("Qualifier", "CONSTANT", '"LATEST"'), param("InvocationType", "CONSTANT", '"Async"'), bodyParam(t, notes));
    notes.push({ argument: "arn", severity: "warning", reason: "The Lambda function became an acs.fc.function target (endpoint = the Function Compute function's ARN, invoked asynchronously as EventBridge invokes Lambda). The function receives the event in CloudEvents form.", action: "Check the endpoint format for Function Compute 3.0 functions, and adapt the handler to the CloudEvents fields (data, type)." });
  } else if (group) {
    const store = group.replace(/^aws_cloudwatch_log_group\./, "alicloud_log_store.");
    const role = env.variable(`aws2ali_${identifier(target.top.address)}_sls_role_name`, `RAM role EventBridge assumes to write to SLS for ${target.top.address} (an AliyunEventBridgeSLS… role).`);
    items.push({ attr: "type", expr: '"acs.sls"' }, { attr: "endpoint", expr: `"acs:sls:${region()}:${account()}:project/\${${store}.project_name}/logstore/\${${store}.logstore_name}"` });
    items.push(param("Project", "CONSTANT", `${store}.project_name`), param("LogStore", "CONSTANT", `${store}.logstore_name`), param("ContentType", "CONSTANT", '"JSON"'), param("RoleName", "CONSTANT", role), bodyParam(t, notes));
    notes.push({ argument: "arn", severity: "warning", reason: "The CloudWatch log group became an acs.sls target writing to its log store; EventBridge needs a RAM role to write to SLS.", action: `Create the role (EventBridge console offers AliyunEventBridgeSLS…) and set ${role}.` });
  } else {
    const what = arn ? exprSource(arn.expr) : "(no arn)";
    return { manual: { reason: `The target ${what} has no Alibaba EventBridge target type aws2ali can build (it builds MNS queues and topics, Function Compute functions and SLS log stores).`, action: "Add a targets block to the alicloud_event_bridge_rule by hand: acs.eventbridge for another bus, acs.fnf for CloudFlow (Step Functions), acs.api.destination for API destinations, http/https for webhooks.", alternative: "alicloud_event_bridge_rule.targets", effort_hours: 0.5 } };
  }
  const retry = blocksOf(t.body).find((b) => b.blockType.text === "retry_policy");
  const attemptsAttr = retry ? getAttribute(retry, "maximum_retry_attempts") : undefined;
  const attempts = attemptsAttr ? staticValue(attemptsAttr.expr) : undefined;
  const strategy = typeof attempts === "number" && attempts <= 3 ? "BACKOFF_RETRY" : "EXPONENTIAL_DECAY_RETRY";
  items.push({ attr: "push_retry_strategy", expr: quote(strategy) });
  notes.push({ argument: "retry_policy", severity: "info", reason: strategy === "BACKOFF_RETRY" ? "At most 3 retries: BACKOFF_RETRY (3 retries 10–20 s apart)." : `${retry ? "The retry policy" : "AWS's default retry (24 h, 185 attempts)"} became EXPONENTIAL_DECAY_RETRY (176 retries over one day); Alibaba does not take retry counts or event ages.` });
  const dlq = blocksOf(t.body).find((b) => b.blockType.text === "dead_letter_config");
  const dlqArn = dlq ? getAttribute(dlq, "arn") : undefined;
  if (dlqArn) {
    const q = baseOf(dlqArn.expr, "aws_sqs_queue");
    if (q) items.push({ block: { type: "dead_letter_queue", labels: [], items: [{ attr: "arn", expr: `"acs:mns:${region()}:${account()}:queues/\${${q}.name}"` }] } });
    else notes.push({ argument: "dead_letter_config", severity: "warning", reason: `The dead-letter queue ${exprSource(dlqArn.expr)} is not an SQS queue of this folder.`, action: "Add dead_letter_queue { arn = \"acs:mns:<region>:<uid>:queues/<name>\" } to the targets block." });
  }
  return { spec: { type: "targets", labels: [], items }, notes };
}

// ---- the folded target --------------------------------------------------------------------------

/** aws_cloudwatch_event_target: a targets block of its rule (built by the rule's transform). */
export function eventTargetIntoRule(ctx: TransformContext): void {
  const rule = ruleOfTarget(ctx, ctx.plan);
  if (!rule) {
    keepAsManual(ctx, { reason: "The target's rule is not an aws_cloudwatch_event_rule translated in this folder, and Alibaba keeps targets inside the alicloud_event_bridge_rule resource.", action: "Add the target as a targets block of the alicloud_event_bridge_rule that manages the rule.", alternative: "alicloud_event_bridge_rule.targets", effort_hours: 0.5 });
    return;
  }
  if (isScheduleOnly(rule)) {
    keepAsManual(ctx, { reason: `Its rule ${rule.top.address} runs on a schedule, which alicloud_event_bridge_rule cannot do.`, action: SCHEDULE_ACTION, alternative: "alicloud_fcv3_trigger (trigger_type = \"timer\")", effort_hours: 0.5 });
    return;
  }
  const d = describeTarget(ctx.plan, DRY);
  if ("manual" in d) {
    keepAsManual(ctx, d.manual);
    return;
  }
  retractInfo(ctx, ["rule", "event_bus_name", "target_id", "arn", "input", "input_path", "input_transformer", "dead_letter_config", "retry_policy"]);
  for (const n of d.notes) ctx.change({ argument: n.argument, kind: "note", severity: n.severity, reason: n.reason, ...(n.action ? { action: n.action } : {}) });
  const target = rule.target!.names.join(".");
  ctx.change({ argument: "(block)", kind: "moved", to: `${target}.targets`, severity: "info", reason: `The target is a targets block of ${target}: Alibaba keeps a rule's targets in the rule.` });
  foldInto(ctx, target, `it is a targets block of ${target}; Alibaba keeps a rule's targets in the rule.`);
}
