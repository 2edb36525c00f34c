data "aws_vpc" "main" {
  tags = { Name = "main-${var.environment}" }
}

data "aws_subnets" "data" {
  filter {
    name   = "vpc-id"
    values = [data.aws_vpc.main.id]
  }

  tags = { Tier = "data" }
}

data "aws_security_group" "client" {
  for_each = var.client_security_groups

  vpc_id = data.aws_vpc.main.id
  name   = each.key
}

locals {
  name = "sessions-${var.environment}"
  logs = {
    slow-log   = "json"
    engine-log = "text"
  }
}

resource "aws_kms_key" "redis" {
  description         = "${local.name} at-rest encryption and AUTH secret"
  enable_key_rotation = true
}

resource "aws_secretsmanager_secret" "auth" {
  name        = "${local.name}/redis-auth"
  description = "AUTH token for ${local.name}"
  kms_key_id  = aws_kms_key.redis.arn
}

resource "aws_secretsmanager_secret_version" "auth" {
  secret_id = aws_secretsmanager_secret.auth.id
  secret_string = jsonencode({
    host  = aws_elasticache_replication_group.sessions.primary_endpoint_address
    port  = 6379
    token = var.auth_token
  })
}

resource "aws_elasticache_subnet_group" "sessions" {
  name       = local.name
  subnet_ids = data.aws_subnets.data.ids
}

resource "aws_security_group" "redis" {
  name        = "${local.name}-redis"
  description = "Redis for the session store"
  vpc_id      = data.aws_vpc.main.id
}

resource "aws_vpc_security_group_ingress_rule" "client" {
  for_each = data.aws_security_group.client

  security_group_id            = aws_security_group.redis.id
  referenced_security_group_id = each.value.id
  from_port                    = 6379
  to_port                      = 6379
  ip_protocol                  = "tcp"
  description                  = "from ${each.key}"
}

resource "aws_cloudwatch_log_group" "redis" {
  for_each = local.logs

  name              = "/elasticache/${local.name}/${each.key}"
  retention_in_days = 14
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = local.name
  description          = "Session store"
  engine               = "redis"
  engine_version       = "7.1"
  node_type            = var.node_type
  port                 = 6379
  parameter_group_name = "default.redis7"

  num_cache_clusters         = var.replicas + 1
  automatic_failover_enabled = true
  multi_az_enabled           = true

  subnet_group_name  = aws_elasticache_subnet_group.sessions.name
  security_group_ids = [aws_security_group.redis.id]

  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.redis.arn
  transit_encryption_enabled = true
  auth_token                 = var.auth_token

  snapshot_retention_limit = 3
  snapshot_window          = "02:00-03:00"
  maintenance_window       = "tue:04:00-tue:05:00"

  dynamic "log_delivery_configuration" {
    for_each = local.logs
    iterator = log

    content {
      destination      = aws_cloudwatch_log_group.redis[log.key].name
      destination_type = "cloudwatch-logs"
      log_format       = log.value
      log_type         = log.key
    }
  }

  # Replicas are added during peak season by hand (runbook RB-17).
  lifecycle {
    ignore_changes = [num_cache_clusters]
  }

  depends_on = [aws_cloudwatch_log_group.redis]
}
