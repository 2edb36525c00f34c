# Order events fan out through SNS; the worker consumes them from SQS.

resource "alicloud_message_service_topic" "order_events" {
  topic_name = "${local.name}-events"
  tags       = local.aws2ali_default_tags
}

resource "alicloud_message_service_queue" "dlq" {
  queue_name               = "${local.name}-dlq"
  message_retention_period = 604800 # 14 days, the SQS maximum
  tags                     = local.aws2ali_default_tags
}

resource "alicloud_message_service_queue" "orders" {
  queue_name = "${local.name}-queue"
  # AWS recommends at least 6x the consumer's timeout.
  visibility_timeout   = 6 * var.functions["worker"].timeout
  polling_wait_seconds = 20
  tags                 = local.aws2ali_default_tags
  dlq_policy {
    enabled                  = true
    dead_letter_target_queue = alicloud_message_service_queue.dlq.queue_name
    max_receive_count        = 5
  }
}

data "alicloud_ram_policy_document" "orders_queue" {
  version = "1"
  statement {
    action   = ["mns:SendMessage"]
    resource = ["acs:mns:*:*:/queues/${alicloud_message_service_queue.orders.queue_name}"]
    principal {
      entity      = "Service"
      identifiers = ["mns.aliyuncs.com"]
    }
  }
}

# aws2ali: manual — aws_sqs_queue_policy.orders has no Alibaba Cloud translation.
# Why: MNS queues have no resource-based policy. Access for RAM users / roles comes from RAM policies
#   on acs:mns:<region>:<uid>:/queues/<name>; Alibaba services that deliver to a queue (EventBridge,
#   OSS events, CloudMonitor, MNS topic subscriptions) use their own service-linked roles, so the
#   usual "allow sns.amazonaws.com / events.amazonaws.com to SendMessage" statements need no
#   replacement.
# To do: For each Allow statement: if the principal is an AWS service (sns, events, s3), drop it — the
#   Alibaba service delivers through its service role (authorise it once); if it is an account / role,
#   create an alicloud_ram_policy with mns:SendMessage / mns:ReceiveMessage / mns:DeleteMessage (as
#   the statement allowed) on the queue and attach it to that RAM role or user. Cross-account access
#   needs a RAM role in the queue owner's account that the other account assumes.
# resource "aws_sqs_queue_policy" "orders" {
#   queue_url = aws_sqs_queue.orders.id
#   policy    = data.aws_iam_policy_document.orders_queue.json
# }

resource "alicloud_message_service_subscription" "orders_queue" {
  topic_name        = alicloud_message_service_topic.order_events.topic_name
  push_type         = "queue"
  endpoint          = alicloud_message_service_queue.orders.queue_name
  subscription_name = "orders_queue"
}
