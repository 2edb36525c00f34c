# Every analytics-tagged VPC in this account gets flow logs, including ones created by hand.
data "aws_vpcs" "analytics" {
  tags = { Department = "analytics" }
}

resource "aws_cloudwatch_log_group" "flow" {
  name              = "/vpc/flow-logs/analytics"
  retention_in_days = 30
}

resource "aws_iam_role" "flow" {
  name = "analytics-vpc-flow-logs"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "vpc-flow-logs.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy" "flow" {
  name = "write-logs"
  role = aws_iam_role.flow.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]
      Resource = "${aws_cloudwatch_log_group.flow.arn}:*"
    }]
  })
}

resource "aws_flow_log" "cloudwatch" {
  for_each = toset(data.aws_vpcs.analytics.ids)

  vpc_id                   = each.value
  traffic_type             = "REJECT"
  log_destination_type     = "cloud-watch-logs"
  log_destination          = aws_cloudwatch_log_group.flow.arn
  iam_role_arn             = aws_iam_role.flow.arn
  max_aggregation_interval = 60
}

# Full traffic to the central archive (parquet, hourly partitions) for the main VPC only.
resource "aws_flow_log" "archive" {
  vpc_id               = data.aws_vpc.analytics.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "${var.flow_log_bucket_arn}/analytics/"

  destination_options {
    file_format                = "parquet"
    per_hour_partition         = true
    hive_compatible_partitions = true
  }
}
