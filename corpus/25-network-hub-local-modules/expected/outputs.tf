output "vpc_id" {
  value = module.network.vpc_id
}

output "private_subnet_ids" {
  value = module.network.private_subnet_ids
}

output "public_subnet_ids" {
  value = module.network.public_subnet_ids
}

output "nat_public_ips" {
  value = module.network.nat_public_ips
}

output "tgw_attachment_id" {
  value = alicloud_cen_transit_router_vpc_attachment.hub.transit_router_attachment_id
}
