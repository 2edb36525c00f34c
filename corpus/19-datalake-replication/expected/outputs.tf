output "zone_buckets" {
  value = { for k, b in alicloud_oss_bucket.zone : k => b.bucket }
}

output "replica_buckets" {
  value = { for k, b in alicloud_oss_bucket.replica : k => b.bucket }
}

output "kms_key_arn" {
  value = alicloud_kms_key.lake.arn
}
