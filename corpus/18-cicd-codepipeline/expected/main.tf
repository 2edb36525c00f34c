data "alicloud_caller_identity" "current" {}
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

# Created once by hand in the console (the GitHub app handshake cannot be automated).
data "alicloud_oos_parameters" "github_connection" {
  parameter_name = "delivery/codestar-connections/github"
  enable_details = true
}

# Golden base images, published by the platform team.
data "alicloud_cr_ee_repos" "base" {
  name_regex  = "^base-images-golang$"
  instance_id = alicloud_cr_ee_instance.registry.id
  namespace   = "platform"
}

locals {
  name       = "checkout"
  account_id = data.alicloud_caller_identity.current.account_id
  registry   = "${local.account_id}.dkr.ecr.us-east-2.amazonaws.com"
}

resource "alicloud_kms_key" "delivery" {
  description            = "Artifacts and images for the ${local.name} pipeline"
  pending_window_in_days = 30
  automatic_rotation     = "Enabled"
  rotation_interval      = "365d"
  tags                   = local.aws2ali_default_tags
}

resource "alicloud_kms_alias" "delivery" {
  alias_name = "alias/${local.name}-delivery"
  key_id     = alicloud_kms_key.delivery.id
}

resource "alicloud_cr_ee_repo" "svc" {
  for_each = var.services

  name             = "${local.name}/${each.key}"
  tag_immutability = true
  repo_type        = "PRIVATE"
  summary          = "Migrated from Amazon ECR"
  instance_id      = alicloud_cr_ee_instance.registry.id
  namespace        = alicloud_cr_ee_namespace.cicd_codepipeline.name

  # Images are referenced by running deployments; never delete the repo from Terraform.
  lifecycle {
    prevent_destroy = true
  }
}

resource "alicloud_cr_ee_instance" "registry" {
  instance_name     = "cicd-codepipeline-registry"
  instance_type     = "Standard"
  payment_type      = "Subscription"
  period            = 1
  renewal_status    = "AutoRenewal"
  renew_period      = 1
  image_scanner     = "ACR"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

resource "alicloud_cr_ee_namespace" "cicd_codepipeline" {
  instance_id        = alicloud_cr_ee_instance.registry.id
  name               = "cicd-codepipeline"
  auto_create        = false
  default_visibility = "PRIVATE"
}

# aws2ali: manual — aws_ecr_lifecycle_policy.svc has no Alibaba Cloud translation.
# Why: aws2ali has no mapping rule for aws_ecr_lifecycle_policy yet.
# To do: Translate it by hand (see the Alibaba Cloud provider docs), or add
#   mappings/aws_ecr_lifecycle_policy.yaml.
# resource "aws_ecr_lifecycle_policy" "svc" {
#   for_each   = aws_ecr_repository.svc
#   repository = each.value.name
#
#   policy = jsonencode({
#     rules = [{
#       rulePriority = 1
#       description  = "Keep the last 50 images"
#       selection    = { tagStatus = "any", countType = "imageCountMoreThan", countNumber = 50 }
#       action       = { type = "expire" }
#     }]
#   })
# }

resource "alicloud_oss_bucket" "artifacts" {
  bucket            = "${local.name}-pipeline-artifacts-${local.account_id}"
  force_destroy     = true # artifacts are reproducible
  storage_class     = "Standard"
  redundancy_type   = "ZRS"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

resource "alicloud_oss_bucket_versioning" "artifacts" {
  bucket = alicloud_oss_bucket.artifacts.id
  status = "Enabled"
}

resource "alicloud_oss_bucket_server_side_encryption" "artifacts" {
  bucket            = alicloud_oss_bucket.artifacts.id
  sse_algorithm     = "KMS"
  kms_master_key_id = alicloud_kms_key.delivery.arn
}

resource "alicloud_oss_bucket_public_access_block" "artifacts" {
  bucket              = alicloud_oss_bucket.artifacts.id
  block_public_access = true
}
