locals {
  leads = [for name, m in var.members : name if m.lead]
}

# Short-lived elevated access for production experiments.
resource "aws_iam_role" "power" {
  name                 = "${var.team}-power"
  max_session_duration = 3600

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
        Condition = {
          Bool            = { "aws:MultiFactorAuthPresent" = "true" }
          NumericLessThan = { "aws:MultiFactorAuthAge" = "3600" }
          StringLike      = { "aws:PrincipalArn" = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:user/teams/${var.team}/*" }
        }
      },
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { AWS = data.aws_iam_role.ml_pipeline.arn }
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "power" {
  for_each = toset([
    "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess",
    "arn:aws:iam::aws:policy/AmazonAthenaFullAccess",
  ])

  role       = aws_iam_role.power.name
  policy_arn = each.value
}

resource "aws_iam_role_policy_attachment" "power_team" {
  role       = aws_iam_role.power.name
  policy_arn = aws_iam_policy.team.arn
}

# TODO(sec-884): leads should get IAM user management for the team path only.
resource "aws_iam_user_policy" "lead_user_admin" {
  for_each = toset(local.leads)

  name = "manage-team-users"
  user = aws_iam_user.member[each.key].name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["iam:GetUser", "iam:ListUsers", "iam:CreateLoginProfile", "iam:DeleteLoginProfile", "iam:DeactivateMFADevice"]
      Resource = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:user/teams/${var.team}/*"
    }]
  })
}
