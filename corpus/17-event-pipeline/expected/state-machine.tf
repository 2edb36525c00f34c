data "alicloud_caller_identity" "current" {}

# aws2ali: manual — data.aws_service_principal.states has no Alibaba Cloud translation.
# Why: RAM service principals are fixed strings of the form <product>.aliyuncs.com with no region
#   variants, so there is nothing to look up. The service-principal transform replaces references to
#   this data source with the literal from the iam-service-principals value map and removes the block.
# To do: Nothing if the transform ran. Otherwise replace data.aws_service_principal.<name>.name with
#   the RAM principal of the service (ec2 → "ecs.aliyuncs.com", lambda → "fc.aliyuncs.com", …; see
#   mappings/values/iam-service-principals.yaml).
# data "aws_service_principal" "states" {
#   service_name = "states"
# }

# aws2ali: manual — data.aws_service_principal.events has no Alibaba Cloud translation.
# Why: RAM service principals are fixed strings of the form <product>.aliyuncs.com with no region
#   variants, so there is nothing to look up. The service-principal transform replaces references to
#   this data source with the literal from the iam-service-principals value map and removes the block.
# To do: Nothing if the transform ran. Otherwise replace data.aws_service_principal.<name>.name with
#   the RAM principal of the service (ec2 → "ecs.aliyuncs.com", lambda → "fc.aliyuncs.com", …; see
#   mappings/values/iam-service-principals.yaml).
# data "aws_service_principal" "events" {
#   service_name = "events"
# }

resource "alicloud_log_store" "sfn" {
  logstore_name    = "aws-vendedlogs-states-${var.name}"
  retention_period = 30
  project_name     = alicloud_log_project.this.project_name
}

resource "alicloud_log_project" "this" {
  project_name      = "stack-logs-${data.alicloud_caller_identity.current.account_id}"
  description       = "Log stores migrated from CloudWatch Logs by aws2ali."
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

resource "alicloud_log_store_index" "sfn" {
  project  = alicloud_log_project.this.project_name
  logstore = alicloud_log_store.sfn.logstore_name
  full_text {
    case_sensitive = false
    token          = ", '\";=()[]{}?@&<>/:\n\t\r"
  }
}

resource "alicloud_ram_role" "sfn" {
  role_name = "${var.name}-sfn"

  assume_role_policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect = "Allow"
        Action = "sts:AssumeRole"
        Principal = {
          Service = var.aws2ali_data_aws_service_principal_states_name
        }
      },
    ]
  })
  tags = local.aws2ali_default_tags
}

resource "alicloud_ram_policy" "sfn" {
  policy_name = "${var.name}-sfn"
  policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["fc:InvokeFunction"]
        Resource = [for fn in alicloud_fcv3_function.step : fn.arn]
      },
      {
        Effect = "Allow"
        Action = [
          "log:CreateLogDelivery",
          "log:GetLogDelivery",
          "log:UpdateLogDelivery",
          "log:ListLogDeliveries",
          "log:PutResourcePolicy",
          "log:DescribeResourcePolicies",
          "log:ListLogStores",
        ]
        Resource = "*"
      },
    ]
  })
  rotate_strategy = "DeleteOldestNonDefaultVersionWhenLimitExceeded"
  tags            = local.aws2ali_default_tags
}

resource "alicloud_ram_role_policy_attachment" "sfn" {
  role_name   = alicloud_ram_role.sfn.role_name
  policy_name = alicloud_ram_policy.sfn.policy_name
  policy_type = "Custom"
}

# aws2ali: manual — aws_sfn_state_machine.ingest has no Alibaba Cloud translation.
# Why: The definition is Amazon States Language whose Task states call AWS service integrations
#   (arn:aws:states:::lambda:invoke, dynamodb, sqs, …). CloudFlow (alicloud_fnf_flow) uses its own
#   flow definition language (FDL / CloudFlow YAML spec) with Alibaba service integrations; states,
#   retries and catch rules can be carried over by hand, but resources and integrations must be
#   rewritten.
# To do: Create alicloud_fnf_flow { name, description (required), type = "FDL", role_arn = <RAM role
#   trusting fnf.aliyuncs.com>, definition = <rewritten flow> }. Translate each Task to the FC
#   function / service integration it calls, Choice/Parallel/Map/Wait states to their FDL
#   counterparts, and schedules (EventBridge rules starting executions) to alicloud_fnf_schedule.
# resource "aws_sfn_state_machine" "ingest" {
#   name     = var.name
#   role_arn = aws_iam_role.sfn.arn
#   type     = "STANDARD"
#
#   definition = jsonencode({
#     Comment = "Validate, transform and announce one landed object"
#     StartAt = "Validate"
#     States = {
#       Validate = {
#         Type     = "Task"
#         Resource = aws_lambda_function.step["validate"].arn
#         Retry    = [{ ErrorEquals = ["Lambda.TooManyRequestsException"], IntervalSeconds = 2, MaxAttempts = 6, BackoffRate = 2 }]
#         Catch    = [{ ErrorEquals = ["States.ALL"], Next = "Failed" }]
#         Next     = "Transform"
#       }
#       Transform = {
#         Type           = "Task"
#         Resource       = aws_lambda_function.step["transform"].arn
#         TimeoutSeconds = 900
#         Next           = "Notify"
#       }
#       Notify = {
#         Type     = "Task"
#         Resource = aws_lambda_function.step["notify"].arn
#         End      = true
#       }
#       Failed = { Type = "Fail", Error = "ValidationFailed" }
#     }
#   })
#
#   logging_configuration {
#     log_destination        = "${aws_cloudwatch_log_group.sfn.arn}:*"
#     include_execution_data = false
#     level                  = "ERROR"
#   }
#
#   tracing_configuration {
#     enabled = true
#   }
#
#   depends_on = [aws_iam_role_policy_attachment.sfn]
# }
