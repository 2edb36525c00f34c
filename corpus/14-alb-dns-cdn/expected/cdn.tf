resource "alicloud_oss_bucket" "static" {
  bucket            = "storefront-static-assets"
  storage_class     = "Standard"
  redundancy_type   = "ZRS"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

resource "alicloud_oss_bucket_public_access_block" "static" {
  bucket              = alicloud_oss_bucket.static.id
  block_public_access = true
}

# aws2ali: aws_cloudfront_origin_access_control.static is not emitted as a resource: CDN reads the
#   private bucket with the l2_oss_key domain config of the distribution's CDN domain; there is no
#   access control object.
# resource "aws_cloudfront_origin_access_control" "static" {
#   name                              = "storefront-static"
#   origin_access_control_origin_type = "s3"
#   signing_behavior                  = "always"
#   signing_protocol                  = "sigv4"
# }

resource "alicloud_cdn_domain_new" "static" {
  domain_name       = "static.${var.domain}"
  scope             = "overseas"
  cdn_type          = "web"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags

  sources {
    content  = "${alicloud_oss_bucket.static.bucket}.${alicloud_oss_bucket.static.extranet_endpoint}"
    type     = "oss"
    port     = 80
    priority = 20
  }

  certificate_config {
    cert_id                   = alicloud_ssl_certificates_service_certificate.shop.id
    cert_type                 = "cas"
    cert_region               = var.aws2ali_cas_region
    server_certificate_status = "on"
  }
}

resource "alicloud_cdn_domain_config" "static_oss_auth" {
  domain_name   = alicloud_cdn_domain_new.static.domain_name
  function_name = "l2_oss_key"
  function_args {
    arg_name  = "private_oss_auth"
    arg_value = "on"
  }
}

resource "alicloud_cdn_domain_config" "static_https_force" {
  domain_name   = alicloud_cdn_domain_new.static.domain_name
  function_name = "https_force"
  function_args {
    arg_name  = "enable"
    arg_value = "on"
  }
}

resource "alicloud_cdn_domain_config" "static_gzip" {
  domain_name   = alicloud_cdn_domain_new.static.domain_name
  function_name = "gzip"
  function_args {
    arg_name  = "enable"
    arg_value = "on"
  }
}

resource "alicloud_cdn_domain_config" "static_ipv6" {
  domain_name   = alicloud_cdn_domain_new.static.domain_name
  function_name = "ipv6"
  function_args {
    arg_name  = "switch"
    arg_value = "on"
  }
  function_args {
    arg_name  = "region"
    arg_value = "*"
  }
}

# aws2ali: aws_s3_bucket_policy.static is not emitted as a resource: no statement of the bucket policy
#   can be expressed for OSS: its only statements grant access to CloudFront (a service principal);
#   Alibaba Cloud CDN reads a private OSS bucket through back-to-origin authorization (service role
#   AliyunCDNAccessingPrivateOSSRole), with no bucket policy.
# resource "aws_s3_bucket_policy" "static" {
#   bucket = aws_s3_bucket.static.id
#   policy = jsonencode({
#     Version = "2012-10-17"
#     Statement = [{
#       Sid       = "AllowCloudFront"
#       Effect    = "Allow"
#       Principal = { Service = "cloudfront.amazonaws.com" }
#       Action    = "s3:GetObject"
#       Resource  = "${aws_s3_bucket.static.arn}/*"
#       Condition = { StringEquals = { "AWS:SourceArn" = aws_cloudfront_distribution.static.arn } }
#     }]
#   })
# }
