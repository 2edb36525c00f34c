# Written to match what `terraform plan -generate-config-out` produced, then trimmed.

resource "alicloud_eip_address" "nat" {
  tags                 = merge(local.aws2ali_default_tags, { Name = "reporting-nat" })
  address_name         = "reporting-nat"
  payment_type         = "PayAsYouGo"
  internet_charge_type = "PayByTraffic"
  bandwidth            = "200"
  resource_group_id    = alicloud_resource_manager_resource_group.this.id
}

resource "alicloud_nat_gateway" "reporting" {
  vswitch_id           = var.public_subnet_id
  tags                 = merge(local.aws2ali_default_tags, { Name = "reporting-nat" })
  nat_gateway_name     = "reporting-nat"
  nat_type             = "Enhanced"
  payment_type         = "PayAsYouGo"
  internet_charge_type = "PayByLcu"
  vpc_id               = var.reporting_nat_vpc_id
}

resource "alicloud_eip_association" "reporting" {
  allocation_id = alicloud_eip_address.nat.id
  instance_id   = alicloud_nat_gateway.reporting.id
  instance_type = "Nat"
}

# aws2ali: aws_db_subnet_group.reporting is not emitted as a resource: Alibaba Cloud databases have no
#   subnet groups; alicloud_db_instance.reporting takes the group's first subnet as vswitch_id (and
#   its zone).
# resource "aws_db_subnet_group" "reporting" {
#   name       = "reporting-db"
#   subnet_ids = values(var.app_subnets)
# }

resource "alicloud_rds_parameter_group" "reporting" {
  parameter_group_name = "reporting-mysql80"
  engine               = "mysql"
  engine_version       = "8.0"

  param_detail {
    param_name  = "long_query_time"
    param_value = "2"
  }

  param_detail {
    param_name  = "slow_query_log"
    param_value = "1"
  }
}

resource "alicloud_db_instance" "reporting" {
  instance_name            = "reporting-prod"
  engine                   = "MySQL"
  engine_version           = "8.0"
  instance_type            = "mysql.x4.medium.2c"
  instance_storage         = 100
  db_param_group_id        = alicloud_rds_parameter_group.reporting.id
  security_group_ids       = [alicloud_security_group.app.id]
  released_keep_policy     = "Lastest"
  instance_charge_type     = "Postpaid"
  category                 = "HighAvailability"
  db_instance_storage_type = "cloud_essd"
  vswitch_id               = values(var.app_subnets)[0]
  resource_group_id        = alicloud_resource_manager_resource_group.this.id
  tags                     = local.aws2ali_default_tags
  timeouts {
    create = "60m"
  }

  lifecycle {
    prevent_destroy = true
    # Minor versions are auto-upgraded by RDS.
    ignore_changes = [engine_version]
  }
}

resource "alicloud_rds_account" "reporting" {
  db_instance_id = alicloud_db_instance.reporting.id
  account_name   = "reporting"
  account_type   = "Super"
}

resource "alicloud_db_backup_policy" "reporting" {
  instance_id             = alicloud_db_instance.reporting.id
  backup_retention_period = 7
}

resource "alicloud_ram_role" "app" {
  role_name = "reporting-app"
  assume_role_policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect = "Allow"
        Action = "sts:AssumeRole"
        Principal = {
          Service = "ecs.aliyuncs.com"
        }
      },
    ]
  })
  tags = local.aws2ali_default_tags
}

resource "alicloud_ram_policy" "app_reports" {
  policy_name = "reporting-app-reports-bucket"
  policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["oss:GetObject", "oss:PutObject"]
        Resource = "${module.reports_bucket.bucket_arn}/*"
      },
    ]
  })
  rotate_strategy = "DeleteOldestNonDefaultVersionWhenLimitExceeded"
  tags            = local.aws2ali_default_tags
}

resource "alicloud_ram_role_policy_attachment" "app_reports" {
  role_name   = alicloud_ram_role.app.role_name
  policy_name = alicloud_ram_policy.app_reports.policy_name
  policy_type = "Custom"
}

# aws2ali: aws_iam_instance_profile.app is not emitted as a resource: ECS takes the RAM role directly
#   (alicloud_ecs_ram_role_attachment, or ram_role_name on instances, launch templates and node
#   pools); there is no instance profile. References to it now name alicloud_ram_role.app.
# resource "aws_iam_instance_profile" "app" {
#   name = "reporting-app"
#   role = aws_iam_role.app.name
# }
