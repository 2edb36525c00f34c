# GitHub Actions deploys with short-lived credentials from OIDC; no keys.

resource "alicloud_ims_oidc_provider" "github" {
  issuer_url         = "https://token.actions.githubusercontent.com"
  client_ids         = ["sts.aliyuncs.com"]
  fingerprints       = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
  oidc_provider_name = "github"
}

data "alicloud_ram_policy_document" "github_trust" {
  version = "1"
  statement {
    effect = "Allow"
    action = ["sts:AssumeRole"]
    principal {
      entity      = "Federated"
      identifiers = [alicloud_ims_oidc_provider.github.arn]
    }
    condition {
      operator = "StringEquals"
      variable = "oidc:aud"
      values   = ["sts.aliyuncs.com"]
    }
    condition {
      operator = "StringLike"
      variable = "oidc:sub"
      values = [
        "repo:${var.github_repository}:ref:refs/heads/main",
        "repo:${var.github_repository}:environment:${var.environment}",
      ]
    }
  }
}

resource "alicloud_ram_role" "github_deploy" {
  role_name                   = "github-deploy-${var.environment}"
  assume_role_policy_document = data.alicloud_ram_policy_document.github_trust.document
  max_session_duration        = 3600
  tags                        = local.aws2ali_default_tags
}

data "alicloud_ram_policy_document" "deploy" {
  version = "1"
  statement {
    action   = ["oss:PutObject", "oss:GetObject", "oss:DeleteObject"]
    resource = ["acs:oss:*:*:${alicloud_oss_bucket.artifacts.bucket}/releases/*"]
  }
  statement {
    action   = ["ecs:Describe*", "vpc:Describe*", "ess:Describe*"]
    resource = ["*"]
  }
  statement {
    action   = ["ram:PassRole"]
    resource = [alicloud_ram_role.orders_app.arn]
  }
  statement {
    effect   = "Deny"
    action   = ["*"]
    resource = ["*"]
    condition {
      operator = "NotIpAddress"
      variable = "acs:SourceIp"
      values   = var.office_cidrs
    }
  }
}

resource "alicloud_ram_policy" "github_deploy" {
  policy_name     = "github-deploy-${var.environment}-deploy"
  policy_document = data.alicloud_ram_policy_document.deploy.document
  rotate_strategy = "DeleteOldestNonDefaultVersionWhenLimitExceeded"
  tags            = local.aws2ali_default_tags
}

resource "alicloud_ram_role_policy_attachment" "github_deploy" {
  role_name   = alicloud_ram_role.github_deploy.role_name
  policy_name = alicloud_ram_policy.github_deploy.policy_name
  policy_type = "Custom"
}

resource "alicloud_ram_role_policy_attachment" "github_deploy_readonly" {
  role_name   = alicloud_ram_role.github_deploy.role_name
  policy_name = "ReadOnlyAccess"
  policy_type = "System"
}
