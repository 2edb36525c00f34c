# Legacy flat network: public subnets only, instances get public IPs for patching.
# TODO(ADR-0042): private subnets + NAT once the app moves behind an ALB.

resource "aws_vpc" "legacy" {
  cidr_block           = var.vpc_cidr
  enable_dns_hostnames = true
  tags                 = { Name = "timesheets-legacy" }
}

resource "aws_internet_gateway" "legacy" {
  vpc_id = aws_vpc.legacy.id
}

resource "aws_subnet" "public" {
  count = length(var.azs)

  vpc_id                  = aws_vpc.legacy.id
  availability_zone       = var.azs[count.index]
  cidr_block              = cidrsubnet(var.vpc_cidr, 8, count.index)
  map_public_ip_on_launch = true
  tags                    = { Name = "timesheets-public-${count.index}" }
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.legacy.id
}

resource "aws_route" "internet" {
  route_table_id         = aws_route_table.public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.legacy.id
}

resource "aws_route_table_association" "public" {
  count          = length(aws_subnet.public)
  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id
}

resource "aws_network_acl" "public" {
  vpc_id     = aws_vpc.legacy.id
  subnet_ids = aws_subnet.public[*].id
}

resource "aws_network_acl_rule" "public" {
  for_each = {
    "100-in-https"     = { egress = false, port_from = 443, port_to = 443, cidr = "10.0.0.0/8" }
    "110-in-ephemeral" = { egress = false, port_from = 1024, port_to = 65535, cidr = "0.0.0.0/0" }
    "100-out-all"      = { egress = true, port_from = 0, port_to = 65535, cidr = "0.0.0.0/0" }
  }

  network_acl_id = aws_network_acl.public.id
  rule_number    = tonumber(split("-", each.key)[0])
  egress         = each.value.egress
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = each.value.cidr
  from_port      = each.value.port_from
  to_port        = each.value.port_to
}
