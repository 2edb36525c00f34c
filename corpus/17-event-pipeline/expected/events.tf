# aws2ali: manual — aws_cloudwatch_event_rule.object_created has no Alibaba Cloud translation.
# Why: The rule has no target in this folder, and an alicloud_event_bridge_rule needs at least one.
# To do: Create the rule with a targets block by hand (see the report items of its targets).
# resource "aws_cloudwatch_event_rule" "object_created" {
#   name        = "${var.name}-object-created"
#   description = "New objects under incoming/ in the landing bucket"
#
#   event_pattern = jsonencode({
#     source      = ["aws.s3"]
#     detail-type = ["Object Created"]
#     detail = {
#       bucket = { name = [var.landing_bucket] }
#       object = { key = [{ prefix = "incoming/" }] }
#     }
#   })
# }

# aws2ali: manual — aws_cloudwatch_event_rule.nightly has no Alibaba Cloud translation.
# Why: alicloud_event_bridge_rule matches events only; the rule runs on a schedule
#   (var.nightly_schedule), which Alibaba Cloud expresses as Function Compute timer triggers.
# To do: Trigger the work on a schedule another way: for a Lambda target add alicloud_fcv3_trigger {
#   trigger_type = "timer", trigger_config = jsonencode({ cronExpression = "<6-field cron, seconds
#   first>", enable = true }) } on the function (rate(5 minutes) → "@every 5m", cron(0 12 * * ? *) →
#   "0 0 12 * * *"); for other targets use a timer-triggered function that calls them.
# resource "aws_cloudwatch_event_rule" "nightly" {
#   name                = "${var.name}-nightly"
#   schedule_expression = var.nightly_schedule
#   state               = "ENABLED"
# }

resource "alicloud_ram_role" "events" {
  role_name = "${var.name}-events-invoke"
  assume_role_policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect = "Allow"
        Action = "sts:AssumeRole"
        Principal = {
          Service = var.aws2ali_data_aws_service_principal_events_name
        }
      },
    ]
  })
  tags = local.aws2ali_default_tags
}

resource "alicloud_ram_policy" "events" {
  policy_name = "${var.name}-events-invoke-start-execution"
  policy_document = jsonencode({
    Version   = "1"
    Statement = []
  })
  rotate_strategy = "DeleteOldestNonDefaultVersionWhenLimitExceeded"
  tags            = local.aws2ali_default_tags
}

resource "alicloud_ram_role_policy_attachment" "events" {
  role_name   = alicloud_ram_role.events.role_name
  policy_name = alicloud_ram_policy.events.policy_name
  policy_type = "Custom"
}

# Events EventBridge could not deliver end up here.
resource "alicloud_message_service_queue" "events_dlq" {
  queue_name               = "${var.name}-events-dlq"
  message_retention_period = 604800
  tags                     = local.aws2ali_default_tags
}

# aws2ali: manual — aws_sqs_queue_policy.events_dlq has no Alibaba Cloud translation.
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
# resource "aws_sqs_queue_policy" "events_dlq" {
#   queue_url = aws_sqs_queue.events_dlq.id
#   policy = jsonencode({
#     Version = "2012-10-17"
#     Statement = [{
#       Effect    = "Allow"
#       Principal = { Service = "events.amazonaws.com" }
#       Action    = "sqs:SendMessage"
#       Resource  = aws_sqs_queue.events_dlq.arn
#       Condition = { ArnEquals = { "aws:SourceArn" = [aws_cloudwatch_event_rule.object_created.arn, aws_cloudwatch_event_rule.nightly.arn] } }
#     }]
#   })
# }

# aws2ali: manual — aws_cloudwatch_event_target.sfn has no Alibaba Cloud translation.
# Why: The target's rule is not an aws_cloudwatch_event_rule translated in this folder, and Alibaba
#   keeps targets inside the alicloud_event_bridge_rule resource.
# To do: Add the target as a targets block of the alicloud_event_bridge_rule that manages the rule.
# resource "aws_cloudwatch_event_target" "sfn" {
#   for_each = {
#     object_created = aws_cloudwatch_event_rule.object_created.name
#     nightly        = aws_cloudwatch_event_rule.nightly.name
#   }
#
#   rule      = each.value
#   target_id = "start-${each.key}"
#   arn       = aws_sfn_state_machine.ingest.arn
#   role_arn  = aws_iam_role.events.arn
#
#   retry_policy {
#     maximum_event_age_in_seconds = 3600
#     maximum_retry_attempts       = 10
#   }
#
#   dead_letter_config {
#     arn = aws_sqs_queue.events_dlq.arn
#   }
#
#   dynamic "input_transformer" {
#     for_each = each.key == "object_created" ? [1] : []
#
#     content {
#       input_paths    = { bucket = "$.detail.bucket.name", key = "$.detail.object.key" }
#       input_template = "{\"bucket\": <bucket>, \"key\": <key>, \"trigger\": \"s3\"}"
#     }
#   }
# }
