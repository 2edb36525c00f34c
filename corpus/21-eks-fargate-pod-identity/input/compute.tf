resource "aws_iam_role" "fargate" {
  name = "${var.cluster_name}-fargate-pod-exec"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "eks-fargate-pods.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy_attachment" "fargate" {
  role       = aws_iam_role.fargate.name
  policy_arn = "${local.iam_prefix}/AmazonEKSFargatePodExecutionRolePolicy"
}

resource "aws_eks_fargate_profile" "this" {
  for_each = {
    kube-system = { namespace = "kube-system", labels = { "k8s-app" = "kube-dns" } }
    batch       = { namespace = "batch", labels = {} }
  }

  cluster_name           = aws_eks_cluster.this.name
  fargate_profile_name   = each.key
  pod_execution_role_arn = aws_iam_role.fargate.arn
  subnet_ids             = data.aws_subnets.private.ids

  selector {
    namespace = each.value.namespace
    labels    = each.value.labels
  }

  depends_on = [aws_iam_role_policy_attachment.fargate]
}

resource "aws_iam_role" "node" {
  name = "${var.cluster_name}-node"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy_attachment" "node" {
  for_each   = toset(["AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly", "AmazonSSMManagedInstanceCore"])
  role       = aws_iam_role.node.name
  policy_arn = "${local.iam_prefix}/${each.value}"
}

# IMDSv2 with hop limit 2 (pods need it) and encrypted gp3 roots for every pool.
resource "aws_launch_template" "node" {
  name_prefix = "${var.cluster_name}-node-"

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 2
  }

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 80
      volume_type = "gp3"
      encrypted   = true
    }
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_eks_node_group" "pool" {
  for_each = var.node_pools

  cluster_name    = aws_eks_cluster.this.name
  node_group_name = each.key
  node_role_arn   = aws_iam_role.node.arn
  subnet_ids      = data.aws_subnets.private.ids
  instance_types  = each.value.instance_types
  capacity_type   = each.value.capacity_type
  ami_type        = startswith(each.key, "gpu") ? "AL2_x86_64_GPU" : "AL2023_ARM_64_STANDARD"

  scaling_config {
    min_size     = each.value.min
    max_size     = each.value.max
    desired_size = max(each.value.min, 1)
  }

  labels = { pool = each.key }

  launch_template {
    id      = aws_launch_template.node.id
    version = aws_launch_template.node.latest_version
  }

  dynamic "taint" {
    for_each = each.value.taints
    iterator = t

    content {
      key    = t.value.key
      value  = t.value.value
      effect = t.value.effect
    }
  }

  update_config {
    max_unavailable_percentage = 25
  }

  # cluster-autoscaler changes desired_size.
  lifecycle {
    ignore_changes = [scaling_config[0].desired_size]
  }

  depends_on = [aws_iam_role_policy_attachment.node]
}

resource "aws_eks_addon" "this" {
  for_each = toset(["vpc-cni", "coredns", "kube-proxy", "eks-pod-identity-agent"])

  cluster_name                = aws_eks_cluster.this.name
  addon_name                  = each.key
  resolve_conflicts_on_update = "OVERWRITE"

  depends_on = [aws_eks_node_group.pool]
}

# Workload identity for the image-resizer service (namespace media).
resource "aws_iam_role" "image_resizer" {
  name = "${var.cluster_name}-media-image-resizer"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["sts:AssumeRole", "sts:TagSession"], Principal = { Service = "pods.eks.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy" "image_resizer" {
  name = "media-bucket"
  role = aws_iam_role.image_resizer.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject"], Resource = "arn:aws:s3:::acme-media-${data.aws_caller_identity.current.account_id}/*" }]
  })
}

resource "aws_eks_pod_identity_association" "image_resizer" {
  cluster_name    = aws_eks_cluster.this.name
  namespace       = "media"
  service_account = "image-resizer"
  role_arn        = aws_iam_role.image_resizer.arn

  depends_on = [aws_eks_addon.this["eks-pod-identity-agent"]]
}
