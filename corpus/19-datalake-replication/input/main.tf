data "aws_caller_identity" "current" {}

# The replica key is managed by the security account's baseline.
data "aws_kms_key" "replica" {
  provider = aws.replica
  key_id   = "alias/datalake-replica"
}

locals {
  account_id = data.aws_caller_identity.current.account_id
  tags = {
    DataClassification = "internal"
    Owner              = "data-platform"
    ManagedBy          = "terraform"
  }
  replicated = { for name, z in var.zones : name => z if z.replicate }
}

resource "aws_kms_key" "lake" {
  description             = "${var.prefix} primary"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "lake" {
  name          = "alias/${var.prefix}"
  target_key_id = aws_kms_key.lake.key_id
}

resource "aws_s3_bucket" "zone" {
  for_each = var.zones
  bucket   = "${var.prefix}-${each.key}-${local.account_id}"

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_s3_bucket_versioning" "zone" {
  for_each = aws_s3_bucket.zone
  bucket   = each.value.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "zone" {
  for_each = aws_s3_bucket.zone
  bucket   = each.value.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.lake.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "zone" {
  for_each = aws_s3_bucket.zone
  bucket   = each.value.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_lifecycle_configuration" "zone" {
  for_each = var.zones
  bucket   = aws_s3_bucket.zone[each.key].id

  rule {
    id     = "noncurrent"
    status = "Enabled"
    filter {}
    noncurrent_version_expiration {
      noncurrent_days = each.value.noncurrent_days
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  # One rule per storage tier the zone actually uses.
  dynamic "rule" {
    for_each = { for t, days in { STANDARD_IA = each.value.ia_after_days, GLACIER = each.value.glacier_after } : t => days if days > 0 }
    iterator = tier

    content {
      id     = "to-${lower(tier.key)}"
      status = "Enabled"
      filter {}
      transition {
        days          = tier.value
        storage_class = tier.key
      }
    }
  }

  dynamic "rule" {
    for_each = each.value.expire_after > 0 ? [each.value.expire_after] : []

    content {
      id     = "expire"
      status = "Enabled"
      filter {}
      expiration {
        days = rule.value
      }
    }
  }

  depends_on = [aws_s3_bucket_versioning.zone]
}
