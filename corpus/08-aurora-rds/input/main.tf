# Databases for the shop: Aurora MySQL for orders/checkout and a plain RDS
# PostgreSQL instance for the reporting service.

resource "aws_db_subnet_group" "db" {
  name        = "shop-prod-db"
  description = "Database tier subnets"
  subnet_ids  = var.private_subnet_ids
}

resource "aws_rds_cluster" "orders" {
  cluster_identifier = "shop-prod-orders"
  engine             = "aurora-mysql"
  engine_version     = "8.0.mysql_aurora.3.05.2"
  database_name      = "orders"
  master_username    = var.db_master_username
  master_password    = var.db_master_password

  db_subnet_group_name   = aws_db_subnet_group.db.name
  vpc_security_group_ids = [var.db_security_group_id]
  port                   = 3306

  storage_encrypted            = true
  backup_retention_period      = 14
  preferred_backup_window      = "03:00-04:00"
  preferred_maintenance_window = "sun:04:30-sun:05:30"
  deletion_protection          = true
  skip_final_snapshot          = false
  final_snapshot_identifier    = "shop-prod-orders-final"

  enabled_cloudwatch_logs_exports = ["audit", "error", "slowquery"]
}

# Writer + one reader. Aurora picks the writer; promotion_tier keeps failover predictable.
resource "aws_rds_cluster_instance" "orders" {
  count                = 2
  identifier           = "shop-prod-orders-${count.index}"
  cluster_identifier   = aws_rds_cluster.orders.id
  instance_class       = "db.r6g.large"
  engine               = aws_rds_cluster.orders.engine
  engine_version       = aws_rds_cluster.orders.engine_version
  db_subnet_group_name = aws_db_subnet_group.db.name
  promotion_tier       = count.index

  performance_insights_enabled = true
}

resource "aws_db_instance" "reporting" {
  identifier     = "shop-prod-reporting"
  engine         = "postgres"
  engine_version = "15.5"
  instance_class = "db.m6g.large"
  db_name        = "reporting"
  username       = "reporting_admin"
  password       = var.db_master_password # TODO: separate secret per database

  allocated_storage     = 200
  max_allocated_storage = 1000
  storage_type          = "gp3"
  storage_encrypted     = true

  multi_az               = true
  db_subnet_group_name   = aws_db_subnet_group.db.name
  vpc_security_group_ids = [var.db_security_group_id]

  backup_retention_period = 7
  deletion_protection     = true
  skip_final_snapshot     = false
  # Must be unique per destroy; bump the suffix if you ever recreate on purpose.
  final_snapshot_identifier = "shop-prod-reporting-final-1"
}

output "orders_writer_endpoint" {
  value = aws_rds_cluster.orders.endpoint
}

output "orders_reader_endpoint" {
  value = aws_rds_cluster.orders.reader_endpoint
}

output "reporting_address" {
  value = aws_db_instance.reporting.address
}
