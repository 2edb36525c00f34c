resource "alicloud_message_service_topic" "db_alarms" {
  topic_name = "${local.name}-db-alarms"
  tags       = local.aws2ali_default_tags
}

locals {
  instances = merge(
    { primary = alicloud_db_instance.primary.instance_name },
    { for i, r in var.aws2ali_aws_db_instance_replica : "replica-${i + 1}" => r.identifier },
  )

  # threshold per metric; replica lag only makes sense on replicas.
  alarm_defs = {
    cpu     = { metric = "CPUUtilization", threshold = 80, op = "GreaterThanThreshold", replicas_only = false }
    memory  = { metric = "FreeableMemory", threshold = 1073741824, op = "LessThanThreshold", replicas_only = false }
    latency = { metric = "ReadLatency", threshold = 0.02, op = "GreaterThanThreshold", replicas_only = false }
    lag     = { metric = "ReplicaLag", threshold = 300, op = "GreaterThanThreshold", replicas_only = true }
  }

  alarms = merge([
    for inst_key, inst_id in local.instances : {
      for alarm_key, a in local.alarm_defs : "${inst_key}-${alarm_key}" => merge(a, { instance = inst_id })
      if !a.replicas_only || inst_key != "primary"
    }
  ]...)
}

# aws2ali: manual — aws_cloudwatch_metric_alarm.db has no Alibaba Cloud translation.
# Why: The namespace or metric name is computed, so aws2ali cannot tell which CloudMonitor metric
#   matches.
# To do: Recreate the alert on Alibaba Cloud: for application or log-derived metrics use an SLS alert
#   (alicloud_log_alert) on the log store, or report the metric to CloudMonitor as a custom metric and
#   alarm on it (alicloud_cms_alarm with project acs_customMetric_<uid>).
# resource "aws_cloudwatch_metric_alarm" "db" {
#   for_each = local.alarms
#
#   alarm_name          = "${local.name}-${each.key}"
#   namespace           = "AWS/RDS"
#   metric_name         = each.value.metric
#   statistic           = "Average"
#   period              = 300
#   evaluation_periods  = 3
#   threshold           = each.value.threshold
#   comparison_operator = each.value.op
#   alarm_actions       = [aws_sns_topic.db_alarms.arn]
#   ok_actions          = [aws_sns_topic.db_alarms.arn]
#
#   dimensions = {
#     DBInstanceIdentifier = each.value.instance
#   }
# }
