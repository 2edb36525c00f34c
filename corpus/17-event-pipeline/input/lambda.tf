data "aws_service_principal" "lambda" {
  service_name = "lambda"
}

locals {
  steps = {
    validate  = { handler = "validate.handler", timeout = 30 }
    transform = { handler = "transform.handler", timeout = 300 }
    notify    = { handler = "notify.handler", timeout = 10 }
  }
}

resource "aws_iam_role" "step" {
  name = "${var.name}-step-fn"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = data.aws_service_principal.lambda.name }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "step_logs" {
  role       = aws_iam_role.step.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_iam_policy" "step_data" {
  name        = "${var.name}-step-data"
  description = "Read landing objects, write curated output."

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject"]
        Resource = "arn:aws:s3:::${var.landing_bucket}/*"
      },
      {
        Effect   = "Allow"
        Action   = ["s3:PutObject"]
        Resource = "arn:aws:s3:::${var.landing_bucket}/curated/*"
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "step_data" {
  role       = aws_iam_role.step.name
  policy_arn = aws_iam_policy.step_data.arn
}

resource "aws_lambda_function" "step" {
  for_each = local.steps

  function_name = "${var.name}-${each.key}"
  role          = aws_iam_role.step.arn
  runtime       = "python3.11"
  handler       = each.value.handler
  timeout       = each.value.timeout
  memory_size   = each.key == "transform" ? 2048 : 256
  s3_bucket     = var.code_bucket
  s3_key        = "ingest/${var.code_version}/${each.key}.zip"

  ephemeral_storage {
    size = each.key == "transform" ? 4096 : 512
  }
}
