resource "aws_security_group" "rotation" {
  name        = "secrets-rotation"
  description = "Rotation Lambda: Postgres and the Secrets Manager endpoint only"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "postgres" {
  for_each = data.aws_subnet.rotation

  security_group_id = aws_security_group.rotation.id
  cidr_ipv4         = each.value.cidr_block
  from_port         = 5432
  to_port           = 5432
  ip_protocol       = "tcp"
  description       = "postgres in ${each.value.availability_zone}"
}

resource "aws_vpc_security_group_egress_rule" "https" {
  security_group_id = aws_security_group.rotation.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
  description       = "Secrets Manager / KMS via endpoints"
}

resource "aws_iam_role" "rotation" {
  name = "secrets-rotation-postgres"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy_attachment" "rotation_vpc" {
  role       = aws_iam_role.rotation.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
}

resource "aws_iam_role_policy" "rotation" {
  name = "rotate"
  role = aws_iam_role.rotation.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"]
        Resource = [for s in aws_secretsmanager_secret.db : s.arn]
      },
      { Effect = "Allow", Action = "secretsmanager:GetSecretValue", Resource = data.aws_secretsmanager_secret.master.arn },
      { Effect = "Allow", Action = "secretsmanager:GetRandomPassword", Resource = "*" },
      { Effect = "Allow", Action = ["kms:Decrypt", "kms:GenerateDataKey"], Resource = aws_kms_key.secrets.arn },
    ]
  })
}

resource "aws_cloudwatch_log_group" "rotation" {
  name              = "/aws/lambda/secrets-rotation-postgres"
  retention_in_days = 90
}

resource "aws_lambda_function" "rotation" {
  function_name = "secrets-rotation-postgres"
  role          = aws_iam_role.rotation.arn
  runtime       = "python3.12"
  handler       = "lambda_function.lambda_handler"
  timeout       = 60
  s3_bucket     = "acme-lambda-artifacts-123456789012"
  s3_key        = var.rotation_code_s3_key

  vpc_config {
    subnet_ids         = var.subnet_ids
    security_group_ids = [aws_security_group.rotation.id]
  }

  environment {
    variables = {
      SECRETS_MANAGER_ENDPOINT = "https://secretsmanager.us-east-1.amazonaws.com"
      EXCLUDE_CHARACTERS       = "/@\"'\\"
    }
  }

  depends_on = [aws_cloudwatch_log_group.rotation, aws_iam_role_policy_attachment.rotation_vpc]
}

resource "aws_lambda_permission" "secretsmanager" {
  statement_id  = "AllowSecretsManager"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.rotation.function_name
  principal     = "secretsmanager.amazonaws.com"
}

# The rotation template logs "setSecret: ... failed" on any step failure.
resource "aws_cloudwatch_log_metric_filter" "rotation_failed" {
  name           = "rotation-failed"
  log_group_name = aws_cloudwatch_log_group.rotation.name
  pattern        = "?\"failed\" ?\"ERROR\""

  metric_transformation {
    name          = "RotationFailures"
    namespace     = "Acme/Secrets"
    value         = "1"
    default_value = "0"
  }
}

resource "aws_cloudwatch_metric_alarm" "rotation_failed" {
  alarm_name          = "secrets-rotation-failed"
  namespace           = "Acme/Secrets"
  metric_name         = aws_cloudwatch_log_metric_filter.rotation_failed.metric_transformation[0].name
  statistic           = "Sum"
  period              = 3600
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = ["arn:aws:sns:us-east-1:123456789012:platform-alerts"]
}
