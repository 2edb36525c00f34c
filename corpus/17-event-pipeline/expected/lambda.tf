# aws2ali: data.aws_service_principal.lambda is not emitted as a resource: RAM service principals are
#   fixed strings (fc.aliyuncs.com); there is nothing to look up, and references now use the string.
# data "aws_service_principal" "lambda" {
#   service_name = "lambda"
# }

locals {
  steps = {
    validate  = { handler = "validate.handler", timeout = 30 }
    transform = { handler = "transform.handler", timeout = 300 }
    notify    = { handler = "notify.handler", timeout = 10 }
  }
}

resource "alicloud_ram_role" "step" {
  role_name = "${var.name}-step-fn"

  assume_role_policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect = "Allow"
        Action = "sts:AssumeRole"
        Principal = {
          Service = "fc.aliyuncs.com"
        }
      },
    ]
  })
  tags = local.aws2ali_default_tags
}

# aws2ali: manual — aws_iam_role_policy_attachment.step_logs has no Alibaba Cloud translation.
# Why: The AWS managed policy AWSLambdaBasicExecutionRole has no known RAM system policy
#   (iam-managed-policies value map).
# To do: Attach the RAM system policy closest to it (RAM console → Policies, type System), or
#   translate the AWS policy's document into an alicloud_ram_policy and attach that.
# resource "aws_iam_role_policy_attachment" "step_logs" {
#   role       = aws_iam_role.step.name
#   policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
# }

resource "alicloud_ram_policy" "step_data" {
  policy_name = "${var.name}-step-data"
  description = "Read landing objects, write curated output."

  policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["oss:GetObject"]
        Resource = "acs:oss:*:*:${var.landing_bucket}/*"
      },
      {
        Effect   = "Allow"
        Action   = ["oss:PutObject"]
        Resource = "acs:oss:*:*:${var.landing_bucket}/curated/*"
      },
    ]
  })
  rotate_strategy = "DeleteOldestNonDefaultVersionWhenLimitExceeded"
  tags            = local.aws2ali_default_tags
}

resource "alicloud_ram_role_policy_attachment" "step_data" {
  role_name   = alicloud_ram_role.step.role_name
  policy_name = alicloud_ram_policy.step_data.policy_name
  policy_type = "Custom"
}

resource "alicloud_fcv3_function" "step" {
  for_each = local.steps

  function_name     = "${var.name}-${each.key}"
  role              = alicloud_ram_role.step.arn
  runtime           = "python3.12"
  handler           = each.value.handler
  timeout           = each.value.timeout
  memory_size       = each.key == "transform" ? 2048 : 256
  disk_size         = each.key == "transform" ? 4096 : 512
  cpu               = min(floor(each.key == "transform" ? 2048 : 256 / 1024 * 20) / 20, max(ceil(each.key == "transform" ? 2048 : 256 / 1769 * 20) / 20, ceil(each.key == "transform" ? 2048 : 256 / 4096 * 20) / 20))
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
  code {
    oss_bucket_name = var.code_bucket
    oss_object_name = "ingest/${var.code_version}/${each.key}.zip"
  }
}
