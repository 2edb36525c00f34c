data "aws_ec2_instance_type" "app" {
  instance_type = var.instance_type
}

locals {
  https_sources = {
    office = "198.51.100.0/24"
    vpn    = "10.255.0.0/20"
  }
}

resource "aws_security_group" "app" {
  name        = "reporting-app"
  description = "Reporting app hosts"
  vpc_id      = var.vpc_id

  # Rules are managed as separate resources; the console-created SG still has a description drift.
  lifecycle {
    ignore_changes = [description]
  }
}

resource "aws_vpc_security_group_ingress_rule" "https" {
  for_each = local.https_sources

  security_group_id = aws_security_group.app.id
  cidr_ipv4         = each.value
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
  description       = "https from ${each.key}"
}

resource "aws_vpc_security_group_egress_rule" "all" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_instance" "app" {
  for_each = var.app_subnets

  ami                    = var.ami_id
  instance_type          = var.instance_type
  subnet_id              = each.value
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.app.name

  root_block_device {
    volume_size = 40
    encrypted   = true
  }

  tags = { Name = "reporting-${each.key}", Color = each.key }

  lifecycle {
    precondition {
      condition     = data.aws_ec2_instance_type.app.memory_size >= 8192
      error_message = "The reporting app needs at least 8 GiB of memory."
    }
    ignore_changes = [ami]
  }
}

# The subnets belong to the network team's stack; we only add our tag.
resource "aws_ec2_tag" "reporting_subnet" {
  for_each = var.app_subnets

  resource_id = each.value
  key         = "reporting:color"
  value       = each.key
}

resource "aws_s3_bucket" "legacy_exports" {
  bucket = "acme-reporting-legacy-exports"

  lifecycle {
    prevent_destroy = true
  }
}

module "reports_bucket" {
  source = "./modules/reports-bucket"

  name = "acme-reporting-reports"
}
