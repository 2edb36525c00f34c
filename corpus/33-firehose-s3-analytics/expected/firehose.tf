data "alicloud_ram_policy_document" "firehose_assume" {
  version = "1"
}

data "alicloud_ram_policy_document" "firehose" {
  version = "1"
  statement {
    action = [
      "oss:AbortMultipartUpload",
      "oss:GetBucketLocation",
      "oss:GetObject",
      "oss:ListObjects",
      "oss:ListMultipartUploads",
      "oss:PutObject",
    ]
    resource = ["acs:oss:*:*:${alicloud_oss_bucket.events.bucket}", "acs:oss:*:*:${alicloud_oss_bucket.events.bucket}/*"]
  }
  statement {
    action   = ["kms:GenerateDataKey", "kms:Decrypt"]
    resource = [alicloud_kms_key.clickstream.arn]
  }
  statement {
    action   = ["fc:InvokeFunction", "fc:GetFunctionConfiguration"]
    resource = [var.transform_function_arn]
  }
  statement {
    action = ["log:PostLogStoreLogs"]
    resource = [
      "acs:log:*:*:project/${alicloud_log_store.firehose.project_name}/logstore/${alicloud_log_store.firehose.logstore_name}:*",
    ]
  }
}

resource "alicloud_ram_role" "firehose" {
  role_name                   = "clickstream-firehose"
  assume_role_policy_document = data.alicloud_ram_policy_document.firehose_assume.document
  tags                        = local.aws2ali_default_tags
}

resource "alicloud_ram_policy" "firehose" {
  policy_name     = "clickstream-firehose-deliver"
  policy_document = data.alicloud_ram_policy_document.firehose.document
  rotate_strategy = "DeleteOldestNonDefaultVersionWhenLimitExceeded"
  tags            = local.aws2ali_default_tags
}

resource "alicloud_ram_role_policy_attachment" "firehose" {
  role_name   = alicloud_ram_role.firehose.role_name
  policy_name = alicloud_ram_policy.firehose.policy_name
  policy_type = "Custom"
}

resource "alicloud_log_store" "firehose" {
  logstore_name    = "aws-kinesisfirehose-clickstream"
  retention_period = 14
  project_name     = alicloud_log_project.this.project_name
}

