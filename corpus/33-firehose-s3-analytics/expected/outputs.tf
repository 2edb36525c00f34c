output "delivery_streams" {
  value = { for k, s in var.aws2ali_aws_kinesis_firehose_delivery_stream_clickstream : k => s.arn }
}

output "bucket" {
  value = alicloud_oss_bucket.events.bucket
}
