# Shopping carts: key-value access only, so DynamoDB instead of Aurora.
# (The Terraform state lock table is owned by platform-bootstrap, see backend.tf.)
resource "aws_dynamodb_table" "carts" {
  name         = "${local.name}-carts"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "cart_id"
  range_key    = "item_sku"

  attribute {
    name = "cart_id"
    type = "S"
  }

  attribute {
    name = "item_sku"
    type = "S"
  }

  # Carts untouched for 30 days are dropped by the app setting expires_at.
  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = var.environment == "prod"
  }

  tags = module.tags.tags
}
