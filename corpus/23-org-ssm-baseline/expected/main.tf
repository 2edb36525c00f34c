data "alicloud_resource_manager_resource_directories" "this" {}

data "alicloud_resource_manager_accounts" "this" {}

data "alicloud_caller_identity" "shared_us" {
  provider = alicloud.us
}

locals {
  # Only active member accounts; names are normalised to kebab-case for parameter paths.
  accounts = {
    for a in [for a in data.alicloud_resource_manager_accounts.this.accounts : a if a.account_id != data.alicloud_resource_manager_resource_directories.this.directories[0].master_account_id] :
    replace(lower(a.name), " ", "-") => a if a.status == "ACTIVE"
  }
}

resource "alicloud_oos_parameter" "org_id" {
  parameter_name    = "org/id"
  type              = "String"
  value             = data.alicloud_resource_manager_resource_directories.this.directories[0].id
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

resource "alicloud_oos_parameter" "account_id" {
  for_each = local.accounts

  parameter_name    = "org/accounts/${each.key}/id"
  description       = "Account id of ${each.value.name}"
  type              = "String"
  value             = each.value.id
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

# Read-only access for the security team from anywhere in the organization.
resource "alicloud_ram_role" "org_readonly" {
  role_name = "org-readonly"
  assume_role_policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect = "Allow"
        Action = "sts:AssumeRole"
        Principal = {
          RAM = var.auditor_principals
        }
      },
    ]
  })
  tags = local.aws2ali_default_tags
}

resource "alicloud_ram_role_policy_attachment" "org_readonly" {
  role_name   = alicloud_ram_role.org_readonly.role_name
  policy_name = "ReadOnlyAccess"
  policy_type = "System"
}

module "baseline_us" {
  source = "./modules/regional-baseline"
  providers = {
    alicloud = alicloud.us
  }

  region_code       = "use1"
  org_id            = data.alicloud_resource_manager_resource_directories.this.directories[0].id
  resource_group_id = alicloud_resource_manager_resource_group.this.id
}

module "baseline_eu" {
  source = "./modules/regional-baseline"
  providers = {
    alicloud = alicloud.eu
  }

  region_code       = "euw1"
  org_id            = data.alicloud_resource_manager_resource_directories.this.directories[0].id
  resource_group_id = alicloud_resource_manager_resource_group.this.id
}

# Webhook secret for the org-level Slack notifier, encrypted with the shared key.
# The value is set out of band (aws ssm put-parameter --overwrite).
resource "alicloud_oos_secret_parameter" "notifier_webhook" {
  provider = alicloud.us

  secret_parameter_name = "org/notifier/slack-webhook"
  type                  = "Secret"
  value                 = "placeholder"
  key_id                = module.baseline_us.kms_key_arn
  resource_group_id     = alicloud_resource_manager_resource_group.this.id
  tags                  = local.aws2ali_default_tags

  lifecycle {
    ignore_changes = [value]
  }
}
