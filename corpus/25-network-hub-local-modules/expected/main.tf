data "alicloud_zones" "available" {
  available_resource_creation = "VSwitch"
}

locals {
  name = "spoke-${var.environment}"
  azs  = slice(data.alicloud_zones.available.zones[*].id, 0, 3)
}

module "network" {
  source = "./modules/network"

  name = local.name
  cidr = var.cidr
  azs  = local.azs
  # One NAT per AZ in prod, a single shared one elsewhere.
  single_nat_gateway  = var.environment != "prod"
  flow_log_bucket_arn = "arn:aws:s3:::acme-log-archive-flowlogs-555566667777"
  resource_group_id   = alicloud_resource_manager_resource_group.this.id
}

module "endpoints" {
  source = "./modules/endpoints"

  name                = local.name
  vpc_id              = module.network.vpc_id
  vpc_cidr            = module.network.vpc_cidr_block
  subnet_ids          = module.network.private_subnet_ids
  route_table_ids     = module.network.private_route_table_ids
  interface_endpoints = var.interface_endpoints
  resource_group_id   = alicloud_resource_manager_resource_group.this.id
}

resource "alicloud_cen_transit_router_vpc_attachment" "hub" {
  transit_router_id = var.transit_gateway_id
  vpc_id            = module.network.vpc_id

  tags                               = merge(local.aws2ali_default_tags, { Name = "${local.name}-hub" })
  transit_router_vpc_attachment_name = "${local.name}-hub"
  dynamic "zone_mappings" {
    for_each = data.alicloud_vswitches.hub_attachment.vswitches
    content {
      vswitch_id = zone_mappings.value.id
      zone_id    = zone_mappings.value.zone_id
    }
  }
}

# Everything on the corporate 10/8 goes through the hub.
# aws2ali: aws_route.to_hub is not emitted as a resource: The route sends traffic to a transit
#   gateway, but no attachment of this VPC to it was found to route through.
# resource "aws_route" "to_hub" {
#   for_each = module.network.private_route_table_ids_by_az
#
#   route_table_id         = each.value
#   destination_cidr_block = "10.0.0.0/8"
#   transit_gateway_id     = var.transit_gateway_id
#
#   depends_on = [aws_ec2_transit_gateway_vpc_attachment.hub]
# }

resource "alicloud_security_group" "from_hub" {
  security_group_name = "${local.name}-from-hub"
  description         = "Management traffic from the hub (monitoring, bastions)"
  vpc_id              = module.network.vpc_id
  resource_group_id   = alicloud_resource_manager_resource_group.this.id
  tags                = local.aws2ali_default_tags
}

resource "alicloud_security_group_rule" "from_hub" {
  for_each = {
    ssh        = 22
    node_exp   = 9100
    prometheus = 9090
  }

  security_group_id = alicloud_security_group.from_hub.id
  description       = each.key
  priority          = 1
  type              = "ingress"
  ip_protocol       = "tcp"
  port_range        = "${each.value}/${each.value}"
  nic_type          = "intranet"
  policy            = "accept"
  cidr_ip           = "10.0.0.0/16"
}

# Private DNS for services in this spoke; the hub resolver forwards *.staging.internal here.
resource "alicloud_pvtz_zone" "internal" {
  zone_name         = "${var.environment}.internal"
  resource_group_id = alicloud_resource_manager_resource_group.this.id
  tags              = local.aws2ali_default_tags

  # Further VPC associations are made by the hub stack.
}

resource "alicloud_pvtz_zone_attachment" "internal" {
  zone_id = alicloud_pvtz_zone.internal.id
  vpcs {
    vpc_id = module.network.vpc_id
  }
  lifecycle {
    ignore_changes = [vpcs]
  }
}

resource "alicloud_pvtz_zone_record" "endpoints" {
  for_each = module.endpoints.interface_endpoint_dns

  zone_id = alicloud_pvtz_zone.internal.id
  rr      = "${replace(each.key, ".", "-")}.vpce"
  type    = "CNAME"
  ttl     = 300
  value   = each.value
}
