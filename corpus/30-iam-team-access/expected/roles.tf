locals {
  leads = [for name, m in var.members : name if m.lead]
}

# Short-lived elevated access for production experiments.
resource "alicloud_ram_role" "power" {
  role_name            = "${var.team}-power"
  max_session_duration = 3600

  assume_role_policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect = "Allow"
        Action = "sts:AssumeRole"
        Principal = {
          RAM = "acs:ram::${data.alicloud_caller_identity.current.account_id}:root"
        }
        Condition = {
          Bool = {
            "acs:MFAPresent" = "true"
          }
        }
      },
      {
        Effect = "Allow"
        Action = "sts:AssumeRole"
        Principal = {
          RAM = data.alicloud_ram_roles.ml_pipeline.roles[0].arn
        }
      },
    ]
  })
  tags = local.aws2ali_default_tags
}

# aws2ali: manual — aws_iam_role_policy_attachment.power has no Alibaba Cloud translation.
# Why: None of the AWS managed policies of this for_each has a RAM system policy.
# To do: Attach the RAM system policy closest to it (RAM console → Policies, type System), or
#   translate the AWS policy's document into an alicloud_ram_policy and attach that.
# resource "aws_iam_role_policy_attachment" "power" {
#   for_each = toset([
#     "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess",
#     "arn:aws:iam::aws:policy/AmazonAthenaFullAccess",
#   ])
#
#   role       = aws_iam_role.power.name
#   policy_arn = each.value
# }

resource "alicloud_ram_role_policy_attachment" "power_team" {
  role_name   = alicloud_ram_role.power.role_name
  policy_name = alicloud_ram_policy.team.policy_name
  policy_type = "Custom"
}

# TODO(sec-884): leads should get IAM user management for the team path only.
# aws2ali: manual — aws_iam_user_policy.lead_user_admin has no Alibaba Cloud translation.
# Why: aws2ali has no mapping rule for aws_iam_user_policy yet.
# To do: Translate it by hand (see the Alibaba Cloud provider docs), or add
#   mappings/aws_iam_user_policy.yaml.
# resource "aws_iam_user_policy" "lead_user_admin" {
#   for_each = toset(local.leads)
#
#   name = "manage-team-users"
#   user = aws_iam_user.member[each.key].name
#   policy = jsonencode({
#     Version = "2012-10-17"
#     Statement = [{
#       Effect   = "Allow"
#       Action   = ["iam:GetUser", "iam:ListUsers", "iam:CreateLoginProfile", "iam:DeleteLoginProfile", "iam:DeactivateMFADevice"]
#       Resource = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:user/teams/${var.team}/*"
#     }]
#   })
# }
