# Written to match what `terraform plan -generate-config-out` produced, then trimmed.

resource "aws_eip" "nat" {
  domain = "vpc"
  tags   = { Name = "reporting-nat" }
}

resource "aws_nat_gateway" "reporting" {
  allocation_id = aws_eip.nat.id
  subnet_id     = var.public_subnet_id
  tags          = { Name = "reporting-nat" }
}

resource "aws_db_subnet_group" "reporting" {
  name       = "reporting-db"
  subnet_ids = values(var.app_subnets)
}

resource "aws_db_parameter_group" "reporting" {
  name   = "reporting-mysql80"
  family = "mysql8.0"

  parameter {
    name  = "long_query_time"
    value = "2"
  }

  parameter {
    name  = "slow_query_log"
    value = "1"
  }
}

resource "aws_db_instance" "reporting" {
  identifier                  = "reporting-prod"
  engine                      = "mysql"
  engine_version              = "8.0.35"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  storage_encrypted           = true
  username                    = "reporting"
  manage_master_user_password = true
  db_subnet_group_name        = aws_db_subnet_group.reporting.name
  parameter_group_name        = aws_db_parameter_group.reporting.name
  vpc_security_group_ids      = [aws_security_group.app.id]
  backup_retention_period     = 7
  skip_final_snapshot         = false
  final_snapshot_identifier   = "reporting-prod-final"

  lifecycle {
    prevent_destroy = true
    # Minor versions are auto-upgraded by RDS.
    ignore_changes = [engine_version]
  }
}

resource "aws_iam_role" "app" {
  name = "reporting-app"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy" "app_reports" {
  name = "reports-bucket"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject"], Resource = "${module.reports_bucket.bucket_arn}/*" }]
  })
}

resource "aws_iam_instance_profile" "app" {
  name = "reporting-app"
  role = aws_iam_role.app.name
}
