# Build artifacts the instances pull at boot, and the orders table they write.
resource "alicloud_oss_bucket" "artifacts" {
  bucket            = "acme-orders-artifacts-${var.environment}"
  storage_class     = "Standard"
  redundancy_type   = "ZRS"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}
