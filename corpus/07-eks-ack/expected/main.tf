# EKS cluster for the shared "apps" platform.
# Subnet layout: small /24s for the control-plane ENIs, big /19s for nodes and
# pods (VPC CNI hands out one VPC IP per pod, so these fill up fast).

locals {
  cluster_name = "apps-prod"
  azs          = ["us-east-1a", "us-east-1b"]
}

resource "alicloud_vpc" "eks" {
  cidr_block          = "10.40.0.0/16"
  dns_hostname_status = "ENABLED"
  tags                = { Name = "${local.cluster_name}-vpc" }
  vpc_name            = "${local.cluster_name}-vpc"
  resource_group_id   = alicloud_resource_manager_resource_group.this.id
}

resource "alicloud_vswitch" "control_plane" {
  count        = 2
  vpc_id       = alicloud_vpc.eks.id
  cidr_block   = "10.40.${count.index}.0/24"
  zone_id      = local.azs[count.index]
  tags         = { Name = "${local.cluster_name}-cp-${count.index}" }
  vswitch_name = "${local.cluster_name}-cp-${count.index}"
}

resource "alicloud_vswitch" "nodes" {
  count      = 2
  vpc_id     = alicloud_vpc.eks.id
  cidr_block = cidrsubnet("10.40.0.0/16", 3, count.index + 1) # 10.40.32.0/19, 10.40.64.0/19
  zone_id    = local.azs[count.index]
  tags = {
    Name                                          = "${local.cluster_name}-nodes-${count.index}"
    "kubernetes.io/role/internal-elb"             = "1"
    "kubernetes.io/cluster/${local.cluster_name}" = "shared"
  }
  vswitch_name = "${local.cluster_name}-nodes-${count.index}"
}

# --- IAM -------------------------------------------------------------------

resource "alicloud_ram_role" "cluster" {
  role_name = "${local.cluster_name}-cluster"
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
}

# aws2ali: aws_iam_role_policy_attachment.cluster is not emitted as a resource: the AWS managed policy
#   AmazonEKSClusterPolicy is not needed on Alibaba Cloud: ACK clusters use the service roles ACK
#   creates (AliyunCSManagedKubernetesRole and others, authorized once per account in the ACK
#   console); an EKS cluster role needs no policy on Alibaba Cloud.
# resource "aws_iam_role_policy_attachment" "cluster" {
#   role       = aws_iam_role.cluster.name
#   policy_arn = "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"
# }

resource "alicloud_ram_role" "node" {
  role_name = "${local.cluster_name}-node"
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
}

resource "alicloud_ram_role_policy_attachment" "node" {
  for_each    = toset(["AliyunContainerRegistryReadOnlyAccess"])
  role_name   = alicloud_ram_role.node.role_name
  policy_name = each.value
  policy_type = "System"
}

# --- Cluster -----------------------------------------------------------------

resource "alicloud_cs_managed_kubernetes" "this" {
  name    = local.cluster_name
  version = data.alicloud_cs_kubernetes_version.this.metadata[0].version

  control_plane_log_components = ["apiserver"]
  vswitch_ids                  = alicloud_vswitch.control_plane[*].id
  slb_internet_enabled         = true
  cluster_spec                 = "ack.pro.small"
  proxy_mode                   = "ipvs"
  new_nat_gateway              = false
  enable_rrsa                  = true
  control_plane_log_ttl        = "30"
  pod_vswitch_ids              = alicloud_vswitch.nodes[*].id
  resource_group_id            = alicloud_resource_manager_resource_group.this.id
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
}

data "alicloud_cs_kubernetes_version" "this" {
  cluster_type       = "ManagedKubernetes"
  kubernetes_version = "1.30"
  profile            = "Default"
}

# Baseline capacity for system pods and anything that can't tolerate interruption.
resource "alicloud_cs_kubernetes_node_pool" "on_demand" {
  cluster_id           = alicloud_cs_managed_kubernetes.this.id
  node_pool_name       = "general-on-demand"
  vswitch_ids          = alicloud_vswitch.nodes[*].id
  spot_strategy        = "NoSpot"
  instance_types       = ["ecs.g6.large"]
  system_disk_size     = 50
  instance_charge_type = "PostPaid"
  system_disk_category = "cloud_essd"
  desired_size         = "3"
  resource_group_id    = alicloud_resource_manager_resource_group.this.id

  scaling_config {
    min_size = 2
    max_size = 6
    enable   = true
  }

  labels {
    key   = "workload"
    value = "general"
  }
  management {
    enable          = true
    max_unavailable = 1
  }
  timeouts {
    create = "60m"
  }
  lifecycle {
    ignore_changes = [desired_size]
  }

  depends_on = [alicloud_ram_role_policy_attachment.node]
}

# Burst capacity for stateless web pods. Two instance types to widen the Spot pool.
resource "alicloud_cs_kubernetes_node_pool" "spot" {
  cluster_id           = alicloud_cs_managed_kubernetes.this.id
  node_pool_name       = "web-spot"
  vswitch_ids          = alicloud_vswitch.nodes[*].id
  spot_strategy        = "SpotAsPriceGo"
  instance_types       = ["ecs.g6.large", "ecs.g8i.large", "ecs.g7.large"]
  instance_charge_type = "PostPaid"
  system_disk_category = "cloud_essd"
  multi_az_policy      = "COST_OPTIMIZED"
  spot_instance_pools  = 3
  spot_instance_remedy = true
  desired_size         = "2"
  resource_group_id    = alicloud_resource_manager_resource_group.this.id

  scaling_config {
    min_size = 0
    max_size = 10
    enable   = true
    type     = "spot"
  }

  taints {
    key    = "lifecycle"
    value  = "spot"
    effect = "NoSchedule"
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

output "cluster_endpoint" {
  value = alicloud_cs_managed_kubernetes.this.connections.api_server_internet
}

output "cluster_certificate_authority_data" {
  value = alicloud_cs_managed_kubernetes.this.certificate_authority.cluster_cert
}
