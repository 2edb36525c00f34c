data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}

locals {
  name       = "orders-${var.environment}"
  account_id = data.aws_caller_identity.current.account_id
  is_prod    = var.environment == "prod"

  # Extra grants on top of the table access, one IAM statement each.
  queue_access = {
    consume = {
      actions   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"]
      resources = [aws_sqs_queue.orders.arn]
    }
    publish = {
      actions   = ["sns:Publish"]
      resources = [aws_sns_topic.order_events.arn]
    }
  }
}

resource "aws_dynamodb_table" "orders" {
  name         = "${local.name}-orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  range_key    = "sk"

  attribute {
    name = "pk"
    type = "S"
  }

  attribute {
    name = "sk"
    type = "S"
  }

  attribute {
    name = "customer_id"
    type = "S"
  }

  global_secondary_index {
    name            = "by-customer"
    hash_key        = "customer_id"
    range_key       = "sk"
    projection_type = "ALL"
  }

  point_in_time_recovery {
    enabled = local.is_prod
  }

  deletion_protection_enabled = local.is_prod
}
