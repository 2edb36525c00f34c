resource "alicloud_security_group" "rotation" {
  security_group_name = "secrets-rotation"
  description         = "Rotation Lambda: Postgres and the Secrets Manager endpoint only"
  vpc_id              = var.vpc_id
  resource_group_id   = alicloud_resource_manager_resource_group.this.id
  tags                = local.aws2ali_default_tags
}

resource "alicloud_security_group_rule" "postgres" {
  for_each = toset(each.value.cidr_block)

  security_group_id = alicloud_security_group.rotation.id
  description       = "postgres in ${each.value.availability_zone}"
  priority          = 1
  type              = "egress"
  ip_protocol       = "tcp"
  port_range        = "5432/5432"
  nic_type          = "intranet"
  policy            = "accept"
  cidr_ip           = each.value
}

resource "alicloud_security_group_rule" "https" {
  security_group_id = alicloud_security_group.rotation.id
  description       = "Secrets Manager / KMS via endpoints"
  priority          = 1
  for_each          = toset("0.0.0.0/0")
  type              = "egress"
  ip_protocol       = "tcp"
  port_range        = "443/443"
  nic_type          = "intranet"
  policy            = "accept"
  cidr_ip           = each.value
}

resource "alicloud_ram_role" "rotation" {
  role_name = "secrets-rotation-postgres"
  assume_role_policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect = "Allow"
        Action = "sts:AssumeRole"
        Principal = {
          Service = "fc.aliyuncs.com"
        }
      },
    ]
  })
  tags = local.aws2ali_default_tags
}

# aws2ali: manual — aws_iam_role_policy_attachment.rotation_vpc has no Alibaba Cloud translation.
# Why: The AWS managed policy AWSLambdaVPCAccessExecutionRole has no known RAM system policy
#   (iam-managed-policies value map).
# To do: Attach the RAM system policy closest to it (RAM console → Policies, type System), or
#   translate the AWS policy's document into an alicloud_ram_policy and attach that.
# resource "aws_iam_role_policy_attachment" "rotation_vpc" {
#   role       = aws_iam_role.rotation.name
#   policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
# }

resource "alicloud_ram_policy" "rotation" {
  policy_name = "secrets-rotation-postgres-rotate"
  policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect = "Allow"
        Action = [
          "kms:DescribeSecret",
          "kms:GetSecretValue",
          "kms:PutSecretValue",
          "kms:UpdateSecretVersionStage",
        ]
        Resource = [for s in alicloud_kms_secret.db : s.arn]
      },
      {
        Effect   = "Allow"
        Action   = "kms:GetSecretValue"
        Resource = data.alicloud_kms_secrets.master.secrets[0].arn
      },
      {
        Effect   = "Allow"
        Action   = "kms:GetRandomPassword"
        Resource = "*"
      },
      {
        Effect   = "Allow"
        Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource = alicloud_kms_key.secrets.arn
      },
    ]
  })
  rotate_strategy = "DeleteOldestNonDefaultVersionWhenLimitExceeded"
  tags            = local.aws2ali_default_tags
}

resource "alicloud_ram_role_policy_attachment" "rotation" {
  role_name   = alicloud_ram_role.rotation.role_name
  policy_name = alicloud_ram_policy.rotation.policy_name
  policy_type = "Custom"
}

