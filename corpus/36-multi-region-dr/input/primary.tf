resource "aws_vpc" "primary" {
  cidr_block           = "10.40.0.0/16"
  enable_dns_hostnames = true

  tags = { Name = "ledger-${var.environment}" }
}

resource "aws_subnet" "primary" {
  for_each = var.subnets

  vpc_id     = aws_vpc.primary.id
  cidr_block = each.value

  tags = { Name = "ledger-${each.key}" }
}

resource "aws_kms_key" "primary" {
  description         = "ledger data, primary region"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "primary" {
  bucket = "acme-ledger-${var.environment}-primary"
}

resource "aws_s3_bucket_versioning" "primary" {
  bucket = aws_s3_bucket.primary.id

  versioning_configuration {
    status = "Enabled"
  }
}

# Which region serves traffic; flipped by the failover runbook.
resource "aws_ssm_parameter" "active_region" {
  name  = "/ledger/${var.environment}/active-region"
  type  = "String"
  value = var.primary_region
}
