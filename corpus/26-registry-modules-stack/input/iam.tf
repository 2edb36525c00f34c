data "aws_iam_policy" "readonly" {
  name = "ReadOnlyAccess"
}

resource "aws_iam_policy" "exports_writer" {
  name        = "${local.name}-exports-writer"
  description = "Month-end export job"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["s3:PutObject", "s3:GetObject"], Resource = "${module.exports_bucket.s3_bucket_arn}/*" },
      { Effect = "Allow", Action = ["kms:GenerateDataKey", "kms:Decrypt"], Resource = aws_kms_key.ledger.arn },
    ]
  })
}

# Assumed by the finance team's reporting account.
module "reporting_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-assumable-role"
  version = "~> 5.44"

  create_role       = true
  role_name         = "${local.name}-reporting"
  role_requires_mfa = false

  trusted_role_arns = ["arn:aws:iam::444455556666:root"]

  custom_role_policy_arns = [
    data.aws_iam_policy.readonly.arn,
    aws_iam_policy.exports_writer.arn,
  ]
  number_of_custom_role_policy_arns = 2
}

# Published for the app repos (they read these instead of remote state).
resource "aws_ssm_parameter" "outputs" {
  for_each = {
    "vpc-id"            = module.vpc.vpc_id
    "eks-cluster-name"  = module.eks.cluster_name
    "db-endpoint"       = module.aurora.cluster_endpoint
    "exports-bucket"    = module.exports_bucket.s3_bucket_id
    "reporting-role"    = module.reporting_role.iam_role_arn
    "eks-oidc-provider" = module.eks.oidc_provider_arn
  }

  name  = "/products/${local.name}/${each.key}"
  type  = "String"
  value = each.value
}
