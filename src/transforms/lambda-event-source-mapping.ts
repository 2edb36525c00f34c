/**
 * aws_lambda_event_source_mapping → alicloud_fcv3_trigger.
 *
 * Lambda polls queues and streams itself; Function Compute delegates that
 * to EventBridge event streams (queues, Kafka) or to the source's own
 * trigger (Tablestore streams). The trigger's settings are one JSON
 * document (trigger_config) in FC's CreateTrigger format, built here from
 * the mapping's arguments and the block its event_source_arn names:
 * - an SQS queue (now an MNS queue) → an "eventbridge" trigger with an MNS
 *   source (format as in the provider's own acceptance tests);
 * - a DynamoDB stream (now a Tablestore table) → a "tablestore" trigger;
 * - an MSK / Kafka source → an "eventbridge" trigger with a Kafka source on
 *   an ApsaraMQ for Kafka instance aws2ali cannot create;
 * - Kinesis, Amazon MQ, DocumentDB → kept for a person.
 */

import { blocksOf, type Expr } from "../hcl/cst.js";
import { getAttribute, quote, setAttribute } from "../hcl/edit.js";
import { exprSource, staticValue } from "../hcl/value.js";
import { firstAddress } from "./aws-graph.js";
import type { TransformContext } from "./context.js";
import { keepAsManual } from "./fold.js";
import { retractChanges } from "./report-changes.js";
import { accountIdExpr, inputVariable, regionExpr } from "./retarget.js";

/** Lambda's defaults for SQS sources (AWS docs, "Using Lambda with Amazon SQS"). */
const SQS_DEFAULT_BATCH = 10;

type Source =
  | { kind: "sqs"; queueName: string; fifo: boolean }
  | { kind: "dynamodb"; table: string }
  | { kind: "kafka"; topic?: string }
  | { kind: "manual"; what: string; alternative: string; action: string };

export function lambdaEventSourceMapping(ctx: TransformContext): void {
  const o = ctx.plan.original;
  const source = readSource(ctx, getAttribute(o, "event_source_arn")?.expr);
  if (source.kind === "manual") {
    keepAsManual(ctx, { reason: `The event source is ${source.what}, which has no Function Compute trigger aws2ali can write.`, action: source.action, alternative: source.alternative, effort_hours: 2 });
    return;
  }
  setFunctionName(ctx);
  setTriggerName(ctx);
  if (source.kind === "sqs") sqsTrigger(ctx, source.queueName, source.fifo);
  else if (source.kind === "dynamodb") tablestoreTrigger(ctx, source.table);
  else kafkaTrigger(ctx, source.topic);
}

