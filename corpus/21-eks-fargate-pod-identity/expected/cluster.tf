# aws2ali: manual — data.aws_partition.current has no Alibaba Cloud translation.
# Why: Alibaba Cloud has one ARN scheme (acs:<service>:<region>:<account-uid>:<resource>) and no
#   partitions, so there is nothing to look up. Each reference to this data source becomes an input
#   variable.
# To do: Set the generated variables (or replace the references): partition → "acs", dns_suffix →
#   "aliyuncs.com", reverse_dns_prefix → "com.aliyun", id → "acs". Then rewrite the ARN templates that
#   used them (arn:${partition}:s3:::bucket/* → acs:oss:*:<uid>:bucket/*,
#   arn:${partition}:iam::<acct>:role/x → acs:ram::<uid>:role/x, service principals
#   "<svc>.${dns_suffix}" → "<product>.aliyuncs.com").
# data "aws_partition" "current" {}
data "alicloud_caller_identity" "current" {}

data "alicloud_vpcs" "platform" {
  tags = { Name = "platform-sg1" }
}

data "alicloud_vswitches" "private" {
  tags   = { Tier = "private" }
  vpc_id = data.alicloud_vpcs.platform.ids[0]
}

locals {
  iam_prefix = "arn:${var.aws2ali_data_aws_partition_current_partition}:iam::aws:policy"
}

resource "alicloud_kms_key" "eks" {
  description        = "${var.cluster_name} secrets envelope encryption"
  automatic_rotation = "Enabled"
  rotation_interval  = "365d"
  tags               = local.aws2ali_default_tags
}

resource "alicloud_ram_role" "cluster" {
  role_name = "${var.cluster_name}-cluster"
  assume_role_policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect = "Allow"
        Action = ["sts:AssumeRole"]
        Principal = {
          Service = "cs.aliyuncs.com"
        }
      },
    ]
  })
  tags = local.aws2ali_default_tags
}

resource "alicloud_ram_role_policy_attachment" "cluster" {
  role_name   = alicloud_ram_role.cluster.role_name
  policy_name = "${local.iam_prefix}/AmazonEKSClusterPolicy"
  policy_type = "Custom"
}

resource "alicloud_cs_managed_kubernetes" "this" {
  name    = var.cluster_name
  version = data.alicloud_cs_kubernetes_version.this.metadata[0].version

  control_plane_log_components = ["apiserver"]
  vswitch_ids                  = data.alicloud_vswitches.private.ids
  slb_internet_enabled         = true
  cluster_spec                 = "ack.pro.small"
  proxy_mode                   = "ipvs"
  new_nat_gateway              = false
  enable_rrsa                  = true
  control_plane_log_ttl        = "30"
  pod_vswitch_ids              = data.alicloud_vswitches.private.ids
  resource_group_id            = alicloud_resource_manager_resource_group.this.id
  tags                         = local.aws2ali_default_tags
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

  depends_on = [alicloud_ram_role_policy_attachment.cluster]
}

data "alicloud_cs_kubernetes_version" "this" {
  cluster_type       = "ManagedKubernetes"
  kubernetes_version = var.kubernetes_version
  profile            = "Default"
}

# Monitoring scrapers in the shared-services VPC reach the API server privately.
resource "alicloud_security_group_rule" "api_from_shared_services" {
  security_group_id = alicloud_cs_managed_kubernetes.this.security_group_id
  description       = "Prometheus in shared-services"
  priority          = 1
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "443/443"
  nic_type          = "intranet"
  policy            = "accept"
  cidr_ip           = "10.50.0.0/16"
}

resource "alicloud_cs_kubernetes_permissions" "admin" {
  for_each = var.admin_role_arns
  uid      = var.admin_ram_uids[each.key]
  permissions {
    cluster     = alicloud_cs_managed_kubernetes.this.id
    role_type   = "cluster"
    role_name   = "admin"
    is_custom   = false
    is_ram_role = true
  }
}

# aws2ali: aws_eks_access_policy_association.admin is not emitted as a resource: ACK grants access
#   with predefined RBAC roles: this access policy is a permissions block of
#   alicloud_cs_kubernetes_permissions.admin.
# resource "aws_eks_access_policy_association" "admin" {
#   for_each      = var.admin_role_arns
#   cluster_name  = aws_eks_cluster.this.name
#   principal_arn = aws_eks_access_entry.admin[each.key].principal_arn
#   policy_arn    = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
#
#   access_scope {
#     type = "cluster"
#   }
# }

# TODO(platform#431): drop once every workload uses pod identity instead of IRSA.
# aws2ali: aws_iam_openid_connect_provider.irsa is not emitted as a resource: the EKS cluster's OIDC
#   provider (IRSA) becomes the ACK cluster's RRSA OIDC provider: with enable_rrsa = true ACK
#   registers it in RAM (rrsa_metadata). References to it now use
#   alicloud_cs_managed_kubernetes.this.rrsa_metadata.
# resource "aws_iam_openid_connect_provider" "irsa" {
#   url             = aws_eks_cluster.this.identity[0].oidc[0].issuer
#   client_id_list  = ["sts.amazonaws.com"]
#   thumbprint_list = ["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"]
# }
