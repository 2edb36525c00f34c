# VPC endpoints so private workloads reach AWS APIs without the NAT.

variable "name" { type = string }
variable "vpc_id" { type = string }
variable "vpc_cidr" { type = string }
variable "subnet_ids" { type = list(string) }
variable "route_table_ids" { type = list(string) }

variable "interface_endpoints" {
  type    = set(string)
  default = []
}

data "aws_region" "current" {}

# Fails the plan early if a service is not offered as an interface endpoint in this region.
data "aws_vpc_endpoint_service" "interface" {
  for_each     = var.interface_endpoints
  service      = each.key
  service_type = "Interface"
}

resource "aws_security_group" "endpoints" {
  name        = "${var.name}-vpce"
  description = "HTTPS from inside the VPC to interface endpoints"
  vpc_id      = var.vpc_id

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [var.vpc_cidr]
  }
}

resource "aws_vpc_endpoint" "gateway" {
  for_each = toset(["s3", "dynamodb"])

  vpc_id            = var.vpc_id
  service_name      = "com.amazonaws.${data.aws_region.current.name}.${each.key}"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = var.route_table_ids
  tags              = { Name = "${var.name}-${each.key}" }
}

resource "aws_vpc_endpoint" "interface" {
  for_each = data.aws_vpc_endpoint_service.interface

  vpc_id              = var.vpc_id
  service_name        = each.value.service_name
  vpc_endpoint_type   = "Interface"
  subnet_ids          = var.subnet_ids
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = true
  tags                = { Name = "${var.name}-${each.key}" }
}

output "gateway_endpoint_ids" {
  value = { for k, e in aws_vpc_endpoint.gateway : k => e.id }
}

output "interface_endpoint_dns" {
  value = { for k, e in aws_vpc_endpoint.interface : k => e.dns_entry[0].dns_name }
}

output "security_group_id" {
  value = aws_security_group.endpoints.id
}
