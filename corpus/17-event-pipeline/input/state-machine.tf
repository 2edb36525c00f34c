data "aws_caller_identity" "current" {}

data "aws_service_principal" "states" {
  service_name = "states"
}

data "aws_service_principal" "events" {
  service_name = "events"
}

resource "aws_cloudwatch_log_group" "sfn" {
  name              = "/aws/vendedlogs/states/${var.name}"
  retention_in_days = 30
}

resource "aws_iam_role" "sfn" {
  name = "${var.name}-sfn"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = data.aws_service_principal.states.name }
      Condition = { StringEquals = { "aws:SourceAccount" = data.aws_caller_identity.current.account_id } }
    }]
  })
}

resource "aws_iam_policy" "sfn" {
  name = "${var.name}-sfn"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["lambda:InvokeFunction"]
        Resource = [for fn in aws_lambda_function.step : fn.arn]
      },
      {
        # Vended log delivery needs these on "*".
        Effect   = "Allow"
        Action   = ["logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups"]
        Resource = "*"
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "sfn" {
  role       = aws_iam_role.sfn.name
  policy_arn = aws_iam_policy.sfn.arn
}

resource "aws_sfn_state_machine" "ingest" {
  name     = var.name
  role_arn = aws_iam_role.sfn.arn
  type     = "STANDARD"

  definition = jsonencode({
    Comment = "Validate, transform and announce one landed object"
    StartAt = "Validate"
    States = {
      Validate = {
        Type     = "Task"
        Resource = aws_lambda_function.step["validate"].arn
        Retry    = [{ ErrorEquals = ["Lambda.TooManyRequestsException"], IntervalSeconds = 2, MaxAttempts = 6, BackoffRate = 2 }]
        Catch    = [{ ErrorEquals = ["States.ALL"], Next = "Failed" }]
        Next     = "Transform"
      }
      Transform = {
        Type           = "Task"
        Resource       = aws_lambda_function.step["transform"].arn
        TimeoutSeconds = 900
        Next           = "Notify"
      }
      Notify = {
        Type     = "Task"
        Resource = aws_lambda_function.step["notify"].arn
        End      = true
      }
      Failed = { Type = "Fail", Error = "ValidationFailed" }
    }
  })

  logging_configuration {
    log_destination        = "${aws_cloudwatch_log_group.sfn.arn}:*"
    include_execution_data = false
    level                  = "ERROR"
  }

  tracing_configuration {
    enabled = true
  }

  depends_on = [aws_iam_role_policy_attachment.sfn]
}
