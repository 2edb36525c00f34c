# EKS control-plane logs: the name is fixed by AWS (/aws/eks/<cluster>/cluster).
# We create it ourselves so retention is not "never expire".
resource "aws_cloudwatch_log_group" "eks" {
  name              = "/aws/eks/${local.name}/cluster"
  retention_in_days = 90
}

# Fluent Bit on the nodes ships container logs here.
resource "aws_cloudwatch_log_group" "app" {
  name              = "/webshop/${var.environment}/app"
  retention_in_days = var.environment == "prod" ? 30 : 7

  tags = module.tags.tags
}

# PagerDuty subscribes to this topic (integration managed in PagerDuty, not here).
resource "aws_sns_topic" "alerts" {
  name = "${local.name}-alerts"
}

resource "aws_cloudwatch_metric_alarm" "aurora_cpu" {
  alarm_name          = "${local.name}-aurora-cpu-high"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  dimensions          = { DBClusterIdentifier = aws_rds_cluster.shop.cluster_identifier }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  threshold           = 75
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.alerts.arn]
}

# Business metric pushed by the checkout service (custom namespace).
resource "aws_cloudwatch_metric_alarm" "checkout_errors" {
  alarm_name          = "${local.name}-checkout-errors"
  namespace           = "Webshop/Checkout"
  metric_name         = "CheckoutErrors"
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 5
  threshold           = 10
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alerts.arn]
}
