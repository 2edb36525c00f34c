# Logging & alerting for the checkout service.
# Retention policy (see wiki "Log retention"): debug 14d, app 90d, audit 365d + CMK.

variable "checkout_instance_id" {
  description = "Legacy checkout EC2 host (until it moves to EKS)."
  type        = string
  default     = "i-0abc1234def567890"
}

data "aws_caller_identity" "current" {}

resource "aws_kms_key" "logs" {
  description         = "CMK for audit log groups"
  enable_key_rotation = true

  # CloudWatch Logs must be allowed to use the key, otherwise log group creation fails.
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdmin"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "CloudWatchLogs"
        Effect    = "Allow"
        Principal = { Service = "logs.us-east-1.amazonaws.com" }
        Action    = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
        Resource  = "*"
      },
    ]
  })
}

resource "aws_cloudwatch_log_group" "checkout_debug" {
  name              = "/acme/checkout/debug"
  retention_in_days = 14
}

resource "aws_cloudwatch_log_group" "checkout_app" {
  name              = "/acme/checkout/app"
  retention_in_days = 90

  tags = { Service = "checkout" }
}

resource "aws_cloudwatch_log_group" "checkout_audit" {
  name              = "/acme/checkout/audit"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.logs.arn

  tags = { Service = "checkout", Compliance = "pci" }
}

resource "aws_sns_topic" "alerts" {
  name = "checkout-alerts"
}

resource "aws_cloudwatch_metric_alarm" "checkout_cpu_high" {
  alarm_name          = "checkout-ec2-cpu-high"
  alarm_description   = "Legacy checkout host above 80% CPU for 10 minutes"
  namespace           = "AWS/EC2"
  metric_name         = "CPUUtilization"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 2
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "breaching"

  dimensions = {
    InstanceId = var.checkout_instance_id
  }

  alarm_actions = [aws_sns_topic.alerts.arn]
  ok_actions    = [aws_sns_topic.alerts.arn]
}

# Turns structured "payment_failed" log lines into a custom metric.
resource "aws_cloudwatch_log_metric_filter" "payment_failures" {
  name           = "checkout-payment-failures"
  log_group_name = aws_cloudwatch_log_group.checkout_app.name
  pattern        = "{ $.event = \"payment_failed\" }"

  metric_transformation {
    name          = "PaymentFailures"
    namespace     = "Acme/Checkout"
    value         = "1"
    default_value = "0"
  }
}

resource "aws_cloudwatch_metric_alarm" "payment_failures" {
  alarm_name          = "checkout-payment-failures"
  alarm_description   = "More than 25 failed payments in 5 minutes - page the on-call"
  namespace           = "Acme/Checkout"
  metric_name         = "PaymentFailures"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 25
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"

  alarm_actions = [aws_sns_topic.alerts.arn]
}

output "log_group_names" {
  value = [
    aws_cloudwatch_log_group.checkout_debug.name,
    aws_cloudwatch_log_group.checkout_app.name,
    aws_cloudwatch_log_group.checkout_audit.name,
  ]
}
