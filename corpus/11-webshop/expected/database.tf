# Aurora MySQL holds orders, customers and inventory.
# The master password is generated and kept only in (encrypted) state; the app
# reads a per-service user from Secrets Manager (managed outside Terraform).

resource "random_password" "db_master" {
  length  = 32
  special = true
  # RDS rejects '/', '@', '"' and spaces in master passwords.
  override_special = "!#$%^&*()-_=+"
}

# aws2ali: aws_db_subnet_group.shop is not emitted as a resource: Alibaba Cloud databases have no
#   subnet groups; alicloud_polardb_cluster.shop takes the group's first subnet as vswitch_id (and its
#   zone).
# resource "aws_db_subnet_group" "shop" {
#   name       = "${local.name}-db"
#   subnet_ids = aws_subnet.private[*].id
# }

resource "alicloud_security_group" "db" {
  security_group_name = "${local.name}-db"
  description         = "MySQL from EKS nodes only"
  vpc_id              = alicloud_vpc.main.id
  resource_group_id   = alicloud_resource_manager_resource_group.this.id
  tags                = local.aws2ali_default_tags
}

resource "alicloud_security_group_rule" "db_ingress" {
  for_each          = toset(alicloud_vswitch.private[*].cidr_block)
  security_group_id = alicloud_security_group.db.id
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "3306/3306"
  nic_type          = "intranet"
  policy            = "accept"
  cidr_ip           = each.value
}

resource "alicloud_polardb_cluster" "shop" {
  description                                 = "${local.name}-aurora"
  db_type                                     = "MySQL"
  db_version                                  = "8.0"
  security_group_ids                          = [alicloud_security_group.db.id]
  tde_status                                  = "Enabled"
  deletion_lock                               = var.environment == "prod" ? 1 : 0
  backup_retention_policy_on_cluster_deletion = var.environment != "prod" ? "NONE" : "LATEST"

  tags              = merge(local.aws2ali_default_tags, module.tags.tags)
  pay_type          = "PostPaid"
  db_node_class     = "polar.mysql.x8.medium"
  db_node_count     = max(2, var.environment == "prod" ? 2 : 1)
  vswitch_id        = alicloud_vswitch.private[0].id
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  db_cluster_ip_array {
    db_cluster_ip_array_name = "vpc"
    security_ips             = [var.vpc_cidr]
  }
  timeouts {
    create = "60m"
  }
}

resource "alicloud_polardb_account" "shop" {
  db_cluster_id    = alicloud_polardb_cluster.shop.id
  account_name     = "shopadmin"
  account_password = random_password.db_master.result
  account_type     = "Super"
}

resource "alicloud_polardb_database" "shop" {
  db_cluster_id = alicloud_polardb_cluster.shop.id
  db_name       = "webshop"
}

resource "alicloud_polardb_backup_policy" "shop" {
  db_cluster_id                       = alicloud_polardb_cluster.shop.id
  data_level1_backup_retention_period = min(14, max(3, var.environment == "prod" ? 35 : 7))
}

# aws2ali: aws_rds_cluster_instance.shop is not emitted as a resource: PolarDB nodes are part of the
#   cluster resource: alicloud_polardb_cluster.shop sets their class (db_node_class) and number
#   (db_node_count).
# resource "aws_rds_cluster_instance" "shop" {
#   count              = var.environment == "prod" ? 2 : 1
#   identifier         = "${local.name}-aurora-${count.index}"
#   cluster_identifier = aws_rds_cluster.shop.id
#   instance_class     = "db.r6g.large"
#   engine             = aws_rds_cluster.shop.engine
#   engine_version     = aws_rds_cluster.shop.engine_version
# }
