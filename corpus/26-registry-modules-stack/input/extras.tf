# Bits the modules don't cover.

resource "aws_kms_alias" "ledger" {
  name          = "alias/${local.name}"
  target_key_id = aws_kms_key.ledger.key_id
}

resource "aws_ecr_repository" "api" {
  name                 = "${local.name}/api"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.ledger.arn
  }
}

# Karpenter discovers subnets by tag. Keyed by AZ so the keys are known at plan time.
resource "aws_ec2_tag" "karpenter_discovery" {
  for_each = { for i, az in local.azs : az => module.vpc.private_subnets[i] }

  resource_id = each.value
  key         = "karpenter.sh/discovery"
  value       = local.name
}

# The CI deploy role gets namespace-scoped access through an access entry.
resource "aws_eks_access_entry" "ci" {
  cluster_name  = module.eks.cluster_name
  principal_arn = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/github-deploy-ledger"
}

resource "aws_iam_role" "api" {
  name = "${local.name}-api"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["sts:AssumeRole", "sts:TagSession"], Principal = { Service = "pods.eks.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy_attachment" "api_exports" {
  role       = aws_iam_role.api.name
  policy_arn = aws_iam_policy.exports_writer.arn
}

resource "aws_eks_pod_identity_association" "api" {
  cluster_name    = module.eks.cluster_name
  namespace       = "ledger"
  service_account = "ledger-api"
  role_arn        = aws_iam_role.api.arn
}
