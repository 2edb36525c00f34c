resource "alicloud_vpc" "standby" {
  provider = alicloud.standby

  cidr_block        = "10.41.0.0/16"
  tags              = merge(local.aws2ali_default_tags, { Name = "ledger-${var.environment}-standby" })
  vpc_name          = "ledger-${var.environment}-standby"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
}

resource "alicloud_oss_bucket" "standby" {
  provider = alicloud.standby

  bucket            = "acme-ledger-${var.environment}-standby"
  storage_class     = "Standard"
  redundancy_type   = "ZRS"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

resource "alicloud_oss_bucket_versioning" "standby" {
  provider = alicloud.standby

  bucket = alicloud_oss_bucket.standby.id
  status = "Enabled"
}
