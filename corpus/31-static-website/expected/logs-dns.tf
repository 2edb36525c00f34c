resource "alicloud_oss_bucket" "logs" {
  bucket            = "${var.domain}-access-logs"
  storage_class     = "Standard"
  redundancy_type   = "ZRS"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
  lifecycle_rule {
    id      = "expire-90d"
    enabled = true
    expiration {
      days = 90
    }
  }
}

# aws2ali: manual — aws_s3_bucket_ownership_controls.logs has no Alibaba Cloud translation.
# Why: OSS has no object-ownership setting: objects in a bucket are owned by the bucket owner's
#   account, and there is no switch that disables ACLs (BucketOwnerEnforced). Object and bucket ACLs
#   remain available.
# To do: Usually nothing. To match BucketOwnerEnforced, keep the bucket ACL private
#   (alicloud_oss_bucket_acl acl = "private"), do not set object ACLs, block public access
#   (alicloud_oss_bucket_public_access_block), and grant access only through RAM / bucket policies.
# resource "aws_s3_bucket_ownership_controls" "logs" {
#   bucket = aws_s3_bucket.logs.id
#   rule {
#     object_ownership = "BucketOwnerPreferred"
#   }
# }

resource "alicloud_oss_bucket_acl" "logs" {
  bucket = alicloud_oss_bucket.logs.id
  acl    = "log-delivery-write"
}

# aws2ali: aws_s3_bucket_lifecycle_configuration.logs is not emitted as a resource: its 1 lifecycle
#   rule(s) are lifecycle_rule blocks of alicloud_oss_bucket.logs; OSS keeps lifecycle rules in the
#   bucket resource.
# resource "aws_s3_bucket_lifecycle_configuration" "logs" {
#   bucket = aws_s3_bucket.logs.id
#
#   rule {
#     id     = "expire-90d"
#     status = "Enabled"
#     filter {}
#     expiration {
#       days = 90
#     }
#   }
# }

resource "alicloud_oss_bucket_logging" "site" {
  bucket        = alicloud_oss_bucket.site.id
  target_bucket = alicloud_oss_bucket.logs.id
  target_prefix = "site/"
}

resource "alicloud_alidns_record" "site" {
  domain_name = data.alicloud_alidns_domains.main.names[0]
  rr          = var.domain == var.zone_name ? "@" : trimsuffix(var.domain, ".${var.zone_name}")
  type        = "CNAME"
  value       = var.aws2ali_aws_s3_bucket_website_configuration_site_website_domain
  ttl         = 600
}

resource "alicloud_alidns_record" "www" {
  count = var.create_www_redirect ? 1 : 0

  domain_name = data.alicloud_alidns_domains.main.names[0]
  rr          = "www.${var.domain}" == var.zone_name ? "@" : trimsuffix("www.${var.domain}", ".${var.zone_name}")
  type        = "CNAME"
  value       = var.aws2ali_aws_s3_bucket_website_configuration_www_website_domain
  ttl         = 600
}
