# Created automatically by AWS the first time a DynamoDB scalable target is registered.
data "alicloud_ram_roles" "autoscaling" {
  name_regex = "^AWSServiceRoleForApplicationAutoScaling_DynamoDBTable$"
}

locals {
  prefix = "inventory-${var.environment}"

  # Every key attribute referenced by the table or one of its indexes, with its type.
  attributes = {
    for name, t in var.tables : name => distinct(compact(concat(
      [t.hash_key, t.range_key],
      flatten([for g in values(t.gsis) : [g.hash_key, g.range_key]]),
    )))
  }
}

resource "alicloud_kms_key" "dynamodb" {
  description        = "${local.prefix} tables"
  automatic_rotation = "Enabled"
  rotation_interval  = "365d"
  tags               = local.aws2ali_default_tags
}

resource "alicloud_kms_alias" "dynamodb" {
  alias_name = "alias/${local.prefix}-dynamodb"
  key_id     = alicloud_kms_key.dynamodb.id
}

# aws2ali: manual — aws_dynamodb_table.this has no Alibaba Cloud translation.
# Why: The table's key schema is computed (hash_key or its attribute type comes from an expression),
#   and a Tablestore table needs its primary key columns and their types written out.
# To do: Write one alicloud_ots_table per table with primary_key { name, type } blocks (String,
#   Integer or Binary), in an alicloud_ots_instance.
# resource "aws_dynamodb_table" "this" {
#   for_each = var.tables
#
#   name           = "${local.prefix}-${each.key}"
#   billing_mode   = "PROVISIONED"
#   hash_key       = each.value.hash_key
#   range_key      = each.value.range_key
#   read_capacity  = each.value.read_min
#   write_capacity = each.value.write_min
#
#   stream_enabled   = each.key == "reservations"
#   stream_view_type = each.key == "reservations" ? "NEW_AND_OLD_IMAGES" : null
#
#   dynamic "attribute" {
#     for_each = local.attributes[each.key]
#     content {
#       name = attribute.value
#       type = "S"
#     }
#   }
#
#   dynamic "global_secondary_index" {
#     for_each = each.value.gsis
#     iterator = gsi
#
#     content {
#       name            = gsi.key
#       hash_key        = gsi.value.hash_key
#       range_key       = gsi.value.range_key
#       projection_type = "ALL"
#       read_capacity   = each.value.read_min
#       write_capacity  = each.value.write_min
#     }
#   }
#
#   server_side_encryption {
#     enabled     = true
#     kms_key_arn = aws_kms_key.dynamodb.arn
#   }
#
#   point_in_time_recovery {
#     enabled = true
#   }
#
#   lifecycle {
#     prevent_destroy = true
#     ignore_changes  = [read_capacity, write_capacity, global_secondary_index]
#   }
# }

# aws2ali: manual — aws_lambda_event_source_mapping.reservations_stream has no Alibaba Cloud
#   translation.
# Why: The event source is aws_dynamodb_table.this["reservations"].stream_arn, which has no Function
#   Compute trigger aws2ali can write.
# To do: Find the Alibaba Cloud counterpart of the source and create the matching FC trigger by hand.
# resource "aws_lambda_event_source_mapping" "reservations_stream" {
#   count = var.stream_consumer_arn != "" ? 1 : 0
#
#   event_source_arn  = aws_dynamodb_table.this["reservations"].stream_arn
#   function_name     = var.stream_consumer_arn
#   starting_position = "LATEST"
#   batch_size        = 100
#
#   filter_criteria {
#     filter {
#       pattern = jsonencode({ eventName = ["INSERT", "MODIFY"] })
#     }
#   }
# }
