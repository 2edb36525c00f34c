# Logging & alerting for the checkout service.
# Retention policy (see wiki "Log retention"): debug 14d, app 90d, audit 365d + CMK.

variable "checkout_instance_id" {
  description = "Legacy checkout EC2 host (until it moves to EKS)."
  type        = string
  default     = "i-0abc1234def567890"
}

data "alicloud_caller_identity" "current" {}

resource "alicloud_kms_key" "logs" {
  description        = "CMK for audit log groups"
  automatic_rotation = "Enabled"
  rotation_interval  = "365d"

  # CloudWatch Logs must be allowed to use the key, otherwise log group creation fails.
  # aws2ali: policy removed (see aws2ali-report.md)
}

resource "alicloud_log_store" "checkout_debug" {
  logstore_name    = "acme-checkout-debug"
  retention_period = 14
  project_name     = alicloud_log_project.this.project_name
}

resource "alicloud_log_project" "this" {
  project_name      = "stack-logs-${data.alicloud_caller_identity.current.account_id}"
  description       = "Log stores migrated from CloudWatch Logs by aws2ali."
  resource_group_id = alicloud_resource_manager_resource_group.this.id
}

resource "alicloud_log_store_index" "checkout_debug" {
  project  = alicloud_log_project.this.project_name
  logstore = alicloud_log_store.checkout_debug.logstore_name
  full_text {
    case_sensitive = false
    token          = ", '\";=()[]{}?@&<>/:\n\t\r"
  }
}

resource "alicloud_log_store" "checkout_app" {
  logstore_name    = "acme-checkout-app"
  retention_period = 90
  project_name     = alicloud_log_project.this.project_name
}

resource "alicloud_log_store_index" "checkout_app" {
  project  = alicloud_log_project.this.project_name
  logstore = alicloud_log_store.checkout_app.logstore_name
  full_text {
    case_sensitive = false
    token          = ", '\";=()[]{}?@&<>/:\n\t\r"
  }
}

resource "alicloud_log_store" "checkout_audit" {
  logstore_name    = "acme-checkout-audit"
  retention_period = 365
  project_name     = alicloud_log_project.this.project_name
  encrypt_conf {
    enable       = true
    encrypt_type = "default"
  }
}

resource "alicloud_log_store_index" "checkout_audit" {
  project  = alicloud_log_project.this.project_name
  logstore = alicloud_log_store.checkout_audit.logstore_name
  full_text {
    case_sensitive = false
    token          = ", '\";=()[]{}?@&<>/:\n\t\r"
  }
}

resource "alicloud_message_service_topic" "alerts" {
  topic_name = "checkout-alerts"
}

resource "alicloud_cms_alarm" "checkout_cpu_high" {
  name              = "checkout-ec2-cpu-high"
  project           = "acs_ecs_dashboard"
  metric            = "CPUUtilization"
  period            = 300
  metric_dimensions = jsonencode([{ instanceId = var.checkout_instance_id }])
  contact_groups    = [alicloud_cms_alarm_contact_group.alerts.alarm_contact_group_name]
  escalations_critical {
    statistics          = "Average"
    comparison_operator = ">"
    threshold           = "80"
    times               = 2
  }
}

resource "alicloud_cms_alarm_contact_group" "alerts" {
  alarm_contact_group_name = "checkout-alerts"
  describe                 = "Notified by alarms that went to SNS topic alerts on AWS."
}

# Turns structured "payment_failed" log lines into a custom metric.
# aws2ali: manual — aws_cloudwatch_log_metric_filter.payment_failures has no Alibaba Cloud
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
# resource "aws_cloudwatch_log_metric_filter" "payment_failures" {
#   name           = "checkout-payment-failures"
#   log_group_name = aws_cloudwatch_log_group.checkout_app.name
#   pattern        = "{ $.event = \"payment_failed\" }"
#
#   metric_transformation {
#     name          = "PaymentFailures"
#     namespace     = "Acme/Checkout"
#     value         = "1"
#     default_value = "0"
#   }
# }

# aws2ali: manual — aws_cloudwatch_metric_alarm.payment_failures has no Alibaba Cloud translation.
# Why: Acme/Checkout is not a CloudWatch namespace of an AWS service that CloudMonitor monitors (it
#   holds custom metrics, published by an application or a log metric filter); CloudMonitor has no
#   metric PaymentFailures to alarm on.
# To do: Recreate the alert on Alibaba Cloud: for application or log-derived metrics use an SLS alert
#   (alicloud_log_alert) on the log store, or report the metric to CloudMonitor as a custom metric and
#   alarm on it (alicloud_cms_alarm with project acs_customMetric_<uid>).
# resource "aws_cloudwatch_metric_alarm" "payment_failures" {
#   alarm_name          = "checkout-payment-failures"
#   alarm_description   = "More than 25 failed payments in 5 minutes - page the on-call"
#   namespace           = "Acme/Checkout"
#   metric_name         = "PaymentFailures"
#   statistic           = "Sum"
#   period              = 300
#   evaluation_periods  = 1
#   threshold           = 25
#   comparison_operator = "GreaterThanOrEqualToThreshold"
#   treat_missing_data  = "notBreaching"
#
#   alarm_actions = [aws_sns_topic.alerts.arn]
# }

output "log_group_names" {
  value = [
    alicloud_log_store.checkout_debug.logstore_name,
    alicloud_log_store.checkout_app.logstore_name,
    alicloud_log_store.checkout_audit.logstore_name,
  ]
}
