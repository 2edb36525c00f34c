# Product images and static frontend assets, served through CloudFront.
# The bucket itself is private; CloudFront reads it via Origin Access Control.

resource "alicloud_oss_bucket" "assets" {
  bucket            = "acme-${local.name}-assets"
  tags              = merge(local.aws2ali_default_tags, merge(module.tags.tags, { DataClass = "public" }))
  storage_class     = "Standard"
  redundancy_type   = "ZRS"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
}

resource "alicloud_oss_bucket_versioning" "assets" {
  bucket = alicloud_oss_bucket.assets.id
  status = "Enabled"
}

resource "alicloud_oss_bucket_server_side_encryption" "assets" {
  bucket        = alicloud_oss_bucket.assets.id
  sse_algorithm = "AES256"
}

resource "alicloud_oss_bucket_public_access_block" "assets" {
  bucket              = alicloud_oss_bucket.assets.id
  block_public_access = true
}

# aws2ali: aws_s3_bucket_policy.assets is not emitted as a resource: no statement of the bucket policy
#   can be expressed for OSS: its only statements grant access to CloudFront (a service principal);
#   Alibaba Cloud CDN reads a private OSS bucket through back-to-origin authorization (service role
#   AliyunCDNAccessingPrivateOSSRole), with no bucket policy.
# resource "aws_s3_bucket_policy" "assets" {
#   bucket = aws_s3_bucket.assets.id
#   policy = jsonencode({
#     Version = "2012-10-17"
#     Statement = [{
#       Sid       = "AllowCloudFrontOAC"
#       Effect    = "Allow"
#       Principal = { Service = "cloudfront.amazonaws.com" }
#       Action    = "s3:GetObject"
#       Resource  = "${aws_s3_bucket.assets.arn}/*"
#       Condition = { StringEquals = { "AWS:SourceArn" = aws_cloudfront_distribution.cdn.arn } }
#     }]
#   })
# }

# aws2ali: manual — aws_cloudfront_origin_access_control.assets has no Alibaba Cloud translation.
# Why: Alibaba Cloud CDN reads private OSS buckets through a per-domain back-to-origin authorization
#   setting (a CDN domain config), authorized by a service role, not through a reusable access-control
#   object; the bucket policy that granted cloudfront.amazonaws.com has no counterpart either.
# To do: On each CDN domain whose OSS source was private, enable private OSS back-to-origin
#   authorization (console, or alicloud_cdn_domain_config with the OSS authorization function - the
#   cloudfront-distribution transform emits it when it can) and authorize the CDN service role
#   (AliyunCDNAccessingPrivateOSSRole) once. Remove the bucket policy statement that allowed
#   CloudFront and keep the bucket private.
# resource "aws_cloudfront_origin_access_control" "assets" {
#   name                              = "${local.name}-assets"
#   origin_access_control_origin_type = "s3"
#   signing_behavior                  = "always"
#   signing_protocol                  = "sigv4"
# }

# aws2ali: manual — aws_cloudfront_distribution.cdn has no Alibaba Cloud translation.
# Why: The distribution has no aliases: it is served only under its *.cloudfront.net name. Alibaba
#   Cloud CDN accelerates a domain of your own (there is no provider-assigned domain to serve under),
#   so there is nothing to create until a domain is chosen.
# To do: Pick a domain (e.g. static.<your domain>), create alicloud_cdn_domain_new { domain_name,
#   cdn_type = "web", scope, sources { content = <bucket>.<oss endpoint>, type = "oss", port = 80 } }
#   with a certificate, point a CNAME at its cname, and replace the *.cloudfront.net URL in clients;
#   for a private bucket add the l2_oss_key domain config. Or serve the bucket directly from OSS.
# resource "aws_cloudfront_distribution" "cdn" {
#   enabled         = true
#   is_ipv6_enabled = true
#   comment         = "${local.name} static assets"
#   price_class     = "PriceClass_100" # NA + EU only; most customers are there
#
#   origin {
#     origin_id                = "assets"
#     domain_name              = aws_s3_bucket.assets.bucket_regional_domain_name
#     origin_access_control_id = aws_cloudfront_origin_access_control.assets.id
#   }
#
#   default_cache_behavior {
#     target_origin_id       = "assets"
#     viewer_protocol_policy = "redirect-to-https"
#     allowed_methods        = ["GET", "HEAD"]
#     cached_methods         = ["GET", "HEAD"]
#     # AWS managed "CachingOptimized" policy.
#     cache_policy_id = "658327ea-f89d-4fab-a63d-7e88639e58f6"
#   }
#
#   restrictions {
#     geo_restriction {
#       restriction_type = "none"
#     }
#   }
#
#   # TODO(WEB-1432): switch to the shop.example.com ACM certificate (+ WAF web ACL).
#   viewer_certificate {
#     cloudfront_default_certificate = true
#   }
# }
