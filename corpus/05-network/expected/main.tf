# Core network for the "apps" environment: one VPC, /24 public subnets for load
# balancers, larger private subnets for workloads, spread across three AZs.

variable "vpc_cidr" {
  type    = string
  default = "10.20.0.0/16"
}

variable "az_count" {
  type    = number
  default = 3
}

data "alicloud_zones" "available" {
  available_resource_creation = "VSwitch"
}

resource "alicloud_vpc" "main" {
  cidr_block          = var.vpc_cidr
  dns_hostname_status = "ENABLED"

  tags              = { Name = "apps-vpc" }
  vpc_name          = "apps-vpc"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
}

# 10.20.0.0/24, 10.20.1.0/24, 10.20.2.0/24
resource "alicloud_vswitch" "public" {
  count      = var.az_count
  vpc_id     = alicloud_vpc.main.id
  cidr_block = cidrsubnet(var.vpc_cidr, 8, count.index)
  zone_id    = data.alicloud_zones.available.zones[count.index].id

  tags         = { Name = "apps-public-${count.index}", Tier = "public" }
  vswitch_name = "apps-public-${count.index}"
}

# 10.20.16.0/20, 10.20.32.0/20, 10.20.48.0/20
resource "alicloud_vswitch" "private" {
  count      = var.az_count
  vpc_id     = alicloud_vpc.main.id
  cidr_block = cidrsubnet(var.vpc_cidr, 4, count.index + 1)
  zone_id    = data.alicloud_zones.available.zones[count.index].id

  tags         = { Name = "apps-private-${count.index}", Tier = "private" }
  vswitch_name = "apps-private-${count.index}"
}

# Legacy bastion subnet - pinned to us-east-1a because the old EBS snapshots live there.
# TODO(platform): drop once the bastion is replaced by SSM Session Manager.
resource "alicloud_vswitch" "bastion" {
  vpc_id     = alicloud_vpc.main.id
  cidr_block = "10.20.250.0/24"
  zone_id    = data.alicloud_zones.available.zones[0].id

  tags         = { Name = "apps-bastion" }
  vswitch_name = "apps-bastion"
}

# aws2ali: manual — aws_internet_gateway.main has no Alibaba Cloud translation.
# Why: An Alibaba Cloud VPC needs no gateway object for internet access: an instance with a public IP
#   (internet_max_bandwidth_out > 0), an EIP bound to an instance / ENI / NAT gateway, or an SNAT
#   entry on a NAT gateway reaches the internet directly. The closest object,
#   alicloud_vpc_ipv4_gateway, is optional and, once enabled, changes how all public-IP traffic of the
#   VPC is routed (it must then be the next hop of 0.0.0.0/0 in the route tables) — so it is not
#   injected silently. Routes whose target is this gateway (aws_route.gateway_id, aws_route_table
#   route.gateway_id) are dropped by the route-target / route-table transforms.
# To do: Usually nothing: make sure public instances get a public IP or EIP and private subnets have a
#   NAT gateway with SNAT entries (the nat-gateway transform emits them). Only if you need centralised
#   control of public traffic, add alicloud_vpc_ipv4_gateway { vpc_id, ipv4_gateway_name, enabled =
#   true, internet_mode = "public" }, alicloud_vpc_gateway_route_table_attachment for its route table,
#   and alicloud_route_entry { destination_cidrblock = "0.0.0.0/0", nexthop_type = "Ipv4Gateway",
#   nexthop_id = <gateway id> } in each public route table — after reading the IPv4 gateway
#   documentation on its effect on existing EIPs.
# resource "aws_internet_gateway" "main" {
#   vpc_id = aws_vpc.main.id
#
#   tags = { Name = "apps-igw" }
# }

resource "alicloud_route_table" "public" {
  vpc_id = alicloud_vpc.main.id

  tags             = { Name = "apps-public-rt" }
  route_table_name = "apps-public-rt"
  associate_type   = "VSwitch"
}

resource "alicloud_route_table_attachment" "public" {
  count          = var.az_count
  vswitch_id     = alicloud_vswitch.public[count.index].id
  route_table_id = alicloud_route_table.public.id
}

resource "alicloud_security_group" "web" {
  security_group_name = "apps-web"
  description         = "HTTPS from the internet to the public load balancers"
  vpc_id              = alicloud_vpc.main.id
  resource_group_id   = alicloud_resource_manager_resource_group.this.id
}

resource "alicloud_security_group_rule" "web_ingress" {
  security_group_id = alicloud_security_group.web.id
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "443/443"
  nic_type          = "intranet"
  policy            = "accept"
  cidr_ip           = "0.0.0.0/0"
  description       = "HTTPS"
}

resource "alicloud_security_group_rule" "web_egress" {
  security_group_id = alicloud_security_group.web.id
  type              = "egress"
  ip_protocol       = "all"
  port_range        = "-1/-1"
  nic_type          = "intranet"
  policy            = "accept"
  cidr_ip           = "0.0.0.0/0"
}

# Kept separate so the app team can add rules without touching the SG itself.
resource "alicloud_security_group_rule" "web_http_redirect" {
  description       = "HTTP, redirected to HTTPS by the LB"
  security_group_id = alicloud_security_group.web.id
  priority          = 1
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "80/80"
  nic_type          = "intranet"
  policy            = "accept"
  cidr_ip           = "0.0.0.0/0"
}

output "vpc_id" {
  value = alicloud_vpc.main.id
}

output "public_subnet_ids" {
  value = alicloud_vswitch.public[*].id
}

output "private_subnet_ids" {
  value = alicloud_vswitch.private[*].id
}

output "private_subnet_cidrs" {
  value = alicloud_vswitch.private[*].cidr_block
}
