resource "aws_cloudwatch_event_rule" "object_created" {
  name        = "${var.name}-object-created"
  description = "New objects under incoming/ in the landing bucket"

  event_pattern = jsonencode({
    source      = ["aws.s3"]
    detail-type = ["Object Created"]
    detail = {
      bucket = { name = [var.landing_bucket] }
      object = { key = [{ prefix = "incoming/" }] }
    }
  })
}

resource "aws_cloudwatch_event_rule" "nightly" {
  name                = "${var.name}-nightly"
  schedule_expression = var.nightly_schedule
  state               = "ENABLED"
}

resource "aws_iam_role" "events" {
  name = "${var.name}-events-invoke"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = data.aws_service_principal.events.name } }]
  })
}

resource "aws_iam_role_policy" "events" {
  name = "start-execution"
  role = aws_iam_role.events.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "states:StartExecution", Resource = aws_sfn_state_machine.ingest.arn }]
  })
}

# Events EventBridge could not deliver end up here.
resource "aws_sqs_queue" "events_dlq" {
  name                      = "${var.name}-events-dlq"
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue_policy" "events_dlq" {
  queue_url = aws_sqs_queue.events_dlq.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "events.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.events_dlq.arn
      Condition = { ArnEquals = { "aws:SourceArn" = [aws_cloudwatch_event_rule.object_created.arn, aws_cloudwatch_event_rule.nightly.arn] } }
    }]
  })
}

resource "aws_cloudwatch_event_target" "sfn" {
  for_each = {
    object_created = aws_cloudwatch_event_rule.object_created.name
    nightly        = aws_cloudwatch_event_rule.nightly.name
  }

  rule      = each.value
  target_id = "start-${each.key}"
  arn       = aws_sfn_state_machine.ingest.arn
  role_arn  = aws_iam_role.events.arn

  retry_policy {
    maximum_event_age_in_seconds = 3600
    maximum_retry_attempts       = 10
  }

  dead_letter_config {
    arn = aws_sqs_queue.events_dlq.arn
  }

  dynamic "input_transformer" {
    for_each = each.key == "object_created" ? [1] : []

    content {
      input_paths    = { bucket = "$.detail.bucket.name", key = "$.detail.object.key" }
      input_template = "{\"bucket\": <bucket>, \"key\": <key>, \"trigger\": \"s3\"}"
    }
  }
}
