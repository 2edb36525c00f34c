data "alicloud_caller_identity" "peer" {
  provider = alicloud.peer
}

data "alicloud_vpcs" "analytics" {
  tags = { Name = var.analytics_vpc_name }
}

data "alicloud_vpcs" "shared" {
  provider = alicloud.peer
  tags     = { Name = var.shared_vpc_name }
}

# aws2ali: manual — data.aws_route_tables.analytics has no Alibaba Cloud translation.
# Why: aws2ali has no mapping rule for aws_route_tables yet.
# To do: Translate it by hand (see the Alibaba Cloud provider docs), or add
#   mappings/data.aws_route_tables.yaml.
# data "aws_route_tables" "analytics" {
#   vpc_id = data.aws_vpc.analytics.id
# }

# aws2ali: manual — data.aws_route_tables.shared has no Alibaba Cloud translation.
# Why: aws2ali has no mapping rule for aws_route_tables yet.
# To do: Translate it by hand (see the Alibaba Cloud provider docs), or add
#   mappings/data.aws_route_tables.yaml.
# data "aws_route_tables" "shared" {
#   provider = aws.peer
#   vpc_id   = data.aws_vpc.shared.id
#   filter {
#     name   = "tag:Tier"
#     values = ["private"]
#   }
# }

resource "alicloud_vpc_peer_connection" "analytics_shared" {
  vpc_id              = data.alicloud_vpcs.analytics.ids[0]
  accepting_vpc_id    = data.alicloud_vpcs.shared.ids[0]
  accepting_region_id = "us-east-1"

  tags                 = merge(local.aws2ali_default_tags, { Name = "analytics-to-shared", Side = "requester" })
  peer_connection_name = "analytics-to-shared"
  resource_group_id    = alicloud_resource_manager_resource_group.this.id
}

# aws2ali: manual — aws_vpc_peering_connection_accepter.shared has no Alibaba Cloud translation.
# Why: aws2ali has no mapping rule for aws_vpc_peering_connection_accepter yet.
# To do: Translate it by hand (see the Alibaba Cloud provider docs), or add
#   mappings/aws_vpc_peering_connection_accepter.yaml.
# resource "aws_vpc_peering_connection_accepter" "shared" {
#   provider                  = aws.peer
#   vpc_peering_connection_id = aws_vpc_peering_connection.analytics_shared.id
#   auto_accept               = true
#
#   tags = { Name = "analytics-to-shared", Side = "accepter" }
# }

resource "alicloud_route_entry" "to_shared" {
  for_each = toset(var.aws2ali_data_aws_route_tables_analytics_ids)

  route_table_id        = each.value
  destination_cidrblock = data.alicloud_vpcs.shared.vpcs[0].cidr_block
  nexthop_id            = alicloud_vpc_peer_connection.analytics_shared.id
  nexthop_type          = "VpcPeer"
}

resource "alicloud_route_entry" "to_analytics" {
  provider = alicloud.peer
  for_each = toset(var.aws2ali_data_aws_route_tables_shared_ids)

  route_table_id        = each.value
  destination_cidrblock = data.alicloud_vpcs.analytics.vpcs[0].cidr_block
  nexthop_id            = alicloud_vpc_peer_connection.analytics_shared.id
  nexthop_type          = "VpcPeer"
}
