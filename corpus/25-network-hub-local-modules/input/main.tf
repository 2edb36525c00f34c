data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  name = "spoke-${var.environment}"
  azs  = slice(data.aws_availability_zones.available.names, 0, 3)
}

module "network" {
  source = "./modules/network"

  name = local.name
  cidr = var.cidr
  azs  = local.azs
  # One NAT per AZ in prod, a single shared one elsewhere.
  single_nat_gateway  = var.environment != "prod"
  flow_log_bucket_arn = "arn:aws:s3:::acme-log-archive-flowlogs-555566667777"
}

module "endpoints" {
  source = "./modules/endpoints"

  name                = local.name
  vpc_id              = module.network.vpc_id
  vpc_cidr            = module.network.vpc_cidr_block
  subnet_ids          = module.network.private_subnet_ids
  route_table_ids     = module.network.private_route_table_ids
  interface_endpoints = var.interface_endpoints
}

resource "aws_ec2_transit_gateway_vpc_attachment" "hub" {
  transit_gateway_id = var.transit_gateway_id
  vpc_id             = module.network.vpc_id
  subnet_ids         = module.network.private_subnet_ids
  dns_support        = "enable"

  tags = { Name = "${local.name}-hub" }
}

# Everything on the corporate 10/8 goes through the hub.
resource "aws_route" "to_hub" {
  for_each = module.network.private_route_table_ids_by_az

  route_table_id         = each.value
  destination_cidr_block = "10.0.0.0/8"
  transit_gateway_id     = var.transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.hub]
}

resource "aws_security_group" "from_hub" {
  name        = "${local.name}-from-hub"
  description = "Management traffic from the hub (monitoring, bastions)"
  vpc_id      = module.network.vpc_id
}

resource "aws_security_group_rule" "from_hub" {
  for_each = {
    ssh        = 22
    node_exp   = 9100
    prometheus = 9090
  }

  type              = "ingress"
  security_group_id = aws_security_group.from_hub.id
  protocol          = "tcp"
  from_port         = each.value
  to_port           = each.value
  cidr_blocks       = ["10.0.0.0/16"] # hub VPC
  description       = each.key
}

# Private DNS for services in this spoke; the hub resolver forwards *.staging.internal here.
resource "aws_route53_zone" "internal" {
  name = "${var.environment}.internal"

  vpc {
    vpc_id = module.network.vpc_id
  }

  # Further VPC associations are made by the hub stack.
  lifecycle {
    ignore_changes = [vpc]
  }
}

resource "aws_route53_record" "endpoints" {
  for_each = module.endpoints.interface_endpoint_dns

  zone_id = aws_route53_zone.internal.zone_id
  name    = "${replace(each.key, ".", "-")}.vpce.${aws_route53_zone.internal.name}"
  type    = "CNAME"
  ttl     = 300
  records = [each.value]
}
