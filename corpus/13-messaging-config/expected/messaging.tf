resource "alicloud_message_service_queue" "orders_dlq" {
  queue_name               = "orders-dlq"
  message_retention_period = 604800
  tags                     = local.aws2ali_default_tags
}

resource "alicloud_message_service_queue" "orders" {
  queue_name           = "orders"
  visibility_timeout   = 60
  polling_wait_seconds = 20
  maximum_message_size = 65536
  tags                 = local.aws2ali_default_tags
  dlq_policy {
    enabled                  = true
    dead_letter_target_queue = alicloud_message_service_queue.orders_dlq.queue_name
    max_receive_count        = 5
  }
}

resource "alicloud_message_service_topic" "order_events" {
  topic_name = "order-events"
  tags       = local.aws2ali_default_tags
}

resource "alicloud_event_bridge_rule" "order_created" {
  rule_name   = "order-created"
  description = "Orders placed by the shop front end"

  filter_pattern = jsonencode({
    source = ["shop.orders"]
    type   = ["OrderCreated"]
  })
  event_bus_name = "default"
  targets {
    target_id = "orders-queue"
    type      = "acs.mns.queue"
    endpoint  = "acs:mns:${data.alicloud_regions.current.ids[0]}:${data.alicloud_caller_identity.current.account_id}:queues/${alicloud_message_service_queue.orders.queue_name}"
    param_list {
      resource_key = "queue"
      form         = "CONSTANT"
      value        = alicloud_message_service_queue.orders.queue_name
    }
    param_list {
      resource_key = "Body"
      form         = "ORIGINAL"
    }
    push_retry_strategy = "EXPONENTIAL_DECAY_RETRY"
    dead_letter_queue {
      arn = "acs:mns:${data.alicloud_regions.current.ids[0]}:${data.alicloud_caller_identity.current.account_id}:queues/${alicloud_message_service_queue.orders_dlq.queue_name}"
    }
  }
  targets {
    target_id = "to-topic"
    type      = "acs.mns.topic"
    endpoint  = "acs:mns:${data.alicloud_regions.current.ids[0]}:${data.alicloud_caller_identity.current.account_id}:topics/${alicloud_message_service_topic.order_events.topic_name}"
    param_list {
      resource_key = "topic"
      form         = "CONSTANT"
      value        = alicloud_message_service_topic.order_events.topic_name
    }
    param_list {
      resource_key = "Body"
      form         = "CONSTANT"
      value        = jsonencode({ kind = "order-created" })
    }
    push_retry_strategy = "EXPONENTIAL_DECAY_RETRY"
  }
}

# aws2ali: aws_cloudwatch_event_target.to_queue is not emitted as a resource: it is a targets block of
#   alicloud_event_bridge_rule.order_created; Alibaba keeps a rule's targets in the rule.
# resource "aws_cloudwatch_event_target" "to_queue" {
#   rule      = aws_cloudwatch_event_rule.order_created.name
#   target_id = "orders-queue"
#   arn       = aws_sqs_queue.orders.arn
#
#   dead_letter_config {
#     arn = aws_sqs_queue.orders_dlq.arn
#   }
#
#   retry_policy {
#     maximum_event_age_in_seconds = 3600
#     maximum_retry_attempts       = 5
#   }
# }

# aws2ali: aws_cloudwatch_event_target.to_topic is not emitted as a resource: it is a targets block of
#   alicloud_event_bridge_rule.order_created; Alibaba keeps a rule's targets in the rule.
# resource "aws_cloudwatch_event_target" "to_topic" {
#   rule  = aws_cloudwatch_event_rule.order_created.name
#   arn   = aws_sns_topic.order_events.arn
#   input = jsonencode({ kind = "order-created" })
# }

resource "alicloud_event_bridge_rule" "ec2_state" {
  rule_name = "ec2-state-change"

  filter_pattern = jsonencode({
    source = ["acs.ecs"]
    type   = ["EC2 Instance State-change Notification"]
  })
  event_bus_name = "default"
  targets {
    target_id = "ec2-state"
    type      = "acs.mns.topic"
    endpoint  = "acs:mns:${data.alicloud_regions.current.ids[0]}:${data.alicloud_caller_identity.current.account_id}:topics/${alicloud_message_service_topic.order_events.topic_name}"
    param_list {
      resource_key = "topic"
      form         = "CONSTANT"
      value        = alicloud_message_service_topic.order_events.topic_name
    }
    param_list {
      resource_key = "Body"
      form         = "ORIGINAL"
    }
    push_retry_strategy = "EXPONENTIAL_DECAY_RETRY"
  }
}

# aws2ali: aws_cloudwatch_event_target.ec2_state is not emitted as a resource: it is a targets block
#   of alicloud_event_bridge_rule.ec2_state; Alibaba keeps a rule's targets in the rule.
# resource "aws_cloudwatch_event_target" "ec2_state" {
#   rule = aws_cloudwatch_event_rule.ec2_state.name
#   arn  = aws_sns_topic.order_events.arn
# }

# aws2ali: manual — aws_cloudwatch_event_rule.nightly has no Alibaba Cloud translation.
# Why: alicloud_event_bridge_rule matches events only; the rule runs on a schedule ("cron(0 2 * * ?
#   *)"), which Alibaba Cloud expresses as Function Compute timer triggers.
# To do: Trigger the work on a schedule another way: for a Lambda target add alicloud_fcv3_trigger {
#   trigger_type = "timer", trigger_config = jsonencode({ cronExpression = "<6-field cron, seconds
#   first>", enable = true }) } on the function (rate(5 minutes) → "@every 5m", cron(0 12 * * ? *) →
#   "0 0 12 * * *"); for other targets use a timer-triggered function that calls them.
# resource "aws_cloudwatch_event_rule" "nightly" {
#   name                = "nightly-report"
#   schedule_expression = "cron(0 2 * * ? *)"
# }
