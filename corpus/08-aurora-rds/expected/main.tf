# Databases for the shop: Aurora MySQL for orders/checkout and a plain RDS
# PostgreSQL instance for the reporting service.

# aws2ali: aws_db_subnet_group.db is not emitted as a resource: Alibaba Cloud databases have no subnet
#   groups; alicloud_polardb_cluster.orders, alicloud_db_instance.reporting take the group's first
#   subnet as vswitch_id (and its zone).
# resource "aws_db_subnet_group" "db" {
#   name        = "shop-prod-db"
#   description = "Database tier subnets"
#   subnet_ids  = var.private_subnet_ids
# }

resource "alicloud_polardb_cluster" "orders" {
  description = "shop-prod-orders"
  db_type     = "MySQL"
  db_version  = "8.0"

  security_group_ids = [var.db_security_group_id]

  tde_status                                  = "Enabled"
  maintain_time                               = "04:30Z-05:30Z"
  deletion_lock                               = 1
  backup_retention_policy_on_cluster_deletion = "LATEST"
  pay_type                                    = "PostPaid"
  db_node_class                               = "polar.mysql.x8.medium"
  db_node_count                               = 2
  vswitch_id                                  = var.private_subnet_ids[0]
  resource_group_id                           = alicloud_resource_manager_resource_group.this.id
  timeouts {
    create = "60m"
  }
}

resource "alicloud_polardb_account" "orders" {
  db_cluster_id    = alicloud_polardb_cluster.orders.id
  account_name     = var.db_master_username
  account_password = var.db_master_password
  account_type     = "Super"
}

resource "alicloud_polardb_database" "orders" {
  db_cluster_id = alicloud_polardb_cluster.orders.id
  db_name       = "orders"
}

resource "alicloud_polardb_backup_policy" "orders" {
  db_cluster_id                       = alicloud_polardb_cluster.orders.id
  data_level1_backup_retention_period = 14
  preferred_backup_time               = "03:00Z-04:00Z"
}

# Writer + one reader. Aurora picks the writer; promotion_tier keeps failover predictable.
# aws2ali: aws_rds_cluster_instance.orders is not emitted as a resource: PolarDB nodes are part of the
#   cluster resource: alicloud_polardb_cluster.orders sets their class (db_node_class) and number
#   (db_node_count).
# resource "aws_rds_cluster_instance" "orders" {
#   count                = 2
#   identifier           = "shop-prod-orders-${count.index}"
#   cluster_identifier   = aws_rds_cluster.orders.id
#   instance_class       = "db.r6g.large"
#   engine               = aws_rds_cluster.orders.engine
#   engine_version       = aws_rds_cluster.orders.engine_version
#   db_subnet_group_name = aws_db_subnet_group.db.name
#   promotion_tier       = count.index
#
#   performance_insights_enabled = true
# }

resource "alicloud_db_instance" "reporting" {
  instance_name  = "shop-prod-reporting"
  engine         = "PostgreSQL"
  engine_version = "15.0"
  instance_type  = "pg.x4.medium.2c"

  instance_storage         = 200
  storage_upper_bound      = 1000
  db_instance_storage_type = "cloud_essd"

  category           = "HighAvailability"
  security_group_ids = [var.db_security_group_id]

  deletion_protection  = true
  released_keep_policy = "Lastest"
  instance_charge_type = "Postpaid"
  storage_auto_scale   = "Enable"
  storage_threshold    = 10
  vswitch_id           = var.private_subnet_ids[0]
  resource_group_id    = alicloud_resource_manager_resource_group.this.id
  # Must be unique per destroy; bump the suffix if you ever recreate on purpose.
  # aws2ali: final_snapshot_identifier removed (see aws2ali-report.md)
  timeouts {
    create = "60m"
  }
}

resource "alicloud_rds_account" "reporting" {
  db_instance_id   = alicloud_db_instance.reporting.id
  account_name     = "reporting_admin"
  account_password = var.db_master_password
  account_type     = "Super"
}

resource "alicloud_db_database" "reporting" {
  instance_id    = alicloud_db_instance.reporting.id
  data_base_name = "reporting"
}

resource "alicloud_db_backup_policy" "reporting" {
  instance_id             = alicloud_db_instance.reporting.id
  backup_retention_period = 7
}

output "orders_writer_endpoint" {
  value = alicloud_polardb_cluster.orders.connection_string
}

output "orders_reader_endpoint" {
  value = alicloud_polardb_cluster.orders.connection_string
}

output "reporting_address" {
  value = alicloud_db_instance.reporting.connection_string
}
