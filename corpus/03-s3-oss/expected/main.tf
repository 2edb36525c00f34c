# Static assets bucket for the marketing site + the access-log bucket it writes to.
# Uses the AWS provider v4+ "split" style: every bucket feature is its own resource.

resource "alicloud_kms_key" "assets" {
  description            = "CMK for ${var.environment} static assets bucket"
  pending_window_in_days = 30
  automatic_rotation     = "Enabled"
  rotation_interval      = "365d"
}

resource "alicloud_oss_bucket" "logs" {
  bucket            = "acme-${var.environment}-s3-access-logs"
  storage_class     = "Standard"
  redundancy_type   = "ZRS"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
}

resource "alicloud_oss_bucket" "assets" {
  bucket            = "acme-${var.environment}-static-assets"
  tags              = { DataClass = "public", CostCenter = "marketing" }
  storage_class     = "Standard"
  redundancy_type   = "ZRS"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  lifecycle_rule {
    id      = "archive-old-builds"
    enabled = true
    prefix  = "builds/"
    transitions {
      days          = 30
      storage_class = "IA"
    }
    transitions {
      days          = 90
      storage_class = "Archive"
    }
    expiration {
      days = 365
    }
  }
}

resource "alicloud_oss_bucket_versioning" "assets" {
  bucket = alicloud_oss_bucket.assets.id
  status = "Enabled"
}

resource "alicloud_oss_bucket_server_side_encryption" "assets" {
  bucket            = alicloud_oss_bucket.assets.id
  sse_algorithm     = "KMS"
  kms_master_key_id = alicloud_kms_key.assets.arn
}

# The website is served publicly, so only ACLs are blocked; the bucket policy grants read.
resource "alicloud_oss_bucket_public_access_block" "assets" {
  bucket              = alicloud_oss_bucket.assets.id
  block_public_access = true
}

resource "alicloud_oss_bucket_acl" "assets" {
  bucket = alicloud_oss_bucket.assets.id
  acl    = "private"
}

# aws2ali: aws_s3_bucket_lifecycle_configuration.assets is not emitted as a resource: its 1 lifecycle
#   rule(s) are lifecycle_rule blocks of alicloud_oss_bucket.assets; OSS keeps lifecycle rules in the
#   bucket resource.
# resource "aws_s3_bucket_lifecycle_configuration" "assets" {
#   bucket = aws_s3_bucket.assets.id
#
#   rule {
#     id     = "archive-old-builds"
#     status = "Enabled"
#
#     filter {
#       prefix = "builds/"
#     }
#
#     transition {
#       days          = 30
#       storage_class = "STANDARD_IA"
#     }
#
#     transition {
#       days          = 90
#       storage_class = "GLACIER"
#     }
#
#     expiration {
#       days = 365
#     }
#   }
# }

resource "alicloud_oss_bucket_policy" "assets" {
  bucket = alicloud_oss_bucket.assets.id

  policy = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect    = "Allow"
        Action    = ["oss:GetObject"]
        Principal = ["*"]
        Resource  = ["acs:oss:*:*:${alicloud_oss_bucket.assets.bucket}/site/*"]
      },
      {
        Effect    = "Deny"
        Action    = "oss:*"
        Principal = ["*"]
        Resource  = ["acs:oss:*:*:${alicloud_oss_bucket.assets.bucket}", "acs:oss:*:*:${alicloud_oss_bucket.assets.bucket}/*"]
        Condition = {
          Bool = {
            "acs:SecureTransport" = "false"
          }
        }
      },
    ]
  })

  depends_on = [alicloud_oss_bucket_public_access_block.assets]
}

resource "alicloud_oss_bucket_logging" "assets" {
  bucket        = alicloud_oss_bucket.assets.id
  target_bucket = alicloud_oss_bucket.logs.id
  target_prefix = "static-assets/"
}

resource "alicloud_oss_bucket_cors" "assets" {
  bucket = alicloud_oss_bucket.assets.id

  cors_rule {
    allowed_headers = ["*"]
    allowed_methods = ["GET", "HEAD"]
    allowed_origins = ["https://www.example.com", "https://shop.example.com"]
    max_age_seconds = 3000
  }
}

resource "alicloud_oss_bucket_website" "assets" {
  bucket = alicloud_oss_bucket.assets.id

  index_document {
    suffix = "index.html"
  }

  error_document {
    key = "404.html"
  }
}

variable "environment" { default = "prod" }

output "assets_bucket_id" {
  value = alicloud_oss_bucket.assets.id
}

output "assets_bucket_arn" {
  value = "acs:oss:*:*:${alicloud_oss_bucket.assets.bucket}"
}

output "assets_bucket_regional_domain_name" {
  value = "${alicloud_oss_bucket.assets.bucket}.${alicloud_oss_bucket.assets.extranet_endpoint}"
}
