data "alicloud_caller_identity" "current" {}
data "alicloud_regions" "current" {
  current = true
}
# aws2ali: manual — data.aws_partition.current has no Alibaba Cloud translation.
# Why: Alibaba Cloud has one ARN scheme (acs:<service>:<region>:<account-uid>:<resource>) and no
#   partitions, so there is nothing to look up. Each reference to this data source becomes an input
#   variable.
# To do: Set the generated variables (or replace the references): partition → "acs", dns_suffix →
#   "aliyuncs.com", reverse_dns_prefix → "com.aliyun", id → "acs". Then rewrite the ARN templates that
#   used them (arn:${partition}:s3:::bucket/* → acs:oss:*:<uid>:bucket/*,
#   arn:${partition}:iam::<acct>:role/x → acs:ram::<uid>:role/x, service principals
#   "<svc>.${dns_suffix}" → "<product>.aliyuncs.com").
# data "aws_partition" "current" {}

locals {
  name       = "orders-${var.environment}"
  account_id = data.alicloud_caller_identity.current.account_id
  is_prod    = var.environment == "prod"

  # Extra grants on top of the table access, one IAM statement each.
  queue_access = {
    consume = {
      actions   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"]
      resources = [alicloud_message_service_queue.orders.queue_name]
    }
    publish = {
      actions   = ["sns:Publish"]
      resources = [alicloud_message_service_topic.order_events.topic_name]
    }
  }
}

resource "alicloud_ots_table" "orders" {
  table_name    = replace("${local.name}-orders", "/[^A-Za-z0-9_]+/", "_")
  time_to_live  = -1
  max_version   = 1
  instance_name = alicloud_ots_instance.this.name
  enable_sse    = true
  sse_key_type  = "SSE_KMS_SERVICE"
  primary_key {
    name = "pk"
    type = "String"
  }
  primary_key {
    name = "sk"
    type = "String"
  }
  defined_column {
    name = "customer_id"
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

resource "alicloud_ots_secondary_index" "orders_by_customer" {
  instance_name     = alicloud_ots_instance.this.name
  table_name        = alicloud_ots_table.orders.table_name
  index_name        = "by_customer"
  index_type        = "Global"
  include_base_data = true
  primary_keys      = ["customer_id", "sk"]
}
