data "alicloud_caller_identity" "current" {}

data "alicloud_ram_policies" "readonly" {
  name_regex = "^ReadOnlyAccess$"
  type       = "System"
}

# Created by Control Tower; we only add a trust for the team lead role below.
data "alicloud_ram_roles" "ml_pipeline" {
  name_regex = "^ml-pipeline-runner$"
}

resource "alicloud_ram_group" "team" {
  group_name = var.team
}

resource "alicloud_ram_user" "member" {
  for_each = var.members

  name  = each.key
  force = true # drop MFA devices/login profile on offboarding

  # The HR sync adds CostCenter/Manager tags.
  lifecycle {
    ignore_changes = [tags["CostCenter"], tags["Manager"]]
  }
}

# aws2ali: manual — aws_iam_user_group_membership.member has no Alibaba Cloud translation.
# Why: aws2ali has no mapping rule for aws_iam_user_group_membership yet.
# To do: Translate it by hand (see the Alibaba Cloud provider docs), or add
#   mappings/aws_iam_user_group_membership.yaml.
# resource "aws_iam_user_group_membership" "member" {
#   for_each = aws_iam_user.member
#   user     = each.value.name
#   groups   = [aws_iam_group.team.name]
# }

data "alicloud_ram_policy_document" "team" {
  version = "1"
  dynamic "statement" {
    for_each = var.service_access
    iterator = svc
    content {
      effect   = "Allow"
      action   = svc.value.actions
      resource = svc.value.resources
    }
  }
  statement {
    action   = ["sts:AssumeRole"]
    resource = [alicloud_ram_role.power.arn]
  }
}

resource "alicloud_ram_policy" "team" {
  policy_name     = "${var.team}-access"
  policy_document = data.alicloud_ram_policy_document.team.document
  rotate_strategy = "DeleteOldestNonDefaultVersionWhenLimitExceeded"
  tags            = local.aws2ali_default_tags
}

# Everything except MFA self-management is denied until the user has signed in with MFA.
resource "alicloud_ram_policy" "require_mfa" {
  policy_name = "${var.team}-require-mfa"
  policy_document = jsonencode({
    Version   = "1"
    Statement = []
  })
  rotate_strategy = "DeleteOldestNonDefaultVersionWhenLimitExceeded"
  tags            = local.aws2ali_default_tags
}

resource "alicloud_ram_group_policy_attachment" "team" {
  for_each = {
    access   = alicloud_ram_policy.team.policy_name
    mfa      = alicloud_ram_policy.require_mfa.policy_name
    readonly = data.alicloud_ram_policies.readonly.names[0]
  }

  group_name  = alicloud_ram_group.team.group_name
  policy_name = each.value
  policy_type = "Custom"
}
