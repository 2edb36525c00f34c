# Per-region baseline for the shared-services account: a shared CMK that member
# accounts can use, and well-known SSM parameters pointing at it.

terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

variable "region_code" {
  description = "Short region code used in names, e.g. use1."
  type        = string
}

variable "org_id" {
  type = string
}

data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

resource "aws_kms_key" "this" {
  description         = "org shared key (${var.region_code})"
  enable_key_rotation = true

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdmin"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "OrgUse"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:DescribeKey"]
        Resource  = "*"
        Condition = { StringEquals = { "aws:PrincipalOrgID" = var.org_id } }
      },
    ]
  })
}

resource "aws_kms_alias" "this" {
  name          = "alias/org-shared-${var.region_code}"
  target_key_id = aws_kms_key.this.key_id
}

resource "aws_ssm_parameter" "kms_key_arn" {
  name  = "/org/shared/kms-key-arn"
  type  = "String"
  value = aws_kms_key.this.arn
}

resource "aws_iam_role" "parameter_reader" {
  name = "org-parameter-reader-${var.region_code}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "*" }
      Condition = { StringEquals = { "aws:PrincipalOrgID" = var.org_id } }
    }]
  })
}

resource "aws_iam_role_policy" "parameter_reader" {
  name = "read-org-parameters"
  role = aws_iam_role.parameter_reader.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["ssm:GetParameter", "ssm:GetParametersByPath"], Resource = "arn:aws:ssm:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:parameter/org/*" }]
  })
}

output "kms_key_arn" {
  value = aws_kms_key.this.arn
}

output "kms_alias" {
  value = aws_kms_alias.this.name
}

output "reader_role_arn" {
  value = aws_iam_role.parameter_reader.arn
}
