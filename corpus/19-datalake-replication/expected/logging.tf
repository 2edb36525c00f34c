# Server access logs for every zone bucket land here.
resource "alicloud_oss_bucket" "access_logs" {
  bucket            = "${var.prefix}-access-logs-${local.account_id}"
  storage_class     = "Standard"
  redundancy_type   = "ZRS"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

# aws2ali: manual — aws_s3_bucket_ownership_controls.access_logs has no Alibaba Cloud translation.
# Why: OSS has no object-ownership setting: objects in a bucket are owned by the bucket owner's
#   account, and there is no switch that disables ACLs (BucketOwnerEnforced). Object and bucket ACLs
#   remain available.
# To do: Usually nothing. To match BucketOwnerEnforced, keep the bucket ACL private
#   (alicloud_oss_bucket_acl acl = "private"), do not set object ACLs, block public access
#   (alicloud_oss_bucket_public_access_block), and grant access only through RAM / bucket policies.
# resource "aws_s3_bucket_ownership_controls" "access_logs" {
#   bucket = aws_s3_bucket.access_logs.id
#   rule {
#     object_ownership = "BucketOwnerPreferred"
#   }
# }

resource "alicloud_oss_bucket_acl" "access_logs" {
  bucket = alicloud_oss_bucket.access_logs.id
  acl    = "log-delivery-write"
}

resource "alicloud_oss_bucket_logging" "zone" {
  for_each = alicloud_oss_bucket.zone

  bucket        = each.value.id
  target_bucket = alicloud_oss_bucket.access_logs.id
  target_prefix = "${each.key}/"
}
