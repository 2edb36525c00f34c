output "vpc_ids" {
  value = {
    primary = alicloud_vpc.primary.id
    standby = alicloud_vpc.standby.id
  }
}

output "primary_subnet_ids" {
  value = { for name, s in alicloud_vswitch.primary : name => s.id }
}

output "buckets" {
  value = [alicloud_oss_bucket.primary.bucket, alicloud_oss_bucket.standby.bucket]
}
