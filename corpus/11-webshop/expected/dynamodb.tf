# Shopping carts: key-value access only, so DynamoDB instead of Aurora.
# (The Terraform state lock table is owned by platform-bootstrap, see backend.tf.)
resource "alicloud_ots_table" "carts" {
  table_name    = replace("${local.name}-carts", "/[^A-Za-z0-9_]+/", "_")
  time_to_live  = -1
  max_version   = 1
  instance_name = alicloud_ots_instance.this.name
  enable_sse    = true
  sse_key_type  = "SSE_KMS_SERVICE"

  # Carts untouched for 30 days are dropped by the app setting expires_at.
  primary_key {
    name = "cart_id"
    type = "String"
  }
  primary_key {
    name = "item_sku"
    type = "String"
  }
}

resource "alicloud_ots_instance" "this" {
  name              = "stack-ots"
  description       = "Tables migrated from DynamoDB by aws2ali"
  instance_type     = "HighPerformance"
  accessed_by       = "Any"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}
