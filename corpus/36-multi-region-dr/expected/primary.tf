resource "alicloud_vpc" "primary" {
  cidr_block          = "10.40.0.0/16"
  dns_hostname_status = "ENABLED"

  tags              = merge(local.aws2ali_default_tags, { Name = "ledger-${var.environment}" })
  vpc_name          = "ledger-${var.environment}"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
}

resource "alicloud_vswitch" "primary" {
  for_each = var.subnets

  vpc_id     = alicloud_vpc.primary.id
  cidr_block = each.value

  tags         = merge(local.aws2ali_default_tags, { Name = "ledger-${each.key}" })
  vswitch_name = "ledger-${each.key}"
  zone_id      = data.alicloud_zones.aws2ali.zones[0].id
}

resource "alicloud_kms_key" "primary" {
  description        = "ledger data, primary region"
  automatic_rotation = "Enabled"
  rotation_interval  = "365d"
  tags               = local.aws2ali_default_tags
}

resource "alicloud_oss_bucket" "primary" {
  bucket            = "acme-ledger-${var.environment}-primary"
  storage_class     = "Standard"
  redundancy_type   = "ZRS"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

resource "alicloud_oss_bucket_versioning" "primary" {
  bucket = alicloud_oss_bucket.primary.id
  status = "Enabled"
}

# Which region serves traffic; flipped by the failover runbook.
resource "alicloud_oos_parameter" "active_region" {
  parameter_name    = "ledger/${var.environment}/active-region"
  type              = "String"
  value             = var.primary_region
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}
