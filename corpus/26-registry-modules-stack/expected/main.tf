data "alicloud_caller_identity" "current" {}

data "alicloud_zones" "available" {
  available_resource_creation = "VSwitch"
}

locals {
  name     = "ledger"
  region   = "us-east-1"
  vpc_cidr = "10.40.0.0/16"
  azs      = slice(data.alicloud_zones.available.zones[*].id, 0, 3)

  tags = {
    Product    = local.name
    ManagedBy  = "terraform"
    Repository = "github.com/acme/ledger-infra"
  }
}

module "vpc" {
  source  = "alibaba/vpc/alicloud"
  version = "1.10.0"

  vpc_name           = local.name
  vpc_cidr           = local.vpc_cidr
  availability_zones = local.azs

  vswitch_cidrs = [for k, v in local.azs : cidrsubnet(local.vpc_cidr, 4, k)]

  vswitch_tags = { "kubernetes.io/role/internal-elb" = 1 }
}

resource "alicloud_kms_key" "ledger" {
  description        = "${local.name} data at rest"
  automatic_rotation = "Enabled"
  rotation_interval  = "365d"
  tags               = local.aws2ali_default_tags
}

# aws2ali: manual — module.eks calls an AWS module with no Alibaba Cloud translation.
# Why: The EKS module builds a cluster, IAM roles, KMS key, security groups, CloudWatch log group,
#   add-ons, access entries, OIDC provider and managed/self-managed/Fargate node groups from nested
#   maps (eks_managed_node_groups, cluster_addons, access_entries, …). The Alibaba managed-kubernetes
#   module (k8s_name_prefix, cluster_spec, vswitch_ids, k8s_pod_cidr, k8s_service_cidr,
#   kubernetes_version, cluster_addons, worker_* inputs; outputs this_k8s_id, this_k8s_name,
#   this_k8s_node_pool_id, this_vswitch_ids, this_security_group_id) has a different shape: one node
#   pool from flat worker_* inputs, no access entries, no IRSA, no Fargate. A mapping input by input
#   would silently lose node groups and access rules.
# To do: Run `terraform init` so the module is downloaded under .terraform/modules, then re-run
#   aws2ali with --vendor-modules: the module's own aws_eks_cluster, aws_eks_node_group,
#   aws_eks_addon, aws_eks_access_entry, aws_iam_* and aws_security_group blocks are translated
#   (alicloud_cs_managed_kubernetes, alicloud_cs_kubernetes_node_pool, cluster add-ons, RAM roles).
#   Then replace references to module.<name>.cluster_name / cluster_endpoint /
#   cluster_certificate_authority_data with the translated cluster's attributes (id, connections,
#   certificate_authority). If a smaller setup is enough, write a call to
#   terraform-alicloud-modules/managed-kubernetes/alicloud by hand (cluster_spec = "ack.pro.small",
#   vswitch_ids = the private vSwitches, kubernetes_version from mappings/values/eks-versions.yaml,
#   worker instance types from mappings/values/instance-types.yaml).
# module "eks" {
#   source  = "terraform-aws-modules/eks/aws"
#   version = "~> 20.24"
#
#   cluster_name    = local.name
#   cluster_version = "1.30"
#
#   vpc_id                         = module.vpc.vpc_id
#   subnet_ids                     = module.vpc.private_subnets
#   cluster_endpoint_public_access = false
#
#   enable_cluster_creator_admin_permissions = true
#
#   cluster_addons = {
#     coredns                = {}
#     kube-proxy             = {}
#     vpc-cni                = { most_recent = true }
#     eks-pod-identity-agent = {}
#   }
#
#   eks_managed_node_groups = {
#     default = {
#       instance_types = ["m6i.large"]
#       min_size       = 2
#       max_size       = 6
#       desired_size   = 3
#     }
#   }
# }

# Only used for outputs/other stacks; the module already exposes most of this.
data "alicloud_cs_managed_kubernetes_clusters" "ledger" {
  name_regex     = var.aws2ali_module_eks_cluster_name
  enable_details = true
  depends_on     = [var.aws2ali_module_eks]
}

module "db_sg" {
  source  = "alibaba/security-group/alicloud"
  version = "2.4.1"

  name        = "${local.name}-db"
  description = "Aurora Postgres: from EKS nodes and the ops VPN"
  vpc_id      = module.vpc.this_vpc_id

  ingress_with_source_security_group_id = [
    {
      rule                     = "postgresql-tcp"
      source_security_group_id = var.aws2ali_module_eks_node_security_group_id
    },
  ]

  ingress_with_cidr_blocks = [
    {
      rule        = "postgresql-tcp"
      cidr_blocks = "10.255.0.0/20"
      description = "ops VPN"
    },
  ]
}

module "aurora" {
  source  = "terraform-alicloud-modules/polardb-mysql/alicloud"
  version = "3.2.1"

  polardb_cluster_description = "${local.name}-pg"

  vpc_id             = module.vpc.this_vpc_id
  security_group_ids = [module.db_sg.this_security_group_id]

  tde_status     = "Enabled"
  encryption_key = alicloud_kms_key.ledger.arn
  deletion_lock  = 1
  create_cluster = true
  create_account = true
  account_type   = "Super"
  pay_type       = "PostPaid"
}

module "exports_bucket" {
  source  = "terraform-alicloud-modules/oss-bucket/alicloud"
  version = "1.5.0"

  bucket_name = "${local.name}-exports-${data.alicloud_caller_identity.current.account_id}"
}
