# Existing network, looked up rather than created.
data "aws_vpc" "shared" {
  filter {
    name   = "tag:Name"
    values = [var.shared_vpc_name]
  }
}

data "aws_vpcs" "tagged" {
  filter {
    name   = "tag:Team"
    values = ["platform"]
  }
}

data "aws_subnets" "shared_private" {
  filter {
    name   = "vpc-id"
    values = [data.aws_vpc.shared.id]
  }

  filter {
    name   = "tag:Tier"
    values = ["private"]
  }
}

data "aws_subnet" "shared_a" {
  vpc_id            = data.aws_vpc.shared.id
  availability_zone = "eu-central-1a"

  filter {
    name   = "tag:Tier"
    values = ["private"]
  }
}

data "aws_security_group" "shared_default" {
  vpc_id = data.aws_vpc.shared.id

  filter {
    name   = "group-name"
    values = ["shared-ingress"]
  }
}

data "aws_kms_key" "ssm" {
  key_id = aws_kms_key.config.arn
}

resource "aws_vpc" "main" {
  cidr_block           = "10.20.0.0/16"
  enable_dns_hostnames = true

  tags = {
    Name = "orders-${var.environment}"
  }
}

resource "aws_subnet" "app" {
  count             = 2
  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
  availability_zone = ["eu-central-1a", "eu-central-1b"][count.index]

  tags = {
    Name = "orders-app-${count.index}"
  }
}

resource "aws_route_table" "app" {
  vpc_id = aws_vpc.main.id
}

resource "aws_route_table_association" "app" {
  count          = 2
  subnet_id      = aws_subnet.app[count.index].id
  route_table_id = aws_route_table.app.id
}

resource "aws_network_acl" "app" {
  vpc_id     = aws_vpc.main.id
  subnet_ids = aws_subnet.app[*].id

  ingress {
    rule_no    = 200
    protocol   = "tcp"
    action     = "allow"
    cidr_block = "10.20.0.0/16"
    from_port  = 1024
    to_port    = 65535
  }

  ingress {
    rule_no    = 100
    protocol   = "tcp"
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 443
    to_port    = 443
  }

  egress {
    rule_no    = 100
    protocol   = "-1"
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }

  tags = {
    Name = "orders-app"
  }
}

resource "aws_network_acl_rule" "deny_rdp" {
  network_acl_id = aws_network_acl.app.id
  rule_number    = 50
  egress         = false
  protocol       = "tcp"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
  from_port      = 3389
  to_port        = 3389
}

resource "aws_network_acl_rule" "icmp" {
  network_acl_id = aws_network_acl.app.id
  rule_number    = 150
  protocol       = "icmp"
  rule_action    = "allow"
  cidr_block     = aws_vpc.main.cidr_block
  icmp_type      = -1
  icmp_code      = -1
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.${data.aws_region.current.name}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [aws_route_table.app.id]

  tags = {
    Name = "orders-s3"
  }
}

resource "aws_cloudwatch_log_group" "flow" {
  name              = "/vpc/orders-flow"
  retention_in_days = 30
}

resource "aws_flow_log" "main" {
  vpc_id               = aws_vpc.main.id
  traffic_type         = "REJECT"
  log_destination_type = "cloud-watch-logs"
  log_destination      = aws_cloudwatch_log_group.flow.arn
  iam_role_arn         = "arn:aws:iam::123456789012:role/flow-logs"

  max_aggregation_interval = 60
}

resource "aws_vpc_peering_connection" "shared" {
  vpc_id      = aws_vpc.main.id
  peer_vpc_id = data.aws_vpc.shared.id
  auto_accept = true

  tags = {
    Name = "orders-to-shared"
  }
}
