data "aws_caller_identity" "current" {}
data "aws_region" "current" {}

locals {
  bucket_name = "acme-clickstream-${data.aws_caller_identity.current.account_id}-${data.aws_region.current.name}"
}

resource "aws_kms_key" "clickstream" {
  description         = "Clickstream raw events"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "events" {
  bucket = local.bucket_name

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_s3_bucket_versioning" "events" {
  bucket = aws_s3_bucket.events.id
  versioning_configuration {
    status = "Suspended" # append-only data; versions only cost money
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "events" {
  bucket = aws_s3_bucket.events.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.clickstream.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "events" {
  bucket                  = aws_s3_bucket.events.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_lifecycle_configuration" "events" {
  bucket = aws_s3_bucket.events.id

  dynamic "rule" {
    for_each = var.storage_tiers
    iterator = tier

    content {
      id     = "raw-${lower(tier.key)}"
      status = "Enabled"
      filter {
        prefix = "raw/"
      }
      transition {
        days          = tier.value
        storage_class = tier.key
      }
    }
  }

  rule {
    id     = "raw-expire"
    status = "Enabled"
    filter {
      prefix = "raw/"
    }
    expiration {
      days = var.retention_days
    }
  }

  rule {
    id     = "errors-expire"
    status = "Enabled"
    filter {
      prefix = "errors/"
    }
    expiration {
      days = 30
    }
  }
}
