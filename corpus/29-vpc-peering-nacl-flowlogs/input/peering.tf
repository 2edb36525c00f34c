data "aws_caller_identity" "peer" {
  provider = aws.peer
}

data "aws_vpc" "analytics" {
  tags = { Name = var.analytics_vpc_name }
}

data "aws_vpc" "shared" {
  provider = aws.peer
  tags     = { Name = var.shared_vpc_name }
}

data "aws_route_tables" "analytics" {
  vpc_id = data.aws_vpc.analytics.id
}

data "aws_route_tables" "shared" {
  provider = aws.peer
  vpc_id   = data.aws_vpc.shared.id
  filter {
    name   = "tag:Tier"
    values = ["private"]
  }
}

resource "aws_vpc_peering_connection" "analytics_shared" {
  vpc_id        = data.aws_vpc.analytics.id
  peer_vpc_id   = data.aws_vpc.shared.id
  peer_owner_id = data.aws_caller_identity.peer.account_id
  peer_region   = "us-east-2"
  auto_accept   = false

  tags = { Name = "analytics-to-shared", Side = "requester" }
}

resource "aws_vpc_peering_connection_accepter" "shared" {
  provider                  = aws.peer
  vpc_peering_connection_id = aws_vpc_peering_connection.analytics_shared.id
  auto_accept               = true

  tags = { Name = "analytics-to-shared", Side = "accepter" }
}

resource "aws_route" "to_shared" {
  for_each = toset(data.aws_route_tables.analytics.ids)

  route_table_id            = each.value
  destination_cidr_block    = data.aws_vpc.shared.cidr_block
  vpc_peering_connection_id = aws_vpc_peering_connection.analytics_shared.id

  depends_on = [aws_vpc_peering_connection_accepter.shared]
}

resource "aws_route" "to_analytics" {
  provider = aws.peer
  for_each = toset(data.aws_route_tables.shared.ids)

  route_table_id            = each.value
  destination_cidr_block    = data.aws_vpc.analytics.cidr_block
  vpc_peering_connection_id = aws_vpc_peering_connection.analytics_shared.id

  depends_on = [aws_vpc_peering_connection_accepter.shared]
}
