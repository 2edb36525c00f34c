# EKS control-plane logs: the name is fixed by AWS (/aws/eks/<cluster>/cluster).
# We create it ourselves so retention is not "never expire".
resource "alicloud_log_store" "eks" {
  logstore_name    = "aws-eks-${local.name}-cluster"
  retention_period = 90
  project_name     = alicloud_log_project.this.project_name
}

data "alicloud_caller_identity" "current" {}

resource "alicloud_log_project" "this" {
  project_name      = "stack-logs-${data.alicloud_caller_identity.current.account_id}"
  description       = "Log stores migrated from CloudWatch Logs by aws2ali."
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

resource "alicloud_log_store_index" "eks" {
  project  = alicloud_log_project.this.project_name
  logstore = alicloud_log_store.eks.logstore_name
  full_text {
    case_sensitive = false
    token          = ", '\";=()[]{}?@&<>/:\n\t\r"
  }
}

# Fluent Bit on the nodes ships container logs here.
resource "alicloud_log_store" "app" {
  logstore_name    = "webshop-${var.environment}-app"
  retention_period = var.environment == "prod" ? 30 : 7
  project_name     = alicloud_log_project.this.project_name
}

resource "alicloud_log_store_index" "app" {
  project  = alicloud_log_project.this.project_name
  logstore = alicloud_log_store.app.logstore_name
  full_text {
    case_sensitive = false
    token          = ", '\";=()[]{}?@&<>/:\n\t\r"
  }
}

# PagerDuty subscribes to this topic (integration managed in PagerDuty, not here).
resource "alicloud_message_service_topic" "alerts" {
  topic_name = "${local.name}-alerts"
  tags       = local.aws2ali_default_tags
}

# aws2ali: manual — aws_cloudwatch_metric_alarm.aurora_cpu has no Alibaba Cloud translation.
# Why: CloudMonitor has no dimension matching AWS/RDS DBClusterIdentifier (an Aurora cluster: its
#   metrics live in PolarDB's namespace acs_polardb, which aws2ali does not map).
# To do: Recreate the alert on Alibaba Cloud: for application or log-derived metrics use an SLS alert
#   (alicloud_log_alert) on the log store, or report the metric to CloudMonitor as a custom metric and
#   alarm on it (alicloud_cms_alarm with project acs_customMetric_<uid>).
# resource "aws_cloudwatch_metric_alarm" "aurora_cpu" {
#   alarm_name          = "${local.name}-aurora-cpu-high"
#   namespace           = "AWS/RDS"
#   metric_name         = "CPUUtilization"
#   dimensions          = { DBClusterIdentifier = aws_rds_cluster.shop.cluster_identifier }
#   statistic           = "Average"
#   period              = 300
#   evaluation_periods  = 3
#   threshold           = 75
#   comparison_operator = "GreaterThanThreshold"
#   alarm_actions       = [aws_sns_topic.alerts.arn]
# }

# Business metric pushed by the checkout service (custom namespace).
# aws2ali: manual — aws_cloudwatch_metric_alarm.checkout_errors has no Alibaba Cloud translation.
# Why: Webshop/Checkout is not a CloudWatch namespace of an AWS service that CloudMonitor monitors (it
#   holds custom metrics, published by an application or a log metric filter); CloudMonitor has no
#   metric CheckoutErrors to alarm on.
# To do: Recreate the alert on Alibaba Cloud: for application or log-derived metrics use an SLS alert
#   (alicloud_log_alert) on the log store, or report the metric to CloudMonitor as a custom metric and
#   alarm on it (alicloud_cms_alarm with project acs_customMetric_<uid>).
# resource "aws_cloudwatch_metric_alarm" "checkout_errors" {
#   alarm_name          = "${local.name}-checkout-errors"
#   namespace           = "Webshop/Checkout"
#   metric_name         = "CheckoutErrors"
#   statistic           = "Sum"
#   period              = 60
#   evaluation_periods  = 5
#   threshold           = 10
#   comparison_operator = "GreaterThanThreshold"
#   treat_missing_data  = "notBreaching"
#   alarm_actions       = [aws_sns_topic.alerts.arn]
# }
