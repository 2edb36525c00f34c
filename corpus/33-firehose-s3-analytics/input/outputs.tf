output "delivery_streams" {
  value = { for k, s in aws_kinesis_firehose_delivery_stream.clickstream : k => s.arn }
}

output "bucket" {
  value = aws_s3_bucket.events.bucket
}
