data "aws_subnets" "data" {
  filter {
    name   = "vpc-id"
    values = [data.aws_vpc.analytics.id]
  }
  tags = { Tier = "data" }
}

# Defence in depth for the warehouse subnets; SGs still do the real work.
resource "aws_network_acl" "data" {
  vpc_id     = data.aws_vpc.analytics.id
  subnet_ids = data.aws_subnets.data.ids
  tags       = { Name = "analytics-data" }
}

resource "aws_network_acl_rule" "data" {
  for_each = var.nacl_rules

  network_acl_id = aws_network_acl.data.id
  rule_number    = each.value.number
  egress         = each.value.egress
  protocol       = "tcp"
  rule_action    = each.value.action
  cidr_block     = each.value.cidr
  from_port      = each.value.from
  to_port        = each.value.to
}

# Athena from inside the VPC without NAT.
data "aws_vpc_endpoint_service" "athena" {
  service = "athena"
}

resource "aws_security_group" "athena_endpoint" {
  name   = "athena-endpoint"
  vpc_id = data.aws_vpc.analytics.id

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [data.aws_vpc.analytics.cidr_block]
  }
}

resource "aws_vpc_endpoint" "athena" {
  vpc_id              = data.aws_vpc.analytics.id
  service_name        = data.aws_vpc_endpoint_service.athena.service_name
  vpc_endpoint_type   = "Interface"
  subnet_ids          = data.aws_subnets.data.ids
  security_group_ids  = [aws_security_group.athena_endpoint.id]
  private_dns_enabled = true
}
