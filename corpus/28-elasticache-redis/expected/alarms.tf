resource "alicloud_message_service_topic" "redis_alarms" {
  topic_name = "${local.name}-redis-alarms"
  tags       = local.aws2ali_default_tags
}

# aws2ali: manual — aws_cloudwatch_metric_alarm.memory has no Alibaba Cloud translation.
# Why: CloudMonitor's acs_kvstore has no metric known to match AWS/ElastiCache
#   DatabaseMemoryUsagePercentage (same meaning and unit).
# To do: Recreate the alert on Alibaba Cloud: for application or log-derived metrics use an SLS alert
#   (alicloud_log_alert) on the log store, or report the metric to CloudMonitor as a custom metric and
#   alarm on it (alicloud_cms_alarm with project acs_customMetric_<uid>).
# resource "aws_cloudwatch_metric_alarm" "memory" {
#   alarm_name          = "${local.name}-memory"
#   alarm_description   = "Sessions evict before they expire above ~80%."
#   namespace           = "AWS/ElastiCache"
#   metric_name         = "DatabaseMemoryUsagePercentage"
#   statistic           = "Maximum"
#   period              = 300
#   evaluation_periods  = 2
#   threshold           = 80
#   comparison_operator = "GreaterThanThreshold"
#   alarm_actions       = [aws_sns_topic.redis_alarms.arn]
#
#   dimensions = {
#     ReplicationGroupId = aws_elasticache_replication_group.sessions.id
#   }
# }

# aws2ali: manual — aws_cloudwatch_metric_alarm.evictions has no Alibaba Cloud translation.
# Why: CloudMonitor's acs_kvstore has no metric known to match AWS/ElastiCache Evictions (same meaning
#   and unit).
# To do: Recreate the alert on Alibaba Cloud: for application or log-derived metrics use an SLS alert
#   (alicloud_log_alert) on the log store, or report the metric to CloudMonitor as a custom metric and
#   alarm on it (alicloud_cms_alarm with project acs_customMetric_<uid>).
# resource "aws_cloudwatch_metric_alarm" "evictions" {
#   alarm_name          = "${local.name}-evictions"
#   namespace           = "AWS/ElastiCache"
#   metric_name         = "Evictions"
#   statistic           = "Sum"
#   period              = 60
#   evaluation_periods  = 5
#   threshold           = 100
#   comparison_operator = "GreaterThanThreshold"
#   treat_missing_data  = "notBreaching"
#   alarm_actions       = [aws_sns_topic.redis_alarms.arn]
#
#   dimensions = {
#     CacheClusterId = "${local.name}-001"
#   }
# }
