data "alicloud_vpcs" "main" {
  tags = { Name = "main-${var.environment}" }
}

data "alicloud_vswitches" "data" {
  tags   = { Tier = "data" }
  vpc_id = data.alicloud_vpcs.main.ids[0]
}

data "alicloud_security_groups" "client" {
  for_each = var.client_security_groups

  vpc_id     = data.alicloud_vpcs.main.ids[0]
  name_regex = "^${each.key}$"
}

locals {
  name = "sessions-${var.environment}"
  logs = {
    slow-log   = "json"
    engine-log = "text"
  }
}

resource "alicloud_kms_key" "redis" {
  description        = "${local.name} at-rest encryption and AUTH secret"
  automatic_rotation = "Enabled"
  rotation_interval  = "365d"
  tags               = local.aws2ali_default_tags
}

resource "alicloud_kms_secret" "auth" {
  secret_name       = "${local.name}/redis-auth"
  description       = "AUTH token for ${local.name}"
  encryption_key_id = alicloud_kms_key.redis.id
  version_id        = "v1"
  secret_data = jsonencode({
    host  = alicloud_kvstore_instance.sessions.connection_domain
    port  = 6379
    token = var.auth_token
  })
  secret_data_type = "text"
  tags             = local.aws2ali_default_tags
}

# aws2ali: aws_secretsmanager_secret_version.auth is not emitted as a resource: its value is
#   secret_data of alicloud_kms_secret.auth; Alibaba keeps a secret's value in the secret resource.
# resource "aws_secretsmanager_secret_version" "auth" {
#   secret_id = aws_secretsmanager_secret.auth.id
#   secret_string = jsonencode({
#     host  = aws_elasticache_replication_group.sessions.primary_endpoint_address
#     port  = 6379
#     token = var.auth_token
#   })
# }

# aws2ali: aws_elasticache_subnet_group.sessions is not emitted as a resource: Alibaba Cloud databases
#   have no subnet groups; alicloud_kvstore_instance.sessions takes the group's first subnet as
#   vswitch_id (and its zone).
# resource "aws_elasticache_subnet_group" "sessions" {
#   name       = local.name
#   subnet_ids = data.aws_subnets.data.ids
# }

resource "alicloud_security_group" "redis" {
  security_group_name = "${local.name}-redis"
  description         = "Redis for the session store"
  vpc_id              = data.alicloud_vpcs.main.ids[0]
  resource_group_id   = alicloud_resource_manager_resource_group.this.id
  tags                = local.aws2ali_default_tags
}

resource "alicloud_security_group_rule" "client" {
  for_each = data.alicloud_security_groups.client

  security_group_id        = alicloud_security_group.redis.id
  description              = "from ${each.key}"
  priority                 = 1
  type                     = "ingress"
  ip_protocol              = "tcp"
  port_range               = "6379/6379"
  nic_type                 = "intranet"
  policy                   = "accept"
  source_security_group_id = each.value.id
}

resource "alicloud_log_store" "redis" {
  for_each = local.logs

  logstore_name    = "elasticache-${local.name}-${each.key}"
  retention_period = 14
  project_name     = alicloud_log_project.this.project_name
}

data "alicloud_caller_identity" "current" {}

resource "alicloud_log_project" "this" {
  project_name      = "stack-logs-${data.alicloud_caller_identity.current.account_id}"
  description       = "Log stores migrated from CloudWatch Logs by aws2ali."
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags
}

resource "alicloud_log_store_index" "redis" {
  for_each = local.logs
  project  = alicloud_log_project.this.project_name
  logstore = alicloud_log_store.redis[each.key].logstore_name
  full_text {
    case_sensitive = false
    token          = ", '\";=()[]{}?@&<>/:\n\t\r"
  }
}

resource "alicloud_kvstore_instance" "sessions" {
  db_instance_name = local.name
  engine_version   = "7.0"
  instance_class   = var.sessions_instance_class
  port             = 6379

  security_group_id = alicloud_security_group.redis.id

  tde_status     = "Enabled"
  encryption_key = alicloud_kms_key.redis.arn
  ssl_enable     = "Enable"
  password       = var.auth_token

  backup_time         = "02:00Z-03:00Z"
  instance_type       = "Redis"
  payment_type        = "PostPaid"
  vswitch_id          = data.alicloud_vswitches.data.ids[0]
  zone_id             = data.alicloud_vswitches.data.vswitches[0].zone_id
  secondary_zone_id   = data.alicloud_vswitches.data.vswitches[1].zone_id
  maintain_start_time = "04:00Z"
  maintain_end_time   = "05:00Z"
  resource_group_id   = alicloud_resource_manager_resource_group.this.id
  tags                = local.aws2ali_default_tags

  # Replicas are added during peak season by hand (runbook RB-17).
  timeouts {
    create = "60m"
  }
  lifecycle {
    ignore_changes = [num_cache_clusters]
  }

  depends_on = [alicloud_log_store.redis]
}
