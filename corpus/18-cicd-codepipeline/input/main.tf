data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

# Created once by hand in the console (the GitHub app handshake cannot be automated).
data "aws_ssm_parameter" "github_connection" {
  name = "/delivery/codestar-connections/github"
}

# Golden base images, published by the platform team.
data "aws_ecr_repository" "base" {
  name = "platform/base-images/golang"
}

locals {
  name       = "checkout"
  account_id = data.aws_caller_identity.current.account_id
  registry   = "${local.account_id}.dkr.ecr.us-east-2.amazonaws.com"
}

resource "aws_kms_key" "delivery" {
  description             = "Artifacts and images for the ${local.name} pipeline"
  deletion_window_in_days = 30
  enable_key_rotation     = true
}

resource "aws_kms_alias" "delivery" {
  name          = "alias/${local.name}-delivery"
  target_key_id = aws_kms_key.delivery.key_id
}

resource "aws_ecr_repository" "svc" {
  for_each = var.services

  name                 = "${local.name}/${each.key}"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.delivery.arn
  }

  # Images are referenced by running deployments; never delete the repo from Terraform.
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_ecr_lifecycle_policy" "svc" {
  for_each   = aws_ecr_repository.svc
  repository = each.value.name

  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "Keep the last 50 images"
      selection    = { tagStatus = "any", countType = "imageCountMoreThan", countNumber = 50 }
      action       = { type = "expire" }
    }]
  })
}

resource "aws_s3_bucket" "artifacts" {
  bucket        = "${local.name}-pipeline-artifacts-${local.account_id}"
  force_destroy = true # artifacts are reproducible
}

resource "aws_s3_bucket_versioning" "artifacts" {
  bucket = aws_s3_bucket.artifacts.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "artifacts" {
  bucket = aws_s3_bucket.artifacts.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.delivery.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "artifacts" {
  bucket                  = aws_s3_bucket.artifacts.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
