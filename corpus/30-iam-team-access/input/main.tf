data "aws_caller_identity" "current" {}

data "aws_iam_policy" "readonly" {
  arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

# Created by Control Tower; we only add a trust for the team lead role below.
data "aws_iam_role" "ml_pipeline" {
  name = "ml-pipeline-runner"
}

resource "aws_iam_group" "team" {
  name = var.team
  path = "/teams/"
}

resource "aws_iam_user" "member" {
  for_each = var.members

  name          = each.key
  path          = "/teams/${var.team}/"
  force_destroy = true # drop MFA devices/login profile on offboarding

  tags = {
    Email = each.value.email
    Lead  = tostring(each.value.lead)
  }

  # The HR sync adds CostCenter/Manager tags.
  lifecycle {
    ignore_changes = [tags["CostCenter"], tags["Manager"]]
  }
}

resource "aws_iam_user_group_membership" "member" {
  for_each = aws_iam_user.member
  user     = each.value.name
  groups   = [aws_iam_group.team.name]
}

data "aws_iam_policy_document" "team" {
  dynamic "statement" {
    for_each = var.service_access
    iterator = svc

    content {
      sid       = replace(title(svc.key), "-", "")
      effect    = "Allow"
      actions   = svc.value.actions
      resources = svc.value.resources
    }
  }

  statement {
    sid       = "AssumePowerRole"
    actions   = ["sts:AssumeRole"]
    resources = [aws_iam_role.power.arn]
  }
}

resource "aws_iam_policy" "team" {
  name   = "${var.team}-access"
  path   = "/teams/"
  policy = data.aws_iam_policy_document.team.json
}

# Everything except MFA self-management is denied until the user has signed in with MFA.
resource "aws_iam_policy" "require_mfa" {
  name = "${var.team}-require-mfa"
  path = "/teams/"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyWithoutMFA"
      Effect    = "Deny"
      NotAction = ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices", "iam:ResyncMFADevice", "iam:ChangePassword", "sts:GetSessionToken"]
      Resource  = "*"
      Condition = { BoolIfExists = { "aws:MultiFactorAuthPresent" = "false" } }
    }]
  })
}

resource "aws_iam_group_policy_attachment" "team" {
  for_each = {
    access   = aws_iam_policy.team.arn
    mfa      = aws_iam_policy.require_mfa.arn
    readonly = data.aws_iam_policy.readonly.arn
  }

  group      = aws_iam_group.team.name
  policy_arn = each.value
}
