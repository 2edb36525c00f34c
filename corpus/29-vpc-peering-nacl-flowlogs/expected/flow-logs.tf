# Every analytics-tagged VPC in this account gets flow logs, including ones created by hand.
data "alicloud_vpcs" "analytics" {
  tags = { Department = "analytics" }
}

resource "alicloud_log_store" "flow" {
  logstore_name    = "vpc-flow-logs-analytics"
  retention_period = 30
  project_name     = alicloud_log_project.this.project_name
}

resource "alicloud_log_project" "this" {
  project_name      = "stack-logs-${data.alicloud_caller_identity.peer.account_id}"
  description       = "Log stores migrated from CloudWatch Logs by aws2ali."
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

resource "alicloud_log_store_index" "flow" {
  project  = alicloud_log_project.this.project_name
  logstore = alicloud_log_store.flow.logstore_name
  full_text {
    case_sensitive = false
    token          = ", '\";=()[]{}?@&<>/:\n\t\r"
  }
}

resource "alicloud_ram_role" "flow" {
  role_name = "analytics-vpc-flow-logs"
  assume_role_policy_document = jsonencode({
    Version   = "1"
    Statement = []
  })
  tags = local.aws2ali_default_tags
}

resource "alicloud_ram_policy" "flow" {
  policy_name = "analytics-vpc-flow-logs-write-logs"
  policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["log:CreateLogStream", "log:PostLogStoreLogs", "log:DescribeLogStreams"]
        Resource = "acs:log:*:*:project/${alicloud_log_store.flow.project_name}/logstore/${alicloud_log_store.flow.logstore_name}:*"
      },
    ]
  })
  rotate_strategy = "DeleteOldestNonDefaultVersionWhenLimitExceeded"
  tags            = local.aws2ali_default_tags
}

resource "alicloud_ram_role_policy_attachment" "flow" {
  role_name   = alicloud_ram_role.flow.role_name
  policy_name = alicloud_ram_policy.flow.policy_name
  policy_type = "Custom"
}

resource "alicloud_vpc_flow_log" "cloudwatch" {
  for_each = toset(data.alicloud_vpcs.analytics.ids)

  resource_id          = each.value
  traffic_type         = "Drop"
  aggregation_interval = "1"
  resource_type        = "VPC"
  project_name         = alicloud_log_store.flow.project_name
  log_store_name       = alicloud_log_store.flow.logstore_name
  resource_group_id    = alicloud_resource_manager_resource_group.this.id
  tags                 = local.aws2ali_default_tags
}

# Full traffic to the central archive (parquet, hourly partitions) for the main VPC only.
resource "alicloud_vpc_flow_log" "archive" {
  resource_id       = data.alicloud_vpcs.analytics.ids[0]
  traffic_type      = "All"
  resource_type     = "VPC"
  project_name      = alicloud_log_store.archive_flow_log.project_name
  log_store_name    = alicloud_log_store.archive_flow_log.logstore_name
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

resource "alicloud_log_store" "archive_flow_log" {
  project_name     = alicloud_log_project.this.project_name
  logstore_name    = "archive-flow-log"
  retention_period = 30
}
