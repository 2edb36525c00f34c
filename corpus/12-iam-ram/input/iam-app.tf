# The orders service runs on EC2. Its instance role reads artifacts, writes
# the orders table and ships logs; SSM is used for shell access.

resource "aws_iam_role" "orders_app" {
  name        = "orders_app_${var.environment}"
  description = "Instance role of the orders service"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "EC2AssumeRole"
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { Service = "ec2.amazonaws.com" }
      },
    ]
  })
  max_session_duration = 7200

  # Exclusive list: anything attached by hand is detached on apply.
  managed_policy_arns = [
    "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
    "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy",
  ]

  inline_policy {
    name = "artifacts-and-logs"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        {
          Sid      = "ReadArtifacts"
          Effect   = "Allow"
          Action   = ["s3:GetObject", "s3:ListBucket"]
          Resource = [aws_s3_bucket.artifacts.arn, "${aws_s3_bucket.artifacts.arn}/*"]
          Condition = {
            Bool = { "aws:SecureTransport" = "true" }
          }
        },
        {
          Sid      = "ShipLogs"
          Effect   = "Allow"
          Action   = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogGroups"]
          Resource = "arn:aws:logs:${var.region}:${data.aws_caller_identity.current.account_id}:log-group:/orders/${var.environment}:*"
        },
      ]
    })
  }

  tags = {
    Service = "orders"
  }
}

resource "aws_iam_instance_profile" "orders_app" {
  name = "orders-app-${var.environment}"
  role = aws_iam_role.orders_app.name
}

# Table access is a separate customer policy so the batch role can share it.
resource "aws_iam_policy" "orders_table" {
  name        = "orders-table-rw-${var.environment}"
  description = "Read and write the orders table"
  policy      = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "OrdersTable",
      "Effect": "Allow",
      "Action": [
        "dynamodb:GetItem",
        "dynamodb:PutItem",
        "dynamodb:UpdateItem",
        "dynamodb:Query"
      ],
      "Resource": [
        "arn:aws:dynamodb:${var.region}:${data.aws_caller_identity.current.account_id}:table/orders-${var.environment}",
        "arn:aws:dynamodb:${var.region}:${data.aws_caller_identity.current.account_id}:table/orders-${var.environment}/index/*"
      ]
    },
    {
      "Sid": "DenyOutsideVpc",
      "Effect": "Deny",
      "Action": "dynamodb:*",
      "Resource": "*",
      "Condition": {
        "StringNotEquals": {
          "aws:SourceVpce": "vpce-0a1b2c3d4e5f67890"
        }
      }
    }
  ]
}
EOF
}

resource "aws_iam_role_policy_attachment" "orders_app_table" {
  role       = aws_iam_role.orders_app.name
  policy_arn = aws_iam_policy.orders_table.arn
}

resource "aws_iam_role_policy_attachment" "orders_app_ssm" {
  role       = aws_iam_role.orders_app.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}
