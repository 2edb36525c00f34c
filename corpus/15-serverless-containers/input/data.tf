resource "aws_elasticache_subnet_group" "cache" {
  name       = "orders-cache"
  subnet_ids = aws_subnet.private[*].id
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "orders-sessions"
  description                = "Session and rate-limit cache"
  engine                     = "redis"
  engine_version             = "7.1"
  node_type                  = "cache.r6g.large"
  num_cache_clusters         = 2
  port                       = 6379
  subnet_group_name          = aws_elasticache_subnet_group.cache.name
  security_group_ids         = [aws_security_group.data.id]
  automatic_failover_enabled = true
  multi_az_enabled           = true
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  auth_token                 = var.cache_auth_token
  snapshot_retention_limit   = 7
  snapshot_window            = "02:00-03:00"
  maintenance_window         = "sun:04:00-sun:05:00"
}

resource "aws_db_subnet_group" "orders" {
  name       = "orders-db"
  subnet_ids = aws_subnet.private[*].id
}

resource "aws_db_parameter_group" "orders" {
  name   = "orders-mysql80"
  family = "mysql8.0"

  parameter {
    name  = "max_connections"
    value = "500"
  }

  parameter {
    name  = "slow_query_log"
    value = "1"
  }

  parameter {
    name         = "innodb_buffer_pool_size"
    value        = "{DBInstanceClassMemory*3/4}"
    apply_method = "pending-reboot"
  }
}

resource "aws_db_instance" "orders" {
  identifier              = "orders"
  engine                  = "mysql"
  engine_version          = "8.0.36"
  instance_class          = "db.m6g.large"
  allocated_storage       = 100
  storage_type            = "gp3"
  storage_encrypted       = true
  db_name                 = "orders"
  username                = "orders_admin"
  password                = var.db_password
  db_subnet_group_name    = aws_db_subnet_group.orders.name
  parameter_group_name    = aws_db_parameter_group.orders.name
  vpc_security_group_ids  = [aws_security_group.data.id]
  multi_az                = true
  backup_retention_period = 7
  backup_window           = "01:00-02:00"
  deletion_protection     = true
  skip_final_snapshot     = false
}