function readSource(ctx: TransformContext, arn: Expr | undefined): Source {
  if (!arn) return { kind: "manual", what: "not given (self-managed Kafka or an unknown source)", alternative: "alicloud_fcv3_trigger (trigger_type eventbridge) with a Kafka source on alicloud_alikafka_instance", action: "Migrate the Kafka cluster to ApsaraMQ for Kafka and create an eventbridge trigger with eventSourceType Kafka by hand." };
  const address = firstAddress(arn);
  const type = address?.split(".")[0];
  if (type === "aws_sqs_queue" && ctx.planOf(address!)?.rule?.to) {
    const fifo = /fifo_queue\s*=\s*true/.test(exprSource(ctx.planOf(address!)!.original));
    return { kind: "sqs", queueName: `${address}.name`, fifo };
  }
  if (type === "aws_dynamodb_table" && ctx.planOf(address!)?.rule?.to) return { kind: "dynamodb", table: address! };
  if (type === "aws_msk_cluster" || type === "aws_msk_serverless_cluster") return { kind: "kafka", ...topic(ctx) };
  if (type === "aws_kinesis_stream") return { kind: "manual", what: `the Kinesis stream ${address}`, alternative: "SLS log store + alicloud_fcv3_trigger (trigger_type log), or DataHub + an eventbridge trigger", action: "Move the producers to an SLS log store (or DataHub topic) and create a log trigger (trigger_type \"log\", source_arn acs:log:<region>:<uid>:project/<project>, trigger_config { sourceConfig { logstore }, jobConfig { maxRetryTime, triggerInterval }, logConfig, enable })." };
  if (type === "aws_mq_broker") return { kind: "manual", what: `the Amazon MQ broker ${address}`, alternative: "alicloud_fcv3_trigger (trigger_type eventbridge) with a RabbitMQ or RocketMQ source", action: "Migrate the broker to ApsaraMQ for RabbitMQ / RocketMQ and create an eventbridge trigger with that source type." };
  if (type === "aws_docdb_cluster") return { kind: "manual", what: `the DocumentDB change stream of ${address}`, alternative: "ApsaraDB for MongoDB change streams through DTS change tracking and a Kafka/EventBridge hop", action: "Use DTS change tracking on the migrated MongoDB instance, deliver to ApsaraMQ for Kafka, and trigger the function from Kafka." };
  const literal = staticValue(arn);
  if (typeof literal === "string") {
    const m = /^arn:aws[a-z-]*:sqs:[^:]+:\d*:(.+)$/.exec(literal);
    if (m) {
      ctx.change({ argument: "event_source_arn", kind: "note", severity: "warning", reason: `The queue ${m[1]} is not part of this configuration; the trigger reads the MNS queue of the same name.`, action: "Create the MNS queue (alicloud_message_service_queue) with that name in the function's region." });
      return { kind: "sqs", queueName: quote(m[1]!), fifo: m[1]!.endsWith(".fifo") };
    }
    if (/^arn:aws[a-z-]*:kafka:/.test(literal)) return { kind: "kafka", ...topic(ctx) };
  }
  return { kind: "manual", what: exprSource(arn), alternative: "alicloud_fcv3_trigger (trigger_type eventbridge, tablestore or log)", action: "Find the Alibaba Cloud counterpart of the source and create the matching FC trigger by hand." };
}

function topic(ctx: TransformContext): { topic?: string } {
  const t = getAttribute(ctx.plan.original, "topics")?.expr;
  const first = t?.type === "Tuple" ? t.elements[0] : undefined;
  return first ? { topic: exprSource(first) } : {};
}

/** function_name takes the name; Lambda accepted a name or an ARN. */
function setFunctionName(ctx: TransformContext): void {
  const fn = getAttribute(ctx.plan.original, "function_name")?.expr;
  if (!fn) return;
  const address = firstAddress(fn);
  if (address?.startsWith("aws_lambda_function.") && ctx.planOf(address)?.rule?.to) {
    const src = exprSource(fn);
    const m = /^(aws_lambda_function\.[A-Za-z0-9_-]+(?:\[[^\]]+\])?)\.[a-z_]+$/.exec(src);
    if (m) setAttribute(ctx.block, "function_name", `${m[1]}.function_name`);
    return;
  }
  const v = staticValue(fn);
  const arn = typeof v === "string" ? /^arn:aws[a-z-]*:lambda:[^:]+:\d+:function:([^:]+)/.exec(v) : null;
  if (arn) {
    setAttribute(ctx.block, "function_name", quote(arn[1]!));
    ctx.change({ argument: "function_name", kind: "value-mapped", to: JSON.stringify(arn[1]), severity: "warning", reason: "FC names the function; the Lambda ARN's function name was kept. The function is not part of this configuration.", action: "Make sure the FC function exists with that name." });
  }
}

/** FC trigger names: letters, digits, '_' and '-', starting with a letter or '_' (FC docs). */
function setTriggerName(ctx: TransformContext): void {
  const base = ctx.top.name.replace(/[^A-Za-z0-9_-]/g, "-").replace(/^[^A-Za-z_]+/, "") || "trigger";
  const count = getAttribute(ctx.plan.original, "count");
  const each = getAttribute(ctx.plan.original, "for_each");
  const expr = count ? `"${base}-\${count.index}"` : each ? `"${base}-\${each.key}"` : quote(base);
  setAttribute(ctx.block, "trigger_name", expr);
}

/** An argument of the original as HCL, or the default. */
function arg(ctx: TransformContext, name: string, fallback?: string): string | undefined {
  const a = getAttribute(ctx.plan.original, name);
  return a ? exprSource(a.expr) : fallback;
}

function retractMoved(ctx: TransformContext, names: string[]): void {
  for (const n of names) retractChanges(ctx, n);
}

// ---- SQS → MNS through EventBridge ------------------------------------------------------------------

