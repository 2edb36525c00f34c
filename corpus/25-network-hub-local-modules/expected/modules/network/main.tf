locals {
  # /20 per subnet: public subnets first, private subnets from index 8.
  public  = { for i, az in var.azs : az => cidrsubnet(var.cidr, 4, i) }
  private = { for i, az in var.azs : az => cidrsubnet(var.cidr, 4, i + 8) }
  nat_azs = var.single_nat_gateway ? [var.azs[0]] : var.azs
}

resource "alicloud_vpc" "this" {
  cidr_block          = var.cidr
  dns_hostname_status = "ENABLED"
  tags                = { Name = var.name }
  vpc_name            = var.name
  resource_group_id   = var.resource_group_id
}

resource "alicloud_vpc_flow_log" "this" {
  count = var.flow_log_bucket_arn == null ? 0 : 1

  resource_id       = alicloud_vpc.this.id
  traffic_type      = "All"
  resource_type     = "VPC"
  project_name      = alicloud_log_store.this_flow_log.project_name
  log_store_name    = alicloud_log_store.this_flow_log.logstore_name
  resource_group_id = var.resource_group_id
}

data "alicloud_caller_identity" "current" {}

resource "alicloud_log_project" "this" {
  project_name      = "network-logs-${data.alicloud_caller_identity.current.account_id}"
  description       = "Log stores migrated from CloudWatch Logs by aws2ali."
  resource_group_id = var.resource_group_id
}

resource "alicloud_log_store" "this_flow_log" {
  project_name     = alicloud_log_project.this.project_name
  logstore_name    = "this-flow-log"
  retention_period = 30
}

# aws2ali: manual — aws_internet_gateway.this has no Alibaba Cloud translation.
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
# resource "aws_internet_gateway" "this" {
#   vpc_id = aws_vpc.this.id
#   tags   = { Name = var.name }
# }

resource "alicloud_vswitch" "public" {
  for_each = local.public

  vpc_id       = alicloud_vpc.this.id
  zone_id      = each.key
  cidr_block   = each.value
  tags         = { Name = "${var.name}-public-${each.key}", Tier = "public" }
  vswitch_name = "${var.name}-public-${each.key}"
}

resource "alicloud_vswitch" "private" {
  for_each = local.private

  vpc_id       = alicloud_vpc.this.id
  zone_id      = each.key
  cidr_block   = each.value
  tags         = { Name = "${var.name}-private-${each.key}", Tier = "private" }
  vswitch_name = "${var.name}-private-${each.key}"
}

resource "alicloud_eip_address" "nat" {
  for_each             = toset(local.nat_azs)
  tags                 = { Name = "${var.name}-nat-${each.key}" }
  address_name         = "${var.name}-nat-${each.key}"
  payment_type         = "PayAsYouGo"
  internet_charge_type = "PayByTraffic"
  bandwidth            = "200"
  resource_group_id    = var.resource_group_id
}

resource "alicloud_nat_gateway" "this" {
  for_each = toset(local.nat_azs)

  vswitch_id           = alicloud_vswitch.public[each.key].id
  tags                 = { Name = "${var.name}-${each.key}" }
  nat_gateway_name     = "${var.name}-${each.key}"
  nat_type             = "Enhanced"
  payment_type         = "PayAsYouGo"
  internet_charge_type = "PayByLcu"
  vpc_id               = alicloud_vpc.this.id
}

resource "alicloud_eip_association" "this" {
  for_each      = toset(local.nat_azs)
  allocation_id = alicloud_eip_address.nat[each.key].id
  instance_id   = alicloud_nat_gateway.this[each.key].id
  instance_type = "Nat"
}

resource "alicloud_snat_entry" "this" {
  for_each          = alicloud_vswitch.private
  snat_table_id     = alicloud_nat_gateway.this[each.key].snat_table_ids
  source_vswitch_id = each.value.id
  snat_ip           = alicloud_eip_address.nat[each.key].ip_address
}

resource "alicloud_route_table" "public" {
  vpc_id           = alicloud_vpc.this.id
  tags             = { Name = "${var.name}-public" }
  route_table_name = "${var.name}-public"
  associate_type   = "VSwitch"
}

# aws2ali: aws_route.public_internet is not emitted as a resource: Routes to an internet gateway have
#   no counterpart: an Alibaba Cloud VPC reaches the internet through EIPs bound to instances or NAT
#   gateways (SNAT entries).
# resource "aws_route" "public_internet" {
#   route_table_id         = aws_route_table.public.id
#   destination_cidr_block = "0.0.0.0/0"
#   gateway_id             = aws_internet_gateway.this.id
# }

resource "alicloud_route_table_attachment" "public" {
  for_each       = alicloud_vswitch.public
  vswitch_id     = each.value.id
  route_table_id = alicloud_route_table.public.id
}

resource "alicloud_route_table" "private" {
  for_each         = local.private
  vpc_id           = alicloud_vpc.this.id
  tags             = { Name = "${var.name}-private-${each.key}" }
  route_table_name = "${var.name}-private-${each.key}"
  associate_type   = "VSwitch"
}

resource "alicloud_route_entry" "private_nat" {
  for_each = local.private

  route_table_id        = alicloud_route_table.private[each.key].id
  destination_cidrblock = "0.0.0.0/0"
  nexthop_id            = alicloud_nat_gateway.this[var.single_nat_gateway ? var.azs[0] : each.key].id
  nexthop_type          = "NatGateway"
}

resource "alicloud_route_table_attachment" "private" {
  for_each       = alicloud_vswitch.private
  vswitch_id     = each.value.id
  route_table_id = alicloud_route_table.private[each.key].id
}
