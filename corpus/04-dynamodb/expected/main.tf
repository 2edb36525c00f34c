# Application tables for the order service.
# Naming convention: <app>-<env>-<entity>. Keys are deliberately generic (pk/sk)
# so the access patterns can evolve without a table migration.

variable "environment" {
  type    = string
  default = "prod"
}

# Orders: spiky traffic during sales, so on-demand billing.
resource "alicloud_ots_table" "orders" {
  table_name    = replace("orders-${var.environment}-orders", "/[^A-Za-z0-9_]+/", "_")
  enable_sse    = true
  time_to_live  = -1
  max_version   = 1
  instance_name = alicloud_ots_instance.this.name
  sse_key_type  = "SSE_KMS_SERVICE"

  # Epoch millis.

  # Back-office "all orders in status X, newest first" view.

  # Abandoned carts are written with an expires_at epoch-seconds attribute.
  primary_key {
    name = "customer_id"
    type = "String"
  }
  primary_key {
    name = "created_at"
    type = "Integer"
  }
  defined_column {
    name = "order_status"
    type = "String"
  }
  defined_column {
    name = "order_id"
    type = "String"
  }
  defined_column {
    name = "total_cents"
    type = "String"
  }
}

resource "alicloud_ots_instance" "this" {
  name              = "stack-ots"
  description       = "Tables migrated from DynamoDB by aws2ali"
  instance_type     = "HighPerformance"
  accessed_by       = "Any"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
}

resource "alicloud_ots_secondary_index" "orders_by_status" {
  instance_name     = alicloud_ots_instance.this.name
  table_name        = alicloud_ots_table.orders.table_name
  index_name        = "by_status"
  index_type        = "Global"
  include_base_data = true
  primary_keys      = ["order_status", "created_at"]
  defined_columns   = ["order_id", "total_cents"]
}

# Product catalog: steady, predictable read-heavy load -> provisioned is cheaper.
resource "alicloud_ots_table" "catalog" {
  table_name    = replace("orders-${var.environment}-catalog", "/[^A-Za-z0-9_]+/", "_")
  time_to_live  = -1
  max_version   = 1
  instance_name = alicloud_ots_instance.this.name
  enable_sse    = true
  sse_key_type  = "SSE_KMS_SERVICE"
  primary_key {
    name = "sku"
    type = "String"
  }
}

output "orders_table_name" {
  value = alicloud_ots_table.orders.table_name
}

output "orders_table_arn" {
  value = var.aws2ali_aws_dynamodb_table_orders_arn
}

output "catalog_table_name" {
  value = alicloud_ots_table.catalog.table_name
}
