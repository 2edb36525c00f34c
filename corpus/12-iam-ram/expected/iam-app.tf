# The orders service runs on EC2. Its instance role reads artifacts, writes
# the orders table and ships logs; SSM is used for shell access.

resource "alicloud_ram_role" "orders_app" {
  role_name   = "orders-app-${var.environment}"
  description = "Instance role of the orders service"
  assume_role_policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect = "Allow"
        Action = "sts:AssumeRole"
        Principal = {
          Service = "ecs.aliyuncs.com"
        }
      },
    ]
  })
  max_session_duration = 7200

  # Exclusive list: anything attached by hand is detached on apply.
  # aws2ali: managed_policy_arns removed (see aws2ali-report.md)

  tags = merge(local.aws2ali_default_tags, {
    Service = "orders"
  })
}

resource "alicloud_ram_policy" "orders_app_artifacts_and_logs" {
  policy_name = "orders-app-${var.environment}-artifacts-and-logs"
  policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect = "Allow"
        Action = ["oss:GetObject", "oss:ListObjects"]
        Resource = [
          "acs:oss:*:*:${alicloud_oss_bucket.artifacts.bucket}",
          "acs:oss:*:*:${alicloud_oss_bucket.artifacts.bucket}/*",
        ]
        Condition = {
          Bool = {
            "acs:SecureTransport" = "true"
          }
        }
      },
      {
        Effect   = "Allow"
        Action   = ["log:CreateLogStream", "log:PostLogStoreLogs", "log:ListLogStores"]
        Resource = "acs:log:${var.region}:${data.alicloud_caller_identity.current.account_id}:project/*/logstore/orders-${var.environment}"
      },
    ]
  })
  rotate_strategy = "DeleteOldestNonDefaultVersionWhenLimitExceeded"
  tags            = local.aws2ali_default_tags
}

resource "alicloud_ram_role_policy_attachment" "orders_app_artifacts_and_logs" {
  role_name   = alicloud_ram_role.orders_app.role_name
  policy_name = alicloud_ram_policy.orders_app_artifacts_and_logs.policy_name
  policy_type = "Custom"
}

resource "alicloud_ram_role_policy_attachment" "orders_app_aliyun_oss_read_only_access" {
  role_name   = alicloud_ram_role.orders_app.role_name
  policy_name = "AliyunOSSReadOnlyAccess"
  policy_type = "System"
}

# aws2ali: aws_iam_instance_profile.orders_app is not emitted as a resource: ECS takes the RAM role
#   directly (alicloud_ecs_ram_role_attachment, or ram_role_name on instances, launch templates and
#   node pools); there is no instance profile. References to it now name alicloud_ram_role.orders_app.
# resource "aws_iam_instance_profile" "orders_app" {
#   name = "orders-app-${var.environment}"
#   role = aws_iam_role.orders_app.name
# }

# Table access is a separate customer policy so the batch role can share it.
resource "alicloud_ram_policy" "orders_table" {
  policy_name     = "orders-table-rw-${var.environment}"
  description     = "Read and write the orders table"
  policy_document = <<EOF
{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ots:GetRow",
        "ots:PutRow",
        "ots:UpdateRow",
        "ots:GetRange"
      ],
      "Resource": [
        "acs:ots:${var.region}:${data.alicloud_caller_identity.current.account_id}:instance/*/table/orders_${var.environment}"
      ]
    }
  ]
}
EOF
  rotate_strategy = "DeleteOldestNonDefaultVersionWhenLimitExceeded"
  tags            = local.aws2ali_default_tags
}

resource "alicloud_ram_role_policy_attachment" "orders_app_table" {
  role_name   = alicloud_ram_role.orders_app.role_name
  policy_name = alicloud_ram_policy.orders_table.policy_name
  policy_type = "Custom"
}

# aws2ali: manual — aws_iam_role_policy_attachment.orders_app_ssm has no Alibaba Cloud translation.
# Why: The AWS managed policy AmazonSSMManagedInstanceCore has no known RAM system policy
#   (iam-managed-policies value map); **unsure**: ECS Cloud Assistant and its session manager need no
#   policy on the instance's RAM role; check what the instances' commands call.
# To do: Attach the RAM system policy closest to it (RAM console → Policies, type System), or
#   translate the AWS policy's document into an alicloud_ram_policy and attach that.
# resource "aws_iam_role_policy_attachment" "orders_app_ssm" {
#   role       = aws_iam_role.orders_app.name
#   policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
# }
