data "archive_file" "worker" {
  type        = "zip"
  source_dir  = "${path.module}/src/worker"
  output_path = "${path.module}/build/worker.zip"
}

resource "alicloud_message_service_queue" "orders_dlq" {
  queue_name               = "orders-dlq"
  message_retention_period = 604800
  tags                     = local.aws2ali_default_tags
}

resource "alicloud_message_service_queue" "orders" {
  queue_name         = "orders"
  visibility_timeout = 180
  tags               = local.aws2ali_default_tags
  dlq_policy {
    enabled                  = true
    dead_letter_target_queue = alicloud_message_service_queue.orders_dlq.queue_name
    max_receive_count        = 5
  }
}

data "alicloud_ram_policy_document" "lambda_assume" {
  version = "1"
  statement {
    action = ["sts:AssumeRole"]
    principal {
      entity      = "Service"
      identifiers = ["fc.aliyuncs.com"]
    }
  }
}

resource "alicloud_ram_role" "worker" {
  role_name                   = "orders-worker"
  assume_role_policy_document = data.alicloud_ram_policy_document.lambda_assume.document
  tags                        = local.aws2ali_default_tags
}

# aws2ali: manual — aws_iam_role_policy_attachment.worker_vpc has no Alibaba Cloud translation.
# Why: The AWS managed policy AWSLambdaVPCAccessExecutionRole has no known RAM system policy
#   (iam-managed-policies value map).
# To do: Attach the RAM system policy closest to it (RAM console → Policies, type System), or
#   translate the AWS policy's document into an alicloud_ram_policy and attach that.
# resource "aws_iam_role_policy_attachment" "worker_vpc" {
#   role       = aws_iam_role.worker.name
#   policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
# }

resource "alicloud_log_store" "worker" {
  logstore_name    = "aws-lambda-orders-worker"
  retention_period = 30
  project_name     = alicloud_log_project.this.project_name
}

resource "alicloud_log_store_index" "worker" {
  project  = alicloud_log_project.this.project_name
  logstore = alicloud_log_store.worker.logstore_name
  full_text {
    case_sensitive = false
    token          = ", '\";=()[]{}?@&<>/:\n\t\r"
  }
}

resource "alicloud_fcv3_function" "worker" {
  function_name = "orders-worker"
  role          = alicloud_ram_role.worker.arn
  handler       = "worker.handler"
  runtime       = "python3.12"
  memory_size   = 1024
  timeout       = 60
  environment_variables = {
    TABLE_HOST = alicloud_db_instance.orders.connection_string
    CACHE_HOST = alicloud_kvstore_instance.sessions.connection_domain
  }
  disk_size         = 10240
  cpu               = 0.6
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags

  vpc_config {
    vswitch_ids       = alicloud_vswitch.private[*].id
    security_group_id = alicloud_security_group.app.id
    vpc_id            = alicloud_vswitch.private[0].vpc_id
  }
  code {
    zip_file = filebase64(data.archive_file.worker.output_path)
  }
  log_config {
    project                 = alicloud_log_store.worker.project_name
    logstore                = alicloud_log_store.worker.logstore_name
    enable_request_metrics  = true
    enable_instance_metrics = true
  }
}

resource "alicloud_fcv3_concurrency_config" "worker" {
  function_name        = alicloud_fcv3_function.worker.function_name
  reserved_concurrency = 20
}

resource "alicloud_fcv3_trigger" "orders" {
  function_name = alicloud_fcv3_function.worker.function_name
  qualifier     = "LATEST"
  trigger_name  = "orders"
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
        CountBasedWindow = 25
        TimeBasedWindow  = 5
      }
      retryStrategy = {
        PushRetryStrategy = "BACKOFF_RETRY"
      }
      errorsTolerance = "ALL"
    }
  })
}

# aws2ali: manual — aws_lambda_permission.allow_events has no Alibaba Cloud translation.
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
# resource "aws_lambda_permission" "allow_events" {
#   statement_id  = "AllowEventBridge"
#   action        = "lambda:InvokeFunction"
#   function_name = aws_lambda_function.worker.function_name
#   principal     = "events.amazonaws.com"
# }
