data "alicloud_ram_policies" "readonly" {
  name_regex = "^ReadOnlyAccess$"
  type       = "System"
}

resource "alicloud_ram_policy" "exports_writer" {
  policy_name = "${local.name}-exports-writer"
  description = "Month-end export job"
  policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["oss:PutObject", "oss:GetObject"]
        Resource = "${var.aws2ali_module_exports_bucket_s3_bucket_arn}/*"
      },
      {
        Effect   = "Allow"
        Action   = ["kms:GenerateDataKey", "kms:Decrypt"]
        Resource = alicloud_kms_key.ledger.arn
      },
    ]
  })
  rotate_strategy = "DeleteOldestNonDefaultVersionWhenLimitExceeded"
  tags            = local.aws2ali_default_tags
}

# Assumed by the finance team's reporting account.
# aws2ali: manual — module.reporting_role calls an AWS module with no Alibaba Cloud translation.
# Why: The IAM module is used through submodules
#   (terraform-aws-modules/iam/aws//modules/iam-assumable-role, iam-user, iam-policy,
#   iam-group-with-policies, iam-assumable-roles, iam-account, iam-role-for-service-accounts-eks,
#   iam-github-oidc-role, …) whose inputs and outputs differ from each other, and a rule maps one
#   source to one target. The Alibaba RAM module has matching submodules for only part of them, with
#   renamed inputs (custom_role_policy_arns → custom_role_policy_names) and outputs (iam_role_arn →
#   this_ram_role_arn), and no OIDC/IRSA or GitHub-OIDC role submodules.
# To do: Preferred: run `terraform init` and re-run aws2ali with --vendor-modules, which translates
#   the submodule's aws_iam_role / aws_iam_policy / aws_iam_user / aws_iam_group blocks and their
#   policy documents to RAM. Or rewrite the call by submodule, source
#   terraform-alicloud-modules/ram/alicloud//modules/<ram submodule>, version "1.3.0":
#   iam-assumable-role → ram-assumable-role (create_role, role_name, role_requires_mfa,
#   trusted_role_arns, trusted_role_services as RAM service names such as ecs.aliyuncs.com,
#   custom_role_policy_arns → custom_role_policy_names, attach_admin_policy, attach_readonly_policy,
#   mfa_age; outputs iam_role_arn → this_ram_role_arn, iam_role_name → this_ram_role_name);
#   iam-assumable-roles → ram-assumable-roles; iam-user → ram-user; iam-policy → ram-policy;
#   iam-group-with-policies → ram-group-with-policies; iam-group-with-assumable-roles-policy →
#   ram-group-with-assumable-roles-policy; iam-account → ram-account.
#   iam-role-for-service-accounts-eks (IRSA) → an alicloud_ram_role trusting the ACK cluster's OIDC
#   provider (RRSA, alicloud_ims_oidc_provider); iam-github-oidc-* → alicloud_ims_oidc_provider +
#   alicloud_ram_role. Policy documents must be rewritten to RAM syntax (aws2ali's iam-policy-document
#   translation does this for vendored code).
# module "reporting_role" {
#   source  = "terraform-aws-modules/iam/aws//modules/iam-assumable-role"
#   version = "~> 5.44"
#
#   create_role       = true
#   role_name         = "${local.name}-reporting"
#   role_requires_mfa = false
#
#   trusted_role_arns = ["arn:aws:iam::444455556666:root"]
#
#   custom_role_policy_arns = [
#     data.aws_iam_policy.readonly.arn,
#     aws_iam_policy.exports_writer.arn,
#   ]
#   number_of_custom_role_policy_arns = 2
# }

# Published for the app repos (they read these instead of remote state).
resource "alicloud_oos_parameter" "outputs" {
  for_each = {
    "vpc-id"            = module.vpc.this_vpc_id
    "eks-cluster-name"  = var.aws2ali_module_eks_cluster_name
    "db-endpoint"       = module.aurora.cluster_connection_string
    "exports-bucket"    = module.exports_bucket.this_oss_bucket_id
    "reporting-role"    = var.aws2ali_module_reporting_role_iam_role_arn
    "eks-oidc-provider" = var.aws2ali_module_eks_oidc_provider_arn
  }

  parameter_name    = "products/${local.name}/${each.key}"
  type              = "String"
  value             = each.value
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}
