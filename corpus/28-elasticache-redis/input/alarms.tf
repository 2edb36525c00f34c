resource "aws_sns_topic" "redis_alarms" {
  name = "${local.name}-redis-alarms"
}

resource "aws_cloudwatch_metric_alarm" "memory" {
  alarm_name          = "${local.name}-memory"
  alarm_description   = "Sessions evict before they expire above ~80%."
  namespace           = "AWS/ElastiCache"
  metric_name         = "DatabaseMemoryUsagePercentage"
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 2
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.redis_alarms.arn]

  dimensions = {
    ReplicationGroupId = aws_elasticache_replication_group.sessions.id
  }
}

resource "aws_cloudwatch_metric_alarm" "evictions" {
  alarm_name          = "${local.name}-evictions"
  namespace           = "AWS/ElastiCache"
  metric_name         = "Evictions"
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 5
  threshold           = 100
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.redis_alarms.arn]

  dimensions = {
    CacheClusterId = "${local.name}-001"
  }
}
