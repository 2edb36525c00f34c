resource "alicloud_message_service_topic" "alarms" {
  topic_name = "${local.name}-alarms"
  tags       = local.aws2ali_default_tags
}

resource "alicloud_message_service_subscription" "oncall" {
  topic_name        = alicloud_message_service_topic.alarms.topic_name
  push_type         = "mail"
  endpoint          = var.alarm_email
  subscription_name = "oncall"
}

# Anything in the DLQ means an order was not processed.
# aws2ali: manual — aws_cloudwatch_metric_alarm.dlq_not_empty has no Alibaba Cloud translation.
# Why: AWS/SQS is not a CloudWatch namespace of an AWS service that CloudMonitor monitors (it holds
#   custom metrics, published by an application or a log metric filter); CloudMonitor has no metric
#   ApproximateNumberOfMessagesVisible to alarm on.
# To do: Recreate the alert on Alibaba Cloud: for application or log-derived metrics use an SLS alert
#   (alicloud_log_alert) on the log store, or report the metric to CloudMonitor as a custom metric and
#   alarm on it (alicloud_cms_alarm with project acs_customMetric_<uid>).
# resource "aws_cloudwatch_metric_alarm" "dlq_not_empty" {
#   alarm_name          = "${local.name}-dlq-not-empty"
#   namespace           = "AWS/SQS"
#   metric_name         = "ApproximateNumberOfMessagesVisible"
#   statistic           = "Maximum"
#   period              = 300
#   evaluation_periods  = 1
#   threshold           = 0
#   comparison_operator = "GreaterThanThreshold"
#   treat_missing_data  = "notBreaching"
#   alarm_actions       = [aws_sns_topic.alarms.arn]
#
#   dimensions = {
#     QueueName = aws_sqs_queue.dlq.name
#   }
# }

# aws2ali: manual — aws_cloudwatch_metric_alarm.fn_errors has no Alibaba Cloud translation.
# Why: AWS/Lambda is not a CloudWatch namespace of an AWS service that CloudMonitor monitors (it holds
#   custom metrics, published by an application or a log metric filter); CloudMonitor has no metric
#   Errors to alarm on.
# To do: Recreate the alert on Alibaba Cloud: for application or log-derived metrics use an SLS alert
#   (alicloud_log_alert) on the log store, or report the metric to CloudMonitor as a custom metric and
#   alarm on it (alicloud_cms_alarm with project acs_customMetric_<uid>).
# resource "aws_cloudwatch_metric_alarm" "fn_errors" {
#   for_each = var.functions
#
#   alarm_name          = "${local.name}-${each.key}-errors"
#   namespace           = "AWS/Lambda"
#   metric_name         = "Errors"
#   statistic           = "Sum"
#   period              = 60
#   evaluation_periods  = 5
#   datapoints_to_alarm = 3
#   threshold           = local.is_prod ? 5 : 20
#   comparison_operator = "GreaterThanOrEqualToThreshold"
#   alarm_actions       = [aws_sns_topic.alarms.arn]
#   ok_actions          = [aws_sns_topic.alarms.arn]
#
#   dimensions = {
#     FunctionName = aws_lambda_function.fn[each.key].function_name
#   }
# }

# Business signal from the api logs: structured log line {"event": "payment_declined", ...}.
# aws2ali: manual — aws_cloudwatch_log_metric_filter.payment_declined has no Alibaba Cloud
#   translation.
# Why: SLS has no resource that turns matching log lines into a metric. The usual goal (alarm when a
#   pattern appears N times) is met by an SLS alert that runs a query on the log store, and a standing
#   metric by a Scheduled SQL job writing into a MetricStore. CloudWatch filter-pattern syntax also
#   differs from the SLS query language, so the pattern has to be rewritten by hand.
# To do: Rewrite pattern as an SLS query (e.g. ERROR → `* and ERROR | select count(*) as cnt`), then
#   either (a) replace this filter and the aws_cloudwatch_metric_alarm on its metric with one
#   alicloud_sls_alert (query on alicloud_log_store.<group>, threshold on cnt, notification to the
#   alarm's contacts), or (b) add an alicloud_log_store with telemetry_type = "Metrics" and an
#   alicloud_sls_scheduled_sql job that writes the count (metric_transformation name / value) into it,
#   and alarm on that. Make sure the log store has an index (alicloud_log_store_index) for the fields
#   used.
# resource "aws_cloudwatch_log_metric_filter" "payment_declined" {
#   name           = "${local.name}-payment-declined"
#   log_group_name = aws_cloudwatch_log_group.fn["api"].name
#   pattern        = "{ $.event = \"payment_declined\" }"
#
#   metric_transformation {
#     name      = "PaymentDeclined"
#     namespace = "Orders/${var.environment}"
#     value     = "1"
#   }
# }