resource "alicloud_log_store" "rotation" {
  logstore_name    = "aws-lambda-secrets-rotation-postgres"
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

resource "alicloud_log_store_index" "rotation" {
  project  = alicloud_log_project.this.project_name
  logstore = alicloud_log_store.rotation.logstore_name
  full_text {
    case_sensitive = false
    token          = ", '\";=()[]{}?@&<>/:\n\t\r"
  }
}

resource "alicloud_fcv3_function" "rotation" {
  function_name = "secrets-rotation-postgres"
  role          = alicloud_ram_role.rotation.arn
  runtime       = "python3.12"
  handler       = "lambda_function.lambda_handler"
  timeout       = 60
  environment_variables = {
    SECRETS_MANAGER_ENDPOINT = "https://secretsmanager.us-east-1.amazonaws.com"
    EXCLUDE_CHARACTERS       = "/@\"'\\"
  }
  memory_size       = 128
  cpu               = 0.1
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags

  vpc_config {
    vswitch_ids       = var.subnet_ids
    security_group_id = alicloud_security_group.rotation.id
    vpc_id            = var.rotation_vpc_id
  }
  code {
    oss_bucket_name = "acme-lambda-artifacts-123456789012"
    oss_object_name = var.rotation_code_s3_key
  }
  log_config {
    project                 = alicloud_log_store.rotation.project_name
    logstore                = alicloud_log_store.rotation.logstore_name
    enable_request_metrics  = true
    enable_instance_metrics = true
  }

  depends_on = [alicloud_log_store.rotation]
}

# aws2ali: manual — aws_lambda_permission.secretsmanager has no Alibaba Cloud translation.
# Why: Function Compute has no resource-based policy on functions. The service that invokes a function
#   is configured on an alicloud_fcv3_trigger (trigger_type oss, log, timer, http, mns_topic,
#   tablestore, cdn_events, eventbridge), which carries the invoking service's role (invocation_role)
#   and source (source_arn); callers from other accounts or RAM users need fc:InvokeFunction in a RAM
#   policy.
# To do: For each permission, check the AWS principal. s3.amazonaws.com → an OSS trigger (trigger_type
#   "oss", source_arn = acs:oss:<region>:<uid>:<bucket>, invocation_role trusting oss.aliyuncs.com)
#   built from the matching aws_s3_bucket_notification; events.amazonaws.com → a timer trigger
#   (schedule rules) or an EventBridge trigger; apigateway.amazonaws.com → API Gateway with a
#   FunctionCompute backend (its role); elasticloadbalancing.amazonaws.com → nothing (ALB server
#   groups of type Fc invoke directly); sns.amazonaws.com → an mns_topic trigger; logs.amazonaws.com →
#   a log trigger; another account → a RAM policy with fc:InvokeFunction on
#   acs:fc:<region>:<uid>:functions/<name>. function_url_auth_type NONE → an http trigger with
#   authType anonymous.
# resource "aws_lambda_permission" "secretsmanager" {
#   statement_id  = "AllowSecretsManager"
#   action        = "lambda:InvokeFunction"
#   function_name = aws_lambda_function.rotation.function_name
#   principal     = "secretsmanager.amazonaws.com"
# }

# The rotation template logs "setSecret: ... failed" on any step failure.
# aws2ali: manual — aws_cloudwatch_log_metric_filter.rotation_failed has no Alibaba Cloud translation.
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
# resource "aws_cloudwatch_log_metric_filter" "rotation_failed" {
#   name           = "rotation-failed"
#   log_group_name = aws_cloudwatch_log_group.rotation.name
#   pattern        = "?\"failed\" ?\"ERROR\""
#
#   metric_transformation {
#     name          = "RotationFailures"
#     namespace     = "Acme/Secrets"
#     value         = "1"
#     default_value = "0"
#   }
# }

# aws2ali: manual — aws_cloudwatch_metric_alarm.rotation_failed has no Alibaba Cloud translation.
# Why: The namespace or metric name is computed, so aws2ali cannot tell which CloudMonitor metric
#   matches.
# To do: Recreate the alert on Alibaba Cloud: for application or log-derived metrics use an SLS alert
#   (alicloud_log_alert) on the log store, or report the metric to CloudMonitor as a custom metric and
#   alarm on it (alicloud_cms_alarm with project acs_customMetric_<uid>).
# resource "aws_cloudwatch_metric_alarm" "rotation_failed" {
#   alarm_name          = "secrets-rotation-failed"
#   namespace           = "Acme/Secrets"
#   metric_name         = aws_cloudwatch_log_metric_filter.rotation_failed.metric_transformation[0].name
#   statistic           = "Sum"
#   period              = 3600
#   evaluation_periods  = 1
#   threshold           = 0
#   comparison_operator = "GreaterThanThreshold"
#   treat_missing_data  = "notBreaching"
#   alarm_actions       = ["arn:aws:sns:us-east-1:123456789012:platform-alerts"]
# }
