data "aws_iam_policy_document" "eks_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["eks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "eks" {
  name               = "orders-eks"
  assume_role_policy = data.aws_iam_policy_document.eks_assume.json
}

resource "aws_eks_cluster" "main" {
  name     = "orders-${var.environment}"
  role_arn = aws_iam_role.eks.arn
  version  = "1.30"

  vpc_config {
    subnet_ids              = aws_subnet.private[*].id
    endpoint_private_access = true
    endpoint_public_access  = true
  }

  access_config {
    authentication_mode = "API"
  }
}

resource "aws_eks_addon" "vpc_cni" {
  cluster_name = aws_eks_cluster.main.name
  addon_name   = "vpc-cni"
}

resource "aws_eks_addon" "coredns" {
  cluster_name                = aws_eks_cluster.main.name
  addon_name                  = "coredns"
  resolve_conflicts_on_update = "OVERWRITE"
}

resource "aws_eks_addon" "kube_proxy" {
  cluster_name = aws_eks_cluster.main.name
  addon_name   = "kube-proxy"
}

resource "aws_eks_addon" "ebs_csi" {
  cluster_name             = aws_eks_cluster.main.name
  addon_name               = "aws-ebs-csi-driver"
  service_account_role_arn = aws_iam_role.eks.arn
}

resource "aws_eks_addon" "observability" {
  cluster_name = aws_eks_cluster.main.name
  addon_name   = "amazon-cloudwatch-observability"
}

resource "aws_iam_role" "developers" {
  name = "orders-developers"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
    }]
  })
}

resource "aws_eks_access_entry" "developers" {
  cluster_name  = aws_eks_cluster.main.name
  principal_arn = aws_iam_role.developers.arn
  type          = "STANDARD"
}

resource "aws_eks_access_policy_association" "developers_edit" {
  cluster_name  = aws_eks_cluster.main.name
  principal_arn = aws_iam_role.developers.arn
  policy_arn    = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy"

  access_scope {
    type       = "namespace"
    namespaces = ["orders", "orders-jobs"]
  }
}

resource "aws_eks_access_entry" "platform_admins" {
  cluster_name      = aws_eks_cluster.main.name
  principal_arn     = var.platform_admin_role_arn
  kubernetes_groups = ["system:masters"]
}
