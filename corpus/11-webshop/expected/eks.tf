# Shop frontend, API and workers run on EKS. Cluster/node IAM roles are kept
# minimal here; IRSA roles for workloads live in the app repos.

resource "alicloud_ram_role" "eks_cluster" {
  role_name = "${local.name}-eks-cluster"
  assume_role_policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect = "Allow"
        Action = "sts:AssumeRole"
        Principal = {
          Service = "cs.aliyuncs.com"
        }
      },
    ]
  })
  tags = local.aws2ali_default_tags
}

# aws2ali: aws_iam_role_policy_attachment.eks_cluster is not emitted as a resource: the AWS managed
#   policy AmazonEKSClusterPolicy is not needed on Alibaba Cloud: ACK clusters use the service roles
#   ACK creates (AliyunCSManagedKubernetesRole and others, authorized once per account in the ACK
#   console); an EKS cluster role needs no policy on Alibaba Cloud.
# resource "aws_iam_role_policy_attachment" "eks_cluster" {
#   role       = aws_iam_role.eks_cluster.name
#   policy_arn = "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"
# }

resource "alicloud_ram_role" "eks_node" {
  role_name = "${local.name}-eks-node"
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

resource "alicloud_ram_role_policy_attachment" "eks_node" {
  for_each = toset(["AliyunContainerRegistryReadOnlyAccess"])

  role_name   = alicloud_ram_role.eks_node.role_name
  policy_name = each.value
  policy_type = "System"
}

resource "alicloud_cs_managed_kubernetes" "shop" {
  name    = local.name
  version = data.alicloud_cs_kubernetes_version.shop.metadata[0].version

  control_plane_log_components = ["apiserver"]

  tags                  = merge(local.aws2ali_default_tags, module.tags.tags)
  vswitch_ids           = alicloud_vswitch.private[*].id
  slb_internet_enabled  = false
  cluster_spec          = "ack.pro.small"
  proxy_mode            = "ipvs"
  new_nat_gateway       = false
  enable_rrsa           = true
  control_plane_log_ttl = "30"
  pod_vswitch_ids       = alicloud_vswitch.private[*].id
  resource_group_id     = alicloud_resource_manager_resource_group.this.id
  audit_log_config {
    enabled = true
  }
  addons {
    name = "terway-eniip"
  }
  addons {
    name = "csi-plugin"
  }
  addons {
    name = "managed-csiprovisioner"
  }
  timeouts {
    create = "120m"
  }

  depends_on = [alicloud_log_store.eks]
}

data "alicloud_cs_kubernetes_version" "shop" {
  cluster_type       = "ManagedKubernetes"
  kubernetes_version = var.eks_version
  profile            = "Default"
}

resource "alicloud_cs_kubernetes_node_pool" "app" {
  cluster_id           = alicloud_cs_managed_kubernetes.shop.id
  node_pool_name       = "app"
  vswitch_ids          = alicloud_vswitch.private[*].id
  instance_types       = ["ecs.g6.xlarge"]
  spot_strategy        = "NoSpot"
  instance_charge_type = "PostPaid"
  system_disk_category = "cloud_essd"
  desired_size         = "3"
  resource_group_id    = alicloud_resource_manager_resource_group.this.id
  tags                 = local.aws2ali_default_tags

  scaling_config {
    min_size = 3
    max_size = 12
    enable   = true
  }

  # Cluster autoscaler owns desired_size after the first apply.
  management {
    enable = true
  }
  timeouts {
    create = "60m"
  }
  lifecycle {
    ignore_changes = [desired_size]
  }

  depends_on = [alicloud_ram_role_policy_attachment.eks_node]
}

# Writes a kubeconfig for the CI deploy job. Re-runs whenever the endpoint changes.
# TODO: replace with the kubernetes provider + exec auth once CI has VPN access.
resource "null_resource" "kubeconfig" {
  triggers = {
    endpoint = alicloud_cs_managed_kubernetes.shop.connections.api_server_intranet
  }

  provisioner "local-exec" {
    command = "aws eks update-kubeconfig --region ${var.region} --name ${alicloud_cs_managed_kubernetes.shop.name} --kubeconfig ${path.module}/.kube/config"
  }
}
