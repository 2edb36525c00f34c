data "alicloud_ram_policy_document" "assume_lambda" {
  version = "1"
  statement {
    action = ["sts:AssumeRole"]
    principal {
      entity      = "Service"
      identifiers = ["fc.aliyuncs.com"]
    }
  }
}

data "alicloud_ram_policy_document" "app" {
  version = "1"
  statement {
    action = ["ots:GetRow", "ots:PutRow", "ots:UpdateRow", "ots:GetRange"]
    resource = [
      "acs:ots:*:*:instance/${alicloud_ots_table.orders.instance_name}/table/${alicloud_ots_table.orders.table_name}",
      "acs:ots:*:*:instance/${alicloud_ots_table.orders.instance_name}/table/${alicloud_ots_table.orders.table_name}/index/*",
    ]
  }
  dynamic "statement" {
    for_each = local.queue_access
    iterator = grant
    content {
      action   = grant.value.actions
      resource = grant.value.resources
    }
  }
}

resource "alicloud_ram_role" "fn" {
  for_each = var.functions

  role_name                   = "${local.name}-${each.key}"
  assume_role_policy_document = data.alicloud_ram_policy_document.assume_lambda.document
  tags                        = local.aws2ali_default_tags
}

# aws2ali: manual — aws_iam_role_policy_attachment.basic_execution has no Alibaba Cloud translation.
# Why: The AWS managed policy AWSLambdaBasicExecutionRole has no known RAM system policy
#   (iam-managed-policies value map).
# To do: Attach the RAM system policy closest to it (RAM console → Policies, type System), or
#   translate the AWS policy's document into an alicloud_ram_policy and attach that.
# resource "aws_iam_role_policy_attachment" "basic_execution" {
#   for_each = var.functions
#
#   role       = aws_iam_role.fn[each.key].name
#   policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
# }

# TODO(orders#212): give the api function a narrower policy than the worker.
resource "alicloud_ram_policy" "app" {
  for_each = var.functions

  policy_name     = "${local.name}-${each.key}-app-access"
  policy_document = data.alicloud_ram_policy_document.app.document
  rotate_strategy = "DeleteOldestNonDefaultVersionWhenLimitExceeded"
  tags            = local.aws2ali_default_tags
}

resource "alicloud_ram_role_policy_attachment" "app" {
  for_each    = var.functions
  role_name   = alicloud_ram_role.fn[each.key].role_name
  policy_name = alicloud_ram_policy.app[each.key].policy_name
  policy_type = "Custom"
}

resource "alicloud_log_store" "fn" {
  for_each = var.functions

  logstore_name    = "aws-lambda-${local.name}-${each.key}"
  retention_period = local.is_prod ? 90 : 14
  project_name     = alicloud_log_project.this.project_name
}

resource "alicloud_log_project" "this" {
  project_name      = "stack-logs-${data.alicloud_caller_identity.current.account_id}"
  description       = "Log stores migrated from CloudWatch Logs by aws2ali."
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

resource "alicloud_log_store_index" "fn" {
  for_each = var.functions
  project  = alicloud_log_project.this.project_name
  logstore = alicloud_log_store.fn[each.key].logstore_name
  full_text {
    case_sensitive = false
    token          = ", '\";=()[]{}?@&<>/:\n\t\r"
  }
}

resource "alicloud_fcv3_function" "fn" {
  for_each = var.functions

  function_name = "${local.name}-${each.key}"
  role          = alicloud_ram_role.fn[each.key].arn
  runtime       = "python3.12"
  handler       = each.value.handler
  memory_size   = each.value.memory_size
  timeout       = each.value.timeout
  environment_variables = {
    TABLE_NAME              = alicloud_ots_table.orders.table_name
    TOPIC_ARN               = alicloud_message_service_topic.order_events.topic_name
    POWERTOOLS_SERVICE_NAME = "orders"
    AWS_ACCOUNT             = local.account_id
  }
  cpu               = min(floor(each.value.memory_size / 1024 * 20) / 20, max(ceil(each.value.memory_size / 1769 * 20) / 20, ceil(each.value.memory_size / 4096 * 20) / 20))
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags

  # Log groups first, otherwise Lambda creates them without retention.
  code {
    oss_bucket_name = var.artifact_bucket
    oss_object_name = "orders-api/${var.release}.zip"
  }
  depends_on = [alicloud_log_store.fn]
}

resource "alicloud_fcv3_trigger" "queue" {
  for_each = { for k, v in var.functions : k => v if v.from_queue }

  function_name = alicloud_fcv3_function.fn[each.key].function_name
  qualifier     = "LATEST"
  trigger_name  = "queue-${each.key}"
  trigger_type  = "eventbridge"
  trigger_config = jsonencode({
    triggerEnable          = true
    asyncInvocationType    = false
    eventRuleFilterPattern = "{}"
    eventSourceConfig = {
      eventSourceType = "MNS"
      eventSourceParameters = {
        sourceMNSParameters = {
          QueueName      = alicloud_message_service_queue.orders.queue_name
          IsBase64Decode = false
        }
      }
    }
    runOptions = {
      mode = "event-streaming"
      batchWindow = {
        CountBasedWindow = 10
        TimeBasedWindow  = 5
      }
      retryStrategy = {
        PushRetryStrategy = "BACKOFF_RETRY"
      }
      errorsTolerance = "ALL"
    }
  })
}

# aws2ali: manual — aws_lambda_permission.api_gateway has no Alibaba Cloud translation.
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
# resource "aws_lambda_permission" "api_gateway" {
#   statement_id  = "AllowHttpApiInvoke"
#   action        = "lambda:InvokeFunction"
#   function_name = aws_lambda_function.fn["api"].function_name
#   principal     = "apigateway.amazonaws.com"
#   source_arn    = "${var.api_execution_arn}/*/*/orders*"
# }
