# Application events stream straight into the raw zone.

resource "alicloud_ram_role" "firehose" {
  role_name = "${var.prefix}-firehose"
  assume_role_policy_document = jsonencode({
    Version   = "1"
    Statement = []
  })
  tags = local.aws2ali_default_tags
}

resource "alicloud_ram_policy" "firehose" {
  policy_name = "${var.prefix}-firehose-write-raw"
  policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect = "Allow"
        Action = ["oss:PutObject", "oss:GetBucketLocation", "oss:ListObjects", "oss:AbortMultipartUpload"]
        Resource = [
          "acs:oss:*:*:${alicloud_oss_bucket.zone["raw"].bucket}",
          "acs:oss:*:*:${alicloud_oss_bucket.zone["raw"].bucket}/*",
        ]
      },
      {
        Effect   = "Allow"
        Action   = ["kms:GenerateDataKey", "kms:Decrypt"]
        Resource = alicloud_kms_key.lake.arn
      },
    ]
  })
  rotate_strategy = "DeleteOldestNonDefaultVersionWhenLimitExceeded"
  tags            = local.aws2ali_default_tags
}

resource "alicloud_ram_role_policy_attachment" "firehose" {
  role_name   = alicloud_ram_role.firehose.role_name
  policy_name = alicloud_ram_policy.firehose.policy_name
  policy_type = "Custom"
}

# aws2ali: manual — aws_kinesis_firehose_delivery_stream.app_events has no Alibaba Cloud translation.
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
# resource "aws_kinesis_firehose_delivery_stream" "app_events" {
#   name        = "${var.prefix}-app-events"
#   destination = "extended_s3"
#
#   extended_s3_configuration {
#     role_arn            = aws_iam_role.firehose.arn
#     bucket_arn          = aws_s3_bucket.zone["raw"].arn
#     kms_key_arn         = aws_kms_key.lake.arn
#     prefix              = "app-events/dt=!{timestamp:yyyy-MM-dd}/"
#     error_output_prefix = "app-events-errors/!{firehose:error-output-type}/"
#     buffering_size      = 128
#     buffering_interval  = 900
#     compression_format  = "GZIP"
#   }
# }

# Every zone carries a README so people browsing the console know the rules.
resource "alicloud_oss_bucket_object" "zone_readme" {
  for_each = alicloud_oss_bucket.zone

  bucket       = each.value.id
  key          = "README.txt"
  content_type = "text/plain"
  content      = "Data lake ${each.key} zone. Owner: data-platform. Replicated: ${var.zones[each.key].replicate}."
}
