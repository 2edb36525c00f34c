data "alicloud_ram_policy_document" "eks_assume" {
  version = "1"
  statement {
    action = ["sts:AssumeRole"]
    principal {
      entity      = "Service"
      identifiers = ["cs.aliyuncs.com"]
    }
  }
}

resource "alicloud_ram_role" "eks" {
  role_name                   = "orders-eks"
  assume_role_policy_document = data.alicloud_ram_policy_document.eks_assume.document
  tags                        = local.aws2ali_default_tags
}

resource "alicloud_cs_managed_kubernetes" "main" {
  name                 = "orders-${var.environment}"
  version              = data.alicloud_cs_kubernetes_version.main.metadata[0].version
  vswitch_ids          = alicloud_vswitch.private[*].id
  slb_internet_enabled = true
  cluster_spec         = "ack.pro.small"
  proxy_mode           = "ipvs"
  new_nat_gateway      = false
  enable_rrsa          = true
  pod_vswitch_ids      = alicloud_vswitch.private[*].id
  resource_group_id    = alicloud_resource_manager_resource_group.this.id
  tags                 = local.aws2ali_default_tags
  addons {
    name = "terway-eniip"
  }
  addons {
    name = "csi-plugin"
  }
  addons {
    name = "managed-csiprovisioner"
  }
  addons {
    name = "managed-coredns"
  }
  timeouts {
    create = "120m"
  }
}

data "alicloud_cs_kubernetes_version" "main" {
  cluster_type       = "ManagedKubernetes"
  kubernetes_version = "1.30"
  profile            = "Default"
}

# aws2ali: aws_eks_addon.vpc_cni is not emitted as a resource: ACK installs terway-eniip when the
#   cluster is created: it is an addons block of alicloud_cs_managed_kubernetes.main.
# resource "aws_eks_addon" "vpc_cni" {
#   cluster_name = aws_eks_cluster.main.name
#   addon_name   = "vpc-cni"
# }

# aws2ali: aws_eks_addon.coredns is not emitted as a resource: ACK installs managed-coredns when the
#   cluster is created: it is an addons block of alicloud_cs_managed_kubernetes.main.
# resource "aws_eks_addon" "coredns" {
#   cluster_name                = aws_eks_cluster.main.name
#   addon_name                  = "coredns"
#   resolve_conflicts_on_update = "OVERWRITE"
# }

# aws2ali: aws_eks_addon.kube_proxy is not emitted as a resource: ACK runs kube-proxy itself as part
#   of every cluster (its mode is the cluster's proxy_mode, ipvs or iptables); there is no add-on to
#   install.
# resource "aws_eks_addon" "kube_proxy" {
#   cluster_name = aws_eks_cluster.main.name
#   addon_name   = "kube-proxy"
# }

# aws2ali: aws_eks_addon.ebs_csi is not emitted as a resource: ACK installs csi-plugin and
#   managed-csiprovisioner when the cluster is created: they are addons blocks of
#   alicloud_cs_managed_kubernetes.main.
# resource "aws_eks_addon" "ebs_csi" {
#   cluster_name             = aws_eks_cluster.main.name
#   addon_name               = "aws-ebs-csi-driver"
#   service_account_role_arn = aws_iam_role.eks.arn
# }

resource "alicloud_cs_kubernetes_addon" "observability" {
  cluster_id = alicloud_cs_managed_kubernetes.main.id
  name       = "loongcollector"
}

resource "alicloud_cs_kubernetes_addon" "observability_arms_prometheus" {
  cluster_id = alicloud_cs_managed_kubernetes.main.id
  name       = "arms-prometheus"
}

resource "alicloud_ram_role" "developers" {
  role_name = "orders-developers"
  assume_role_policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect = "Allow"
        Action = "sts:AssumeRole"
        Principal = {
          RAM = "acs:ram::${data.alicloud_caller_identity.current.account_id}:root"
        }
      },
    ]
  })
  tags = local.aws2ali_default_tags
}

resource "alicloud_cs_kubernetes_permissions" "developers" {
  uid = alicloud_ram_role.developers.role_id
  permissions {
    cluster     = alicloud_cs_managed_kubernetes.main.id
    role_type   = "namespace"
    role_name   = "dev"
    namespace   = "orders"
    is_custom   = false
    is_ram_role = true
  }
  permissions {
    cluster     = alicloud_cs_managed_kubernetes.main.id
    role_type   = "namespace"
    role_name   = "dev"
    namespace   = "orders-jobs"
    is_custom   = false
    is_ram_role = true
  }
}

# aws2ali: aws_eks_access_policy_association.developers_edit is not emitted as a resource: ACK grants
#   access with predefined RBAC roles: this access policy is a permissions block of
#   alicloud_cs_kubernetes_permissions.developers.
# resource "aws_eks_access_policy_association" "developers_edit" {
#   cluster_name  = aws_eks_cluster.main.name
#   principal_arn = aws_iam_role.developers.arn
#   policy_arn    = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy"
#
#   access_scope {
#     type       = "namespace"
#     namespaces = ["orders", "orders-jobs"]
#   }
# }

resource "alicloud_cs_kubernetes_permissions" "platform_admins" {
  uid = var.platform_admins_ram_uid
  permissions {
    cluster     = alicloud_cs_managed_kubernetes.main.id
    role_type   = "cluster"
    role_name   = "admin"
    is_custom   = false
    is_ram_role = true
  }
}
