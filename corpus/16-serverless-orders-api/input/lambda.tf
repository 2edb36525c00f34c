data "aws_iam_policy_document" "assume_lambda" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "app" {
  statement {
    sid     = "OrdersTable"
    actions = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query"]
    resources = [
      aws_dynamodb_table.orders.arn,
      "${aws_dynamodb_table.orders.arn}/index/*",
    ]
  }

  dynamic "statement" {
    for_each = local.queue_access
    iterator = grant

    content {
      sid       = title(grant.key)
      actions   = grant.value.actions
      resources = grant.value.resources
    }
  }
}

resource "aws_iam_role" "fn" {
  for_each = var.functions

  name               = "${local.name}-${each.key}"
  assume_role_policy = data.aws_iam_policy_document.assume_lambda.json
}

resource "aws_iam_role_policy_attachment" "basic_execution" {
  for_each = var.functions

  role       = aws_iam_role.fn[each.key].name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

# TODO(orders#212): give the api function a narrower policy than the worker.
resource "aws_iam_role_policy" "app" {
  for_each = var.functions

  name   = "app-access"
  role   = aws_iam_role.fn[each.key].id
  policy = data.aws_iam_policy_document.app.json
}

resource "aws_cloudwatch_log_group" "fn" {
  for_each = var.functions

  name              = "/aws/lambda/${local.name}-${each.key}"
  retention_in_days = local.is_prod ? 90 : 14
}

resource "aws_lambda_function" "fn" {
  for_each = var.functions

  function_name = "${local.name}-${each.key}"
  role          = aws_iam_role.fn[each.key].arn
  runtime       = "python3.12"
  architectures = ["arm64"]
  handler       = each.value.handler
  memory_size   = each.value.memory_size
  timeout       = each.value.timeout

  s3_bucket = var.artifact_bucket
  s3_key    = "orders-api/${var.release}.zip"

  environment {
    variables = {
      TABLE_NAME              = aws_dynamodb_table.orders.name
      TOPIC_ARN               = aws_sns_topic.order_events.arn
      POWERTOOLS_SERVICE_NAME = "orders"
      AWS_ACCOUNT             = local.account_id
    }
  }

  tracing_config {
    mode = "Active"
  }

  # Log groups first, otherwise Lambda creates them without retention.
  depends_on = [aws_cloudwatch_log_group.fn, aws_iam_role_policy_attachment.basic_execution]
}

resource "aws_lambda_event_source_mapping" "queue" {
  for_each = { for k, v in var.functions : k => v if v.from_queue }

  event_source_arn                   = aws_sqs_queue.orders.arn
  function_name                      = aws_lambda_function.fn[each.key].arn
  batch_size                         = 10
  maximum_batching_window_in_seconds = 5
  function_response_types            = ["ReportBatchItemFailures"]

  scaling_config {
    maximum_concurrency = local.is_prod ? 50 : 5
  }
}

resource "aws_lambda_permission" "api_gateway" {
  statement_id  = "AllowHttpApiInvoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.fn["api"].function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${var.api_execution_arn}/*/*/orders*"
}
