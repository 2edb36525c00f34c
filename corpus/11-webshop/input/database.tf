# Aurora MySQL holds orders, customers and inventory.
# The master password is generated and kept only in (encrypted) state; the app
# reads a per-service user from Secrets Manager (managed outside Terraform).

resource "random_password" "db_master" {
  length  = 32
  special = true
  # RDS rejects '/', '@', '"' and spaces in master passwords.
  override_special = "!#$%^&*()-_=+"
}

resource "aws_db_subnet_group" "shop" {
  name       = "${local.name}-db"
  subnet_ids = aws_subnet.private[*].id
}

resource "aws_security_group" "db" {
  name        = "${local.name}-db"
  description = "MySQL from EKS nodes only"
  vpc_id      = aws_vpc.main.id

  ingress {
    from_port   = 3306
    to_port     = 3306
    protocol    = "tcp"
    cidr_blocks = aws_subnet.private[*].cidr_block
  }
}

resource "aws_rds_cluster" "shop" {
  cluster_identifier      = "${local.name}-aurora"
  engine                  = "aurora-mysql"
  engine_version          = "8.0.mysql_aurora.3.05.2"
  database_name           = "webshop"
  master_username         = "shopadmin"
  master_password         = random_password.db_master.result
  db_subnet_group_name    = aws_db_subnet_group.shop.name
  vpc_security_group_ids  = [aws_security_group.db.id]
  storage_encrypted       = true
  backup_retention_period = var.environment == "prod" ? 35 : 7
  deletion_protection     = var.environment == "prod"
  skip_final_snapshot     = var.environment != "prod"

  final_snapshot_identifier = "${local.name}-aurora-final"

  tags = module.tags.tags
}

resource "aws_rds_cluster_instance" "shop" {
  count              = var.environment == "prod" ? 2 : 1
  identifier         = "${local.name}-aurora-${count.index}"
  cluster_identifier = aws_rds_cluster.shop.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.shop.engine
  engine_version     = aws_rds_cluster.shop.engine_version
}
