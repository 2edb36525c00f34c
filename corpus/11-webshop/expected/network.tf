# Layout of var.vpc_cidr (/16):
#   public  /24 x az_count  -> ALBs, NAT gateways
#   private /19 x az_count  -> EKS nodes and pods (VPC CNI eats IPs)
#   10.100.10.0/24 ..       -> reserved for a data tier (Aurora shares private today)
data "alicloud_zones" "available" {
  available_resource_creation = "VSwitch"
}

resource "alicloud_vpc" "main" {
  cidr_block          = var.vpc_cidr
  dns_hostname_status = "ENABLED"

  tags              = merge(local.aws2ali_default_tags, merge(module.tags.tags, { Name = "${local.name}-vpc" }))
  vpc_name          = "${local.name}-vpc"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
}

resource "alicloud_vswitch" "public" {
  count      = var.az_count
  vpc_id     = alicloud_vpc.main.id
  cidr_block = cidrsubnet(var.vpc_cidr, 8, count.index)
  zone_id    = local.azs[count.index]

  tags = merge(local.aws2ali_default_tags, merge(module.tags.tags, {
    Name                     = "${local.name}-public-${local.azs[count.index]}"
    "kubernetes.io/role/elb" = "1"
  }))
  vswitch_name = "${local.name}-public-${local.azs[count.index]}"
}

resource "alicloud_vswitch" "private" {
  count      = var.az_count
  vpc_id     = alicloud_vpc.main.id
  cidr_block = cidrsubnet(var.vpc_cidr, 3, count.index + 1)
  zone_id    = local.azs[count.index]

  tags = merge(local.aws2ali_default_tags, merge(module.tags.tags, {
    Name                              = "${local.name}-private-${local.azs[count.index]}"
    "kubernetes.io/role/internal-elb" = "1"
  }))
  vswitch_name = "${local.name}-private-${local.azs[count.index]}"
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
# }

resource "alicloud_route_table" "public" {
  vpc_id         = alicloud_vpc.main.id
  associate_type = "VSwitch"
  tags           = local.aws2ali_default_tags
}

resource "alicloud_route_table_attachment" "public" {
  count          = var.az_count
  vswitch_id     = alicloud_vswitch.public[count.index].id
  route_table_id = alicloud_route_table.public.id
}

# --- NAT ---------------------------------------------------------------------
# Partners allow-list these EIPs for webhooks - do not replace them casually.
resource "alicloud_eip_address" "nat" {
  count = local.nat_count

  tags                 = merge(local.aws2ali_default_tags, { Name = "${local.name}-nat-${count.index}" })
  address_name         = "${local.name}-nat-${count.index}"
  payment_type         = "PayAsYouGo"
  internet_charge_type = "PayByTraffic"
  bandwidth            = "200"
  resource_group_id    = alicloud_resource_manager_resource_group.this.id
}

resource "alicloud_nat_gateway" "main" {
  count                = local.nat_count
  vswitch_id           = alicloud_vswitch.public[count.index].id
  nat_type             = "Enhanced"
  payment_type         = "PayAsYouGo"
  internet_charge_type = "PayByLcu"
  vpc_id               = alicloud_vpc.main.id
  tags                 = local.aws2ali_default_tags
}

resource "alicloud_eip_association" "main" {
  count         = local.nat_count
  allocation_id = alicloud_eip_address.nat[count.index].id
  instance_id   = alicloud_nat_gateway.main[count.index].id
  instance_type = "Nat"
}

resource "alicloud_snat_entry" "main" {
  count             = var.az_count
  snat_table_id     = alicloud_nat_gateway.main[count.index].snat_table_ids
  source_vswitch_id = alicloud_vswitch.private[count.index].id
  snat_ip           = alicloud_eip_address.nat[count.index].ip_address
}

# One private route table per AZ; outside prod they all point at NAT #0.
resource "alicloud_route_table" "private" {
  count  = var.az_count
  vpc_id = alicloud_vpc.main.id

  tags             = merge(local.aws2ali_default_tags, { Name = "${local.name}-private-${local.azs[count.index]}" })
  route_table_name = "${local.name}-private-${local.azs[count.index]}"
  associate_type   = "VSwitch"
}

resource "alicloud_route_entry" "private_default" {
  count                 = var.az_count
  route_table_id        = alicloud_route_table.private[count.index].id
  destination_cidrblock = "0.0.0.0/0"
  nexthop_type          = "NatGateway"
  nexthop_id            = alicloud_nat_gateway.main[min(count.index, local.nat_count - 1)].id
}

resource "alicloud_route_table_attachment" "private" {
  count          = var.az_count
  vswitch_id     = alicloud_vswitch.private[count.index].id
  route_table_id = alicloud_route_table.private[count.index].id
}