function sqsTrigger(ctx: TransformContext, queueName: string, fifo: boolean): void {
  const enabled = arg(ctx, "enabled", "true")!;
  const batch = arg(ctx, "batch_size", String(SQS_DEFAULT_BATCH))!;
  const window = arg(ctx, "maximum_batching_window_in_seconds", "0")!;
  retractMoved(ctx, ["event_source_arn", "enabled", "batch_size", "maximum_batching_window_in_seconds", "scaling_config"]);
  setAttribute(ctx.block, "trigger_type", '"eventbridge"');
  const config = [
    "jsonencode({",
    `  triggerEnable          = ${enabled}`,
    "  asyncInvocationType    = false",
    '  eventRuleFilterPattern = "{}"',
    "  eventSourceConfig = {",
    '    eventSourceType = "MNS"',
    "    eventSourceParameters = {",
    "      sourceMNSParameters = {",
    `        QueueName      = ${queueName}`,
    "        IsBase64Decode = false",
    "      }",
    "    }",
    "  }",
    "  runOptions = {",
    '    mode = "event-streaming"',
    "    batchWindow = {",
    `      CountBasedWindow = ${batch}`,
    `      TimeBasedWindow  = ${window}`,
    "    }",
    "    retryStrategy = {",
    '      PushRetryStrategy = "BACKOFF_RETRY"',
    "    }",
    '    errorsTolerance = "ALL"',
    "  }",
    "})",
  ].join("\n");
  setAttribute(ctx.block, "trigger_config", config);
  ctx.change({ argument: "event_source_arn", kind: "moved", to: "trigger_config (eventbridge, MNS source)", severity: "info", reason: `The SQS queue is now an MNS queue; Function Compute reads it through an EventBridge event stream it creates for the trigger (trigger_type "eventbridge", eventSourceType "MNS"), in batches of up to ${batch} messages or ${window} s.`, action: "After the first apply, check the trigger's event stream in the EventBridge console (the trigger_config format follows FC's CreateTrigger API)." });
  const maxConcurrency = nested(ctx, "scaling_config", "maximum_concurrency");
  if (maxConcurrency) ctx.change({ argument: "scaling_config.maximum_concurrency", kind: "dropped", severity: "warning", reason: `EventBridge event streams have no concurrency cap per source (Lambda limited this source to ${maxConcurrency} concurrent invocations).`, action: "Cap the function instead: alicloud_fcv3_concurrency_config { reserved_concurrency } on the function." });
  if (fifo) ctx.change({ argument: "event_source_arn", kind: "note", severity: "warning", reason: "The source is a FIFO queue; EventBridge delivers MNS messages in batches without FIFO message-group ordering guarantees to the function.", action: "Check that the function tolerates reordering, or process ordered streams through ApsaraMQ for RocketMQ ordered topics." });
  failureHandling(ctx);
}

function nested(ctx: TransformContext, block: string, name: string): string | undefined {
  const b = blocksOf(ctx.plan.original.body).find((x) => x.blockType.text === block);
  const a = b ? getAttribute(b, name) : undefined;
  return a ? exprSource(a.expr) : undefined;
}

/** A destination for failed batches: EventBridge has a dead-letter queue per event stream, set by hand. */
function failureHandling(ctx: TransformContext): void {
  const dest = nested(ctx, "destination_config", "destination_arn") ?? (() => {
    const d = blocksOf(ctx.plan.original.body).find((x) => x.blockType.text === "destination_config");
    const f = d ? blocksOf(d.body).find((x) => x.blockType.text === "on_failure") : undefined;
    const a = f ? getAttribute(f, "destination_arn") : undefined;
    return a ? exprSource(a.expr) : undefined;
  })();
  if (!dest) return;
  retractChanges(ctx, "destination_config");
  ctx.change({ argument: "destination_config", kind: "dropped", severity: "warning", reason: `Failed batches went to ${dest}; EventBridge event streams send failed events to a dead-letter queue (runOptions.deadLetterQueue.Arn) instead.`, action: "Add deadLetterQueue = { Arn = \"acs:mns:<region>:<uid>:/queues/<name>\" } to runOptions in trigger_config." });
}

// ---- DynamoDB stream → Tablestore trigger ---------------------------------------------------------------

