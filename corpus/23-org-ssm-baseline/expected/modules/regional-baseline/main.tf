# Per-region baseline for the shared-services account: a shared CMK that member
# accounts can use, and well-known SSM parameters pointing at it.

terraform {
  required_providers {
    alicloud = {
      source  = "aliyun/alicloud"
      version = "~> 1.289"
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

data "alicloud_regions" "current" {
  current = true
}
data "alicloud_caller_identity" "current" {}

resource "alicloud_kms_key" "this" {
  description        = "org shared key (${var.region_code})"
  automatic_rotation = "Enabled"
  rotation_interval  = "365d"
}

resource "alicloud_kms_alias" "this" {
  alias_name = "alias/org-shared-${var.region_code}"
  key_id     = alicloud_kms_key.this.id
}

resource "alicloud_oos_parameter" "kms_key_arn" {
  parameter_name    = "org/shared/kms-key-arn"
  type              = "String"
  value             = alicloud_kms_key.this.arn
  resource_group_id = var.resource_group_id
}

resource "alicloud_ram_role" "parameter_reader" {
  role_name = "org-parameter-reader-${var.region_code}"
  assume_role_policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect = "Allow"
        Action = "sts:AssumeRole"
        Principal = {
          RAM = "*"
        }
      },
    ]
  })
}

resource "alicloud_ram_policy" "parameter_reader" {
  policy_name = "org-parameter-reader-${var.region_code}-read-org-parameters"
  policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["oos:GetParameter", "oos:GetParametersByPath"]
        Resource = "acs:oos:${data.alicloud_regions.current.ids[0]}:${data.alicloud_caller_identity.current.account_id}:parameter/org/*"
      },
    ]
  })
  rotate_strategy = "DeleteOldestNonDefaultVersionWhenLimitExceeded"
}

resource "alicloud_ram_role_policy_attachment" "parameter_reader" {
  role_name   = alicloud_ram_role.parameter_reader.role_name
  policy_name = alicloud_ram_policy.parameter_reader.policy_name
  policy_type = "Custom"
}

output "kms_key_arn" {
  value = alicloud_kms_key.this.arn
}

output "kms_alias" {
  value = alicloud_kms_alias.this.alias_name
}

output "reader_role_arn" {
  value = alicloud_ram_role.parameter_reader.arn
}
