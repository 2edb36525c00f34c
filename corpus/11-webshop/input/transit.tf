# Attach the shop VPC to the company core transit gateway (owned by the network
# team, shared to this account via RAM) so CI runners and the VPN can reach EKS.
data "aws_ec2_transit_gateway" "core" {
  filter {
    name   = "tag:Name"
    values = ["acme-core-tgw"]
  }
}

resource "aws_ec2_transit_gateway_vpc_attachment" "shop" {
  transit_gateway_id = data.aws_ec2_transit_gateway.core.id
  vpc_id             = aws_vpc.main.id
  subnet_ids         = aws_subnet.private[*].id

  tags = { Name = "${local.name}-tgw" }
}

# Return path to shared services from every private route table.
resource "aws_route" "to_shared_services" {
  count                  = var.az_count
  route_table_id         = aws_route_table.private[count.index].id
  destination_cidr_block = var.shared_services_vpc_cidr
  transit_gateway_id     = data.aws_ec2_transit_gateway.core.id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.shop]
}