function tablestoreTrigger(ctx: TransformContext, table: string): void {
  retractMoved(ctx, ["event_source_arn", "starting_position", "batch_size", "maximum_batching_window_in_seconds", "maximum_retry_attempts", "maximum_record_age_in_seconds"]);
  setAttribute(ctx.block, "trigger_type", '"tablestore"');
  setAttribute(ctx.block, "source_arn", `"acs:ots:\${${regionExpr(ctx)}}:\${${accountIdExpr(ctx)}}:instance/\${${table}.instance_name}/table/\${${table}.table_name}"`);
  const role = inputVariable(ctx, `${ctx.top.name}_invocation_role`, `ARN of a RAM role that trusts otsaccess.aliyuncs.com and may invoke the function (fc:InvokeFunction), for the Tablestore trigger ${ctx.top.address}.`, { type: "string" });
  setAttribute(ctx.block, "invocation_role", role);
  ctx.change({ argument: "event_source_arn", kind: "moved", to: "source_arn (tablestore)", severity: "warning", reason: "The DynamoDB stream becomes a Tablestore trigger on the migrated table: Tablestore pushes the table's changes (the Stream feature must be on for the table) to the function with a RAM role that trusts otsaccess.aliyuncs.com. Batch size, window and retry settings have no trigger argument.", action: `Turn on the table's Stream in the Tablestore console (alicloud_ots_table has no stream argument), create the role and set the input variable ${ctx.top.name}_invocation_role.` });
}

// ---- Kafka → ApsaraMQ for Kafka through EventBridge ------------------------------------------------------

function kafkaTrigger(ctx: TransformContext, topicExpr: string | undefined): void {
  retractMoved(ctx, ["event_source_arn", "topics", "starting_position", "batch_size", "maximum_batching_window_in_seconds", "amazon_managed_kafka_event_source_config", "enabled"]);
  const instance = inputVariable(ctx, `${ctx.top.name}_kafka_instance_id`, `ID of the ApsaraMQ for Kafka instance that replaces the MSK cluster of ${ctx.top.address}.`, { type: "string" });
  const start = getAttribute(ctx.plan.original, "starting_position");
  const offset = start && staticValue(start.expr) === "TRIM_HORIZON" ? "earliest" : "latest";
  const group = (() => {
    const b = blocksOf(ctx.plan.original.body).find((x) => x.blockType.text === "amazon_managed_kafka_event_source_config");
    const a = b ? getAttribute(b, "consumer_group_id") : undefined;
    return a ? exprSource(a.expr) : quote(`fc-${ctx.top.name}`);
  })();
  setAttribute(ctx.block, "trigger_type", '"eventbridge"');
  setAttribute(ctx.block, "trigger_config", [
    "jsonencode({",
    `  triggerEnable          = ${arg(ctx, "enabled", "true")}`,
    "  asyncInvocationType    = false",
    '  eventRuleFilterPattern = "{}"',
    "  eventSourceConfig = {",
    '    eventSourceType = "Kafka"',
    "    eventSourceParameters = {",
    "      sourceKafkaParameters = {",
    `        InstanceId    = ${instance}`,
    `        Topic         = ${topicExpr ?? '""'}`,
    `        ConsumerGroup = ${group}`,
    `        OffsetReset   = ${quote(offset)}`,
    '        Network       = "Default"',
    "      }",
    "    }",
    "  }",
    "  runOptions = {",
    '    mode = "event-streaming"',
    "    batchWindow = {",
    `      CountBasedWindow = ${arg(ctx, "batch_size", "100")}`,
    `      TimeBasedWindow  = ${arg(ctx, "maximum_batching_window_in_seconds", "0")}`,
    "    }",
    "  }",
    "})",
  ].join("\n"));
  ctx.change({ argument: "event_source_arn", kind: "moved", to: "trigger_config (eventbridge, Kafka source)", severity: "warning", reason: "The MSK source becomes an EventBridge Kafka source on an ApsaraMQ for Kafka instance, which this configuration does not create (its id is an input variable).", action: `Migrate the cluster to ApsaraMQ for Kafka (alicloud_alikafka_instance, topics, consumer group) and set ${ctx.top.name}_kafka_instance_id; check the source parameters in the EventBridge console.` });
}
