resource "aws_sns_topic" "db_alarms" {
  name = "${local.name}-db-alarms"
}

locals {
  instances = merge(
    { primary = aws_db_instance.primary.identifier },
    { for i, r in aws_db_instance.replica : "replica-${i + 1}" => r.identifier },
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

resource "aws_cloudwatch_metric_alarm" "db" {
  for_each = local.alarms

  alarm_name          = "${local.name}-${each.key}"
  namespace           = "AWS/RDS"
  metric_name         = each.value.metric
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  threshold           = each.value.threshold
  comparison_operator = each.value.op
  alarm_actions       = [aws_sns_topic.db_alarms.arn]
  ok_actions          = [aws_sns_topic.db_alarms.arn]

  dimensions = {
    DBInstanceIdentifier = each.value.instance
  }
}
