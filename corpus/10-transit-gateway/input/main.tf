# Hub-and-spoke: the "shared services" VPC (CI runners, artifact cache) and the
# "apps" VPC talk to each other through a transit gateway. We manage TGW route
# tables explicitly instead of relying on the default association/propagation.

resource "aws_ec2_transit_gateway" "hub" {
  description                     = "acme-core-tgw"
  amazon_side_asn                 = 64512
  default_route_table_association = "disable"
  default_route_table_propagation = "disable"
  dns_support                     = "enable"

  tags = { Name = "acme-core-tgw" }
}

# --- Spoke VPCs ----------------------------------------------------------------

resource "aws_vpc" "shared" {
  cidr_block = "10.50.0.0/16"
  tags       = { Name = "shared-services" }
}

resource "aws_vpc" "apps" {
  cidr_block = "10.60.0.0/16"
  tags       = { Name = "apps" }
}

# TGW attachments get their own small subnets per AZ (AWS best practice).
resource "aws_subnet" "shared_tgw" {
  count             = 2
  vpc_id            = aws_vpc.shared.id
  cidr_block        = cidrsubnet(aws_vpc.shared.cidr_block, 8, 200 + count.index)
  availability_zone = ["us-east-1a", "us-east-1b"][count.index]
  tags              = { Name = "shared-tgw-${count.index}" }
}

resource "aws_subnet" "apps_tgw" {
  count             = 2
  vpc_id            = aws_vpc.apps.id
  cidr_block        = cidrsubnet(aws_vpc.apps.cidr_block, 8, 200 + count.index)
  availability_zone = ["us-east-1a", "us-east-1b"][count.index]
  tags              = { Name = "apps-tgw-${count.index}" }
}

resource "aws_ec2_transit_gateway_vpc_attachment" "shared" {
  transit_gateway_id                              = aws_ec2_transit_gateway.hub.id
  vpc_id                                          = aws_vpc.shared.id
  subnet_ids                                      = aws_subnet.shared_tgw[*].id
  transit_gateway_default_route_table_association = false
  transit_gateway_default_route_table_propagation = false

  tags = { Name = "tgw-attach-shared" }
}

resource "aws_ec2_transit_gateway_vpc_attachment" "apps" {
  transit_gateway_id                              = aws_ec2_transit_gateway.hub.id
  vpc_id                                          = aws_vpc.apps.id
  subnet_ids                                      = aws_subnet.apps_tgw[*].id
  transit_gateway_default_route_table_association = false
  transit_gateway_default_route_table_propagation = false

  tags = { Name = "tgw-attach-apps" }
}

# --- TGW routing ---------------------------------------------------------------

resource "aws_ec2_transit_gateway_route_table" "core" {
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
  tags               = { Name = "core" }
}

resource "aws_ec2_transit_gateway_route_table_association" "shared" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.shared.id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.core.id
}

resource "aws_ec2_transit_gateway_route_table_association" "apps" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.apps.id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.core.id
}

resource "aws_ec2_transit_gateway_route_table_propagation" "shared" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.shared.id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.core.id
}

resource "aws_ec2_transit_gateway_route_table_propagation" "apps" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.apps.id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.core.id
}

# --- VPC routing: send the other spoke's CIDR to the TGW ------------------------

resource "aws_route_table" "shared" {
  vpc_id = aws_vpc.shared.id

  route {
    cidr_block         = aws_vpc.apps.cidr_block
    transit_gateway_id = aws_ec2_transit_gateway.hub.id
  }

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.shared]
}

resource "aws_route_table_association" "shared_tgw" {
  count          = 2
  subnet_id      = aws_subnet.shared_tgw[count.index].id
  route_table_id = aws_route_table.shared.id
}

# The apps VPC uses its main route table; add the route with a standalone aws_route.
resource "aws_route" "apps_to_shared" {
  route_table_id         = aws_vpc.apps.main_route_table_id
  destination_cidr_block = aws_vpc.shared.cidr_block
  transit_gateway_id     = aws_ec2_transit_gateway.hub.id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.apps]
}

output "transit_gateway_id" {
  value = aws_ec2_transit_gateway.hub.id
}
