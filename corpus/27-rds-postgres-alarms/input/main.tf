data "terraform_remote_state" "network" {
  backend = "s3"
  config = {
    bucket = "acme-tfstate-123456789012-us-east-1"
    key    = "network/${var.environment}/terraform.tfstate"
    region = "us-east-1"
  }
}

data "aws_kms_key" "rds" {
  key_id = "alias/acme-rds"
}

# Rotated by the security team's rotation Lambda; we only read it.
data "aws_secretsmanager_secret" "master" {
  name = "billing/${var.environment}/rds-master"
}

data "aws_secretsmanager_secret_version" "master" {
  secret_id = data.aws_secretsmanager_secret.master.id
}

locals {
  name = "billing-${var.environment}"
}

resource "aws_db_subnet_group" "billing" {
  name        = local.name
  description = "Database subnets for billing"
  subnet_ids  = data.terraform_remote_state.network.outputs.database_subnet_ids
}

resource "aws_db_parameter_group" "pg16" {
  name_prefix = "${local.name}-pg16-"
  family      = "postgres16"

  dynamic "parameter" {
    for_each = var.db_parameters
    iterator = p

    content {
      name         = p.key
      value        = p.value.value
      apply_method = p.value.apply_method
    }
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_security_group" "db" {
  name        = "${local.name}-db"
  description = "Postgres for billing"
  vpc_id      = data.terraform_remote_state.network.outputs.vpc_id
}

resource "aws_security_group_rule" "from_apps" {
  count = length(var.app_security_group_ids)

  type                     = "ingress"
  security_group_id        = aws_security_group.db.id
  source_security_group_id = var.app_security_group_ids[count.index]
  from_port                = 5432
  to_port                  = 5432
  protocol                 = "tcp"
}

resource "aws_iam_role" "monitoring" {
  name = "${local.name}-rds-monitoring"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "monitoring.rds.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy_attachment" "monitoring" {
  role       = aws_iam_role.monitoring.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"
}

resource "aws_db_instance" "primary" {
  identifier     = local.name
  engine         = "postgres"
  engine_version = "16.3"
  instance_class = var.instance_class

  allocated_storage     = 200
  max_allocated_storage = 1000
  storage_type          = "gp3"
  storage_encrypted     = true
  kms_key_id            = data.aws_kms_key.rds.arn

  db_name  = "billing"
  username = "billing_admin"
  password = jsondecode(data.aws_secretsmanager_secret_version.master.secret_string)["password"]

  db_subnet_group_name   = aws_db_subnet_group.billing.name
  parameter_group_name   = aws_db_parameter_group.pg16.name
  vpc_security_group_ids = [aws_security_group.db.id]
  multi_az               = true

  backup_retention_period   = 14
  backup_window             = "03:00-03:30"
  maintenance_window        = "sun:04:00-sun:05:00"
  copy_tags_to_snapshot     = true
  final_snapshot_identifier = "${local.name}-final"
  deletion_protection       = true

  performance_insights_enabled = true
  monitoring_interval          = 30
  monitoring_role_arn          = aws_iam_role.monitoring.arn

  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]

  lifecycle {
    prevent_destroy = true
    # The secret is rotated outside Terraform.
    ignore_changes = [password]
  }

  depends_on = [aws_iam_role_policy_attachment.monitoring]
}

resource "aws_db_instance" "replica" {
  count = var.replica_count

  identifier             = "${local.name}-replica-${count.index + 1}"
  replicate_source_db    = aws_db_instance.primary.identifier
  instance_class         = "db.r6g.large"
  storage_encrypted      = true
  kms_key_id             = data.aws_kms_key.rds.arn
  parameter_group_name   = aws_db_parameter_group.pg16.name
  vpc_security_group_ids = [aws_security_group.db.id]
  skip_final_snapshot    = true

  performance_insights_enabled = true
  monitoring_interval          = 30
  monitoring_role_arn          = aws_iam_role.monitoring.arn
}
