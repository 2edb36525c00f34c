# aws2ali: aws_elasticache_subnet_group.cache is not emitted as a resource: Alibaba Cloud databases
#   have no subnet groups; alicloud_kvstore_instance.sessions takes the group's first subnet as
#   vswitch_id (and its zone).
# resource "aws_elasticache_subnet_group" "cache" {
#   name       = "orders-cache"
#   subnet_ids = aws_subnet.private[*].id
# }

resource "alicloud_kvstore_instance" "sessions" {
  db_instance_name    = "orders-sessions"
  engine_version      = "7.0"
  instance_class      = "redis.shard.4xlarge.ce"
  port                = 6379
  security_group_id   = alicloud_security_group.data.id
  tde_status          = "Enabled"
  ssl_enable          = "Enable"
  password            = var.cache_auth_token
  backup_time         = "02:00Z-03:00Z"
  instance_type       = "Redis"
  payment_type        = "PostPaid"
  vswitch_id          = alicloud_vswitch.private[0].id
  zone_id             = alicloud_vswitch.private[0].zone_id
  secondary_zone_id   = alicloud_vswitch.private[1].zone_id
  maintain_start_time = "04:00Z"
  maintain_end_time   = "05:00Z"
  security_ips        = ["10.40.0.0/16"]
  resource_group_id   = alicloud_resource_manager_resource_group.this.id
  tags                = local.aws2ali_default_tags
  timeouts {
    create = "60m"
  }
}

# aws2ali: aws_db_subnet_group.orders is not emitted as a resource: Alibaba Cloud databases have no
#   subnet groups; alicloud_db_instance.orders takes the group's first subnet as vswitch_id (and its
#   zone).
# resource "aws_db_subnet_group" "orders" {
#   name       = "orders-db"
#   subnet_ids = aws_subnet.private[*].id
# }

resource "alicloud_rds_parameter_group" "orders" {
  parameter_group_name = "orders-mysql80"
  engine               = "mysql"
  engine_version       = "8.0"

  param_detail {
    param_name  = "max_connections"
    param_value = "500"
  }

  param_detail {
    param_name  = "slow_query_log"
    param_value = "1"
  }
}

resource "alicloud_db_instance" "orders" {
  instance_name            = "orders"
  engine                   = "MySQL"
  engine_version           = "8.0"
  instance_type            = "mysql.x4.medium.2c"
  instance_storage         = 100
  db_instance_storage_type = "cloud_essd"
  db_param_group_id        = alicloud_rds_parameter_group.orders.id
  security_group_ids       = [alicloud_security_group.data.id]
  category                 = "HighAvailability"
  deletion_protection      = true
  released_keep_policy     = "Lastest"
  instance_charge_type     = "Postpaid"
  vswitch_id               = alicloud_vswitch.private[0].id
  security_ips             = ["10.40.0.0/16"]
  resource_group_id        = alicloud_resource_manager_resource_group.this.id
  tags                     = local.aws2ali_default_tags
  timeouts {
    create = "60m"
  }
}

resource "alicloud_rds_account" "orders" {
  db_instance_id   = alicloud_db_instance.orders.id
  account_name     = "orders_admin"
  account_password = var.db_password
  account_type     = "Super"
}

resource "alicloud_db_database" "orders" {
  instance_id    = alicloud_db_instance.orders.id
  data_base_name = "orders"
}

resource "alicloud_db_backup_policy" "orders" {
  instance_id             = alicloud_db_instance.orders.id
  backup_retention_period = 7
  preferred_backup_time   = "01:00Z-02:00Z"
}
