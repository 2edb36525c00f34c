data "aws_organizations_organization" "this" {}

data "aws_caller_identity" "shared_us" {
  provider = aws.us
}

locals {
  # Only active member accounts; names are normalised to kebab-case for parameter paths.
  accounts = {
    for a in data.aws_organizations_organization.this.non_master_accounts :
    replace(lower(a.name), " ", "-") => a if a.status == "ACTIVE"
  }
}

resource "aws_ssm_parameter" "org_id" {
  name  = "/org/id"
  type  = "String"
  value = data.aws_organizations_organization.this.id
}

resource "aws_ssm_parameter" "account_id" {
  for_each = local.accounts

  name        = "/org/accounts/${each.key}/id"
  description = "Account id of ${each.value.name}"
  type        = "String"
  value       = each.value.id
}

# Read-only access for the security team from anywhere in the organization.
resource "aws_iam_role" "org_readonly" {
  name = "org-readonly"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = var.auditor_principals }
      Condition = { StringEquals = { "aws:PrincipalOrgID" = data.aws_organizations_organization.this.id } }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "org_readonly" {
  role       = aws_iam_role.org_readonly.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

module "baseline_us" {
  source = "./modules/regional-baseline"
  providers = {
    aws = aws.us
  }

  region_code = "use1"
  org_id      = data.aws_organizations_organization.this.id
}

module "baseline_eu" {
  source = "./modules/regional-baseline"
  providers = {
    aws = aws.eu
  }

  region_code = "euw1"
  org_id      = data.aws_organizations_organization.this.id
}

# Webhook secret for the org-level Slack notifier, encrypted with the shared key.
# The value is set out of band (aws ssm put-parameter --overwrite).
resource "aws_ssm_parameter" "notifier_webhook" {
  provider = aws.us

  name   = "/org/notifier/slack-webhook"
  type   = "SecureString"
  key_id = module.baseline_us.kms_key_arn
  value  = "placeholder"

  lifecycle {
    ignore_changes = [value]
  }
}
