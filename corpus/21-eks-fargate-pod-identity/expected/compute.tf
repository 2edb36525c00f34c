resource "alicloud_ram_role" "fargate" {
  role_name = "${var.cluster_name}-fargate-pod-exec"
  assume_role_policy_document = jsonencode({
    Version   = "1"
    Statement = []
  })
  tags = local.aws2ali_default_tags
}

resource "alicloud_ram_role_policy_attachment" "fargate" {
  role_name   = alicloud_ram_role.fargate.role_name
  policy_name = "${local.iam_prefix}/AmazonEKSFargatePodExecutionRolePolicy"
  policy_type = "Custom"
}

# aws2ali: manual — aws_eks_fargate_profile.this has no Alibaba Cloud translation.
# Why: ACK has no Fargate-profile object. Serverless pods run on Elastic Container Instance (ECI)
#   through ACK's virtual node, and pods are steered to it by labels/annotations on the namespace or
#   pod, not by a cluster-side profile with selectors.
# To do: Install the virtual-node add-on on the cluster (alicloud_cs_kubernetes_addon, name
#   "ack-virtual-node" — confirm the name in the ACK console), give it the profile's subnets as
#   vSwitches, and label the selected namespaces (the profile's selector namespaces/labels) with
#   alibabacloud.com/eci=true. Alternatively create the cluster as ACK Serverless (profile =
#   "Serverless") if every workload ran on Fargate. The pod execution role has no counterpart (ECI
#   pulls from ACR with the cluster's credentials).
# resource "aws_eks_fargate_profile" "this" {
#   for_each = {
#     kube-system = { namespace = "kube-system", labels = { "k8s-app" = "kube-dns" } }
#     batch       = { namespace = "batch", labels = {} }
#   }
#
#   cluster_name           = aws_eks_cluster.this.name
#   fargate_profile_name   = each.key
#   pod_execution_role_arn = aws_iam_role.fargate.arn
#   subnet_ids             = data.aws_subnets.private.ids
#
#   selector {
#     namespace = each.value.namespace
#     labels    = each.value.labels
#   }
#
#   depends_on = [aws_iam_role_policy_attachment.fargate]
# }

resource "alicloud_ram_role" "node" {
  role_name = "${var.cluster_name}-node"
  assume_role_policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect = "Allow"
        Action = "sts:AssumeRole"
        Principal = {
          Service = "ecs.aliyuncs.com"
        }
      },
    ]
  })
  tags = local.aws2ali_default_tags
}

resource "alicloud_ram_role_policy_attachment" "node" {
  for_each    = toset(["AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly", "AmazonSSMManagedInstanceCore"])
  role_name   = alicloud_ram_role.node.role_name
  policy_name = "${local.iam_prefix}/${each.value}"
  policy_type = "Custom"
}

# IMDSv2 with hop limit 2 (pods need it) and encrypted gp3 roots for every pool.
resource "alicloud_ecs_launch_template" "node" {
  http_endpoint               = "enabled"
  http_tokens                 = "required"
  http_put_response_hop_limit = 2
  instance_charge_type        = "PostPaid"
  resource_group_id           = alicloud_resource_manager_resource_group.this.id
  tags                        = local.aws2ali_default_tags
  system_disk {
    category          = "cloud_essd"
    size              = 80
    performance_level = "PL1"
    encrypted         = true
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "alicloud_cs_kubernetes_node_pool" "pool" {
  for_each = var.node_pools

  cluster_id           = alicloud_cs_managed_kubernetes.this.id
  node_pool_name       = each.key
  vswitch_ids          = data.alicloud_vswitches.private.ids
  instance_types       = each.value.instance_types
  spot_strategy        = each.value.capacity_type
  image_type           = startswith(each.key, "gpu") ? "AL2_x86_64_GPU" : "AL2023_ARM_64_STANDARD"
  instance_charge_type = "PostPaid"
  system_disk_category = "cloud_essd"
  desired_size         = tostring(max(each.value.min, 1))
  resource_group_id    = alicloud_resource_manager_resource_group.this.id
  tags                 = local.aws2ali_default_tags

  scaling_config {
    min_size = each.value.min
    max_size = each.value.max
    enable   = true
  }

  dynamic "taints" {
    for_each = each.value.taints
    iterator = t

    content {
      key    = t.value.key
      value  = t.value.value
      effect = t.value.effect
    }
  }

  # cluster-autoscaler changes desired_size.
  dynamic "labels" {
    for_each = { pool = each.key }
    content {
      key   = labels.key
      value = labels.value
    }
  }
  management {
    enable = true
  }
  timeouts {
    create = "60m"
  }
  lifecycle {
    ignore_changes = [desired_size]
  }

  depends_on = [alicloud_ram_role_policy_attachment.node]
}

resource "alicloud_cs_kubernetes_addon" "this" {
  for_each = toset(["vpc-cni", "coredns", "kube-proxy", "eks-pod-identity-agent"])

  cluster_id = alicloud_cs_managed_kubernetes.this.id
  name       = each.key

  depends_on = [alicloud_cs_kubernetes_node_pool.pool]
}

# Workload identity for the image-resizer service (namespace media).
resource "alicloud_ram_role" "image_resizer" {
  role_name = "${var.cluster_name}-media-image-resizer"
  assume_role_policy_document = jsonencode({
    Version   = "1"
    Statement = []
  })
  tags = local.aws2ali_default_tags
}

resource "alicloud_ram_policy" "image_resizer" {
  policy_name = "${var.cluster_name}-media-image-resizer-media-bucket"
  policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["oss:GetObject", "oss:PutObject"]
        Resource = "acs:oss:*:*:acme-media-${data.alicloud_caller_identity.current.account_id}/*"
      },
    ]
  })
  rotate_strategy = "DeleteOldestNonDefaultVersionWhenLimitExceeded"
  tags            = local.aws2ali_default_tags
}

resource "alicloud_ram_role_policy_attachment" "image_resizer" {
  role_name   = alicloud_ram_role.image_resizer.role_name
  policy_name = alicloud_ram_policy.image_resizer.policy_name
  policy_type = "Custom"
}

# aws2ali: manual — aws_eks_pod_identity_association.image_resizer has no Alibaba Cloud translation.
# Why: ACK has no pod-identity association object. The ACK counterpart of per-service-account cloud
#   credentials is RRSA (RAM Roles for Service Accounts), which works like IRSA - the binding lives in
#   the RAM role's trust policy and in an annotation on the Kubernetes service account, not in a cloud
#   resource.
# To do: Keep enable_rrsa = true on the cluster (the eks-cluster transform sets it). In the translated
#   alicloud_ram_role of role_arn, replace the pods.eks.amazonaws.com trust with a Federated principal
#   = the cluster's rrsa_metadata[0].ram_oidc_provider_arn, action sts:AssumeRole, condition
#   StringEquals oidc:iss = rrsa_metadata[0].rrsa_oidc_issuer_url, oidc:aud = "sts.aliyuncs.com",
#   oidc:sub = "system:serviceaccount:<namespace>:<service_account>". Install the
#   ack-pod-identity-webhook add-on and annotate the service account with
#   pod-identity.alibabacloud.com/role-name=<role name>; applications must use an Alibaba Cloud SDK
#   credential chain that reads the RRSA token.
# resource "aws_eks_pod_identity_association" "image_resizer" {
#   cluster_name    = aws_eks_cluster.this.name
#   namespace       = "media"
#   service_account = "image-resizer"
#   role_arn        = aws_iam_role.image_resizer.arn
#
#   depends_on = [aws_eks_addon.this["eks-pod-identity-agent"]]
# }
