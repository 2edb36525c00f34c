resource "aws_sqs_queue" "orders_dlq" {
  name                      = "orders-dlq"
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "orders" {
  name                       = "orders"
  visibility_timeout_seconds = 60
  receive_wait_time_seconds  = 20
  max_message_size           = 262144

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.orders_dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sns_topic" "order_events" {
  name = "order-events"
}

resource "aws_cloudwatch_event_rule" "order_created" {
  name        = "order-created"
  description = "Orders placed by the shop front end"

  event_pattern = jsonencode({
    source      = ["shop.orders"]
    detail-type = ["OrderCreated"]
  })
}

resource "aws_cloudwatch_event_target" "to_queue" {
  rule      = aws_cloudwatch_event_rule.order_created.name
  target_id = "orders-queue"
  arn       = aws_sqs_queue.orders.arn

  dead_letter_config {
    arn = aws_sqs_queue.orders_dlq.arn
  }

  retry_policy {
    maximum_event_age_in_seconds = 3600
    maximum_retry_attempts       = 5
  }
}

resource "aws_cloudwatch_event_target" "to_topic" {
  rule  = aws_cloudwatch_event_rule.order_created.name
  arn   = aws_sns_topic.order_events.arn
  input = jsonencode({ kind = "order-created" })
}

resource "aws_cloudwatch_event_rule" "ec2_state" {
  name = "ec2-state-change"

  event_pattern = jsonencode({
    source      = ["aws.ec2"]
    detail-type = ["EC2 Instance State-change Notification"]
  })
}

resource "aws_cloudwatch_event_target" "ec2_state" {
  rule = aws_cloudwatch_event_rule.ec2_state.name
  arn  = aws_sns_topic.order_events.arn
}

resource "aws_cloudwatch_event_rule" "nightly" {
  name                = "nightly-report"
  schedule_expression = "cron(0 2 * * ? *)"
}
