# Bits the modules don't cover.

resource "alicloud_kms_alias" "ledger" {
  alias_name = "alias/${local.name}"
  key_id     = alicloud_kms_key.ledger.id
}

resource "alicloud_cr_ee_repo" "api" {
  name             = "${local.name}/api"
  tag_immutability = true
  repo_type        = "PRIVATE"
  summary          = "Migrated from Amazon ECR"
  instance_id      = alicloud_cr_ee_instance.registry.id
  namespace        = alicloud_cr_ee_namespace.registry_modules_stack.name
}

resource "alicloud_cr_ee_instance" "registry" {
  instance_name     = "registry-modules-stac-registry"
  instance_type     = "Standard"
  payment_type      = "Subscription"
  period            = 1
  renewal_status    = "AutoRenewal"
  renew_period      = 1
  image_scanner     = "ACR"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

resource "alicloud_cr_ee_namespace" "registry_modules_stack" {
  instance_id        = alicloud_cr_ee_instance.registry.id
  name               = "registry-modules-stack"
  auto_create        = false
  default_visibility = "PRIVATE"
}

# Karpenter discovers subnets by tag. Keyed by AZ so the keys are known at plan time.
# aws2ali: aws_ec2_tag.karpenter_discovery is not emitted as a resource: the tag
#   karpenter.sh/discovery is a Kubernetes (EKS) discovery tag; ACK is given its vSwitches and load
#   balancers explicitly and needs no such tags.
# resource "aws_ec2_tag" "karpenter_discovery" {
#   for_each = { for i, az in local.azs : az => module.vpc.private_subnets[i] }
#
#   resource_id = each.value
#   key         = "karpenter.sh/discovery"
#   value       = local.name
# }

# The CI deploy role gets namespace-scoped access through an access entry.
resource "alicloud_cs_kubernetes_permissions" "ci" {
  uid = var.ci_ram_uid
}

resource "alicloud_ram_role" "api" {
  role_name = "${local.name}-api"
  assume_role_policy_document = jsonencode({
    Version   = "1"
    Statement = []
  })
  tags = local.aws2ali_default_tags
}

resource "alicloud_ram_role_policy_attachment" "api_exports" {
  role_name   = alicloud_ram_role.api.role_name
  policy_name = alicloud_ram_policy.exports_writer.policy_name
  policy_type = "Custom"
}

# aws2ali: manual — aws_eks_pod_identity_association.api has no Alibaba Cloud translation.
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
# resource "aws_eks_pod_identity_association" "api" {
#   cluster_name    = module.eks.cluster_name
#   namespace       = "ledger"
#   service_account = "ledger-api"
#   role_arn        = aws_iam_role.api.arn
# }
