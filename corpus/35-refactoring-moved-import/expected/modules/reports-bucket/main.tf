variable "name" {
  type = string
}

variable "noncurrent_days" {
  type    = number
  default = 90
}

resource "alicloud_oss_bucket" "this" {
  bucket            = var.name
  storage_class     = "Standard"
  redundancy_type   = "ZRS"
  resource_group_id = var.resource_group_id
  lifecycle_rule {
    id      = "noncurrent"
    enabled = true
    noncurrent_version_expiration {
      days = var.noncurrent_days
    }
  }

  lifecycle {
    prevent_destroy = true
  }
}

resource "alicloud_oss_bucket_versioning" "this" {
  bucket = alicloud_oss_bucket.this.id
  status = "Enabled"
}

resource "alicloud_oss_bucket_server_side_encryption" "this" {
  bucket        = alicloud_oss_bucket.this.id
  sse_algorithm = "AES256"
}

resource "alicloud_oss_bucket_public_access_block" "this" {
  bucket              = alicloud_oss_bucket.this.id
  block_public_access = true
}

# aws2ali: aws_s3_bucket_lifecycle_configuration.this is not emitted as a resource: its 1 lifecycle
#   rule(s) are lifecycle_rule blocks of alicloud_oss_bucket.this; OSS keeps lifecycle rules in the
#   bucket resource.
# resource "aws_s3_bucket_lifecycle_configuration" "this" {
#   bucket = aws_s3_bucket.this.id
#
#   rule {
#     id     = "noncurrent"
#     status = "Enabled"
#     filter {}
#     noncurrent_version_expiration {
#       noncurrent_days = var.noncurrent_days
#     }
#   }
#
#   depends_on = [aws_s3_bucket_versioning.this]
# }

output "bucket_id" {
  value = alicloud_oss_bucket.this.id
}

output "bucket_arn" {
  value = "acs:oss:*:*:${alicloud_oss_bucket.this.bucket}"
}