resource "alicloud_log_project" "this" {
  project_name      = "stack-logs-${data.alicloud_caller_identity.current.account_id}"
  description       = "Log stores migrated from CloudWatch Logs by aws2ali."
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

resource "alicloud_log_store_index" "firehose" {
  project  = alicloud_log_project.this.project_name
  logstore = alicloud_log_store.firehose.logstore_name
  full_text {
    case_sensitive = false
    token          = ", '\";=()[]{}?@&<>/:\n\t\r"
  }
}

# aws2ali: manual — aws_cloudwatch_log_stream.delivery has no Alibaba Cloud translation.
# Why: aws2ali has no mapping rule for aws_cloudwatch_log_stream yet.
# To do: Translate it by hand (see the Alibaba Cloud provider docs), or add
#   mappings/aws_cloudwatch_log_stream.yaml.
# resource "aws_cloudwatch_log_stream" "delivery" {
#   for_each       = var.sources
#   name           = "${each.key}-S3Delivery"
#   log_group_name = aws_cloudwatch_log_group.firehose.name
# }

# aws2ali: manual — aws_kinesis_firehose_delivery_stream.clickstream has no Alibaba Cloud translation.
# Why: Firehose (buffered delivery of records to S3, Redshift, OpenSearch, Splunk or HTTP endpoints,
#   with optional Lambda transformation) has no one-resource equivalent. The nearest Alibaba design is
#   data written to an SLS logstore and shipped by an SLS delivery job - alicloud_sls_oss_export_sink
#   for S3-style archives (OSS, JSON/CSV/Parquet, time-based partitioning), SLS data transformation
#   (alicloud_sls_etl) for the Lambda processor, or DataHub with connectors.
# To do: Create alicloud_log_project + alicloud_log_store as the ingestion point (producers write with
#   the SLS SDK or Logtail instead of PutRecord), then per destination - extended_s3 →
#   alicloud_sls_oss_export_sink (bucket, prefix, buffer interval/size, compression, format);
#   processing_configuration with a Lambda → alicloud_sls_etl or an FC log trigger;
#   opensearch/elasticsearch → an Elasticsearch ingestion pipeline (Logstash) or SLS's own search;
#   redshift/snowflake/splunk/http_endpoint → custom delivery (FC log trigger). Kinesis-stream sources
#   follow the aws_kinesis_stream translation.
# resource "aws_kinesis_firehose_delivery_stream" "clickstream" {
#   for_each    = var.sources
#   name        = "clickstream-${each.key}"
#   destination = "extended_s3"
#
#   server_side_encryption {
#     enabled  = true
#     key_type = "AWS_OWNED_CMK"
#   }
#
#   extended_s3_configuration {
#     role_arn            = aws_iam_role.firehose.arn
#     bucket_arn          = aws_s3_bucket.events.arn
#     kms_key_arn         = aws_kms_key.clickstream.arn
#     buffering_size      = each.value.buffer_mb
#     buffering_interval  = each.value.buffer_seconds
#     compression_format  = "GZIP"
#     prefix              = "raw/source=${each.key}/event=!{partitionKeyFromQuery:event_type}/dt=!{timestamp:yyyy-MM-dd}/"
#     error_output_prefix = "errors/source=${each.key}/!{firehose:error-output-type}/dt=!{timestamp:yyyy-MM-dd}/"
#
#     dynamic_partitioning_configuration {
#       enabled = true
#     }
#
#     processing_configuration {
#       enabled = true
#
#       processors {
#         type = "Lambda"
#         parameters {
#           parameter_name  = "LambdaArn"
#           parameter_value = var.transform_function_arn
#         }
#       }
#
#       processors {
#         type = "MetadataExtraction"
#         parameters {
#           parameter_name  = "JsonParsingEngine"
#           parameter_value = "JQ-1.6"
#         }
#         parameters {
#           parameter_name  = "MetadataExtractionQuery"
#           parameter_value = "{event_type:.event_type}"
#         }
#       }
#     }
#
#     cloudwatch_logging_options {
#       enabled         = true
#       log_group_name  = aws_cloudwatch_log_group.firehose.name
#       log_stream_name = aws_cloudwatch_log_stream.delivery[each.key].name
#     }
#   }
#
#   depends_on = [aws_iam_role_policy.firehose]
# }

# aws2ali: manual — aws_cloudwatch_metric_alarm.freshness has no Alibaba Cloud translation.
# Why: AWS/Firehose is not a CloudWatch namespace of an AWS service that CloudMonitor monitors (it
#   holds custom metrics, published by an application or a log metric filter); CloudMonitor has no
#   metric DeliveryToS3.DataFreshness to alarm on.
# To do: Recreate the alert on Alibaba Cloud: for application or log-derived metrics use an SLS alert
#   (alicloud_log_alert) on the log store, or report the metric to CloudMonitor as a custom metric and
#   alarm on it (alicloud_cms_alarm with project acs_customMetric_<uid>).
# resource "aws_cloudwatch_metric_alarm" "freshness" {
#   for_each = var.sources
#
#   alarm_name          = "clickstream-${each.key}-stale"
#   namespace           = "AWS/Firehose"
#   metric_name         = "DeliveryToS3.DataFreshness"
#   statistic           = "Maximum"
#   period              = 300
#   evaluation_periods  = 3
#   threshold           = 900
#   comparison_operator = "GreaterThanThreshold"
#
#   dimensions = {
#     DeliveryStreamName = aws_kinesis_firehose_delivery_stream.clickstream[each.key].name
#   }
# }
