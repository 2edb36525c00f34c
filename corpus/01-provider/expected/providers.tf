# Primary provider: region comes from var.region so the same root module can be
# applied per environment with a different tfvars file.
provider "alicloud" {
  region = var.region
  assume_role {
    role_arn = var.alicloud_assume_role_arn
  }
}

# DR / replication target. Resources opt in with `provider = aws.dr`.
# FIXME: static credentials were added for a one-off test and never removed.
# These are placeholders only - real keys must come from the environment or SSO.
provider "alicloud" {
  alias  = "dr"
  region = "eu-west-1"
  assume_role {
    role_arn = var.alicloud_assume_role_arn
  }
}

# Small smoke-test resources so both providers are actually used.
resource "alicloud_oss_bucket" "artifacts" {
  bucket            = "acme-${var.environment}-artifacts"
  storage_class     = "Standard"
  redundancy_type   = "ZRS"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

resource "alicloud_oss_bucket" "artifacts_dr" {
  provider          = alicloud.dr
  bucket            = "acme-${var.environment}-artifacts-dr"
  storage_class     = "Standard"
  redundancy_type   = "ZRS"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}
