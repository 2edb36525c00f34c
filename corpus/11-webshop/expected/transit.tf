# Attach the shop VPC to the company core transit gateway (owned by the network
# team, shared to this account via RAM) so CI runners and the VPN can reach EKS.
data "alicloud_cen_transit_routers" "core" {
  cen_id     = var.core_cen_id
  name_regex = "^acme-core-tgw$"
}

resource "alicloud_cen_transit_router_vpc_attachment" "shop" {
  transit_router_id = data.alicloud_cen_transit_routers.core.transit_routers[0].transit_router_id
  vpc_id            = alicloud_vpc.main.id

  tags                               = merge(local.aws2ali_default_tags, { Name = "${local.name}-tgw" })
  transit_router_vpc_attachment_name = "${local.name}-tgw"
  dynamic "zone_mappings" {
    for_each = alicloud_vswitch.private
    content {
      vswitch_id = zone_mappings.value.id
      zone_id    = zone_mappings.value.zone_id
    }
  }
}

resource "alicloud_cen_transit_router_route_table_association" "shop" {
  transit_router_attachment_id  = alicloud_cen_transit_router_vpc_attachment.shop.transit_router_attachment_id
  transit_router_route_table_id = data.alicloud_cen_transit_router_route_tables.core_system.tables[0].id
}

resource "alicloud_cen_transit_router_route_table_propagation" "shop" {
  transit_router_attachment_id  = alicloud_cen_transit_router_vpc_attachment.shop.transit_router_attachment_id
  transit_router_route_table_id = data.alicloud_cen_transit_router_route_tables.core_system.tables[0].id
}

# Return path to shared services from every private route table.
resource "alicloud_route_entry" "to_shared_services" {
  count                 = var.az_count
  route_table_id        = alicloud_route_table.private[count.index].id
  destination_cidrblock = var.shared_services_vpc_cidr
  nexthop_id            = alicloud_cen_transit_router_vpc_attachment.shop.transit_router_attachment_id
  nexthop_type          = "Attachment"

  depends_on = [alicloud_cen_transit_router_vpc_attachment.shop]
}
