# Legacy flat network: public subnets only, instances get public IPs for patching.
# TODO(ADR-0042): private subnets + NAT once the app moves behind an ALB.

resource "alicloud_vpc" "legacy" {
  cidr_block          = var.vpc_cidr
  dns_hostname_status = "ENABLED"
  tags                = merge(local.aws2ali_default_tags, { Name = "timesheets-legacy" })
  vpc_name            = "timesheets-legacy"
  resource_group_id   = alicloud_resource_manager_resource_group.this.id
}

# aws2ali: manual — aws_internet_gateway.legacy has no Alibaba Cloud translation.
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
# resource "aws_internet_gateway" "legacy" {
#   vpc_id = aws_vpc.legacy.id
# }

resource "alicloud_vswitch" "public" {
  count = length(var.azs)

  vpc_id       = alicloud_vpc.legacy.id
  zone_id      = var.azs[count.index]
  cidr_block   = cidrsubnet(var.vpc_cidr, 8, count.index)
  tags         = merge(local.aws2ali_default_tags, { Name = "timesheets-public-${count.index}" })
  vswitch_name = "timesheets-public-${count.index}"
}

resource "alicloud_route_table" "public" {
  vpc_id         = alicloud_vpc.legacy.id
  associate_type = "VSwitch"
  tags           = local.aws2ali_default_tags
}

# aws2ali: aws_route.internet is not emitted as a resource: Routes to an internet gateway have no
#   counterpart: an Alibaba Cloud VPC reaches the internet through EIPs bound to instances or NAT
#   gateways (SNAT entries).
# resource "aws_route" "internet" {
#   route_table_id         = aws_route_table.public.id
#   destination_cidr_block = "0.0.0.0/0"
#   gateway_id             = aws_internet_gateway.legacy.id
# }

resource "alicloud_route_table_attachment" "public" {
  count          = length(alicloud_vswitch.public)
  vswitch_id     = alicloud_vswitch.public[count.index].id
  route_table_id = alicloud_route_table.public.id
}

resource "alicloud_network_acl" "public" {
  vpc_id = alicloud_vpc.legacy.id
  tags   = local.aws2ali_default_tags
  dynamic "resources" {
    for_each = alicloud_vswitch.public[*].id
    content {
      resource_id   = resources.value
      resource_type = "VSwitch"
    }
  }
}

# aws2ali: aws_network_acl_rule.public is not emitted as a resource: it is an entry
#   (ingress_acl_entries) of alicloud_network_acl.public; Alibaba ACL entries live in the ACL
#   resource.
# resource "aws_network_acl_rule" "public" {
#   for_each = {
#     "100-in-https"     = { egress = false, port_from = 443, port_to = 443, cidr = "10.0.0.0/8" }
#     "110-in-ephemeral" = { egress = false, port_from = 1024, port_to = 65535, cidr = "0.0.0.0/0" }
#     "100-out-all"      = { egress = true, port_from = 0, port_to = 65535, cidr = "0.0.0.0/0" }
#   }
#
#   network_acl_id = aws_network_acl.public.id
#   rule_number    = tonumber(split("-", each.key)[0])
#   egress         = each.value.egress
#   protocol       = "tcp"
#   rule_action    = "allow"
#   cidr_block     = each.value.cidr
#   from_port      = each.value.port_from
#   to_port        = each.value.port_to
# }
