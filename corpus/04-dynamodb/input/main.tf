# Application tables for the order service.
# Naming convention: <app>-<env>-<entity>. Keys are deliberately generic (pk/sk)
# so the access patterns can evolve without a table migration.

variable "environment" {
  type    = string
  default = "prod"
}

# Orders: spiky traffic during sales, so on-demand billing.
resource "aws_dynamodb_table" "orders" {
  name         = "orders-${var.environment}-orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "customer_id"
  range_key    = "created_at"

  attribute {
    name = "customer_id"
    type = "S"
  }

  # Epoch millis.
  attribute {
    name = "created_at"
    type = "N"
  }

  attribute {
    name = "order_status"
    type = "S"
  }

  # Back-office "all orders in status X, newest first" view.
  global_secondary_index {
    name            = "by-status"
    hash_key        = "order_status"
    range_key       = "created_at"
    projection_type = "INCLUDE"
    non_key_attributes = [
      "order_id",
      "total_cents",
    ]
  }

  # Abandoned carts are written with an expires_at epoch-seconds attribute.
  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }

  tags = {
    Service = "orders"
    Backup  = "daily"
  }
}

# Product catalog: steady, predictable read-heavy load -> provisioned is cheaper.
resource "aws_dynamodb_table" "catalog" {
  name           = "orders-${var.environment}-catalog"
  billing_mode   = "PROVISIONED"
  read_capacity  = 50
  write_capacity = 10
  hash_key       = "sku"

  attribute {
    name = "sku"
    type = "S"
  }

  tags = {
    Service = "catalog"
  }
}

output "orders_table_name" {
  value = aws_dynamodb_table.orders.name
}

output "orders_table_arn" {
  value = aws_dynamodb_table.orders.arn
}

output "catalog_table_name" {
  value = aws_dynamodb_table.catalog.id
}
