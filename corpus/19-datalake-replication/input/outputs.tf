output "zone_buckets" {
  value = { for k, b in aws_s3_bucket.zone : k => b.bucket }
}

output "replica_buckets" {
  value = { for k, b in aws_s3_bucket.replica : k => b.bucket }
}

output "kms_key_arn" {
  value = aws_kms_key.lake.arn
}
