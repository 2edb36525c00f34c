data "terraform_remote_state" "network" {
  backend = "s3"
  config = {
    bucket = "acme-tfstate-123456789012-us-east-1"
    key    = "network/${var.environment}/terraform.tfstate"
    region = "us-east-1"
  }
}

data "alicloud_kms_keys" "rds" {
  enable_details = true
  ids            = [data.alicloud_kms_aliases.rds_alias.aliases[0].key_id]
}

data "alicloud_kms_aliases" "rds_alias" {
  name_regex = "^alias/acme-rds$"
}

# Rotated by the security team's rotation Lambda; we only read it.
data "alicloud_kms_secrets" "master" {
  name_regex     = "billing/${var.environment}/rds-master"
  enable_details = true
}

# aws2ali: manual — data.aws_secretsmanager_secret_version.master has no Alibaba Cloud translation.
# Why: aws2ali has no mapping rule for aws_secretsmanager_secret_version yet.
# To do: Translate it by hand (see the Alibaba Cloud provider docs), or add
#   mappings/data.aws_secretsmanager_secret_version.yaml.
# data "aws_secretsmanager_secret_version" "master" {
#   secret_id = data.aws_secretsmanager_secret.master.id
# }

locals {
  name = "billing-${var.environment}"
}

# aws2ali: aws_db_subnet_group.billing is not emitted as a resource: Alibaba Cloud databases have no
#   subnet groups; alicloud_db_instance.primary takes the group's first subnet as vswitch_id (and its
#   zone).
# resource "aws_db_subnet_group" "billing" {
#   name        = local.name
#   description = "Database subnets for billing"
#   subnet_ids  = data.terraform_remote_state.network.outputs.database_subnet_ids
# }

# aws2ali: manual — aws_db_parameter_group.pg16 has no Alibaba Cloud translation.
# Why: alicloud_rds_parameter_group accepts PostgreSQL up to 15.0; postgres16 has no template version
#   in this provider.
# To do: Set the parameters on the instance's Alibaba Cloud counterpart by hand (RDS console →
#   Parameters, or the instance's parameters block).
# resource "aws_db_parameter_group" "pg16" {
#   name_prefix = "${local.name}-pg16-"
#   family      = "postgres16"
#
#   dynamic "parameter" {
#     for_each = var.db_parameters
#     iterator = p
#
#     content {
#       name         = p.key
#       value        = p.value.value
#       apply_method = p.value.apply_method
#     }
#   }
#
#   lifecycle {
#     create_before_destroy = true
#   }
# }

resource "alicloud_security_group" "db" {
  security_group_name = "${local.name}-db"
  description         = "Postgres for billing"
  vpc_id              = data.terraform_remote_state.network.outputs.vpc_id
  resource_group_id   = alicloud_resource_manager_resource_group.this.id
  tags                = local.aws2ali_default_tags
}

resource "alicloud_security_group_rule" "from_apps" {
  count = length(var.app_security_group_ids)

  security_group_id        = alicloud_security_group.db.id
  priority                 = 1
  type                     = "ingress"
  ip_protocol              = "tcp"
  port_range               = "5432/5432"
  nic_type                 = "intranet"
  policy                   = "accept"
  source_security_group_id = var.app_security_group_ids[count.index]
}

resource "alicloud_ram_role" "monitoring" {
  role_name = "${local.name}-rds-monitoring"
  assume_role_policy_document = jsonencode({
    Version   = "1"
    Statement = []
  })
  tags = local.aws2ali_default_tags
}

# aws2ali: manual — aws_iam_role_policy_attachment.monitoring has no Alibaba Cloud translation.
# Why: The AWS managed policy AmazonRDSEnhancedMonitoringRole has no known RAM system policy
#   (iam-managed-policies value map).
# To do: Attach the RAM system policy closest to it (RAM console → Policies, type System), or
#   translate the AWS policy's document into an alicloud_ram_policy and attach that.
# resource "aws_iam_role_policy_attachment" "monitoring" {
#   role       = aws_iam_role.monitoring.name
#   policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"
# }

resource "alicloud_db_instance" "primary" {
  instance_name = local.name
  engine        = "PostgreSQL"
  instance_type = var.instance_class

  instance_storage         = 200
  storage_upper_bound      = 1000
  db_instance_storage_type = "cloud_essd"
  encryption_key           = data.alicloud_kms_keys.rds.keys[0].arn

  db_param_group_id  = var.aws2ali_aws_db_parameter_group_pg16_name
  security_group_ids = [alicloud_security_group.db.id]
  category           = "HighAvailability"

  maintain_time       = "04:00Z-05:00Z"
  deletion_protection = true

  monitoring_period    = 60
  instance_charge_type = "Postpaid"
  engine_version       = var.primary_engine_version
  storage_auto_scale   = "Enable"
  storage_threshold    = 10
  vswitch_id           = data.terraform_remote_state.network.outputs.database_subnet_ids[0]
  resource_group_id    = alicloud_resource_manager_resource_group.this.id
  tags                 = local.aws2ali_default_tags
  timeouts {
    create = "60m"
  }

  lifecycle {
    prevent_destroy = true
    # The secret is rotated outside Terraform.
    ignore_changes = [password]
  }
}

resource "alicloud_rds_account" "primary" {
  db_instance_id   = alicloud_db_instance.primary.id
  account_name     = "billing_admin"
  account_password = jsondecode(var.aws2ali_data_aws_secretsmanager_secret_version_master_secret_string)["password"]
  account_type     = "Super"
}

resource "alicloud_db_database" "primary" {
  instance_id    = alicloud_db_instance.primary.id
  data_base_name = "billing"
}

resource "alicloud_db_backup_policy" "primary" {
  instance_id             = alicloud_db_instance.primary.id
  backup_retention_period = 14
  preferred_backup_time   = "03:00Z-04:00Z"
}

# aws2ali: manual — aws_db_instance.replica has no Alibaba Cloud translation.
# Why: The block is a read replica (replicate_source_db); ApsaraDB RDS read replicas are a separate
#   resource type.
# To do: Write alicloud_db_readonly_instance { master_db_instance_id = <source alicloud_db_instance
#   id>, engine_version, instance_type, instance_storage, vswitch_id, zone_id } for it.
# resource "aws_db_instance" "replica" {
#   count = var.replica_count
#
#   identifier             = "${local.name}-replica-${count.index + 1}"
#   replicate_source_db    = aws_db_instance.primary.identifier
#   instance_class         = "db.r6g.large"
#   storage_encrypted      = true
#   kms_key_id             = data.aws_kms_key.rds.arn
#   parameter_group_name   = aws_db_parameter_group.pg16.name
#   vpc_security_group_ids = [aws_security_group.db.id]
#   skip_final_snapshot    = true
#
#   performance_insights_enabled = true
#   monitoring_interval          = 30
#   monitoring_role_arn          = aws_iam_role.monitoring.arn
# }
